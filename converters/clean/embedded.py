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
_PRINTS = re.compile(r"(?:印发|转发|發布|发布|印發|轉發)([^《》]{4,80})的(?:通知|決定|决定)$")


def split_embedded(doc: Document, options: ReadOptions) -> None:
    texts = [text_of(b) or "" for b in doc.blocks]
    announced = _announced_names(doc, texts)
    starts = _title_positions(texts, announced)
    if not starts:
        return
    bounds = starts + [len(doc.blocks)]
    for begin, end in zip(bounds, bounds[1:]):
        blocks = doc.blocks[begin:end]
        label = []
        if ATTACHMENT_LABEL.match(squeeze(text_of(blocks[0]) or "")):
            label, blocks = [blocks[0]], blocks[1:]
        texts = [text_of(b) or "" for b in blocks]
        lines = _title_lines(texts, 0, announced)
        title = "".join(texts[:lines])
        doc.embedded.append(Document(metadata=Metadata(title=title), blocks=label + blocks[lines:]))
    del doc.blocks[starts[0]:]


def _title_lines(texts: list[str], i: int, announced: set[str]) -> int:
    """How many lines the title starting at `i` takes: one naming a genre or exactly what the notice says it
    prints (关于印发…公文处理实施细则及文种式样的通知), or two when a title-shaped line is broken before the genre
    (凌海市推进县域义务教育优质均衡发展 / 督导评估规划实施细则); 0 when none starts there."""
    def named(text: str) -> bool:
        return is_title_shaped(text) and names_genre(text) and len(squeeze(text)) >= 4

    if i + 1 >= len(texts) or not is_title_shaped(texts[i]):  # what both shapes below need; most lines fail
        return 0
    if named(texts[i]) and len(squeeze(texts[i])) >= 6 or squeeze(texts[i]) in announced:
        return 1
    head = squeeze(texts[i])
    if i + 2 < len(texts) and not names_genre(texts[i]) and named(texts[i + 1]) \
            and not NOTE.match(head) and not ATTACHMENT_LABEL.match(head):
        return 2
    return 0


def _announced_names(doc: Document, texts: list[str]) -> set[str]:
    """Names of the documents a notice prints: those in 《》 in its text or title, and what its title says it
    印发/转发 when the name is not in 《》 (关于印发某某预案（试行）的通知)."""
    names = {squeeze(q) for t in texts + [doc.metadata.title or ""] for q in _QUOTED.findall(t)}
    printed = _PRINTS.search(squeeze(doc.metadata.title or ""))
    return names | {printed.group(1)} if printed else names


def _title_positions(texts: list[str], announced: set[str]) -> list[int]:
    """Indices where an embedded document starts (at its 附件 label when it has one). Once one has started,
    a further genre title followed by body starts the next (a notice wraps its documents one after another)."""
    starts: list[int] = []
    i = 1
    while i < len(texts) - 1:
        lines = _title_lines(texts, i, announced)
        if not lines or not texts[i + lines]:
            i += 1
            continue
        before, title = squeeze(texts[i - 1]), squeeze("".join(texts[i:i + lines]))
        if ATTACHMENT_LABEL.match(before):
            starts.append(i - 1)
        elif _announced(title, announced) or DATE_LINE.match(before) or NOTE.match(before) \
                or (starts and lines == 1 and len(title) >= 8):
            starts.append(i)
        i += lines
    return starts


def _announced(title: str, names: set[str]) -> bool:
    """The notice names the document, possibly without the issuer's prefix (《2021年工作要点》)."""
    return any(title == name or (len(name) >= 6 and title.endswith(name)) for name in names)
