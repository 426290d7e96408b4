"""Document parts with a fixed place in the GB/T 9704 layout, moved from the flow into `Metadata`.

Title, 发文字号, 发文机关标志, 主送机关 sit at the head; 附件说明, 署名, 成文日期, 附注 close the body; 抄送 and
the 印发 line form the 版记 at the very end. Writers place them by the layout, so they leave `blocks`.
Moving a part is not a removal: its text lives on in the metadata.
"""
from __future__ import annotations

import re
from itertools import islice

from ..model import Attachment, Document, ListBlock, Table, Title
from ..options import ReadOptions
from .shape import (ARTICLE, ATTACHMENT_LABEL, CLOSING_DATE, DATE, DATE_LINE, HAN, LIST_BULLET, NOTE, ORG_ENDINGS,
                    SENTENCE_END, TAB_LABEL, YEAR_CLOSE, YEAR_OPEN, contains_any, has_sentence_end, is_addressee,
                    is_head_number, is_issuer_mark, is_sentence, is_signature, is_title_shaped, marker_of, names_genre,
                    per_document, says_about, squeeze, text_of)

_PRINTED = re.compile(rf"^(?P<org>\S.*?)\s*(?P<date>{DATE})\s*印\s*发$")
_CC = re.compile(r"^抄\s*送\s*[:：]\s*")
_ATTACH_LABEL = re.compile(r"^附\s*件\s*\d*\s*[:：]\s*")
_SIGNED_DATE = re.compile(rf"^(?P<org>\S.*?)\s*(?P<date>{DATE})$")  # flattened pages may glue them
_ATTACH_ITEM = re.compile(r"^\d{1,2}\s*[.．、]\s*")
_NUMBERED_LABEL = re.compile(r"^附\s*件\s*\d+\s*[:：]")
_QUOTED = re.compile(r"《[^《》]*》")
_NUMBER_IN_LINE = re.compile(rf"(?:^|(?<=[(（\s]))([{HAN}]{{1,14}}[{YEAR_OPEN}]\d{{4}}[{YEAR_CLOSE}]第?\d+[号號])")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def is_anchor(block) -> bool:
    """A block that can only belong to a document: running text, an addressee, a numbered heading, a table."""
    text = text_of(block)
    if text is None:
        return isinstance(block, (Table, ListBlock))
    return _anchor_line(text)


@per_document
def _anchor_line(text: str) -> bool:
    """A line only a document has; asked of the same lines by several rules."""
    return is_sentence(text) or is_addressee(text) or (marker_of(text) is not None and len(squeeze(text)) > 3) \
        or bool(ARTICLE.match(text)) or bool(_ROSTER.match(text))


# A row of a leading group's roster (组  长:某某   区委常委、宣传部部长 / 吴  玮   区外宣办主任): a name, a run of
# spaces, a post ending like one.
_POSTS = ("主任|组长|部长|书记|局长|科长|处长|队长|所长|院长|校长|站长|委员|主席|经理|干事|成员|负责人|社长|行长|厅长|"
          "司长|县长|市长|区长|乡长|镇长|秘书长|专员|馆长|园长|主管")
_ROSTER = re.compile(rf"^(?:[{HAN}](?:\s*[{HAN}]){{1,3}}\s*[:：]\s*)?[{HAN}](?:\s*[{HAN}]){{1,3}}\s{{2,}}"
                     rf"[^\s，,。；;]{{1,30}}(?:{_POSTS})$")


