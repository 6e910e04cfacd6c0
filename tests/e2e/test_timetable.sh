# The day grid ("Tagesübersicht"/"Timetable") in the booklet: every
# session of a day once in that day's grid, inside the type area, no two
# words on top of each other; split by rooms and by time with headers
# and axis on every page; overlapping sessions side by side; the seed's
# twelve forums at 14:00 transposed onto one A5 page.

# A generated conference: 2 days, 16 rooms, 400 sessions (gen_schedule.py).
timetable_generated() {
	python3 tests/bench/gen_schedule.py --sessions 400 --rooms 16 \
	    -o "$T/g.xml"
}

t_timetable_every_session_once_a5() {
	timetable_generated || return 1
	run 0 "$PDFGEN" booklet -o "$T/o" "$T/g.xml" || return 1
	pdf_ok "$T/o/booklet.pdf" || return 1
	# Type area of booklet-a5.xml: top, outer, bottom, inner in mm.
	python3 tests/e2e/grid_check.py "$T/o/booklet.pdf" "$T/g.xml" \
	    15 13 18 18 --mirror
}

# 200 sessions in 12 rooms: the afternoon of some room groups is empty;
# no page of grid without a session starting on it.
t_timetable_no_empty_pages() {
	python3 tests/bench/gen_schedule.py --sessions 200 --rooms 12 \
	    -o "$T/g.xml" || return 1
	run 0 "$PDFGEN" booklet -o "$T/o" "$T/g.xml" || return 1
	python3 tests/e2e/grid_check.py "$T/o/booklet.pdf" "$T/g.xml" \
	    15 13 18 18 --mirror
}

t_timetable_every_session_once_a4() {
	timetable_generated || return 1
	run 0 "$PDFGEN" booklet --layout layouts/booklet-a4.xml -o "$T/o" \
	    "$T/g.xml" || return 1
	python3 tests/e2e/grid_check.py "$T/o/booklet.pdf" "$T/g.xml" \
	    20 18 22 22 --mirror
}

# 16 rooms do not fit across an A5 page, nor does a day from 9:00 to
# 18:00 fit down it: every page of a day says which part it is, has a
# time axis, and every room's header is on as many pages as the day has
# parts in time.
t_timetable_split_by_rooms_and_time() {
	timetable_generated || return 1
	run 0 "$PDFGEN" booklet -o "$T/o" "$T/g.xml" || return 1
	pdftotext -layout "$T/o/booklet.pdf" "$T/text" || return 1
	python3 - "$T/text" "$T/g.xml" <<'EOF'
import re, sys, xml.etree.ElementTree as ET
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
rooms = {}
for day in ET.parse(sys.argv[2]).getroot().iter("day"):
    rooms[day.get("date")] = [r.get("name") for r in day.findall("room")]
bad = 0
for date, names in rooms.items():
    d = int(date[8:])
    heading = "Timetable – %s, %d March 2026" % (
        "Tuesday" if d == 17 else "Wednesday", d)
    grid = [p for p in pages if heading in p]
    n = len(grid)
    if n < 4:
        sys.exit("%s: %d pages, expected a split in rooms and time" % (date, n))
    for i, p in enumerate(grid, 1):
        if "part %d/%d" % (i, n) not in p:
            print("%s: page %d lacks 'part %d/%d'" % (date, i, i, n)); bad += 1
        if len(re.findall(r"^ *[0-9][0-9]:[03]0 ", p, re.M)) < 2:
            print("%s: page %d has no time axis" % (date, i)); bad += 1
    # Each room group is on one page per part in time: its headers
    # above the time axis (the track legend below the grid aside).
    heads = [re.split(r"^ *[0-9][0-9]:[03]0 ", p, maxsplit=1, flags=re.M)[0]
             for p in grid]
    counts = {r: sum(1 for p in heads if r.split(" ")[0] in p) for r in names}
    parts = min(counts.values())
    if parts < 2 or any(c != parts for c in counts.values()):
        print("%s: room headers on %r pages" % (date, counts)); bad += 1
sys.exit(1 if bad else 0)
EOF
}

