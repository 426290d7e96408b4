"""Markdown reader: hand-written drafts and the toolkit's own Markdown, into the document model.

The form is the one converters/writers/markdown.py describes (and writes). In short: YAML front matter for the
metadata; `#` title; a later `#` starts an embedded document; the parts print as body lines, and a line is
taken out of the body when the front matter states the same part; where the front matter is silent, a small
recogniser (converters/parts.py) finds the addressee, 附件 lines, the signature/date pair, 附注, 抄送 and 印发.

Large files are parsed in chunks cut at blank lines where no block can continue, so memory follows the size of
the model, not markdown-it-py's token stream for the whole file.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from .. import parts
from ..errors import InputError
from ..model import Block, Document, Paragraph, Title
from ..options import ReadOptions
from . import frontmatter
from .encoding import decode
from .markdown_blocks import PARSER, BlockBuilder

CHUNK_CHARS = 1 << 18
# A chunk may end at a blank line followed by a line that can only start a new block (no indent, no list item,
# no quote or table continuation).
_CUT = re.compile(r"\n[ \t]*\n(?=[^\s>|*+\-\d])")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.M)


def read(data: bytes, options: ReadOptions) -> Document:
    try:
        return _read(data, options)
    except InputError as exc:
        if exc.path is None and options.source:
            raise InputError(exc.message, options.source) from None
        raise


def _read(data: bytes, options: ReadOptions) -> Document:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    front = frontmatter.split(text)
    blocks = _parse(text, front.body_start, front.body_line)
    doc = _assemble(blocks, front.mapping, options.source)
    _take_stated_parts(doc)
    if front.mapping.get("recognise_parts", True):
        _recognise_parts(doc)
    if not (doc.blocks or doc.embedded or front.mapping or doc.metadata.title):
        raise InputError("empty document: no text and no front matter")
    return doc


def _parse(text: str, start: int, line_offset: int) -> list[Block]:
    """Blocks of `text[start:]`, parsed chunk by chunk (no copy of the whole body is made)."""
    builder = BlockBuilder()
    blocks: list[Block] = []
    for begin, end in _chunks(text, start):
        chunk = text[begin:end]
        blocks.extend(builder.build(PARSER.parse(chunk), line_offset))
        line_offset += chunk.count("\n")
    return blocks


def _chunks(text: str, start: int = 0) -> list[tuple[int, int]]:
    spans = []
    while len(text) - start > CHUNK_CHARS:
        cut = None
        for match in _CUT.finditer(text, start + CHUNK_CHARS):
            if len(_FENCE.findall(text, start, match.start())) % 2 == 0:
                cut = match.start() + 1
                break
        if cut is None:
            break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


# ---- documents ------------------------------------------------------------------------------------------------

def _assemble(blocks: list[Block], mapping: dict[str, Any], source: str | None) -> Document:
    """Split the body at `#` lines into the outer document and its embedded documents, and attach metadata.

    With an `embedded` list in the front matter its length (nested lists included) fixes how many `#` lines open
    embedded documents; without it, a `#` line opens one unless it is the very first block.
    """
    titles = [i for i, b in enumerate(blocks) if isinstance(b, Title)]
    described = mapping.get("embedded")
    if described is not None:
        outer_title = len(titles) > _count(described)
    else:
        outer_title = bool(titles) and titles[0] == 0
    starts = titles[1:] if outer_title else titles
    bounds = [0, *starts, len(blocks)]
    sections = [blocks[a:b] for a, b in zip(bounds, bounds[1:])]
    doc = _document(sections[0], mapping, source, outer=True)
    rest = sections[1:]
    doc.embedded = _children(described or [], rest, source)
    doc.embedded += [_document(s, {}, None, outer=False) for s in rest]
    return doc


def _count(described: list[Any]) -> int:
    return sum(1 + _count((m or {}).get("embedded") or []) for m in described)


def _children(described: list[Any], sections: list[list[Block]], source: str | None) -> list[Document]:
    """Embedded documents in the order the front matter lists them; consumes `sections` from the front."""
    docs = []
    for mapping in described:
        if not sections:
            break
        mapping = mapping or {}
        sub = _document(sections.pop(0), mapping, None, outer=False)
        sub.embedded = _children(mapping.get("embedded") or [], sections, source)
        docs.append(sub)
    return docs


def _document(blocks: list[Block], mapping: dict[str, Any], source: str | None, outer: bool) -> Document:
    """One document from its section. Its `#` line is the metadata title, unless the front matter gives `title`:
    then the line is a title block of its own (a model whose title line and metadata title differ)."""
    title = blocks[0] if blocks and isinstance(blocks[0], Title) else None
    line = None
    if title is not None and "title" not in mapping:
        blocks = blocks[1:]
        line = title.text if title.text or outer else None  # a bare `#` opens an untitled embedded document
    meta = frontmatter.metadata(mapping, line, mapping.get("source", source))
    return Document(metadata=meta, blocks=list(blocks))


# ---- parts ----------------------------------------------------------------------------------------------------

def _body_start(doc: Document) -> int:
    return 1 if doc.blocks and isinstance(doc.blocks[0], Title) else 0


def _last_blocks(doc: Document) -> list[Block]:
    """The blocks printed last for `doc`: those of its last embedded document, depth first, or its own."""
    return list(doc.walk())[-1].blocks


def _take_stated_parts(doc: Document) -> None:
    """Remove the body lines that print parts the metadata already holds (end lines first: they come last)."""
    _drop_tail(_last_blocks(doc), parts.end(doc.metadata))
    for sub in doc.embedded:
        _take_stated_parts(sub)
    _drop_tail(doc.blocks, parts.tail(doc.metadata))
    start = _body_start(doc)
    for line in parts.head(doc.metadata):
        if len(doc.blocks) > start and _same_line(doc.blocks[start], line):
            del doc.blocks[start]


def _drop_tail(blocks: list[Block], expected: list[Paragraph]) -> None:
    for line in reversed(expected):
        if blocks and _same_line(blocks[-1], line):
            blocks.pop()


def _same_line(block: Block, part: Paragraph) -> bool:
    """Whether a body block prints `part`: same text up to width and spacing (a draft may write 附件: or omit a link)."""
    return isinstance(block, Paragraph) and _key(block.text) == _key(part.text)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _recognise_parts(doc: Document, outer: bool = True) -> None:
    if outer:
        last = _last_blocks(doc)
        _apply(doc, parts.find_end(last, parts.missing(doc.metadata, outer)), last, at_end=True)
    for sub in doc.embedded:
        _recognise_parts(sub, outer=False)
    missing = parts.missing(doc.metadata, outer)
    _apply(doc, parts.find_tail(doc.blocks[_body_start(doc):], missing), doc.blocks, at_end=True)
    start = _body_start(doc)
    found = parts.find_head(doc.blocks[start:], missing)
    _apply(doc, found, doc.blocks, at_end=False, start=start)


def _apply(doc: Document, found: parts.Found, blocks: list[Block], at_end: bool, start: int = 0) -> None:
    for key, value in found.values.items():
        setattr(doc.metadata, key, value)
    if found.taken:
        if at_end:
            del blocks[len(blocks) - found.taken:]
        else:
            del blocks[start:start + found.taken]
