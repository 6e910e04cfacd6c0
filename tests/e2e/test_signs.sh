# End-to-end tests of `pdfgen signs`: one door sign per forum.
# Positions come from `pdftotext -bbox` (points, y from the top of the page).

MM=2.83464567	# points per millimetre

# signs_text PDF N: the words of page N on one line, single spaces.
signs_text() {
	pdftotext -f "$2" -l "$2" "$1" - | tr '\n' ' ' | tr -s ' '
}

# signs_has PDF N STRING...: page N contains every STRING.
signs_has() {
	pdf=$1 n=$2; shift 2
	signs_text "$pdf" "$n" > "$T/page$n"
	for s in "$@"; do
		grep -qF -- "$s" "$T/page$n" ||
			fail "page $n of $pdf lacks '$s': $(cat "$T/page$n")" ||
			return 1
	done
}

# signs_geometry PDF MARGIN-MM: every word lies inside the safe margin of
# the trimmed sign and no two words overlap.  Word boxes run from the
# font's ascender to its descender, which the lines of a tightly led
# title share, so boxes are compared with 15 % of their height trimmed at
# the top and the bottom.
signs_geometry() {
	pdftotext -bbox "$1" - | awk -F'"' -v m="$2" -v mm="$MM" \
	    -v b="$(trim "$1" | cut -d' ' -f1)" '
	/<page / { page++; w = $2; h = $4; n = 0; next }
	/<word / {
		x0 = $2; y0 = $4; x1 = $6; y1 = $8
		t = $9; sub(/^>/, "", t); sub(/<\/word>.*/, "", t)
		s = b + m * mm - 0.5
		if (x0 < s || y0 < s || x1 > w - s || y1 > h - s) {
			printf "page %d: \"%s\" (%.1f %.1f %.1f %.1f) leaves " \
			    "the %g mm margin\n", page, t, x0, y0, x1, y1, m
			bad = 1
		}
		d = (y1 - y0) * 0.15
		for (i = 0; i < n; i++)
			if (x0 < X1[i] - 0.5 && X0[i] < x1 - 0.5 &&
			    y0 + d < Y1[i] - D[i] && Y0[i] + D[i] < y1 - d) {
				printf "page %d: \"%s\" overlaps \"%s\"\n",
				    page, t, T[i]
				bad = 1
			}
		X0[n] = x0; Y0[n] = y0; X1[n] = x1; Y1[n] = y1; D[n] = d
		T[n++] = t
	}
	END { exit bad }' || fail "words of $1 leave the margin or overlap"
}

# signs_word_height PDF N WORD: the height of WORD's box on page N (points).
signs_word_height() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - |
		awk -F'"' -v word="$3" '$9 == ">" word "</word>" {
			printf "%.1f\n", $8 - $4; exit }'
}

t_signs_one_page_per_forum() {
	run 0 "$PDFGEN" signs -o "$T" input/programme.xml || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings on the example"; } ||
		return 1
	[ "$(pages "$T/signs.pdf")" = 12 ] || fail "not 12 pages" || return 1
	p=$T/signs.pdf
	signs_has "$p" 1 "Forum 1 " "OZG 2.0 und Verwaltung 4.0 – wie passt das?" \
	    "u. a. mit" "Tanja Krins, Stadt Köln" "Peter Adelskamp, Stadt Essen" \
	    "Prof. Dr. Martin Hoffmann, Bürgermeister der Gemeinde Leopoldshöhe" \
	    "N.N., Procilon" "Raum 1" "14:00–15:30" \
	    "Kongress Digitale Verwaltung NRW" "Donnerstag, 12. Juni 2025" &&
	signs_has "$p" 2 "Forum 2 " "Cloud" "Dr. Markus Brakmann" \
	    "Dr. Oliver Heidinger" "Dr. Manuela Urban" &&
	signs_has "$p" 3 "Forum 3 " "Digitale Souveränität" "Referent*innen" \
	    "Annika Krellmann" "Katharina Flisikowski" "Christian Nähle" \
	    "Alexander Smolianitski" &&
	signs_has "$p" 4 "Forum 4 " "Forum ausgestaltet von KPMG" \
	    "ausgestaltet von KPMG" "Raum 4" &&
	signs_has "$p" 5 "Forum 5 " "ausgestaltet von Red Hat" &&
	signs_has "$p" 6 "Forum 6 " "Prozessmanagement" \
	    "Marcel Böttcher, Stadt Bergisch Gladbach (angefragt)" &&
	signs_has "$p" 7 "Forum 7 " "Lars Hoppmann" "Kerstin Pliquett" &&
	signs_has "$p" 8 "Forum 8 " "KI & Data Mining – doch mit welchen Daten?" &&
	signs_has "$p" 9 "Forum 9 " "Esther Herfurth" "Prof. Dr. Tino Schuppan" \
	    "N.N., Zukunftswerkstatt Kommunen" &&
	signs_has "$p" 10 "Forum 10 " "Andreas Pamp" \
	    "Georg Lucht" "Dr. Martin Kohls" "(angefragt)" &&
	signs_has "$p" 11 "Forum 11 " "ausgestaltet von 1&1 Versatel" &&
	signs_has "$p" 12 "Forum 12 " "EfA-/OZG-Umsetzung bis in die Fläche funktioniert in NRW über den Markplatz" \
	    "ausgestaltet von govdigital" || return 1
	# Forum 3 lists everybody: no "u. a. mit"; page N names no other forum.
	! signs_text "$p" 3 | grep -qF "u. a. mit" ||
		fail "forum 3 says u. a. mit" || return 1
	! signs_text "$p" 2 | grep -qF "Forum 1 " || fail "page 2 names forum 1"
}

