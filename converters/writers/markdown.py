"""Markdown writer: clean CommonMark that people read and edit, and that the Markdown reader reads back exactly.

The form (converters/readers/markdown.py reads it; hand-written drafts use the same):

Front matter (YAML between `---` lines) holds the metadata a body line cannot carry (发文机关标志, 发文字号,
密级 `classification`, 紧急程度 `urgency`, 签发人 `signer`, 份号 `copy_number`, `issuer`, `source`,
`publish_date`, `site`), the parts (`addressee`, `attachments` as names or {name, url}, `signature`, `date`,
`note`, `cc`, `printed_by`, `print_date`) and unknown keys (`metadata.extra`, e.g. `profile`) at the top level.
Three keys describe the file rather than the document and are written only when needed:
- `title`: present only when the document has a title block; then the `#` line is that block and `title` the
  metadata title (`null` when none). Otherwise the `#` line is the metadata title.
- `embedded`: one mapping per embedded document, in order (nested lists for nested documents). Needed when an
  embedded document has metadata beyond its title, has documents of its own, or the outer document prints
  nothing before the first `#` line; without it, every `#` line after the first block opens an embedded document.
- `recognise_parts: false`: the body has lines the reader's part recogniser (converters/parts.py) would take
  for parts the metadata does not hold.

Body, in reading order, with every part printed as a plain paragraph so the body alone is the whole text:
`# title`, 发文机关标志, 发文字号 (unless only the site's table gave it), 主送机关, the blocks, `附件：1．…` and the
further numbered attachment lines, 署名, 成文日期, 附注; then each embedded document in the same form (a bare
`#` when it has no title); last the `抄送：…` line and the `… 印发` line. The reader removes a part line from the
body when the front matter states that part, so nothing is doubled.

Blocks: `#` depth = heading level + 1, the literal marker (一、（一）1.（1）) kept in the text, where it decides
the level on reading. A run-in lead is `**lead**` opening its paragraph; its level comes from its marker (一是 →
5) or, un-numbered, is one below the heading above it. Lists `-`/`1.` (a list right after one of the same kind
uses `*`/`1)` so the two stay apart), GFM tables (first row = header row), quotes `>`, images `![alt](src)`, a
line break inside a paragraph as a backslash hard break, `---` for a page break (never for anything else).

Text is escaped, never passed through: backslash, backtick, `* _ [ ] < & |` everywhere and block-opening
characters at line starts, so markdown-it-py renders no HTML and `<script>` stays text. An emphasis or link is
set off from the text next to it by one space, because CommonMark cannot close `**一是。**` right before a
Chinese character; the reader removes that space again.

What the conventions cannot express is written, only when needed, as a block attribute line before the block
(markdown-it-py's attrs_block syntax): `{align=center}`; `{lead=3}` or `{lead=none}` (a lead level other than the
inferred one, or a paragraph opening in bold that is no lead); `{level=2 marker="1."}` (a heading whose level or
marker differs from its text); `{cells="hc2 . / r2 ."}` (a table with spans, header cells outside the first row
or rows of unequal length: per cell `h` header, `cN` colspan, `rN` rowspan, `.` plain; rows separated by `/`).

`read(render(doc)) == doc` holds for models in the form readers build: a title block only first; runs with text,
neighbours differing in formatting, emphasis and line breaks not next to whitespace; table cells on one line.
Markdown written here is a fixed point of read + render.
"""
from __future__ import annotations

import re
from dataclasses import fields
from itertools import groupby
from operator import attrgetter, countOf
from typing import Any, Callable

import yaml

from .. import parts
from ..markers import heading_marker, run_in_lead_level
from ..model import (Block, Cell, Document, Heading, Image, ListBlock, Metadata, PageBreak, Paragraph, Quote, Run,
                     Table, Title)
