# A booklet one can print: --content full|abstract|titles (also the
# layout's <sessions content>), sessions by day and time or by track, and
# a warning before imposing more pages than a stapler binds.

# gen N ROOMS [OPTION]: a generated conference in $T/g.xml
# (tests/bench/gen_schedule.py).
gen() {
	python3 tests/bench/gen_schedule.py --sessions "$1" --rooms "$2" \
	    ${3:-} -o "$T/g.xml"
}

# The pocket programme of 900 sessions fits 160 A5 pages, timetable and
# index included, and names every session: its title's first word (no
# two titles share it), its time, room and track, and its speakers.
t_booklet_titles_900_sessions() {
	gen 900 30 || return 1
	run 0 "$PDFGEN" booklet --content titles -o "$T/o" "$T/g.xml" ||
		return 1
	pdf_ok "$T/o/booklet.pdf" || return 1
	n=$(pages "$T/o/booklet.pdf")
	[ "$n" -le 160 ] || fail "$n pages, more than 160" || return 1
	pdftotext "$T/o/booklet.pdf" "$T/text" || return 1
	python3 - "$T/text" "$T/g.xml" <<'EOF'
import re, sys, xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8").read()
# The main matter: after the timetable, up to the index.
body = text[text.index("\fSchedule\n") if "\fSchedule\n" in text else 0:]
body = body[:body.index("Index of names")]
flat = re.sub(r"[\s\-]", "", body)
bad = 0
for ev in ET.parse(sys.argv[2]).getroot().iter("event"):
    first = ev.findtext("title").split()[0]
    if flat.count(re.sub(r"[\s\-]", "", first)) != 1:
        print("%r is %d times in the programme part" % (first,
              flat.count(first))); bad += 1
    room = ev.findtext("room")
    start = ev.findtext("start")
    track = ev.findtext("track")
    m = re.search(re.escape(first) + r"(.{0,900})", body, re.S)
    near = re.sub(r"\s+", " ", m.group(1)) if m else ""
    for want in (start, room, track):
        if re.sub(r"[\s\-]", "", want) not in re.sub(r"[\s\-]", "", near):
            print("%r lacks %r near its title" % (first, want)); bad += 1
sys.exit(1 if bad else 0)
EOF
}

# Sessions come by day and time: under each day's heading, the start
# times of the pocket programme never go back.
t_booklet_titles_by_day_and_time() {
	gen 300 12 || return 1
	run 0 "$PDFGEN" booklet --content titles -o "$T/o" "$T/g.xml" ||
		return 1
	pdftotext -raw "$T/o/booklet.pdf" - | tr -d '\f' > "$T/text" || return 1
	python3 - "$T/text" <<'EOF'
import re, sys
day, last, bad, seen = None, "", 0, set()
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if line.startswith("Index of names"):
        break
    if re.fullmatch(r"(Tuesday|Wednesday), 1[78] March 2026", line):
        if line != day:
            day, last = line, ""
            seen.add(line)
        continue
    m = re.match(r"([0-9]{2}:[0-9]{2})–[0-9]{2}:[0-9]{2} · ", line)
    if m and day is not None:
        if m.group(1) < last:
            print("%s: %s after %s" % (day, m.group(1), last)); bad += 1
        last = m.group(1)
if len(seen) != 2:
    sys.exit("days %r" % seen)
sys.exit(1 if bad else 0)
EOF
}

# A day that goes on onto a new page is headed by its day again there.
t_booklet_group_heading_repeated() {
	gen 300 12 || return 1
	run 0 "$PDFGEN" booklet --content titles -o "$T/o" "$T/g.xml" ||
		return 1
	pdftotext -raw "$T/o/booklet.pdf" - > "$T/text" || return 1
	python3 - "$T/text" <<'EOF'
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
body = [p for p in pages if re.search(r"^[0-9]{2}:[0-9]{2}–[0-9]{2}:[0-9]{2} · ", p, re.M)
        and "Timetable –" not in p and "Index of names" not in p]
if len(body) < 10:
    sys.exit("only %d pages of sessions" % len(body))
bad = [i for i, p in enumerate(body)
       if not re.match(r"(Tuesday|Wednesday), 1[78] March 2026\n", p.lstrip())]
if bad:
    sys.exit("pages of sessions %r do not begin with their day" % bad)
EOF
}

