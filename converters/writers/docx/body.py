"""主体 (§7.3): title, 主送机关, body blocks, 附件说明, signature and date (§7.3.5.2), 附注; embedded documents
and attachment pages, each starting on a new page.
"""
from __future__ import annotations

from dataclasses import replace

from ...layout import attachments
from ...layout.title import split_title
from ...model import (Block, Document, Heading, Image, ListBlock, PageBreak, Paragraph, Quote, Run, Table, Title)
from . import tables
from .context import Context
from .paragraphs import Layout, add, blank_line
from .styles import BODY, FLUSH, LABEL, TITLE, StyleSpec, heading_style

def write_document(ctx: Context, doc: Document, specs: dict[str, StyleSpec]) -> None:
    """The body of one document: title to 附注. The caller decides what page it starts on."""
    meta = doc.metadata
    if meta.title:
        write_title(ctx, meta.title, specs)
        if meta.addressee or doc.blocks:
            for _ in range(ctx.profile.title.lines_after):
                blank_line(ctx, specs[FLUSH])
    if meta.addressee:
        add(ctx, specs[FLUSH], meta.addressee, Layout(align="both"))
    for block in doc.blocks:
        write_block(ctx, block, specs)
    _attachment_note(ctx, doc, specs)
    _signature(ctx, doc, specs)
    if meta.note:
        note = meta.note if meta.note.startswith(("（", "(")) else f"（{meta.note}）"
        add(ctx, specs[BODY], note, Layout(first_line=ctx.geometry.chars(ctx.profile.note.indent_chars)))


def write_title(ctx: Context, title: str, specs: dict[str, StyleSpec]) -> None:
    """The title in balanced lines of at most `title.max_chars_per_line` characters, one paragraph per line."""
    for line in split_title(title, ctx.profile.title.max_chars_per_line):
        add(ctx, specs[TITLE], line)


def write_block(ctx: Context, block: Block, specs: dict[str, StyleSpec]) -> None:
    if isinstance(block, Title):
        write_title(ctx, block.text, specs)
    elif isinstance(block, Heading):
        style = specs[heading_style(block.level)] if 1 <= block.level <= 4 else specs[BODY]
        add(ctx, style, block.text)
    elif isinstance(block, Paragraph):
        _paragraph(ctx, block, specs)
    elif isinstance(block, ListBlock):
        for n, item in enumerate(block.items, 1):
            add(ctx, specs[BODY], ([Run(f"{n}.")] if block.ordered else []) + list(item))
    elif isinstance(block, Table):
        tables.write(ctx, block, specs)
    elif isinstance(block, Quote):
        for inner in block.blocks:
            write_block(ctx, inner, specs)
    elif isinstance(block, Image):
        add(ctx, specs[FLUSH], f"〔图：{block.alt or block.src}〕", Layout(align="center"))
    elif isinstance(block, PageBreak):
        ctx.break_before_next = True


def _paragraph(ctx: Context, block: Paragraph, specs: dict[str, StyleSpec]) -> None:
    # A centred or right-aligned line in the source (a caption, a closing line) keeps its alignment, unindented.
    layout = Layout(align=block.align, first_line=0) if block.align in ("center", "right") else Layout()
    runs, lead_role = block.runs, None
    if block.lead_level and len(runs) > 1:  # the lead in its heading level's face and weight, not source bold
        lead_role, bold = ctx.profile.heading_face(block.lead_level)
        runs = [replace(runs[0], bold=bold), *runs[1:]]
    add(ctx, specs[BODY], runs, layout, lead_role=lead_role)


def _attachment_note(ctx: Context, doc: Document, specs: dict[str, StyleSpec]) -> None:
    """附件说明 (§7.3.4): "附件：1.name", wrapped lines aligned with the first character of the name."""
    names = attachments.names(doc)
    if not names:
        return
    geo = ctx.geometry
    for _ in range(ctx.profile.attachment_note.lines_before):
        blank_line(ctx, specs[FLUSH])
    label = "附件："
    start = geo.chars(ctx.profile.attachment_note.indent_chars)
    name_x = start + geo.width(label)
    for n, name in enumerate(names, 1):
        number = f"{n}." if len(names) > 1 else ""
        left = name_x + geo.width(number)
        lead = label if n == 1 else ""
        hanging = left - (start if n == 1 else name_x)
        add(ctx, specs[BODY], lead + number + name, Layout(left=left, hanging=hanging, align="left"))


