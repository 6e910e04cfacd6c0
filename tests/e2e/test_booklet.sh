# pdfgen booklet: content, page count, geometry, navigation, imposition.

# Renders input/programme.xml (or $2) into $T/o with extra options $1.
booklet() {
	mkdir -p "$T/o"
	run 0 "$PDFGEN" booklet ${1:-} -o "$T/o" "${2:-input/programme.xml}"
}

# Every forum title, every speaker's name (with title), every placeholder
# ("N.N., Procilon") and every sentence of every description is in the
# text.  White space and hyphens are left out on both sides, so words
# hyphenated at line ends match, and so do real hyphens ("EfA-/OZG-").
t_booklet_has_every_word() {
	booklet "--strict" || return 1
	pdftotext -bbox "$T/o/booklet.pdf" "$T/bbox.html" || return 1
	python3 - "$T/bbox.html" input/programme.xml <<'EOF'
import html, re, sys, xml.etree.ElementTree as ET
ns = {"p": "urn:pdfgen:programme:1"}
squash = lambda s: re.sub(r"[\s\-\u00ad]", "", s)
# The words of the type areas in reading order: running heads and folios
# (15 mm above, 18 mm below the trimmed page's edges, 3 mm of bleed
# round it) would cut sentences that cross a page.
words = []
for y0, y1, w in re.findall(r'yMin="([0-9.]+)" xMax="[0-9.]+" '
        r'yMax="([0-9.]+)">([^<]*)<', open(sys.argv[1], encoding="utf-8").read()):
    if float(y1) > 8.5 + 42.5 and float(y0) < 8.5 + 595.28 - 51:
        words.append(html.unescape(w))
text = squash(" ".join(words))
root = ET.parse(sys.argv[2]).getroot()
want = []
for f in root.iterfind(".//p:forum", ns):
    want.append("Forum %s" % f.get("number"))
    want.append(f.findtext("p:title", namespaces=ns))
    for p in f.iterfind("p:description/p:p", ns):
        want += re.split(r"(?<=[.?!])\s+", " ".join(p.text.split()))
for s in root.iterfind("p:people/p:person", ns):
    name = " ".join(x for x in (s.findtext("p:title", namespaces=ns),
        s.findtext("p:given", namespaces=ns),
        s.findtext("p:family", namespaces=ns)) if x)
    if s.get("status") == "invited":
        name += ", " + s.findtext("p:role", namespaces=ns)
    want.append(name)
for s in root.iterfind("p:people/p:placeholder", ns):
    want.append("N.N., " + s.findtext("p:organisation", namespaces=ns))
missing = [w for w in want if squash(w) not in text]
for w in missing:
    print("missing:", w)
print(len(want), "checked,", len(missing), "missing")
sys.exit(1 if missing or len(want) < 60 else 0)
EOF
}

# The seed's markers: "U. a. mit:" for open lists, "(angefragt)" three
# times, "ausgestaltet von" for the four hosted forums, and the forum with
# only a title gets a sentence, not an empty heading.
t_booklet_markers() {
	booklet || return 1
	pdftotext -raw "$T/o/booklet.pdf" - | tr -d '\f' > "$T/text" || return 1
	[ "$(grep -c '(angefragt)' "$T/text")" -eq 3 ] ||
		fail "expected 3 '(angefragt)'" || return 1
	[ "$(grep -c '^U. a. mit:$' "$T/text")" -eq 5 ] ||
		fail "expected 5 'U. a. mit:' (forums 1, 2, 7, 9, 10)" || return 1
	[ "$(grep -c '^Referent\*innen$' "$T/text")" -eq 2 ] ||
		fail "expected 2 'Referent*innen' (forums 3, 6)" || return 1
	[ "$(grep -c '^ausgestaltet von ' "$T/text")" -eq 4 ] ||
		fail "expected 4 'ausgestaltet von'" || return 1
	contains "$T/text" "ausgestaltet von govdigital" || return 1
	grep -A3 '^Forum 8$' "$T/text" | grep -qF \
	    'Das Programm dieses Forums wird noch bekannt gegeben.' ||
		fail "forum 8 has no entry text"
}

# Padded to a multiple of 4 with "Notizen" pages; clean PDF; A5 portrait.
t_booklet_pages() {
	booklet || return 1
	pdf_ok "$T/o/booklet.pdf" || return 1
	n=$(pages "$T/o/booklet.pdf")
	[ $((n % 4)) -eq 0 ] || fail "$n pages, not a multiple of 4" || return 1
	[ "$(trim "$T/o/booklet.pdf")" = "8.5 8.5 419.5 595.3" ] ||
		fail "not A5 portrait with 3 mm bleed: $(trim "$T/o/booklet.pdf")"
}