from ..options import WriteOptions
from ..tables import table_layout


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """yaml's safe dumper (its C emitter when built), with strings represented directly.

    Front matter is mostly strings, and yaml's generic path (alias bookkeeping, dispatch on the type's MRO) costs
    more than emitting them. A string is never aliased and the safe representer makes it exactly this node, so
    the output is the same; every other value takes yaml's own path (repeated lists or mappings keep their anchors).
    """

    def represent_data(self, data: Any) -> yaml.Node:
        if type(data) is str:
            return yaml.ScalarNode("tag:yaml.org,2002:str", data, style=self.default_style)
        return super().represent_data(data)


# Metadata fields copied field by field: all but those written by the body or given a key of their own.
_COPIED_FIELDS = tuple(f.name for f in fields(Metadata) if f.name not in {"title", "attachments", "site", "extra"})


def render(doc: Document, options: WriteOptions | None = None) -> bytes:
    out: list[str] = []
    _document(doc, out, outer=True)
    while out and not out[-1]:
        out.pop()
    front = front_matter(doc)
    if front or (out and out[0].startswith("---")):  # a leading page break must not read as front matter
        dumped = yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1 << 20) if front else ""
        out.insert(0, f"---\n{dumped}---")
    if not out:
        return b"\n"
    out[-1] += "\n"
    return "\n\n".join(out).encode("utf-8")  # one copy of the text, then its bytes: large documents stay affordable


# ---- front matter ---------------------------------------------------------------------------------------------

def front_matter(doc: Document) -> dict[str, Any]:
    """The front matter mapping of the outer document (see the module docstring for what is written when)."""
    out = _metadata_mapping(doc)
    if any(_would_recognise(d, outer=d is doc) for d in doc.walk()):
        out["recognise_parts"] = False
    return out


def _metadata_mapping(doc: Document, outer: bool = True) -> dict[str, Any]:
    meta = doc.metadata
    out: dict[str, Any] = {}
    if _title_block(doc) is not None:
        out["title"] = meta.title  # the `#` line is then a title block of its own, not the metadata title
    for name in _COPIED_FIELDS:
        value = getattr(meta, name)
        if value is not None:
            out[name] = value
    if meta.attachments:
        out["attachments"] = [{"name": a.name, "url": a.url} if a.url else a.name for a in meta.attachments]
    if meta.site:
        out["site"] = dict(meta.site)
    out.update(meta.extra)
    embedded = [_metadata_mapping(sub, outer=False) for sub in doc.embedded]
    # Without the list, every later `#` opens a document embedded in the outer one: state the structure when
    # documents nest, when one has metadata of its own, or when the outer document prints nothing before them.
    if doc.embedded and (not outer or any(embedded) or not _has_leading_content(doc)):
        out["embedded"] = embedded
    return out


def _title_block(doc: Document) -> Title | None:
    first = doc.blocks[0] if doc.blocks else None
    return first if isinstance(first, Title) else None


def _has_leading_content(doc: Document) -> bool:
    """Whether the outer document prints anything before its first embedded document's `#` line."""
    return bool(doc.blocks or doc.metadata.title is not None or parts.head(doc.metadata) or parts.tail(doc.metadata))


def _would_recognise(doc: Document, outer: bool) -> bool:
    missing = parts.missing(doc.metadata, outer)
    body = doc.blocks[1:] if _title_block(doc) is not None else doc.blocks
    last = list(doc.walk())[-1].blocks if outer else []
    return bool(parts.find_head(body, missing).taken or parts.find_tail(body, missing).taken
                or (outer and parts.find_end(last, missing).taken))


# ---- body -----------------------------------------------------------------------------------------------------

class _Context:
    """What the rendering of a block depends on: the heading above it and the kind of the list before it."""

    def __init__(self) -> None:
        self.heading_level = 0
        self.previous: Block | None = None
        self.alternate = False


