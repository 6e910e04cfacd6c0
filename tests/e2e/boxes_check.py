#!/usr/bin/env python3
"""Checks the page boxes of PDFs against the layouts they were made with.

Usage: boxes_check.py PDF LAYOUT SPREAD [PDF LAYOUT SPREAD]...

Every page has the boxes the layout asks for: TrimBox the layout's page
(SPREAD pages wide: 2 for the imposed booklet), BleedBox the trim and the
layout's bleed, MediaBox the bleed or, with crop marks, room for them too
(9 mm round the trim with 3 mm bleed); no CropBox of its own.  One run
for many PDFs: Python takes longer to start than the check takes.  Prints
what is wrong and a summary per PDF; exits 1 when anything is wrong.
"""
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MM = 72 / 25.4
PAPER = {"A0": (841, 1189), "A1": (594, 841), "A2": (420, 594),
         "A3": (297, 420), "A4": (210, 297), "A5": (148, 210),
         "A6": (105, 148), "Letter": (215.9, 279.4)}


def length(s):
    v, u = re.fullmatch(r"([0-9.]+)(mm|cm|pt|in)", s).groups()
    return float(v) * {"mm": MM, "cm": 10 * MM, "pt": 1, "in": 72}[u]


def own_boxes(pdf):
    """Whether every page dictionary has its own TrimBox and BleedBox
    (pdfinfo shows a missing box as the MediaBox: look for the keys)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as qdf:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf,
                        qdf.name], check=True)
        text = open(qdf.name, "rb").read()
    dicts = re.findall(rb"%% Page \d+\n%% Original object ID: [^\n]*\n"
                       rb"\d+ 0 obj\n<<(.*?)\n>>", text, re.S)
    own = [d for d in dicts if b"/TrimBox" in d and b"/BleedBox" in d]
    if not dicts or len(own) != len(dicts):
        print("%s: %d of %d pages have their own TrimBox and BleedBox" % (
            pdf, len(own), len(dicts)))
        return False
    return True


def wanted(layout, spread):
    page = ET.parse(layout).getroot().find("{urn:pdfgen:layout:1}page")
    if page.get("paper"):
        w, h = (v * MM for v in PAPER[page.get("paper")])
    else:
        w, h = length(page.get("width")), length(page.get("height"))
    if page.get("orientation") == "landscape":
        w, h = max(w, h), min(w, h)
    elif page.get("orientation") == "portrait":
        w, h = min(w, h), max(w, h)
    w *= spread
    b = length(page.get("bleed", "0mm"))
    s = max(b, 3 * MM) + 6 * MM if page.get("crop-marks") == "true" else b
    return b, s, {"MediaBox": (0, 0, w + 2 * s, h + 2 * s),
                  "CropBox": (0, 0, w + 2 * s, h + 2 * s),
                  "TrimBox": (s, s, s + w, s + h),
                  "BleedBox": (s - b, s - b, s + w + b, s + h + b)}


def check(pdf, layout, spread):
    ok = own_boxes(pdf)
    b, s, want = wanted(layout, spread)
    info = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "100000", pdf],
                          check=True, capture_output=True, text=True).stdout
    pages = set()
    for line in info.splitlines():
        if not line.startswith("Page "):
            continue
        n, box, *v = line.split()[1:]
        box = box.rstrip(":")
        pages.add(n)
        if box in want and any(abs(float(x) - y) > 0.02
                               for x, y in zip(v, want[box])):
            print("%s: page %s %s %s, want %s" % (pdf, n, box, " ".join(v),
                  " ".join("%.2f" % y for y in want[box])))
            ok = False
    print("%s: %d pages, bleed %.2f pt, slug %.2f pt" % (pdf, len(pages), b, s))
    return ok and bool(pages)


args = sys.argv[1:]
if not args or len(args) % 3:
    sys.exit(__doc__.split("\n\n")[1])
bad = 0
for i in range(0, len(args), 3):
    if not check(args[i], args[i + 1], int(args[i + 2])):
        bad = 1
sys.exit(bad)
