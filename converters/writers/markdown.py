"""Markdown writer: clean CommonMark with YAML front matter for the document parts."""
from __future__ import annotations

import yaml

from ..model import Document, Heading, Paragraph, Title
from ..options import WriteOptions


def render(doc: Document, options: WriteOptions | None = None) -> bytes:
    out: list[str] = []
    meta = {k: v for k, v in vars(doc.metadata).items() if v not in (None, [], {})}
    if meta:
        out.append("---\n" + yaml.safe_dump(_plain(meta), allow_unicode=True, sort_keys=False) + "---\n")
    _body(doc, out)
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _plain(meta):
    if "attachments" in meta:
        meta["attachments"] = [vars(a) for a in meta["attachments"]]
    return meta


def _body(doc: Document, out: list[str]) -> None:
    if doc.metadata.title:
        out.append(f"# {doc.metadata.title}\n")
    for block in doc.blocks:
        if isinstance(block, Title):
            out.append(f"# {block.text}\n")
        elif isinstance(block, Heading):
            out.append(f"{'#' * (block.level + 1)} {block.text}\n")
        elif isinstance(block, Paragraph):
            out.append(block.text + "\n")
    for sub in doc.embedded:
        _body(sub, out)
