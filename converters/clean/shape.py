"""Line-shape predicates shared by the cleaning rules.

Chrome and document parts are told apart by the shape of a line (length, sentence punctuation, a date, a
numbering marker), never by strings copied from one site. Dumps fold punctuation with NFKC, so every pattern
accepts the ASCII form of , : ( ) ; ? ! as well as the full-width one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from ..model import Block, Heading, Paragraph, Title
from .script import simplified

_MEMOS: list = []


def per_document(predicate):
    """Remember a pure line predicate's answers until `forget_lines`: every rule walks the blocks, so the same
    question is asked of the same line many times while one document is cleaned."""
    remembered = lru_cache(maxsize=4096)(predicate)
    _MEMOS.append(remembered)
    return remembered


def forget_lines() -> None:
    """Empty the memos before a new document, so answers are shared within a document only and a run's speed
    never depends on its documents sharing lines."""
    for remembered in _MEMOS:
        remembered.cache_clear()


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SENTENCE_END = "。！？；!?;"
COMMAS = "，,、"
COLONS = "：:"
# Chinese numerals of dates; printed zeros are often a letter O, a digit 0 or a full-width/Greek look-alike (二O一一年,
# 二0一一年).
_CN_DIGITS = "〇○零一二三四五六七八九十OoΟＯ0"

# Sample documents on template sites leave the digits to fill in (20xx年4月23日, x年x月x日).
_BLANK = "[xX]"
DATE = (rf"(?:\d{{4}}|\d{{0,2}}{_BLANK}{{1,4}}|[{_CN_DIGITS}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}}|{_BLANK}{{1,2}})\s*月"
        rf"\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}}|{_BLANK}{{1,2}})\s*日")
DATE_LINE = re.compile(rf"^{DATE}$")
# The 成文日期 under a signature as damaged pages print it: a date line, or one whose 年月日 were lost in the
# crawl (20171116, 2024110), with a misprinted or missing unit (2018年10日11日, 2019年9月3, 20213月18), with its day
# left blank (2020年4月 日) or without its year's digits (年12月21日, 年八月二十八日: a site that drops every year).
# Only judged where a date closes a document.
CLOSING_DATE = re.compile(rf"^(?:{DATE}|(?:19|20)\d\d(?:年?\d{{1,2}}[月日]\d{{1,2}}日?|"
                          r"(?:1[0-2]|0?[1-9])(?:3[01]|[12]\d|0?[1-9])|年\d{1,2}月日)|"
                          rf"年(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})月(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})日)$")
ISO_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
# The year's brackets as sites print them: 〔〕, [] or () after NFKC, and the small or full-width forms of pages.
YEAR_OPEN, YEAR_CLOSE = "〔\\[(（【﹝［〖", "〕\\])）】﹞］〗"
# 发文字号, possibly printed in round brackets under the title ((皖政[2001]85号)), 号 also in its traditional form;
# an organ's code may carry a bracketed series (农计(示范)[2016]16号).
DOC_NUMBER = re.compile(rf"^[(（]?[{HAN}]{{1,14}}(?:[(（][{HAN}]{{1,6}}[)）])?\s*[{YEAR_OPEN}]\s*\d{{4}}\s*"
                        rf"[{YEAR_CLOSE}]\s*第?\s*\d+\s*[号號][)）]?$")
# A 发文字号 cut off after its year by the page (垫江府发〔20248) or without its brackets and 号 (某县政务公开202210):
# judged only among the head's lines.
_CUT_DOC_NUMBER = re.compile(rf"^[{HAN}]{{1,14}}(?:[{YEAR_OPEN}]\d{{4,6}}|(?:19|20)\d\d\d{{1,3}})$")
# What a table's cell says when it has nothing to say (applied to squeezed text).
EMPTY_CELL = re.compile(r"^(?:[/／\\—–-]|无|暂无|不涉及|不适用)$")
# 附件 label on a line of its own, above an attached document (附件, 附件2, 附件一：); applied to squeezed text.
ATTACHMENT_LABEL = re.compile(r"^附件[\d一二三四五六七八九十]*[:：]?$")
NOTE = re.compile(r"^[(（][^()（）]{2,40}[)）]$")
# The bullet a dump puts before each item of an HTML list (- 时间:2023-02-24, • 索引号:).
LIST_BULLET = re.compile(r"^(?:[-*]\s+|[•·●▪■◆◇◦]\s*)")
GENRES = ("通知", "通报", "决定", "意见", "办法", "规定", "细则", "方案", "计划", "规划", "要点", "总结", "报告", "请示",
          "批复", "函", "纪要", "公告", "通告", "命令", "决议", "公报", "条例", "章程", "须知", "指南", "制度", "名单",
          "安排", "预案", "清单", "目录", "说明", "讲话", "标准", "通讯录", "规则", "守则", "准则", "规程")

_CN_NUM = "一二三四五六七八九十百"
# Numbering markers of the four heading levels (GB/T 9704 7.3.3) and the 一是 run-in enumeration, ASCII or full-width.
MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^[{_CN_NUM}]+\s*、")),
    (2, re.compile(rf"^[(（]\s*[{_CN_NUM}]+\s*[)）]")),
    (4, re.compile(r"^[(（]\s*\d{1,2}\s*[)）]")),
    (3, re.compile(r"^\d{1,2}\s*(?:[.．](?!\d)|、)")),
    (5, re.compile(rf"^[{_CN_NUM}]+是")),
    # Rules and measures (办法, 规定, 章程) are divided into 第X章 and 第X节 (節) above their 第X条 (條) articles.
    (1, re.compile(rf"^第\s*[{_CN_NUM}零〇\d]+\s*章")),
    (2, re.compile(rf"^第\s*[{_CN_NUM}零〇\d]+\s*[节節]")),
)
# Every marker opens with one of these: most lines are rejected by this one test.
_MARKER_START = re.compile(rf"[{_CN_NUM}(（第\d]")
# An article of rules (第五条 …), or a section numbered in decimal outline (1.2 编制依据, 3.1.2) as 预案, 规划 and
# 标准 are: running text of a document even when cut short or listed in a table of contents.
ARTICLE = re.compile(rf"^(?:第\s*[{_CN_NUM}零〇\d]+\s*[条條]|\d{{1,2}}(?:\.\d{{1,2}})+\s*[{HAN}])")


@per_document
def marker_of(text: str) -> tuple[int, str] | None:
    """(level, literal marker) when the line starts with a heading numbering marker, else None."""
    if not _MARKER_START.match(text):
        return None
    for level, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            return level, m.group(0)
    return None


# How the names of issuing organs end (局, 委员会, 人民政府, 学校, 中心, 行政公署 …).
ORG_ENDINGS = ("局", "委", "办", "厅", "部", "处", "室", "院", "校", "园", "府", "会", "司", "中心", "所", "站", "队", "组",
               "大学", "中学", "小学", "馆", "社", "科", "股", "行", "团", "厂", "场", "总支", "台", "公署")


_ISSUER_MARK = re.compile(r"^[^:：]{3,30}文件$")


@per_document
def is_issuer_mark(text: str) -> bool:
    """发文机关标志: an organ's name followed by 文件 (国务院文件, 某某市教育局文件); not a section name (政府文件,
    部门文件) or a 第一篇:…文件 heading."""
    plain = squeeze(text)
    return bool(_ISSUER_MARK.match(plain)) and plain[:-2].endswith(ORG_ENDINGS)


def text_of(block: Block) -> str | None:
    """The text of a block the line rules can judge; None for tables, images and other structured blocks.
    Every rule asks this of every block (hundreds of times per notice), so the common one-run paragraph is read
    directly."""
    kind = type(block)
    if kind is Paragraph:
        runs = block.runs
        return (runs[0].text if len(runs) == 1 else block.text).strip()
    return block.text.strip() if kind is Heading or kind is Title else None


def is_head_number(text: str) -> bool:
    """A 发文字号 as a document's head prints it, whole or cut off (judged only among the head's lines)."""
    plain = squeeze(text)
    return bool(DOC_NUMBER.match(plain) or _CUT_DOC_NUMBER.match(plain))


@per_document
def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing lines that differ only in spacing."""
    return "".join(text.split())