# Forums 1 to 3 only: cover, overview, two pages of forums and the index
# make five pages; three pages headed "Notizen" and numbered follow.
t_booklet_notes_padding() {
	sed -e '/<forum id="forum-4"/,/<\/forums>/d' -e 's#^  </forums>##' \
	    input/programme.xml | sed 's#</programme>#</forums></programme>#' \
	    > "$T/three.xml"
	booklet "" "$T/three.xml" || return 1
	pdf_ok "$T/o/booklet.pdf" || return 1
	[ "$(pages "$T/o/booklet.pdf")" -eq 8 ] || fail "expected 8 pages" ||
		return 1
	for i in 6 7 8; do
		pdftotext -raw -f $i -l $i "$T/o/booklet.pdf" - | tr -d '\f' |
		    grep -v '^$' > "$T/p"
		head -n 1 "$T/p" | grep -qx Notizen ||
			fail "page $i is no notes page" || return 1
		tail -n 1 "$T/p" | grep -qx $((i - 2)) ||
			fail "page $i has not the folio $((i - 2))" || return 1
	done
}

# Every word lies inside the type area of its page (inner margin on the
# binding side), apart from the running head above it and the folio below
# it, which must be what they should be; no two words overlap.
t_booklet_geometry() {
	for l in a5 a4; do
		booklet "--layout layouts/booklet-$l.xml" || return 1
		pdftotext -bbox "$T/o/booklet.pdf" "$T/bbox.html" || return 1
		python3 - "$T/bbox.html" "$l" <<'EOF' || return 1
import re, sys
mm = 72 / 25.4
top, bottom, inner, outer = {"a5": (15, 18, 18, 13),
    "a4": (20, 22, 22, 18)}[sys.argv[2]]
top, bottom, inner, outer = top * mm, bottom * mm, inner * mm, outer * mm
heads = set("Kongress Digitale Verwaltung NRW Programm Übersicht Tagesübersicht "
    "Personenregister Notizen".split())
folio = re.compile(r"^([0-9]+|[ivxl]+)$")
bad = 0
html = open(sys.argv[1], encoding="utf-8").read()
for pno, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), 1):
    pw = float(re.search(r'width="([0-9.]+)"', page).group(1))
    ph = float(re.search(r'height="([0-9.]+)"', page).group(1))
    left = inner if pno % 2 else outer
    right = pw - (outer if pno % 2 else inner)
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
        re.findall(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" '
        r'yMax="([0-9.]+)">([^<]*)<', page)]
    for x0, y0, x1, y1, w in words:
        ok_x = x0 >= left - 0.5 and x1 <= right + 0.5
        if y1 <= top + 0.5:
            ok = ok_x and w in heads
        elif y0 >= ph - bottom - 0.5:
            ok = ok_x and folio.match(w)
        else:
            ok = ok_x and y1 <= ph - bottom + 0.5
        if not ok:
            print("page %d: %r at %.1f,%.1f-%.1f,%.1f outside its zone" %
                (pno, w, x0, y0, x1, y1))
            bad += 1
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if (min(a[2], b[2]) - max(a[0], b[0]) > 0.3 and
                min(a[3], b[3]) - max(a[1], b[1]) > 0.3):
                print("page %d: %r and %r overlap" % (pno, a[4], b[4]))
                bad += 1
sys.exit(1 if bad else 0)
EOF
	done
}

# A heading never ends a page: the kicker "Forum N" has its title and time
# below it, and a list heading at least one person.
t_booklet_headings_kept() {
	booklet "--layout layouts/booklet-a5.xml" || return 1
	n=$(pages "$T/o/booklet.pdf")
	i=3
	while [ "$i" -le "$n" ]; do
		# The body lines of the page; running head and folio come last.
		pdftotext -raw -f "$i" -l "$i" "$T/o/booklet.pdf" - |
		    tr -d '\f' | grep -v '^$' | sed '$d' | sed '$d' > "$T/p"
		[ -s "$T/p" ] || fail "page $i is empty" || return 1
		! tail -n 2 "$T/p" | grep -q '^Forum [0-9]*$' ||
			fail "page $i ends with a forum heading" || return 1
		! tail -n 1 "$T/p" | grep -qE '^(U. a. mit:|Referent\*innen)$' ||
			fail "page $i ends with a list heading" || return 1
		i=$((i + 1))
	done
	return 0
}

