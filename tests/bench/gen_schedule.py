#!/usr/bin/env python3
"""Writes a synthetic multi-day conference as a frab/pretalx schedule.xml.

Usage: gen_schedule.py [--sessions N] [--days D] [--rooms R]
                       [--single-booked] [--speakers N] [--world-names]
                       [--tsv FILE] [-o FILE]

Defaults: 900 sessions over 2 days in 30 rooms, the shape of a large
developer conference (the timetable targets of make bench and the
timetable tests).  The output depends only on the arguments.  What the
programme holds, so that the timetable products meet real shapes:

- rooms of several kinds: two big halls with 45-60 minute talks, a
  lightning-talk room with 10-minute talks back to back (40 on day 1 and
  46 on day 2 when the programme has the default size: one door sign and
  two), a workshop room where two workshops overlap, and devrooms with
  5-40 minute talks around a lunch break; one room name is long;
- every title starts with a project name that no other title has, so a
  test can find each session by its first word;
- one to three speakers per session, every twentieth session has five to
  seven; about one track in two has a colour; abstracts of one to four
  paragraphs; every session has a URL.

--speakers N: exactly N people, each speaking at least once (needs as
many speaker places as people).  --world-names: about one name in ten is
Cyrillic and one in fifteen Chinese, Japanese or Korean, as at an
international conference (the fallback faces of the badges).  Without
them the output is as it always was.  --tsv FILE: one line per speaker
for the badge references of make bench (tests/bench/ref_libharu.c): id,
category, title, name, organisation, role, forum prefix and the title of
their first session, in the order of their ids.
"""

import argparse
import datetime
import random
import sys
from xml.sax.saxutils import escape, quoteattr

SEED = 20260317
DOUBLE_BOOKING = True   # --single-booked: none

SYLL = ("ka lo mi ne ru ta zo vi be da fe gu hi jo ku la mo ni po qui ra "
        "se ti vo wa xe yu zi bra cle dro fli gra klo pra sta tro zen").split()

WORDS = ("scaling observability for distributed storage with zero-copy "
         "networking in the browser a practical guide to reproducible "
         "builds lessons learned from ten years of packaging firmware "
         "updates over the air why your database needs better tests "
         "building accessible interfaces for everyone the state of "
         "open hardware in 2026 compilers kernels containers energy "
         "efficient scheduling on small boards community governance "
         "that works").split()

GERMAN = ["Barrierefreiheit für alle: Erfahrungen aus Köln",
          "Größere Datenbanken, kleinere Rechenzentren",
          "Übersetzungen gemeinsam pflegen – ein Werkstattbericht",
          "Straßenbahnen, Fahrpläne und offene Daten"]

GIVEN = ("Anna Ben Clara David Eva Felix Greta Hans Ida Jonas Karla Lukas "
         "Mia Noah Olga Paul Quinn Rosa Sven Tara Ute Viktor Wanda Xaver "
         "Yara Zoë Ömer Åsa Jürgen Chloé Mateus Priya Kenji Ngozi Siobhan "
         "Bartholomew Anne-Kathrin").split()

FAMILY = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker "
          "Schulz Hoffmann Koch Richter Klein Wolf Schröder Neumann Schwarz "
          "Braun Zimmermann Krüger Hartmann Lange Werner Krause Lehmann "
          "Köhler Maier Herrmann König Walter Okonkwo Fernández Dubois "
          "Nakamura Kowalski Papadopoulos O'Brien Leutheusser-Schnarrenberger "
          "Østergaard Çelik").split()

ORGS = ["Open Source Lab", "Universität zu Köln", "Red Hat", "Debian",
        "The Document Foundation", "Stadt München", "KDE e.V.", None, None,
        "Chaos Computer Club", "Wikimedia Deutschland", None]

