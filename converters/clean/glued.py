"""A document head glued into one line by a flattened page or a document-sharing preview.

Such pages print the title, the addressee and the first paragraph as one line (关于…的通知各区教育局：为了…, or
各科室,各站所,各村: 为提高…). Split apart, the title and the addressee are found like any others and the page's
headlines above the glued line are seen for what they are: lines above the document's start.
"""
from __future__ import annotations

from ..model import Document, Paragraph, Run, Source
from ..options import ReadOptions
from .parts import is_anchor
from .shape import COLONS, is_addressee, is_sentence, is_title_shaped, names_genre, says_about


def split_glued_head(doc: Document, options: ReadOptions) -> None:
    """The document's first anchor, when it is one plain line opening with an addressee (and maybe a title before
    it) followed by running text, becomes two or three paragraphs of the same source line."""
    i = next((k for k, b in enumerate(doc.blocks) if is_anchor(b)), None)
    block = doc.blocks[i] if i is not None else None
    if not isinstance(block, Paragraph) or len(block.runs) != 1 or block.lead_level is not None:
        return
    pieces = _head_pieces(block.text)
    if len(pieces) > 1:
        source = block.source or Source()
        doc.blocks[i:i + 1] = [Paragraph([Run(p)], source=Source(list(source.lines), source.raw or block.text))
                               for p in pieces]


def _head_pieces(text: str) -> list[str]:
    """[title?, addressee, body] when `text` opens with an addressee ending at its first colon (and, before it, a
    title naming a genre), else [text]."""
    colon = next((k for k, c in enumerate(text[:160]) if c in COLONS and not _in_time(text, k)), None)
    if colon is None or is_addressee(text) or not is_sentence(text[colon + 1:]):
        return [text]
    head, body = text[:colon + 1], text[colon + 1:].strip()
    for end in range(len(head) - 2, 5, -1):  # the longest title naming a genre that leaves an addressee
        title, addressee = head[:end], head[end:]
        if names_genre(title) and is_title_shaped(title) and says_about(title) and is_addressee(addressee):
            return [title, addressee, body]
    return [head, body] if is_addressee(head) else [text]


def _in_time(text: str, k: int) -> bool:
    """The colon at `k` sits between digits (7:00, 10:30): a time of day, never the end of an addressee."""
    return 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit()
