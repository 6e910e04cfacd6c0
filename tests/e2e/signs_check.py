#!/usr/bin/env python3
"""Checks door signs per room and day against the schedule.xml they came
from.

Usage: signs_check.py PDF SCHEDULE.xml

Each page must be the sign of one room on one day: it names the event,
the room and the day ("Tuesday, 17 March 2026" or "Dienstag, 17. März 2026", with "(1/2)" after it
when the day takes several sheets), and lists sessions of that room and
day only.  Every (room, day) with sessions has its sheets, every session
title is on exactly one of them, and the parts of a day are numbered
1..n.  The tracks are printed: when all the room's sessions that day
have one track, after the day ("Tuesday, 17 March 2026 · Rust devroom"),
else each session's own on the sheet that lists it.  Prints what is wrong and exits 1; prints a summary.
"""
import collections
import datetime
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

EN_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
EN_MONTHS = ("January February March April May June July August September "
             "October November December").split()
DE_DAYS = ("Montag Dienstag Mittwoch Donnerstag Freitag Samstag "
           "Sonntag").split()
DE_MONTHS = ("Januar Februar März April Mai Juni Juli August September "
             "Oktober November Dezember").split()


def squash(s):
    return re.sub(r"[\s\-\u00ad]", "", s)


def headings(iso):
    """The day as an English and as a German sign gives it."""
    d = datetime.date.fromisoformat(iso)
    return ["%s, %d %s %d" % (EN_DAYS[d.weekday()], d.day,
                              EN_MONTHS[d.month - 1], d.year),
            "%s, %d. %s %d" % (DE_DAYS[d.weekday()], d.day,
                               DE_MONTHS[d.month - 1], d.year)]


def main():
    pdf, src = sys.argv[1], sys.argv[2]
    root = ET.parse(src).getroot()
    event = root.find("conference").findtext("title")
    want = collections.defaultdict(list)
    tracks = collections.defaultdict(set)
    for day in root.iter("day"):
        for room in day.findall("room"):
            for ev in room.findall("event"):
                want[(room.get("name"), day.get("date"))].append(
                    " ".join(ev.findtext("title").split()))
                tracks[(room.get("name"), day.get("date"))].add(
                    " ".join((ev.findtext("track") or "").split()))
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout.split("\f")[:-1]
    rooms = sorted({r for r, _ in want}, key=len, reverse=True)
    seen = collections.Counter()
    parts = collections.defaultdict(list)
    bad = 0
    for pno, page in enumerate(text, 1):
        flat = squash(page)
        if not flat.startswith(squash(event)):
            print("page %d does not begin with the event" % pno)
            bad += 1
            continue
        rest = flat[len(squash(event)):]
        room = next((r for r in rooms if rest.startswith(squash(r))), None)
        date = next((d for r, d in want if r == room and
                     any(squash(h) in rest for h in headings(d))), None)
        if room is None or date is None:
            print("page %d names no room and day: %r" % (pno, page[:120]))
            bad += 1
            continue
        m = re.search("(?:%s) \\((\\d+)/(\\d+)\\)" % "|".join(
            re.escape(h) for h in headings(date)), " ".join(page.split()))
        parts[(room, date)].append((int(m.group(1)), int(m.group(2)))
                                   if m else (1, 1))
        ts = tracks[(room, date)]
        if len(ts) == 1 and "" not in ts:
            line = "(?:%s)(?: \\(\\d+/\\d+\\))? \u00b7 %s" % (
                "|".join(re.escape(h) for h in headings(date)),
                re.escape(next(iter(ts))))
            if not re.search(line, " ".join(page.split())):
                print("page %d (%s, %s): not the day and its track %r" %
                      (pno, room, date, next(iter(ts))))
                bad += 1
        elif not all(squash(t) in flat for t in ts if t and
                     sum(1 for x in ts if x) > 1):
            print("page %d (%s, %s): tracks %r not all there" %
                  (pno, room, date, sorted(ts)))
            bad += 1
        for (r, d), titles in want.items():
            for t in titles:
                if squash(t) in flat:
                    if (r, d) != (room, date):
                        print("page %d (%s, %s) lists %r of %s, %s" %
                              (pno, room, date, t, r, d))
                        bad += 1
                    else:
                        seen[(r, d, t)] += 1
    for (r, d), titles in want.items():
        got = parts.get((r, d), [])
        n = len(got)
        if sorted(got) != [(i, n) for i in range(1, n + 1)]:
            print("%s, %s: sheets %r" % (r, d, got))
            bad += 1
        for t in titles:
            if seen[(r, d, t)] != 1:
                print("%s, %s: %r is on %d sheets" % (r, d, t,
                                                      seen[(r, d, t)]))
                bad += 1
    print("%d sheets, %d rooms and days, %d sessions, %d problems" %
          (len(text), len(want), sum(len(v) for v in want.values()), bad))
    sys.exit(1 if bad else 0)


main()