# Bookmarks for the timetable, every forum and the index; page labels
# roman for the front matter, then from 1; document info.
t_booklet_navigation() {
	booklet || return 1
	qpdf --json "$T/o/booklet.pdf" > "$T/json" || return 1
	python3 - "$T/json" <<'EOF' || return 1
import json, sys
j = json.load(open(sys.argv[1]))
titles = [o["title"] for o in j["outlines"]]
want = ["Tagesübersicht"] + ["Forum %d:" % i for i in range(1, 13)] + ["Personenregister"]
got = [t if not t.startswith("Forum") else t.split(":")[0] + ":" for t in titles]
if got != want:
    sys.exit("bookmarks %r" % titles)
if titles[1] != "Forum 1: OZG 2.0 und Verwaltung 4.0 – wie passt das?":
    sys.exit("bookmark %r" % titles[1])
labels = [(l["index"], l["label"]["/S"], l["label"]["/St"]) for l in j["pagelabels"]]
if labels != [(0, "/r", 1), (2, "/D", 1)]:
    sys.exit("page labels %r" % labels)
EOF
	# A link for each timetable cell (12) and each index entry (18).
	links=$(qpdf --qdf --object-streams=disable "$T/o/booklet.pdf" - |
	    grep -a -c '/Subtype /Link')
	[ "$links" -eq 30 ] || fail "$links links, expected 30" || return 1
	pdfinfo "$T/o/booklet.pdf" > "$T/info"
	contains "$T/info" "Title:           Kongress Digitale Verwaltung NRW" &&
	contains "$T/info" "Subject:         Parallele Fachforen" &&
	contains "$T/info" "Creator:         pdfgen"
}

# The timetable (page 2) gives each forum the page its section starts on:
# the page whose text has the heading "Forum N".
t_booklet_timetable_pages() {
	booklet || return 1
	pdftotext -raw -f 2 -l 2 "$T/o/booklet.pdf" "$T/tt" || return 1
	contains "$T/tt" "Tagesübersicht – Donnerstag, 12. Juni 2025" || return 1
	for f in 1 6 12; do
		title=$(sed -n "/<forum id=\"forum-$f\"/,/<\/forum>/s#.*<title>\(.*\)</title>.*#\1#p" \
		    input/programme.xml | sed 's/&amp;/\&/g')
		page=$(grep -B1 -xF "$title" "$T/tt" | sed -n 's/^14:00–15:30 · S\. \([0-9]*\)$/\1/p')
		[ -n "$page" ] || fail "forum $f has no page in the timetable" ||
			return 1
		pdftotext -raw -f $((page + 2)) -l $((page + 2)) \
		    "$T/o/booklet.pdf" - | tr -d '\f' | grep -q "^Forum $f$" ||
			fail "forum $f is not on page $page" || return 1
	done
}

# The index: German order (Böttcher before Brakmann, Nähle before Pamp),
# titles after the given name are not sorted on, "N.N." left out.
t_booklet_index() {
	booklet || return 1
	n=$(pages "$T/o/booklet.pdf")
	pdftotext -raw "$T/o/booklet.pdf" - | tr -d '\f' > "$T/text" || return 1
	sed -n '/^Personenregister$/,$p' "$T/text" | grep ' · S\. ' |
	    sed 's/,.*//' > "$T/names"
	expect_file "$T/names" "Adelskamp
Böttcher
Brakmann
Flisikowski
Heidinger
Herfurth
Hoffmann
Hoppmann
Kohls
Krellmann
Krins
Lucht
Nähle
Pamp
Pliquett
Schuppan
Smolianitski
Urban" || return 1
	contains "$T/text" "Hoffmann, Prof. Dr. Martin Forum 1 · S. 1"
}

