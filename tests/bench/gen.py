#!/usr/bin/env python3
"""Writes synthetic conference programmes for the benchmark (make bench).

Usage: gen.py [-o DIR] N [N ...]

For each N writes DIR/speakers-N.xml, a programme in the pdfgen format
(input/programme.xsd) with exactly N speakers, and DIR/speakers-N.tsv, one
line per badge (what its boxes show: see write_tsv) that the
reference badge programs (ref_libharu.c, ref_reportlab.py) draw, so both
references and pdfgen draw the same people with the same strings.

The output depends only on N: every size has its own fixed seed, and only
the Python standard library is used, so two runs give identical files.
Forums have 3 to 6 speakers; about 3 % of the speakers are "N.N."
placeholders and 8 % are invited, not yet confirmed; a quarter of the
forums have a moderator who also speaks in another forum.  Forums fill the
rooms slot by slot, so no two forums share a room at overlapping times.
"""

import argparse
import datetime
import math
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

SEED = 20250612

GIVEN_F = """
Tanja Manuela Sabine Claudia Petra Susanne Birgit Katrin Anja Nicole Dörte
Käthe Gülsen Ayşe Julia Laura Lea Sophie Hannah Lena Sarah Katharina
Christina Johanna Franziska Anke Heike Silke Ute Iris Britta Maren Wiebke
Friederike Gesine Bärbel Doris Renée Zoë Jana Anna-Lena Marie-Luise
Eva-Maria Ann-Kathrin Lisa-Marie
""".split()

GIVEN_M = """
Peter Martin Markus Oliver Andreas Stefan Thomas Michael Jürgen Jörg Björn
Sören Günter Ömer Uwe Dirk Frank Ralf Holger Matthias Christian Alexander
Sebastian Tobias Daniel Jan Lukas Jonas Leon Felix Maximilian Joachim
Wolfgang Reinhard Hartmut Bernd Detlef Helmut Ludger André Hans-Jürgen
Karl-Heinz Hans-Peter Jens-Uwe Klaus-Dieter
""".split()

FAMILY = """
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann
Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann
Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs
Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther
Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon
Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer
Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn
Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer
Krins Adelskamp Brakmann Heidinger Urban Meißner Strauß Fuß Weißenböck Öztürk
Yılmaz Kowalski Nowak Rößler Grünewald Dürr Süß Lübke Jürgens Bülow Tönnies
""".split()

# Prefixed and double family names, rarer than the plain ones above.
FAMILY_SPECIAL = [
    "von Bülow", "von der Heyde", "vom Brocke", "von Stülpnagel",
    "von Weizsäcker", "zu Löwenstein", "van den Berg", "de Maizière",
    "Müller-Lüdenscheidt", "Schulze-Böing", "Meyer-Hüllmann",
    "Leutheusser-Schnarrenberger", "Schmidt-Jortzig", "Kramp-Großmann",
    "Graf von Westphalen", "Heinemann-Grüder", "Özdemir-Krause",
]

# (title, cumulative probability): about 14 % Dr., 4 % Prof. Dr.
TITLES = [
    ("Prof. Dr.", 0.04), ("Prof.", 0.05), ("Dr.-Ing.", 0.06),
    ("Dr. rer. pol.", 0.07), ("Dr.", 0.21),
]

CITIES = [
    "Köln", "Essen", "Düsseldorf", "Dortmund", "Duisburg", "Bochum",
    "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mönchengladbach",
    "Gelsenkirchen", "Aachen", "Krefeld", "Oberhausen", "Hagen", "Hamm",
    "Mülheim an der Ruhr", "Leverkusen", "Solingen", "Herne", "Neuss",
    "Paderborn", "Bottrop", "Siegen", "Recklinghausen", "Gütersloh",
    "Iserlohn", "Lünen", "Witten", "Ratingen", "Marl", "Velbert", "Minden",
    "Leopoldshöhe", "Meschede", "Brühl", "Lüdenscheid", "Würselen",
    "Bad Oeynhausen", "Detmold", "Bergisch Gladbach", "Castrop-Rauxel",
]