# --content abstract: at most six lines of each description (the layout
# says how many), the last ending in "…" when more is left out; the names
# in one paragraph.  Shorter than full, longer than titles.
t_booklet_abstract() {
	gen 200 10 || return 1
	for c in full abstract titles; do
		mkdir -p "$T/$c"
		run 0 "$PDFGEN" booklet --content "$c" -o "$T/$c" "$T/g.xml" ||
			return 1
		pdf_ok "$T/$c/booklet.pdf" || return 1
	done
	f=$(pages "$T/full/booklet.pdf") a=$(pages "$T/abstract/booklet.pdf")
	t=$(pages "$T/titles/booklet.pdf")
	[ "$t" -lt "$a" ] && [ "$a" -lt "$f" ] ||
		fail "pages: full $f, abstract $a, titles $t" || return 1
	pdftotext -raw "$T/abstract/booklet.pdf" "$T/text" || return 1
	[ "$(grep -c '…$' "$T/text")" -ge 50 ] ||
		fail "few abstracts end in …" || return 1
	grep -q '^Speakers: ' "$T/text" || fail "no names in a paragraph" ||
		return 1
	# Six lines: those between a session's time and its speakers (or
	# the next session), its page's short link aside; each has that.
	python3 - "$T/text" <<'EOF'
import re, sys
run, worst, links = None, 0, 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip("\f\n")
    if re.search(r"2026 · [0-9]{2}:[0-9]{2}–[0-9]{2}:[0-9]{2} · ", line):
        run = 0
    elif line.startswith("Speakers:") or re.fullmatch(r"Forum [0-9]+", line) \
            or line.startswith("Open Systems Summit") or line == "Schedule":
        run = None
    elif re.fullmatch(r"oss2026\.example\.org/talk/[0-9]+", line):
        links += 1
    elif run is not None and line:
        run += 1
        worst = max(worst, run)
if links != 200:
    sys.exit("%d sessions with their link, not 200" % links)
if worst != 6:
    sys.exit("the longest description runs %d lines, not 6" % worst)
EOF
}

# The layout can say it too: <sessions content="titles"/> is
# --content titles, and --content wins over the layout.
t_booklet_content_from_layout() {
	gen 200 10 || return 1
	sed 's#<padding multiple="4" with="notes"/>#&<sessions content="titles" group-by="track"/>#' \
	    layouts/booklet-a5.xml > "$T/titles.xml"
	mkdir -p "$T/a" "$T/b" "$T/c"
	run 0 "$PDFGEN" booklet --layout "$T/titles.xml" -o "$T/a" "$T/g.xml" &&
	run 0 "$PDFGEN" booklet --content titles --group-by track -o "$T/b" \
	    "$T/g.xml" &&
	run 0 "$PDFGEN" booklet --layout "$T/titles.xml" --content full \
	    -o "$T/c" "$T/g.xml" || return 1
	pdftotext "$T/a/booklet.pdf" "$T/a.txt" &&
	pdftotext "$T/b/booklet.pdf" "$T/b.txt" || return 1
	cmp -s "$T/a.txt" "$T/b.txt" || fail "layout and options differ" ||
		return 1
	[ "$(pages "$T/c/booklet.pdf")" -gt "$(pages "$T/a/booklet.pdf")" ] ||
		fail "--content full did not win over the layout"
}

