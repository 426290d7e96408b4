"""Chrome recognised by position: find the document's span first, then judge what lies outside it by shape.

The span runs from the title (or the first line only a document has) to the last such line (running text,
closing date, 附注, 抄送, 印发 line), and never past the header of a comment thread or of a list of other
pages. Outside it sit menus, link lists, related-article titles with dates, login bars and contact footers —
runs of short lines without sentence punctuation. Inside the span only site fields split over a bare label
line and a value line, between the title and the body, are touched: losing content is worse than leaking
chrome.
"""
from __future__ import annotations

import re

from ..model import Document
from ..options import ReadOptions
from .parts import document_head, is_anchor, locate_title, signed_date
from .removal import drop_each, first_line
from .shape import (ATTACHMENT_LABEL, CLOSING_DATE, EMPTY_CELL, HAN, LIST_BULLET, NOTE, contains_any, is_addressee,
                    is_head_number, is_issuer_mark, is_short_plain, is_signature, marker_of, names_genre, squeeze,
                    text_of)

# Lines that close a document: 抄送, 附件, 印发, 联系人, the closing formula (特此通知, 特此公告), and the disclosure
# line some provinces print under the date (公开方式：主动公开).
_CLOSING = re.compile(r"^[(（]?(?:抄\s*送|附\s*件|印\s*发|联\s*系\s*人|公开方式\s*[:：]\s*\S{2,6}公开$|"
                      rf"特此[{HAN}]{{1,2}}[。.!！]?$)")
_PRINTED = re.compile(r"印\s*发$")  # apart from _CLOSING, so the search skips from 印 to 印
# Head parts: 签发人, urgency, secrecy, 份号, and the registration code of a normative document (HHCR-2023-01005).
_PART = re.compile(r"^(?:签发人.*|特急|加急|平急|特提|绝密.*|机密.*|秘密.*|\d{6}|[A-Z]{2,8}\d{0,2}-\d{4}-\d{3,6})$")
_LISTED_DATE = re.compile(r"[\[(（【]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）】]?$")
_CONTACT = re.compile(r"^(?:地址|电话|联系电话|传真|邮编|邮政编码|E-?mail|邮箱|联系我们|主办单位|承办单位|主办|承办|"
                      r"用户名|密码|验证码)\s*[:：]?", re.I)


# A banner of words (a slogan: 富强、民主、文明、和谐…。), labelled or not: six or more items of two to four
# characters; above a document's title there is no list of names or places.
_WORD_LIST = re.compile(rf"^(?:[{HAN}]{{2,12}}[:：])?(?:[{HAN}]{{2,4}}[、，,]){{5,}}[{HAN}]{{2,4}}[。.!！]?$")
# A link to a file (附件1:…名单.doc): below a document's end, the site's download list.
_FILE_LINK = re.compile(r"\.(?:docx?|wps|pdf|xlsx?|et|pptx?|zip|rar|7z|ofd|txt)$", re.I)
# The contact a document gives at its end: a person, then their telephone, mail or address on lines of their own.
_CONTACT_PERSON = re.compile(r"^[(（]?\s*联\s*系\s*人\s*[:：]")
_CONTACT_DETAIL = re.compile(r"^(?:联系电话|电话|手机|传真|电子邮箱|电子邮件|邮箱|E-?mail|QQ)\s*[:：]\s*[\w@.\-—()（）、 ]{5,60}$",
                             re.I)
# The red rule of a 版头 as a text dump prints it.
_RULE = re.compile(r"^[—─━\-_=－＝]{4,}$")
# The issue line of a bulletin's 版头 (第20期, 20期, 第二十期).
_ISSUE = re.compile(r"^第?[\d一二三四五六七八九十百〇零]{1,4}期$")
# An empty field of a form under a page (• 姓  名:, • *验 证 码:).
_FORM_FIELD = re.compile(rf"^(?:[-•·]\s*)?\*?[{HAN}]{{1,6}}[:：]$")
# A site field's label alone on its line (发布人：, 时间：).
_FIELD_LABEL = re.compile(rf"^[{HAN}]{{1,6}}[:：]$")
# Headers of what a site puts under a document: comment threads (评论回复, 发表评论) and lists of other pages
# (相关阅读, 点击排行, 友情链接), standing alone on their line.
_BELOW = re.compile(r"^(?:(?:网友|最新|相关|全部|热门)?(?:评论|留言)(?:回复|列表|区)?|(?:发表|我要)(?:评论|留言)|"
                    r"相关(?:阅读|链接|文章|新闻|文件|稿件|信息|推荐|报道)|(?:推荐|延伸|扩展)阅读|"
                    r"(?:热点|热门|最新|推荐)(?:新闻|文章|资讯|信息)|点击排行|阅读排行|友情链接|猜你喜欢)"
                    r"\s*[:：]?\s*(?:更多)?\s*(?:>>|»)?$")


# The page number a PDF's text leaves glued to a line (（此件公开发布）—2—).
_PAGE_MARK = re.compile(r"[-—－]\s*\d{1,3}\s*[-—－]$")


