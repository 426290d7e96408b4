"""Page setup (§5): A4, the 37/35/28/26 mm margins, the footer distance for page numbers, the line grid."""
from __future__ import annotations

from docx.section import Section
from docx.shared import Twips

from . import ooxml
from .context import Context


def setup(ctx: Context, section: Section) -> None:
    geo = ctx.geometry
    section.page_width, section.page_height = Twips(geo.page_w), Twips(geo.page_h)
    section.top_margin, section.bottom_margin = Twips(geo.top), Twips(geo.bottom)
    section.left_margin, section.right_margin = Twips(geo.left), Twips(geo.right)
    section.gutter = Twips(0)
    section.header_distance = Twips(ooxml.twips_mm(ctx.profile.page_number.footer_distance_mm))
    section.footer_distance = Twips(ooxml.twips_mm(ctx.profile.page_number.footer_distance_mm))
    # type=lines with the exact pitch: 22 lines per page in Word and LibreOffice alike. Characters per line come
    # from the condensed run spacing, not from a linesAndChars grid (LibreOffice halves its line width).
    sectPr = section._sectPr
    for grid in sectPr.findall(ooxml.qn("w:docGrid")):
        sectPr.remove(grid)
    ooxml.set_sect(sectPr, "docGrid", type="lines", linePitch=geo.pitch)
