"""Text-dump reader: one paragraph per line, then the cleaning chain recognises structure and chrome.

Lines are stripped of indentation (spaces, U+00A0, U+3000) and of control characters XML cannot carry; the
raw line stays in `Source.raw` whenever the text differs from it (here or after punctuation restoration).
Blank and whitespace-only lines carry no meaning in dumps and are skipped.
"""
from __future__ import annotations

from ..clean import clean
from ..model import Document, Metadata, Paragraph, Run, Source
from ..options import ReadOptions
from ..xmlchars import FORBIDDEN, strip_forbidden
from .encoding import decode


def read(data: bytes, options: ReadOptions) -> Document:
    text = decode(data)
    doc = Document(metadata=Metadata(source=options.source))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = FORBIDDEN.search(text) is not None  # rare: most dumps need no per-line removal
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw
        if controls:
            line, dropped = strip_forbidden(raw)
            if dropped:
                doc.warnings.append(f"line {n}: removed {dropped} control character(s)")
        line = line.replace("\u00a0", " ").strip()
        if line:
            doc.blocks.append(Paragraph([Run(line)], source=Source([n], raw if raw != line else None)))
    return clean(doc, options)