def _ends_span(text: str) -> bool:
    plain = squeeze(text)
    if plain.endswith(("-", "—", "－")):
        plain = _PAGE_MARK.sub("", plain)
    return bool(CLOSING_DATE.match(plain) or NOTE.match(plain) or _CLOSING.match(text) or _PRINTED.search(text)
                or signed_date(text))


def drop_outside_span(doc: Document, options: ReadOptions) -> None:
    """Short unpunctuated lines before the document's start and chrome-shaped lines after its end; site fields
    split over label and value lines between the title and the body; comment threads and lists of other pages
    under the document, and all below them."""
    texts = [text_of(b) or "" for b in doc.blocks]
    anchors = _anchors(doc.blocks, texts)
    banner = _banner_sentences(doc, texts, anchors)
    if banner:
        drop_each(doc, {i: "outside the document (the site's banner above its headline and page information)"
                        for i in banner}, "drop_outside_span")
        texts = [text_of(b) or "" for b in doc.blocks]
        anchors = _anchors(doc.blocks, texts)
    blocks = doc.blocks
    if not anchors:
        drop_each(doc, _menus_without_document(doc, texts), "drop_outside_span")
        return
    title = locate_title(blocks)
    start = title[0] if title else anchors[0]
    comments = _below_document(doc, texts, anchors[0])
    # The last closing line between the first anchor and the comments: searched upwards, the first one found.
    last_end = next((i for i in range(comments - 1, anchors[0], -1) if _ends_span(texts[i])), None)
    end = max([a for a in anchors if a < comments] + [_attachment_end(doc, texts, anchors[0])]
              + ([last_end] if last_end is not None else []))
    end = min(end, comments - 1)
    while end + 1 < comments and EMPTY_CELL.match(squeeze(texts[end + 1])):
        end += 1  # the last cells of a flattened table (不涉及, /): a site prints no such line
    if _CONTACT_PERSON.match(texts[end]):
        while end + 1 < comments and _CONTACT_DETAIL.match(texts[end + 1]):
            end += 1  # the document's contact: 联系人 and the telephone and mail lines under it
    reasons: dict[int, str] = {}
    masthead = _masthead(texts, start)
    # The end of the title, to know a news report that names it (…发布关于印发…细化措施的通知，通知提到…).
    named = squeeze("".join(texts[title[0]:title[1] + 1]))[-12:] if title else ""
    for i in range(start):
        text = texts[i]
        if i in masthead:
            continue
        if text and len(squeeze(text)) <= 80 and not contains_any(text, "。！？") and not _is_part(text):
            reasons[i] = "outside the document (line without a sentence above its start)"
        elif text and _WORD_LIST.match(squeeze(text)):
            reasons[i] = "outside the document (a list of words above its start: a banner)"
        elif len(named) >= 10 and named in squeeze(text) and squeeze(text) != named:
            reasons[i] = "outside the document (a report naming it above its title)"
    if title:
        reasons.update(_split_fields(blocks, title[1] + 1, document_head(blocks) or 0))
    for i in range(end + 1, len(blocks)):
        text = texts[i]
        if i >= comments:
            reasons[i] = "outside the document (comments or links to other pages below it)"
        elif text and (is_short_plain(text, 50) or _LISTED_DATE.search(text) or _CONTACT.match(text)):
            reasons[i] = "outside the document (short line below its end)"
        elif text and _FILE_LINK.search(text) and len(text) <= 120:
            reasons[i] = "outside the document (a file to download below its end)"
        elif text and _leads_form(texts, i):
            reasons[i] = "outside the document (the lead of a form below it)"
    drop_each(doc, reasons, "drop_outside_span")


def _anchors(blocks: list, texts: list[str]) -> list[int]:
    """The blocks only a document has, less a site's download links and the invitation above its forms."""
    return [i for i, b in enumerate(blocks)
            if is_anchor(b) and not _FILE_LINK.search(texts[i]) and not _leads_form(texts, i)]


def _banner_sentences(doc: Document, texts: list[str], anchors: list[int]) -> list[int]:
    """Sentences at the top of a page (a slogan: …构建和谐文明。…依然美丽!) above the page's headline and its
    page-information lines: a document never starts above the page information that describes it."""
    info = [r.line for r in doc.removed if r.rule == "drop_page_info" and r.line]
    if not anchors or not info:
        return []
    first_info = min(info)
    above = [a for a in anchors if (first_line(doc.blocks[a]) or 0) < first_info]
    if not above or len(above) == len(anchors):
        return []
    headline = any(names_genre(texts[i]) and is_short_plain(texts[i], 60)
                   for i in range(above[-1] + 1, len(texts)) if (first_line(doc.blocks[i]) or 0) < first_info)
    return above if headline else []


def _leads_form(texts: list[str], i: int) -> bool:
    """The line above two empty form fields: the invitation of a feedback or comment form under the page."""
    return i + 2 < len(texts) and texts[i + 1].endswith((":", "：")) \
        and all(_FORM_FIELD.match(squeeze(t)) for t in texts[i + 1:i + 3])