ROOM_NAMES = ["Janson", "K.1.105 (La Fontaine)", "H.1302 (Depage)",
              "H.1308 (Rolin)", "UB2.252A (Lameere)", "UD2.218A",
              "AW1.120", "AW1.126", "K.3.201", "K.3.401", "K.4.201",
              "K.4.401", "K.4.601", "UA2.114 (Baudoux)", "UA2.118 (Henriot)",
              "UA2.220 (Guillissen)", "UB4.132", "UB4.136", "UB5.132",
              "UB5.230", "UD2.120 (Chavanne)", "UD2.208 (Decroly)",
              "H.2213", "H.2214", "H.2215 (Ferrer)", "H.3242", "H.3244",
              "Großer Saal – Erdgeschoss, Westflügel am Haupteingang",
              "Lightning Talks (H.2215)", "Workshop-Raum 1"]


CYRILLIC_GIVEN = ("Анна Борис Вера Дмитрий Елена Жанна Игорь Ксения Леонид "
                  "Мария Наталья Олег Павел Светлана Татьяна Юрий "
                  "Ярослава Ёлка").split()
CYRILLIC_FAMILY = ("Иванова Смирнов Кузнецова Попов Соколова Лебедев "
                   "Козлова Новиков Морозова Петров Волкова Фёдоров "
                   "Шевченко Бондаренко Ткаченко Щербаков").split()
# Chinese and Korean family name first, Japanese given name after a space.
CJK_NAMES = ["王芳", "李伟", "张静", "刘洋", "陈杰", "杨秀英", "赵磊", "黄丽",
             "周军", "吴霞", "田中 美咲", "佐藤 健", "鈴木 さくら",
             "高橋 誠", "渡辺 ひろし", "김민준", "이서연", "박지훈", "최유진",
             "정하늘"]


def many_people(n, rnd, world):
    """n distinct names; with world about one in ten Cyrillic and one in
    fifteen CJK."""
    latin = ["%s %s" % (g, f) for f in FAMILY for g in GIVEN]
    cyr = ["%s %s" % (g, f) for f in CYRILLIC_FAMILY for g in CYRILLIC_GIVEN]
    cjk = CJK_NAMES + ["%s%s" % (a[0], b[1:]) for a in CJK_NAMES[:10]
                       for b in CJK_NAMES[:10] if a != b]
    rnd.shuffle(latin)
    rnd.shuffle(cyr)
    rnd.shuffle(cjk)
    out = []
    for i in range(n):
        pool = latin
        if world and i % 10 == 3 and cyr:
            pool = cyr
        elif world and i % 15 == 7 and cjk:
            pool = cjk
        if not pool:
            sys.exit("gen_schedule.py: cannot make %d distinct names" % n)
        out.append(pool.pop())
    rnd.shuffle(out)
    return out


def project_names(n, rnd):
    seen, out = set(), []
    while len(out) < n:
        w = "".join(rnd.choice(SYLL) for _ in range(rnd.choice((2, 3))))
        w = w.capitalize()
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def title(rnd, name, k):
    if k % 37 == 5:
        return "%s: %s" % (name, GERMAN[k % len(GERMAN)])
    n = rnd.choice((3, 4, 5, 7, 9)) if k % 23 else 22
    return "%s: %s" % (name, " ".join(rnd.choice(WORDS) for _ in range(n)))


def paragraphs(rnd, k):
    out = []
    for _ in range(rnd.choice((1, 1, 2, 3, 4))):
        out.append(" ".join(rnd.choice(WORDS) for _ in
                            range(rnd.randint(25, 90))).capitalize() + ".")
    return out


def room_plan(rooms, days, sessions):
    """(kind, per-day talk lengths in minutes) for each room."""
    kinds = []
    for r in range(rooms):
        if r < 2:
            kinds.append("hall")
        elif r == rooms - 2 and rooms >= 4:
            kinds.append("lightning")
        elif r == rooms - 1 and rooms >= 4:
            kinds.append("workshop")
        else:
            kinds.append("devroom")
    return kinds


