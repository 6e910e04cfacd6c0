# Ready for the print shop: colours in CMYK with black text on the K plate
# alone, RGB on request, and the document info a preflight reads.

# content PDF: what its pages draw (tests/e2e/content.py) into $T/content.
content() {
	python3 tests/e2e/content.py "$1" > "$T/content" ||
		fail "cannot read the content of $1"
}

# colours_in SUFFIXES: every colour set in $T/content ends in one of them
# ("k K": CMYK; "rg RG": RGB).
colours_in() {
	awk -F'\t' -v ok="$1" 'BEGIN { n = split(ok, v, " ")
	    for (i = 1; i <= n; i++) want[v[i]] = 1 }
	    { k = split($3, w, " ") } !(w[k] in want) { print; bad = 1 }
	    END { exit bad }' "$T/content" > "$T/other" ||
		{ head -n 5 "$T/other"; fail "colours other than $1"; }
}

# drawn_in COLOUR TEXT: text containing TEXT is drawn, all of it in COLOUR.
drawn_in() {
	awk -F'\t' -v c="$1" -v t="$2" '$2 == "text" && index($4, t) {
	    n++; if ($3 != c) { print; bad = 1 } }
	    END { exit bad || !n }' "$T/content" > "$T/other" ||
		{ cat "$T/other"; fail "'$2' not all drawn in '$1'"; }
}

# Black text is pure K, "0 0 0 1 k", never an RGB black that the print
# shop would turn into four-colour black; every colour is CMYK, and no
# text is rich black (cyan, magenta or yellow under 80 % or more black).
t_print_colours_are_cmyk() {
	run 0 "$PDFGEN" all -o "$T/o" input/programme.xml || return 1
	for p in booklet signs badges; do
		content "$T/o/$p.pdf" && colours_in "k K" || return 1
		awk -F'\t' '$2 == "text" { split($3, v, " ")
		    if (v[4] >= 0.8 && v[1] + v[2] + v[3] > 0) { print; bad = 1 } }
		    END { exit bad }' "$T/content" ||
			fail "$p: rich black text" || return 1
		# Text and bands: several colours, not everything black.
		[ "$(cut -f3 "$T/content" | sort -u | wc -l)" -ge 3 ] ||
			fail "$p: fewer than 3 colours" || return 1
	done
	content "$T/o/booklet.pdf" &&
		drawn_in "0 0 0 1 k" "Onlinezugangsgesetz" &&
		drawn_in "0 0 0 1 k" "Prof. Dr. Tino Schuppan" || return 1
	content "$T/o/signs.pdf" &&
		drawn_in "0 0 0 1 k" "OZG 2.0 und Verwaltung" || return 1
	content "$T/o/badges.pdf" && drawn_in "0 0 0 1 k" "Tanja Krins"
}

# --rgb: for screens, every colour in RGB, black text "0 0 0 rg".
t_print_rgb_for_screens() {
	run 0 "$PDFGEN" all --rgb -o "$T/o" input/programme.xml || return 1
	for p in booklet signs badges; do
		content "$T/o/$p.pdf" && colours_in "rg RG" || return 1
	done
	drawn_in "0 0 0 rg" "Tanja Krins" || return 1
	content "$T/o/booklet.pdf" && drawn_in "0 0 0 rg" "Onlinezugangsgesetz"
}

# The document info a preflight reads: title, creator, dates, not trapped
# (pdfgen does no trapping: the print shop may).
t_print_document_info() {
	for p in booklet signs badges; do
		SOURCE_DATE_EPOCH=1749718800 "$PDFGEN" $p -o "$T/o" \
		    input/programme.xml 2>/dev/null || return 1
		pdfinfo -isodates "$T/o/$p.pdf" > "$T/info" &&
			contains "$T/info" "Title:           Kongress Digitale Verwaltung NRW" &&
			contains "$T/info" "Creator:         pdfgen " &&
			contains "$T/info" "CreationDate:    2025-06-12T09:00:00Z" || return 1
		mutool show "$T/o/$p.pdf" trailer/Info > "$T/info" 2>&1 &&
			contains "$T/info" "/Trapped /False" || return 1
	done
}

# boxes_ok PDF LAYOUT SPREAD...: every page of each PDF has the boxes its
# layout asks for (tests/e2e/boxes_check.py).
boxes_ok() {
	python3 tests/e2e/boxes_check.py "$@" || fail "boxes of $*"
}

