#!/usr/bin/env python3
"""Prints what the page content streams of a PDF draw, one line each:

    PAGE<TAB>text<TAB>FILL<TAB>TEXT    a text shown, in fill colour FILL
    PAGE<TAB>fill<TAB>FILL             a path filled (re ... f)
    PAGE<TAB>stroke<TAB>STROKE         a path stroked

FILL and STROKE are the colour operator as written ("0 0 0 1 k",
"0.2 0.3 0.4 rg"), or "default" before any.  Text is decoded as pdfgen
writes it: two-byte codes that are the Unicode values (libharu's UTF-8
encoder).  Used by the e2e tests: qpdf --qdf decompresses the streams.

usage: content.py FILE.pdf
"""
import re
import subprocess
import sys
import tempfile

TOKEN = re.compile(rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/<>\[\]()]+"
                   rb"|\[|\]|[^\s/<>\[\]()]+")


def streams(path):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as t:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path,
                        t.name], check=True)
        data = open(t.name, "rb").read()
    for m in re.finditer(rb"%% Contents for page (\d+)\n.*?\nstream\n(.*?)"
                         rb"endstream", data, re.S):
        yield int(m.group(1)), m.group(2)


def text_of(operand):
    if operand.startswith(b"<"):
        h = re.sub(rb"\s", b"", operand[1:-1]).decode()
        return "".join(chr(int(h[i:i + 4], 16)) for i in range(0, len(h), 4))
    return operand[1:-1].decode("latin-1")


def main():
    out = sys.stdout
    for page, s in streams(sys.argv[1]):
        fill = stroke = "default"
        stack, saved = [], []
        for tok in TOKEN.findall(s):
            op = tok.decode("latin-1")
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
                                                  text_of(stack[-1])))
            elif op == "TJ":
                t = "".join(text_of(x) for x in stack
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
