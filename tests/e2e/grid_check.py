#!/usr/bin/env python3
"""Checks the day grids of a PDF against the schedule.xml they came from.

Usage: grid_check.py PDF SCHEDULE.xml TOP RIGHT BOTTOM LEFT [--mirror]
                     [--legend]

TOP RIGHT BOTTOM LEFT are the margins of the area the grid must stay in,
in mm; with --mirror they are the booklet's (top, outer, bottom, inner),
the inner margin on the left of odd pages.  A grid page is a page whose
first line inside the area names the day ("Timetable – Tuesday, 17 March
2026", "Tagesübersicht – Dienstag, 17. März 2026", on a poster the
event's title before the dash), not a day heading of the sessions.  Every session's title begins with a word no
other title begins with (tests/bench/gen_schedule.py writes them so).

It checks that every session of a day is on exactly one of that day's
grid pages (its first word, shortened or not, is there once), that no
session of another day is, that some session starts on every grid page,
that a day of several tracks names each on
every one of its grid pages or (where that would cost a page) on none,
with --legend on every one, that every word of a grid page lies inside
the area (running heads above it and folios below it aside) and that no
two words overlap.  Prints what is wrong and exits 1; prints a summary.
"""
import collections
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
MONTHS_EN = ("January February March April May June July August "
             "September October November December").split()
MONTHS_DE = ("Januar Februar März April Mai Juni Juli August September "
             "Oktober November Dezember").split()
DAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
DAYS_DE = ("Montag Dienstag Mittwoch Donnerstag Freitag Samstag "
           "Sonntag").split()


def headings(iso):
    """The ways a day's heading starts, as lists of words."""
    import datetime
    d = datetime.date.fromisoformat(iso)
    return [[DAYS_EN[d.weekday()] + ",", str(d.day), MONTHS_EN[d.month - 1],
             str(d.year)],
            [DAYS_DE[d.weekday()] + ",", "%d." % d.day,
             MONTHS_DE[d.month - 1], str(d.year)]]


def sessions(path):
    """{first word of the title: date}, the dates and {date: tracks},
    from schedule.xml."""
    out, dates = {}, set()
    tracks = collections.defaultdict(set)
    for ev in ET.parse(path).getroot().iter("event"):
        date = ev.findtext("date")[:10]
        first = " ".join(ev.findtext("title").split()).split(" ")[0]
        if first in out:
            sys.exit("grid_check: two titles begin with %r" % first)
        out[first] = date
        dates.add(date)
        if ev.findtext("track"):
            tracks[date].add(" ".join(ev.findtext("track").split()))
    return out, sorted(dates), tracks


def pages(pdf):
    text = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    for page in re.findall(r"<page (.*?)</page>", text, re.S):
        pw = float(re.search(r'width="([0-9.]+)"', page).group(1))
        ph = float(re.search(r'height="([0-9.]+)"', page).group(1))
        words = [(float(a), float(b), float(c), float(d), html.unescape(w))
                 for a, b, c, d, w in re.findall(
                     r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" '
                     r'yMax="([0-9.]+)">([^<]*)<', page)]
        yield pw, ph, words


def main():
    pdf, src = sys.argv[1], sys.argv[2]
    top, right, bottom, left = (float(v) * MM for v in sys.argv[3:7])
    mirror = "--mirror" in sys.argv
    want_legend = "--legend" in sys.argv
    firsts, dates, tracks = sessions(src)
    count = collections.Counter()
    legend = collections.defaultdict(set)
    bad = 0
    ngrid = 0
    for pno, (pw, ph, words) in enumerate(pages(pdf), 1):
        lo, hi = left, pw - right
        if mirror and pno % 2 == 0:
            lo, hi = right, pw - left
        inside = [w for w in words if w[3] > top - 0.5 and
                  w[1] < ph - bottom + 0.5]
        if not inside:
            continue
        y0 = min(w[1] for w in inside)
        line = [w[4] for w in sorted(inside, key=lambda w: w[0])
                if abs(w[1] - y0) < 1]
        # "Timetable – Tuesday, …" (a poster: "Event – Tuesday, …"), not
        # a day's heading among the sessions.
        day = [d for d in dates if any(line[i:i + 4] == h and i > 0 and
                                       line[i - 1] == "\u2013"
                                       for h in headings(d)
                                       for i in range(len(line)))]
        if not day:
            continue
        ngrid += 1
        starts = 0
        for x0, y0_, x1, y1, w in inside:
            if x0 < lo - 0.5 or x1 > hi + 0.5 or y1 > ph - bottom + 0.5:
                print("page %d: %r at %.1f,%.1f-%.1f,%.1f outside the area"
                      % (pno, w, x0, y0_, x1, y1))
                bad += 1
            first = w.split("\u00a0")[0]
            if first in firsts:
                starts += 1
                count[first] += 1
                if firsts[first] != day[0]:
                    print("page %d (%s): %r is a session of %s" %
                          (pno, day[0], first, firsts[first]))
                    bad += 1
        if not starts:
            print("page %d (%s): no session starts on it" % (pno, day[0]))
            bad += 1
        # The colours are named: a day of several tracks has each on
        # every page of its grid, or (where that costs a page) on none.
        flat = " ".join(w[4] for w in sorted(inside, key=lambda w: (
            round(w[1]), w[0])))
        if len(tracks[day[0]]) > 1:
            named = [t for t in sorted(tracks[day[0]]) if t in flat]
            legend[day[0]].add(len(named) == len(tracks[day[0]]))
            if named and len(named) < len(tracks[day[0]]):
                print("page %d (%s): tracks %r only" % (pno, day[0], named))
                bad += 1
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                if (min(a[2], b[2]) - max(a[0], b[0]) > 0.3 and
                        min(a[3], b[3]) - max(a[1], b[1]) > 0.3):
                    print("page %d: %r and %r overlap" % (pno, a[4], b[4]))
                    bad += 1
    for d, has in legend.items():
        if len(has) > 1 or (want_legend and has != {True}):
            print("%s: a legend on %s of its pages" % (
                d, "some" if len(has) > 1 else "none"))
            bad += 1
    for first in firsts:
        if count[first] != 1:
            print("%r (%s) is on the grid %d times" %
                  (first, firsts[first], count[first]))
            bad += 1
    print("%d grid pages, %d sessions, %d problems" %
          (ngrid, len(firsts), bad))
    sys.exit(1 if bad or ngrid == 0 else 0)


main()
