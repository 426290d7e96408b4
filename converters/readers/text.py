"""Text-dump reader: one paragraph per line, then the cleaning chain recognises structure and chrome.

Lines are stripped of indentation (spaces, U+00A0, U+3000) and of control characters XML cannot carry; the
raw line stays in `Source.raw` whenever the text differs from it (here or after punctuation restoration).
Blank and whitespace-only lines carry no meaning in dumps and are skipped.
"""
from __future__ import annotations

import re

from ..clean import clean
from ..model import Document, Metadata, Paragraph, Run, Source
from ..options import ReadOptions
from .encoding import decode

# C0 controls except tab/LF/CR, DEL, C1 controls, and the non-characters XML 1.0 forbids.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def read(data: bytes, options: ReadOptions) -> Document:
    text = decode(data)
    doc = Document(metadata=Metadata(source=options.source))
    for n, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line, dropped = _FORBIDDEN.subn("", raw)
        if dropped:
            doc.warnings.append(f"line {n}: removed {dropped} control character(s)")
        line = line.replace("\u00a0", " ").strip()
        if line:
            doc.blocks.append(Paragraph([Run(line)], source=Source([n], raw if raw != line else None)))
    return clean(doc, options)
