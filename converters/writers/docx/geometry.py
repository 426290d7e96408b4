"""Lengths the DOCX writer needs, derived once from the layout profile and expressed in twips."""
from __future__ import annotations

from dataclasses import dataclass

from ...layout.metrics import text_width
from ...layout.profile import Profile
from .ooxml import twips_mm, twips_pt


@dataclass(frozen=True)
class Geometry:
    page_w: int
    page_h: int
    top: int
    bottom: int
    left: int
    right: int
    text_w: int
    text_h: int
    pitch: int  # one grid line (§5.2.3)
    body_pt: float
    char_spacing: int  # run character spacing in twips, negative = condensed
    lines_per_page: int

    @classmethod
    def from_profile(cls, profile: Profile) -> "Geometry":
        page = profile.page
        return cls(
            page_w=twips_mm(page.width_mm), page_h=twips_mm(page.height_mm),
            top=twips_mm(page.margin_top_mm), bottom=twips_mm(page.margin_bottom_mm),
            left=twips_mm(page.margin_left_mm), right=twips_mm(page.margin_right_mm),
            text_w=twips_mm(page.text_width_mm), text_h=twips_mm(page.text_height_mm),
            pitch=twips_pt(profile.grid.line_pitch_pt), body_pt=profile.sizes.body_pt,
            char_spacing=twips_pt(profile.grid.char_spacing_pt), lines_per_page=profile.grid.lines_per_page,
        )

    @property
    def char(self) -> int:
        """Advance of one body character (3号 plus the condensed spacing), the unit of every "空N字" indent."""
        return twips_pt(self.body_pt) + self.char_spacing

    def chars(self, n: float) -> int:
        return round(n * self.char)

    def width(self, text: str, pt: float | None = None, spacing: int | None = None) -> int:
        """Rendered width of `text` at `pt` (default body size) with per-character `spacing` (default body)."""
        pt = self.body_pt if pt is None else pt
        spacing = self.char_spacing if spacing is None else spacing
        return round(text_width(text) * pt * 20 + len(text) * spacing)

    @property
    def text_bottom(self) -> int:
        """Distance from the top of the page to the bottom edge of the text area."""
        return self.top + self.text_h


# LibreOffice puts the baseline of an exactly spaced line at 80 % of the line height (sw: SvxLineSpaceRule::Fix);
# a CJK em box spans 0.88 em above the baseline to 0.12 em below. Where a position is specified for a glyph edge
# (the mark's top, the rule under the 发文字号), these convert it to the edge of the line box.
BASELINE_FRACTION = 0.8
EM_ASCENT = 0.88
EM_DESCENT = 0.12


def tight_line(size_pt: float) -> int:
    """An exact line barely taller than its glyphs (1.1 em), for text placed by a glyph edge (the mark, the page
    number): with so little slack, renderers that seat the baseline differently in an exact line (LibreOffice at
    80 %, Word nearer the bottom) agree within a fraction of a millimetre."""
    return round(size_pt * 20 * 1.1)


def glyph_top_offset(line: int, size_pt: float) -> int:
    """From the top of an exactly spaced line of height `line` twips down to the top of its glyphs' em box."""
    return round(BASELINE_FRACTION * line - EM_ASCENT * size_pt * 20)


def glyph_bottom_gap(line: int, size_pt: float) -> int:
    """From the bottom of the glyphs' em box down to the bottom of the line box."""
    return round(line - BASELINE_FRACTION * line - EM_DESCENT * size_pt * 20)
