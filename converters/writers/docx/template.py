"""The starting document: python-docx's template with our styles, settings, page setup and page-number footers.

Built once per profile and font choice and kept as bytes: every notice then opens a small package instead of
re-parsing python-docx's large style sheet and re-creating styles (most of the writer's time otherwise).
Also strips what would show through in an official document: the Word 2010 copy of the styles with theme
fonts, the template's preview picture, and the ~160 unused styles and latent-style entries.
"""
from __future__ import annotations

import io
from functools import lru_cache

import docx
from docx.document import Document as DocxDocument

from ...layout.profile import Profile
from . import ooxml, page, page_numbers, styles
from .context import Context
from .geometry import Geometry

_DROP_PARTS = ("stylesWithEffects", "thumbnail", "customXml", "webSettings")
_KEEP_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList")


def new_document(profile: Profile, faces: dict[str, str]) -> DocxDocument:
    return docx.Document(io.BytesIO(_prepared(profile, tuple(sorted(faces.items())))))


@lru_cache(maxsize=8)
def _prepared(profile: Profile, faces: tuple[tuple[str, str], ...]) -> bytes:
    out = docx.Document()
    for rels in (out.part.rels, out.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _DROP_PARTS:
                rels.pop(rid)
    ctx = Context(out, profile, Geometry.from_profile(profile), dict(faces))
    _drop_unused_styles(out)
    styles.install(ctx)
    section = out.sections[0]
    page.setup(ctx, section)
    page_numbers.write(ctx, section)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _drop_unused_styles(out: DocxDocument) -> None:
    root = out.styles.element
    for latent in root.findall(ooxml.qn("w:latentStyles")):
        root.remove(latent)
    for style in root.findall(ooxml.qn("w:style")):
        if style.get(ooxml.qn("w:styleId")) not in _KEEP_STYLES:
            root.remove(style)
