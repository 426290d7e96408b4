"""Adding one paragraph: style, runs with explicit fonts, page breaks, and the page-fill estimate.

All parts of the writer add text through `add`, so every run gets its four rFonts slots, every string is made
XML-safe, and the line count of the estimate stays in step with what is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph

from ...layout.metrics import lines_needed
from ...model import Run
from ...xmlchars import strip_forbidden
from . import ooxml
from .context import Context
from .styles import StyleSpec, style_id



def xml_safe(text: str) -> str:
    """Drop what XML forbids (control characters from broken dumps carry no text) and turn CR into line ends."""
    return strip_forbidden(text.replace("\r\n", "\n").replace("\r", "\n"))[0]


@dataclass(frozen=True)
class Layout:
    """Per-paragraph overrides of the style (all optional); lengths in twips."""

    align: str | None = None
    left: int | None = None
    right: int = 0
    first_line: int | None = None
    hanging: int = 0
    size_pt: float | None = None
    line: int | None = None  # exact line height; None = the grid pitch
    color: str | None = None


def add(ctx: Context, spec: StyleSpec, runs: Sequence[Run] | str, layout: Layout = Layout(),
        role: str | None = None, lead_role: str | None = None, container=None) -> DocxParagraph:
    """Append a paragraph in style `spec`. `role` overrides the face of all runs, `lead_role` that of runs[0].

    `container` (a table cell) receives the paragraph instead of the document body; the caller then accounts for
    the space it takes."""
    if isinstance(runs, str):
        runs = [Run(runs)] if runs else []
    para = (container or ctx.docx).add_paragraph()
    para._p.style = style_id(spec.name)  # by id: python-docx looks names up in the whole style sheet
    ppr = para._p.get_or_add_pPr()
    if ctx.break_before_next:
        ooxml.set_p(ppr, "pageBreakBefore")
        ctx.break_before_next = False
        ctx.flow.new_page()
    _layout(ctx, ppr, spec, layout)
    if ctx.under_heading and not spec.keep_next:
        # Orphan control on the text under a heading: its first `headings.keep_lines` (2) lines stay together,
        # and the heading (keepNext) goes with them, as in the PDF writer.
        ooxml.set_p(ppr, "widowControl")
    ctx.under_heading = spec.keep_next
    for i, run in enumerate(runs):
        face_role = lead_role if (i == 0 and lead_role) else (role or spec.role)
        _add_run(ctx, para, run, face_role, layout, bold=run.bold)
    if container is None:
        if spec.keep_next and ctx.flow.room() < (1 + ctx.profile.headings.keep_lines) * ctx.geometry.pitch:
            ctx.flow.new_page()  # keepNext and the orphan control under it move the heading on
        _account(ctx, spec, "".join(r.text for r in runs), layout)
    return para


def blank_line(ctx: Context, spec: StyleSpec) -> DocxParagraph:
    return add(ctx, spec, "")


def _layout(ctx: Context, ppr, spec: StyleSpec, layout: Layout) -> None:
    if layout.line is not None:
        ooxml.set_exact_spacing(ppr, layout.line)
    if layout.left is not None or layout.first_line is not None or layout.hanging or layout.right:
        first = ctx.geometry.chars(spec.first_line_chars) if layout.first_line is None else layout.first_line
        ooxml.set_indent(ppr, left=layout.left or 0, right=layout.right, first_line=first, hanging=layout.hanging)
    if layout.align:
        ooxml.set_p(ppr, "jc", val=layout.align)


def _add_run(ctx: Context, para: DocxParagraph, run: Run, role: str, layout: Layout, bold: bool) -> None:
    text = xml_safe(run.text)
    if not text:
        return
    r = ooxml.append_run(para._p, text)
    rpr = r.get_or_add_rPr()
    ooxml.set_fonts(rpr, ctx.face(role))
    if bold:
        ooxml.set_r(rpr, "b")
        ooxml.set_r(rpr, "bCs")
    if layout.color:
        ooxml.set_r(rpr, "color", val=layout.color)
    if layout.size_pt is not None:
        ooxml.set_size(rpr, layout.size_pt)
    if run.href:
        _hyperlink(para, r, run.href)


def _hyperlink(para: DocxParagraph, r_el, url: str) -> None:
    """Wrap the run in a w:hyperlink so the link the source carried survives."""
    rid = para.part.relate_to(xml_safe(url), RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(ooxml.qn("r:id"), rid)
    r_el.addprevious(link)
    link.append(r_el)


def _account(ctx: Context, spec: StyleSpec, text: str, layout: Layout) -> None:
    geo = ctx.geometry
    size = layout.size_pt or spec.size_pt
    em = size * 20 + (geo.char_spacing if size == geo.body_pt else 0)
    width = geo.text_w - (layout.left or 0) - layout.right
    first = geo.chars(spec.first_line_chars) if layout.first_line is None else layout.first_line
    first -= layout.hanging
    count = sum(lines_needed(part, width / em, first / em) for part in text.split("\n")) if text else 1
    ctx.flow.add_lines(count, layout.line or geo.pitch)


def append_run(ctx: Context, para: DocxParagraph, text: str, role: str) -> None:
    """Add a run in another face to a paragraph already written (签发人's name in 楷体 after the label)."""
    _add_run(ctx, para, Run(text), role, Layout(), bold=False)
