#!/usr/bin/env python3
"""Prints what the page content streams of a PDF draw, one line each:

    PAGE<TAB>text<TAB>FILL<TAB>TEXT    a text shown, in fill colour FILL
    PAGE<TAB>fill<TAB>FILL             a path filled (re ... f)
    PAGE<TAB>stroke<TAB>STROKE         a path stroked

FILL and STROKE are the colour operator as written ("0 0 0 1 k",
"0.2 0.3 0.4 rg"), or "default" before any.  Text is decoded as pdfgen
writes it: two-byte codes, the CIDs of the font set (Tf), whose ToUnicode
map (bfchar and bfrange entries) gives their code points.  Used by the
e2e tests: qpdf --qdf decompresses the streams.

usage: content.py FILE.pdf
"""
import re
import subprocess
import sys
import tempfile

TOKEN = re.compile(rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/<>\[\]()]+"
                   rb"|\[|\]|[^\s/<>\[\]()]+")


def qdf(path):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as t:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path,
                        t.name], check=True)
        return open(t.name, "rb").read()


def streams(data):
    for m in re.finditer(rb"%% Contents for page (\d+)\n.*?\nstream\n(.*?)"
                         rb"endstream", data, re.S):
        yield int(m.group(1)), m.group(2)


def obj(data, num):
    """The text of object num, up to its endobj."""
    m = re.search(rb"\n%d 0 obj\n(.*?)\nendobj" % num, data, re.S)
    return m.group(1) if m else b""


def hexes(s):
    return [int(h, 16) for h in re.findall(rb"<([0-9A-Fa-f]+)>", s)]


def tounicode(cmap):
    """CID -> code point, from a ToUnicode CMap's bfchar and bfrange."""
    to = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        v = hexes(block)
        to.update(zip(v[0::2], v[1::2]))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        v = hexes(block)
        for lo, hi, dst in zip(v[0::3], v[1::3], v[2::3]):
            to.update((c, dst + c - lo) for c in range(lo, hi + 1))
    return to


def fonts(data):
    """Per page number, font resource name (b"/F1") -> its ToUnicode map:
    libharu names the fonts of each page in the order the page uses them."""
    maps, out = {}, {}
    for m in re.finditer(rb"%% Page (\d+)\n.*?\nendobj", data, re.S):
        page = m.group(0)
        r = re.search(rb"/Resources (\d+) 0 R", page)
        if r:
            page = obj(data, int(r.group(1)))
        out[int(m.group(1))] = names = {}
        for name, num in re.findall(rb"(/F\d+) (\d+) 0 R", page):
            if num not in maps:
                u = re.search(rb"/ToUnicode (\d+) 0 R", obj(data, int(num)))
                cmap = obj(data, int(u.group(1))) if u else b""
                maps[num] = tounicode(cmap[cmap.find(b"stream\n"):])
            names[name] = maps[num]
    return out


def text_of(operand, to):
    if operand.startswith(b"<"):
        h = re.sub(rb"\s", b"", operand[1:-1]).decode()
        return "".join(chr(to.get(int(h[i:i + 4], 16), 0xFFFD))
                       for i in range(0, len(h), 4))
    return operand[1:-1].decode("latin-1")


def main():
    out = sys.stdout
    data = qdf(sys.argv[1])
    pages = fonts(data)
    for page, s in streams(data):
        fill = stroke = "default"
        stack, saved, to = [], [], {}
        for tok in TOKEN.findall(s):
            op = tok.decode("latin-1")
            if op == "Tf" and len(stack) >= 2:
                to = pages.get(page, {}).get(stack[-2], {})
            if op == "q":
                saved.append((fill, stroke))
            elif op == "Q" and saved:
                fill, stroke = saved.pop()
            elif op in ("k", "rg", "g", "cs", "sc", "scn"):
                fill = " ".join(t.decode() for t in stack + [tok])
            elif op in ("K", "RG", "G", "CS", "SC", "SCN"):
                stroke = " ".join(t.decode() for t in stack + [tok])
            elif op in ("Tj", "'", '"'):
                out.write("%d\ttext\t%s\t%s\n" % (page, fill,
                                                  text_of(stack[-1], to)))
            elif op == "TJ":
                t = "".join(text_of(x, to) for x in stack
                            if x.startswith((b"<", b"(")))
                out.write("%d\ttext\t%s\t%s\n" % (page, fill, t))
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
                out.write("%d\tfill\t%s\n" % (page, fill))
                if op.startswith(("B", "b")):
                    out.write("%d\tstroke\t%s\n" % (page, stroke))
            elif op in ("S", "s"):
                out.write("%d\tstroke\t%s\n" % (page, stroke))
            if re.fullmatch(r"[A-Za-z'\"*]+", op) and op not in ("true",
                                                                 "false"):
                stack = []
            elif op != "[" and op != "]":
                stack.append(tok)


main()