# Small municipalities, for mayors ("Bürgermeisterin der Gemeinde ...").
GEMEINDEN = [
    "Leopoldshöhe", "Kalletal", "Hünxe", "Nörvenich", "Weilerswist",
    "Schöppingen", "Möhnesee", "Kirchhundem", "Wachtberg", "Lienen",
]

KREISE = [
    "Rhein-Sieg-Kreis", "Kreis Gütersloh", "Märkischer Kreis",
    "Hochsauerlandkreis", "Kreis Lippe", "Rhein-Erft-Kreis",
    "Kreis Höxter", "Oberbergischer Kreis", "Kreis Düren",
    "Städteregion Aachen", "Kreis Recklinghausen", "Kreis Borken",
]

ORG_FIXED = [
    "Ministerium für Heimat, Kommunales, Bau und Digitalisierung des "
    "Landes Nordrhein-Westfalen",
    "Koordinierungsstelle Digitale Souveränität und Open Source im CIIO – "
    "Chief Information/Innovation Office der Stadt Dortmund",
    "Landesbetrieb Information und Technik Nordrhein-Westfalen (IT.NRW)",
    "Bundesministerium des Innern und für Heimat",
    "Zentrum für Digitale Souveränität der Öffentlichen Verwaltung (ZenDiS)",
    "Föderale IT-Kooperation (FITKO)",
    "Dachverband kommunaler IT-Dienstleister (KDN)",
    "Städte- und Gemeindebund Nordrhein-Westfalen",
    "Landkreistag Nordrhein-Westfalen",
    "Deutscher Städtetag",
    "Kommunale Gemeinschaftsstelle für Verwaltungsmanagement (KGSt)",
    "Fraunhofer-Institut für Offene Kommunikationssysteme FOKUS",
    "Deutsche Hochschule für Verwaltungswissenschaften Speyer",
    "Hochschule für Polizei und öffentliche Verwaltung NRW",
    "Der Beauftragte der Landesregierung für Informationstechnik (CIO NRW)",
    "Landesbeauftragte für Datenschutz und Informationsfreiheit NRW",
    "Gesellschaft für Informatik e. V.",
    "Nationaler Normenkontrollrat",
    "Südwestfalen-IT", "regio iT", "ITK Rheinland", "KDVZ Rhein-Erft-Rur",
    "Citeq", "Dataport AöR", "AKDB", "Komm.ONE", "ekom21",
    "govdigital eG", "Procilon", "KPMG", "Red Hat", "1&1 Versatel",
    "Materna Information & Communications SE", "Computacenter", "Ionos",
    "Kienbaum Consultants International", "Nextcloud GmbH", "SAP",
    "Open Knowledge Foundation Deutschland", "Bitkom e. V.", "Vitako",
]

ORG_CITY = [
    "Stadt {c}", "Stadt {c}", "Stadt {c}", "Stadt {c}",
    "Stadtverwaltung {c}, Amt für Digitalisierung und Organisation",
    "Stadtwerke {c}", "Bürgeramt der Stadt {c}",
    "Stabsstelle Digitalisierung der Stadt {c}",
    "Amt für Informationsverarbeitung und E-Government der Stadt {c}",
]

