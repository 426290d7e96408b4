"""PDF writer: the GB/T 9704 official-document layout drawn directly with ReportLab, CJK faces embedded.

Reads the same layout profile as the DOCX writer, so both put every element in the same place. Characters that
no face can draw are printed as their code point and listed in `doc.warnings` with their position.
"""
from __future__ import annotations

import io
import zlib
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Spacer
from reportlab.platypus.doctemplate import LayoutError

from ... import fonts as font_registry
from ...errors import ConversionError
from ...layout import profile as profiles
from ...model import Document
from ...options import WriteOptions
from .lines import Reporter
from .page import Geometry, PageNumbers, doc_template
from .story import Story
from .tounicode import install as install_tounicode_fix

install_tounicode_fix()


FLATE_LEVEL = 1  # font subsets are most of the bytes and compress little better at higher levels


def _flate(data: bytes | str) -> bytes:
    return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data, FLATE_LEVEL)


@contextmanager
def _fast_streams():
    """Leave compressed streams binary instead of ASCII85-encoding them (a quarter smaller), and compress
    with a fast Flate level: together they halve the rendering time, which was mostly spent compressing font
    subsets. ReportLab reads both from process-wide settings, restored afterwards."""
    saved, rl_config.useA85 = rl_config.useA85, 0
    pdfdoc.PDFZCompress.encode = _flate
    try:
        yield
    finally:
        rl_config.useA85 = saved
        del pdfdoc.PDFZCompress.encode


def render(doc: Document, options: WriteOptions | None = None) -> bytes:
    options = options or WriteOptions()
    profile = profiles.for_document(options.profile, doc.metadata.extra, doc.metadata.source)
    fonts = font_registry.load(profile, tuple(options.font_dirs))
    geometry = Geometry.from_profile(profile)
    report = Reporter()
    story = Story(profile, geometry, fonts, report).document(doc, options.issuer_mark, options.doc_number)
    if not story:  # an empty document still gives a (blank, numbered) page, so the file is a valid PDF
        story.append(Spacer(1, 1))
    meta = doc.metadata
    out = io.BytesIO()
    template = doc_template(out, geometry, PageNumbers(profile, geometry, fonts), title=meta.title or "",
                            author=meta.issuer or meta.signature or "", subject=meta.doc_number or "")
    try:
        with _fast_streams():
            template.build(story)
    except LayoutError as exc:
        raise ConversionError(f"cannot lay out the PDF: {str(exc).splitlines()[0][:200]}", meta.source) from None
    for warning in fonts.notes + report.warnings:
        if warning not in doc.warnings:
            doc.warnings.append(warning)
    return out.getvalue()
