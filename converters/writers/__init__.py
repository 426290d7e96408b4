"""Writer registry: format name → module with `render(doc: Document, options: WriteOptions) -> bytes`.

Writers only walk the model; they never re-detect structure. Imported lazily (DOCX/PDF pull in heavy libraries).
"""
from __future__ import annotations

from types import ModuleType

from ..registry import load

WRITERS: dict[str, str] = {
    "md": "converters.writers.markdown",
    "json": "converters.writers.json",
    "docx": "converters.writers.docx",
    "pdf": "converters.writers.pdf",
}
EXTENSIONS: dict[str, str] = {".md": "md", ".markdown": "md", ".json": "json", ".docx": "docx", ".pdf": "pdf"}


def get_writer(fmt: str) -> ModuleType:
    return load(WRITERS, fmt, "output")
