# pdfgen badges: who gets a badge, in which order, where on the sheet, and
# that no word leaves its badge.  Positions come from `pdftotext -bbox`
# (points, y from the top) against the grid of layouts/badges-90x55.xml:
# A4 portrait, 2 x 5 badges of 90 x 55 mm without gaps, centred, so the
# grid starts 15 mm from the left and 11 mm from the top.

MM=2.834645669			# points per millimetre
GRID_90x55="2 5 $(awk -v m=$MM 'BEGIN { printf "%.4f %.4f %.4f %.4f 0 0", 15*m, 11*m, 90*m, 55*m }')"

# The seed's named speakers as the registration desk files them (German
# collation: Böttcher before Brakmann, Nähle as Nahle), then the two N.N.
SEED_ORDER="Peter Adelskamp|Marcel Böttcher|Markus Brakmann|Katharina Flisikowski|Oliver Heidinger|Esther Herfurth|Martin Hoffmann|Lars Hoppmann|Martin Kohls|Annika Krellmann|Tanja Krins|Georg Lucht|Christian Nähle|Andreas Pamp|Kerstin Pliquett|Tino Schuppan|Alexander Smolianitski|Manuela Urban|Procilon|Zukunftswerkstatt Kommunen"

# words PDF: one line per word: page xMin yMin xMax yMax text.
words() {
	pdftotext -bbox "$1" - | awk '
		/<page / { page++ }
		/<word / {
			match($0, /xMin="[^"]*" yMin="[^"]*" xMax="[^"]*" yMax="[^"]*"/)
			split(substr($0, RSTART, RLENGTH), a, "\"")
			w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
			gsub(/&amp;/, "\\&", w)
			print page, a[2], a[4], a[6], a[8], w
		}'
}

# slotted PDF GRID: each word with its badge: page row col yMin xMin
# xRel text, xRel being x from the badge's left edge; a word not wholly
# inside one badge prints "OUTSIDE ..." instead.  GRID is "columns rows
# left top width height gap-x gap-y" in points.
slotted() {
	words "$1" | awk -v g="$2" '
		BEGIN { split(g, G, " "); e = 0.01 }
		{
			c = int(($2 - G[3]) / (G[5] + G[7]))
			r = int(($3 - G[4]) / (G[6] + G[8]))
			x0 = G[3] + c * (G[5] + G[7]); y0 = G[4] + r * (G[6] + G[8])
			if (c < 0 || r < 0 || c >= G[1] || r >= G[2] ||
			    $2 < x0 - e || $4 > x0 + G[5] + e ||
			    $3 < y0 - e || $5 > y0 + G[6] + e) {
				print "OUTSIDE", $0
				next
			}
			t = $6; for (i = 7; i <= NF; i++) t = t " " $i
			printf "%d %d %d %.2f %.2f %.2f %s\n", $1, r, c, $3, $2, $2 - x0, t
		}'
}

# badges PDF GRID [odd]: the text of each used badge, as "page row col:
# text", on every page or (odd) on the odd pages only, the fronts of a
# duplex layout.
badges() {
	slotted "$1" "$2" | grep -v '^OUTSIDE' | sort -k1,1n -k2,2n -k3,3n -k4,4n -k5,5n |
	    awk -v odd="${3:-}" '
		odd == "odd" && $1 % 2 == 0 { next }
		{
			k = $1 " " $2 " " $3
			t = $7; for (i = 8; i <= NF; i++) t = t " " $i
			if (k != last) { if (last != "") print last ": " s; last = k; s = t }
			else s = s " " t
		}
		END { if (last != "") print last ": " s }'
}

# no_word_outside PDF GRID: every word lies wholly inside one badge.
no_word_outside() {
	slotted "$1" "$2" > "$T/slotted"
	! grep '^OUTSIDE' "$T/slotted" || fail "words outside their badges in $1"
}

# no_overlap PDF: no two words of a page overlap.  pdftotext's boxes run
# from the font's ascender to its descender, more than the glyphs reach,
# so boxes of lines set closer than that may touch by up to 12 % of their
# height; real overlaps are larger.
no_overlap() {
	words "$1" | sort -k1,1n -k3,3n | awk '
		{
			n++; P[n] = $1; X0[n] = $2; Y0[n] = $3; X1[n] = $4; Y1[n] = $5; W[n] = $6
			for (i = n - 1; i >= 1 && P[i] == $1 && Y0[i] > $3 - 200; i--) {
				ox = (X1[i] < $4 ? X1[i] : $4) - (X0[i] > $2 ? X0[i] : $2)
				oy = (Y1[i] < $5 ? Y1[i] : $5) - (Y0[i] > $3 ? Y0[i] : $3)
				h = (Y1[i] - Y0[i] < $5 - $3) ? Y1[i] - Y0[i] : $5 - $3
				if (ox > 0.01 && oy > 0.12 * h) {
					print "page " $1 ": \"" W[i] "\" overlaps \"" $6 "\""
					bad = 1
				}
			}
		}
		END { exit bad }' || fail "overlapping words in $1"
}

