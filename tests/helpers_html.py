"""Helpers for the HTML reader tests: read a page, render Markdown, match lines as the scorer does."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from converters import api
from converters.model import Document
from converters.options import ReadOptions

DATA = Path(__file__).parent / "data" / "html"
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+)|\*\*|__|\\(?=[^\w\s])")  # as the scorer strips it


def norm(text: str) -> str:
    """NFKC, Markdown markup and all whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _MARKUP.sub("", text)))


def convert(source: Path | bytes, name: str = "page.html") -> tuple[Document, list[str]]:
    """The document read from a page, and the normalised lines of its Markdown body (front matter cut)."""
    if isinstance(source, Path):
        doc = api.read(source, fmt="html")
    else:
        doc = api.read_bytes(source, "html", ReadOptions(source=name), name=name)
    md = api.render(doc, "md").decode("utf-8")
    if md.startswith("---\n"):
        md = md.split("\n---\n", 1)[1]
    return doc, [n for n in map(norm, md.split("\n")) if n]


def lost(expected: list[str], lines: list[str]) -> list[str]:
    """Expected content lines that the output lacks."""
    flat = "".join(lines)
    return [e for e in expected if norm(e) not in lines and norm(e) not in flat]


def leaked(chrome: list[str], lines: list[str]) -> list[str]:
    """Chrome texts that the output still shows (a line equal to it, or one containing a longer one)."""
    return [c for c in chrome if norm(c) in lines or (len(norm(c)) >= 8 and any(norm(c) in line for line in lines))]
