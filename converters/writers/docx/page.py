"""Page setup (§5): A4, the 37/35/28/26 mm margins, the footer distance for page numbers, the line grid."""
from __future__ import annotations

from docx.section import Section
from docx.shared import Twips

from . import ooxml
from .context import Context
from .geometry import BASELINE_FRACTION, EM_ASCENT, tight_line


def footer_distance(ctx: Context) -> int:
    """Page bottom to the bottom of the page-number line, so that the dashes (centred on the CJK em box) fall
    `page_number.below_text_mm` under the text area (§7.5). The footer line is a tight exact line."""
    geo, size = ctx.geometry, ctx.profile.sizes.page_number_pt
    line = tight_line(size)
    dash_y = geo.text_bottom + ooxml.twips_mm(ctx.profile.page_number.below_text_mm)
    line_top = dash_y - (BASELINE_FRACTION * line - (EM_ASCENT - 0.5) * size * 20)
    return round(geo.page_h - line_top - line)


def setup(ctx: Context, section: Section) -> None:
    geo = ctx.geometry
    section.page_width, section.page_height = Twips(geo.page_w), Twips(geo.page_h)
    section.top_margin, section.bottom_margin = Twips(geo.top), Twips(geo.bottom)
    section.left_margin, section.right_margin = Twips(geo.left), Twips(geo.right)
    section.gutter = Twips(0)
    section.header_distance = Twips(geo.top // 2)
    section.footer_distance = Twips(footer_distance(ctx))
    # type=lines with the exact pitch: 22 lines per page in Word and LibreOffice alike. Characters per line come
    # from the condensed run spacing, not from a linesAndChars grid (LibreOffice halves its line width).
    sectPr = section._sectPr
    for grid in sectPr.findall(ooxml.qn("w:docGrid")):
        sectPr.remove(grid)
    ooxml.set_sect(sectPr, "docGrid", type="lines", linePitch=geo.pitch)