def _signature(ctx: Context, doc: Document, specs: dict[str, StyleSpec]) -> None:
    """署名 and 成文日期 unsealed (§7.3.5.2): the signature two characters in from the right; the date's first
    character two characters right of the signature's; a longer date sits two in from the right and pushes the
    signature left.

    The governing line (the longer one) is right-aligned with a two-character right indent, so its place does
    not depend on width estimates; the other line's left indent is computed from the governing line's width.
    That keeps the usual case (an all-Chinese signature governs) exact even in LibreOffice, which ignores
    autoSpaceDE and widens dates by the space it puts between digits and Chinese."""
    meta = doc.metadata
    if not (meta.signature or meta.date):
        return
    geo, sig = ctx.geometry, ctx.profile.signature
    for _ in range(sig.lines_before):
        blank_line(ctx, specs[FLUSH])
    sig_lines = [line for line in (meta.signature or "").split("\n") if line.strip()]
    sig_w = max((geo.width(line) for line in sig_lines), default=0)
    date_w = geo.width(meta.date or "")
    right = geo.chars(sig.signature_right_chars)
    shift = geo.chars(sig.date_shift_chars)
    date_governs = date_w + shift > sig_w
    sig_x = max(0, geo.text_w - right - max(sig_w, date_w + shift))
    flush_right = Layout(align="right", right=right, first_line=0)
    for line in sig_lines:
        add(ctx, specs[FLUSH], line, Layout(left=sig_x, first_line=0, align="left") if date_governs else flush_right)
    if meta.date:
        date_x = min(sig_x + shift, max(0, geo.text_w - date_w))
        add(ctx, specs[FLUSH], meta.date, flush_right if date_governs else Layout(left=date_x, first_line=0,
                                                                                  align="left"))


def write_embedded(ctx: Context, doc: Document, specs: dict[str, StyleSpec]) -> None:
    """Each embedded document (工作要点, 总结 …) starts on a new page under its own centred title."""
    ctx.break_before_next = True
    write_document(ctx, doc, specs)
    for sub in doc.embedded:
        write_embedded(ctx, sub, specs)


def write_attachments(ctx: Context, doc: Document, specs: dict[str, StyleSpec]) -> None:
    """Embedded documents in the order the notice carried them, each on a new page; one that is the content of a
    listed attachment under its 附件N label (§7.3.7). Attachments the notice did not carry follow, as a labelled
    page with their name and link."""
    names, bodies = attachments.names(doc), attachments.bodies(doc)
    index = {id(sub): i for i, sub in bodies.items()}
    for sub in doc.embedded:
        if id(sub) in index:
            _attachment_page(ctx, doc, specs, index[id(sub)], sub)
        else:
            write_embedded(ctx, sub, specs)
    for i in range(len(names)):
        if i not in bodies:
            _attachment_page(ctx, doc, specs, i, None)


def _attachment_page(ctx: Context, doc: Document, specs: dict[str, StyleSpec], i: int, body: Document | None) -> None:
    """"附件N" in 黑体 on line 1, then the attachment's content, or its name centred on line 3 and its link."""
    names = attachments.names(doc)
    name, att = names[i], doc.metadata.attachments[i]
    ctx.break_before_next = True
    add(ctx, specs[LABEL], attachments.label(doc, i))
    for _ in range(ctx.profile.attachments.title_on_line - 2):
        blank_line(ctx, specs[FLUSH])
    if body is not None:
        write_document(ctx, body, specs)
        for sub in body.embedded:
            write_embedded(ctx, sub, specs)
        return
    write_title(ctx, name, specs)
    if att.url:
        blank_line(ctx, specs[FLUSH])
        add(ctx, specs[FLUSH], [Run(att.url, href=att.url)], Layout(align="left"))
