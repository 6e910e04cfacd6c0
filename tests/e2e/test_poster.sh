# pdfgen poster: each day's timetable on one large sheet, A2 portrait by
# default, on A1 or A0 when the day needs it, split into marked parts
# only beyond A0; every session of the day on it, inside the margins, no
# two words on top of each other.

A2="1190.55 x 1683.78"
A1="1683.78 x 2383.94"
A0="2383.94 x 3370.39"

# poster_sizes PDF: the page sizes, one a line, as "W x H" in points.
poster_sizes() {
	pdfinfo -l 1000 "$1" | sed -n 's/^Page *[0-9]* size: *\([0-9.]* x [0-9.]*\).*/\1/p'
}

# same_size A B: two "W x H" within a point of each other.
same_size() {
	echo "$1 $2" | awk '{ exit !($1 - $4 < 1 && $4 - $1 < 1 &&
	    $3 - $6 < 1 && $6 - $3 < 1) }'
}

# every_page_is PDF SIZE: every page of PDF has SIZE.
every_page_is() {
	poster_sizes "$1" > "$T/sizes"
	[ -s "$T/sizes" ] || fail "no pages in $1" || return 1
	while read -r s; do
		same_size "$s" "$2" || fail "a page of $1 is $s, not $2" ||
			return 1
	done < "$T/sizes"
}

# The seed: its one day, twelve forums at 14:00, on one A2 sheet.
t_poster_seed_one_a2_sheet() {
	run 0 "$PDFGEN" poster --strict -o "$T/o" input/programme.xml ||
		return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	pdf_ok "$T/o/poster.pdf" || return 1
	[ "$(pages "$T/o/poster.pdf")" = 1 ] || fail "not one sheet" || return 1
	every_page_is "$T/o/poster.pdf" "$A2" || return 1
	pdftotext "$T/o/poster.pdf" - | tr '\n' ' ' | tr -s ' ' > "$T/text"
	contains "$T/text" "Kongress Digitale Verwaltung NRW – Donnerstag, 12. Juni 2025" ||
		return 1
	python3 -c 'import sys, xml.etree.ElementTree as ET
for t in ET.parse(sys.argv[1]).getroot().iter("{urn:pdfgen:programme:1}forum"):
    print(" ".join(t.findtext("{urn:pdfgen:programme:1}title").split()))' \
	    input/programme.xml > "$T/titles"
	[ "$(wc -l < "$T/titles")" = 12 ] || fail "not 12 titles" || return 1
	while read -r title; do
		[ "$(grep -oF -- "$title" "$T/text" | wc -l)" = 1 ] ||
			fail "'$title' is not once on the poster" || return 1
	done < "$T/titles"
}

# Twelve rooms do not fit across A2 at the poster's sizes: the sheet
# grows to A1 (each day on one sheet); sixteen rooms need A0, where the
# legend of the tracks fits under every grid.
t_poster_grows_to_a1_and_a0() {
	python3 tests/bench/gen_schedule.py --sessions 200 --rooms 12 \
	    -o "$T/g12.xml" || return 1
	run 0 "$PDFGEN" poster -o "$T/o" "$T/g12.xml" || return 1
	pdf_ok "$T/o/poster.pdf" || return 1
	[ "$(pages "$T/o/poster.pdf")" = 2 ] || fail "not a sheet per day" ||
		return 1
	every_page_is "$T/o/poster.pdf" "$A1" || return 1
	python3 tests/e2e/grid_check.py "$T/o/poster.pdf" "$T/g12.xml" \
	    15 15 15 15 || return 1
	lacks "$T/o/poster.pdf" "part 1/" || return 1
	python3 tests/bench/gen_schedule.py --sessions 400 --rooms 16 \
	    -o "$T/g16.xml" || return 1
	run 0 "$PDFGEN" poster -o "$T/o" "$T/g16.xml" || return 1
	[ "$(pages "$T/o/poster.pdf")" = 2 ] || fail "not a sheet per day" ||
		return 1
	every_page_is "$T/o/poster.pdf" "$A0" &&
	python3 tests/e2e/grid_check.py "$T/o/poster.pdf" "$T/g16.xml" \
	    15 15 15 15 --legend
}

# 900 sessions in 30 rooms: even A0 cannot hold a day; each day goes on
# A0 sheets marked "part 1/2" and "part 2/2", every session once, the
# legend of the tracks on each.
t_poster_beyond_a0_in_parts() {
	python3 tests/bench/gen_schedule.py -o "$T/g.xml" || return 1
	run 0 "$PDFGEN" poster -o "$T/o" "$T/g.xml" || return 1
	pdf_ok "$T/o/poster.pdf" || return 1
	every_page_is "$T/o/poster.pdf" "$A0" || return 1
	n=$(pages "$T/o/poster.pdf")
	[ "$n" -ge 4 ] || fail "$n sheets for two days beyond A0" || return 1
	pdftotext "$T/o/poster.pdf" "$T/text" || return 1
	for d in "Tuesday, 17 March 2026" "Wednesday, 18 March 2026"; do
		k=$(grep -c "– $d" "$T/text")
		i=1
		while [ "$i" -le "$k" ]; do
			grep -q "part $i/$k" "$T/text" ||
				fail "$d: no 'part $i/$k'" || return 1
			i=$((i + 1))
		done
	done
	python3 tests/e2e/grid_check.py "$T/o/poster.pdf" "$T/g.xml" \
	    15 15 15 15 --legend
}

# The shipped poster layouts: their sheet, at least.
t_poster_layouts() {
	for l in a2-landscape:"1683.78 x 1190.55" a1:"$A1" a0:"$A0"; do
		name=${l%%:*} size=${l#*:}
		run 0 "$PDFGEN" poster --layout "layouts/poster-$name.xml" \
		    -o "$T/$name" input/programme.xml || return 1
		pdf_ok "$T/$name/poster.pdf" || return 1
		every_page_is "$T/$name/poster.pdf" "$size" || return 1
	done
}

# The pretalx sample: four days, four sheets; all is well-formed.
t_poster_pretalx_sample() {
	run 0 "$PDFGEN" poster -o "$T/o" tests/samples/good2025-pretalx.schedule.xml ||
		return 1
	pdf_ok "$T/o/poster.pdf" || return 1
	[ "$(pages "$T/o/poster.pdf")" = 4 ] || fail "not four sheets"
}