def locate_title(blocks: list, headlines: list[str] = ()) -> tuple[int, int] | None:
    """(first, last) index of the title: the title-shaped line(s) just above the document's head, preferring one
    that names a genre (…的通知, 工作要点) or starts with 关于; a title broken over two or three lines is joined. Site
    fields may stand between a title and its body, so a named title is also looked for further up. `headlines`:
    lines already taken out as the page's, which can still show how the title's lines join."""
    head = document_head(blocks)
    if head is None:
        return None
    last = _title_line(blocks, range(max(0, head - 6), head))
    if last is None:
        last = _title_line(blocks, range(max(0, head - 12), head), named_only=True)
    if last is None:
        return None
    tail = text_of(blocks[last + 1]) or "" if last + 1 < head else ""
    if names_genre(squeeze(tail)) and len(squeeze(tail)) <= 8 and (tail.startswith("的") or " " in tail.strip()):
        last += 1  # …方案》 / 的通知, or a genre printed letter-spaced on its own line (…细化措施的 / 通 知)
    first = last
    lower = text_of(blocks[last]) or ""
    if not says_about(_QUOTED.sub("", lower)):
        for top in (last - 1, last - 2):  # a title broken over two or three lines
            upper = [text_of(b) or "" for b in blocks[max(top, 0):last]]
            if top < 0 or not all(_title_part(t, lower) for t in upper):
                break
            if says_about(upper[0]) or upper[0].lstrip().startswith(_FORWARDS):  # 关于… / 转发…
                first = top
                break
        above = text_of(blocks[last - 1]) or "" if last > 0 else ""
        if first == last and _genre_only(lower) and _title_part(above, lower) and len(squeeze(above)) >= 8 \
                and not above.endswith((")", "）", "]", "】")):  # a line closed by a remark is a headline of its own
            first = last - 1
    opening = (text_of(blocks[first]) or "").lstrip()
    if says_about(opening[:2]) or opening.startswith(_FORWARDS) and first < last:  # 转发… broken over lines
        # The issuing organ on a line of its own (济宁市人民政府 / 关于…的实施意见); joint issuers stack one per line.
        organs = 0
        while first > 0 and organs < _JOINT_ORGANS and is_signature(text_of(blocks[first - 1]) or ""):
            first, organs = first - 1, organs + 1
        upper = text_of(blocks[first - 1]) or "" if first > 0 else ""
        if not organs and upper.rstrip().endswith(_FORWARDS) and _title_shaped(upper):
            first -= 1  # 某某市人民政府 某某法院印发 / 关于…的意见的通知
    elif first == last and first > 0 and is_signature(text_of(blocks[first - 1]) or "") and \
            (_SUB_ORGAN.match(text_of(blocks[first]) or "") or _headline_joins(blocks, first - 1, first, headlines)):
        first -= 1  # an organ's name over the rest of a title (某某人民代表大会 / 常务委员会机关公文处理办法), or a
        # headline above prints the two lines as one
    return first, last


_JOINT_ORGANS = 4  # organ lines stacked above a 关于… title line (a joint document's issuers)
_FORWARDS = ("印发", "转发", "批转")  # the organs' verb ending the line above a 关于… title line
# A title line opening with the lower part of an organ whose upper part ends the line above.
_SUB_ORGAN = re.compile(r"^\s*(?:常务委员会|常委会|委员会|办公室|办公厅|人民政府|党组|机关)")


def _headline_joins(blocks: list, upper: int, lower: int, headlines: list[str]) -> bool:
    """A line above `upper`, or one of `headlines`, is the two lines `upper` and `lower` joined."""
    joined = squeeze((text_of(blocks[upper]) or "") + (text_of(blocks[lower]) or ""))
    above = [text_of(b) or "" for b in blocks[max(0, upper - 8):upper]]
    return any(squeeze(line) == joined for line in [*above, *headlines])


def _title_part(text: str, lower: str) -> bool:
    """An upper line of a broken title: title-shaped, naming no genre unless inside a book title (《…方案》) or
    unless the title's last line cannot stand alone (关于印发…三年行动计划 / （2023—2025年）的通知)."""
    return _title_shaped(text) and (not names_genre(text) or text.rstrip().endswith(("》", "〉"))
                                    or lower.lstrip().startswith(_CONTINUATION) or bool(_ISSUES.match(text)))


# The upper line of a title that issues or forwards a document names that document's genre (关于印发…工作要点 /
# 任务分解表的通知).
_ISSUES = re.compile(rf"^\s*(?:关于)?(?:{'|'.join(_FORWARDS)})")


# How the last line of a broken title starts when it carries on the line above: a bracketed period or qualifier
# of the named document, or the 的 before the genre.
_CONTINUATION = ("(", "（", "的", "》")


