"""How a dropped part of a page is written into `doc.removed`: short, so a 5 MB script costs a line, not 5 MB."""
from __future__ import annotations

from ..model import Removal

EXCERPT = 160  # code, comments and hidden blocks
LINE_EXCERPT = 2000  # a line of page text: kept whole unless absurdly long, so it can be put back


def removal(text: str, reason: str, rule: str, line: int | None = None, limit: int = EXCERPT) -> Removal:
    """A Removal whose text is the dropped text, or its start and size when it is longer than `limit`."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = f"{text[:limit]}… [{len(text)} characters]"
    return Removal(text=text, reason=reason, rule=rule, line=line)