# Three sessions in one room, the middle one overlapping both others:
# side by side (their words share no column), never on top of each
# other; the second day has its own page.
t_timetable_overlapping_sessions_side_by_side() {
	run 0 "$PDFGEN" booklet -o "$T/o" tests/timetable/overlap.xml ||
		return 1
	python3 tests/e2e/grid_check.py "$T/o/booklet.pdf" \
	    tests/timetable/overlap.xml 15 13 18 18 --mirror || return 1
	pdftotext -bbox -f 2 -l 2 "$T/o/booklet.pdf" "$T/bbox" || return 1
	python3 - "$T/bbox" <<'EOF'
import re, sys
words = {w: (float(a), float(b), float(c), float(d)) for a, b, c, d, w in
    re.findall(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" '
    r'yMax="([0-9.]+)">([^<]*)<', open(sys.argv[1], encoding="utf-8").read())}
a, b, c = words["Alpha:"], words["Bravo:"], words["Charlie:"]
# Bravo (10:30) starts below Alpha (10:00) and above Charlie (11:00) ...
if not (a[1] < b[1] < c[1]):
    sys.exit("not in time order: %r %r %r" % (a, b, c))
# ... in a lane of its own, right of theirs.
if not (b[0] > a[2] and b[0] > c[2]):
    sys.exit("Bravo is not beside Alpha and Charlie: %r %r %r" % (a, b, c))
if abs(a[0] - c[0]) > 0.5:
    sys.exit("Alpha and Charlie are not in one lane")
EOF
}

# The seed: twelve forums at 14:00 in twelve rooms, rooms down and time
# across on one A5 page; each title once, in its room's row, in room
# order, with the page of its section.
t_timetable_seed_transposed() {
	run 0 "$PDFGEN" booklet --strict -o "$T/o" input/programme.xml ||
		return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "warnings"; } || return 1
	pdftotext -bbox "$T/o/booklet.pdf" "$T/bbox" || return 1
	python3 - "$T/bbox" input/programme.xml <<'EOF'
import html, re, sys, xml.etree.ElementTree as ET
ns = {"p": "urn:pdfgen:programme:1"}
root = ET.parse(sys.argv[2]).getroot()
pages = re.findall(r"<page (.*?)</page>", open(sys.argv[1], encoding="utf-8").read(), re.S)
def words(p):
    return [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
        re.findall(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" '
        r'yMax="([0-9.]+)">([^<]*)<', p)]
grid = [i for i, p in enumerate(pages) if "Tagesübersicht" in p]
if grid != [1]:
    sys.exit("the timetable is on pages %r, not on page 2 alone" % [i + 1 for i in grid])
w = words(pages[1])
text = " ".join(x[4] for x in w)
prev = -1
for f in root.iterfind(".//p:forum", ns):
    title = " ".join(f.findtext("p:title", namespaces=ns).split())
    if text.count(title) != 1:
        sys.exit("%r is %d times on the timetable" % (title, text.count(title)))
    room = "Raum %s" % f.get("number")
    ry = [x for x in w if x[4] == "Raum" and any(y[4] == f.get("number") and
          abs(y[1] - x[1]) < 0.5 and y[0] > x[2] for y in w)]
    first = title.split(" ")[0]
    ty = [x for x in w if x[4] == first and ry and x[0] > ry[0][2] + 5]
    if len(ry) != 1 or not any(abs(t[1] - ry[0][1]) < 12 for t in ty):
        sys.exit("%r is not in the row of %s" % (title, room))
    if ry[0][1] <= prev:
        sys.exit("%s is not below the room before" % room)
    prev = ry[0][1]
EOF
}

# An English programme gets the English words; a German one the German.
t_timetable_labels() {
	timetable_generated || return 1
	run 0 "$PDFGEN" booklet -o "$T/o" "$T/g.xml" || return 1
	pdftotext -f 2 -l 2 "$T/o/booklet.pdf" "$T/p2" || return 1
	contains "$T/p2" "Timetable – Tuesday, 17 March 2026" &&
	contains "$T/p2" "part 1/" || return 1
	sed 's/<language>en</<language>de</' "$T/g.xml" > "$T/de.xml"
	run 0 "$PDFGEN" booklet -o "$T/o" "$T/de.xml" || return 1
	pdftotext -f 2 -l 2 "$T/o/booklet.pdf" "$T/p2" || return 1
	contains "$T/p2" "Tagesübersicht – Dienstag, 17. März 2026" &&
	contains "$T/p2" "Teil 1/"
}
