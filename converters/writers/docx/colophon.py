"""版记 (§7.4) at the bottom of the text area of the last page: thick rule, 抄送, thin rule, 印发机关 and 印发日期,
thick rule, the last rule on the bottom edge of the text area.

Each part (抄送, 印发) is one paragraph in a frame at absolute page coordinates, stacked up from the bottom edge:
the one frame form LibreOffice and Word both honour (frames aligned to the margin bottom, shared frame
properties and floating tables are ignored or dropped by LibreOffice). Consecutive framed paragraphs lose their
frames in LibreOffice, so a one-point paragraph separates the parts. Lines are broken here, so a wrapped 抄送
gets its height counted. When the 版记 does not fit under the body, it moves to a page of its own, which
carries no page number (§7.5). Whether it fits comes from the writer's line count; should that be short, the
frames still never cover text: they wrap, so the renderer moves them (and their anchor) to the next page.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from ...layout.metrics import char_width, text_width
from ...model import Metadata
from . import ooxml, page_numbers
from .context import Context
from .paragraphs import Layout, add
from .styles import COLOPHON, FLUSH, StyleSpec

_SEPARATOR = 20  # twips: the one-point paragraph between two framed parts
_NO_LINE_START = set("，。、；：！？）》”’」』】…,.;:!?)")


@dataclass(frozen=True)
class Group:
    """One part of the 版记 between two rules: its printed lines, the left indent of the first line and of the
    continuation lines (twips from the frame's left edge), and whether a right tab stop carries a date."""

    lines: list[str]
    indent: int
    hang: int = 0
    tab: bool = False


def groups(ctx: Context, meta: Metadata) -> list[Group]:
    """The 版记 parts in order (抄送, then 印发); rules separate them."""
    size = ctx.profile.sizes.colophon_pt
    indent = round(ctx.profile.colophon.indent_chars * size * 20)
    out: list[Group] = []
    if meta.cc:
        label = "抄送："
        width_em = (ctx.geometry.text_w - 2 * indent) / (size * 20)
        hang = text_width(label)
        out.append(Group(wrap(label + meta.cc, width_em, hang), indent, round(hang * size * 20)))
    if meta.printed_by or meta.print_date:
        date = meta.print_date or ""
        if date and not date.endswith("印发"):
            date += "印发"
        out.append(Group([f"{meta.printed_by or ''}\t{date}"], indent, tab=True))
    return out


def wrap(text: str, width_em: float, hang_em: float) -> list[str]:
    """Greedy line breaking of a 抄送 value; lines after the first are narrower by the label's width and never
    start with closing punctuation (it is pulled back onto the previous line)."""
    out: list[str] = []
    line, used, limit = "", 0.0, width_em
    for ch in " ".join(text.split()):
        w = char_width(ch)
        if used + w > limit + 1e-9 and line and ch not in _NO_LINE_START:
            out.append(line)
            line, used, limit = "", 0.0, width_em - hang_em
        line, used = line + ch, used + w
    out.append(line)
    return out


def write(ctx: Context, meta: Metadata, specs: dict[str, StyleSpec]) -> None:
    parts = groups(ctx, meta)
    if not parts:
        return
    geo, p = ctx.geometry, ctx.profile
    height = ooxml.twips_pt(p.colophon.line_pitch_pt)
    total = sum(len(g.lines) for g in parts)
    if ctx.flow.used and ctx.flow.room() < total * height + geo.pitch:
        _own_page(ctx, specs)
    thick = round(p.colophon.thick_rule_mm * 72 / 25.4 * 8)
    thin = round(p.colophon.thin_rule_mm * 72 / 25.4 * 8)
    black = p.colors.black
    y = geo.text_bottom - total * height
    for i, group in enumerate(parts):
        layout = Layout(left=group.indent + group.hang, hanging=group.hang, first_line=0, line=height)
        para = add(ctx, specs[COLOPHON], "\n".join(group.lines), layout)
        ppr = para._p.get_or_add_pPr()
        ooxml.set_frame(ppr, geo.text_w, 0, y)
        edges = {"bottom": (thick if i == len(parts) - 1 else thin, black, 0)}
        if i == 0:
            edges["top"] = (thick, black, 0)
        ooxml.set_borders(ppr, **edges)
        if group.tab:
            ooxml.set_tab(ppr, geo.text_w - group.indent, "right")
        y += len(group.lines) * height
        if i < len(parts) - 1:
            add(ctx, specs[FLUSH], "", Layout(line=_SEPARATOR))


def _own_page(ctx: Context, specs: dict[str, StyleSpec]) -> None:
    """End the body's section on the last body page and open an unnumbered one for the 版记."""
    body = ctx.docx.element.body
    paragraphs = body.findall(ooxml.qn("w:p"))
    if not paragraphs or body[-2] is not paragraphs[-1]:  # the body ends with a table: give it a paragraph
        add(ctx, specs[FLUSH], "")
        paragraphs = body.findall(ooxml.qn("w:p"))
    last_sect = body.find(ooxml.qn("w:sectPr"))
    ppr = paragraphs[-1].get_or_add_pPr()
    ppr.append(copy.deepcopy(last_sect))
    for ref in last_sect.findall(ooxml.qn("w:footerReference")):
        last_sect.remove(ref)
    page_numbers.blank(ctx.docx.sections[-1])
    ctx.flow.new_page()
