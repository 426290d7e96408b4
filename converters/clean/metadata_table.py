"""The 信息公开 metadata table (索引号, 发布机构, 文号, 成文日期 …), labelled or reduced to bare values.

The table is site chrome, but its values describe the document (the 文号 may exist nowhere else), so they go
into `metadata.site`, and the ones with a place in the layout into their fields.
"""
from __future__ import annotations

import re

from ..model import Document
from ..options import ReadOptions
from .removal import drop
from .script import simplified
from .shape import (DOC_NUMBER, ISO_DATE, LIST_BULLET, ORG_ENDINGS, contains_any, has_sentence_end, names_genre,
                    per_document, squeeze, text_of)

_LABELS = ("索引号", "主题分类", "主题词", "文号", "发文字号", "发布机构", "发文机关", "发布单位", "公开方式", "公开形式",
           "公开范围", "公开时限", "成文日期", "发文日期", "发布日期", "生成日期", "公开日期", "组配分类", "体裁分类",
           "服务对象分类", "信息分类", "信息类别", "内容分类", "有效性", "时效性", "效力状态", "统一编号", "名称", "标题",
           "发文机构", "来源", "信息来源", "有效期", "关键词", "内容概述", "分类", "机构分类", "行业分类", "公文类型",
           "公文种类", "文种", "公文生成日期")
# A label may be spaced out (名　　称), follow a list bullet (• 索引号:), and is followed by a colon or by
# whitespace before its value.
_LABEL = re.compile(r"(?:[\u4e00-\u9fff]{1,4}[/／])?("  # a combined field (备注/文号) is known by its last label
                    + "|".join(r"\s*".join(label) for label in _LABELS) + r")(?:\s*[:：]|\s+|$)")


def drop_metadata_table(doc: Document, options: ReadOptions) -> None:
    """Labelled table lines (a run of them, or a line with two labels) and runs of unlabelled table values."""
    found: dict[int, list[tuple[str, str]]] = {}
    for i, block in enumerate(doc.blocks):
        text = text_of(block) or ""
        pairs = _labelled_pairs(LIST_BULLET.sub("", text))
        if pairs:
            found[i] = pairs
        elif i - 1 in found and _awaits_value(found[i - 1]) and _value_line(found[i - 1][-1][0], text):
            value = text.lstrip("：: ")  # the value, on the line under its label (：value)
            found[i] = [(found[i - 1][-1][0], value)]
            found[i - 1] = found[i - 1][:-1]
    table = {i for i, pairs in found.items() if len(pairs) >= 2 or i - 1 in found or i + 1 in found}
    for i in sorted(table):
        for label, value in found[i]:
            _store(doc, label, value)
    drop(doc, table, "信息公开 metadata table", "drop_metadata_table")
    values = _unlabelled_run(doc)
    for i in values:
        value = text_of(doc.blocks[i]) or ""
        label = _infer_label(value) or "未标注"
        same = sum(1 for known in doc.metadata.site if known.rstrip("0123456789") == label)
        _store(doc, f"{label}{same + 1}" if same else label, value)
    drop(doc, values, "信息公开 metadata values (unlabelled)", "drop_metadata_table")


def _labelled_pairs(text: str) -> list[tuple[str, str]]:
    """[(label, value)] when the line is made only of label/value pairs, else []. Most lines do not open
    with a label, and only those are searched further."""
    folded = simplified(text)  # labels in traditional print (文號, 索引號); values are cut from `text` itself
    first = _LABEL.match(folded)
    if first is None or has_sentence_end(text) or len(text) > 200:
        return []
    matches = [first, *_LABEL.finditer(folded, first.end())]
    pairs = []
    for m, nxt in zip(matches, matches[1:] + [None]):
        value = text[m.end():nxt.start() if nxt else len(text)].strip(" \t|｜")  # cells of a `|` row
        pairs.append((squeeze(m.group(1)), value))
    return pairs


def _awaits_value(pairs: list[tuple[str, str]]) -> bool:
    return bool(pairs) and pairs[-1][1] == ""


