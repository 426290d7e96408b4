"""Turn input bytes into text: BOMs, UTF-8, UTF-16, GB18030/GBK, with a clear error for binary input.

Crawled notices arrive in every encoding Chinese sites have used; guessing wrong silently garbles the whole
document, so decoding is strict and the order of attempts is deliberate.
"""
from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode `data`; `declared` (e.g. from <meta charset>) is tried after BOMs and before detection."""
    if not data.strip():
        raise InputError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1] == 0 else "utf-16-be", errors="replace")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text")
    candidates = ["utf-8"]
    if declared:
        declared = declared.lower()
        candidates.insert(0, "gb18030" if declared in ("gbk", "gb2312", "gb_2312-80", "x-gbk", "euc-cn") else declared)
    candidates.append("gb18030")
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("undecodable bytes: neither UTF-8, UTF-16 nor GB18030")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return odd.count(0) > 0.4 * len(odd) and even.count(0) == 0 or even.count(0) > 0.4 * len(even) and odd.count(0) == 0
