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
    """Draw one row of lines whose grid cell starts at `top`, glyphs centred vertically in the cell.

    Text operators are written directly, as ReportLab documents for its dynamic (subset) fonts: each stretch
    of one font subset gets an explicit position. That is faster than a text object, and text extractors that
    drop the character spacing after the last glyph of a string (pdfminer) still place every character where
    it is printed."""
    doc = canv._doc
    for line in row:
        if not line.glyphs:
            continue
        baseline = top - (pitch - line.size) / 2 - ASCENT * line.size
        rgb = " ".join(f"{int(line.color[i:i + 2], 16) / 255:.3f}" for i in (0, 2, 4))
        ops = [f"BT {rgb} rg {line.spacing:.4f} Tc"]
        x = left + line.x
        current = None
        for font, subset, encoded, width in _pieces(doc, line):
            name = font.getSubsetInternalName(subset, doc)
            if name != current:
                ops.append(f"{name} {line.size:g} Tf")
                current = name
            ops.append(f"1 0 0 1 {x:.3f} {baseline:.3f} Tm ({canv._escape(encoded)}) Tj")
            x += width
        ops.append("ET")
        canv._code.append(" ".join(ops))
        _links(canv, line, left + line.x, baseline)


def _links(canv, line: Line, x: float, baseline: float) -> None:
    """A link annotation over each stretch of glyphs that carries a URL (a linked run or attachment)."""
    start, href = x, None
    for g in [*line.glyphs, None]:
        target = g.href if g else None
        if target != href:
            if href:
                rect = (start, baseline - (1 - ASCENT) * line.size, x - line.spacing, baseline + ASCENT * line.size)
                canv.linkURL(href, rect, relative=1, thickness=0)
            start, href = x, target
        if g:
            x += g.width + line.spacing


def _pieces(doc, line: Line):
    """(font, subset, encoded bytes, advance) for each stretch of the line drawn with one font subset."""
    glyphs = line.glyphs
    start = 0
    while start < len(glyphs):
        end = start
        while end < len(glyphs) and glyphs[end].font == glyphs[start].font:
            end += 1
        font = getFont(glyphs[start].font)
        offset = start
        for subset, encoded in font.splitString("".join(g.char for g in glyphs[start:end]), doc):
            piece = glyphs[offset:offset + len(encoded)]
            offset += len(encoded)
            yield font, subset, encoded, sum(g.width for g in piece) + line.spacing * len(piece)
        start = end


@dataclass(frozen=True)
class Outline:
    title: str
    level: int
    key: str


class TextBlock(Flowable):
    """Rows of text on a fixed pitch; splits between rows. `layout(width)` lays the rows out on first wrap."""

    def __init__(self, layout: Callable[[float], list[Row]] | None, pitch: float, rows: list[Row] | None = None,
                 outline: Outline | None = None, part: slice = slice(None)):
        super().__init__()
        self._layout, self.pitch, self.rows, self.outline, self._part = layout, pitch, rows, outline, part

    def wrap(self, avail_width: float, avail_height: float):
        if self.rows is None:
            self.rows = self._layout(avail_width)[self._part]
        self.width = avail_width
        return avail_width, len(self.rows) * self.pitch

    def cut_tail(self, rows: int) -> tuple["TextBlock", "TextBlock"]:
        """This block as two: all but its last `rows` rows, and those rows (laid out when first wrapped)."""
        head, tail = slice(None, -rows), slice(-rows, None)
        if self.rows is not None:
            return (TextBlock(None, self.pitch, self.rows[head], self.outline),
                    TextBlock(None, self.pitch, self.rows[tail]))
        return TextBlock(self._layout, self.pitch, outline=self.outline, part=head), \
            TextBlock(self._layout, self.pitch, part=tail)

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


COLOPHON_ONLY = "gw_colophon_only_page"  # canvas attribute: the number of a page that holds only the 版记


class BottomBlock(Flowable):
    """The 版记: rows separated by rules, its last rule on the bottom edge of the text area (§7.4.1).

    It takes all the space left in the frame and draws at its bottom; when it does not fit under the text, its
    height exceeds what is left and platypus moves it to a new page. Alone on a page it marks the canvas
    (`COLOPHON_ONLY`), so that page gets no page number (§7.5)."""

    def __init__(self, rows: list[Row], rules: list[tuple[int, RuleSpec]], pitch: float, text_height: float):
        super().__init__()
        self.rows, self.rules, self.pitch = rows, rules, pitch  # rules: (row boundary, 0 = top, rule)
        self.text_height = text_height

    def wrap(self, avail_width: float, avail_height: float):
        self.width = avail_width
        need = len(self.rows) * self.pitch
        self.height = max(need, avail_height)
        return avail_width, self.height

    def draw(self) -> None:
        canv = self.canv
        if self.height >= self.text_height - 0.01:  # it took the whole text area: nothing else is on the page
            setattr(canv, COLOPHON_ONLY, canv.getPageNumber())
        top = len(self.rows) * self.pitch
        for boundary, rule in self.rules:
            y = top - boundary * self.pitch
            canv.setStrokeColor(HexColor("#" + rule.color))
            canv.setLineWidth(rule.thickness)
            canv.line(0, y, self.width, y)
        for i, row in enumerate(self.rows):
            draw_row(canv, row, 0.0, top - i * self.pitch, self.pitch)