# --impose: half as many sheets, each as wide as two pages; sheet 1 carries
# the last page on the left and the cover on the right.
t_booklet_imposed() {
	booklet "--impose" || return 1
	pdf_ok "$T/o/booklet-imposed.pdf" || return 1
	n=$(pages "$T/o/booklet.pdf")
	[ "$(pages "$T/o/booklet-imposed.pdf")" -eq $((n / 2)) ] ||
		fail "imposed: not $((n / 2)) sheets" || return 1
	[ "$(trim "$T/o/booklet-imposed.pdf")" = "8.5 8.5 839.1 595.3" ] ||
		fail "imposed sheets are not twice as wide" || return 1
	# The cover's title sits on the right half of sheet 1.
	pdftotext -bbox -f 1 -l 1 "$T/o/booklet-imposed.pdf" - |
	    grep '>Parallele<' > "$T/w"
	x=$(sed 's/.*xMin="\([0-9]*\).*/\1/' "$T/w")
	[ "$x" -gt 419 ] || fail "cover not on the right of sheet 1" || return 1
	# Sheet 1's back: page 2 (the timetable) left, page n-1 right.
	pdftotext -bbox -f 2 -l 2 "$T/o/booklet-imposed.pdf" - |
	    grep '>Tagesübersicht<' | head -n 1 > "$T/w"
	x=$(sed 's/.*xMin="\([0-9]*\).*/\1/' "$T/w")
	[ -n "$x" ] && [ "$x" -lt 419 ] || fail "timetable not on the left of sheet 1's back"
}

# Without --impose no imposed file.
t_booklet_not_imposed() {
	booklet || return 1
	[ ! -e "$T/o/booklet-imposed.pdf" ] || fail "imposed file written"
}

# A programme in English gets the English words of the layout.
t_booklet_english() {
	sed 's/xml:lang="de"/xml:lang="en"/' input/programme.xml > "$T/en.xml"
	booklet "" "$T/en.xml" || return 1
	pdftotext -raw "$T/o/booklet.pdf" - | tr -d '\f' > "$T/text" || return 1
	for w in "Timetable" "Index of names" "Among others:" "Speakers" \
	    "hosted by KPMG" "(invited)" "Thursday, 12 June 2025" \
	    "The programme of this forum will be announced."; do
		contains "$T/text" "$w" || return 1
	done
	lacks "$T/text" "angefragt" && lacks "$T/text" "Personenregister" &&
	lacks "$T/text" "Tagesübersicht"
}

# Crop marks and bleed from the layout: the page grows by the slug, the
# trim box stays A5.
t_booklet_crop_marks() {
	sed 's#<page paper="A5" orientation="portrait" bleed="3mm"/>#<page paper="A5" orientation="portrait" bleed="3mm" crop-marks="true"/>#' \
	    layouts/booklet-a5.xml > "$T/crop.xml"
	booklet "--layout $T/crop.xml" || return 1
	pdf_ok "$T/o/booklet.pdf" || return 1
	pdfinfo -box -f 1 -l 1 "$T/o/booklet.pdf" > "$T/box"
	grep -q 'TrimBox: *25.51.* 25.51.* 445.04.* 620.79' "$T/box" ||
		{ cat "$T/box"; fail "trim box"; }
}

# A regional tag ("en-GB") gets the English labels and dates everywhere.
t_booklet_regional_language_tag() {
	sed 's/xml:lang="de"/xml:lang="en-GB"/' input/programme.xml > "$T/en.xml"
	run 0 "$PDFGEN" all -o "$T/pdf" "$T/en.xml" || return 1
	pdftotext -f 1 -l 1 "$T/pdf/signs.pdf" "$T/sign.txt"
	contains "$T/sign.txt" "Thursday, 12 June 2025" || return 1
	pdftotext "$T/pdf/booklet.pdf" "$T/booklet.txt"
	contains "$T/booklet.txt" "Schedule" && lacks "$T/booklet.txt" "Übersicht"
}

# The cover gives the event's days as a range: the pretalx sample's four
# days in March, six days in December, and days across a year's end.
t_booklet_cover_date_range() {
	booklet "" tests/samples/good2025-pretalx.schedule.xml || return 1
	pdftotext -f 1 -l 1 "$T/o/booklet.pdf" - | tr '\n' ' ' > "$T/cover"
	contains "$T/cover" "17–20 March 2025" || return 1
	lacks "$T/cover" "18 March" || return 1
	sed -e 's#<date>2025-06-12</date>#<date>2022-12-26</date><date>2022-12-27</date><date>2022-12-28</date><date>2022-12-29</date><date>2022-12-30</date><date>2022-12-31</date>#' \
	    -e 's#date="2025-06-12"#date="2022-12-28"#' input/programme.xml > "$T/dec.xml"
	booklet "" "$T/dec.xml" || return 1
	pdftotext -f 1 -l 1 "$T/o/booklet.pdf" - | tr '\n' ' ' > "$T/cover"
	contains "$T/cover" "26.–31. Dezember 2022" || return 1
	sed -e 's#<date>2025-06-12</date>#<date>2025-12-31</date><date>2026-01-01</date>#' \
	    -e 's#date="2025-06-12"#date="2025-12-31"#' input/programme.xml > "$T/year.xml"
	booklet "" "$T/year.xml" || return 1
	pdftotext -f 1 -l 1 "$T/o/booklet.pdf" - | tr '\n' ' ' > "$T/cover"
	contains "$T/cover" "31. Dezember 2025 – 1. Januar 2026"
}

