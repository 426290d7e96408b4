"""Text patterns the HTML reader needs to judge page parts: CJK prose, dates, document numbers, closing lines.

These are shapes of the official-document genre (GB/T 9704 parts), not strings of any one site.
"""
from __future__ import annotations

import re

from lxml import etree

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
EDGE = " \t\r\n\f\v\u00a0\u3000\u2002\u2003\u200b\ufeff"
DATE = re.compile(r"^(?:\d{4}|[〇零○Ｏ0一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月"
                  r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号$")
_ORG = re.compile(r"^[\u4e00-\u9fff（）()、]{2,40}(?:政府|委员会|办公室|办公厅|局|厅|部|院|中心|学校|小学|中学|幼儿园|学院|"
                  r"大学|公司|协会|联合会|委|处|所|站|队|社|馆|室)$")
_NOTE = re.compile(r"^[（(][^（）()]{2,30}[）)]$")
FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|txt|pptx?|ceb|tif)(?:$|[?#])", re.I)
_CLOSING = re.compile(r"^(?:附件|抄送|抄报)|印发$")


_STRING = etree.XPath("string()")


def text_content(el: etree._Element) -> str:
    """All text under an element (the tree is plain lxml.etree: no per-element Python class lookups)."""
    return str(_STRING(el))


def collapse(text: str) -> str:
    """HTML whitespace rules: runs of ASCII whitespace become one space; NBSP and U+3000 are kept."""
    return _SPACE.sub(" ", text)


def strip(text: str) -> str:
    return text.strip(EDGE)


def bare(text: str) -> str:
    """Text without any whitespace, for comparing what two places of a page print."""
    return re.sub(r"\s+", "", text)


def is_document_part(line: str) -> bool:
    """A line that ends an official document: date, issuing organ, 附注, 附件/抄送/印发 lines."""
    line = strip(line)
    return bool(DATE.match(line) or _ORG.match(line) or _NOTE.match(line) or _CLOSING.search(line))
