"""Line-shape predicates shared by the cleaning rules.

Chrome and document parts are told apart by the shape of a line (length, sentence punctuation, a date, a
numbering marker), never by strings copied from one site. Dumps fold punctuation with NFKC, so every pattern
accepts the ASCII form of , : ( ) ; ? ! as well as the full-width one.
"""
from __future__ import annotations

import re

from ..model import Block, Heading, Paragraph, Title

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SENTENCE_END = "。！？；!?;"
COMMAS = "，,、"
COLONS = "：:"
_CN_DIGITS = "〇○零一二三四五六七八九十"

DATE = (rf"(?:\d{{4}}|[{_CN_DIGITS}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*月"
        rf"\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*日")
DATE_LINE = re.compile(rf"^{DATE}$")
ISO_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
DOC_NUMBER = re.compile(rf"^[{HAN}]{{1,14}}\s*[〔\[(（【]\s*(\d{{4}})\s*[〕\])）】]\s*第?\s*(\d+)\s*号$")
# 附件 label on a line of its own, above an attached document (附件, 附件2, 附件一：); applied to squeezed text.
ATTACHMENT_LABEL = re.compile(r"^附件[\d一二三四五六七八九十]*[:：]?$")
NOTE = re.compile(r"^[(（][^()（）]{2,40}[)）]$")
GENRES = ("通知", "通报", "决定", "意见", "办法", "规定", "细则", "方案", "计划", "规划", "要点", "总结", "报告", "请示",
          "批复", "函", "纪要", "公告", "通告", "命令", "决议", "公报", "条例", "章程", "须知", "指南", "制度", "名单",
          "安排", "预案", "清单", "目录", "说明", "讲话", "标准", "通讯录")

_CN_NUM = "一二三四五六七八九十百"
# Numbering markers of the four heading levels (GB/T 9704 7.3.3) and the 一是 run-in enumeration, ASCII or full-width.
MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^[{_CN_NUM}]+\s*、")),
    (2, re.compile(rf"^[(（]\s*[{_CN_NUM}]+\s*[)）]")),
    (4, re.compile(r"^[(（]\s*\d{1,2}\s*[)）]")),
    (3, re.compile(r"^\d{1,2}\s*(?:[.．](?!\d)|、)")),
    (5, re.compile(rf"^[{_CN_NUM}]+是")),
)


def marker_of(text: str) -> tuple[int, str] | None:
    """(level, literal marker) when the line starts with a heading numbering marker, else None."""
    for level, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            return level, m.group(0)
    return None


# How the names of issuing organs end (局, 委员会, 人民政府, 学校, 中心 …).
ORG_ENDINGS = ("局", "委", "办", "厅", "部", "处", "室", "院", "校", "园", "府", "会", "司", "中心", "所", "站", "队", "组",
               "大学", "馆", "社", "科", "股", "行", "团", "厂", "场")


def text_of(block: Block) -> str | None:
    """The text of a block the line rules can judge; None for tables, images and other structured blocks."""
    return block.text.strip() if isinstance(block, (Paragraph, Heading, Title)) else None


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing lines that differ only in spacing."""
    return "".join(text.split())


def has_sentence_end(text: str) -> bool:
    return any(c in SENTENCE_END for c in text)


def is_sentence(text: str) -> bool:
    """Reads as running text: a finished sentence, or a comma-separated stretch. Length alone is not enough —
    page titles and menus can be long lines without any punctuation."""
    if any(c in "。！？" for c in text) or text.rstrip().endswith(("!", "?")):
        return True
    return any(c in COMMAS + "；;" for c in text) and len(squeeze(text)) >= 15


def is_short_plain(text: str, limit: int = 40) -> bool:
    """A short line without sentence punctuation: the shape of menus, captions, link titles and labels."""
    return len(squeeze(text)) <= limit and not has_sentence_end(text) and "," not in text and "，" not in text


def is_menu(text: str) -> bool:
    """A row of links: items separated by bars, or three or more short items separated by spaces."""
    items = [t for t in re.split(r"\s+", text.strip()) if t]
    return "|" in text or "｜" in text or (len(items) >= 3 and all(len(t) <= 6 for t in items))


def names_genre(text: str) -> bool:
    """The line ends with the name of a document genre (通知, 工作要点, 总结 …), possibly in brackets/quotes."""
    core = text.rstrip("）)》」”\"' ")
    return core.endswith(GENRES)


def is_title_shaped(text: str) -> bool:
    """Could be a document title: one short line, no sentence punctuation, no numbering marker, not a date."""
    plain = squeeze(text)
    return (4 <= len(plain) <= 80 and not has_sentence_end(text) and not text.endswith(tuple(COLONS))
            and not is_menu(text) and not re.match(r"^附\s*件\s*\d*\s*[:：]", text)
            and marker_of(text) is None and not DATE_LINE.match(plain) and not ISO_DATE.match(text)
            and not DOC_NUMBER.match(plain))


def is_addressee(text: str) -> bool:
    """主送机关: organisations separated by 、/，, ending in a colon, with no finished sentence."""
    plain = squeeze(text)
    if not plain.endswith(tuple(COLONS)) or len(plain) > 200 or any(c in "。！？" for c in plain):
        return False
    if marker_of(text) is not None:
        return False
    body = plain.rstrip("：:")
    if re.search(r"如下$|现将|根据|为了|按照|通知$", body):  # a lead-in sentence ('现将有关事项通知如下：')
        return False
    return any(c in body for c in COMMAS) or body.startswith("各") or body.endswith(ORG_ENDINGS + ("同志", "位", "门"))


def is_signature(text: str) -> bool:
    """An issuing organ's name on a line of its own: short, no punctuation besides brackets and 、, ending like an
    organ (several organs of a joint notice may share the line)."""
    plain = squeeze(text)
    return (2 <= len(plain) <= 40 and plain.rstrip("）)").endswith(ORG_ENDINGS) and not any(c in SENTENCE_END + "，,：:" for c in plain)
            and marker_of(text) is None and not DATE_LINE.match(plain) and not re.search(r"\d{3}", plain))
