"""Full-width punctuation where the text is Chinese: dumps fold ，：（）；？！ to ASCII with NFKC.

A mark is restored when a neighbour is CJK; it stays ASCII between two digits or Latin letters (10:30,
20,000, 1:100), inside URLs and e-mail addresses, and in Latin text. A bracket pair is restored as a pair when
its content or its outside touches CJK. The raw line stays reachable in `Source.raw`.
"""
from __future__ import annotations

import re
from dataclasses import fields

from ..model import Document, Heading, ListBlock, Paragraph, Table, Title
from ..options import ReadOptions

FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PROTECTED = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[A-Za-z0-9-]+\.[!-~]+|[\w.+-]+@[\w-]+\.[A-Za-z.]+")
_SKIP_FIELDS = {"source", "publish_date"}


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or 0x2018 <= code <= 0x201D or char in "—…")


def restore(text: str) -> str:
    """`text` with ASCII , : ; ? ! ( ) in CJK context replaced by their full-width forms."""
    if not any(c in FULL for c in text):
        return text
    chars = list(text)
    protected = {i for m in _PROTECTED.finditer(text) for i in range(m.start(), m.end())}
    pairs = _bracket_pairs(text, protected)
    for i, char in enumerate(text):
        if char not in FULL or i in protected:
            continue
        if char in "()":
            convert = pairs.get(i, _cjk_beside(text, i))
        else:
            convert = not _between_alnum(text, i) and _cjk_beside(text, i)
        if convert:
            chars[i] = FULL[char]
    return "".join(chars)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _cjk_beside(text: str, i: int) -> bool:
    return any(is_cjk(c) for c in (_neighbour(text, i, -1), _neighbour(text, i, 1)) if c)


def _between_alnum(text: str, i: int) -> bool:
    before, after = text[i - 1:i], text[i + 1:i + 2]
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def _bracket_pairs(text: str, protected: set[int]) -> dict[int, bool]:
    """For each matched ASCII bracket: whether the pair is in CJK context (content or outside)."""
    stack, result = [], {}
    for i, char in enumerate(text):
        if i in protected:
            continue
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            j = stack.pop()
            cjk = any(is_cjk(c) for c in text[j + 1:i]) or _cjk_beside(text, j) or _cjk_beside(text, i)
            result[i] = result[j] = cjk
    return result


def restore_punctuation(doc: Document, options: ReadOptions) -> None:
    if not options.restore_punctuation:
        return
    for sub in doc.walk():
        for block in sub.blocks:
            _restore_block(block)
        meta = sub.metadata
        for f in fields(meta):
            value = getattr(meta, f.name)
            if isinstance(value, str) and f.name not in _SKIP_FIELDS:
                setattr(meta, f.name, restore(value))
        for attachment in meta.attachments:
            attachment.name = restore(attachment.name)
        meta.site = {label: restore(value) for label, value in meta.site.items()}


def _restore_block(block) -> None:
    before = getattr(block, "text", None)
    if isinstance(block, Paragraph):
        _restore_runs(block.runs)
    elif isinstance(block, Heading):
        block.text, block.marker = restore(block.text), restore(block.marker)
    elif isinstance(block, Title):
        block.text = restore(block.text)
    elif isinstance(block, ListBlock):
        for item in block.items:
            _restore_runs(item)
    elif isinstance(block, Table):
        for row in block.rows:
            for cell in row:
                cell.text = restore(cell.text)
    source = getattr(block, "source", None)
    if source is not None and source.raw is None and before is not None and before != getattr(block, "text", None):
        source.raw = before


def _restore_runs(runs) -> None:
    """Restore across run boundaries (a bracket pair may span a bold lead and its body); lengths do not change."""
    text = restore("".join(r.text for r in runs))
    for run in runs:
        run.text, text = text[:len(run.text)], text[len(run.text):]