def _genre_only(text: str) -> bool:
    """A last title line that is nothing but a genre phrase (绩效评价报告, 实施方案): it names no subject, so the
    line above belongs to the title even without 关于."""
    return names_genre(text) and len(squeeze(text)) <= 8 and not text.startswith(_CONTINUATION)


def document_head(blocks: list) -> int | None:
    """Where the document's body begins: its first anchor, or the addressee when one follows within the next
    anchors (a page's summary or notes can hold a sentence above the document's head)."""
    # Only the first few anchors matter; judging every block of a long document would make this quadratic.
    anchors = list(islice((i for i, b in enumerate(blocks) if is_anchor(b)), 4))
    if len(anchors) > 1 and anchors[1] == anchors[0] + 1 and _lists_names(text_of(blocks[anchors[0]]) or ""):
        anchors = anchors[1:]  # a title naming several places or units with 、, right above the body
    if not anchors:
        return None
    anchors = anchors[:3]
    addressed = next((i for i in anchors if is_addressee(text_of(blocks[i]) or "")), None)
    if addressed is None or _closed_between(blocks, anchors[0], addressed):
        return anchors[0]  # no addressee, or only that of another document printed below this one
    return addressed


def _closed_between(blocks: list, start: int, stop: int) -> bool:
    """A date line or another document's 发文机关标志 between `start` and `stop`: a document ends in between."""
    texts = [squeeze(text_of(b) or "") for b in blocks[start + 1:stop]]
    return any(CLOSING_DATE.match(t) or is_issuer_mark(t) for t in texts)


def _lists_names(text: str) -> bool:
    """Title-shaped, with 、 its only punctuation (县教育局到福集、嘉明检查学校开学工作)."""
    return _title_shaped(text) and not contains_any(text, "，,；;")


def _title_shaped(text: str) -> bool:
    return is_title_shaped(text) and not NOTE.match(text) and not TAB_LABEL.match(text) and not _UI_HINT.search(text)


# What a page or an article platform tells its reader to do (点击…, 需扫码在手机上打开, 长按识别): never a title.
_UI_HINT = re.compile(r"点击|扫码|扫一扫|长按|在手机上打开")


def _title_line(blocks: list, window: range, named_only: bool = False) -> int | None:
    shaped = [j for j in window if _title_shaped(text_of(blocks[j]) or "")]
    named = [j for j in shaped if names_genre(text_of(blocks[j])) or says_about(text_of(blocks[j])[:2])]
    if named:
        return named[-1]
    # Menu items are shorter; a stamp (创建于09-19, 阅读 2969) is mostly digits.
    long_enough = [j for j in shaped if len(squeeze(text_of(blocks[j]))) >= 8 and _han_count(text_of(blocks[j])) >= 6]
    return long_enough[-1] if long_enough and not named_only else None


_HAN_CHAR = re.compile(f"[{HAN}]")


def _han_count(text: str) -> int:
    return len(_HAN_CHAR.findall(text))


def find_title(doc: Document, options: ReadOptions) -> None:
    """The title moves to metadata.title (a reader's Title block too). When a reader already set the title, the
    same line in the flow goes; a different one stays where it is."""
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Title):
            if not doc.metadata.title or squeeze(doc.metadata.title) == squeeze(block.text):
                doc.metadata.title = doc.metadata.title or block.text.strip()
                del doc.blocks[i]
            return
    span = locate_title(doc.blocks, [r.text for r in doc.removed])
    if span is None:
        return
    first, last = span
    # • 关于…的通知, or …的通知 | with the bar a table layout leaves after it
    text = LIST_BULLET.sub("", "".join(text_of(b) or "" for b in doc.blocks[first:last + 1])).rstrip("|｜ ")
    if doc.metadata.title and squeeze(doc.metadata.title) != squeeze(text):
        return
    doc.metadata.title = doc.metadata.title or text
    del doc.blocks[first:last + 1]


def _doc_number_key(text: str) -> str:
    """发文字号 for comparison: dumps print the year's 〔〕 as [] or (), so brackets are unified."""
    return re.sub(rf"[{YEAR_OPEN}]\s*(\d{{4}})\s*[{YEAR_CLOSE}]", r"〔\1〕", squeeze(text))