def _masthead(texts: list[str], start: int) -> set[int]:
    """The 版头 above a title: of a bulletin (简报, 督查通报), its issue line (第20期, 20期) and the short lines just
    above and below it (the bulletin's name; its organ and date); of a document, the organ's name over the rule
    that a text dump keeps as a line of dashes (某某市人民政府办公厅 / ——————)."""
    issues = [i for i in range(start) if _ISSUE.match(squeeze(texts[i]))]
    head = {j for i in issues for j in (i - 1, i, i + 1) if 0 <= j < start and (j == i or is_short_plain(texts[j], 40))}
    rules = [i for i in range(1, start) if _RULE.match(squeeze(texts[i])) and is_signature(texts[i - 1])]
    return head | {j for i in rules for j in (i - 1, i)}


def _below_document(doc: Document, texts: list[str], anchor: int) -> int:
    """Index of the first block at or under a comment-thread or related-pages header that follows the document's
    first anchor; a pattern rule may already have taken the header itself out, so its record counts too."""
    after = first_line(doc.blocks[anchor]) or 0
    headers = [first_line(b) for b, text in zip(doc.blocks, texts) if _BELOW.match(text)]
    headers += [r.line for r in doc.removed if _BELOW.match(r.text)]
    below = [line for line in headers if line and line > after]
    if not below:
        return len(doc.blocks)
    return next((i for i, b in enumerate(doc.blocks) if (first_line(b) or 0) >= min(below)), len(doc.blocks))


def _split_fields(blocks: list, first: int, head: int) -> dict[int, str]:
    """Between a title and the body nothing but head parts belongs to the document: a site field printed as a
    bare label line (发布人：) with its short value on the next line (刘东), or with no value at all before the
    addressee or the next label (视力保护色：), is page information; so is a short list item (• 1836, • 某某学校:
    the date, view count and site name of a page-info list). A label followed by the body (全体师生：) is the
    addressee."""
    reasons: dict[int, str] = {}
    addressed = head < len(blocks) and is_addressee(text_of(blocks[head]) or "")
    for i in range(first, head):
        label, value = text_of(blocks[i]) or "", text_of(blocks[i + 1]) or "" if i + 1 < len(blocks) else ""
        if LIST_BULLET.match(label) and is_short_plain(label, 30) and not _is_part(LIST_BULLET.sub("", label)):
            reasons[i] = "page information between the title and the document"
            continue
        if addressed and _stray_between(label):  # a notice prints only head parts between its title and addressee
            reasons[i] = "page information between the title and the addressee"
            continue
        if label.isdigit() and not _is_part(label):  # a bare view counter beside the page-info line
            reasons[i] = "page information between the title and the document"
            continue
        if not _FIELD_LABEL.match(squeeze(label)) or _is_part(label):
            continue
        if _FIELD_LABEL.match(squeeze(value)) or is_addressee(value):
            reasons[i] = "page information between the title and the document"
        elif i + 1 < head and is_short_plain(value, 20) and not value.endswith(("：", ":")) and not _is_part(value) \
                and not is_anchor(blocks[i + 1]):
            reasons[i] = reasons[i + 1] = "page information between the title and the document"
    return reasons


def _stray_between(text: str) -> bool:
    """A short plain line or an organ's name (the site's 发布机构) that is no head part: no number, date, note,
    subtitle (——在…上的讲话) or heading."""
    plain = squeeze(text)
    return (is_short_plain(text, 16) or is_signature(text)) and not _is_part(text) and not NOTE.match(plain) \
        and not plain.startswith("—") and not CLOSING_DATE.match(plain) and marker_of(text) is None \
        and not names_genre(text)


def _menus_without_document(doc: Document, texts: list[str]) -> dict[int, str]:
    """A site page saved without its document (no running text, no title naming a genre, but site chrome that a
    pattern rule already recognised): its runs of three or more short plain lines are menus and link lists."""
    if not doc.removed or any(names_genre(t) and len(squeeze(t)) >= 8 for t in texts):
        return {}
    menu = [bool(t) and is_short_plain(t, 16) and not contains_any(t, "：:，,、") for t in texts]
    reasons: dict[int, str] = {}
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and menu[j]:
            j += 1
        if j - i >= 3:
            reasons.update({k: "navigation menu (a page without document text)" for k in range(i, j)})
        i = max(j, i + 1)
    return reasons


def _attachment_end(doc: Document, texts: list[str], after: int) -> int:
    """An attached document (附件 label on its own line) may be all short lines — a list of names, a form —
    so it reaches to the first chrome a pattern rule already found below it, or to the end of the page."""
    label = next((i for i in range(after + 1, len(texts)) if ATTACHMENT_LABEL.match(squeeze(texts[i]))), None)
    if label is None:
        return -1
    label_line = first_line(doc.blocks[label]) or 0
    chrome = [r.line for r in doc.removed if r.line and r.line > label_line]
    inside = [i for i, b in enumerate(doc.blocks) if not chrome or (first_line(b) or 0) < min(chrome)]
    return max(inside)


def _is_part(text: str) -> bool:
    """Head parts printed above a title (发文字号, 发文机关标志, 份号, 密级, 紧急程度) are never chrome."""
    plain = squeeze(text)
    return bool(is_head_number(plain) or _PART.match(plain) or is_issuer_mark(plain))
