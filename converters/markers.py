"""Heading markers of Chinese official documents and the level each one stands for.

GB/T 9704 numbers the structure 一、 / （一） / 1. / （1）, and run-in enumerations use 一是、二是. The marker is
kept literally in the text; its kind alone decides the level, so a reader can tell the level of a heading or a
run-in lead from its text whatever markup surrounds it. Both full-width and ASCII brackets are accepted because
dumps fold punctuation (（一） arrives as (一)).
"""
from __future__ import annotations

import re

_CN = "一二三四五六七八九十百零〇"
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"[{_CN}]+、")),
    (2, re.compile(rf"[（(][{_CN}]+[）)]")),
    (3, re.compile(r"\d{1,3}[.．、](?!\d)")),
    (4, re.compile(r"[（(]\d{1,3}[）)]")),
    (5, re.compile(rf"[{_CN}]+是(?=[^是])")),
)

LEAD_ENUMERATION_LEVEL = 5  # 一是、二是 …: a run-in lead below every numbered level


def find_marker(text: str, max_level: int = LEAD_ENUMERATION_LEVEL) -> tuple[str, int | None]:
    """The literal marker `text` starts with and its level (1–5), or ('', None) when it starts with none.

    Headings pass `max_level=4`: 一是 numbers run-in leads, never stand-alone headings.
    """
    for level, pattern in _MARKERS:
        if level > max_level:
            break
        match = pattern.match(text)
        if match:
            return match.group(), level
    return "", None


def run_in_lead_level(first_bold_text: str | None, heading_level: int) -> int | None:
    """The level of a run-in lead (a paragraph's opening bold run), or None when the paragraph opens unbolded.

    A numbered lead takes its marker's level; an un-numbered one sits one level below the heading above it.
    """
    if first_bold_text is None:
        return None
    level = find_marker(first_bold_text)[1]
    return level if level is not None else min(heading_level + 1, LEAD_ENUMERATION_LEVEL)
