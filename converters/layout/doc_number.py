"""The 发文字号 as both writers print it (§7.2.5)."""
from __future__ import annotations

import re

from ..model import Metadata

_YEAR = re.compile(r"[\[［(（【〔]\s*((?:19|20)\d\d)\s*[\]］)）】〕]")


def normalise(number: str, brackets: str) -> str:
    """Years go in 六角括号 (§7.2.5): replace the [] / () / 【】 brackets a dump often carries."""
    return _YEAR.sub(rf"{brackets[0]}\1{brackets[1]}", number)


def printed(meta: Metadata, option: str | None, brackets: str) -> str | None:
    """The number to print: one given as an option, else the one the document printed (never one that only the
    site's metadata table gave), with its brackets normalised."""
    number = option or meta.printed_doc_number()
    return normalise(number, brackets) if number else None