@lru_cache(maxsize=None)
def _search_any(chars: str) -> Callable[[str], re.Match | None]:
    return re.compile(f"[{re.escape(chars)}]").search


def contains_any(text: str, chars: str) -> bool:
    """Whether `text` holds one of `chars`. A character class scans in C; going through a long line character
    by character in Python is what made the line rules slow."""
    return _search_any(chars)(text) is not None


def has_sentence_end(text: str) -> bool:
    return contains_any(text, SENTENCE_END)


@per_document
def is_sentence(text: str) -> bool:
    """Reads as running text: a finished sentence, or a comma-separated stretch. Length alone is not enough —
    page titles and menus can be long lines without any punctuation."""
    if contains_any(text, "。！？") or text.rstrip().endswith(("!", "?")):
        return True
    return contains_any(text, COMMAS + "；;") and len(squeeze(text)) >= 15


@per_document
def is_short_plain(text: str, limit: int = 40) -> bool:
    """A short line without sentence punctuation: the shape of menus, captions, link titles and labels."""
    return len(squeeze(text)) <= limit and not has_sentence_end(text) and "," not in text and "，" not in text


@per_document
def is_menu(text: str) -> bool:
    """A row of links: items separated by bars, or three or more short items separated by spaces."""
    core = text.strip().rstrip("|｜").rstrip()  # one trailing cell bar is left by a table layout, not a menu
    items = core.split()
    return "|" in core or "｜" in core or (len(items) >= 3 and all(len(t) <= 6 for t in items))


