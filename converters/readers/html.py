"""HTML reader: a saved government page → the document model, then the same cleaning chain as text dumps.

Steps, each in its own module: decode and parse (html_source), drop never-text parts (html_prune), find the
document container (html_container), walk the markup into blocks tagged by zone (html_blocks), and read the
site's metadata (html_metadata) and attachment links (html_attachments). Blocks outside the document are
recorded in `doc.removed`, not lost.
"""
from __future__ import annotations

import re

from ..clean import clean
from ..clean.shape import squeeze, text_of
from ..model import Block, Document, Heading, Image, ListBlock, Metadata, Paragraph, Source, Table, Title
from ..options import ReadOptions
from ..xmlchars import strip_forbidden
from . import text as text_reader
from .html_attachments import attachment_links, merge
from .html_blocks import Piece, walk
from .html_container import chrome_within, select, survey
from .html_metadata import (DOC_NUMBER_LABELS, ISSUER_LABELS, PUBLISH_LABELS, HeadInfo, choose_title,
                            element_titles, head_info, labelled_values, metadata_tables, unlabelled_doc_number)
from .html_prune import prune
from .html_records import LINE_EXCERPT, removal
from .html_source import decode_page, looks_like_html, parse
from .html_text import FILE_LINK

RULE = "html_container"
METADATA_TABLE = "信息公开 metadata table (read into metadata)"
# A metadata-looking table holding more of the page's prose than this is a layout table with the text in it.
METADATA_TABLE_PROSE = 0.2
TITLE_LINES = 3  # a title may be broken over this many lines
TITLE_START = 4  # and start this far into the body (under 发文机关标志, 发文字号 …)
PRECEDING_LINES = 4  # lines above the text searched for a title the template printed there
_META_SITE = {"contentsource": "来源", "sitename": "网站", "columnname": "栏目"}


def read(data: bytes, options: ReadOptions) -> Document:
    """A saved page (any encoding) → Document; a page saved as plain text is read as a text dump."""
    text, free_of_forbidden = decode_page(data)
    if not looks_like_html(text):
        return text_reader.read(data, options)
    text, dropped = (text, 0) if free_of_forbidden else strip_forbidden(text)
    root = parse(text)
    head = head_info(root)
    pruned = prune(root)
    body = root.find("body")
    body = root if body is None else body
    page = survey(root, body)
    selection = select(body, page)
    drops = chrome_within(selection)
    page_prose = selection.weights.get(body, 0)
    for table in metadata_tables(body):
        if selection.weights.get(table, 0) <= METADATA_TABLE_PROSE * page_prose:
            drops[table] = METADATA_TABLE
    url = head.url or (options.source if options.source and re.match(r"https?://", options.source) else None)
    pieces = walk(body, selection.roots, drops, f"outside the document container ({selection.how})", head.base or url)

    doc = Document(metadata=Metadata(source=url or options.source))
    if dropped:
        doc.warnings.append(f"removed {dropped} control character(s) from the page")
    side_lines, preceding = _split(doc, pieces)
    labelled = labelled_values(side_lines)
    _site_metadata(doc.metadata, head, labelled)
    _take_title(doc, choose_title(head, labelled, element_titles(page.titled), preceding))
    clean(doc, options)
    # Code, comments and hidden parts are recorded after the chain: they are never put back as text.
    doc.removed = sorted(doc.removed + pruned, key=lambda r: r.line or 0)
    _fill_metadata(doc.metadata, head, labelled, side_lines)
    merge(doc.metadata, attachment_links(pieces))
    if not doc.blocks:
        embedded = [r.text for r in pruned if r.reason.startswith("embedded") and FILE_LINK.search(r.text.rstrip(">"))]
        doc.warnings.append("no document text found on the page"
                            + (f"; it embeds {', '.join(embedded)} (not fetched)" if embedded else ""))
    return doc


def _split(doc: Document, pieces: list[Piece]) -> tuple[list[str], list[str]]:
    """Document blocks go to doc.blocks, the rest to doc.removed (the chain puts them back when asked to keep
    boilerplate); returns the texts of the rest, and those of the few lines just before the document (where
    templates print its title)."""
    side: list[str] = []
    preceding: list[str] = []
    links: set[str] = set()  # lines that are nothing but links (menus), never a title
    for piece in pieces:
        if piece.zone is None and not doc.blocks:
            preceding = [t for t in side[-PRECEDING_LINES:] if t not in links]
        if piece.zone is None:
            doc.blocks.append(piece.block)
        else:
            text = _text(piece.block)
            line = piece.block.source.lines[0] if piece.block.source and piece.block.source.lines else None
            doc.removed.append(removal(text, piece.zone, RULE, line, LINE_EXCERPT))
            side.append(text)
            if isinstance(piece.block, Paragraph) and all(r.href for r in piece.block.runs):
                links.add(text)
    return side, preceding


def _text(block: Block) -> str:
    """What a removal record shows of a block."""
    if isinstance(block, Table):
        return " | ".join(c.text for row in block.rows for c in row)
    if isinstance(block, ListBlock):
        return " ".join("".join(r.text for r in item) for item in block.items)
    if isinstance(block, Image):
        return f"<img {block.src}>"
    return text_of(block) or ""


def _take_title(doc: Document, title: str | None) -> None:
    """When the body prints the page's title near its start (maybe under a 发文字号, maybe broken over lines),
    those lines become one Title block (the chain moves it to metadata.title); otherwise the page's title is
    the document's. Either way it is printed once."""
    wanted = squeeze(title or "")
    textual = (Paragraph, Heading, Title)
    for first in range(min(TITLE_START, len(doc.blocks))) if wanted else ():
        for last in range(first, min(first + TITLE_LINES, len(doc.blocks))):
            head = doc.blocks[first:last + 1]
            if not all(isinstance(b, textual) for b in head):
                break
            joined = "".join(b.text for b in head)  # type: ignore[union-attr]
            if _same_title(squeeze(joined), wanted):
                lines = [n for b in head if b.source for n in b.source.lines]  # type: ignore[union-attr]
                doc.blocks[first:last + 1] = [Title(joined, source=Source(lines))]
                return
    doc.metadata.title = title


def _same_title(body: str, page: str) -> bool:
    return body == page or (len(page) * 0.6 <= len(body) <= len(page) * 1.3 and (body in page or page in body))


def _site_metadata(meta: Metadata, head: HeadInfo, labelled: dict[str, str]) -> None:
    """Every labelled value into metadata.site before the chain runs, as its metadata-table rule does for
    tables in the text (it then drops a 文号 from there when the body prints the same one)."""
    meta.site.update(labelled)
    for name, label in _META_SITE.items():
        if head.meta.get(name):
            meta.site.setdefault(label, head.meta[name])


def _fill_metadata(meta: Metadata, head: HeadInfo, labelled: dict[str, str], side_lines: list[str]) -> None:
    """Fields from the site's metadata after the cleaning chain, so a 文号 printed in the body wins."""
    if not meta.doc_number:
        meta.doc_number = next((labelled[k] for k in DOC_NUMBER_LABELS if k in labelled), None) \
            or unlabelled_doc_number(side_lines)
    if not meta.issuer:
        meta.issuer = next((labelled[k] for k in ISSUER_LABELS if k in labelled), None)
    if not meta.publish_date:
        meta.publish_date = next((labelled[k] for k in PUBLISH_LABELS if k in labelled), head.meta.get("pubdate"))