# --group-by track: a heading per track in the programme's order, each
# session under its own track's heading.
t_booklet_group_by_track() {
	gen 200 10 || return 1
	run 0 "$PDFGEN" booklet --content titles --group-by track -o "$T/o" \
	    "$T/g.xml" || return 1
	pdftotext -raw "$T/o/booklet.pdf" - | tr -d '\f' > "$T/text" || return 1
	python3 - "$T/text" "$T/g.xml" <<'EOF'
import re, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[2]).getroot()
tracks = [t.get("name") for t in root.find("conference").findall("track")]
of = {ev.findtext("title").split()[0]: ev.findtext("track") for ev in root.iter("event")}
used = [t for t in tracks if t in of.values()]
cur, order, bad = None, [], 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if line.startswith("Index of names"):
        break
    if line in used:
        if line != cur:
            cur = line
            if line not in order:
                order.append(line)
        continue
    m = re.match(r"(\S+:)", line)
    if m and m.group(1) in of and cur is not None and of[m.group(1)] != cur:
        print("%s (%s) under %s" % (m.group(1), of[m.group(1)], cur)); bad += 1
if order != used:
    print("tracks in the order %r, not %r" % (order, used)); bad += 1
sys.exit(1 if bad else 0)
EOF
}

# Imposing more than 64 pages: a warning with the page count and what to
# do; with --strict an error, and nothing written.
t_booklet_impose_warns_over_64_pages() {
	gen 200 10 || return 1
	run 0 "$PDFGEN" booklet --impose -o "$T/o" "$T/g.xml" || return 1
	n=$(pages "$T/o/booklet.pdf")
	[ "$n" -gt 64 ] || fail "only $n pages" || return 1
	contains "$T/err" "warning: the booklet has $n pages, more than an office stapler binds (64); --content abstract or --content titles makes it shorter" ||
		return 1
	run 0 "$PDFGEN" booklet --impose --content titles -o "$T/t" "$T/g.xml" ||
		return 1
	[ "$(pages "$T/t/booklet.pdf")" -le 64 ] || fail "titles: over 64" ||
		return 1
	lacks "$T/err" "stapler" || return 1
	# No double booking, which --strict would refuse first.
	gen 200 10 --single-booked || return 1
	run 1 "$PDFGEN" booklet --impose --strict -o "$T/s" "$T/g.xml" ||
		return 1
	contains "$T/err" "error: the booklet has " &&
	contains "$T/err" " pages, more than an office stapler binds (64)" &&
	[ ! -e "$T/s/booklet.pdf" ] && [ ! -e "$T/s/booklet-imposed.pdf" ] ||
		fail "written under --strict"
}

t_booklet_content_usage() {
	run 2 "$PDFGEN" booklet --content short input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: --content takes full|abstract|titles, not 'short'
Try 'pdfgen --help'." || return 1
	run 2 "$PDFGEN" signs --content titles input/programme.xml
}

# An abstract ends with the session's page, as short as it can be typed
# (no scheme, "www." or closing "/"); the full text and a session without
# a page have none; the address survives convert and check.
t_booklet_abstract_links() {
	F=tests/schedule/links.xml
	run 0 "$PDFGEN" booklet --content abstract -o "$T/a" "$F" || return 1
	pdf_ok "$T/a/booklet.pdf" || return 1
	pdftotext -raw "$T/a/booklet.pdf" "$T/text" || return 1
	[ "$(grep -c '^cfp\.example\.org/2025/talk/LNK7QX$' "$T/text")" = 1 ] ||
		fail "the short link is not once on a line of its own" || return 1
	lacks "$T/text" "https://" || return 1
	run 0 "$PDFGEN" booklet -o "$T/f" "$F" || return 1
	pdftotext -raw "$T/f/booklet.pdf" "$T/text" || return 1
	lacks "$T/text" "LNK7QX" || return 1
	run 0 "$PDFGEN" convert -o "$T/p.xml" "$F" || return 1
	contains "$T/p.xml" "<url>https://www.cfp.example.org//2025/talk/LNK7QX/</url>" ||
		return 1
	[ "$(grep -c '<url>' "$T/p.xml")" = 1 ] || fail "not one url" || return 1
	run 0 "$PDFGEN" check "$T/p.xml" || return 1
	run 0 "$PDFGEN" booklet --content abstract -o "$T/c" "$T/p.xml" ||
		return 1
	pdftotext -raw "$T/c/booklet.pdf" - | grep -qx 'cfp\.example\.org/2025/talk/LNK7QX' ||
		fail "the converted file lost the link"
}