# Roles as (masculine, feminine); one string when it is the same.
ROLES = [
    "Abteilungsleitung Smarte Stadt", "CDO", "CIO", "COO",
    "Projektleitung OZG-Umsetzung", "Teamleitung Prozessmanagement",
    "Senior Manager Public Sector", "Account Director Öffentlicher Sektor",
    ("Geschäftsführer", "Geschäftsführerin"),
    ("Referatsleiter Digitale Verwaltung", "Referatsleiterin Digitale "
     "Verwaltung"),
    ("Leiter des Amtes für Digitalisierung", "Leiterin des Amtes für "
     "Digitalisierung"),
    ("Leiter der Stabsstelle Digitalisierung", "Leiterin der Stabsstelle "
     "Digitalisierung"),
    ("Bürgermeister der Gemeinde {g}", "Bürgermeisterin der Gemeinde {g}"),
    ("Bürgermeister der Gemeinde {g}", "Bürgermeisterin der Gemeinde {g}"),
    ("Beigeordneter für Digitalisierung, Bürgerservice und Ordnung",
     "Beigeordnete für Digitalisierung, Bürgerservice und Ordnung"),
    ("Vorstand", "Vorständin"),
    ("Wissenschaftlicher Mitarbeiter", "Wissenschaftliche Mitarbeiterin"),
    ("Datenschutzbeauftragter", "Datenschutzbeauftragte"),
    ("Informationssicherheitsbeauftragter",
     "Informationssicherheitsbeauftragte"),
    ("Präsident des Landesbetriebs Information und Technik Nordrhein-"
     "Westfalen", "Präsidentin des Landesbetriebs Information und Technik "
     "Nordrhein-Westfalen"),
    ("Staatssekretär", "Staatssekretärin"),
    ("Ministerialrat", "Ministerialrätin"),
    ("Professor für Verwaltungsinformatik",
     "Professorin für Verwaltungsinformatik"),
    ("Dezernent für Personal, Organisation und Digitalisierung",
     "Dezernentin für Personal, Organisation und Digitalisierung"),
    ("Gründer und Geschäftsführer", "Gründerin und Geschäftsführerin"),
]

THEMEN = [
    "OZG 2.0", "Registermodernisierung", "Cloud", "Digitale Souveränität",
    "Open Source", "Künstliche Intelligenz", "Prozessmanagement",
    "Informationssicherheit", "Datenschutz", "E-Akte", "Smart City",
    "Open Data", "Digitale Identitäten", "EfA-Leistungen", "Fachkräftemangel",
    "Digital Mindset", "Barrierefreiheit", "Cybersicherheit",
    "Interoperabilität", "Low-Code", "Bürgerportale", "Datenstrategie",
    "Green IT", "Mobiles Arbeiten", "Vergaberecht", "IT-Konsolidierung",
    "Schuldigitalisierung", "Breitbandausbau", "Onlinezugang",
    "Automatisierte Sachbearbeitung",
]

TITLE_PATTERNS = [
    "{t} und {u} – wie passt das?",
    "{t}",
    "{t}: Chancen und Grenzen in der Kommunalverwaltung",
    "{t} in der Praxis: Erfahrungen aus {c}",
    "Von der Strategie zur Umsetzung: {t}",
    "{t} & {u} – doch mit welchen Daten?",
    "{t} als Herausforderung für die öffentliche IT",
    "Wie gelingt {t}? Ein Werkstattbericht",
    "{t} zwischen Anspruch und Wirklichkeit",
    "{t} gemeinsam gestalten: Bund, Länder und Kommunen im Gespräch",
    "Strukturwandel: {t} und die Neuordnung der kommunalen IT-Produktion",
    "{t} – was Verwaltungen jetzt von {u} lernen können",
]

SUBTITLES = [
    "Impulse und Podiumsdiskussion", "Ein Praxisforum",
    "Erfahrungen aus Bund, Land und Kommunen", "Workshop mit Live-Demo",
    "Bilanz nach zwei Jahren",
]

