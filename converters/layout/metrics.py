"""Text widths in em of the body face, for layout decisions made before any renderer runs.

Official documents are set in fixed-pitch CJK faces: every ideograph and full-width punctuation mark is one em,
ASCII letters, digits and half-width punctuation are half an em (the faces' half-width forms). Counting widths
this way lets a writer break titles, place the signature (§7.3.5.2) and predict page fill without a font.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)
def char_width(ch: str) -> float:
    """Width of one character in em: 1 for wide/full-width characters, 0.5 otherwise, 0 for combining marks."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0.0
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def text_width(text: str) -> float:
    """Width of a string in em."""
    return sum(char_width(ch) for ch in text)


def lines_needed(text: str, width_em: float, first_indent_em: float = 0.0) -> int:
    """Lines a paragraph of `text` fills in a column `width_em` wide, its first line indented by `first_indent_em`.

    A greedy fill, as renderers do; line-breaking rules that push one punctuation mark to the next line can add a
    line, which callers absorb with a margin.
    """
    if width_em <= 0:
        return max(1, len(text))
    lines, used = 1, first_indent_em
    for ch in text:
        w = char_width(ch)
        if used + w > width_em + 1e-9:
            lines, used = lines + 1, 0.0
        used += w
    return lines