# in_order FILE NAMES: line k of FILE contains the k-th of the
# '|'-separated NAMES, and FILE has as many lines as there are names.
in_order() {
	echo "$2" | tr '|' '\n' > "$T/want"
	[ "$(wc -l < "$1")" -eq "$(wc -l < "$T/want")" ] ||
		{ cat "$1"; fail "$(wc -l < "$1") badges, expected $(wc -l < "$T/want")"; } || return 1
	paste -d '\t' "$T/want" "$1" | while IFS='	' read -r name line; do
		case $line in
		*"$name"*) ;;
		*) echo "FAILED: badge '$line' should be $name's"; exit 1 ;;
		esac
	done
}

# Every speaker of the seed has exactly one front badge, in collation
# order; back sides follow each sheet; nothing warns; the PDF is clean.
t_badges_seed_order() {
	run 0 "$PDFGEN" badges -o "$T" input/programme.xml || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "badges warned"; } || return 1
	pdf_ok "$T/badges.pdf" || return 1
	[ "$(pages "$T/badges.pdf")" -eq 4 ] || fail "pages: $(pages "$T/badges.pdf"), expected 4" || return 1
	badges "$T/badges.pdf" "$GRID_90x55" odd > "$T/front"
	in_order "$T/front" "$SEED_ORDER" || return 1
	for name in Krins Adelskamp Hoffmann Brakmann Heidinger Urban Krellmann \
	    Flisikowski Nähle Smolianitski Böttcher Hoppmann Pliquett Herfurth \
	    Schuppan Pamp Lucht Kohls; do
		[ "$(grep -c " $name" "$T/front")" -eq 1 ] ||
			fail "$name is on $(grep -c " $name" "$T/front") front badges" || return 1
	done
	# Titles, categories, forums and the placeholders' organisations.
	contains "$T/front" "1 3 0: Referent*in Prof. Dr. Martin Hoffmann" &&
	contains "$T/front" "Forum 6: Prozessmanagement" &&
	grep -q "Referent\*in Procilon Forum 1: OZG 2.0" "$T/front" ||
		{ cat "$T/front"; fail "badge contents"; }
}

# The longest organisation of the seed fits its badge whole: all its words,
# inside the badge of Katharina Flisikowski, no warning.
t_badges_longest_organisation() {
	run 0 "$PDFGEN" badges -o "$T" input/programme.xml || return 1
	[ ! -s "$T/err" ] || fail "badges warned" || return 1
	badges "$T/badges.pdf" "$GRID_90x55" odd > "$T/front"
	contains "$T/front" "Katharina Flisikowski Koordinierungsstelle Digitale Souveränität und Open Source im CIIO – Chief Information/Innovation Office der Stadt Dortmund Forum 3"
}

# No word crosses the edge of its badge or covers another, on any page of
# the seed's badges or of the hard cases.
t_badges_words_inside() {
	run 0 "$PDFGEN" badges -o "$T" input/programme.xml || return 1
	no_word_outside "$T/badges.pdf" "$GRID_90x55" && no_overlap "$T/badges.pdf" || return 1
	mkdir "$T/long"
	run 0 "$PDFGEN" badges -o "$T/long" tests/e2e/badges-long.xml || return 1
	no_word_outside "$T/long/badges.pdf" "$GRID_90x55" && no_overlap "$T/long/badges.pdf"
}

# The back sheet follows its front with the columns mirrored: each word
# sits at the same place of the same badge, now in the other column.
t_badges_duplex_mirrors_columns() {
	run 0 "$PDFGEN" badges -o "$T" input/programme.xml || return 1
	slotted "$T/badges.pdf" "$GRID_90x55" > "$T/s"
	awk '$1 == 1 { print $2, 1 - $3, $4, $6, $7 }' "$T/s" | sort > "$T/front"
	awk '$1 == 2 { print $2, $3, $4, $6, $7 }' "$T/s" | sort > "$T/back"
	[ -s "$T/front" ] || fail "no words on page 1" || return 1
	diff -u "$T/front" "$T/back" || fail "page 2 is not page 1 mirrored" || return 1
	# Adelskamp: front left column, back right column.
	grep -q '^1 0 0 .* Adelskamp$' "$T/s" && grep -q '^2 0 1 .* Adelskamp$' "$T/s" ||
		fail "Adelskamp not mirrored"
}