# Sentences of plausible administration prose; {t} and {u} are topics,
# {c} a city, {y} a year, {n} a number.
SENTENCES = [
    "Ende 2022 ist das Onlinezugangsgesetz ohne den erhofften Erfolg "
    "ausgelaufen.",
    "Offenkundig gibt es einen Dissens, inwieweit {t} durch gesetzliche "
    "Vorgaben – sprich: Mindestanforderungen und Fristen mit Sanktionen – "
    "beschleunigt werden kann.",
    "Gleichwohl herrscht Handlungsdruck, um den im internationalen Vergleich "
    "dramatischen Rückstand auf diesem Gebiet aufzuholen.",
    "In dem Forum gilt es auszuloten, welche Vorgaben sinnvoll und "
    "realisierbar sind und wie ein gesetzlicher Rahmen beschaffen sein muss, "
    "um die gewünschte Wirkung zu entfalten.",
    "Das Jahr {y} könnte für {t} in der öffentlichen Verwaltung den "
    "Durchbruch bringen.",
    "Die Stadt {c} hat dazu im vergangenen Jahr ein Pilotprojekt mit "
    "{n} Beschäftigten aus fünf Fachbereichen gestartet.",
    "Dabei zeigt sich, dass die technische Umsetzung oft leichter fällt als "
    "die Veränderung gewachsener Abläufe und Zuständigkeiten.",
    "Welche Rolle spielen dabei die kommunalen IT-Dienstleister, und wie "
    "lassen sich Doppelentwicklungen zwischen Bund, Ländern und Kommunen "
    "vermeiden?",
    "Zugleich wächst der Druck auf die Haushalte: Viele Kommunen können die "
    "laufenden Kosten für Betrieb und Wartung ihrer Fachverfahren kaum noch "
    "tragen.",
    "Rund 575 Verwaltungsleistungen sollen nach dem Prinzip „Einer für "
    "Alle“ bundesweit nachgenutzt werden.",
    "Für die Bürgerinnen und Bürger zählt am Ende vor allem, dass Anträge "
    "einfach, sicher und ohne Medienbruch gestellt werden können.",
    "Die Referentinnen und Referenten berichten aus der Praxis und stellen "
    "sich anschließend den Fragen des Publikums.",
    "Im Mittelpunkt steht die Frage, wie {t} und {u} sinnvoll miteinander "
    "verzahnt werden können.",
    "Digitalisierung beginnt im Kopf – und zwar bei IT-Expert*innen genauso "
    "wie bei Fachexpert*innen und nicht zuletzt bei der Führungsebene einer "
    "Verwaltung.",
    "Daraus lassen sich Auswirkungen auf die Personalgewinnung und "
    "-entwicklung ableiten, denn die Gesamtheit des Personalkörpers muss sich "
    "auf vielen Kompetenzebenen verändern und neu ausrichten.",
    "Das Land Nordrhein-Westfalen hat ebenfalls einen Auftrag vergeben, um "
    "für seinen Bedarf eine gemeinsame Infrastruktur aufzubauen.",
    "Dies soll auch der Deutschen Verwaltungscloud-Strategie neue Impulse "
    "geben, denn diese hat die Schaffung gemeinsamer Standards und offener "
    "Schnittstellen zum Ziel.",
    "Nun stellt sich die Frage, wie die vorhandene heterogene Struktur mit "
    "mehr als 30 Standorten landesweit bei laufendem Betrieb in eine "
    "einheitliche Organisation überführt werden kann.",
    "Ziel ist eine IT-Struktur, die weniger Ressourcen erfordert und flexibel "
    "auf neue Anforderungen reagieren kann.",
    "All dies stellt höchste Anforderungen an den Datenaustausch "
    "unterschiedlicher Verwaltungsbereiche und -ebenen.",
    "Wie das Zusammenwirken zahlreicher Fachverfahren unter Wahrung des "
    "Datenschutzes gelingen kann, soll in diesem Forum diskutiert werden.",
    "Die Erfahrungen aus {c} zeigen, dass ein verbindliches "
    "Architekturmanagement die Grundlage für jede weitere Modernisierung "
    "bildet.",
    "Nicht zuletzt geht es um Vertrauen: Ohne nachvollziehbare Regeln für "
    "den Umgang mit Daten wird {t} keine Akzeptanz finden.",
    "Welche Anpassungen braucht es also – in der Organisation, in der "
    "Führungskultur und in der Zusammenarbeit mit externen Partnern?",
    "Außerdem wird vorgestellt, wie sich Ausschreibungen so gestalten "
    "lassen, dass auch kleine und mittlere Anbieter eine Chance haben.",
    "Die Diskussion knüpft an die Ergebnisse des Gutachtens an, das im "
    "Frühjahr {y} den kommunalen Spitzenverbänden übergeben wurde.",
    "Gemeinsam mit dem Publikum sollen konkrete nächste Schritte für die "
    "kommenden zwölf Monate erarbeitet werden.",
    "Besonders kleinere Gemeinden mit weniger als 20.000 Einwohnerinnen und "
    "Einwohnern stehen dabei vor großen Herausforderungen.",
    "Wie groß ist der Nutzen tatsächlich, und wer trägt die Verantwortung, "
    "wenn ein automatisiert erlassener Bescheid fehlerhaft ist?",
    "Bereits heute übernehmen Sprachmodelle in ersten Pilotbehörden "
    "einfache Auskünfte und die Vorsortierung eingehender Post.",
]