def find_doc_number(doc: Document, options: ReadOptions) -> None:
    """发文字号 and 发文机关标志 (…文件) printed above the body."""
    moved = []
    for i, block in enumerate(doc.blocks[:10]):
        text = text_of(block) or ""
        if is_anchor(block):
            break
        if is_head_number(text):
            for label in [k for k, v in doc.metadata.site.items() if _doc_number_key(v) == _doc_number_key(text)]:
                del doc.metadata.site[label]  # printed in the document itself, not only in the site's table
            doc.metadata.doc_number = text
            moved.append(i)
        elif is_issuer_mark(text) and not doc.metadata.issuer_mark:
            doc.metadata.issuer_mark = text
            moved.append(i)
    for i in reversed(moved):
        del doc.blocks[i]


def find_headline_number(doc: Document, options: ReadOptions) -> None:
    """发文字号 printed only in the page's headline or in the title line (凌政办发[2020]35号凌海市…的通知,
    …的通知（岳办发〔2017〕2号）), when the document itself prints none: the headline must end like the title."""
    meta = doc.metadata
    if meta.doc_number or not meta.title:
        return
    title = squeeze(meta.title)
    for text in [meta.title] + [r.text for r in doc.removed]:
        m = _NUMBER_IN_LINE.search(squeeze(text))
        rest = _NUMBER_IN_LINE.sub("", squeeze(text)).strip("()（）《》")
        if m and len(rest) >= 8 and rest[-8:] in title:
            meta.doc_number = m.group(1)
            return


def find_addressee(doc: Document, options: ReadOptions) -> None:
    """主送机关: the document's first anchor when it is a list of organisations ending in a colon, or — under a
    title — the first line when it is a short name ending in a colon (全体师生：) or a list of organisations
    printed without its colon."""
    for i, block in enumerate(doc.blocks):
        text = text_of(block) or ""
        under_title = i == 0 and doc.metadata.title and (_is_short_label(text) or _lists_organs(text))
        if is_anchor(block) or under_title:
            if (is_addressee(text) or under_title) and not doc.metadata.addressee:
                doc.metadata.addressee = text
                del doc.blocks[i]
            return


def _lists_organs(text: str) -> bool:
    """Two or more organisations separated by commas, each ending like one (…管委会，各乡镇人民政府（街道办事处），
    市直有关单位), and nothing else; in a longer list (three or more) most items are enough, as sectors and
    trades stand among the organs (市直各部门、森工、监狱所、供热企业)."""
    if has_sentence_end(text) or text.rstrip().endswith(("：", ":")):
        return False
    items = [_BRACKETED.sub("", item) for item in re.split(r"[，,、]", squeeze(text)) if item]
    organs = sum(1 for item in items if item.endswith(_ADDRESSED))
    if len(items) < 2 or any(len(item) > 20 for item in items):
        return False
    return organs == len(items) or len(items) >= 3 and 2 * organs > len(items)


_ADDRESSED = ORG_ENDINGS + ("单位", "部门", "机构", "企业")


def _is_short_label(text: str) -> bool:
    plain = squeeze(text)
    return 2 < len(plain) <= 30 and plain.endswith(("：", ":")) and not has_sentence_end(plain) \
        and marker_of(text) is None and not re.search(r"[:：].", plain)


def _printed(text: str) -> re.Match | None:
    """A 印发 line; its ending is tested first, as the lazy organ group makes the pattern slow on long lines."""
    return _PRINTED.match(text) if text.endswith(("发", "发\n")) else None


