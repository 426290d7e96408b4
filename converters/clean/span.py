"""Chrome recognised by position: find the document's span first, then judge what lies outside it by shape.

The span runs from the title (or the first line only a document has) to the last such line (running text,
closing date, 附注, 抄送, 印发 line). Outside it sit menus, link lists, related-article titles with dates,
login bars and contact footers — runs of short lines without sentence punctuation. Inside the span nothing is
touched here: losing content is worse than leaking chrome.
"""
from __future__ import annotations

import re

from ..model import Document
from ..options import ReadOptions
from .parts import is_anchor, locate_title, signed_date
from .removal import drop_each, first_line
from .shape import ATTACHMENT_LABEL, DATE_LINE, DOC_NUMBER, NOTE, is_short_plain, squeeze, text_of

_CLOSING = re.compile(r"^[(（]?(?:抄\s*送|附\s*件|印\s*发|联\s*系\s*人)|印\s*发$")
_PART = re.compile(r"^(?:.{2,30}文件|签发人.*|特急|加急|平急|特提|绝密.*|机密.*|秘密.*|\d{6})$")
_LISTED_DATE = re.compile(r"[\[(（【]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）】]?$")
_CONTACT = re.compile(r"^(?:地址|电话|联系电话|传真|邮编|邮政编码|E-?mail|邮箱|联系我们|主办单位|承办单位|主办|承办|"
                      r"用户名|密码|验证码)\s*[:：]?", re.I)


def _ends_span(text: str) -> bool:
    plain = squeeze(text)
    return bool(DATE_LINE.match(plain) or NOTE.match(plain) or _CLOSING.search(text) or signed_date(text))


def drop_outside_span(doc: Document, options: ReadOptions) -> None:
    """Short unpunctuated lines before the document's start and chrome-shaped lines after its end."""
    blocks = doc.blocks
    anchors = [i for i, b in enumerate(blocks) if is_anchor(b)]
    if not anchors:
        return
    title = locate_title(blocks)
    start = min(anchors[0], title[0] if title else anchors[0])
    ends = [i for i, b in enumerate(blocks) if _ends_span(text_of(b) or "")]
    end = max([anchors[-1], _attachment_end(doc, anchors[0])] + [e for e in ends if e > anchors[0]])
    reasons: dict[int, str] = {}
    for i in range(start):
        text = text_of(blocks[i])
        if text and len(squeeze(text)) <= 80 and not any(c in "。！？" for c in text) and not _is_part(text):
            reasons[i] = "outside the document (line without a sentence above its start)"
    for i in range(end + 1, len(blocks)):
        text = text_of(blocks[i])
        if text and (is_short_plain(text, 50) or _LISTED_DATE.search(text) or _CONTACT.match(text)):
            reasons[i] = "outside the document (short line below its end)"
    drop_each(doc, reasons, "drop_outside_span")


def _attachment_end(doc: Document, after: int) -> int:
    """An attached document (附件 label on its own line) may be all short lines — a list of names, a form —
    so it reaches to the first chrome a pattern rule already found below it, or to the end of the page."""
    labels = [i for i, b in enumerate(doc.blocks) if i > after and ATTACHMENT_LABEL.match(squeeze(text_of(b) or ""))]
    if not labels:
        return -1
    label_line = first_line(doc.blocks[labels[0]]) or 0
    chrome = [r.line for r in doc.removed if r.line and r.line > label_line]
    inside = [i for i, b in enumerate(doc.blocks) if not chrome or (first_line(b) or 0) < min(chrome)]
    return max(inside)


def _is_part(text: str) -> bool:
    """Head parts printed above a title (发文字号, 发文机关标志, 份号, 密级, 紧急程度) are never chrome."""
    plain = squeeze(text)
    return bool(DOC_NUMBER.match(plain) or _PART.match(plain))
