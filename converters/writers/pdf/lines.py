"""CJK line layout for the PDF writer: characters → faces, line breaking with 禁则, justification.

ReportLab's Paragraph neither applies character spacing (the grid needs −0.25 pt so 28 characters fill a
156 mm line) nor forbids lines ending with opening punctuation, and it reads text as markup. So text is laid out
here, character by character, and drawn as plain strings: document text never passes through a markup parser,
which is why `<`, `>` and `&` in a notice need no escaping.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import getFont

from ...fonts import FontSet

# 禁则: characters that may not start a line, and characters that may not end one.
NO_START = frozenset("，。、；：？！）》”’」』〕】〉…—·,.;:?!)]}%")
NO_END = frozenset("（《“‘「『〔【〈([{")
JUSTIFY_LIMIT = 2.0  # a line needing more than this many characters' worth of stretch stays ragged


@dataclass(frozen=True)
class Span:
    """Text in one font role."""

    text: str
    role: str
    href: str | None = None


@dataclass(frozen=True)
class Glyph:
    char: str
    font: str
    width: float  # advance at the line's size, without character spacing
    href: str | None = None


@dataclass
class Line:
    """One placed piece of a row: glyphs starting `x` points from the left edge of the text area."""

    glyphs: list[Glyph]
    x: float
    size: float
    spacing: float  # character spacing to draw with (justification included)
    color: str = "000000"

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)


@dataclass
class Style:
    """How a block of text is set: size, grid spacing, indents (points) and alignment."""

    size: float
    spacing: float = 0.0
    first_indent: float = 0.0  # first row, from the left edge
    rest_indent: float = 0.0  # other rows, from the left edge
    right_indent: float = 0.0
    align: str = "justify"  # justify | left | center | right
    color: str = "000000"


@dataclass
class Reporter:
    """Collects characters that cannot be printed, with where they are, for `doc.warnings`."""

    warnings: list[str] = field(default_factory=list)

    def missing(self, char: str, where: str, offset: int) -> None:
        self.warnings.append(f"{where}, character {offset + 1}: {char!r} (U+{ord(char):04X}) is in no font; "
                             f"printed as [U+{ord(char):04X}]")

    def unprintable(self, char: str, where: str, offset: int) -> None:
        kind = "control" if unicodedata.category(char) == "Cc" else "invisible format"
        self.warnings.append(f"{where}, character {offset + 1}: {kind} character U+{ord(char):04X} not printed")


_WIDTHS: dict[tuple[str, str], float] = {}


def advance(char: str, font: str) -> float:
    """Advance width of `char` at 1 pt (cached: the same few thousand characters recur on every page)."""
    key = (char, font)
    width = _WIDTHS.get(key)
    if width is None:
        width = _WIDTHS[key] = getFont(font).stringWidth(char, 1.0)
    return width


def glyphs(spans: list[Span], fonts: FontSet, size: float, report: Reporter, where: str) -> list[Glyph]:
    """Map every character to the face that has it; report (never drop silently) what cannot be printed."""
    out: list[Glyph] = []
    offset = 0
    for span in spans:
        for char in span.text:
            if char == "\t":
                char = " "
            if char != "\n" and unicodedata.category(char) in ("Cc", "Cf"):
                report.unprintable(char, where, offset)
            elif char == "\n":
                out.append(Glyph("\n", "", 0.0))
            else:
                font = fonts.font_for(span.role, char)
                if font is None:
                    report.missing(char, where, offset)
                    out.extend(_glyph(c, fonts.font_for(span.role, c) or fonts.by_role[span.role], size, span.href)
                               for c in f"[U+{ord(char):04X}]")
                else:
                    out.append(_glyph(char, font, size, span.href))
            offset += 1
    return out


def _glyph(char: str, font: str, size: float, href: str | None) -> Glyph:
    return Glyph(char, font, advance(char, font) * size, href)


def layout(items: list[Glyph], style: Style, width: float) -> list[Line]:
    """Break glyphs into lines that fit `width` (the text area) minus the style's indents."""
    lines: list[Line] = []
    for hard in _hard_lines(items):
        first = not lines
        tokens = _tokens(hard, style.spacing, width - max(style.first_indent, style.rest_indent) - style.right_indent)
        start = 0
        while start < len(tokens) or (start == 0 and not tokens):
            indent = style.first_indent if first else style.rest_indent
            avail = width - indent - style.right_indent
            end = _break(tokens, start, avail, style.spacing)
            row = [g for tok in tokens[start:end] for g in tok]
            lines.append(_place(row, style, indent, avail, last=end >= len(tokens)))
            start, first = end, False
            if not tokens:
                break
    return lines


def _hard_lines(items: list[Glyph]) -> list[list[Glyph]]:
    out: list[list[Glyph]] = [[]]
    for g in items:
        if g.char == "\n":
            out.append([])
        else:
            out[-1].append(g)
    return out


def _is_word_char(char: str) -> bool:
    return char.isascii() and not char.isspace() or unicodedata.category(char).startswith("L") and ord(char) < 0x2E80


def _tokens(items: list[Glyph], spacing: float, min_avail: float) -> list[list[Glyph]]:
    """Unbreakable units: a run of Latin letters/digits/URL characters, or one other character. A run wider
    than a line is cut into characters so an unbroken URL still wraps."""
    tokens: list[list[Glyph]] = []
    for g in items:
        if tokens and _is_word_char(g.char) and _is_word_char(tokens[-1][-1].char):
            tokens[-1].append(g)
        else:
            tokens.append([g])
    out: list[list[Glyph]] = []
    for tok in tokens:
        if len(tok) > 1 and _width(tok, spacing) > min_avail:
            out.extend([g] for g in tok)
        else:
            out.append(tok)
    return out


def _width(glyph_list: list[Glyph], spacing: float) -> float:
    return sum(g.width for g in glyph_list) + spacing * len(glyph_list)


def _break(tokens: list[list[Glyph]], start: int, avail: float, spacing: float) -> int:
    """End index of the line starting at `start`: as many tokens as fit, then moved back (推出) until the next
    line does not start with closing punctuation and this one does not end with opening punctuation (禁则)."""
    used, end = 0.0, start
    while end < len(tokens):
        w = _width(tokens[end], spacing)
        if end > start and used + w > avail + 0.01:
            break
        used, end = used + w, end + 1
    if end >= len(tokens):
        return end
    back = end
    while back > start + 1 and (tokens[back][0].char in NO_START or tokens[back - 1][-1].char in NO_END):
        back -= 1
    return back if back > start + 1 or not _violates(tokens, back) else end


def _violates(tokens: list[list[Glyph]], at: int) -> bool:
    return at < len(tokens) and (tokens[at][0].char in NO_START or tokens[at - 1][-1].char in NO_END)


def _place(row: list[Glyph], style: Style, indent: float, avail: float, last: bool) -> Line:
    while row and row[-1].char == " ":
        row = row[:-1]
    natural = _width(row, style.spacing) - (style.spacing if row else 0.0)
    spacing, x = style.spacing, indent
    slack = avail - natural
    if style.align == "justify" and not last and len(row) > 1 and slack < JUSTIFY_LIMIT * style.size:
        spacing += slack / (len(row) - 1)
    elif style.align == "center":
        x += slack / 2
    elif style.align == "right":
        x += slack
    return Line(row, x, style.size, spacing, style.color)
