"""Platypus flowables for grid-set text, rules and the 版记 block anchored to the bottom of the text area."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from .lines import Line

ASCENT = 0.88  # the CJK faces' em box spans −0.12 … 0.88 of the size around the baseline
Row = list[Line]


def draw_row(canv, row: Row, left: float, top: float, pitch: float) -> None:
    """Draw one row of lines whose grid cell starts at `top`, glyphs centred vertically in the cell."""
    for line in row:
        if line.glyphs:
            baseline = top - (pitch - line.size) / 2 - ASCENT * line.size
            text = canv.beginText(left + line.x, baseline)
            text.setCharSpace(line.spacing)
            text.setFillColor(HexColor("#" + line.color))
            x = left + line.x
            for font, piece, width in _pieces(canv, line):
                text.setTextOrigin(x, baseline)
                text.setFont(font, line.size)
                text.textOut(piece)
                x += width
            canv.drawText(text)


def _pieces(canv, line: Line):
    """(font, text, advance) for each stretch drawn with one font subset. Each stretch starts at an explicit
    position: text extractors that drop the character spacing after the last glyph of a string (pdfminer)
    then still place every character where it is printed."""
    start = 0
    glyphs = line.glyphs
    while start < len(glyphs):
        font = glyphs[start].font
        end = start
        while end < len(glyphs) and glyphs[end].font == font:
            end += 1
        run = glyphs[start:end]
        offset = 0
        for _subset, encoded in getFont(font).splitString("".join(g.char for g in run), canv._doc):
            piece = run[offset:offset + len(encoded)]
            offset += len(encoded)
            yield font, "".join(g.char for g in piece), sum(g.width for g in piece) + line.spacing * len(piece)
        start = end


@dataclass(frozen=True)
class Outline:
    title: str
    level: int
    key: str


class TextBlock(Flowable):
    """Rows of text on a fixed pitch; splits between rows. `layout(width)` lays the rows out on first wrap."""

    def __init__(self, layout: Callable[[float], list[Row]] | None, pitch: float, rows: list[Row] | None = None,
                 outline: Outline | None = None, keep_with_next: bool = False):
        super().__init__()
        self._layout, self.pitch, self.rows, self.outline = layout, pitch, rows, outline
        self.keepWithNext = keep_with_next

    def wrap(self, avail_width: float, avail_height: float):
        if self.rows is None:
            self.rows = self._layout(avail_width)
        self.width = avail_width
        return avail_width, len(self.rows) * self.pitch

    def split(self, avail_width: float, avail_height: float):
        self.wrap(avail_width, avail_height)
        fit = int((avail_height + 0.01) // self.pitch)
        if fit <= 0 or fit >= len(self.rows):
            return []
        return [TextBlock(None, self.pitch, self.rows[:fit], self.outline),
                TextBlock(None, self.pitch, self.rows[fit:])]

    def draw(self) -> None:
        if self.outline:
            self.canv.bookmarkPage(self.outline.key)
            self.canv.addOutlineEntry(self.outline.title, self.outline.key, level=self.outline.level, closed=False)
        top = len(self.rows) * self.pitch
        for i, row in enumerate(self.rows):
            draw_row(self.canv, row, 0.0, top - i * self.pitch, self.pitch)


class Rule(Flowable):
    """A horizontal rule across the text area, `gap` points below the previous flowable."""

    def __init__(self, gap: float, thickness: float, color: str):
        super().__init__()
        self.gap, self.thickness, self.color = gap, thickness, color

    def wrap(self, avail_width: float, avail_height: float):
        self.width = avail_width
        return avail_width, self.gap + self.thickness / 2

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor("#" + self.color))
        self.canv.setLineWidth(self.thickness)
        y = self.thickness / 2
        self.canv.line(0, y, self.width, y)


@dataclass(frozen=True)
class RuleSpec:
    thickness: float
    color: str = "000000"


class BottomBlock(Flowable):
    """The 版记: rows separated by rules, its last rule on the bottom edge of the text area (§7.4.1).

    It takes all the space left in the frame and draws at its bottom; when it does not fit under the text, its
    height exceeds what is left and platypus moves it to a new page."""

    def __init__(self, rows: list[Row], rules: list[tuple[int, RuleSpec]], pitch: float):
        super().__init__()
        self.rows, self.rules, self.pitch = rows, rules, pitch  # rules: (row boundary, 0 = top, rule)

    def wrap(self, avail_width: float, avail_height: float):
        self.width = avail_width
        need = len(self.rows) * self.pitch
        self.height = max(need, avail_height)
        return avail_width, self.height

    def draw(self) -> None:
        canv = self.canv
        top = len(self.rows) * self.pitch
        for boundary, rule in self.rules:
            y = top - boundary * self.pitch
            canv.setStrokeColor(HexColor("#" + rule.color))
            canv.setLineWidth(rule.thickness)
            canv.line(0, y, self.width, y)
        for i, row in enumerate(self.rows):
            draw_row(canv, row, 0.0, top - i * self.pitch, self.pitch)