# The value of a date field starts with its year (2017-06-28, 2017年06月28日).
_DATE_VALUE = re.compile(r"^\d{4}\s*[-/.年]")


def _value_line(label: str, text: str) -> bool:
    """`text` can be the value of `label` printed on the next line: short, no sentence, a date under a date label,
    a document number only under a number label and a title only under a title label — so an empty field at the
    end of the table (成文日期：, 有效性：) does not take the document's number or title below it."""
    value = text.lstrip("：: ")
    words = label in ("主题词", "关键词")  # keywords are separated by ; as often as by spaces
    if not 0 < len(squeeze(text)) <= 40 or has_sentence_end(value.replace(";", " ") if words else value):
        return False
    if label.endswith("日期"):
        return bool(_DATE_VALUE.match(value))
    if DOC_NUMBER.match(squeeze(value)):
        return label in ("文号", "发文字号")
    return label in ("标题", "名称", "公文类型", "公文种类", "文种") or not names_genre(value)


_NONE = ("无", "暂无", "空", "-", "—", "/")  # a 文号 field saying the document has none


def _store(doc: Document, label: str, value: str) -> None:
    meta = doc.metadata
    if value and not meta.site.get(label):
        meta.site[label] = value
    if not value:
        meta.site.setdefault(label, value)
        return
    if label in ("文号", "发文字号") and not meta.doc_number and value not in _NONE:
        meta.doc_number = value
    elif label in ("发布机构", "发文机关", "发文机构", "发布单位") and not meta.issuer:
        meta.issuer = value
    elif label in ("发布日期", "公开日期") and not meta.publish_date:
        meta.publish_date = value


# A code with a digit somewhere; the digit is looked for among the code's own characters, so that a line of
# text fails at its first character instead of being scanned to its end.
_INDEX = re.compile(r"^(?=[0-9A-Za-z/-]*\d)[0-9A-Za-z]{6,}[-/][0-9A-Za-z/-]+$")
_STRONG = (("索引号", _INDEX), ("公开方式", re.compile(r"^(?:主动公开|依申请公开|不予公开|部门公开)$")),
           ("公开范围", re.compile(r"^面向(?:全)?(?:社会|公众)$")),
           ("有效性", re.compile(r"^(?:有效|失效|废止|已废止|现行有效|部分失效)$")), ("日期", ISO_DATE))


@per_document
def _infer_label(value: str) -> str | None:
    if len(value) > 20 and contains_any(value, "，。"):
        return None  # running text: no value below is both longer than 20 characters and holds a comma or full stop
    if DOC_NUMBER.match(squeeze(value)):
        return "文号"
    for label, pattern in _STRONG:
        if pattern.match(value):
            return label
    if "/" in value and len(value) <= 20:
        return "主题分类"
    if value.endswith(ORG_ENDINGS) and len(value) <= 24:  # 某某市生态环境局某某开发区分局
        return "发布机构"
    return None


def _value_like(text: str) -> bool:
    if _infer_label(text):
        return True
    plain = squeeze(text)
    return len(plain) <= 8 and not has_sentence_end(text) and not names_genre(text) and not plain.endswith(("：", ":"))


def _strong_kind(text: str) -> str | None:
    label = _infer_label(text)
    return label if label in ("文号", "索引号", "公开方式", "公开范围", "有效性", "日期") else None


def _unlabelled_run(doc: Document) -> list[int]:
    """The first run of value-shaped lines holding at least three table values of two kinds or more."""
    run: list[int] = []
    texts = [text_of(block) for block in doc.blocks]
    for i, text in enumerate(texts + [None]):
        if text and _value_like(text):
            run.append(i)
            continue
        if len(run) >= 3:  # three kinds of value need three lines
            kinds = [k for k in (_strong_kind(texts[j] or "") for j in run) if k]
            if len(kinds) >= 3 and len(set(kinds)) >= 2:
                return run
        run = []
    return []
