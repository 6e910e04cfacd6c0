#!/usr/bin/env python3
"""Writes a deterministic schedule.xml of a big conference to stdout:
3 days, 60 rooms, 900 talks (5 per room and day), 900 speakers.  Every
tenth talk has a second speaker who also gives a talk of their own, so
people are shared between talks.  Used by tests/test_schedule.c and
tests/e2e/test_schedule.sh."""
import sys
from xml.sax.saxutils import escape

GIVEN = ["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hans",
         "Ida", "Jonas", "Karla", "Lukas", "Mia", "Noah", "Olga", "Paul",
         "Quinn", "Rosa", "Sven", "Tara", "Ute", "Viktor", "Wanda",
         "Xaver", "Yara", "Zoe", "Ömer", "Åsa", "Jürgen", "Zoë"]
FAMILY = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
          "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter",
          "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun",
          "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Krause",
          "Lehmann", "Köhler", "Maier", "Herrmann", "König", "Walter"]
DAYS = ["2026-09-14", "2026-09-15", "2026-09-16"]
ROOMS = 60
PER_ROOM = 5


def name(i):
    return "%s %s" % (GIVEN[i % 30], FAMILY[i // 30])


def main():
    w = sys.stdout.write
    w("<?xml version='1.0' encoding='utf-8' ?>\n<schedule>\n")
    w("  <version>1.0</version>\n  <conference>\n")
    w("    <acronym>big2026</acronym>\n    <title>Big Conference 2026</title>\n")
    w("    <start>%s</start>\n    <end>%s</end>\n" % (DAYS[0], DAYS[-1]))
    w("    <days>3</days>\n  </conference>\n")
    talk = 0
    for d, date in enumerate(DAYS):
        w("  <day index='%d' date='%s' start='%sT08:00:00+02:00' "
          "end='%sT22:00:00+02:00'>\n" % (d + 1, date, date, date))
        for r in range(ROOMS):
            room = "Room %02d (Building %s)" % (r + 1, "ABCDEF"[r % 6])
            w("    <room name='%s'>\n" % room)
            for k in range(PER_ROOM):
                talk += 1
                hour = 9 + 2 * k
                w("      <event guid='00000000-0000-4000-8000-%012d' "
                  "id='%d'>\n" % (talk, talk))
                w("        <date>%sT%02d:00:00+02:00</date>\n" % (date, hour))
                w("        <start>%02d:00</start>\n" % hour)
                w("        <duration>01:30</duration>\n")
                w("        <room>%s</room>\n" % room)
                w("        <slug>big2026-%d-talk</slug>\n" % talk)
                w("        <title>Talk %d: %s on topic %d</title>\n"
                  % (talk, escape(name(talk - 1)), talk * 7 % 101))
                w("        <subtitle></subtitle>\n")
                w("        <track>Track %d</track>\n" % (talk % 12 + 1))
                w("        <type>Talk</type>\n")
                w("        <language>%s</language>\n"
                  % ("de" if talk % 3 == 0 else "en"))
                w("        <abstract>Abstract of talk %d. **Bold** words "
                  "and a [link](https://example.org/%d).</abstract>\n"
                  % (talk, talk))
                w("        <description>&lt;p&gt;Description of talk %d."
                  "&lt;/p&gt;</description>\n" % talk)
                w("        <persons>\n")
                w("          <person id='%d'>%s</person>\n"
                  % (talk, escape(name(talk - 1))))
                if talk % 10 == 0:
                    w("          <person id='%d'>%s</person>\n"
                      % (talk % 900 + 1, escape(name(talk % 900))))
                w("        </persons>\n      </event>\n")
            w("    </room>\n")
        w("  </day>\n")
    w("</schedule>\n")


main()
