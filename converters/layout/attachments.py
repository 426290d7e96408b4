"""Listed attachments and the embedded documents that carry their content (§7.3.7), shared by the DOCX and PDF
writers so both label and place the same pages."""
from __future__ import annotations

import re

from ..model import Document

_NUMBERED = re.compile(r"^\s*\d+\s*[.．、]\s*")


def names(doc: Document) -> list[str]:
    """Attachment names without the numbering a dump may carry (the layout numbers them itself)."""
    return [_NUMBERED.sub("", a.name, count=1) for a in doc.metadata.attachments]


def label(doc: Document, index: int) -> str:
    """"附件" for a single attachment, "附件N" when there are several."""
    return "附件" if len(doc.metadata.attachments) == 1 else f"附件{index + 1}"


def _key(name: str) -> str:
    return re.sub(r"[\s《》“”\"]", "", name)


def bodies(doc: Document) -> dict[int, Document]:
    """Embedded documents that are the content of a listed attachment, by attachment index: the titles match,
    ignoring spaces, quotes and 《》, or one contains the other (a name that adds the issuer or drops the year)."""
    out: dict[int, Document] = {}
    for i, name in enumerate(names(doc)):
        key = _key(name)
        for sub in doc.embedded:
            title = _key(sub.metadata.title or "")
            if key and title and sub not in out.values() and (title in key or key in title):
                out[i] = sub
                break
    return out