def _document(doc: Document, out: list[str], outer: bool = False) -> None:
    ctx = _Context()
    blocks = doc.blocks
    title = _title_block(doc)
    if title is not None:
        blocks = blocks[1:]
    line = title.text if title is not None else doc.metadata.title
    if line is not None:
        out.append(_heading_line(1, line))
    elif not outer:
        out.append("#")  # an embedded document without a title still starts at a `#` line
    for block in [*parts.head(doc.metadata), *blocks, *parts.tail(doc.metadata)]:
        out.append(_block(block, ctx))
    for sub in doc.embedded:
        _document(sub, out)
    out.extend(_block(p, ctx) for p in parts.end(doc.metadata))


def _block(block: Block, ctx: _Context) -> str:
    attrs: dict[str, str] = {}
    if isinstance(block, Heading):
        text = _heading(block, attrs)
        ctx.heading_level = block.level
    elif isinstance(block, Paragraph):
        text = _paragraph(block, ctx, attrs)
    elif isinstance(block, ListBlock):
        text = _list(block, ctx)
    elif isinstance(block, Table):
        text = _table(block, attrs)
    elif isinstance(block, Quote):
        inner = _Context()
        inner.heading_level = ctx.heading_level
        text = "\n\n".join(_block(b, inner) for b in block.blocks)
        text = "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    elif isinstance(block, Image):
        text = f"![{escape(block.alt)}]({_destination(block.src)})"
    elif isinstance(block, PageBreak):
        text = "---"
    elif isinstance(block, Title):
        text = _heading_line(1, block.text)
    else:
        raise TypeError(f"no Markdown form for {type(block).__name__}")
    ctx.previous = block
    return f"{_attribute_line(attrs)}\n{text}" if attrs else text


_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _attribute_line(attrs: dict[str, str]) -> str:
    return "{" + " ".join(f"{k}={v}" if _BARE.fullmatch(v) else f'{k}="{v}"' for k, v in attrs.items()) + "}"


def _heading(block: Heading, attrs: dict[str, str]) -> str:
    marker, marker_level = heading_marker(block.text)
    if block.marker != marker:
        attrs["marker"] = block.marker
    if not 1 <= block.level <= 5 or (marker_level is not None and marker_level != block.level):
        attrs["level"] = str(block.level)
    return _heading_line(min(max(block.level, 1), 5) + 1, block.text)


def _heading_line(depth: int, text: str) -> str:
    line = escape(text.replace("\n", " "))
    if line.endswith("#") and not line.endswith("\\#"):
        line = line[:-1] + "\\#"  # a trailing # would be taken for a closing sequence
    return ("#" * depth + " " + line).rstrip()


def _paragraph(block: Paragraph, ctx: _Context, attrs: dict[str, str]) -> str:
    if block.align:
        attrs["align"] = block.align
    first_bold = block.runs[0].text if block.runs and block.runs[0].bold else None
    if block.lead_level != run_in_lead_level(first_bold, ctx.heading_level):
        attrs["lead"] = "none" if block.lead_level is None else str(block.lead_level)
    return inline(block.runs)


def _list(block: ListBlock, ctx: _Context) -> str:
    follows_same = isinstance(ctx.previous, ListBlock) and ctx.previous.ordered == block.ordered
    ctx.alternate = follows_same and not ctx.alternate
    lines = []
    for n, item in enumerate(block.items, 1):
        marker = (f"{n})" if ctx.alternate else f"{n}.") if block.ordered else ("*" if ctx.alternate else "-")
        lines.append((f"{marker} " + inline(item).replace("\n", "\n" + " " * (len(marker) + 1))).rstrip())
    return "\n".join(lines)


def _table(block: Table, attrs: dict[str, str]) -> str:
    placed, width, height = table_layout(block.rows)
    if not placed:
        return ""
    grid = [[""] * width for _ in range(height)]
    for r, c, cell in placed:
        grid[r][c] = escape(cell.text.replace("\n", " "))
    if not _plain_table(block.rows):
        attrs["cells"] = " / ".join(" ".join(_cell_flags(cell) for cell in row) for row in block.rows)
    lines = ["| " + " | ".join(row) + " |" for row in grid]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _plain_table(rows: list[list[Cell]]) -> bool:
    width = len(rows[0])
    return all(len(row) == width and all(cell.colspan == cell.rowspan == 1 and cell.header == (r == 0) for cell in row)
               for r, row in enumerate(rows))


