"""Full-width punctuation where the text is Chinese: dumps fold ，：（）；？！ to ASCII with NFKC.

A mark is restored when a neighbour is CJK; it stays ASCII between two digits or Latin letters (10:30,
20,000, 1:100), inside URLs and e-mail addresses, and in Latin text. A bracket pair is restored as a pair when
its content or its outside touches CJK. The raw line stays reachable in `Source.raw`.
"""
from __future__ import annotations

import re
from dataclasses import fields
from typing import Callable

from ..model import Document, Heading, ListBlock, Metadata, Paragraph, Table, Title
from ..options import ReadOptions

FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PROTECTED = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[A-Za-z0-9-]+\.[!-~]+|[\w.+-]+@[\w-]+\.[A-Za-z.]+")
_MARK = re.compile(r"[,:;?!()]")
_CLAUSE = re.compile(r"[,:;?!]")
_BRACKET = re.compile(r"[()]")
_CJK_CLASS = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d—…"
_CJK = re.compile(f"[{_CJK_CLASS}]")
# A clause mark that may have to stay ASCII: no CJK right before it, and none after it past white space. The
# pattern starts with the mark, so the search jumps from mark to mark; all other marks are restored.
_DOUBTFUL_CLAUSE = re.compile(rf"[,:;?!](?<![{_CJK_CLASS}].)(?!\s*[{_CJK_CLASS}])")
# A bracket with no CJK right beside it; a bracket with CJK beside it is restored, and so is its partner.
_DOUBTFUL_BRACKET = re.compile(rf"[()](?<![{_CJK_CLASS}].)(?![{_CJK_CLASS}])")
_SKIP_FIELDS = {"source", "publish_date"}
_META_FIELDS = tuple(f.name for f in fields(Metadata) if f.name not in _SKIP_FIELDS)  # the text ones are restored
_any_blank = str.isspace


def _on_line_blank(c: str) -> bool:
    return c in " \t"


def restore(text: str) -> str:
    """`text` with ASCII , : ; ? ! ( ) in CJK context replaced by their full-width forms."""
    if not _MARK.search(text):
        return text
    spans = [m.span() for m in _PROTECTED.finditer(text)] if "@" in text or "www." in text or "//" in text else []
    if spans:  # restore the stretches between URLs and addresses, leave those verbatim
        cuts = [0] + [i for span in spans for i in span] + [len(text)]
        pieces = zip(cuts, cuts[1:])
        return "".join(text[a:b] if k % 2 else _restore_plain(text[a:b]) for k, (a, b) in enumerate(pieces))
    return _restore_plain(text)


def _restore_plain(text: str) -> str:
    """Clause marks first (a mark with CJK on either side, spaces between allowed; between two digits or Latin
    letters, as in 10:30 or 20,000, neither side is CJK), then brackets, judged beside the restored marks."""
    text = _restore_clauses(text)
    if "(" not in text and ")" not in text:
        return text
    if not _DOUBTFUL_BRACKET.search(text):
        return text.replace("(", FULL["("]).replace(")", FULL[")"])
    brackets = [m.start() for m in _BRACKET.finditer(text)]
    pairs = _bracket_pairs(text, brackets)
    return _replace(text, [i for i in brackets if pairs.get(i, _cjk_beside(text, i))])


def _restore_clauses(text: str) -> str:
    """Only the doubtful marks are judged one by one (a mark after white space after CJK is restored too); in
    the usual text every mark stands beside CJK and all are replaced at once."""
    if not _DOUBTFUL_CLAUSE.search(text):
        for mark in ",:;?!":  # str.replace scans in C; str.translate is slow on non-ASCII text
            text = text.replace(mark, FULL[mark])
        return text
    doubtful = {m.start() for m in _DOUBTFUL_CLAUSE.finditer(text)}
    return _replace(text, [i for i in (m.start() for m in _CLAUSE.finditer(text))
                           if i not in doubtful or _cjk_beside(text, i, _any_blank)])


def _replace(text: str, positions: list[int]) -> str:
    """`text` with the marks at `positions` (ascending) full-width; joined from slices, as splitting a line
    of Chinese into characters would create an object per character."""
    if not positions:
        return text
    pieces, last = [], 0
    for i in positions:
        pieces += (text[last:i], FULL[text[i]])
        last = i + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _cjk_toward(text: str, i: int, step: int, blank: Callable[[str], bool]) -> bool:
    """Whether the first character from `i` in direction `step` that is not `blank` is CJK."""
    j = i + step
    while 0 <= j < len(text):
        c = text[j]
        if _CJK.match(c):
            return True
        if not blank(c):
            return False
        j += step
    return False


def _cjk_beside(text: str, i: int, blank: Callable[[str], bool] = _on_line_blank) -> bool:
    """A clause mark may stand apart from its CJK neighbour by any white space; a bracket only within its line."""
    return _cjk_toward(text, i, -1, blank) or _cjk_toward(text, i, 1, blank)


def _bracket_pairs(text: str, brackets: list[int]) -> dict[int, bool]:
    """For each matched ASCII bracket: whether the pair is in CJK context (content or outside)."""
    stack, result = [], {}
    for i in brackets:
        if text[i] == "(":
            stack.append(i)
        elif stack:
            j = stack.pop()
            cjk = bool(_CJK.search(text, j + 1, i)) or _cjk_beside(text, j) or _cjk_beside(text, i)
            result[i] = result[j] = cjk
    return result


def restore_punctuation(doc: Document, options: ReadOptions) -> None:
    if not options.restore_punctuation:
        return
    for sub in doc.walk():
        for block in sub.blocks:
            _restore_block(block)
        meta = sub.metadata
        for name in _META_FIELDS:
            value = getattr(meta, name)
            if isinstance(value, str):
                setattr(meta, name, restore(value))
        for attachment in meta.attachments:
            attachment.name = restore(attachment.name)
        meta.site = {label: restore(value) for label, value in meta.site.items()}


def _restore_block(block) -> None:
    """Restore a block in place; the text of a line block as it was stays reachable in `source.raw` unless the
    reader already put the raw line there."""
    if isinstance(block, Paragraph):
        before, after = _restore_runs(block.runs)
    elif isinstance(block, Heading):
        before, after = block.text, restore(block.text)
        block.text, block.marker = after, restore(block.marker)
    elif isinstance(block, Title):
        before = block.text
        block.text = after = restore(before)
    else:
        if isinstance(block, ListBlock):
            for item in block.items:
                _restore_runs(item)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    cell.text = restore(cell.text)
        return
    source = block.source
    if source is not None and source.raw is None and before != after:
        source.raw = before


def _restore_runs(runs) -> tuple[str, str]:
    """Restore across run boundaries (a bracket pair may span a bold lead and its body); lengths do not change.
    Returns the text of the runs before and after."""
    if len(runs) == 1:  # most paragraphs: nothing to join and split
        before = runs[0].text
        runs[0].text = after = restore(before)
        return before, after
    before = "".join(r.text for r in runs)
    text = after = restore(before)
    for run in runs:
        run.text, text = text[:len(run.text)], text[len(run.text):]
    return before, after
