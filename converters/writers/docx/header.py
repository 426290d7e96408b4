"""版头 (§7.2): 份号/密级/紧急程度 lines, the red 发文机关标志 35 mm below the top of the text area, the 发文字号 two
lines below it (with 签发人 on the same line for upward documents) and the red rule 4 mm under the 发文字号.

Drawn only when the document has an issuing-organ mark; without one the title starts the page, under the
发文字号 if the document printed one (centred, one blank line above the title, as the PDF writer places it).
"""
from __future__ import annotations

from ...layout.metrics import text_width
from ...model import Metadata, Run
from . import ooxml
from .context import Context
from .geometry import glyph_bottom_gap, glyph_top_offset, tight_line
from .paragraphs import Layout, add, append_run, blank_line
from .styles import StyleSpec


def write(ctx: Context, meta: Metadata, specs: dict[str, StyleSpec], number: str | None) -> bool:
    """Write the 版头 when `meta.issuer_mark` is set; return whether one was drawn. `number` is the 发文字号 to
    print (converters.layout.doc_number.printed)."""
    if not meta.issuer_mark:
        if number:  # no 版头 to put it in, but text the document printed is never dropped
            add(ctx, specs["GW Doc Number"], number)
            blank_line(ctx, specs["GW Flush"])
        return False
    p, geo = ctx.profile, ctx.geometry
    flush, marked = specs["GW Flush"], p.header.classification_font
    top_lines = 0
    for value, role in ((meta.copy_number, "fangsong"), (meta.classification, marked), (meta.urgency, marked)):
        if value:
            add(ctx, flush, value, role=role)
            top_lines += 1
    size = mark_size(ctx, meta.issuer_mark)
    line = tight_line(size)
    spacer = ooxml.twips_mm(p.header.mark_top_below_text_top_mm) - top_lines * geo.pitch - glyph_top_offset(line, size)
    if spacer > 0:
        add(ctx, flush, "", Layout(line=spacer))
    add(ctx, specs["GW Mark"], meta.issuer_mark, Layout(size_pt=size, line=line))
    # The blank lines count from the mark's glyphs (§7.2.5), so its line box's slack below them is taken off.
    slack = glyph_bottom_gap(line, size)
    for n in range(p.header.doc_number_lines_below_mark):
        add(ctx, flush, "", Layout(line=geo.pitch - slack if n == 0 else None))
    _doc_number(ctx, meta, specs["GW Doc Number"], number or "")
    for _ in range(p.header.title_lines_below_rule):
        blank_line(ctx, flush)
    return True


def mark_size(ctx: Context, mark: str) -> float:
    """The mark's size (unspecified by §7.2.4): as large as fits the text-area width, within the profile's range."""
    sizes = ctx.profile.sizes
    width_em = max(text_width(line) for line in mark.split("\n")) or 1
    fit = ctx.geometry.text_w / 20 / width_em
    return max(sizes.mark_min_pt, min(sizes.mark_max_pt, int(fit * 2) / 2))


def _doc_number(ctx: Context, meta: Metadata, spec: StyleSpec, number: str) -> None:
    p, geo = ctx.profile, ctx.geometry
    if meta.signer:
        indent = geo.chars(p.header.signer_indent_right_chars)
        para = add(ctx, spec, [Run(number + "\t签发人：")], Layout(align="left", first_line=indent))
        ooxml.set_tab(para._p.get_or_add_pPr(), geo.text_w - indent)
        append_run(ctx, para, meta.signer, p.header.signer_name_font)
    else:
        para = add(ctx, spec, number)
    gap_mm = p.header.rule_below_doc_number_mm - glyph_bottom_gap(geo.pitch, geo.body_pt) * 25.4 / 1440
    size = round(p.header.rule_width_pt * 8)
    ooxml.set_borders(para._p.get_or_add_pPr(), bottom=(size, p.colors.red, max(0, round(gap_mm * 72 / 25.4))))
