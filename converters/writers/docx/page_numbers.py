"""Page numbers (§7.5): 4号 half-width 宋体 "— 1 —" with U+2014 dashes, odd pages right and even pages left, one
character in, about 7 mm under the text area (the footer distance comes from the profile)."""
from __future__ import annotations

from docx.section import Section

from . import ooxml
from .context import Context
from .geometry import tight_line
from .styles import PAGE_NUMBER


def write(ctx: Context, section: Section) -> None:
    """Odd pages use the default footer, even pages the even footer (evenAndOddHeaders is set in settings)."""
    _footer(ctx, section.footer, "right")
    _footer(ctx, section.even_page_footer, "left")


def blank(section: Section) -> None:
    """Give a section footers of its own with no page number (the 版记-only page is unnumbered)."""
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False


def _footer(ctx: Context, footer, side: str) -> None:
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = ctx.docx.styles[PAGE_NUMBER]
    ppr = para._p.get_or_add_pPr()
    indent = round(ctx.profile.page_number.indent_chars * ctx.profile.sizes.page_number_pt * 20)
    ooxml.set_indent(ppr, left=indent if side == "left" else 0, right=indent if side == "right" else 0)
    ooxml.set_p(ppr, "jc", val=side)
    ooxml.set_exact_spacing(ppr, tight_line(ctx.profile.sizes.page_number_pt))
    dash = ctx.profile.page_number.dash
    run_props = _run_props(ctx)
    _text_run(para, f"{dash} ", run_props)
    ooxml.add_field(para._p, "PAGE", run_props, "1")
    _text_run(para, f" {dash}", run_props)


def _run_props(ctx: Context):
    rpr = ooxml.OxmlElement("w:rPr")
    ooxml.set_fonts(rpr, ctx.face("songti"))
    return rpr


def _text_run(para, text: str, rpr) -> None:
    run = para.add_run(text)
    run._r.insert(0, ooxml.clone(rpr))