# The word before the last of the cover's dates is the layout's label
# "and": "9.–10. und 12. Juni 2025", with the label "sowie" so.
t_booklet_cover_dates_and_from_layout() {
	sed -e 's#<date>2025-06-12</date>#<date>2025-06-09</date><date>2025-06-10</date><date>2025-06-12</date>#' \
	    -e 's#date="2025-06-12"#date="2025-06-10"#' input/programme.xml > "$T/gap.xml"
	booklet "" "$T/gap.xml" || return 1
	pdftotext -f 1 -l 1 "$T/o/booklet.pdf" - | tr '\n' ' ' > "$T/cover"
	contains "$T/cover" "9.–10. und 12. Juni 2025" || return 1
	sed 's#<label key="and" lang="de">und</label>#<label key="and" lang="de">sowie</label>#' \
	    layouts/booklet-a5.xml > "$T/sowie.xml"
	booklet "--layout $T/sowie.xml" "$T/gap.xml" || return 1
	pdftotext -f 1 -l 1 "$T/o/booklet.pdf" - | tr '\n' ' ' > "$T/cover"
	contains "$T/cover" "9.–10. sowie 12. Juni 2025"
}

# An index entry with several references breaks between them, never
# inside one: no line of the pretalx sample's index ends in "Forum",
# "Forum 7", "·" or "p." (14 did).
t_booklet_index_references_whole() {
	booklet "" tests/samples/good2025-pretalx.schedule.xml || return 1
	pdftotext -raw "$T/o/booklet.pdf" - | tr -d '\f' |
	    sed -n '/^Index of names$/,$p' > "$T/index"
	refs=$(grep -o 'p\. [0-9]*' "$T/index" | wc -l)
	[ "$refs" -ge 60 ] || fail "only $refs references in the index" ||
		return 1
	if grep -nE '(Forum|Forum [0-9]+|·|p\.)$|^(·|p\. |[0-9]+;)' \
	    "$T/index"; then
		fail "a reference is broken across lines"
	fi
}

# A list of speakers broken by a page leaves at least two names on either
# page (a generated conference of 300 talks, some with five to seven
# speakers: six lists were broken after one name).
t_booklet_speaker_lists_split_by_two() {
	python3 tests/bench/gen_schedule.py --sessions 300 --rooms 12 \
	    -o "$T/g.xml" || return 1
	booklet "" "$T/g.xml" || return 1
	python3 - "$T/o/booklet.pdf" "$T/g.xml" <<'PY'
import re, subprocess, sys, xml.etree.ElementTree as ET
pdf, src = sys.argv[1], sys.argv[2]
names = set()
for p in ET.parse(src).getroot().iter("person"):
    names.add(" ".join(p.text.split()))
text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
    text=True).stdout.split("\f")
n = len(text) - 1
# A page's lines without the running foot (two lines) and the running head
# (the section or, in a programme of several days, the day).
head_re = re.compile(r"^(Schedule|Programm|.*\b\d{4})$")
def body(i):
    lines = [l for l in text[i - 1].split("\n") if l.strip()][:-2]
    return lines[1:] if lines and head_re.match(lines[0]) else lines
bad = splits = 0
prev = body(1)
for i in range(2, n + 1):
    cur = body(i)
    tail = 0
    while tail < len(prev) and prev[len(prev) - 1 - tail] in names:
        tail += 1
    head = 0
    while head < len(cur) and cur[head] in names:
        head += 1
    if tail and head:
        splits += 1
        if tail < 2 or head < 2:
            print("pages %d/%d: %d name(s) before the break, %d after" % (i - 1, i, tail, head))
            bad += 1
    prev = cur
print(splits, "lists split,", bad, "badly")
sys.exit(1 if bad or splits < 1 else 0)
PY
}

