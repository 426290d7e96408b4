"""A plain-text account of what a reader recognised in a document: its parts, its heading outline (embedded
documents included) and every removed line with its reason — what `gwconv inspect` prints, so a user can see
why a line went missing or a heading was not found without reading JSON."""
from __future__ import annotations

from dataclasses import fields

from .model import Document, Heading, Metadata, Paragraph, Title

_LABELS = {"doc_number": "doc number", "issuer_mark": "issuer mark", "printed_by": "printed by",
           "print_date": "print date", "copy_number": "copy number", "publish_date": "publish date"}
_GROUPED = ("attachments", "site", "extra")


def describe(doc: Document) -> str:
    lines = ["Parts:"]
    lines += _parts(doc.metadata, "  ")
    lines.append("Outline:")
    lines += _outline(doc, "  ") or ["  (no headings)"]
    removed = [(r, d) for d in doc.walk() for r in d.removed]
    lines.append(f"Removed lines ({len(removed)}):")
    for rem, _ in removed:
        where = f"line {rem.line}" if rem.line is not None else "no line"
        lines.append(f"  {where}: {rem.reason} [{rem.rule}]: {rem.text}")
    warnings = [w for d in doc.walk() for w in d.warnings]
    if warnings:
        lines.append("Warnings:")
        lines += [f"  {w}" for w in warnings]
    return "\n".join(lines) + "\n"


def _parts(meta: Metadata, indent: str) -> list[str]:
    out = []
    for f in fields(meta):
        value = getattr(meta, f.name)
        if f.name in _GROUPED or value is None:
            continue
        out.append(f"{indent}{_LABELS.get(f.name, f.name)}: {value}")
    for n, att in enumerate(meta.attachments, 1):
        out.append(f"{indent}attachment {n}: {att.name}" + (f" <{att.url}>" if att.url else ""))
    out += [f"{indent}site metadata: {key}: {value}" for key, value in meta.site.items()]
    out += [f"{indent}metadata.extra: {key}: {value}" for key, value in meta.extra.items()]
    return out or [f"{indent}(none recognised)"]


def _outline(doc: Document, indent: str) -> list[str]:
    out = []
    for block in doc.blocks:
        if isinstance(block, Title):
            out.append(f"{indent}title: {block.text}")
        elif isinstance(block, Heading):
            out.append(f"{indent}{'  ' * (block.level - 1)}h{block.level}: {block.text}{_line(block)}")
        elif isinstance(block, Paragraph) and block.lead_level and block.runs:
            level = block.lead_level
            out.append(f"{indent}{'  ' * (level - 1)}run-in h{level}: {block.runs[0].text}{_line(block)}")
    for sub in doc.embedded:
        out.append(f"{indent}embedded document: {sub.metadata.title or '(untitled)'}")
        out += _parts(sub.metadata, indent + "    ") if _has_parts(sub.metadata) else []
        out += _outline(sub, indent + "  ")
    return out


def _has_parts(meta: Metadata) -> bool:
    return any(getattr(meta, f.name) not in (None, [], {}) for f in fields(meta) if f.name != "title")


def _line(block) -> str:
    return f"  (line {block.source.lines[0]})" if block.source and block.source.lines else ""
