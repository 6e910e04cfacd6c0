#!/usr/bin/python3
"""The reportlab reference for the badge benchmark (make bench).

Usage: ref_reportlab.py TSV OUT.pdf REGULAR BOLD ITALIC [CJK [KOREAN]]

Draws exactly what ref_libharu.c draws: per TSV line (id, category,
academic title, name, organisation, role, forum prefix, forum title) one
90 x 55 mm badge, ten to an A4 sheet with cut marks: a coloured band with
the category in white, then title, name in bold, organisation, role in
italic and the forum line (prefix in bold), each centred at a fixed size
and place, in the same TrueType fonts (embedded and subset, as reportlab
always does; a name with CJK characters in the CJK face, Hangul in the
Korean one, each registered when a name first needs it) with page
compression on.  pretix and Indico draw their badges with reportlab's
canvas like this.  Runs with Debian's /usr/bin/python3 and
python3-reportlab (with its C accelerator, python3-reportlab-accel).
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
PAD, BOX_W = 4 * mm, 82 * mm
MARK_OFF, MARK_LEN = 2 * mm, 5 * mm
FACES = ("Regular", "Bold", "Italic", "CJK", "Korean")


class Fonts:
    """Registers each face on first use; a .ttc is read at index 0."""

    def __init__(self, files):
        self.files = dict(zip(FACES, files))
        self.known = set()

    def get(self, face):
        if face not in self.known:
            path = self.files.get(face)
            if path is None:
                sys.exit("ref_reportlab.py: no font file for " + face)
            pdfmetrics.registerFont(TTFont(face, path, subfontIndex=0))
            self.known.add(face)
        return face

    def face_for(self, s, face):
        cjk = False
        for ch in s:
            cp = ord(ch)
            if 0xAC00 <= cp <= 0xD7AF or 0x3130 <= cp <= 0x318F:
                return self.get("Korean")
            if cp >= 0x2E80:
                cjk = True
        return self.get("CJK" if cjk else face)


def cut_marks(c):
    left, right = MARGIN_X, SHEET_W - MARGIN_X
    top, bottom = SHEET_H - MARGIN_Y, MARGIN_Y
    c.setStrokeColorCMYK(1, 1, 1, 1)
    c.setLineWidth(0.3)
    lines = []
    for i in range(COLS + 1):
        e = left + i * BADGE_W
        lines.append((e, top + MARK_OFF, e, top + MARK_OFF + MARK_LEN))
        lines.append((e, bottom - MARK_OFF, e, bottom - MARK_OFF - MARK_LEN))
    for i in range(ROWS + 1):
        e = top - i * BADGE_H
        lines.append((left - MARK_OFF, e, left - MARK_OFF - MARK_LEN, e))
        lines.append((right + MARK_OFF, e, right + MARK_OFF + MARK_LEN, e))
    c.lines(lines)


def centred(c, fonts, s, face, size, x, y):
    if s:
        c.setFont(fonts.face_for(s, face), size)
        c.drawCentredString(x + BOX_W / 2, y, s)


def badge(c, fonts, f, x, top):
    _, cat, title, name, org, role, prefix, forum = f
    bx = x + PAD
    c.setFillColorCMYK(0.777, 0.3165, 0, 0.4549)
    c.rect(x, top - 11 * mm, BADGE_W, 11 * mm, stroke=0, fill=1)
    if not name:
        c.setStrokeColorCMYK(0, 0, 0, 1)
        c.setLineWidth(0.6)
        c.line(bx, top - 26 * mm, bx + BOX_W, top - 26 * mm)
    c.setFillColorCMYK(0, 0, 0, 0)
    centred(c, fonts, cat, "Bold", 9, bx, top - 8 * mm)
    c.setFillColorCMYK(0, 0, 0, 0.698)
    centred(c, fonts, title, "Regular", 8.5, bx, top - 15 * mm)
    c.setFillColorCMYK(0, 0, 0, 1)
    centred(c, fonts, name, "Bold", 20, bx, top - 24 * mm)
    centred(c, fonts, org, "Regular", 9, bx, top - 32 * mm)
    c.setFillColorCMYK(0, 0, 0, 0.698)
    centred(c, fonts, role, "Italic", 7, bx, top - 40 * mm)
    # The forum line: its prefix in bold, the title after it.
    pf = fonts.face_for(prefix, "Bold")
    tf = fonts.face_for(forum, "Regular")
    w1 = pdfmetrics.stringWidth(prefix, pf, 8)
    w2 = pdfmetrics.stringWidth(forum, tf, 8)
    x = bx + (BOX_W - w1 - w2) / 2
    if prefix:
        c.setFont(pf, 8)
        c.drawString(x, top - 49 * mm, prefix)
    if forum:
        c.setFont(tf, 8)
        c.drawString(x + w1, top - 49 * mm, forum)


def main():
    if not 6 <= len(sys.argv) <= 8:
        sys.exit("usage: ref_reportlab.py TSV OUT.pdf REGULAR BOLD ITALIC "
                 "[CJK [KOREAN]]")
    tsv, out = sys.argv[1:3]
    fonts = Fonts(sys.argv[3:])
    c = canvas.Canvas(out, pagesize=(SHEET_W, SHEET_H), pageCompression=1)
    n = 0
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 8:
                sys.exit("ref_reportlab.py: line %d: need 8 fields" % (n + 1))
            slot = n % (COLS * ROWS)
            if slot == 0:
                if n > 0:
                    c.showPage()
                cut_marks(c)
            badge(c, fonts, fields, MARGIN_X + (slot % COLS) * BADGE_W,
                  SHEET_H - MARGIN_Y - (slot // COLS) * BADGE_H)
            n += 1
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