# Every page of every product has trim and bleed boxes that agree with
# its layout; the default booklet and sign layouts carry 3 mm bleed.
t_print_page_boxes() {
	set --
	for l in layouts/*.xml; do
		product=$(sed -n 's/.*product="\([a-z]*\)".*/\1/p' "$l")
		opts=""
		[ "$product" = booklet ] && opts=--impose
		o=$T/$(basename "$l" .xml)
		mkdir -p "$o"
		run 0 "$PDFGEN" "$product" $opts --layout "$l" -o "$o" \
		    input/programme.xml || return 1
		set -- "$@" "$o/$product.pdf" "$l" 1
		[ "$product" = booklet ] &&
			set -- "$@" "$o/booklet-imposed.pdf" "$l" 2
		case $l in
		*/booklet-*|*/signs-*)
			grep -q ' bleed="3mm"' "$l" || fail "$l: no 3 mm bleed" ||
				return 1 ;;
		esac
	done
	[ $# -ge 45 ] || fail "$(($# / 3)) PDFs from the layouts" || return 1
	boxes_ok "$@" || return 1
	# Crop marks where a layout asks, on signs too: 8 per page.
	sed 's#bleed="3mm"/>#bleed="3mm" crop-marks="true"/>#' \
	    layouts/signs-a4-landscape.xml > "$T/crop.xml"
	run 0 "$PDFGEN" signs --layout "$T/crop.xml" -o "$T/c" input/programme.xml &&
		boxes_ok "$T/c/signs.pdf" "$T/crop.xml" 1 || return 1
	pdf_ok "$T/c/signs.pdf" && content "$T/c/signs.pdf" || return 1
	[ "$(grep -c '^1	stroke	1 1 1 1 K$' "$T/content")" -eq 8 ] ||
		fail "not 8 crop marks in registration black on sign 1" ||
		return 1
	# And on posters.
	sed 's#margin="15mm"/>#margin="15mm" bleed="2mm" crop-marks="true"/>#' \
	    layouts/poster-a2.xml > "$T/poster.xml"
	run 0 "$PDFGEN" poster --layout "$T/poster.xml" -o "$T/p" input/programme.xml &&
		boxes_ok "$T/p/poster.pdf" "$T/poster.xml" 1 || return 1
	content "$T/p/poster.pdf" || return 1
	[ "$(grep -c '^1	stroke	1 1 1 1 K$' "$T/content")" -eq 8 ] ||
		fail "not 8 crop marks on the poster"
}

# pixel PDF PAGE X Y: the colour at (X, Y) pixels of the page at 72 dpi,
# the whole page with its bleed, as "R G B".
pixel() {
	pdftoppm -r 72 -f "$2" -l "$2" -x "$3" -y "$4" -W 1 -H 1 "$1" > "$T/px.ppm" &&
		python3 -c 'import sys; d = open(sys.argv[1], "rb").read()
print(*d[-3:])' "$T/px.ppm"
}

# Colour that meets the trimmed edge runs on into the bleed, no further;
# white where nothing touches the edge.
t_print_bands_run_into_the_bleed() {
	run 0 "$PDFGEN" booklet --impose -o "$T/o" input/programme.xml || return 1
	# The cover band: top, left and right edges; 2 pt from the page edge
	# lies in the 8.5 pt bleed.  Its foot and the page's foot stay white.
	[ "$(pixel "$T/o/booklet.pdf" 1 2 2)" != "255 255 255" ] &&
		[ "$(pixel "$T/o/booklet.pdf" 1 433 2)" != "255 255 255" ] &&
		[ "$(pixel "$T/o/booklet.pdf" 1 2 610)" = "255 255 255" ] ||
		fail "the cover band does not bleed at the top only" || return 1
	# Imposed: the cover is the right page of sheet 1; the band bleeds
	# at the top and the right, not over the fold into the left page.
	[ "$(pixel "$T/o/booklet-imposed.pdf" 1 852 2)" != "255 255 255" ] &&
		[ "$(pixel "$T/o/booklet-imposed.pdf" 1 420 2)" = "255 255 255" ] ||
		fail "the imposed cover band bleeds wrongly" || return 1
	# A sign whose band touches the top edge; the default one does not.
	sed 's#<box field="band" x="12mm" y="12mm" w="273mm" h="3mm"#<box field="band" x="0mm" y="0mm" w="297mm" h="10mm"#' \
	    layouts/signs-a4-landscape.xml > "$T/band.xml"
	run 0 "$PDFGEN" signs --layout "$T/band.xml" -o "$T/b" input/programme.xml || return 1
	[ "$(pixel "$T/b/signs.pdf" 1 2 2)" != "255 255 255" ] &&
		[ "$(pixel "$T/b/signs.pdf" 1 2 40)" = "255 255 255" ] ||
		fail "the sign's band does not bleed" || return 1
	run 0 "$PDFGEN" signs -o "$T/s" input/programme.xml || return 1
	[ "$(pixel "$T/s/signs.pdf" 1 2 2)" = "255 255 255" ] ||
		fail "the default sign bleeds"
}