# A qualifier printed after a genre name: 办法（试行）, 规定(暂行), 方案（征求意见稿）.
_QUALIFIER = re.compile(r"[(（](?:试行|暂行|修订|修订稿|草案|征求意见稿|送审稿)[)）]$")


@per_document
def names_genre(text: str) -> bool:
    """The line ends with the name of a document genre (通知, 工作要点, 总结 …), possibly in brackets/quotes or
    followed by a qualifier such as （试行）."""
    core = _QUALIFIER.sub("", simplified(squeeze(text)).rstrip("》」”\"'")).rstrip("）)》」”\"'")
    return core.endswith(GENRES)  # squeezed: titles print their genre letter-spaced (…的 通 知)


def says_about(text: str) -> bool:
    """Contains 关于 (the subject of a title), in simplified or traditional print."""
    return any(word in text for word in ("关于", "關于", "關於"))


# A tab or link label of a page (相关办事指南, 相关解读): 相关 and a few characters, alone on its line.
TAB_LABEL = re.compile(rf"^相关[{HAN}]{{2,5}}$")
_TWO_HAN = re.compile(f"[{HAN}][^{HAN}]*[{HAN}]")
_ATTACHMENT_LEAD = re.compile(r"^附\s*件\s*\d*\s*[:：]")
# A listing site's headline: a title in square brackets with the site's keyword after it ([…致家长的一封信] 双节放假).
_TAGGED_HEADLINE = re.compile(r"^[\[【].{8,}[\]】].{1,8}$")


@per_document
def is_title_shaped(text: str) -> bool:
    """Could be a document title: one short line of Chinese, no sentence punctuation, no numbering marker, not a
    date, not a site's tagged headline."""
    plain = squeeze(text)
    return (4 <= len(plain) <= 80 and bool(_TWO_HAN.search(plain)) and not has_sentence_end(text)
            and not text.endswith(tuple(COLONS)) and not is_menu(text) and not _ATTACHMENT_LEAD.match(text)
            and marker_of(text) is None and not CLOSING_DATE.match(plain) and not ISO_DATE.match(text)
            and not DOC_NUMBER.match(plain) and not ARTICLE.match(plain) and not _TAGGED_HEADLINE.match(plain))


# How a notice to the public or to people addresses them (广大市民群众：, 各位家长：, 同学们：, 各用水户：).
_PUBLIC = ("同志", "位", "门", "群众", "市民", "居民", "村民", "朋友", "家长", "师生", "职工", "员工", "们", "户")
_LEAD_IN = re.compile(r"如下$|现将|根据|为了|按照|通知$")


@per_document
def is_addressee(text: str) -> bool:
    """主送机关: organisations separated by 、/，, or a salutation (尊敬的家长), ending in a colon, with no finished
    sentence."""
    plain = squeeze(text)
    if not plain.endswith(tuple(COLONS)) or len(plain) > 200 or contains_any(plain, "。！？"):
        return False
    if marker_of(text) is not None:
        return False
    body = plain.rstrip("：:")
    if _LEAD_IN.search(body):  # a lead-in sentence ('现将有关事项通知如下：')
        return False
    return contains_any(body, COMMAS) or body.startswith(("各", "尊敬的", "亲爱的", "广大", "全体")) \
        or body.endswith(ORG_ENDINGS + _PUBLIC)  # 尊敬的家长： opens a school's letter to parents


_THREE_DIGITS = re.compile(r"\d{3}")


@per_document
def is_signature(text: str) -> bool:
    """An issuing organ's name on a line of its own: short, no punctuation besides brackets and 、, ending like an
    organ (several organs of a joint notice may share the line)."""
    plain = squeeze(text)
    return (2 <= len(plain) <= 40 and simplified(plain.rstrip("）)")).endswith(ORG_ENDINGS)
            and not contains_any(plain, SENTENCE_END + "，,：:") and marker_of(text) is None
            and not DATE_LINE.match(plain) and not _THREE_DIGITS.search(plain))
