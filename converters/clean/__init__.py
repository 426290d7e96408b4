"""The cleaning chain: small named rules over the document model, run in order (cf. markdown-it-py's Ruler).

Each rule is `rule(doc, options) -> None`, changes the document in place, and records every block it drops
in `doc.removed` with its reason, so nothing disappears silently. Readers build one Paragraph per source
line (or per HTML block) and call `clean`; the order matters:
site chrome by pattern → chrome outside the document's span → head parts → 版记 → embedded documents →
closing parts and attachments of each document → headings and leads → (kept chrome back) → punctuation.
"""
from __future__ import annotations

from typing import Callable

from ..model import Document
from ..options import ReadOptions
from .boilerplate import (drop_duplicate_summaries, drop_footer_tokens, drop_navigation, drop_page_info,
                          drop_qr_captions, drop_sample_site_notes, drop_summary_box)
from .embedded import split_embedded
from .glued import split_glued_head
from .headings import classify_headings
from .metadata_table import drop_metadata_table
from .parts import (find_addressee, find_attachments, find_cc, find_closing, find_doc_number, find_headline_number,
                    find_printed_by, find_title)
from .punctuation import restore_punctuation
from .removal import put_back_boilerplate
from .shape import forget_lines
from .span import drop_outside_span

Rule = Callable[[Document, ReadOptions], None]

RULES: list[tuple[str, Rule]] = [(rule.__name__, rule) for rule in (
    drop_metadata_table, drop_navigation, drop_page_info, drop_footer_tokens, drop_qr_captions, drop_summary_box,
    drop_sample_site_notes, drop_duplicate_summaries, split_glued_head, drop_outside_span,
    find_doc_number, find_title, find_headline_number, find_addressee, find_printed_by, find_cc,
    split_embedded, find_attachments, find_closing, classify_headings,
    put_back_boilerplate, restore_punctuation,
)]


def clean(doc: Document, options: ReadOptions, skip: frozenset[str] = frozenset()) -> Document:
    forget_lines()
    for name, rule in RULES:
        if name not in skip:
            rule(doc, options)
    doc.removed.sort(key=lambda r: r.line or 0)
    return doc
