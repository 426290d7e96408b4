"""Headings: stand-alone heading lines and run-in leads (a bold lead sentence followed by body on one line).

Levels follow the literal markers 一、 / （一） / 1. / （1） (GB/T 9704 7.3.3); 一是/二是 leads are level 5.
A marked line is a stand-alone heading when it is one short phrase (at most one sentence mark, at its end);
otherwise its first short sentence is the lead. Un-numbered leads are only believed when every paragraph of
a heading's section opens with one — a single short opening sentence is too common in plain body text.
"""
from __future__ import annotations

import re

from ..model import Document, Heading, Paragraph, Run
from ..options import ReadOptions
from .shape import SENTENCE_END, contains_any, marker_of, squeeze, text_of

_LEAD_END = "。！？!?"
_LEAD_STOP = re.compile(f"[{re.escape(_LEAD_END)}：:]")  # where a lead may end: a sentence mark or a colon
_MAX_HEADING = 50
_MAX_LEAD = 40
_MAX_COLON_LEAD = 25
_MAX_BARE_LEAD = 25


def classify_headings(doc: Document, options: ReadOptions) -> None:
    for sub in doc.walk():
        _numbered(sub)
        _unnumbered_leads(sub)


def _numbered(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        text = text_of(block)
        found = marker_of(text) if text else None  # the cheaper test first: most lines have no marker
        if found is None or not _plain(block):
            continue
        level, marker = found
        if level <= 4 and _stands_alone(text[len(marker):].strip()) and not _in_sentence_list(doc, i, level):
            doc.blocks[i] = Heading(level, text, marker.strip(), source=block.source)
            continue
        split = _lead(text, len(marker))
        if split:
            doc.blocks[i] = Paragraph([Run(split[0], bold=True), Run(split[1])], lead_level=level,
                                      align=block.align, source=block.source)


def _plain(block) -> bool:
    """A paragraph whose structure is still unknown: no lead yet, and runs without formatting or links (a reader
    that split text into several runs for other reasons does not hide a heading)."""
    return (isinstance(block, Paragraph) and block.lead_level is None and bool(block.runs)
            and not any(r.bold or r.italic or r.href for r in block.runs))


def _stands_alone(body: str) -> bool:
    """One short phrase: no sentence mark except a final one, no 'label：text'."""
    inner = body[:-1] if body and body[-1] in SENTENCE_END else body
    if not body or contains_any(inner, SENTENCE_END) or len(squeeze(body)) > _MAX_HEADING:
        return False
    colon = max(inner.find("："), inner.find(":"))
    return colon < 0 or colon == len(inner) - 1


def _in_sentence_list(doc: Document, index: int, level: int) -> bool:
    """A one-sentence item next to a sibling of the same shape is a list of sentences, not a heading."""
    text = doc.blocks[index].text.strip()
    if text[-1] not in SENTENCE_END:
        return False
    for j in (index - 1, index + 1):
        if 0 <= j < len(doc.blocks) and isinstance(doc.blocks[j], Paragraph):
            other = doc.blocks[j].text.strip()
            found = marker_of(other)
            if found and found[0] == level and other[-1] in SENTENCE_END \
                    and _stands_alone(other[len(found[1]):].strip()):
                return True
    return False


def _lead(text: str, start: int, limit: int = _MAX_LEAD) -> tuple[str, str] | None:
    """Split `text` after its first sentence (or after a short 'label：') when body follows on the same line."""
    body = text[start:]
    for stop in _LEAD_STOP.finditer(body, 0, limit + 1):
        pos = stop.start()
        if stop.group() in _LEAD_END or (pos <= _MAX_COLON_LEAD and not _between_digits(body, pos)):
            rest = text[start + pos + 1:]
            return (text[:start + pos + 1], rest) if rest.strip() else None
    return None


def _between_digits(text: str, pos: int) -> bool:
    return 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()


def _unnumbered_leads(doc: Document) -> None:
    """Paragraphs under a stand-alone heading that all open with a short comma-free sentence get it as a lead
    one level below the heading."""
    i = 0
    while i < len(doc.blocks):
        heading = doc.blocks[i]
        i += 1
        if not isinstance(heading, Heading):
            continue
        section = []
        while i < len(doc.blocks) and _plain(doc.blocks[i]) and marker_of(doc.blocks[i].text.strip()) is None:
            section.append(i)
            i += 1
        splits = [_bare_lead(doc.blocks[j]) for j in section]
        if len(section) >= 2 and all(splits):
            for j, (lead, rest) in zip(section, splits):
                old = doc.blocks[j]
                doc.blocks[j] = Paragraph([Run(lead, bold=True), Run(rest)], lead_level=min(heading.level + 1, 5),
                                          align=old.align, source=old.source)


def _bare_lead(block: Paragraph) -> tuple[str, str] | None:
    split = _lead(block.text.strip(), 0, _MAX_BARE_LEAD)
    if split and split[0][-1] in _LEAD_END and not contains_any(split[0], "，,、；;") and not split[0][0].isdigit():
        return split
    return None
