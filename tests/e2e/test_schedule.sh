# frab / pretalx schedule.xml: convert to our format, print straight from it.

SAMPLE=tests/samples/good2025-pretalx.schedule.xml

# missing_in PDF XPATH-KIND XML: prints each talk title (kind "title") or
# speaker name (kind "person", affiliation in brackets dropped) of the
# schedule XML that pdftotext does not find in PDF.  White space and line
# breaks (hyphenated or not) don't matter.
missing_in() {
	pdftotext "$1" "$T/text.txt" || return 1
	python3 - "$T/text.txt" "$2" "$3" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8").read()
flat = re.sub(r"\s+", "", text)
joined = re.sub(r"\s+", "", re.sub(r"-\n", "", text))
root = ET.parse(sys.argv[3]).getroot()
if sys.argv[2] == "title":
    items = [e.findtext("title") for e in root.iter("event")]
else:
    items = [re.sub(r"\s*[\[(].*$", "", p.text or "") for p in root.iter("person")]
for item in sorted(set(i for i in items if i and i.strip())):
    key = re.sub(r"\s+", "", item)
    if key not in flat and key not in joined:
        print(item)
PY
}

t_schedule_convert_sample() {
	run 0 "$PDFGEN" convert -o "$T/programme.xml" "$SAMPLE" || return 1
	# Posters from 18:30 on during the reception at 18:00-20:00: the
	# concourse is a room for parallel sessions.
	expect_file "$T/err" "$SAMPLE:706:13: warning: 'Idea Marketplace and Reception (Hors D'oeuvres)' and 'Using OpenOnDemand for Real-World, Interdisciplinary AI Projects in Classrooms' are both in room 'CGIS Concourse' at the same time; the room is taken as one for parallel sessions
$SAMPLE:677:13: note: 'Idea Marketplace and Reception (Hors D'oeuvres)' is here" || return 1
	contains "$T/programme.xml" '<room id="cgis-concourse" parallel="true">' || return 1
	xmllint --noout --schema input/programme.xsd "$T/programme.xml" \
	    2>"$T/lint" || { cat "$T/lint"; fail "converted file is invalid"; } || return 1
	[ "$(grep -c '<forum ' "$T/programme.xml")" -eq 72 ] || fail "not 72 forums" || return 1
	[ "$(grep -c '<person ' "$T/programme.xml")" -eq 63 ] || fail "not 63 people" || return 1
	[ "$(grep -c '<room ' "$T/programme.xml")" -eq 5 ] || fail "not 5 rooms" || return 1
	# No number is made up.
	lacks "$T/programme.xml" ' number="' || return 1
	contains "$T/programme.xml" '<forum id="2025-56-contributor-jam" room="tsai-auditorium-cgis-s010" slot="2025-03-17-1300-1700" track="core-team-track">'
}

