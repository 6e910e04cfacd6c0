#!/usr/bin/python3
"""The reportlab reference for the badge benchmark (make bench).

Usage: ref_reportlab.py TSV FONT.ttf OUT.pdf

Draws exactly what ref_libharu.c draws: one 90 x 55 mm badge per TSV line
(id, name, organisation, forum line), ten to an A4 sheet, its outline and
three lines at fixed sizes and positions, in the same TrueType font
(embedded and subset, as reportlab always does) with page compression on.
pretix and Indico draw their badges with reportlab's canvas like this.
Runs with Debian's /usr/bin/python3 and python3-reportlab (with its C
accelerator, python3-reportlab-accel).
"""

import sys

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

BADGE_W, BADGE_H = 90 * mm, 55 * mm
COLS, ROWS = 2, 5
SHEET_W, SHEET_H = 210 * mm, 297 * mm
MARGIN_X = (SHEET_W - COLS * BADGE_W) / 2
MARGIN_Y = (SHEET_H - ROWS * BADGE_H) / 2
PAD = 6 * mm


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: ref_reportlab.py TSV FONT.ttf OUT.pdf")
    tsv, font, out = sys.argv[1:]
    pdfmetrics.registerFont(TTFont("Badge", font))
    c = canvas.Canvas(out, pagesize=(SHEET_W, SHEET_H), pageCompression=1)
    c.setLineWidth(0.25)
    n = 0
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            _, name, org, forum = line.rstrip("\n").split("\t")
            slot = n % (COLS * ROWS)
            if slot == 0 and n > 0:
                c.showPage()
                c.setLineWidth(0.25)
            x = MARGIN_X + (slot % COLS) * BADGE_W
            y = SHEET_H - MARGIN_Y - (slot // COLS + 1) * BADGE_H
            c.rect(x, y, BADGE_W, BADGE_H)
            c.setFont("Badge", 20)
            c.drawString(x + PAD, y + BADGE_H - 22 * mm, name)
            c.setFont("Badge", 9)
            c.drawString(x + PAD, y + BADGE_H - 30 * mm, org)
            c.setFont("Badge", 8)
            c.drawString(x + PAD, y + PAD, forum)
            n += 1
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
