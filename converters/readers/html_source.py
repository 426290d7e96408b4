"""Saved page bytes → parsed lxml tree: refuse what is not a page, find the declared charset, parse safely.

Crawlers save whatever the server returned under a .html name: PDFs, Office files and images turn up, and
pages of Chinese sites are often GBK. Parsing must also survive hostile markup: libxml2 stops (silently
dropping the rest of the page) at 256 levels of nesting, so too-deep markup is flattened and parsed again.
"""
from __future__ import annotations

import re

from lxml import etree

from ..errors import InputError
from ..xmlchars import FORBIDDEN
from .encoding import decode

_MAGIC = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or Office document"),
          (b"\xd0\xcf\x11\xe0", "a legacy Office document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"{\\rtf", "an RTF document"))
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--|!doctype)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Bytes searched for a declared charset: saved pages often carry long scripts before their <meta>.
CHARSET_WINDOW = 32768
# Depth kept when flattening; below libxml2's limit with XML_PARSE_HUGE (2048), far above any real page.
MAX_DEPTH = 1000


def decode_page(data: bytes) -> tuple[str, bool]:
    """Text of a saved page, and whether it is clean (holds no character XML forbids, so there is nothing to
    strip); InputError for bytes that are some other kind of file. One scan for forbidden characters answers
    both questions on most pages: control characters are among them."""
    head = data[:1024].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{kind}, not an HTML page")
    declared = declared_charset(data[:CHARSET_WINDOW])
    if declared and _is_utf8(data):
        declared = None  # re-saved pages keep their old <meta>; bytes that are valid UTF-8 are UTF-8
    text = decode(data, declared=declared)
    clean = FORBIDDEN.search(text) is None
    sample = text[:65536]
    if not clean and sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise InputError("binary data, not an HTML page")
    return text, clean


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(head: bytes) -> str | None:
    """Charset from an XML declaration, <meta charset> or <meta http-equiv=Content-Type content=...charset=>."""
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text[:65536]))


def parse(text: str) -> etree._Element:
    """Parse a page; markup nested beyond libxml2's limit is flattened first so no text is lost."""
    text = _XML_DECL.sub("", text, count=1)
    root = _parse(text)
    if root is None:
        root = _parse(flatten(text, MAX_DEPTH))
    if root is None:
        raise InputError("markup could not be parsed")
    return root


def _parse(text: str) -> etree._Element | None:
    """None when libxml2 gave up on resource limits (too deep), so the caller can flatten and retry."""
    parser = etree.HTMLParser(huge_tree=True, remove_pis=True)
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"markup could not be parsed ({exc})") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return None
    if root is None:
        raise InputError("no HTML content")
    return root


def flatten(text: str, limit: int) -> str:
    """Drop the tags nested deeper than `limit` (their text stays); a dropped tag becomes a line break.

    Depth is counted from the tags as written; unclosed tags only make the count err on the deep side,
    which costs line structure at worst, never text.
    """
    depth = 0
    out: list[str] = []
    pos = 0
    for m in _ANY_TAG.finditer(text):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or rest.rstrip().endswith("/"):
            continue
        if closing:
            deep = depth > limit
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deep = depth > limit
        if deep:
            out.append(text[pos:m.start()])
            out.append("<br>")
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)
