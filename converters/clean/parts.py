"""Document parts with a fixed place in the GB/T 9704 layout, moved from the flow into `Metadata`.

Title, 发文字号, 发文机关标志, 主送机关 sit at the head; 附件说明, 署名, 成文日期, 附注 close the body; 抄送 and
the 印发 line form the 版记 at the very end. Writers place them by the layout, so they leave `blocks`.
Moving a part is not a removal: its text lives on in the metadata.
"""
from __future__ import annotations

import re

from ..model import Attachment, Document, ListBlock, Table, Title
from ..options import ReadOptions
from .shape import (DATE, DATE_LINE, DOC_NUMBER, NOTE, ORG_ENDINGS, has_sentence_end, is_addressee, is_sentence,
                    is_signature, is_title_shaped, marker_of, names_genre, squeeze, text_of)

_ISSUER_MARK = re.compile(r"^.{2,30}文件$")
_PRINTED = re.compile(rf"^(?P<org>\S.*?)\s*(?P<date>{DATE})\s*印\s*发$")
_CC = re.compile(r"^抄\s*送\s*[:：]\s*")
_ATTACH_LABEL = re.compile(r"^附\s*件\s*\d*\s*[:：]\s*")
_SIGNED_DATE = re.compile(rf"^(?P<org>\S.*?)\s+(?P<date>{DATE})$")
_ATTACH_ITEM = re.compile(r"^\d{1,2}\s*[.．、]\s*")


def is_anchor(block) -> bool:
    """A block that can only belong to a document: running text, an addressee, a numbered heading, a table."""
    text = text_of(block)
    if text is None:
        return isinstance(block, (Table, ListBlock))
    return is_sentence(text) or is_addressee(text) or (marker_of(text) is not None and len(squeeze(text)) > 3)


def locate_title(blocks: list) -> tuple[int, int] | None:
    """(first, last) index of the title: the title-shaped line(s) just above the first anchor, preferring one
    that names a genre (…的通知, 工作要点) or starts with 关于; a title broken over two lines is joined."""
    anchor = next((i for i, b in enumerate(blocks) if is_anchor(b)), None)
    if anchor is None:
        return None
    window = range(max(0, anchor - 6), anchor)
    shaped = [j for j in window if is_title_shaped(text_of(blocks[j]) or "") and not NOTE.match(text_of(blocks[j]))]
    named = [j for j in shaped if names_genre(text_of(blocks[j])) or text_of(blocks[j]).startswith("关于")]
    if named:
        last = named[-1]
    else:
        long_enough = [j for j in shaped if len(squeeze(text_of(blocks[j]))) >= 8]  # menu items are shorter
        if not long_enough:
            return None
        last = long_enough[-1]
    first = last
    previous = text_of(blocks[last - 1]) if last > 0 else None
    if previous and last - 1 in shaped and "关于" in previous and not names_genre(previous) \
            and "关于" not in text_of(blocks[last]):
        first = last - 1
    return first, last


def find_title(doc: Document, options: ReadOptions) -> None:
    """The title moves to metadata.title (a reader's Title block too). When a reader already set the title, the
    same line in the flow goes; a different one stays where it is."""
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Title):
            if not doc.metadata.title or squeeze(doc.metadata.title) == squeeze(block.text):
                doc.metadata.title = doc.metadata.title or block.text.strip()
                del doc.blocks[i]
            return
    span = locate_title(doc.blocks)
    if span is None:
        return
    first, last = span
    text = "".join(text_of(b) or "" for b in doc.blocks[first:last + 1])
    if doc.metadata.title and squeeze(doc.metadata.title) != squeeze(text):
        return
    doc.metadata.title = doc.metadata.title or text
    del doc.blocks[first:last + 1]


def _doc_number_key(text: str) -> str:
    """发文字号 for comparison: dumps print the year's 〔〕 as [] or (), so brackets are unified."""
    return re.sub(r"[〔\[(（【]\s*(\d{4})\s*[〕\])）】]", r"〔\1〕", squeeze(text))


def find_doc_number(doc: Document, options: ReadOptions) -> None:
    """发文字号 and 发文机关标志 (…文件) printed above the body."""
    moved = []
    for i, block in enumerate(doc.blocks[:10]):
        text = text_of(block) or ""
        if is_anchor(block):
            break
        if DOC_NUMBER.match(squeeze(text)):
            for label in [k for k, v in doc.metadata.site.items() if _doc_number_key(v) == _doc_number_key(text)]:
                del doc.metadata.site[label]  # printed in the document itself, not only in the site's table
            doc.metadata.doc_number = text
            moved.append(i)
        elif _ISSUER_MARK.match(squeeze(text)) and squeeze(text)[:-2].endswith(ORG_ENDINGS) \
                and not doc.metadata.issuer_mark:
            doc.metadata.issuer_mark = text
            moved.append(i)
    for i in reversed(moved):
        del doc.blocks[i]


def find_addressee(doc: Document, options: ReadOptions) -> None:
    """主送机关: the document's first anchor when it is a list of organisations ending in a colon, or — under a
    title — the first line when it is a short name ending in a colon (全体师生：)."""
    for i, block in enumerate(doc.blocks):
        text = text_of(block) or ""
        under_title = i == 0 and doc.metadata.title and _is_short_label(text)
        if is_anchor(block) or under_title:
            if (is_addressee(text) or under_title) and not doc.metadata.addressee:
                doc.metadata.addressee = text
                del doc.blocks[i]
            return