def day_sessions(rnd, kind, day, budget):
    """Start minute and duration of the sessions of one room and day."""
    out = []
    if kind == "lightning":
        n = 40 if day == 0 else 46
        t = 9 * 60 + 30 if day == 0 else 9 * 60
        for _ in range(min(n, budget)):
            out.append((t, 10))
            t += 10
        return out
    if kind == "workshop":
        # Two workshops overlap in the afternoon (a double booking).
        out = [(10 * 60, 120), (13 * 60, 240), (14 * 60, 90)]
        if not DOUBLE_BOOKING:
            out[2] = (17 * 60, 90)
        return out[:budget]
    if kind == "hall":
        t = 9 * 60
        while t < 18 * 60 and len(out) < budget:
            d = 60 if t == 9 * 60 else 45
            out.append((t, d))
            t += d + 15
            if 12 * 60 <= t < 13 * 60:
                t = 13 * 60 + 30
        return out
    t = 9 * 60 + rnd.choice((0, 30, 60))
    while t < 18 * 60 + 30 and len(out) < budget:
        d = rnd.choice((5, 15, 20, 20, 25, 25, 30, 30, 30, 40))
        out.append((t, d))
        t += d + rnd.choice((0, 5, 5, 10))
        if 12 * 60 + 30 <= t < 13 * 60 + 30:
            t = 13 * 60 + 30
    return out