# --skip 3: slots 1 to 3 of the first sheet stay empty.
t_badges_skip() {
	run 0 "$PDFGEN" badges --skip 3 -o "$T" input/programme.xml || return 1
	badges "$T/badges.pdf" "$GRID_90x55" odd > "$T/front"
	head -n 1 "$T/front" | grep -q '^1 1 1: .*Peter Adelskamp' ||
		{ cat "$T/front"; fail "first badge not in slot 4"; } || return 1
	in_order "$T/front" "$SEED_ORDER" || return 1
	run 1 "$PDFGEN" badges --skip 10 -o "$T/x" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: --skip 10 leaves no free place on a sheet of 10 badges"
}

# --only by id or by name prints just those; an unknown entry is an error
# naming it, and nothing is written.
t_badges_only() {
	run 0 "$PDFGEN" badges --only krins -o "$T" input/programme.xml || return 1
	badges "$T/badges.pdf" "$GRID_90x55" > "$T/all"
	expect_file "$T/all" "1 0 0: Referent*in Tanja Krins Stadt Köln Abteilungsleitung Smarte Stadt Forum 1: OZG 2.0 und Verwaltung 4.0 – wie passt das?
2 0 1: Referent*in Tanja Krins Stadt Köln Abteilungsleitung Smarte Stadt Forum 1: OZG 2.0 und Verwaltung 4.0 – wie passt das?" || return 1
	run 0 "$PDFGEN" badges --only "Christian Nähle, urban" -o "$T" input/programme.xml || return 1
	badges "$T/badges.pdf" "$GRID_90x55" odd > "$T/front"
	in_order "$T/front" "Christian Nähle|Manuela Urban" || return 1
	mkdir "$T/x"
	run 1 "$PDFGEN" badges --only krins,nosuch -o "$T/x" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: unknown person 'nosuch' in --only" || return 1
	[ -z "$(ls -A "$T/x")" ] || fail "files written: $(ls -A "$T/x")"
}

# --confirmed-only leaves out the three invited speakers, --no-placeholders
# the two N.N.; an --only naming someone so left out is an error.
t_badges_filters() {
	run 0 "$PDFGEN" badges --confirmed-only --no-placeholders -o "$T" input/programme.xml || return 1
	badges "$T/badges.pdf" "$GRID_90x55" odd > "$T/front"
	in_order "$T/front" "Peter Adelskamp|Markus Brakmann|Katharina Flisikowski|Oliver Heidinger|Esther Herfurth|Martin Hoffmann|Lars Hoppmann|Annika Krellmann|Tanja Krins|Christian Nähle|Andreas Pamp|Kerstin Pliquett|Tino Schuppan|Alexander Smolianitski|Manuela Urban" || return 1
	run 1 "$PDFGEN" badges --confirmed-only --only lucht -o "$T" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: no badge for 'lucht' in --only: is not confirmed and --confirmed-only is given"
}

