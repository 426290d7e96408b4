"""Dropping blocks with a record: the one place where blocks leave a document.

Every dropped block becomes a `Removal` (text, reason, rule, first source line), so a user can see and undo it.
Rules always take chrome out, so later rules judge the same document whatever the options; with
`keep_boilerplate` the last-but-one rule of the chain, `put_back_boilerplate`, puts the dropped lines back
where they stood.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..model import Block, Document, Paragraph, Removal, Run, Source
from ..options import ReadOptions
from .shape import text_of


def first_line(block: Block) -> int | None:
    source = getattr(block, "source", None)
    return source.lines[0] if source and source.lines else None


def drop(doc: Document, indices: Iterable[int], reason: str, rule: str) -> None:
    """Record the blocks at `indices` as removed and take them out."""
    drop_each(doc, {i: reason for i in indices}, rule)


def drop_each(doc: Document, reasons: dict[int, str], rule: str) -> None:
    """Like `drop`, with a reason per block index."""
    for i in sorted(reasons):
        block = doc.blocks[i]
        doc.removed.append(Removal(text_of(block) or type(block).__name__, reasons[i], rule, first_line(block)))
    for i in sorted(reasons, reverse=True):
        del doc.blocks[i]


def drop_where(doc: Document, rule: str, judge: Callable[[str], str | None]) -> None:
    """Drop every text block for which `judge(text)` returns a reason."""
    reasons: dict[int, str] = {}
    for i, block in enumerate(doc.blocks):
        text = text_of(block)
        reason = judge(text) if text else None
        if reason:
            reasons[i] = reason
    drop_each(doc, reasons, rule)


def put_back_boilerplate(doc: Document, options: ReadOptions) -> None:
    """With `keep_boilerplate`, every removed line returns as a paragraph before the first later source line
    (in the outer or the embedded document that holds it); the removal records stay, as a dry run."""
    if not options.keep_boilerplate:
        return
    for removal in sorted(doc.removed, key=lambda r: r.line or 0, reverse=True):
        target, index = _position(doc, removal.line)
        source = Source([removal.line] if removal.line else [])
        target.blocks.insert(index, Paragraph([Run(removal.text)], source=source))


def _position(doc: Document, line: int | None) -> tuple[Document, int]:
    if line is None:
        return doc, len(doc.blocks)
    for sub in doc.walk():
        for i, block in enumerate(sub.blocks):
            if (first_line(block) or 0) > line:
                return sub, i
    last = list(doc.walk())[-1]
    return last, len(last.blocks)
