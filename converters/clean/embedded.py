"""Documents wrapped in a notice (印发《…工作要点》的通知 + the 工作要点 itself) become `Document.embedded`.

An embedded document starts at a title line: short, no sentence punctuation, naming a genre, followed by body,
and either announced by the notice (its name appears in 《》 earlier) or standing right after the notice's
closing (date, 附注) or after an 附件 label. A heading inside one document never qualifies: it has a marker.
"""
from __future__ import annotations

import re

from ..model import Document, Metadata
from ..options import ReadOptions
from .shape import ATTACHMENT_LABEL, DATE_LINE, NOTE, is_title_shaped, names_genre, squeeze, text_of

_QUOTED = re.compile(r"《([^《》]{4,80})》")


def split_embedded(doc: Document, options: ReadOptions) -> None:
    starts = _title_positions(doc)
    if not starts:
        return
    bounds = starts + [len(doc.blocks)]
    for begin, end in zip(bounds, bounds[1:]):
        blocks = doc.blocks[begin:end]
        label = []
        if ATTACHMENT_LABEL.match(squeeze(text_of(blocks[0]) or "")):
            label, blocks = [blocks[0]], blocks[1:]
        title = text_of(blocks[0]) or ""
        doc.embedded.append(Document(metadata=Metadata(title=title), blocks=label + blocks[1:]))
    del doc.blocks[starts[0]:]


def _title_positions(doc: Document) -> list[int]:
    """Indices where an embedded document starts (at its 附件 label when it has one). Once one has started,
    a further genre title followed by body starts the next (a notice wraps its documents one after another)."""
    texts = [text_of(b) or "" for b in doc.blocks]
    announced = {squeeze(q) for t in texts + [doc.metadata.title or ""] for q in _QUOTED.findall(t)}
    starts: list[int] = []
    for i in range(1, len(texts) - 1):
        text, before = texts[i], squeeze(texts[i - 1])
        if not (is_title_shaped(text) and names_genre(text) and len(squeeze(text)) >= 6 and texts[i + 1]):
            continue
        if ATTACHMENT_LABEL.match(before):
            starts.append(i - 1)
        elif _announced(squeeze(text), announced) or DATE_LINE.match(before) or NOTE.match(before) \
                or (starts and len(squeeze(text)) >= 8):
            starts.append(i)
    return starts


def _announced(title: str, names: set[str]) -> bool:
    """The notice names the document, possibly without the issuer's prefix (《2021年工作要点》)."""
    return any(title == name or (len(name) >= 6 and title.endswith(name)) for name in names)