def _is_short_label(text: str) -> bool:
    plain = squeeze(text)
    return 2 < len(plain) <= 30 and plain.endswith(("：", ":")) and not has_sentence_end(plain) \
        and marker_of(text) is None and not re.search(r"[:：].", plain)


def find_printed_by(doc: Document, options: ReadOptions) -> None:
    """The 印发 line of the 版记: organ, date, 印发 → printed_by and print_date."""
    for i in range(len(doc.blocks) - 1, max(-1, len(doc.blocks) - 8), -1):
        m = _PRINTED.match(text_of(doc.blocks[i]) or "")
        if m:
            doc.metadata.printed_by = m.group("org").strip()
            doc.metadata.print_date = squeeze(m.group("date"))
            del doc.blocks[i]
            return


def find_cc(doc: Document, options: ReadOptions) -> None:
    """抄送 near the end; a value hard-wrapped over several lines is joined with no separator."""
    start = max(0, len(doc.blocks) - 10)
    for i in range(start, len(doc.blocks)):
        text = text_of(doc.blocks[i]) or ""
        if not _CC.match(text):
            continue
        value, end = _CC.sub("", text), i + 1
        while end < len(doc.blocks) and _continues(value, text_of(doc.blocks[end])):
            value += text_of(doc.blocks[end])
            end += 1
        if value:  # a bare '抄送：' label with nothing after it stays as printed
            doc.metadata.cc = value
            del doc.blocks[i:end]
        return


def _continues(value: str, nxt: str | None) -> bool:
    """`nxt` carries on a wrapped 抄送 value: the value is unfinished and the next line is a bare fragment."""
    return (bool(nxt) and not value.endswith(("。", ".")) and not _PRINTED.match(nxt)
            and not DATE_LINE.match(squeeze(nxt))
            and len(squeeze(nxt)) <= 60 and not has_sentence_end(nxt[:-1]) and marker_of(nxt) is None
            and not re.match(r"^.{1,6}[:：]", nxt))


def find_attachments(doc: Document, options: ReadOptions) -> None:
    """附件说明: 附件：1.名称 with further numbered names on the following lines → metadata.attachments.
    Writers number a list of several (1．2．…), so those names lose their printed number; a single name keeps
    whatever it was printed with."""
    for sub in doc.walk():
        for i, block in enumerate(sub.blocks):
            text = text_of(block) or ""
            if not _ATTACH_LABEL.match(text) or "。" in text or len(text) > 100:
                continue
            end = i + 1
            while end < len(sub.blocks) and _is_attachment_item(text_of(sub.blocks[end])):
                end += 1
            names = [n for n in [_ATTACH_LABEL.sub("", text)] + [text_of(b) for b in sub.blocks[i + 1:end]] if n]
            if len(names) > 1:
                names = [_ATTACH_ITEM.sub("", n) for n in names]
            if names:  # '附件：' alone and nothing numbered below is left as it is
                sub.metadata.attachments.extend(Attachment(n) for n in names)
                del sub.blocks[i:end]
            break


def _is_attachment_item(text: str | None) -> bool:
    return bool(text) and bool(_ATTACH_ITEM.match(text)) and "。" not in text and len(squeeze(text)) <= 60


def find_closing(doc: Document, options: ReadOptions) -> None:
    """署名 + 成文日期 (+ 附注) of each document: a date line under an organ's name (or after it on the same
    line, as flattened dumps print it), near the document's end."""
    for sub in doc.walk():
        if sub.metadata.date:
            continue
        blocks = sub.blocks
        texts = [squeeze(text_of(b) or "") for b in blocks]
        dates = [i for i, t in enumerate(texts) if DATE_LINE.match(t) or signed_date(text_of(blocks[i]) or "")]
        signed = [i for i in dates if signed_date(text_of(blocks[i]) or "")
                  or i > 0 and is_signature(text_of(blocks[i - 1]) or "")]
        tail = [i for i in dates if i >= len(blocks) - 2]
        if signed or tail:
            _take_closing(sub, (signed or tail)[-1])


def signed_date(text: str) -> re.Match | None:
    """'organ date' on one line; the organ must end like one (局, 委员会, 学校 …), not like an article title."""
    m = _SIGNED_DATE.match(text)
    return m if m and is_signature(m.group("org")) else None


def _take_closing(doc: Document, d: int) -> None:
    blocks, meta = doc.blocks, doc.metadata
    text = text_of(blocks[d]) or ""
    first, last = d, d
    inline = signed_date(text)
    if inline:
        meta.signature, meta.date = inline.group("org"), inline.group("date")
    else:
        meta.date = text
        if d > 0 and is_signature(text_of(blocks[d - 1]) or "") and not meta.signature:
            meta.signature, first = text_of(blocks[d - 1]), d - 1
    note = text_of(blocks[d + 1]) if d + 1 < len(blocks) else None
    if note and NOTE.match(squeeze(note)):
        meta.note, last = note, d + 1
    del blocks[first:last + 1]
