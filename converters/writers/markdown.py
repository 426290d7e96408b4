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
    """Title, head parts, blocks, closing parts, embedded documents, then the 版记 (抄送, 印发) last."""
    meta = doc.metadata
    if meta.title:
        out.append(f"# {meta.title}\n")
    if meta.issuer_mark:
        out.append(meta.issuer_mark + "\n")
    if meta.doc_number and meta.doc_number not in meta.site.values():  # one only the site's table gave is not printed
        out.append(meta.doc_number + "\n")
    if meta.addressee:
        out.append(meta.addressee + "\n")
    for block in doc.blocks:
        if isinstance(block, Title):
            out.append(f"# {block.text}\n")
        elif isinstance(block, Heading):
            out.append(f"{'#' * (block.level + 1)} {block.text}\n")
        elif isinstance(block, Paragraph):
            out.append(_paragraph(block) + "\n")
    if meta.attachments:
        names = [a.name if len(meta.attachments) == 1 else f"{n}．{a.name}" for n, a in enumerate(meta.attachments, 1)]
        out.append("附件：" + "\n　　　".join(names) + "\n")
    closing = [part for part in (meta.signature, meta.date, meta.note) if part]
    if closing:
        out.append("\n".join(closing) + "\n")
    for sub in doc.embedded:
        _body(sub, out)
    if meta.cc:
        out.append(f"抄送：{meta.cc}\n")
    if meta.printed_by or meta.print_date:
        out.append(" ".join(p for p in (meta.printed_by, meta.print_date and meta.print_date + "印发") if p) + "\n")


_TRAILING = "。：:！？!?；;，,"


def _paragraph(block: Paragraph) -> str:
    """A run-in lead as **lead**rest; the lead's closing mark stays outside the ** so CommonMark sees bold."""
    if block.lead_level is None or not block.runs or not block.runs[0].bold:
        return block.text
    lead = block.runs[0].text
    core = lead.rstrip(_TRAILING)
    rest = lead[len(core):] + "".join(r.text for r in block.runs[1:])
    return f"**{core}**{rest}" if core else block.text

