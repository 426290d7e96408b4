"""Text-dump reader: one paragraph per line, then the cleaning chain recognises structure and chrome."""
from __future__ import annotations

from ..clean import clean
from ..model import Document, Metadata, Paragraph, Run, Source
from ..options import ReadOptions
from .encoding import decode


def read(data: bytes, options: ReadOptions) -> Document:
    text = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    doc = Document(metadata=Metadata(source=options.source))
    for n, line in enumerate(lines, 1):
        if line.strip():
            doc.blocks.append(Paragraph([Run(line.strip())], source=Source([n], line)))
    return clean(doc, options)