def find_printed_by(doc: Document, options: ReadOptions) -> None:
    """The 印发 line of the 版记: organ, date, 印发 → printed_by and print_date."""
    for i in range(len(doc.blocks) - 1, max(-1, len(doc.blocks) - 8), -1):
        m = _printed(text_of(doc.blocks[i]) or "")
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
    return (bool(nxt) and not value.endswith(("。", ".")) and not _printed(nxt)
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
            following = text_of(sub.blocks[i + 1]) or "" if i + 1 < len(sub.blocks) else ""
            if _NUMBERED_LABEL.match(text) and _NUMBERED_LABEL.match(following):
                break  # 附件1：… 附件2：…, a label per line: writers could not print them as they stand
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
        lines = [text_of(b) or "" for b in blocks]
        dates = [i for i, line in enumerate(lines) if CLOSING_DATE.match(squeeze(line)) or signed_date(line)]
        signed = [i for i in dates if signed_date(lines[i]) or i > 0 and is_signature(lines[i - 1])]
        # A date at the end, or at the end of the covering notice: an attached document follows its 附件 label.
        tail = [i for i in dates if i >= len(blocks) - 2 or ATTACHMENT_LABEL.match(squeeze(lines[i + 1]))
                or _before_attached(lines, i)]
        if signed or tail:
            _take_closing(sub, (signed or tail)[-1])
        elif not dates:
            _take_undated_closing(sub)


def _before_attached(lines: list[str], i: int) -> bool:
    """The date at `i` closes a covering notice whose attached document follows without a 附件 label: a body
    sentence above it, a title-shaped line below it."""
    return 0 < i < len(lines) - 1 and lines[i - 1].rstrip().endswith("。") and is_title_shaped(lines[i + 1])


def signed_date(text: str) -> re.Match | None:
    """'organ date' on one line; the organ must end like one (局, 委员会, 学校 …), not like an article title."""
    if not text.endswith("日"):  # cheap test first: the lazy organ group makes the pattern slow on long lines
        return None
    m = _SIGNED_DATE.match(text)
    return m if m and is_signature(m.group("org")) else None


def _signature_lines(blocks: list, d: int) -> list[int]:
    """The organ lines above the date at `d`: the organs of a joint notice may stand one per line (up to three);
    a longer run of organ-like lines is a list in the body, and only its last line is the signature."""
    run = []
    i = d - 1
    while i >= 0 and is_signature(text_of(blocks[i]) or ""):
        run.insert(0, i)
        i -= 1
    if len(run) == 1 and i >= 0 and _organ_name_start(text_of(blocks[i]) or "", text_of(blocks[run[0]]) or ""):
        return [i, run[0]]
    return run if len(run) <= 3 else run[-1:]


# The first half of a long organ name broken over two lines (海曙区新型冠状病毒感染的 / 肺炎疫情防控工作指挥部):
# it opens with a place (某某县, 某某区) or 中共 and ends unlike an organ.
_PLACE_START = re.compile(rf"^(?:中共|[{HAN}]{{1,6}}?[省市县区州盟旗镇乡])")


def _organ_name_start(upper: str, organ: str) -> bool:
    plain = squeeze(upper)
    return bool(_PLACE_START.match(plain)) and len(plain) + len(squeeze(organ)) <= 40 \
        and not contains_any(plain, SENTENCE_END + "，,：:") and not names_genre(plain) and marker_of(plain) is None


def _take_undated_closing(doc: Document) -> None:
    """An organ's line right above the 附注 ((此件公开发布)) near the end is the signature even when the page lost
    the date (a date drawn as a picture or in a private font leaves '{ 2017 6 23')."""
    blocks = doc.blocks
    for n in range(len(blocks) - 1, max(0, len(blocks) - 3), -1):
        note, organ = text_of(blocks[n]) or "", text_of(blocks[n - 1]) or ""
        if NOTE.match(squeeze(note)) and is_signature(organ):
            doc.metadata.signature, doc.metadata.note = organ, note
            del blocks[n - 1:n + 1]
            return


def _take_closing(doc: Document, d: int) -> None:
    blocks, meta = doc.blocks, doc.metadata
    text = text_of(blocks[d]) or ""
    first, last = d, d
    inline = signed_date(text)
    if inline:
        meta.signature, meta.date = inline.group("org"), inline.group("date")
    else:
        meta.date = text
        organs = _signature_lines(blocks, d)
        if organs and not meta.signature:
            names = [text_of(blocks[i]) or "" for i in organs]
            joined = len(organs) == 2 and not is_signature(names[0])  # one name broken over two lines
            meta.signature, first = ("".join(n.strip() for n in names) if joined else "\n".join(names)), organs[0]
    note = text_of(blocks[d + 1]) if d + 1 < len(blocks) else None
    if note and NOTE.match(squeeze(note)):
        meta.note, last = note, d + 1
    del blocks[first:last + 1]
