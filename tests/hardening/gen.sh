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

# many_forums N: N forums in one slot, each in its own room; forum 1 has
# a speaker.
many_forums() {
	awk -v n="$1" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<programme xmlns=\"urn:pdfgen:programme:1\" version=\"1\" xml:lang=\"de\">"
		print "<event><title>Großkongress</title><date>2025-06-12</date></event>"
		printf "<rooms>"
		for (i = 1; i <= n; i++)
			printf "<room id=\"r%d\"><name>Raum %d</name></room>\n", i, i
		print "</rooms>"
		print "<slots><slot id=\"s1\" date=\"2025-06-12\" start=\"14:00\" end=\"15:30\"/></slots>"
		print "<people><person id=\"p1\"><given>Anna</given><family>Weiß</family></person></people>"
		print "<forums>"
		for (i = 1; i <= n; i++)
			printf "<forum id=\"f%d\" number=\"%d\" room=\"r%d\" slot=\"s1\"><title>Forum über Thema %d</title>%s</forum>\n", i, i, i, i, i == 1 ? "<speakers><speaker ref=\"p1\"/></speakers>" : ""
		print "</forums></programme>"
	}'
}
