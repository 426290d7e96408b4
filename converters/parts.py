"""Document parts as body paragraphs: how they are printed, and how they are recognised when nothing states them.

The parts of a notice with a fixed place in the layout live in `Metadata`. Flat formats (Markdown) still print
them as lines of the body, in reading order, so the text is complete without the metadata:

- head: 发文机关标志, 发文字号 (unless only the site's table gave it), 主送机关 — right after the title;
- tail: the 附件 lines, 署名, 成文日期, 附注 — after the document's blocks;
- end: the 抄送 line and the 印发 line — after everything else (embedded documents included).

`head`/`tail`/`end` build those lines as model paragraphs, so a writer renders them with its ordinary paragraph
code and a reader can find them again. `find_head`/`find_tail`/`find_end` recognise the same parts in a draft
that does not state them, looking only at the ends of a block list; the line shapes are the cleaning chain's
(converters/clean/shape.py and clean/parts.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .clean.parts import _ATTACH_ITEM, _ATTACH_LABEL, _CC, _PRINTED
from .clean.shape import DATE_LINE, NOTE, is_addressee, is_signature, squeeze
from .model import Attachment, Block, Metadata, Paragraph, Run

FIELDS = ("issuer_mark", "doc_number", "addressee", "attachments", "signature", "date", "note", "cc", "printed_by",
          "print_date")
RECOGNISED = ("addressee", "attachments", "signature", "date", "note", "cc", "printed_by", "print_date")
END_FIELDS = ("cc", "printed_by", "print_date")  # recognised only at the end of the outer document


def missing(meta: Metadata, outer: bool) -> set[str]:
    """The parts a reader may still recognise in the body because the metadata does not state them."""
    return {name for name in RECOGNISED if not getattr(meta, name) and (outer or name not in END_FIELDS)}


def head(meta: Metadata) -> list[Paragraph]:
    return [_line(v) for v in (meta.issuer_mark, meta.printed_doc_number(), meta.addressee) if v]


def tail(meta: Metadata) -> list[Paragraph]:
    lines = []
    numbered = len(meta.attachments) > 1
    for n, attachment in enumerate(meta.attachments, 1):
        # Plain text: the line reads as printed (an attachment's URL travels in the metadata, not in the line).
        name = Run(f"{n}．{attachment.name}" if numbered else attachment.name)
        lines.append(Paragraph([Run("附件："), name] if n == 1 else [name]))
    lines += [_line(v) for v in (meta.signature, meta.date, meta.note) if v]
    return lines


def end(meta: Metadata) -> list[Paragraph]:
    lines = [_line("抄送：" + meta.cc)] if meta.cc is not None else []
    if meta.printed_by or meta.print_date:
        lines.append(_line(" ".join(v for v in (meta.printed_by, meta.print_date) if v) + "印发"))
    return lines


def _line(text: str) -> Paragraph:
    return Paragraph([Run(text)])


@dataclass
class Found:
    """Parts recognised at one end of a block list: metadata values and how many blocks they took."""

    values: dict[str, object] = field(default_factory=dict)
    taken: int = 0


def _plain(block: Block) -> str:
    """The text of a paragraph that could be a part line (no lead, no emphasis, no layout hint), else ''."""
    if not isinstance(block, Paragraph) or block.lead_level is not None or block.align:
        return ""
    if any(r.bold or r.italic for r in block.runs):
        return ""
    return block.text.strip()


def find_head(blocks: list[Block], wanted: set[str]) -> Found:
    """An addressee: the first block, a list of organisations ending in a colon."""
    text = _plain(blocks[0]) if blocks else ""
    if "addressee" in wanted and text and is_addressee(text):
        return Found({"addressee": text}, 1)
    return Found()


def find_tail(blocks: list[Block], wanted: set[str]) -> Found:
    """附件 lines, signature, date and 附注 at the end of a document's own blocks (before embedded documents)."""
    texts = [_plain(b) for b in blocks[-40:]]
    found, i = Found(), len(texts)
    has_note = "note" in wanted and i >= 3 and NOTE.match(squeeze(texts[i - 1])) and _is_date(texts[i - 2])
    j = i - 1 if has_note else i
    if {"signature", "date"} <= wanted and j >= 2 and _is_date(texts[j - 1]) and is_signature(texts[j - 2]):
        found.values.update(signature=texts[j - 2], date=texts[j - 1])
        if has_note:
            found.values["note"] = texts[i - 1]
        i = j - 2
    if "attachments" in wanted:
        k = i
        while k > 0 and _ATTACH_ITEM.match(texts[k - 1]) and "。" not in texts[k - 1]:
            k -= 1
        if k > 0 and _ATTACH_LABEL.match(texts[k - 1]) and "。" not in texts[k - 1]:
            names = [_ATTACH_ITEM.sub("", _ATTACH_LABEL.sub("", t)) for t in texts[k - 1:i]]
            found.values["attachments"] = [Attachment(n) for n in names if n]
            i = k - 1
    found.taken = len(texts) - i
    return found


def find_end(blocks: list[Block], wanted: set[str]) -> Found:
    """The 印发 line (organ, date, 印发) and the 抄送 line before it, at the very end of the document."""
    texts = [_plain(b) for b in blocks[-2:]]
    found, i = Found(), len(texts)
    printed = _PRINTED.match(texts[-1]) if texts else None
    if {"printed_by", "print_date"} <= wanted and printed:
        found.values.update(printed_by=printed.group("org").strip(), print_date=squeeze(printed.group("date")))
        i -= 1
    if "cc" in wanted and i and _CC.match(texts[i - 1]):
        found.values["cc"] = _CC.sub("", texts[i - 1])
        i -= 1
    found.taken = len(texts) - i
    return found


def _is_date(text: str) -> bool:
    return bool(text) and bool(DATE_LINE.match(squeeze(text)))