t_signs_title_only_forum_has_no_empty_heading() {
	run 0 "$PDFGEN" signs -o "$T" input/programme.xml || return 1
	for n in 4 5 8 11 12; do
		signs_text "$T/signs.pdf" $n > "$T/p"
		lacks "$T/p" "Referent*innen" && lacks "$T/p" "u. a. mit" &&
			lacks "$T/p" "Moderation" || return 1
	done
}

t_signs_titles_fit_their_box() {
	run 0 "$PDFGEN" signs -o "$T" input/programme.xml || return 1
	# A short title is set big, a long one wraps and shrinks (28..80 pt).
	cloud=$(signs_word_height "$T/signs.pdf" 2 Cloud)
	mark=$(signs_word_height "$T/signs.pdf" 12 Markplatz)
	awk -v c="$cloud" -v m="$mark" 'BEGIN { exit !(c >= 80 && m < c &&
	    m >= 28) }' || fail "Cloud $cloud pt high, Markplatz $mark pt" ||
		return 1
	lines=$(pdftotext -f 12 -l 12 -bbox "$T/signs.pdf" - | awk -F'"' '
	    $9 ~ /^>(EfA|Fläche|NRW|Markplatz|funktioniert)/ { y[$4] = 1 }
	    END { for (k in y) n++; print n }')
	[ "$lines" -ge 3 ] || fail "forum 12's title on $lines lines, not 3+"
}

t_signs_inside_safe_margin_no_overlap() {
	run 0 "$PDFGEN" signs -o "$T" input/programme.xml || return 1
	signs_geometry "$T/signs.pdf" 12
}