def _cell_flags(cell: Cell) -> str:
    flags = ("h" if cell.header else "") + (f"c{cell.colspan}" if cell.colspan != 1 else "") \
        + (f"r{cell.rowspan}" if cell.rowspan != 1 else "")
    return flags or "."


# ---- inline ---------------------------------------------------------------------------------------------------

_ALWAYS = re.compile(r"([\\`*_\[\]<&|])")
_LINE_START = re.compile(r"^(?:[#>{]|[-+](?=\s|$)|[-=]+\s*$|~~~|\d{1,9}(?=[.)](?:\s|$)))", re.M)


def escape(text: str) -> str:
    """Backslash-escape what CommonMark would read as markup, HTML or an entity.

    Most text has nothing to escape, so each substitution runs only when it can match. _LINE_START matches only
    at the start of a line: in a text of one line, only where `match` looks.
    """
    if _ALWAYS.search(text):
        text = _ALWAYS.sub(_backslash_before, text)
    if "\n" in text or _LINE_START.match(text):
        text = _LINE_START.sub(_escape_line_start, text)
    return text


def _backslash_before(match: re.Match[str]) -> str:
    return "\\" + match.group()


def _escape_line_start(match: re.Match[str]) -> str:
    s = match.group()
    if s[0].isdigit():
        return s + "\\"  # 1. → 1\.  (the escape goes before the period)
    return "\\" + s


def inline(runs: list[Run]) -> str:
    """Runs as inline Markdown; a line break in a run becomes a hard break."""
    if countOf(map(_HREF, runs), None) == len(runs):
        return _styled(runs, "bold")  # no link, the common case: the one group the grouping below would make
    return _join([(_link(list(group), href) if href else _styled(list(group), "bold"), href is not None)
                  for href, group in groupby(runs, key=_HREF)])


_HREF = attrgetter("href")
_TEXT = attrgetter("text")


_STYLES: dict[str, tuple[str, Callable[[Run], Any], str | None]] = {
    "bold": ("**", attrgetter("bold"), "italic"),
    "italic": ("*", attrgetter("italic"), None),
}


def _styled(runs: list[Run], style: str) -> str:
    delimiter, has, inner = _STYLES[style]
    if countOf(map(has, runs), False) == len(runs):
        # No run has the style, the common case: the grouping below would make one plain group, so skip it.
        # (Keys equal to False are equal to each other, so this is exactly the one-group case.)
        return _styled(runs, inner) if inner else _text(runs)
    pieces = []
    for on, group in groupby(runs, key=has):
        content = _styled(list(group), inner) if inner else _text(list(group))
        pieces.append((f"{delimiter}{content}{delimiter}" if on else content, on))
    return _join(pieces)


def _text(runs: list[Run]) -> str:
    text = runs[0].text if len(runs) == 1 else "".join(map(_TEXT, runs))
    return escape(text).replace("\n", "\\\n")


def _link(runs: list[Run], href: str) -> str:
    return f"[{_styled(runs, 'bold')}]({_destination(href)})"


def _join(pieces: list[tuple[str, bool]]) -> str:
    """Concatenate inline pieces, setting each delimited piece (emphasis, link) off from its neighbours by a space.

    The space makes `**一是。**` close before a Chinese character; the reader removes exactly one space at each
    such boundary, so it costs nothing in the model. No space is put next to a line break.
    """
    out = ""
    previous_delimited = False
    for text, delimited in pieces:
        if out and (delimited or previous_delimited) and not out.endswith("\n") and not text.startswith("\\\n"):
            out += " "
        out += text
        previous_delimited = delimited
    return out


_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def _destination(url: str) -> str:
    url = _ENTITY_LIKE.sub(r"\\&", url.replace("\\", "\\\\"))
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "\\<").replace(">", "\\>") + ">"
    return url