# The hard cases: a name of 60 characters goes on two lines (given names
# above the family name); an organisation of more than four lines is
# shortened with a warning; a family name too long even at the smallest
# size is shrunk further, whole, with a warning; a person in three forums
# gets one badge naming them; a placeholder gets a line to write on.
t_badges_long_names() {
	nbsp=$(printf '\302\240')	# text_fit keeps "…" on its word's line
	run 0 "$PDFGEN" badges -o "$T" tests/e2e/badges-long.xml || return 1
	expect_file "$T/err" "tests/e2e/badges-long.xml:23:5: warning: 'Bundesministerium für Umwelt, Naturschutz, nukleare Sicherheit und Verbraucherschutz, Referat Digitalisierung, Künstliche Intelligenz, Datenpolitik und Informationssicherheit der Bundesverwaltung in Bonn und Berlin' in person.organisation does not fit its box; shortened to 'Bundesministerium für Umwelt, Naturschutz, nukleare Sicherheit und Verbraucherschutz, Referat Digitalisierung, Künstliche Intelligenz,${nbsp}…'
tests/e2e/badges-long.xml:30:5: warning: 'Hubert Wolfeschlegelsteinhausenbergerdorff' in person.name does not fit its box at 14 pt; set at 12.5 pt" || return 1
	pdf_ok "$T/badges.pdf" || return 1
	badges "$T/badges.pdf" "$GRID_90x55" odd > "$T/front"
	in_order "$T/front" "Jörg Abel|Özlem Çelik|Marie-Luise Frederike Charlotte Hohenzollern-Sigmaringen-Öls|Hubert Wolfeschlegelsteinhausenbergerdorff|Ines Zander|KDN – Dachverband" || return 1
	contains "$T/front" "1 0 0: Moderation Jörg Abel WDR Forum 2: Register" &&
	contains "$T/front" "Özlem Çelik Stadt Duisburg Leiterin Digitalisierung Forum 1, 2, 3" || return 1
	# The long name: given names on one line, the family name below.
	words "$T/badges.pdf" | awk '$1 == 1 && ($6 == "Charlotte" || $6 == "Hohenzollern-Sigmaringen-Öls") { print $3 }' > "$T/y"
	[ "$(sort -u "$T/y" | wc -l)" -eq 2 ] && [ "$(head -n 1 "$T/y")" != "$(tail -n 1 "$T/y")" ] ||
		fail "the 60-character name is not on two lines"
}

# --strict: the same warnings are errors, and no file is written.
t_badges_strict() {
	mkdir "$T/x"
	run 1 "$PDFGEN" badges --strict -o "$T/x" tests/e2e/badges-long.xml || return 1
	contains "$T/err" "tests/e2e/badges-long.xml:23:5: error: 'Bundesministerium für Umwelt" || return 1
	[ -z "$(ls -A "$T/x")" ] || fail "files written: $(ls -A "$T/x")" || return 1
	run 0 "$PDFGEN" badges --strict -o "$T" input/programme.xml
}

# The other shipped badge layouts print the seed cleanly: A6 four to a
# sheet, one-sided; the pre-cut Zweckform cards eight to a sheet.
t_badges_other_layouts() {
	run 0 "$PDFGEN" badges --layout layouts/badges-a6.xml -o "$T" input/programme.xml || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "A6 badges warned"; } || return 1
	pdf_ok "$T/badges.pdf" || return 1
	[ "$(pages "$T/badges.pdf")" -eq 5 ] || fail "A6: $(pages "$T/badges.pdf") pages, expected 5" || return 1
	# 2 x 2 A6 without gaps, centred on A4: 0.5 mm to spare at the top.
	grid="2 2 0 $(awk -v m=$MM 'BEGIN { printf "%.4f %.4f %.4f 0 0", 0.5*m, 105*m, 148*m }')"
	no_word_outside "$T/badges.pdf" "$grid" && no_overlap "$T/badges.pdf" || return 1
	badges "$T/badges.pdf" "$grid" > "$T/all"
	in_order "$T/all" "$SEED_ORDER" || return 1
	run 0 "$PDFGEN" badges --layout layouts/badges-zweckform-32015.xml -o "$T" input/programme.xml || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "Zweckform badges warned"; } || return 1
	pdf_ok "$T/badges.pdf" || return 1
	[ "$(pages "$T/badges.pdf")" -eq 3 ] || fail "Zweckform: $(pages "$T/badges.pdf") pages, expected 3" || return 1
	grid="2 4 $(awk -v m=$MM 'BEGIN { printf "%.4f %.4f %.4f %.4f %.4f %.4f", 17*m, 31.5*m, 85*m, 54*m, 6*m, 6*m }')"
	no_word_outside "$T/badges.pdf" "$grid" && no_overlap "$T/badges.pdf" || return 1
	badges "$T/badges.pdf" "$grid" > "$T/all"
	in_order "$T/all" "$SEED_ORDER"
}

# A layout with a photo and a QR code: the photo on the front and on the
# back, kept in its proportions (same resolution both ways).
t_badges_photo() {
	run 0 "$PDFGEN" badges --layout tests/e2e/badges-photo.xml --only doppel -o "$T" tests/e2e/badges-long.xml || return 1
	pdf_ok "$T/badges.pdf" || return 1
	[ "$(pages "$T/badges.pdf")" -eq 2 ] || fail "$(pages "$T/badges.pdf") pages, expected 2" || return 1
	pdfimages -list "$T/badges.pdf" | awk 'NR > 2 { print $1, $4, $5, $13 == $14 }' > "$T/images"
	expect_file "$T/images" "1 30 40 1
2 30 40 1"
}