t_signs_layouts_render_cleanly() {
	for l in a4-landscape:12:841.9x595.3 a3-landscape:17:1190.6x841.9 \
	    a4-portrait:12:595.3x841.9; do
		name=${l%%:*} rest=${l#*:} margin=${rest%%:*} size=${rest#*:}
		mkdir -p "$T/$name"
		run 0 "$PDFGEN" signs --layout "layouts/signs-$name.xml" \
		    -o "$T/$name" input/programme.xml || return 1
		[ ! -s "$T/err" ] || { cat "$T/err"; fail "$name warns"; } ||
			return 1
		pdf_ok "$T/$name/signs.pdf" || return 1
		[ "$(pages "$T/$name/signs.pdf")" = 12 ] ||
			fail "$name: not 12 pages" || return 1
		[ "$(trim "$T/$name/signs.pdf")" = "8.5 8.5 ${size%x*} ${size#*x}" ] ||
			fail "$name: not $size with 3 mm bleed" || return 1
		signs_geometry "$T/$name/signs.pdf" "$margin" || return 1
		signs_has "$T/$name/signs.pdf" 7 "Forum 7" \
		    "Strukturwandel: Restrukturierung der kommunalen IT-Produktion" \
		    "Lars Hoppmann" "Kerstin Pliquett" || return 1
	done
}

t_signs_200_character_title_fits() {
	title="Verwaltungsdigitalisierung zwischen Onlinezugangsgesetz, Registermodernisierung und europäischem Binnenmarkt: Wie Kommunen, Länder und Bund gemeinsame Plattformen, offene Standards und souveräne Cloud"
	[ "$(printf '%s' "$title" | wc -m)" -eq 200 ] ||
		fail "the test title is not 200 characters" || return 1
	run 0 "$PDFGEN" signs --strict -o "$T" tests/signs/long-title.xml ||
		return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	signs_has "$T/signs.pdf" 1 "$title" "Dr. Jörg Weiß, Städtetag Nordrhein-Westfalen" \
	    "Ayşe Özdemir, Landesamt für Straßenbau (angefragt)" \
	    "ausgestaltet von Muster AG" "Großer Saal" "09:30–11:00" || return 1
	h=$(signs_word_height "$T/signs.pdf" 1 Binnenmarkt:)
	awk -v h="$h" 'BEGIN { exit !(h >= 28) }' ||
		fail "the title is set below 28 pt ($h pt high)" || return 1
	signs_geometry "$T/signs.pdf" 12 || return 1
	# The host's logo is on the sign.
	[ "$(pdfimages -list "$T/signs.pdf" | awk 'NR > 2' | wc -l)" = 1 ] ||
		fail "the logo is not on the sign"
}

t_signs_title_too_long_warns() {
	run 0 "$PDFGEN" signs -o "$T" tests/signs/overlong.xml || return 1
	[ "$(wc -l < "$T/err")" = 1 ] || fail "not one message" || return 1
	contains "$T/err" "tests/signs/overlong.xml:32:5: warning: 'Verwaltungsdigitalisierung zwischen" &&
	contains "$T/err" "' in forum.title does not fit its box; shortened to 'Verwaltungsdigitalisierung zwischen" &&
	# A no-break space keeps "…" with the last word.
	cut=$(printf 'Verwaltungsdigitalisierung\302\240…')
	contains "$T/err" " $cut'" || return 1
	signs_has "$T/signs.pdf" 1 "Cloud – Verwaltungsdigitalisierung …" || return 1
	signs_geometry "$T/signs.pdf" 12 || return 1
	# Under --strict the warning is an error and nothing is written.
	rm "$T/signs.pdf"
	run 1 "$PDFGEN" signs --strict -o "$T" tests/signs/overlong.xml ||
		return 1
	contains "$T/err" "tests/signs/overlong.xml:32:5: error: 'Verwaltungsdigitalisierung" &&
	[ ! -e "$T/signs.pdf" ] || fail "signs.pdf written under --strict"
}

t_signs_strict_example_is_clean() {
	run 0 "$PDFGEN" signs --strict -o "$T" input/programme.xml &&
	[ ! -s "$T/err" ] && [ -s "$T/signs.pdf" ] ||
		fail "--strict on the example fails or warns"
}

t_signs_missing_logo() {
	run 1 "$PDFGEN" signs -o "$T" tests/signs/missing-logo.xml || return 1
	expect_file "$T/err" "tests/signs/missing-logo.xml:31:5: error: cannot read image 'tests/signs/missing-logo.png': No such file or directory" &&
	[ ! -e "$T/signs.pdf" ] || fail "signs.pdf written without its logo" ||
		return 1
	! ls -A "$T" | grep -q 'signs' || fail "a temporary file is left"
}

t_signs_room_schedule() {
	run 0 "$PDFGEN" signs --layout layouts/signs-a4-portrait.xml -o "$T" \
	    tests/signs/room-day.xml || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	[ "$(pages "$T/signs.pdf")" = 4 ] || fail "not one sheet per forum" ||
		return 1
	# Each sheet of the Großer Saal shows its day in time order, a row
	# per forum: its time, then its number and title ...
	for n in 1 2 3; do
		signs_has "$T/signs.pdf" $n "Großer Saal" "Donnerstag, 12. Juni 2025" \
		    "09:00–10:00 Forum 2 · Künstliche Intelligenz im Bürgeramt 11:30–12:30 Forum 3 · Registermodernisierung 15:00–16:30 Forum 1 · Offene Daten" ||
			return 1
		lacks "$T/page$n" "Barrierefreiheit" || return 1
	done
	# ... and names the speakers of its own forum only.
	signs_has "$T/signs.pdf" 1 "Forum 1 · Offene Daten – Dr. Jörg Weiß, N.N. (KGSt)" &&
	lacks "$T/page1" "Lena Berg" || return 1
	signs_text "$T/signs.pdf" 2 | grep -qF "Jörg Weiß" &&
		fail "sheet 2 names forum 1's speaker"
	signs_has "$T/signs.pdf" 4 "Raum 2" "11:30–12:30 Forum 4 · Barrierefreiheit" &&
	lacks "$T/page4" "Forum 1" && signs_geometry "$T/signs.pdf" 12
}

t_signs_moderators() {
	run 0 "$PDFGEN" signs -o "$T" tests/signs/room-day.xml || return 1
	signs_has "$T/signs.pdf" 2 "Forum 2" "Moderation Lena Berg, Moderatorin" &&
	signs_geometry "$T/signs.pdf" 12
}

t_signs_too_many_speakers_warns() {
	run 0 "$PDFGEN" signs -o "$T" tests/signs/many-speakers.xml || return 1
	[ "$(wc -l < "$T/err")" = 1 ] || fail "not one message" || return 1
	contains "$T/err" "tests/signs/many-speakers.xml:66:5: warning: 'Referent*innen Dr. Jörg Weiß, Städtetag Nordrhein-Westfalen · N.N., KGSt · Vorname0 Nachname0," &&
	contains "$T/err" "' in forum.speakers does not fit its box; shortened to '" &&
	signs_has "$T/signs.pdf" 1 "Referent*innen Dr. Jörg Weiß" "Vorname12 Nachname12" &&
	signs_geometry "$T/signs.pdf" 12
}

# A sign per room and day (per="room-day"): 900 sessions in 30 rooms over
# two days make 60 sheets, one for each room and day with sessions, each
# naming the room and the day and listing every session of that room on
# that day (time, title, speakers) and no other; 40 lightning talks on
# one day fit one A4 sheet.  An import has no forum numbers: that is its
# default layout (signs-a4-room-day.xml), without --layout.
t_signs_room_day_900_sessions() {
	python3 tests/bench/gen_schedule.py -o "$T/g.xml" || return 1
	run 0 "$PDFGEN" signs -o "$T/o" "$T/g.xml" || return 1
	pdf_ok "$T/o/signs.pdf" || return 1
	pairs=$(python3 -c 'import sys, xml.etree.ElementTree as ET
print(sum(1 for d in ET.parse(sys.argv[1]).getroot().iter("day")
    for r in d.findall("room") if r.find("event") is not None))' "$T/g.xml")
	[ "$pairs" = 60 ] || fail "$pairs rooms and days, not 60" || return 1
	[ "$(pages "$T/o/signs.pdf")" = "$pairs" ] ||
		fail "$(pages "$T/o/signs.pdf") sheets for $pairs rooms and days" ||
		return 1
	python3 tests/e2e/signs_check.py "$T/o/signs.pdf" "$T/g.xml" ||
		return 1
	# The lightning talks: 40 sessions on Tuesday, one sheet.
	n=$(grep -c '<room>Lightning Talks (H.2215)</room>' "$T/g.xml")
	pdftotext "$T/o/signs.pdf" - | tr '\f' '\n' |
	    grep -c 'Tuesday, 17 March 2026 (' > "$T/parts" || true
	[ "$(cat "$T/parts")" = 0 ] || fail "a Tuesday sign is in parts" ||
		return 1
	python3 - "$T/g.xml" <<'PY' || return 1
import sys, xml.etree.ElementTree as ET
for d in ET.parse(sys.argv[1]).getroot().iter("day"):
    for r in d.findall("room"):
        if r.get("name").startswith("Lightning") and d.get("date") == "2026-03-17":
            n = len(r.findall("event"))
            sys.exit(0 if n == 40 else "%d lightning talks, not 40" % n)
sys.exit("no lightning room")
PY
	signs_geometry "$T/o/signs.pdf" 12
}

# A room with 100 sessions in a day does not fit one sheet: two, marked
# "(1/2)" and "(2/2)", each session on one of them.
t_signs_room_day_second_sheet() {
	python3 - > "$T/long.xml" <<'PY'
print("<?xml version='1.0' encoding='utf-8'?><schedule><version>1</version>"
      "<conference><acronym>long</acronym><title>Long Day</title>"
      "<start>2026-06-01</start><end>2026-06-01</end><days>1</days>"
      "</conference><day index='1' date='2026-06-01'><room name='Saal 1'>")
for i in range(100):
    t = 7 * 60 + 9 * i
    print("<event guid='00000000-0000-4000-8000-%012d' id='%d'>"
          "<date>2026-06-01T%02d:%02d:00+02:00</date><start>%02d:%02d</start>"
          "<duration>00:09</duration><room>Saal 1</room><slug>s%d</slug>"
          "<title>Kurzvortrag %d über die Verwaltung von morgen</title>"
          "<type>Talk</type><language>de</language><persons>"
          "<person id='%d'>Person Nummer %d</person></persons></event>"
          % (i + 1, i + 1, t // 60, t % 60, t // 60, t % 60, i, i + 1,
             i + 1, i + 1))
print("</room></day></schedule>")
PY
	run 0 "$PDFGEN" signs --layout layouts/signs-a4-room-day.xml \
	    -o "$T/o" "$T/long.xml" || return 1
	pdf_ok "$T/o/signs.pdf" || return 1
	[ "$(pages "$T/o/signs.pdf")" = 2 ] || fail "not two sheets" || return 1
	signs_has "$T/o/signs.pdf" 1 "Saal 1" "(1/2)" &&
	signs_has "$T/o/signs.pdf" 2 "Saal 1" "(2/2)" || return 1
	python3 tests/e2e/signs_check.py "$T/o/signs.pdf" "$T/long.xml" &&
	signs_geometry "$T/o/signs.pdf" 12
}
