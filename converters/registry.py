"""Lazy lookup of format modules by name, shared by the reader and writer registries."""
from __future__ import annotations

import importlib
from types import ModuleType

from .errors import FormatNotAvailable


def load(table: dict[str, str], fmt: str, what: str) -> ModuleType:
    """The module registered for `fmt`; FormatNotAvailable when the name is unknown or its module is missing
    (a missing dependency *inside* the module still raises, so a broken install is not mistaken for absence)."""
    if fmt not in table:
        raise FormatNotAvailable(f"unknown {what} format {fmt!r} (known: {', '.join(table)})")
    try:
        return importlib.import_module(table[fmt])
    except ModuleNotFoundError as exc:
        if exc.name == table[fmt]:
            raise FormatNotAvailable(f"{what} format {fmt} is not available yet") from None
        raise
