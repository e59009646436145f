#!/usr/bin/env python3
"""Makes jargon-4.4.7-excerpt.txt from Debian's jargon-text package (see README.md).

Usage: make-jargon-excerpt.py /usr/share/doc/jargon-text/jargon.txt.gz jargon-4.4.7-excerpt.txt
Deterministic: the same input gives the same bytes.
"""
import gzip
import re
import sys
import unicodedata

TARGET_BYTES = 500_000  # stop at the first entry boundary past this size

# Typographic characters to their plain-ASCII spelling; box-drawing verticals to '|'.
MAP = {
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00b4": "'",
    "\u00a0": " ", "\u00b7": ".", "\u2014": "--", "\u2212": "-", "\u2022": "*",
    "\u00d7": "x", "\u2122": "(TM)", "\u00b1": "+/-", "\u00b5": "u", "\u00df": "ss",
    "\u00e6": "ae", "\u00d8": "O", "\u223c": "~", "\u2192": "->", "\u2190": "<-",
    "\u21d4": "<=>", "\u3008": "<", "\u3009": ">", "\u2502": "|",
}
BOX = re.compile(r"^[\s\u2500-\u257f]*$")


def to_ascii(line):
    out = []
    for ch in line:
        if ch in MAP:
            out.append(MAP[ch])
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            # Accented Latin letters lose their accents; anything else (Greek, math symbols,
            # box-drawing corners) is dropped.
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
            out.append(base)
    return "".join(out)


def main(src, dst):
    lines = gzip.open(src, "rt", encoding="utf-8").read().split("\n")
    # The glossary proper: after the framed glossary's own table of contents (the heading line
    # 'Glossary' at column 0, then an index of every entry) and before 'Appendix A'.
    start = lines.index("Glossary")
    end = next(i for i, l in enumerate(lines) if l.startswith("Appendix\u00a0A."))
    out = []
    size = 0
    skipping = True  # each letter section opens with an index of its entries: skipped
    blank = True
    for line in lines[start + 1:end]:
        if re.fullmatch(r"  \S{1,2}", line):  # letter section heading, e.g. '  A'
            skipping = True
            continue
        if skipping:
            if not line.startswith("   :"):
                continue
            skipping = False
        if line.startswith("   :") and size >= TARGET_BYTES:
            break
        if BOX.match(line) and line.strip():
            continue  # table borders made only of box-drawing characters
        text = re.sub(r" {2,}", " ", to_ascii(line).strip())
        if not text:
            if blank:
                continue  # collapse runs of blank lines to one
            blank = True
        else:
            blank = False
        out.append(text)
        size += len(text) + 1
    while out and not out[-1]:
        out.pop()
    data = "\n".join(out) + "\n"
    assert all(c == "\n" or 32 <= ord(c) < 127 for c in data)
    open(dst, "w", encoding="ascii", newline="\n").write(data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
