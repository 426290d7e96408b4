"""Turn input bytes into text: BOMs, UTF-8, UTF-16, GB18030/GBK, with a clear error for binary input.

Crawled notices arrive in every encoding Chinese sites have used; guessing wrong silently garbles the whole
document, so decoding is strict and the order of attempts is deliberate: BOM, then UTF-16 by its NUL pattern,
then a declared charset, then UTF-8 (which almost never decodes GBK by accident), then GB18030 (which decodes
almost anything, so it must come last). A file that is UTF-8 except for a few broken bytes (a crawl cut
mid-character) stays UTF-8 with the broken bytes replaced and a warning, rather than being garbled as GB18030.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# Magic numbers of the binary files most often mislabelled as pages in a crawl, with what to call them.
_MAGIC = ((b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX/…)"), (b"\x89PNG\r\n\x1a\n", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
          (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (DOC/XLS)"), (b"\x1f\x8b", "a gzip archive"),
          (b"Rar!\x1a\x07", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"), (b"\x7fELF", "a program (ELF)"),
          (b"{\\rtf", "an RTF document"))

_GB_ALIASES = frozenset({"gbk", "gb2312", "gb_2312-80", "x-gbk", "euc-cn", "cp936", "gb18030"})
_MAX_BROKEN_UTF8 = 0.001  # share of broken UTF-8 sequences still taken for damage rather than another encoding


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode `data`; `declared` (e.g. from <meta charset>) is tried after BOMs and before detection."""
    return detect(data, declared).text


def detect(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data` and say which encoding was used and what had to be repaired."""
    if not data or data.isspace():  # the same test as `not data.strip()`, without copying the data
        raise InputError("empty file")
    decoded = _decode(data, declared)
    if not decoded.text or decoded.text.isspace():
        raise InputError(f"empty file (no text after decoding as {decoded.encoding})")
    return decoded


def _decode(data: bytes, declared: str | None) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _lenient(data[len(bom):], name)
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"looks like {kind}, not text or HTML")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes), not text or HTML")
    for name in _candidates(declared):
        try:
            return Decoded(data.decode(name), name)
        except (UnicodeDecodeError, LookupError):
            continue
    return _damaged_utf8(data)


def _candidates(declared: str | None) -> list[str]:
    names = ["utf-8", "gb18030"]
    if declared:
        declared = declared.strip().lower()
        names.insert(0, "gb18030" if declared in _GB_ALIASES else declared)
    return list(dict.fromkeys(names))


def _lenient(data: bytes, name: str) -> Decoded:
    """Decode with a known encoding, replacing broken sequences (and saying so) instead of failing."""
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError:
        text = data.decode(name, errors="replace")
        return Decoded(text, name, [f"{text.count(chr(0xFFFD))} invalid {name} sequence(s) replaced by U+FFFD"])


def _damaged_utf8(data: bytes) -> Decoded:
    """UTF-8 with a few broken sequences (a truncated crawl) rather than a document in an unknown encoding."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if broken <= max(3, _MAX_BROKEN_UTF8 * len(text)):
        return Decoded(text, "utf-8", [f"{broken} invalid UTF-8 sequence(s) replaced by U+FFFD"])
    raise InputError("undecodable bytes: neither UTF-8, UTF-16 nor GB18030")


def _binary_kind(data: bytes) -> str | None:
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NUL bytes (the zero half of ASCII characters and line ends, or of CJK characters
    such as 一 U+4E00) decode, in the right byte order, to text made almost only of common characters."""
    if len(data) % 2 or b"\x00" not in data[:8192]:
        return None
    best: Decoded | None = None
    best_share = 0.0
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        share = sum(1 for ch in sample if _plausible(ch)) / len(sample)
        if share > best_share:
            best, best_share = Decoded(text, name), share
    return best if best_share >= 0.95 else None


def _plausible(ch: str) -> bool:
    """Characters a Chinese notice is made of: ASCII text, whitespace, CJK ideographs and punctuation, full-width forms."""
    o = ord(ch)
    return (0x20 <= o < 0x7F or ch in "\t\n\r" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0xA0 <= o <= 0xFF)