# The converted file is a programme of its own: it checks and converts
# again to the same bytes.
t_schedule_convert_round_trip() {
	for f in text names; do
		run 0 "$PDFGEN" convert -o "$T/a.xml" tests/schedule/$f.xml || return 1
		run 0 "$PDFGEN" check "$T/a.xml" || return 1
		run 0 "$PDFGEN" convert -o "$T/b.xml" "$T/a.xml" || return 1
		cmp "$T/a.xml" "$T/b.xml" || fail "$f: second conversion differs" || return 1
	done
	# Real exports and the fixtures made after them convert to files that
	# check and the schema accept.
	for f in "$SAMPLE" tests/schedule/*.xml; do
		run 0 "$PDFGEN" convert -o "$T/a.xml" "$f" || return 1
		run 0 "$PDFGEN" check "$T/a.xml" || return 1
		xmllint --noout --schema input/programme.xsd "$T/a.xml" 2>"$T/lint" ||
		    { cat "$T/lint"; fail "$f: converted file is invalid"; } || return 1
	done
	# A double booking written by hand is still an error; in a room for
	# parallel sessions it is fine.
	run 1 "$PDFGEN" check tests/bad/room-overlap.xml || return 1
	sed 's/<room id="saal-1">/<room id="saal-1" parallel="true">/' \
	    tests/bad/room-overlap.xml >"$T/parallel.xml"
	run 0 "$PDFGEN" check "$T/parallel.xml"
}

t_schedule_convert_from_option() {
	cp "$SAMPLE" "$T/talks.xml"
	run 0 "$PDFGEN" convert --from schedule-xml "$T/talks.xml" || return 1
	contains "$T/out" '<title>GOOD 2025</title>' || return 1
	run 1 "$PDFGEN" convert --from programme "$T/talks.xml"
}

# Messy data warns with positions and still converts.
t_schedule_messy_warns() {
	run 0 "$PDFGEN" convert -o "$T/p.xml" tests/schedule/times.xml || return 1
	contains "$T/err" "tests/schedule/times.xml:24:9: warning: duration '26:00' of 'Hackathon' is a day or longer; cut to 23:59" || return 1
	contains "$T/err" "tests/schedule/times.xml:27:7: warning: 'Hackathon' and 'Overlapping' are both in room 'Club' at the same time; the room is taken as one for parallel sessions" || return 1
	xmllint --noout --schema input/programme.xsd "$T/p.xml" 2>/dev/null ||
	    fail "converted file is invalid"
}

t_schedule_booklet_has_every_title() {
	run 0 "$PDFGEN" booklet -o "$T/pdf" "$SAMPLE" || return 1
	pdf_ok "$T/pdf/booklet.pdf" || return 1
	missing_in "$T/pdf/booklet.pdf" title "$SAMPLE" >"$T/missing" || return 1
	[ ! -s "$T/missing" ] || { cat "$T/missing"; fail "titles missing from the booklet"; }
}

t_schedule_badges_have_every_speaker() {
	run 0 "$PDFGEN" badges -o "$T/pdf" "$SAMPLE" || return 1
	pdf_ok "$T/pdf/badges.pdf" || return 1
	missing_in "$T/pdf/badges.pdf" person "$SAMPLE" >"$T/missing" || return 1
	[ ! -s "$T/missing" ] || { cat "$T/missing"; fail "speakers missing from the badges"; }
}

# ~900 talks, 60 rooms, 900 speakers: all three products.  How fast is
# measured by make bench (tests/bench/run.sh), not here.
t_schedule_big_conference() {
	python3 tests/schedule/make_big.py >"$T/big.xml" || return 1
	run 0 "$PDFGEN" all -o "$T/pdf" "$T/big.xml" || return 1
	for f in booklet signs badges; do
		pdf_ok "$T/pdf/$f.pdf" || return 1
	done
}

# A merged export (tests/schedule/persons.xml): every person once, by guid
# else id and name; a name without a letter gets no badge; a remark in
# round brackets stays with the name on every product, never on the
# organisation line.
t_schedule_every_person_once() {
	F=tests/schedule/persons.xml
	run 0 "$PDFGEN" all -o "$T/pdf" "$F" || return 1
	[ "$(grep -c 'warning: speaker .* has no letter in the name; skipped, no badge' "$T/err")" -eq 3 ] ||
	    fail "not 3 names without a letter" || return 1
	contains "$T/err" "$F:50:11: warning: speaker id '12' is 'hanser' here but 'Sean' before; taken as two people" || return 1
	contains "$T/err" "$F:52:11: warning: speaker 'Kim Lee' in 'Instance two, talk one' has another guid than before; taken as the same person, one badge" || return 1
	contains "$T/err" "$F:24:11: note: 'Kim Lee' is first listed here" || return 1
	# 14 people by guid, else id and name = 9 badges + 5 warnings.
	pdftotext -f 1 -l 1 "$T/pdf/badges.pdf" "$T/front.txt"
	[ "$(grep -c '^Speaker$' "$T/front.txt")" -eq 9 ] || fail "not 9 badges" || return 1
	for name in Sean hanser 'Kim Lee' qbit neokay 'jendrik (any)' \
	    'Cisz (er, he)' 'Leo (he/his)' 'Jo Doe (she/her)'; do
		[ "$(grep -cxF "$name" "$T/front.txt")" -eq 1 ] ||
		    fail "'$name' is not on exactly one badge" || return 1
	done
	for bad in '-' '?' '…' 'any' 'er, he' 'he/his'; do
		lacks_line "$T/front.txt" "$bad" || return 1
	done
	contains "$T/front.txt" "Example e.V." || return 1
	for p in booklet signs; do
		pdftotext "$T/pdf/$p.pdf" - | tr '\n' ' ' >"$T/$p.txt"
		for name in 'jendrik (any)' 'Cisz (er, he)' 'Leo (he/his)' 'Jo Doe (she/her)'; do
			contains "$T/$p.txt" "$name" || return 1
		done
	done
}

# tests/schedule/clock.xml: every talk printed at the conference's clock
# under its own time heading; none falls into the table without a time.
t_schedule_conference_clock() {
	F=tests/schedule/clock.xml
	run 0 "$PDFGEN" booklet -o "$T/pdf" "$F" || return 1
	[ "$(grep -c ': warning: ' "$T/err")" -eq 7 ] || fail "not 7 warnings" || return 1
	pdftotext "$T/pdf/booklet.pdf" - | tr '\n' ' ' >"$T/text"
	contains "$T/text" "From New York Tuesday, 27 December 2022 · 16:30–17:30 · Saal 1" || return 1
	contains "$T/text" "Start disagrees Tuesday, 27 December 2022 · 14:00–14:45 · Saal 1" || return 1
	contains "$T/text" "Four hours Tuesday, 27 December 2022 · 12:00–16:00 · Saal 2" || return 1
	contains "$T/text" "Open end Tuesday, 27 December 2022 · 19:00 · Saal 2" || return 1
	contains "$T/text" "Written in UTC Wednesday, 28 December 2022 · 19:00–19:30 · Saal 1" || return 1
	run 0 "$PDFGEN" convert -o "$T/p.xml" "$F" || return 1
	run 0 "$PDFGEN" check "$T/p.xml" || return 1
	contains "$T/p.xml" '<slot id="2022-12-27-1900" date="2022-12-27" start="19:00"/>'
}

# tests/schedule/languages.xml: "de, en" is German, "en, de" English, with
# no warning; fixed words follow the programme's language on every
# product, also for the English talk.
t_schedule_languages() {
	F=tests/schedule/languages.xml
	run 0 "$PDFGEN" all -o "$T/pdf" "$F" || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	# The room's day (an import's default sign) and, per forum, the
	# English session's own sign: fixed words in German on both.
	pdftotext "$T/pdf/signs.pdf" - | tr '\n' ' ' >"$T/sign"
	contains "$T/sign" "Administrative Digitalization for Everyone" || return 1
	contains "$T/sign" "Montag, 5. Mai 2025" || return 1
	lacks "$T/sign" "Monday" || return 1
	run 0 "$PDFGEN" signs --layout layouts/signs-a4-landscape.xml \
	    -o "$T/forum" "$F" || return 1
	pdftotext -f 3 -l 3 "$T/forum/signs.pdf" - | tr '\n' ' ' >"$T/sign"
	contains "$T/sign" "Administrative Digitalization for Everyone" || return 1
	contains "$T/sign" "Montag, 5. Mai 2025" || return 1
	contains "$T/sign" "Referent*innen Jane Roe" || return 1
	lacks "$T/sign" "Speakers" || return 1
	pdftotext "$T/pdf/badges.pdf" - | tr '\n' ' ' >"$T/badges"
	lacks "$T/badges" "Speaker" || return 1
	run 0 "$PDFGEN" convert -o "$T/p.xml" "$F" || return 1
	contains "$T/p.xml" '<programme xmlns="urn:pdfgen:programme:1" version="1" xml:lang="de">' || return 1
	[ "$(grep -c 'xml:lang="en"' "$T/p.xml")" -eq 1 ] || fail "not one English forum"
}

# Exports have no forum numbers and none is made up: no "Forum 3" on any
# product, in the bookmarks or the converted file; a session is named by
# its title, time, room and track, and the track is printed above the
# title in the booklet and on the door sign, after it in the overview.
t_schedule_no_invented_numbers() {
	for f in tests/schedule/convert.xml tests/schedule/persons.xml; do
		run 0 "$PDFGEN" all -o "$T/pdf" "$f" || return 1
		for p in booklet signs badges; do
			[ -f "$T/pdf/$p.pdf" ] || continue	# nobody speaks
			pdftotext "$T/pdf/$p.pdf" "$T/$p.txt"
			mutool show "$T/pdf/$p.pdf" outline >>"$T/$p.txt" 2>/dev/null
			! grep -n 'Forum [0-9]' "$T/$p.txt" ||
			    fail "$f: a number in $p" || return 1
		done
	done
	run 0 "$PDFGEN" all -o "$T/pdf" tests/schedule/convert.xml || return 1
	pdftotext "$T/pdf/booklet.pdf" - | tr -s "\n" " " >"$T/booklet"
	contains "$T/booklet" "Winterchaos Snow and servers 11:00–12:00" || return 1
	pdftotext -f 1 -l 1 "$T/pdf/signs.pdf" - | tr '\n' ' ' >"$T/sign"
	contains "$T/sign" "Winterchaos" || return 1
	run 0 "$PDFGEN" convert -o "$T/p.xml" tests/schedule/convert.xml || return 1
	lacks "$T/p.xml" ' number="' || return 1
	# Our own format: numbers all or none.
	run 1 "$PDFGEN" check tests/bad/forum-without-number.xml
}

# bold_runs PDF PAGE: the text MuPDF finds set in a bold face on PAGE, one
# run a line.
bold_runs() {
	mutool draw -q -F stext -o - "$1" "$2" 2>/dev/null | awk '
		/<font name=/ { bold = $0 ~ /Bold/; next }
		/<\/font>/ { if (run != "") print run; run = ""; next }
		/<char / && bold { match($0, / c="[^"]*"/); run = run substr($0, RSTART + 4, RLENGTH - 5) }'
}

# tests/schedule/markup.xml: HTML and Markdown structure reaches the
# booklet: headings run in, in bold; list items behind their markers;
# strong text bold; table rows as plain lines; entities decoded; HTML
# gone from the title.
t_schedule_structure_in_abstracts() {
	F=tests/schedule/markup.xml
	run 0 "$PDFGEN" booklet -o "$T/pdf" "$F" || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	pdftotext -layout "$T/pdf/booklet.pdf" "$T/text"
	for line in "Rust and C & more" \
	    "Goals We look at memory safety ♥ and François’ work — in practice." \
	    "• Ownership" "• Borrowing rules" "1. Install" "2. Run" \
	    "Tool · Use" "cargo · build" \
	    "Agenda We cover three things — and more:" "1. Parsing" \
	    "2. Walking the tree" "• nested item" "Step · Time" \
	    "Intro · 5 min" "A line with inline HTML © 2025."; do
		grep -qxF -- "$line" "$T/text" || fail "line '$line' not in the booklet" || return 1
	done
	lacks "$T/text" "<" || return 1
	lacks "$T/text" "|" || return 1
	lacks "$T/text" "&amp;" || return 1
	lacks "$T/text" "&hearts;" || return 1
	page=$(pdftotext "$T/pdf/booklet.pdf" - |
	    awk '/\f/ { p++ } /^Goals/ { print p + 1; exit }')
	bold_runs "$T/pdf/booklet.pdf" "$page" >"$T/bold"
	for b in "Goals" "memory safety" "Borrowing" "Agenda" "three" "tree" "inline HTML"; do
		grep -qF -- "$b" "$T/bold" || fail "'$b' not bold" || return 1
	done
	! grep -qF "Ownership" "$T/bold" || fail "'Ownership' is bold"
}

# fill_paths PDF PAGE: how many paths MuPDF fills on PAGE.
fill_paths() {
	mutool draw -q -F trace -o - "$1" "$2" 2>/dev/null | grep -c '<fill_path'
}

# tests/schedule/symbols.xml: emoji and symbols print (Symbola; above
# U+FFFF as outlines, which libharu's encoder cannot carry); what no font
# has is left out, with one warning per code point listing where, the
# same from check as before rendering; never a U+FFFD box.
t_schedule_symbols_print_or_vanish() {
	F=tests/schedule/symbols.xml
	pua=$(printf '\356\200\200')		# U+E000
	run 0 "$PDFGEN" check "$F" || return 1
	grep -v '^  \|printable' "$T/err" >"$T/check.err"
	expect_file "$T/check.err" "$F:17:7: warning: no installed font has U+1FAE8; it is left out of forum.description 'Smile 😀 and shake 🫨 please.' and the places below
$F:25:7: note: U+1FAE8 is also in forum.title 'Shaking 🫨 faces'
$F:25:7: warning: no installed font has U+E000; it is left out of forum.description 'A private character $pua here.'" || return 1
	run 0 "$PDFGEN" all -o "$T/pdf" "$F" || return 1
	diff -u "$T/check.err" "$T/err" || fail "all does not say what check says" || return 1
	for p in booklet signs badges; do
		pdftotext "$T/pdf/$p.pdf" "$T/$p.txt"
		! grep -n "$(printf '\357\277\275')" "$T/$p.txt" || fail "U+FFFD in $p" || return 1
		lacks "$T/$p.txt" "?" || return 1
	done
	pdffonts "$T/pdf/signs.pdf" | grep -q Symbola || fail "⌚ not drawn with Symbola" || return 1
	# 💌 in the title is filled as an outline: the sign without it has
	# fewer filled paths.
	sed 's/Welcome 💌 and/Welcome and/; s/Emoji Camp 💌/Emoji Camp/' "$F" >"$T/plain.xml"
	run 0 "$PDFGEN" signs -o "$T/plain" "$T/plain.xml" || return 1
	with=$(fill_paths "$T/pdf/signs.pdf" 1)
	without=$(fill_paths "$T/plain/signs.pdf" 1)
	[ "$with" -ge $((without + 2)) ] || fail "emoji not drawn: $with paths, $without without"
}

# Badges and the poster print no description: the abstracts are not parsed
# for them, so a character no font has in an abstract alone is not
# reported, one in a title is; the badges are the same bytes as those of
# "all", which parses everything.
t_schedule_badges_leave_descriptions_alone() {
	F=tests/schedule/symbols.xml
	export SOURCE_DATE_EPOCH=1700000000
	for p in badges poster; do
		run 0 "$PDFGEN" "$p" -o "$T/$p" "$F" || return 1
		expect_file "$T/err" "$F:25:7: warning: no installed font has U+1FAE8; it is left out of forum.title 'Shaking 🫨 faces'" || return 1
	done
	run 0 "$PDFGEN" all -o "$T/all" "$F" || return 1
	grep -q "U+E000; it is left out of forum.description" "$T/err" ||
	    fail "all does not report the abstract's U+E000" || return 1
	cmp "$T/badges/badges.pdf" "$T/all/badges.pdf" ||
	    fail "badges differ from those of all" || return 1
	cmp "$T/poster/poster.pdf" "$T/all/poster.pdf" ||
	    fail "the poster differs from that of all"
}

# char_x PDF PAGE HEX: the x of each character U+HEX that MuPDF finds on
# PAGE, one a line.
char_x() {
	mutool draw -q -F stext -o - "$1" "$2" 2>/dev/null |
	    grep -o "x=\"[0-9.]*\" y=\"[0-9.]*\" color=\"#[0-9a-f]*\" c=\"&#x$3;\"" |
	    cut -d'"' -f2
}

# tests/schedule/scripts.xml: a Chinese paragraph breaks between
# characters where ICU's line breaker allows (full lines, never "，" or
# "。" at a line's start); Hebrew reads right to left by ICU's bidi
# algorithm (in "שלום עולם: Hello" the ש is right of the ע), with no
# warning.
t_schedule_scripts_break_and_bidi() {
	F=tests/schedule/scripts.xml
	run 0 "$PDFGEN" all -o "$T/pdf" "$F" || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	pdftotext "$T/pdf/booklet.pdf" - | sed -n '/^今天/,/^$/p' >"$T/zh"
	[ "$(wc -l <"$T/zh")" -ge 4 ] || fail "no Chinese paragraph" || return 1
	! grep -n '^[，。、）]' "$T/zh" || fail "a line starts with a closing mark" || return 1
	# Every line but the last is full: within two characters of the longest.
	python3 - "$T/zh" <<'PY' || return 1
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
full = max(len(l) for l in lines)
short = [l for l in lines[:-1] if len(l) < full - 2]
if short:
    sys.exit("short lines: %r" % short)
PY
	page=$(pdftotext "$T/pdf/booklet.pdf" - | awk '/\f/ { p++ } /Hello/ { print p + 1; exit }')
	shin=$(char_x "$T/pdf/booklet.pdf" "$page" 5e9 | head -1)
	ayin=$(char_x "$T/pdf/booklet.pdf" "$page" 5e2 | head -1)
	[ -n "$shin" ] && [ -n "$ayin" ] || fail "Hebrew not found" || return 1
	awk -v s="$shin" -v a="$ayin" 'BEGIN { exit !(s > a) }' ||
	    fail "Hebrew printed left to right (ש at $shin, ע at $ayin)"
}
