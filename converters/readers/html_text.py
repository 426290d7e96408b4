"""Text helpers of the HTML reader: element text, HTML whitespace, and the closing lines of a document.

Line shapes of the genre (dates, 附注, document numbers) come from the cleaning chain's `shape` module, so
the reader and the line rules judge a line the same way.
"""
from __future__ import annotations

import re

from lxml import etree

from ..clean.shape import DATE_LINE, HAN, NOTE, is_signature, squeeze

CJK = re.compile(f"[{HAN}]")
_NOT_CJK = re.compile(f"[^{HAN}]+")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
EDGE = " \t\r\n\f\v\u00a0\u3000\u2002\u2003\u200b\ufeff"
FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|txt|pptx?|ceb|tif)(?:$|[?#])", re.I)
_CLOSING = re.compile(r"^(?:附件|抄送|抄报)|印发$")


_STRING = etree.XPath("string()")


def text_content(el: etree._Element) -> str:
    """All text under an element (the tree is plain lxml.etree: no per-element Python class lookups)."""
    return str(_STRING(el))


def cjk_count(text: str) -> int:
    """Number of CJK characters; deleting the rest builds one string where listing each match builds many."""
    return len(_NOT_CJK.sub("", text))


def collapse(text: str) -> str:
    """HTML whitespace rules: runs of ASCII whitespace become one space; NBSP and U+3000 are kept."""
    return _SPACE.sub(" ", text)


def strip(text: str) -> str:
    return text.strip(EDGE)


def is_document_part(line: str) -> bool:
    """A line that ends an official document: date, issuing organ, 附注, 附件/抄送/印发 lines."""
    line = squeeze(line)
    return bool(DATE_LINE.match(line) or is_signature(line) or NOTE.match(line) or _CLOSING.search(line))
