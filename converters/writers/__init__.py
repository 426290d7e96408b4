"""Writer registry: format name → module with `render(doc: Document, options: WriteOptions) -> bytes`.

Writers only walk the model; they never re-detect structure. Imported lazily (DOCX/PDF pull in heavy libraries).
"""
from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import FormatNotAvailable

WRITERS: dict[str, str] = {
    "md": "converters.writers.markdown",
    "json": "converters.writers.json",
    "docx": "converters.writers.docx",
    "pdf": "converters.writers.pdf",
}
EXTENSIONS: dict[str, str] = {".md": "md", ".markdown": "md", ".json": "json", ".docx": "docx", ".pdf": "pdf"}


def get_writer(fmt: str) -> ModuleType:
    if fmt not in WRITERS:
        raise FormatNotAvailable(f"unknown output format {fmt!r} (known: {', '.join(WRITERS)})")
    try:
        return importlib.import_module(WRITERS[fmt])
    except ModuleNotFoundError as exc:
        if exc.name == WRITERS[fmt]:
            raise FormatNotAvailable(f"output format {fmt} is not available yet") from None
        raise
