"""Reader registry: format name → module with `read(data: bytes, options: ReadOptions) -> Document`.

Modules are imported lazily so a bulk worker that only reads text never pays for HTML or Markdown parsers.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import FormatNotAvailable

READERS: dict[str, str] = {
    "text": "converters.readers.text",
    "html": "converters.readers.html",
    "markdown": "converters.readers.markdown",
    "json": "converters.readers.json",
}
EXTENSIONS: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".shtml": "html",
                              ".md": "markdown", ".markdown": "markdown", ".json": "json"}


def get_reader(fmt: str) -> ModuleType:
    if fmt not in READERS:
        raise FormatNotAvailable(f"unknown input format {fmt!r} (known: {', '.join(READERS)})")
    try:
        return importlib.import_module(READERS[fmt])
    except ModuleNotFoundError as exc:
        if exc.name == READERS[fmt]:
            raise FormatNotAvailable(f"the {fmt} reader is not available yet") from None
        raise
