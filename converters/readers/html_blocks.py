"""Walk a page once, in document order, and turn its markup into model blocks, each tagged with its zone.

The zone is None for the document's own text and otherwise the reason the block is not part of it (outside
the container, site chrome, metadata table), so the caller can keep one and record the other. The walk is an
event stream (lxml iterwalk), never recursion: pages nested thousands of levels deep cost time, not the stack.
One Paragraph per visual line: block elements and <br> end a line; inline markup becomes Runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from ..clean.shape import marker_of
from ..model import Block, Cell, Heading, Image, ListBlock, Paragraph, Run, Source, Table
from .html_text import EDGE, collapse, strip, text_content

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table "
    "tbody td tfoot th thead tr ul".split())
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_ALIGN_STYLE = re.compile(r"text-align\s*:\s*(center|right)", re.I)
# A table is layout, not data, when it nests tables, has one column, or a cell holds long prose.
LONG_CELL = 120


_NO_ZONE = object()  # an element that neither opens the document's zone nor a dropped one


@dataclass(slots=True)
class Piece:
    """A block of the page; `zone` None = document text, else why it is not."""

    block: Block
    zone: str | None


@dataclass(frozen=True, slots=True)
class _Style:
    """Inline style of the open elements; shared by children that do not change it."""

    bold: bool = False
    href: str | None = None


@dataclass(slots=True)
class _Line:
    runs: list[Run] = field(default_factory=list)
    number: int | None = None
    zone: str | None = None
    blank: bool = True  # no visible text yet: the line's zone and number come from its first visible text


class _Walker:
    def __init__(self, content: list, drops: dict, outside: str, base_url: str | None):
        # Elements that open a zone, with its zone: content roots win over drops (one lookup per element).
        self.zone_starts: dict[etree._Element, str | None] = {**drops, **dict.fromkeys(content)}
        self.base_url = base_url
        self.pieces: list[Piece] = []
        self.zones: list[tuple[object, str | None]] = [(None, outside)]
        self.zone: str | None = outside  # that of the innermost open zone (zones[-1]), read for every text
        self.styles: list[_Style] = [_Style()]
        self.blocks: list[tuple[str, str | None]] = [("body", None)]  # (tag, align) of open block elements
        self.line = _Line()
        self.items: list[list[Run]] | None = None  # open list in the document text
        self.ordered = False
        self.list_depth = 0
        self.pre = 0

    def start(self, el: etree._Element, tag: str) -> bool:
        """Handle an opening tag; True when the element was consumed whole (skip its subtree)."""
        zone = self.zone_starts.get(el, _NO_ZONE)
        if zone is not _NO_ZONE:
            self.zone = zone
            self.zones.append((el, zone))
        style = self.styles[-1]
        css = el.get("style")
        bold = style.bold or tag in ("b", "strong") or css is not None and _BOLD_STYLE.search(css) is not None
        href = style.href
        if tag == "a":
            link = el.get("href")
            href = self._url(link) if _followable(link) else href
        self.styles.append(style if bold == style.bold and href == style.href else _Style(bold, href))
        if tag in BLOCK_TAGS:
            self.flush()
            self.blocks.append((tag, _align(el, tag, css) or self.blocks[-1][1]))
            self.pre += tag == "pre"
            if tag in ("ul", "ol"):
                self._open_list(tag)
            elif tag == "table" and self.zone is None and is_data_table(el):
                self.pieces.append(Piece(table(el, el.sourceline), None))
                return True
        elif tag == "br":
            self.flush()
        elif tag == "img":
            self._image(el)
        text = el.text
        if text:
            self.text(text, el)
        return False

    def end(self, el: etree._Element, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            self.blocks.pop()
            self.pre -= tag == "pre"
            if tag in ("ul", "ol"):
                self._close_list()
        self.styles.pop()
        if self.zones[-1][0] is el:
            self.zones.pop()
            self.zone = self.zones[-1][1]
        tail = el.tail
        if tail:
            self.text(tail, el)

    def text(self, text: str, el: etree._Element) -> None:
        if not self.line.runs and not text.strip(EDGE):
            return  # blank text opening a line: the flush would trim it away
        if not self.pre:
            self._append(collapse(text), el)
            return
        for i, part in enumerate(text.split("\n")):
            if i:
                self.flush()
            if part:
                self._append(part, el)

    def _append(self, text: str, el: etree._Element) -> None:
        line = self.line
        if line.blank and text.strip(EDGE):
            line.number, line.zone, line.blank = el.sourceline, self.zone, False
        style = self.styles[-1]
        last = line.runs[-1] if line.runs else None
        if last and last.bold == style.bold and last.href == style.href:
            last.text += text
        else:
            line.runs.append(Run(text, bold=style.bold, href=style.href))

    def flush(self) -> None:
        if not self.line.runs:
            return  # nothing since the last flush: the line is still a fresh one
        line, self.line = self.line, _Line()
        runs = _trimmed(line.runs)
        if not runs:
            return
        source = Source([line.number] if line.number else [])
        if self.items is not None and line.zone is None:
            self.items.append(runs)
            return
        tag, align = self.blocks[-1]
        text = runs[0].text if len(runs) == 1 else "".join([r.text for r in runs])
        marker = marker_of(text)
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            level = marker[0] if marker and marker[0] <= 4 else min(int(tag[1]) - 1, 4)
            block: Block = Heading(level, text, marker[1].strip() if marker else "", source=source)
        else:
            lead = marker and len(runs) > 1 and runs[0].bold and not runs[1].bold and runs[0].text.startswith(marker[1])
            block = Paragraph(runs, lead_level=marker[0] if lead else None, align=align, source=source)
        self.pieces.append(Piece(block, line.zone))

    def _open_list(self, tag: str) -> None:
        self.list_depth += 1
        if self.list_depth == 1 and self.zone is None:
            self.items, self.ordered = [], tag == "ol"

    def _close_list(self) -> None:
        self.list_depth -= 1
        if self.list_depth == 0 and self.items is not None:
            if self.items:
                self.pieces.append(Piece(ListBlock(self.items, ordered=self.ordered), None))
            self.items = None

    def _image(self, el: etree._Element) -> None:
        src = el.get("src") or el.get("data-src") or ""
        if not src:
            return
        self.flush()
        image = Image(self._url(src), strip(collapse(el.get("alt") or el.get("title") or "")),
                      source=Source([el.sourceline] if el.sourceline else []))
        self.pieces.append(Piece(image, self.zone))

    def _url(self, href: str) -> str:
        href = href.strip()
        return urljoin(self.base_url, href) if self.base_url and not href.startswith("data:") else href


def walk(body: etree._Element, content: list, drops: dict, outside: str,
         base_url: str | None = None) -> list[Piece]:
    """Blocks of `body` in order; text under `content` elements has zone None unless under a `drops` element."""
    walker = _Walker(content, drops, outside, base_url)
    events = etree.iterwalk(body, events=("start", "end"))
    for event, el in events:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if walker.start(el, tag):
                events.skip_subtree()
        else:
            walker.end(el, tag)
    walker.flush()
    return walker.pieces


def element_lines(el: etree._Element) -> list[str]:
    """The visual lines of an element's text: block elements and <br> break lines."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        breaks = node.tag in BLOCK_TAGS or node.tag == "br"
        if event == "start":
            parts.append(("\n" if breaks else "") + (node.text or ""))
        else:
            parts.append(("\n" if breaks else "") + ((node.tail or "") if node is not el else ""))
    return [collapse(line) for line in "".join(parts).split("\n")]


