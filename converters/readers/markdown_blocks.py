"""markdown-it-py tokens → model blocks, one chunk of the body at a time.

CommonMark parsing is done by markdown-it-py (GFM tables enabled, raw HTML off so `<script>` is text, indented
code off because drafts indent paragraphs). This module only maps its tokens onto the model, following the form
described in converters/writers/markdown.py: `#` is a title, deeper headings take the level of their literal
marker (else of their depth), a paragraph opening with a bold run is a run-in lead, block attribute lines
(`{lead=3}` …) override what the conventions infer.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from ..markers import heading_marker, run_in_lead_level
from ..model import Block, Cell, Heading, Image, ListBlock, PageBreak, Paragraph, Quote, Run, Source, Table, Title
from ..tables import table_layout
from . import cjk_emphasis


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin).use(cjk_emphasis.use).enable("table")
    md.disable("code")
    md.normalizeLink = lambda url: url  # keep URLs as written (the default percent-encodes them)
    md.normalizeLinkText = lambda text: text
    return md


PARSER = _parser()
_OPENS = {"strong_open", "em_open", "link_open"}
_CLOSES = {"strong_close", "em_close", "link_close"}


class BlockBuilder:
    """Turns token streams into blocks, remembering across chunks the heading level leads are measured from."""

    def __init__(self) -> None:
        self.heading_level = 0

    def build(self, tokens: list[Token], line_offset: int) -> list[Block]:
        blocks: list[Block] = []
        i = 0
        while i < len(tokens):
            end = _close_index(tokens, i)
            blocks.extend(self._block(tokens[i:end + 1], line_offset))
            i = end + 1
        return blocks

    def _block(self, toks: list[Token], line_offset: int) -> Iterator[Block]:
        first = toks[0]
        source = Source([first.map[0] + 1 + line_offset]) if first.map else None
        kind = first.type
        if kind == "heading_open":
            yield self._heading(first, _plain_text(toks[1]), source)
        elif kind == "paragraph_open":
            yield from self._paragraph(first, toks[1], source)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            yield ListBlock(_list_items(toks[1:-1]), ordered=kind == "ordered_list_open", source=source)
        elif kind == "table_open":
            yield _table(toks, first.attrs.get("cells"), source)
        elif kind == "blockquote_open":
            inner = BlockBuilder()
            inner.heading_level = self.heading_level
            yield Quote(inner.build(toks[1:-1], line_offset), source=source)
        elif kind == "hr":
            yield PageBreak(source=source)
        elif kind in ("fence", "code_block"):  # the model has no code: its lines become a paragraph's lines
            text = "\n".join(line.strip() for line in first.content.split("\n") if line.strip())
            if text:
                yield Paragraph([Run(text)], source=source)

    def _heading(self, token: Token, text: str, source: Source | None) -> Block:
        depth = int(token.tag[1])
        if depth == 1:
            self.heading_level = 0  # a title starts a document: leads below it are measured afresh
            return Title(text, source=source)
        marker, marker_level = heading_marker(text)
        level = _number(token.attrs.get("level"))
        level = level if level is not None else marker_level or depth - 1
        self.heading_level = level
        return Heading(level, text, str(token.attrs.get("marker", marker)), source=source)

    def _paragraph(self, token: Token, inline: Token, source: Source | None) -> Iterator[Block]:
        runs, images = inline_runs(inline.children or [])
        if runs:
            first_bold = runs[0].text if runs and runs[0].bold else None
            lead = token.attrs.get("lead")
            level = None if lead == "none" else _number(lead)
            if level is None and lead != "none":
                level = run_in_lead_level(first_bold, self.heading_level)
            align = token.attrs.get("align")
            yield Paragraph(runs, lead_level=level, align=str(align) if align else None, source=source)
        yield from images


def _number(value: object) -> int | None:
    """An attribute's integer value; anything else (a typo in a draft) leaves the inferred value in place."""
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _close_index(tokens: list[Token], i: int) -> int:
    """Index of the token closing the block opened at `i` (the token itself for leaf blocks)."""
    if tokens[i].nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def inline_runs(children: list[Token]) -> tuple[list[Run], list[Image]]:
    """Runs of an inline token, and the images in it (an image is a block of its own in the model)."""
    toks = [t for t in children if not (t.type == "text" and not t.content)]
    runs: list[Run] = []
    images: list[Image] = []
    bold = italic = 0
    hrefs: list[str | None] = []
    for n, tok in enumerate(toks):
        kind = tok.type
        if kind in ("text", "code_inline"):
            text = tok.content
            if kind == "text":
                text = _unpad(text, toks[n - 1].type if n else "", toks[n + 1].type if n + 1 < len(toks) else "")
            runs.append(Run(text, bold=bold > 0, italic=italic > 0, href=hrefs[-1] if hrefs else None))
        elif kind in ("hardbreak", "softbreak"):
            text = "\n" if kind == "hardbreak" else _soft_break(toks, n)
            runs.append(Run(text, bold=bold > 0, italic=italic > 0, href=hrefs[-1] if hrefs else None))
        elif kind == "image":
            images.append(Image(str(tok.attrs.get("src", "")), _plain_children(tok.children or [])))
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            hrefs.append(str(tok.attrs.get("href", "")))
        elif kind == "link_close" and hrefs:
            hrefs.pop()
    return _trim(merge_runs(runs)), images