def plan(rnd, rooms, days, total):
    """Every room's natural day, then devrooms trimmed or extended at the
    end of the day, round robin, until the sessions add up to total."""
    kinds = room_plan(rooms, days, total)
    grid = {(d, r): day_sessions(rnd, kinds[r], d, 10 ** 6)
            for d in range(days) for r in range(rooms)}
    dev = [key for key in sorted(grid) if kinds[key[1]] == "devroom"]
    if not dev:
        dev = sorted(grid)
    n = sum(len(s) for s in grid.values())
    i = 0
    while n > total:
        if not any(grid[key] for key in dev):
            dev = sorted(grid)      # a small programme: every room gives
        s = grid[dev[i % len(dev)]]
        if s:
            s.pop()
            n -= 1
        i += 1
    while n < total:
        # The room whose day ends first takes one more talk.
        s = min((grid[key] for key in dev),
                key=lambda v: v[-1][0] + v[-1][1] if v else 0)
        t, dur = s[-1] if s else (9 * 60, 0)
        if t + dur + 25 > 23 * 60:
            sys.exit("gen_schedule.py: too many sessions for the rooms")
        s.append((t + dur + 5, 20))
        n += 1
        i += 1
    return kinds, grid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=900)
    ap.add_argument("--days", type=int, default=2)
    ap.add_argument("--rooms", type=int, default=30)
    ap.add_argument("--single-booked", action="store_true",
                    help="no two sessions at once in a room")
    ap.add_argument("--speakers", type=int)
    ap.add_argument("--world-names", action="store_true")
    ap.add_argument("--tsv")
    ap.add_argument("-o", dest="out")
    a = ap.parse_args()
    global DOUBLE_BOOKING
    DOUBLE_BOOKING = not a.single_booked
    rnd = random.Random(SEED + a.sessions * 1000 + a.days * 100 + a.rooms)
    kinds, grid = plan(rnd, a.rooms, a.days, a.sessions)
    names = project_names(a.sessions, rnd)
    if a.speakers or a.world_names:
        people = many_people(a.speakers or 1500, random.Random(SEED + 1),
                             a.world_names)
    else:
        people = ["%s %s" % (g, f) for f in FAMILY for g in GIVEN]
        rnd.shuffle(people)
    first = datetime.date(2026, 3, 17)
    dates = [first + datetime.timedelta(days=d) for d in range(a.days)]
    tracks = ["%s devroom" % n.capitalize() for n in
              ("compilers", "kernel", "containers", "energy", "databases",
               "accessibility", "hardware", "packaging", "firmware",
               "networking", "storage", "browsers", "community",
               "translations", "transport", "testing", "graphics",
               "security", "education", "legal")]
    tracks = ["Keynotes", "Main track", "Lightning talks", "Workshops"] + tracks
    out = []
    w = out.append
    w("<?xml version='1.0' encoding='utf-8' ?>\n<schedule>\n")
    w("  <version>gen-%d-%d-%d</version>\n" % (a.sessions, a.days, a.rooms))
    w("  <conference>\n    <acronym>oss2026</acronym>\n")
    w("    <title>Open Systems Summit 2026</title>\n")
    w("    <start>%s</start>\n    <end>%s</end>\n" % (dates[0], dates[-1]))
    w("    <days>%d</days>\n" % a.days)
    w("    <timeslot_duration>00:05</timeslot_duration>\n")
    w("    <base_url>https://oss2026.example.org/</base_url>\n")
    for i, t in enumerate(tracks):
        colour = (" color='#%02X%02X%02X'" % (60 + i * 37 % 160,
                  90 + i * 53 % 140, 120 + i * 71 % 120)) if i % 2 else ""
        w("    <track name=%s%s/>\n" % (quoteattr(t), colour))
    w("  </conference>\n")
    k = 0
    pk = 0
    first_talk = {}
    for d, date in enumerate(dates):
        w("  <day index='%d' date='%s' start='%sT08:00:00+01:00' "
          "end='%sT21:00:00+01:00'>\n" % (d + 1, date, date, date))
        for r in range(a.rooms):
            room = ROOM_NAMES[r] if r < len(ROOM_NAMES) else "Room %d" % r
            if kinds[r] == "lightning":
                room = "Lightning Talks (H.2215)"
            elif kinds[r] == "workshop":
                room = "Workshop-Raum 1"
            w("    <room name=%s>\n" % quoteattr(room))
            for start, dur in grid[(d, r)]:
                k += 1
                track = {"hall": tracks[0] if start == 9 * 60 else
                         tracks[1], "lightning": tracks[2],
                         "workshop": tracks[3]}.get(
                             kinds[r], tracks[4 + r % (len(tracks) - 4)])
                w("      <event guid='00000000-0000-4000-8000-%012d' "
                  "id='%d'>\n" % (k, 1000 + k))
                w("        <date>%sT%02d:%02d:00+01:00</date>\n"
                  % (date, start // 60, start % 60))
                w("        <start>%02d:%02d</start>\n"
                  % (start // 60, start % 60))
                w("        <duration>%02d:%02d</duration>\n"
                  % (dur // 60, dur % 60))
                w("        <room>%s</room>\n" % escape(room))
                w("        <slug>oss2026-%d</slug>\n" % k)
                w("        <url>https://oss2026.example.org/talk/%d/</url>\n"
                  % k)
                title_of = title(rnd, names[k - 1], k)
                w("        <title>%s</title>\n" % escape(title_of))
                w("        <subtitle></subtitle>\n")
                w("        <track>%s</track>\n" % escape(track))
                w("        <type>Talk</type>\n")
                w("        <language>%s</language>\n"
                  % ("de" if k % 37 == 5 else "en"))
                w("        <abstract>%s</abstract>\n" %
                  escape("\n\n".join(paragraphs(rnd, k))))
                w("        <description></description>\n")
                w("        <persons>\n")
                n = rnd.choice((1, 1, 1, 2, 2, 3)) if k % 20 else \
                    rnd.randint(5, 7)
                for _ in range(n):
                    pid = pk % len(people)
                    first_talk.setdefault(pid, title_of)
                    pk += 1 if a.speakers else rnd.choice((1, 1, 1, 1, 2))
                    w("          <person id='%d'>%s</person>\n"
                      % (pid + 1, escape(people[pid])))
                w("        </persons>\n      </event>\n")
            w("    </room>\n")
        w("  </day>\n")
    w("</schedule>\n")
    text = "".join(out)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if a.tsv:
        with open(a.tsv, "w", encoding="utf-8") as f:
            for pid in sorted(first_talk):
                f.write("\t".join((str(pid + 1), "Speaker", "", people[pid],
                                    "", "", "", first_talk[pid])) + "\n")
    if a.speakers and pk < a.speakers:
        sys.exit("gen_schedule.py: %d speaker places for %d speakers"
                 % (pk, a.speakers))
    if k != a.sessions:
        sys.exit("gen_schedule.py: made %d sessions, not %d" % (k, a.sessions))


main()
