"""The cleaning chain: small named rules over the document model, run in order (cf. markdown-it-py's Ruler).

Each rule is `rule(doc, options) -> None`, changes the document in place, and records every block it drops
in `doc.removed` with its reason, so nothing disappears silently.
"""
from __future__ import annotations

from typing import Callable

from ..model import Document
from ..options import ReadOptions

Rule = Callable[[Document, ReadOptions], None]

RULES: list[tuple[str, Rule]] = []


def clean(doc: Document, options: ReadOptions, skip: frozenset[str] = frozenset()) -> Document:
    for name, rule in RULES:
        if name not in skip:
            rule(doc, options)
    return doc