_SPACE_AT_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _trim(runs: list[Run]) -> list[Run]:
    """No whitespace at the ends of a paragraph or around its line breaks (a code span can bring some in)."""
    for run in runs:
        if "\n" in run.text:
            run.text = _SPACE_AT_BREAK.sub("\n", run.text)
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()
    return [r for r in runs if r.text]


def _unpad(text: str, before: str, after: str) -> str:
    """Remove the one space the writer sets between an emphasis or link and the text next to it."""
    if before in _CLOSES and text.startswith(" "):
        text = text[1:]
    if after in _OPENS and text.endswith(" "):
        text = text[:-1]
    return text


def _soft_break(toks: list[Token], n: int) -> str:
    """A wrapped line joins with no space between Chinese characters, with a space between Latin words."""
    before = toks[n - 1].content[-1:] if n else ""
    after = toks[n + 1].content[:1] if n + 1 < len(toks) else ""
    return "" if _is_wide(before) or _is_wide(after) else " "


def _is_wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def merge_runs(runs: list[Run]) -> list[Run]:
    """Drop empty runs and join neighbours with the same formatting."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].href) == (run.bold, run.italic, run.href):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            out.append(run)
    return out


def _plain_children(children: list[Token]) -> str:
    return "".join(t.content if t.type != "softbreak" else " " for t in children if t.type in ("text", "code_inline", "softbreak"))


def _plain_text(inline: Token) -> str:
    """The text of an inline token with its formatting dropped (headings and table cells hold plain text)."""
    runs, images = inline_runs(inline.children or [])
    return "".join(r.text for r in runs) or "".join(i.alt for i in images)


def _list_items(toks: list[Token]) -> list[list[Run]]:
    """Each item's paragraphs as runs, paragraphs and nested items on lines of their own."""
    items: list[list[Run]] = []
    depth = 0
    for tok in toks:
        if tok.type == "list_item_open":
            depth += 1
            if depth == 1:
                items.append([])
        elif tok.type == "list_item_close":
            depth -= 1
        elif tok.type == "inline" and items:
            runs, images = inline_runs(tok.children or [])
            if items[-1]:
                items[-1].append(Run("\n"))
            items[-1].extend(runs or [Run(i.alt) for i in images])
    return [merge_runs(item) for item in items]


def _table(toks: list[Token], cells_spec: str | None, source: Source | None) -> Table:
    grid: list[list[Cell]] = []
    header = False
    for tok in toks:
        if tok.type == "tr_open":
            grid.append([])
        elif tok.type in ("th_open", "td_open"):
            header = tok.type == "th_open"
        elif tok.type == "inline" and grid:
            grid[-1].append(Cell(_plain_text(tok), header=header))
    if cells_spec is None:
        return Table(grid, source=source)
    rows = [[_cell_from_flags(flags) for flags in group.split()] for group in cells_spec.split("/")]
    placed, _, _ = table_layout(rows)
    for r, c, cell in placed:
        if r < len(grid) and c < len(grid[r]):
            cell.text = grid[r][c].text
    return Table(rows, source=source)


_FLAG = re.compile(r"(h)|c(\d+)|r(\d+)|\.")


def _cell_from_flags(flags: str) -> Cell:
    cell = Cell("")
    for header, colspan, rowspan in _FLAG.findall(flags):
        cell.header = cell.header or bool(header)
        cell.colspan = int(colspan) if colspan else cell.colspan
        cell.rowspan = int(rowspan) if rowspan else cell.rowspan
    return cell