HOSTS = ["KPMG", "Red Hat", "1&1 Versatel", "govdigital", "Materna",
         "Dataport", "Procilon", "Computacenter", "Nextcloud"]

ROOM_NAMES = ["Saal", "Raum", "Konferenzraum", "Seminarraum", "Forum"]
DIRECTIONS = ["Erdgeschoss, links", "Erdgeschoss, rechts",
              "1. Obergeschoss, Treppe A", "1. Obergeschoss, Treppe B",
              "2. Obergeschoss, Aufzug", "Untergeschoss, Foyer West"]

TRACKS = [("verwaltung", "Verwaltung digital", "#1f5fa8"),
          ("infrastruktur", "Infrastruktur und Cloud", "#2e8b57"),
          ("daten", "Daten und KI", "#8e44ad"),
          ("menschen", "Menschen und Organisation", "#d35400"),
          ("recht", "Recht und Sicherheit", "#7f8c8d")]

SLOT_TIMES = [("09:00", "10:30"), ("11:00", "12:30"), ("13:30", "15:00"),
              ("15:30", "17:00"), ("17:15", "18:45")]


def pick_title(rng):
    x = rng.random()
    for title, cum in TITLES:
        if x < cum:
            return title
    return None


def pick_family(rng):
    if rng.random() < 0.07:
        return rng.choice(FAMILY_SPECIAL)
    if rng.random() < 0.04:
        return rng.choice(FAMILY) + "-" + rng.choice(FAMILY)
    return rng.choice(FAMILY)


def pick_role(rng, female):
    r = rng.choice(ROLES)
    if isinstance(r, tuple):
        r = r[1] if female else r[0]
    return r.format(g=rng.choice(GEMEINDEN))


def pick_org(rng):
    x = rng.random()
    if x < 0.45:
        return rng.choice(ORG_CITY).format(c=rng.choice(CITIES))
    if x < 0.55:
        return "Kreisverwaltung " + rng.choice(KREISE)
    return rng.choice(ORG_FIXED)


def fill(rng, s):
    t, u = rng.sample(THEMEN, 2)
    return s.format(t=t, u=u, c=rng.choice(CITIES),
                    y=rng.choice([2022, 2023, 2024, 2025]),
                    n=rng.choice([12, 24, 30, 45, 75, 120]))


def paragraph(rng, lo, hi):
    return " ".join(fill(rng, s)
                    for s in rng.sample(SENTENCES, rng.randint(lo, hi)))


def description(rng):
    x = rng.random()
    if x < 0.06:
        return []			# only a title, as in the seed
    if x < 0.16:			# the long ones
        return [paragraph(rng, 5, 9) for _ in range(3)]
    return [paragraph(rng, 2, 6) for _ in range(rng.randint(1, 3))]


def split_sizes(rng, n):
    """Forum sizes from 3 to 6 that add up to n (n >= 3)."""
    sizes = []
    left = n
    while left > 0:
        if left <= 6:
            sizes.append(left)
            break
        k = rng.randint(3, 6)
        if left - k < 3:
            k = left - 3
        sizes.append(k)
        left -= k
    return sizes


def make_people(rng, n):
    people = []
    for i in range(n):
        p = {"id": "p%05d" % (i + 1), "status": "confirmed"}
        if rng.random() < 0.03:
            p["id"] = "nn%05d" % (i + 1)
            p["placeholder"] = True
            p["organisation"] = pick_org(rng)
            if rng.random() < 0.3:
                p["role"] = pick_role(rng, rng.random() < 0.5)
        else:
            p["placeholder"] = False
            p["title"] = pick_title(rng)
            female = rng.random() < 0.45
            p["given"] = rng.choice(GIVEN_F if female else GIVEN_M)
            p["family"] = pick_family(rng)
            if rng.random() < 0.85:
                p["role"] = pick_role(rng, female)
            if rng.random() < 0.95 and "Gemeinde" not in p.get("role", ""):
                p["organisation"] = pick_org(rng)
        if rng.random() < 0.08:
            p["status"] = "invited"
        people.append(p)
    return people


