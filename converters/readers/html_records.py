"""How a dropped part of a page is written into `doc.removed`: short, so a 5 MB script costs a line, not 5 MB."""
from __future__ import annotations

from ..model import Removal

EXCERPT = 160


def removal(text: str, reason: str, rule: str, line: int | None = None) -> Removal:
    """A Removal whose text is the dropped text, or its start and size when it is long."""
    text = " ".join(text.split())
    if len(text) > EXCERPT:
        text = f"{text[:EXCERPT]}… [{len(text)} characters]"
    return Removal(text=text, reason=reason, rule=rule, line=line)
