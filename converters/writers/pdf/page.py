"""Page geometry from the layout profile, odd/even page templates and the page number (§5.2, §6.2, §7.5)."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ...fonts import FontSet
from ...layout.profile import Profile
from .flowables import ASCENT, COLOPHON_ONLY
from .lines import advance


@dataclass(frozen=True)
class Geometry:
    """Every length the writer uses, in points."""

    width: float
    height: float
    top: float  # 天头
    inside: float  # 订口: the binding edge, left on odd pages, right on even pages when mirrored
    text_width: float
    text_height: float
    mirror: bool
    pitch: float
    body_size: float
    spacing: float  # character spacing of grid text

    @classmethod
    def from_profile(cls, profile: Profile) -> "Geometry":
        page = profile.page
        return cls(page.width_mm * mm, page.height_mm * mm, page.margin_top_mm * mm, page.margin_left_mm * mm,
                   page.text_width_mm * mm, page.text_height_mm * mm, bool(page.mirror_margins),
                   profile.grid.line_pitch_pt, profile.sizes.body_pt, profile.grid.char_spacing_pt)

    def left(self, page_number: int) -> float:
        """Left edge of the text area: the outside margin on even pages of a mirrored layout."""
        if self.mirror and page_number % 2 == 0:
            return self.width - self.inside - self.text_width
        return self.inside

    @property
    def bottom(self) -> float:
        return self.height - self.top - self.text_height

    def char(self, size: float | None = None) -> float:
        """One character's advance on the grid (size plus character spacing)."""
        return (size or self.body_size) + self.spacing


class PageNumbers:
    """Draws "— n —" in 4号宋体, 7 mm below the text area, odd pages right and even pages left, one character in."""

    def __init__(self, profile: Profile, geometry: Geometry, fonts: FontSet):
        self.geometry = geometry
        self.size = profile.sizes.page_number_pt
        self.dash = profile.page_number.dash
        self.below = profile.page_number.below_text_mm * mm
        self.indent = profile.page_number.indent_chars * self.size
        self.font = fonts.by_role["songti"]

    def text(self, number: int) -> str:
        return f"{self.dash} {number} {self.dash}"

    def __call__(self, canv, doc) -> None:
        """Called when a page is complete, so a page that holds only the 版记 is known and left unnumbered."""
        number = canv.getPageNumber()
        if getattr(canv, COLOPHON_ONLY, None) == number:
            return
        text = self.text(number)
        g = self.geometry
        width = sum(advance(c, self.font) for c in text) * self.size
        left = g.left(number)
        x = left + g.text_width - self.indent - width if number % 2 else left + self.indent
        # "一字线上距版心下边缘7mm": the dashes sit at the middle of the em box, as in the DOCX writer's footer.
        baseline = g.bottom - self.below - (ASCENT - 0.5) * self.size
        canv.setFont(self.font, self.size)
        canv.setFillColorRGB(0, 0, 0)
        canv.drawString(x, baseline, text)


def doc_template(out, geometry: Geometry, numbers: PageNumbers, **meta) -> BaseDocTemplate:
    """A document with one text frame that moves to the binding side's margin on every page (mirrored
    margins) and page numbers drawn on each page."""
    g = geometry
    frame = Frame(g.inside, g.bottom, g.text_width, g.text_height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="text")

    def begin_page(canv, doc) -> None:
        frame._x1 = g.left(doc.page)
        frame._geom()

    template = PageTemplate("page", [frame], onPage=begin_page, onPageEnd=numbers)
    return BaseDocTemplate(out, pagesize=(g.width, g.height), pageTemplates=[template], leftMargin=g.inside,
                           rightMargin=g.width - g.inside - g.text_width, topMargin=g.top, bottomMargin=g.bottom,
                           creator="gwconv", initialFontName=numbers.font, **meta)
