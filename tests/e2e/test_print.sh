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