def full_name(p):
    if p["placeholder"]:
        return "N.N."
    parts = [p.get("title"), p["given"], p["family"]]
    return " ".join(x for x in parts if x)


def generate(n):
    rng = random.Random(SEED + n)
    people = make_people(rng, n)
    sizes = split_sizes(rng, n)
    nforums = len(sizes)
    nrooms = max(2, min(40, math.ceil(math.sqrt(nforums * 1.2))))
    nslots = math.ceil(nforums / nrooms)
    day0 = datetime.date(2025, 6, 12)
    slots = []
    for s in range(nslots):
        d = day0 + datetime.timedelta(days=s // len(SLOT_TIMES))
        start, end = SLOT_TIMES[s % len(SLOT_TIMES)]
        slots.append(("s%03d" % (s + 1), d.isoformat(), start, end))
    dates = sorted({s[1] for s in slots})
    rooms = []
    for r in range(nrooms):
        name = "%s %d" % (ROOM_NAMES[r % len(ROOM_NAMES)], r + 1)
        rooms.append(("r%02d" % (r + 1), name, DIRECTIONS[r % len(DIRECTIONS)]))

    forums = []
    order = list(range(n))
    rng.shuffle(order)
    k = 0
    for f, size in enumerate(sizes):
        t, u = rng.sample(THEMEN, 2)
        title = rng.choice(TITLE_PATTERNS).format(t=t, u=u,
                                                  c=rng.choice(CITIES))
        fo = {"id": "f%04d" % (f + 1), "number": f + 1, "title": title,
              "room": rooms[f % nrooms][0], "slot": slots[f // nrooms][0],
              "track": rng.choice(TRACKS)[0],
              "speakers": [people[i] for i in order[k:k + size]],
              "complete": rng.random() >= 0.1,
              "description": description(rng), "moderators": []}
        k += size
        if rng.random() < 0.12:
            fo["subtitle"] = rng.choice(SUBTITLES)
        if rng.random() < 0.08:
            fo["host"] = rng.choice(HOSTS)
        forums.append(fo)
    # Moderators speak elsewhere, so every person still has one badge.
    for fo in forums:
        if nforums > 1 and rng.random() < 0.25:
            other = forums[(fo["number"] + rng.randint(0, nforums - 2))
                           % nforums]
            cand = [p for p in other["speakers"] if not p["placeholder"]]
            if cand:
                fo["moderators"].append(rng.choice(cand))
    return {"people": people, "forums": forums, "rooms": rooms,
            "slots": slots, "dates": dates, "n": n}


def el(name, text, indent):
    return "%s<%s>%s</%s>\n" % (" " * indent, name, escape(text), name)


def write_xml(prog, path):
    o = []
    o.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    o.append("<!-- Synthetic programme with %d speakers, written by "
             "tests/bench/gen.py for make bench. -->\n" % prog["n"])
    o.append('<programme xmlns="urn:pdfgen:programme:1" version="1" '
             'xml:lang="de">\n')
    o.append("  <event>\n")
    o.append(el("title", "Kongress Digitale Verwaltung NRW", 4))
    o.append(el("subtitle", "Synthetisches Programm mit %d Mitwirkenden"
                % prog["n"], 4))
    for d in prog["dates"]:
        o.append(el("date", d, 4))
    o.append(el("venue", "Kongresszentrum Düsseldorf", 4))
    o.append(el("organiser", "Behörden Spiegel & Innovators Club", 4))
    o.append("  </event>\n  <rooms>\n")
    for rid, name, directions in prog["rooms"]:
        o.append('    <room id="%s"><name>%s</name><directions>%s'
                 '</directions></room>\n' % (rid, escape(name),
                                             escape(directions)))
    o.append("  </rooms>\n  <slots>\n")
    for sid, date, start, end in prog["slots"]:
        o.append('    <slot id="%s" date="%s" start="%s" end="%s"/>\n'
                 % (sid, date, start, end))
    o.append("  </slots>\n  <tracks>\n")
    for tid, name, colour in TRACKS:
        o.append('    <track id="%s" colour="%s">%s</track>\n'
                 % (tid, colour, escape(name)))
    o.append("  </tracks>\n  <people>\n")
    for p in prog["people"]:
        status = ' status="invited"' if p["status"] == "invited" else ""
        if p["placeholder"]:
            o.append('    <placeholder id="%s"%s>\n' % (p["id"], status))
            if "role" in p:
                o.append(el("role", p["role"], 6))
            o.append(el("organisation", p["organisation"], 6))
            o.append("    </placeholder>\n")
            continue
        o.append('    <person id="%s"%s>\n' % (p["id"], status))
        if p["title"]:
            o.append(el("title", p["title"], 6))
        o.append(el("given", p["given"], 6))
        o.append(el("family", p["family"], 6))
        for key in ("role", "organisation"):
            if key in p:
                o.append(el(key, p[key], 6))
        o.append("    </person>\n")
    o.append("  </people>\n  <forums>\n")
    for fo in prog["forums"]:
        o.append('    <forum id="%s" number="%d" room="%s" slot="%s" '
                 'track="%s">\n' % (fo["id"], fo["number"], fo["room"],
                                    fo["slot"], fo["track"]))
        o.append(el("title", fo["title"], 6))
        if "subtitle" in fo:
            o.append(el("subtitle", fo["subtitle"], 6))
        if "host" in fo:
            o.append(el("host", fo["host"], 6))
        if fo["description"]:
            o.append("      <description>\n")
            for par in fo["description"]:
                o.append(el("p", par, 8))
            o.append("      </description>\n")
        if fo["moderators"]:
            o.append("      <moderation>")
            for p in fo["moderators"]:
                o.append('<moderator ref="%s"/>' % p["id"])
            o.append("</moderation>\n")
        o.append("      <speakers%s>\n" % ("" if fo["complete"]
                                            else ' complete="false"'))
        for p in fo["speakers"]:
            o.append('        <speaker ref="%s"/>\n' % p["id"])
        o.append("      </speakers>\n    </forum>\n")
    o.append("  </forums>\n</programme>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(o))


def write_tsv(prog, path):
    """One line per badge, what the boxes of tests/bench/badges-one-sided.xml
    show: id, category, academic title, name, organisation, role, forum
    prefix ("Forum 3: ", or "Forum 3, 4" for several) and forum title."""
    forums_of = {}
    speaks = set()
    for fo in prog["forums"]:
        for p in fo["speakers"]:
            forums_of.setdefault(p["id"], []).append(fo)
            speaks.add(p["id"])
        for p in fo["moderators"]:
            forums_of.setdefault(p["id"], []).append(fo)
    with open(path, "w", encoding="utf-8") as f:
        for p in prog["people"]:
            fos = sorted({x["number"]: x for x in forums_of[p["id"]]}
                         .values(), key=lambda x: x["number"])
            prefix, title = "Forum %d: " % fos[0]["number"], fos[0]["title"]
            if len(fos) > 1:
                prefix = "Forum " + ", ".join(str(x["number"]) for x in fos)
                title = ""
            name = "" if p["placeholder"] else "%s %s" % (p["given"],
                                                          p["family"])
            cat = "Referent*in" if p["id"] in speaks else "Moderation"
            f.write("\t".join((p["id"], cat, p.get("title") or "", name,
                                p.get("organisation", ""),
                                p.get("role", ""), prefix, title)) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", dest="out", default="build/bench")
    ap.add_argument("sizes", nargs="+", type=int)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for n in a.sizes:
        if n < 3:
            sys.exit("gen.py: error: need at least 3 speakers, not %d" % n)
        prog = generate(n)
        base = os.path.join(a.out, "speakers-%d" % n)
        write_xml(prog, base + ".xml")
        write_tsv(prog, base + ".tsv")


if __name__ == "__main__":
    main()
