"""Reader registry: format name → module with `read(data: bytes, options: ReadOptions) -> Document`.

Modules are imported lazily so a bulk worker that only reads text never pays for HTML or Markdown parsers.
"""
from __future__ import annotations

from types import ModuleType

from ..registry import load

READERS: dict[str, str] = {
    "text": "converters.readers.text",
    "html": "converters.readers.html",
    "markdown": "converters.readers.markdown",
    "json": "converters.readers.json",
}
EXTENSIONS: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".shtml": "html",
                              ".md": "markdown", ".markdown": "markdown", ".json": "json"}


def get_reader(fmt: str) -> ModuleType:
    return load(READERS, fmt, "input")
