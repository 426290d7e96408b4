"""JSON writer: the model itself, so other tools can sit in the middle (as pandoc's JSON AST)."""
from __future__ import annotations

from ..model import Document
from ..options import WriteOptions


def render(doc: Document, options: WriteOptions | None = None) -> bytes:
    return (doc.to_json(indent=2) + "\n").encode("utf-8")
