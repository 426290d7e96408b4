"""DOCX writer in the official-document layout of GB/T 9704-2012.

`render(doc, options)` walks the model once: page setup and styles from the layout profile, the 版头 when there
is an issuing-organ mark, the 主体 of the notice, embedded documents and attachment pages (each on a new page),
then the 版记 at the bottom of the last page. Parts live in their own modules; raw XML python-docx lacks is in
`ooxml`.
"""
from __future__ import annotations

import io
from dataclasses import replace

from docx.document import Document as DocxDocument

from ...layout import doc_number
from ...layout.profile import Profile, for_document
from ...model import Document, Metadata
from ...options import WriteOptions
from . import body, colophon, fonts, header, styles, template
from .context import Context
from .geometry import Geometry
from .paragraphs import xml_safe


def render(doc: Document, options: WriteOptions | None = None) -> bytes:
    options = options or WriteOptions()
    profile = for_document(options.profile, doc.metadata.extra, doc.metadata.source)
    meta = doc.metadata
    if options.issuer_mark or options.doc_number:
        meta = replace(meta, issuer_mark=options.issuer_mark or meta.issuer_mark,
                       doc_number=options.doc_number or meta.doc_number)
    faces = fonts.faces(profile, options.embed_fonts)
    out = template.new_document(profile, faces)
    ctx = Context(out, profile, Geometry.from_profile(profile), faces)
    specs = {spec.name: spec for spec in styles.style_specs(ctx)}
    header.write(ctx, meta, specs, doc_number.printed(doc.metadata, options.doc_number,
                                                      profile.header.doc_number_brackets))
    root = replace(doc, metadata=meta)
    body.write_document(ctx, root, specs)
    body.write_attachments(ctx, root, specs)
    colophon.write(ctx, meta, specs)
    _properties(out, meta, profile)
    fonts.write_font_table(out, profile, ctx.faces, options.font_dirs if options.embed_fonts else None)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _properties(out: DocxDocument, meta: Metadata, profile: Profile) -> None:
    """Document properties: title, issuer, 发文字号 and source stay findable even when no 版头 prints them."""
    props = out.core_properties
    props.title = xml_safe(meta.title or "")
    props.author = xml_safe(meta.issuer or meta.signature or "")
    props.identifier = xml_safe(doc_number.normalise(meta.doc_number or "", profile.header.doc_number_brackets))
    props.comments = xml_safe(meta.source or "")
    props.language = styles.LANG
    props.keywords = props.subject = props.category = ""
