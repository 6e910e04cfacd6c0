# Generates valid but pathological programmes for tests/e2e/test_hardening.sh
# (sourced; POSIX sh).  Text arguments are inserted verbatim, so they may
# hold character references such as &#x200B;.

# programme GIVEN FAMILY TITLE PARAGRAPH: one room, one slot, one speaker
# with that name, one forum with that title and one description paragraph.
programme() {
	cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<programme xmlns="urn:pdfgen:programme:1" version="1" xml:lang="de">
  <event><title>Härtetest</title><date>2025-06-12</date></event>
  <rooms><room id="r1"><name>Raum 1</name></room></rooms>
  <slots><slot id="s1" date="2025-06-12" start="14:00" end="15:30"/></slots>
  <people>
    <person id="p1"><given>$1</given><family>$2</family><organisation>Stadt Köln</organisation></person>
  </people>
  <forums>
    <forum id="f1" number="1" room="r1" slot="s1">
      <title>$3</title>
      <description><p>$4</p></description>
      <speakers><speaker ref="p1"/></speakers>
    </forum>
  </forums>
</programme>
XML
}

# repeat N TEXT: TEXT N times, without separator.
repeat() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# many_forums N [-v NAME=VALUE...]: N forums in one slot, each in its
# own room, titled "Forum über Thema I"; forum 1 has a speaker, Anna Weiß.
# The awk variables change that: given= and family= the speaker's name,
# all=1 puts the speaker in every forum, title1= is forum 1's title, and
# text= every forum's description.
many_forums() {
	n=$1
	shift
	awk -v n="$n" -v given=Anna -v family=Weiß "$@" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<programme xmlns=\"urn:pdfgen:programme:1\" version=\"1\" xml:lang=\"de\">"
		print "<event><title>Großkongress</title><date>2025-06-12</date></event>"
		printf "<rooms>"
		for (i = 1; i <= n; i++)
			printf "<room id=\"r%d\"><name>Raum %d</name></room>\n", i, i
		print "</rooms>"
		print "<slots><slot id=\"s1\" date=\"2025-06-12\" start=\"14:00\" end=\"15:30\"/></slots>"
		print "<people><person id=\"p1\"><given>" given "</given><family>" family "</family></person></people>"
		print "<forums>"
		for (i = 1; i <= n; i++)
			printf "<forum id=\"f%d\" number=\"%d\" room=\"r%d\" slot=\"s1\"><title>%s</title>%s%s</forum>\n", i, i, i, i == 1 && title1 != "" ? title1 : "Forum über Thema " i, text != "" ? "<description><p>" text "</p></description>" : "", i == 1 || all ? "<speakers><speaker ref=\"p1\"/></speakers>" : ""
		print "</forums></programme>"
	}'
}

# many_days N: N sessions, each on a day of its own from 1 January 1900,
# in one room.
many_days() {
	python3 -c 'import datetime, sys
n = int(sys.argv[1])
d0 = datetime.date(1900, 1, 1)
print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
print("<programme xmlns=\"urn:pdfgen:programme:1\" version=\"1\" xml:lang=\"de\">")
print("<event><title>Dauerkongress</title><date>1900-01-01</date></event>")
print("<rooms><room id=\"r1\"><name>Raum 1</name></room></rooms>")
print("<slots>")
for i in range(n):
	print("<slot id=\"s%d\" date=\"%s\" start=\"10:00\" end=\"11:00\"/>" % (i, d0 + datetime.timedelta(days=i)))
print("</slots><forums>")
for i in range(n):
	print("<forum id=\"f%d\" number=\"%d\" room=\"r1\" slot=\"s%d\"><title>Tag %d</title></forum>" % (i, i + 1, i, i + 1))
print("</forums></programme>")' "$1"
}

# Damaged and oversized images for tests/e2e/test_images.sh, written to
# standard output.  Each of the damaged PNGs made libharu 2.3.0 abort.

# png_truncated PNG: its first half.
png_truncated() {
	head -c $(($(wc -c < "$1") / 2)) "$1"
}

