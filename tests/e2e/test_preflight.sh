# The print shop's readers: tests/preflight.sh (qpdf, poppler, MuPDF,
# Ghostscript) on every page of every product with every shipped layout.
# The big inputs go through the same readers by pdf_ok (every object, the
# first 24 pages drawn): the generated 900-talk conference
# (test_schedule.sh) and the 5000-forum programme (test_hardening.sh).

# preflight_all INPUT: renders INPUT with every layout in layouts/, the
# booklets imposed too, and runs the preflight over every PDF.
preflight_all() {
	nl=0
	for l in layouts/*.xml; do
		name=$(basename "$l" .xml)
		product=$(sed -n 's/.*product="\([a-z]*\)".*/\1/p' "$l")
		opts=""
		[ "$product" = booklet ] && opts=--impose
		mkdir -p "$T/$name"
		run 0 "$PDFGEN" "$product" $opts --layout "$l" -o "$T/$name" \
		    "$1" || return 1
		nl=$((nl + 1))
	done
	# Each layout's product and the two imposed booklets.
	n=$(ls "$T"/*/*.pdf | wc -l)
	[ "$nl" -ge 8 ] && [ "$n" -eq $((nl + 2)) ] ||
		fail "$n PDFs from $nl layouts" || return 1
	sh tests/preflight.sh "$T"/*/*.pdf > "$T/preflight" ||
		{ cat "$T/preflight"; fail "the preflight has messages"; }
}

t_preflight_example() {
	preflight_all input/programme.xml
}

# 68 booklet pages with a blank one (page 10), 72 signs, emoji, long titles.
t_preflight_pretalx_sample() {
	preflight_all tests/samples/good2025-pretalx.schedule.xml
}

# The preflight itself finds what the renderers once wrote: a page whose
# content is an empty FlateDecode stream (no zlib header), which qpdf and
# poppler accept and MuPDF and Ghostscript do not.
t_preflight_reports_empty_flate_stream() {
	python3 - "$T/bad.pdf" <<'EOF' || return 1
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Contents 4 0 R /Resources << >> >>",
        b"<< /Length 0 /Filter /FlateDecode >>\nstream\n\nendstream"]
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
    len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
EOF
	run 1 sh tests/preflight.sh "$T/bad.pdf" || return 1
	contains "$T/out" "$T/bad.pdf: mutool: warning: premature end of data in flate filter" &&
		contains "$T/out" "$T/bad.pdf: gs: " || return 1
	# A truncated file: every reader speaks, and the status says so.
	head -c 150 "$T/bad.pdf" > "$T/cut.pdf"
	run 1 sh tests/preflight.sh "$T/cut.pdf" || return 1
	for tool in qpdf pdfinfo pdffonts pdftotext mutool gs; do
		contains "$T/out" "$T/cut.pdf: $tool: " || return 1
	done
}
