"""Correct ToUnicode maps for characters beyond the Basic Multilingual Plane.

ReportLab writes each subset character's Unicode value as `<%04X>`, which for a CJK Extension B character
(U+20BB7 …, common in personal names) gives five hex digits that PDF readers misread, so copy-paste returns a
wrong character. PDF wants the UTF-16BE code units there (a surrogate pair). `install()` swaps ReportLab's
function for one that rewrites those entries; BMP characters are left as they are.
"""
from __future__ import annotations

import re

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap
_ASTRAL = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.M)


def _utf16be(match: re.Match) -> str:
    return f"{match[1]}<{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"


def make_to_unicode_cmap(fontname: str, subset) -> str:
    return _ASTRAL.sub(_utf16be, _original(fontname, subset))


def install() -> None:
    if ttfonts.makeToUnicodeCMap is _original:
        ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