# png_flipped PNG [OFFSET]: the 4 bytes at OFFSET (default 100: inside the
# image data of tests/e2e/badge-photo.png) inverted.
png_flipped() {
	python3 -c 'import sys
d = bytearray(open(sys.argv[1], "rb").read())
for i in range(int(sys.argv[2]), int(sys.argv[2]) + 4):
	d[i] ^= 0xFF
sys.stdout.buffer.write(d)' "$1" "${2:-100}"
}

# png_chunks W H IDAT-DATA [INTERLACE]: a greyscale PNG of W x H pixels
# whose one IDAT chunk holds that data (a Python expression), every
# checksum right; INTERLACE 1: Adam7.
png_chunks() {
	python3 -c 'import struct, sys, zlib
def chunk(t, d):
	return struct.pack(">I", len(d)) + t + d + \
	    struct.pack(">I", zlib.crc32(t + d))
w, h = int(sys.argv[1]), int(sys.argv[2])
idat = eval(sys.argv[3])
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0,
    int(sys.argv[4]))) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))' \
	    "$1" "$2" "$3" "${4:-0}"
}

# png_interlaced: an 8 x 8 grey PNG, Adam7 interlaced (its seven passes).
png_interlaced() {
	png_chunks 8 8 'zlib.compress(b"".join(b"\x00" + bytes(len(range(x, 8,
	    dx))) for x, y, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8),
	    (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
	    for r in range(y, 8, dy)))' 1
}

# png_of_size W H: a PNG whose header says W x H pixels (data for one row).
png_of_size() {
	png_chunks "$1" "$2" 'zlib.compress(bytes(w + 1))'
}

# png_bad_idat: a 4 x 4 PNG whose compressed data is broken, checksum right.
png_bad_idat() {
	png_chunks 4 4 'b"\x78\x9c\x00\x05\x00\x00\x00" + bytes(20)'
}

# large_file PNG: PNG followed by zeros up to 21 MiB (sparse).
large_file() {
	cat "$1"
	head -c $((21 * 1024 * 1024 - $(wc -c < "$1"))) /dev/zero
}

# jpeg_good: a small JPEG (a grey page of Ghostscript at 10 dpi).
jpeg_good() {
	gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=jpeggray -r10 \
	    -sOutputFile=- -c '0.5 setgray clippath fill showpage'
}

# jpeg_truncated: the first half of jpeg_good.
jpeg_truncated() {
	jpeg_good > "$T/good.jpg"
	png_truncated "$T/good.jpg"
}

# crowd F P S: F forums in one slot, each in its own room, P people; forum
# i (from 0) has the S speakers i*S+k modulo P (k < S).  crowd 20000 20000 1:
# everyone speaks once; crowd 1 4000 4000: one forum of 4,000 speakers;
# crowd 4500 1 1: one person in 4,500 forums.
crowd() {
	awk -v nf="$1" -v np="$2" -v ns="$3" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<programme xmlns=\"urn:pdfgen:programme:1\" version=\"1\" xml:lang=\"de\">"
		print "<event><title>Großkongress</title><date>2025-06-12</date></event>"
		print "<rooms>"
		for (i = 1; i <= nf; i++)
			printf "<room id=\"r%d\"><name>Raum %d</name></room>\n", i, i
		print "</rooms>"
		print "<slots><slot id=\"s1\" date=\"2025-06-12\" start=\"14:00\" end=\"15:30\"/></slots>"
		print "<people>"
		for (i = 0; i < np; i++)
			printf "<person id=\"p%d\"><given>Anna %d</given><family>Weiß</family><organisation>Stadt Köln</organisation></person>\n", i, i
		print "</people><forums>"
		for (i = 0; i < nf; i++) {
			printf "<forum id=\"f%d\" number=\"%d\" room=\"r%d\" slot=\"s1\"><title>Forum über Thema %d</title><speakers>", i, i + 1, i + 1, i
			for (k = 0; k < ns; k++)
				printf "<speaker ref=\"p%d\"/>", (i * ns + k) % np
			print "</speakers></forum>"
		}
		print "</forums></programme>"
	}'
}
