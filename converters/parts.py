"""Document parts as body paragraphs: how they are printed, and how they are recognised when nothing states them.

The parts of a notice with a fixed place in the layout (主送, 附件, 署名, 成文日期, 附注, 抄送, 印发) live in
`Metadata`. Flat formats (Markdown, text) still print them as lines of the body, in reading order:

- head: the addressee, right after the title;
- tail: the 附件 lines, the signature, the date and the 附注, after the body blocks;
- end: the 抄送 line and the 印发 line, after everything else (embedded documents included).

`head`/`tail`/`end` build those lines as model paragraphs, so a writer renders them with its ordinary paragraph
code and a reader can find them again by comparing models. `find_head`/`find_tail`/`find_end` recognise the same
parts in a draft that does not state them: small, conservative patterns of the genre (a short line ending in a
colon after the title, a trailing signature/date pair, 附件： lines, 抄送：/印发 lines at the end).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markers import find_marker
from .model import Attachment, Block, Metadata, Paragraph, Run

ATTACHMENTS_LABEL = "附件："
CC_LABEL = "抄送："
PRINTED_SUFFIX = "印发"

_DIGIT_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_HAN_DATE = r"[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
_DATE = re.compile(rf"(?:{_DIGIT_DATE}|{_HAN_DATE})")
_SENTENCE_PUNCT = re.compile(r"[。；;！!？?，,]")
_LABELLED = re.compile(r"^(附件|抄送)\s*[：:]\s*")
_NOTE = re.compile(r"^[（(][^（()）]{1,40}[）)]$")
_NUMBERED = re.compile(r"^\d{1,2}\s*[.．、]")
_SHORT_LINE = 40


FIELDS = ("addressee", "attachments", "signature", "date", "note", "cc", "printed_by", "print_date")
END_FIELDS = ("cc", "printed_by", "print_date")  # recognised only at the end of the outer document


def missing(meta: Metadata, outer: bool) -> set[str]:
    """The parts a reader may still recognise in the body because the metadata does not state them."""
    return {name for name in FIELDS if not getattr(meta, name) and (outer or name not in END_FIELDS)}


def head(meta: Metadata) -> list[Paragraph]:
    return [_line(meta.addressee)] if meta.addressee else []


def tail(meta: Metadata) -> list[Paragraph]:
    lines = []
    for n, attachment in enumerate(meta.attachments):
        name = Run(attachment.name, href=attachment.url)
        lines.append(Paragraph([Run(ATTACHMENTS_LABEL), name] if n == 0 else [name]))
    lines += [_line(v) for v in (meta.signature, meta.date, meta.note) if v]
    return lines


def end(meta: Metadata) -> list[Paragraph]:
    lines = [_line(CC_LABEL + meta.cc)] if meta.cc else []
    if meta.printed_by or meta.print_date:
        lines.append(_line(" ".join(v for v in (meta.printed_by, meta.print_date) if v) + PRINTED_SUFFIX))
    return lines


def _line(text: str) -> Paragraph:
    return Paragraph([Run(text)])


@dataclass
class Found:
    """Parts recognised at one end of a block list: metadata values and how many blocks they took."""

    values: dict[str, object] = field(default_factory=dict)
    taken: int = 0


def _plain(block: Block) -> str | None:
    """The text of a paragraph that could be a part line (plain runs, no lead, no layout hint), else None."""
    if not isinstance(block, Paragraph) or block.lead_level is not None or block.align:
        return None
    if any(r.bold or r.italic for r in block.runs):
        return None
    return block.text.strip()


def _short_plain(text: str | None) -> bool:
    return bool(text) and len(text) <= _SHORT_LINE and not _SENTENCE_PUNCT.search(text) and not find_marker(text)[0]


def find_head(blocks: list[Block], missing: set[str]) -> Found:
    """An addressee: the first block, one short line ending in a colon that introduces no list (…如下：)."""
    found = Found()
    if "addressee" in missing and blocks:
        text = _plain(blocks[0])
        if (text and text[-1] in "：:" and len(text) <= 2 * _SHORT_LINE and not _SENTENCE_PUNCT.search(text)
                and "如下" not in text and not _LABELLED.match(text)):
            found.values["addressee"] = text
            found.taken = 1
    return found


def find_tail(blocks: list[Block], missing: set[str]) -> Found:
    """附件 lines, signature, date and 附注 at the end of a document's own blocks (before embedded documents)."""
    texts = [_plain(b) for b in blocks]
    found, i = Found(), len(texts)
    if "note" in missing and i >= 2 and texts[i - 1] and _NOTE.match(texts[i - 1]) and _is_date(texts[i - 2]):
        found.values["note"] = texts[i - 1]
        i -= 1
    if {"signature", "date"} <= missing and i >= 2 and _is_date(texts[i - 1]) and _short_plain(texts[i - 2]) \
            and not _is_date(texts[i - 2]) and not _LABELLED.match(texts[i - 2] or ""):
        found.values["signature"], found.values["date"] = texts[i - 2], texts[i - 1]
        i -= 2
    elif "note" in found.values:  # a parenthesised line is a 附注 only after the signature/date pair
        del found.values["note"]
        i += 1
    if "attachments" in missing:
        j = i
        while j > 0 and texts[j - 1] and _NUMBERED.match(texts[j - 1]) and not _SENTENCE_PUNCT.search(texts[j - 1][2:]):
            j -= 1
        if j > 0 and texts[j - 1] and texts[j - 1].startswith(("附件：", "附件:")):
            first = _LABELLED.sub("", texts[j - 1])
            found.values["attachments"] = [Attachment(t) for t in [first, *texts[j:i]] if t]
            i = j - 1
    found.taken = len(blocks) - i
    return found


def find_end(blocks: list[Block], missing: set[str]) -> Found:
    """The 印发 line (organ, date, 印发) and the 抄送 line before it, at the very end of the document."""
    texts = [_plain(b) for b in blocks]
    found, i = Found(), len(texts)
    last = texts[i - 1] if i else None
    if {"printed_by", "print_date"} <= missing and last and last.endswith(PRINTED_SUFFIX) and len(last) <= 2 * _SHORT_LINE:
        date = _DATE.search(last)
        if date:
            found.values["printed_by"] = last[:date.start()].strip() or None
            found.values["print_date"] = date.group()
            i -= 1
    if "cc" in missing and i and texts[i - 1] and texts[i - 1].startswith(("抄送：", "抄送:")):
        found.values["cc"] = _LABELLED.sub("", texts[i - 1])
        i -= 1
    found.taken = len(blocks) - i
    return found


def _is_date(text: str | None) -> bool:
    return bool(text) and bool(_DATE.fullmatch(text))
