"""版记 (§7.4) at the bottom of the text area of the last page: thick rule, 抄送, thin rule, 印发机关 and 印发日期,
thick rule, the last rule on the bottom edge of the text area.

Each printed line is its own paragraph in a frame at absolute page coordinates, stacked up from the bottom edge:
the one frame form LibreOffice and Word both honour (frames aligned to the margin bottom, shared frame
properties and floating tables are ignored or dropped by LibreOffice). Because lines are broken here, a wrapped
抄送 gets its height counted. When the 版记 does not fit under the body, it moves to a page of its own, which
carries no page number (§7.5).
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

_NO_LINE_START = set("，。、；：！？）》”’」』】…,.;:!?)")


@dataclass(frozen=True)
class Line:
    text: str
    indent: int  # twips from the frame's left edge
    tab: bool = False  # a right tab stop one character in from the right edge (the 印发 line)


def lines(ctx: Context, meta: Metadata) -> list[list[Line]]:
    """The 版记 as groups of printed lines (抄送, then 印发); rules separate the groups."""
    size = ctx.profile.sizes.colophon_pt
    indent = round(ctx.profile.colophon.indent_chars * size * 20)
    groups: list[list[Line]] = []
    if meta.cc:
        label = "抄送："
        width_em = (ctx.geometry.text_w - 2 * indent) / (size * 20)
        hang = text_width(label)
        groups.append([Line(t, indent if i == 0 else indent + round(hang * size * 20))
                       for i, t in enumerate(wrap(label + meta.cc, width_em, hang))])
    if meta.printed_by or meta.print_date:
        date = meta.print_date or ""
        if date and not date.endswith("印发"):
            date += "印发"
        groups.append([Line(f"{meta.printed_by or ''}\t{date}", indent, tab=True)])
    return groups


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
    groups = lines(ctx, meta)
    if not groups:
        return
    geo, p = ctx.geometry, ctx.profile
    height = ooxml.twips_pt(p.colophon.line_pitch_pt)
    total = sum(len(g) for g in groups)
    if ctx.flow.used and ctx.flow.room() < total * height + geo.pitch:
        _own_page(ctx, specs)
    thick = round(p.colophon.thick_rule_mm * 72 / 25.4 * 8)
    thin = round(p.colophon.thin_rule_mm * 72 / 25.4 * 8)
    black = p.colors.black
    y = geo.text_bottom - total * height
    for g, group in enumerate(groups):
        for i, line in enumerate(group):
            para = add(ctx, specs[COLOPHON], line.text, Layout(left=line.indent, first_line=0, line=height))
            ppr = para._p.get_or_add_pPr()
            ooxml.set_frame(ppr, geo.text_w, 0, y)
            edges: dict[str, tuple[int, str, int]] = {}
            if g == 0 and i == 0:
                edges["top"] = (thick, black, 0)
            if i == len(group) - 1:
                edges["bottom"] = (thick if g == len(groups) - 1 else thin, black, 0)
            if edges:
                ooxml.set_borders(ppr, **edges)
            if line.tab:
                ooxml.set_tab(ppr, geo.text_w - line.indent, "right")
            y += height


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
