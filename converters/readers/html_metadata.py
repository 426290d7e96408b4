"""Site metadata of a saved page: <head> tags, the 信息公开 table, page-info lines, and title candidates.

Government portals print the document's 索引号/发布机构/文号/成文日期 in a labelled table or line beside the
text, and often only there (the 文号 of many notices appears nowhere else). Labels come with stray spaces
(`文      号:`), with or without a colon, with the value in the same cell or the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..clean.shape import DOC_NUMBER, HAN, names_genre, squeeze
from .html_text import CJK, collapse, strip, text_content

LABELS = ("索引号", "信息索引号", "发布机构", "发文机关", "发文单位", "发布单位", "制发机关", "公开主体", "文号", "发文字号",
          "文件编号", "发文文号", "成文日期", "发文日期", "印发日期", "发布日期", "发布时间", "公开日期", "生成日期",
          "更新时间", "主题分类", "组配分类", "体裁分类", "服务对象分类", "信息分类", "主题词", "关键词", "公开方式",
          "公开范围", "公开时限", "有效性", "时效性", "效力状况", "信息来源", "来源", "文章来源", "作者", "责任编辑",
          "浏览次数", "点击数", "访问量", "阅读次数", "所属机构", "标题", "名称", "题名", "生效日期", "废止日期", "实施日期")
DOC_NUMBER_LABELS = ("文号", "发文字号", "文件编号", "发文文号")
PUBLISH_LABELS = ("发布日期", "发布时间", "公开日期")
ISSUER_LABELS = ("发文机关", "发布机构", "发布单位", "制发机关")  # as the chain's metadata-table rule reads them
TITLE_LABELS = ("标题", "名称", "题名")
_LABEL_ALT = "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(LABELS, key=len, reverse=True))
_LABELLED = re.compile(rf"(?<![{HAN}])({_LABEL_ALT})\s*[:：]")
_BARE_LABEL = re.compile(rf"^(?:{_LABEL_ALT})$")
_VALUE_EDGE = " \t|｜丨/\u00a0\u3000"
_VALUE_END = re.compile(r"\s{2,}|[\u3000\u00a0]")  # page-info lines separate fields by wide spaces
# A metadata table has at least this many labelled cells.
TABLE_LABELS = 3
_TITLE_SPLIT = re.compile(r"\s*(?:[|｜_]|--|——|—|(?<!\d)-(?!\d))\s*|\s+")
TITLE_LENGTH = (4, 200)
_HEADINGS = frozenset(("h1", "h2", "h3"))
_COLUMN = "通知公告"  # the name of a site column, not a document's genre


@dataclass
class HeadInfo:
    """What the <head> says: <title>, named <meta> tags (names lower-cased), the page's URL and the base
    URL its links are relative to (<base href>, else the page's URL)."""

    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    base: str | None = None


def head_info(root: etree._Element) -> HeadInfo:
    """Read before pruning, which drops <meta> tags that sit in the body."""
    info = HeadInfo()
    title = next(root.iterdescendants("title"), None)
    if title is not None:
        info.title = strip(collapse(text_content(title)))
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        if not name or name in info.meta:
            continue  # http-equiv and charset tags, or a name already read: the first one wins
        content = strip(collapse(meta.get("content") or ""))
        if content:
            info.meta[name] = content
    canonical = _first_href(root, "link", "canonical")
    info.url = info.meta.get("url") or info.meta.get("og:url") or (canonical.strip() if canonical is not None else None)
    base = _first_href(root, "base")
    info.base = base.strip() if base and base.strip() else info.url
    return info


def _first_href(root: etree._Element, tag: str, rel: str | None = None) -> str | None:
    """href of the first `tag` element with one (and with rel=`rel` when given); lxml's tag filter walks in C."""
    for el in root.iter(tag):
        href = el.get("href")
        if href is not None and (rel is None or el.get("rel") == rel):
            return href
    return None


def labelled_values(lines: list[str]) -> dict[str, str]:
    """Label → value from metadata lines, first occurrence of each label winning; labels without spaces."""
    values: dict[str, str] = {}
    for i, line in enumerate(lines):
        if _BARE_LABEL.match(line) and i + 1 < len(lines):
            _keep(values, line, lines[i + 1])
            continue
        # a labelled value needs its colon: lines without one (most of a page's side text) are not searched
        matches = list(_LABELLED.finditer(line)) if ":" in line or "：" in line else []
        for j, match in enumerate(matches):
            end = matches[j + 1].start() if j + 1 < len(matches) else len(line)
            value = _VALUE_END.split(line[match.end():end].strip(_VALUE_EDGE), 1)[0]
            alone = len(matches) == 1 and not line[:match.start()].strip()
            if not value and alone and i + 1 < len(lines) and not _LABELLED.search(lines[i + 1]):
                value = lines[i + 1]
            _keep(values, match.group(1), value)
    return values


def _keep(values: dict[str, str], label: str, value: str) -> None:
    label, value = squeeze(label), strip(collapse(value)).strip(_VALUE_EDGE)
    if value and not _LABELLED.match(value) and not _BARE_LABEL.match(value) and label not in values:
        values[label] = value


def unlabelled_doc_number(lines: list[str]) -> str | None:
    """A line that is nothing but a 发文字号, as templates print it under the title."""
    return next((strip(line) for line in lines if DOC_NUMBER.match(squeeze(line))), None)


def metadata_tables(body: etree._Element) -> list[etree._Element]:
    """Innermost tables with at least TABLE_LABELS cells that are 信息公开 labels (or start with one)."""
    found = []
    for table in body.iter("table"):
        if table.find(".//table") is not None:
            continue
        cells = [strip(collapse(text_content(c))) for c in table.iter("td", "th")]
        if sum(1 for c in cells if _LABELLED.match(c) or _BARE_LABEL.match(c)) >= TABLE_LABELS:
            found.append(table)
    return found


def is_title_element(tag: str, classes: str | None, id_: str | None) -> bool:
    """<h1>–<h3>, or an element whose class or id holds `title` (or class `Title`)."""
    return (tag in _HEADINGS or classes is not None and ("title" in classes or "Title" in classes)
            or id_ is not None and "title" in id_)


def element_titles(elements: list[etree._Element]) -> list[str]:
    """Texts of the page's title elements (`is_title_element`, in page order) of plausible title length."""
    found = []
    for el in elements:
        text = strip(collapse(text_content(el)))
        if TITLE_LENGTH[0] <= len(text) <= TITLE_LENGTH[1] and text not in found and CJK.search(text):
            found.append(text)
    return found


def choose_title(head: HeadInfo, labelled: dict[str, str], elements: list[str], preceding: list[str]) -> str | None:
    """The page's best title: declared in <meta>/labels, else a title-shaped heading or element confirmed by
    <title>, else a title-shaped line printed just before the text (`preceding`), else a <title> segment."""
    for label in ("articletitle", "title", "og:title"):
        value = head.meta.get(label, "")
        if _plausible(value) and value != head.title:
            return value
    for label in TITLE_LABELS:
        if _plausible(labelled.get(label, "")):
            return labelled[label]
    page = re.sub(r"\s+", "", head.title)
    confirmed = [e for e in elements if re.sub(r"\s+", "", e) in page and looks_like_title(e)]
    if confirmed:
        return max(confirmed, key=len)
    titled = [e for e in elements + preceding[::-1] if looks_like_title(e)]
    if titled:
        return titled[0]
    segments = [s for s in _TITLE_SPLIT.split(head.title) if looks_like_title(s)]
    return max(segments, key=len) if segments else None


def looks_like_title(text: str) -> bool:
    """The shape of an official document's title: names a kind of document, or is 关于… ."""
    return _plausible(text) and (names_genre(text) and not text.endswith(_COLUMN) or "关于" in text)


def _plausible(text: str) -> bool:
    return TITLE_LENGTH[0] <= len(text) <= TITLE_LENGTH[1] and bool(CJK.search(text))