# The booklet's look comes from its layout: an accent band reaching 50% of
# the type area's height down instead of 30% moves the cover's label and
# title down by the 20% (A5: 177 mm, so 100.35 pt); a running head whose
# middle is at 20% of the top margin instead of 45% sits 25% of 15 mm
# (10.63 pt) higher; a day grid whose room names stand 3 h2 sizes below
# its heading instead of 0.4 has its time axis 2.6 x 12 pt lower.
t_booklet_look_from_layout() {
	booklet "" || return 1
	pdftotext -bbox -f 1 -l 2 "$T/o/booklet.pdf" "$T/before.html"
	sed -e 's#<cover band="30%"#<cover band="50%"#' \
	    -e 's#<margins head="45%"#<margins head="20%"#' \
	    -e 's#speakers="30%" head="0.4"#speakers="30%" head="3"#' \
	    layouts/booklet-a5.xml > "$T/look.xml"
	! cmp -s layouts/booklet-a5.xml "$T/look.xml" ||
		fail "booklet-a5.xml has no <cover band>, <margins head>, <day-grid head>" ||
		return 1
	booklet "--layout $T/look.xml" || return 1
	pdftotext -bbox -f 1 -l 2 "$T/o/booklet.pdf" "$T/after.html"
	python3 - "$T/before.html" "$T/after.html" <<'PY'
import re, sys
def first(path):
    pages = re.findall(r"<page (.*?)</page>",
        open(path, encoding="utf-8").read(), re.S)
    # each page's words: (word, yMin)
    return [[(w, float(y)) for y, w in
        re.findall(r'yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)<', pg)]
        for pg in pages]
a, b = first(sys.argv[1]), first(sys.argv[2])
mm = 72 / 25.4
want = [("cover", 0, 0.2 * 177 * mm, ["Programm", "Kongress", "Donnerstag,"]),
    ("running head", 1, -0.25 * 15 * mm, ["Kongress", "Verwaltung"]),
    ("day grid", 1, 2.6 * 12, ["14:00", "14:30"])]
bad = 0
for what, pno, shift, words in want:
    for w in words:
        ya = [y for x, y in a[pno] if x == w][0]
        yb = [y for x, y in b[pno] if x == w][0]
        if abs(yb - ya - shift) > 0.05:
            print("%s: %r moved %.2f pt, not %.2f" % (what, w, yb - ya, shift))
            bad += 1
sys.exit(1 if bad else 0)
PY
}

# The word on the cover's band is in the layout's colour "paper" (the
# shipped layouts': white, 1 1 1 in RGB; "#FF0000" makes it red).
t_booklet_band_word_in_paper_colour() {
	booklet "--rgb" || return 1
	qpdf --qdf --object-streams=disable "$T/o/booklet.pdf" "$T/white.qdf"
	grep -qx "1 1 1 rg" "$T/white.qdf" || fail "no white text" || return 1
	sed 's|<colour name="paper" value="cmyk(0,0,0,0)"/>|<colour name="paper" value="#FF0000"/>|' \
	    layouts/booklet-a5.xml > "$T/red.xml"
	booklet "--rgb --layout $T/red.xml" || return 1
	qpdf --qdf --object-streams=disable "$T/o/booklet.pdf" "$T/red.qdf"
	grep -qx "1 0 0 rg" "$T/red.qdf" || fail "no red text" || return 1
	lacks_line "$T/red.qdf" "1 1 1 rg"
}

# The rules under the running heads take the layout's colour "rule" (the
# shipped layouts' is 40% grey, #999999: 0.6 in RGB).
t_booklet_rule_colour_from_layout() {
	booklet "--rgb" || return 1
	qpdf --qdf --object-streams=disable "$T/o/booklet.pdf" "$T/grey.qdf"
	grep -qx "0.6 0.6 0.6 RG" "$T/grey.qdf" || fail "no grey rule" ||
	    return 1
	sed 's|<colour name="rule" value="#999999"/>|<colour name="rule" value="#FF0000"/>|' \
	    layouts/booklet-a5.xml > "$T/red.xml"
	cp layouts/*.png "$T/" 2>/dev/null || :
	booklet "--rgb --layout $T/red.xml" || return 1
	qpdf --qdf --object-streams=disable "$T/o/booklet.pdf" "$T/red.qdf"
	grep -qx "1 0 0 RG" "$T/red.qdf" || fail "no red rule" || return 1
	lacks_line "$T/red.qdf" "0.6 0.6 0.6 RG"
}
