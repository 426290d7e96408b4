"""Heading markers as the Markdown form uses them: the marker kind decides a heading's or a lead's level.

GB/T 9704 numbers the structure 一、 / （一） / 1. / （1）, and run-in enumerations use 一是、二是. The patterns
are the cleaning chain's (converters/clean/shape.py), so a heading read from Markdown carries the same literal
marker as one recognised in a text dump.
"""
from __future__ import annotations

from .clean.shape import marker_of

LEAD_ENUMERATION_LEVEL = 5  # 一是、二是 …: a run-in lead below every numbered level


def heading_marker(text: str) -> tuple[str, int | None]:
    """The literal heading marker `text` starts with and its level 1–4, or ('', None). 一是 numbers leads only."""
    found = marker_of(text)
    if found is None or found[0] > 4:
        return "", None
    return found[1], found[0]


def run_in_lead_level(first_bold_text: str | None, heading_level: int) -> int | None:
    """The level of a run-in lead (a paragraph's opening bold run), or None when the paragraph opens unbolded.

    A numbered lead takes its marker's level; an un-numbered one sits one level below the heading above it.
    """
    if first_bold_text is None:
        return None
    found = marker_of(first_bold_text)
    return found[0] if found else min(heading_level + 1, LEAD_ENUMERATION_LEVEL)