def is_data_table(el: etree._Element) -> bool:
    """A grid of short cells (a real table), as opposed to a layout table that positions the text."""
    if el.find(".//table") is not None:
        return False
    rows = el.xpath("./tr|./*/tr")
    widths = [len(r.xpath("./td|./th")) for r in rows]
    if len(rows) < 2 or max(widths, default=0) < 2:
        return False
    return all(len(text_content(c)) <= LONG_CELL for c in el.iter("td", "th"))


def table(el: etree._Element, line: int | None) -> Table:
    """A data table as a model Table: each spanned cell once, at its top-left position, with its spans."""
    rows = []
    for tr in el.xpath("./tr|./*/tr"):
        rows.append([Cell(" ".join(filter(None, map(strip, element_lines(c)))), _span(c, "colspan"),
                          _span(c, "rowspan"), c.tag == "th") for c in tr.xpath("./td|./th")])
    return Table(rows, source=Source([line] if line else []))


def _followable(href: str | None) -> bool:
    """A link a reader could follow; script calls and bare anchors are page widgets."""
    href = (href or "").strip().lower()
    return bool(href) and href != "#" and not href.startswith("javascript:")


def _span(cell: etree._Element, attr: str) -> int:
    value = cell.get(attr, "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _align(el: etree._Element, tag: str, css: str | None) -> str | None:
    match = _ALIGN_STYLE.search(css) if css else None
    if match:
        return match.group(1).lower()
    align = (el.get("align") or "").lower()
    return align if align in ("center", "right") else ("center" if tag == "center" else None)


def _trimmed(runs: list[Run]) -> list[Run]:
    """Runs without the line's leading/trailing blank runs and edge whitespace."""
    while runs and not strip(runs[0].text):
        runs.pop(0)
    while runs and not strip(runs[-1].text):
        runs.pop()
    if runs:
        runs[0].text = runs[0].text.lstrip(EDGE)
        runs[-1].text = runs[-1].text.rstrip(EDGE)
    return runs
