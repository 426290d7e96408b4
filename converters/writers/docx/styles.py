"""Paragraph styles, document defaults and settings: where the fonts, sizes, grid pitch and colours live.

Every style carries explicit rFonts in all four slots; theme fonts are stripped from the whole style sheet and
the theme language set to zh-CN, because python-docx's template says ja-JP and any theme attribute overrides the
explicit face (CJK text would come out in MS Mincho).
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE

from . import ooxml
from .context import Context

LANG = "zh-CN"


@dataclass(frozen=True)
class StyleSpec:
    name: str
    role: str  # font role in the profile's [fonts] table
    size_pt: float
    align: str = "both"  # w:jc value
    first_line_chars: float = 0
    color: str | None = None
    bold: bool = False
    outline_level: int | None = None  # makes titles and headings navigable in Word's outline
    keep_next: bool = False  # never the last line of a page: moves to the next page with the text it heads


BODY = "GW Body"
FLUSH = "GW Flush"
TITLE = "GW Title"
MARK = "GW Mark"
DOC_NUMBER = "GW Doc Number"
COLOPHON = "GW Colophon"
PAGE_NUMBER = "GW Page Number"
TABLE = "GW Table"
TABLE_HEADER = "GW Table Header"
LABEL = "GW Attachment Label"


def style_id(name: str) -> str:
    """The id Word and python-docx derive from a style name (spaces removed)."""
    return name.replace(" ", "")


def heading_style(level: int) -> str:
    return f"GW Heading {level}"


def style_specs(ctx: Context) -> list[StyleSpec]:
    p = ctx.profile
    body = p.sizes.body_pt
    indent = p.body.first_line_indent_chars
    align = "both" if p.body.justify else "left"
    specs = [
        StyleSpec(BODY, "fangsong", body, align, indent),
        StyleSpec(FLUSH, "fangsong", body, "left"),
        StyleSpec(TITLE, p.title.font, p.sizes.title_pt, "center", outline_level=0),
        StyleSpec(MARK, p.header.mark_font, p.sizes.mark_max_pt, "center", color=p.colors.red),
        StyleSpec(DOC_NUMBER, "fangsong", body, "center"),
        StyleSpec(COLOPHON, "fangsong", p.sizes.colophon_pt, "left"),
        StyleSpec(PAGE_NUMBER, "songti", p.sizes.page_number_pt, "left"),
        StyleSpec(TABLE, "fangsong", body, "left"),
        StyleSpec(TABLE_HEADER, p.tables.header_font, body, "center"),
        StyleSpec(LABEL, p.attachments.label_font, body, "left"),
    ]
    for level in range(1, 5):
        face, bold = p.heading_face(level)
        specs.append(StyleSpec(heading_style(level), face, body, align, indent,
                               bold=bold, outline_level=level, keep_next=True))
    return specs


def install(ctx: Context) -> None:
    """Set document defaults, the Normal style and the GW styles."""
    styles = ctx.docx.styles
    ooxml.strip_theme_fonts(styles.element)
    _defaults(ctx)
    specs = {spec.name: spec for spec in style_specs(ctx)}
    normal = styles["Normal"]
    _apply(ctx, normal.element, StyleSpec("Normal", "fangsong", ctx.profile.sizes.body_pt, "both"))
    for spec in specs.values():
        # Straight to the XML: python-docx's add_style first scans every style for the name, per call.
        element = styles.element.add_style_of_type(spec.name, WD_STYLE_TYPE.PARAGRAPH, False)
        element.basedOn_val = normal.style_id
        element.qFormat_val = True
        _apply(ctx, element, spec)
    _settings(ctx)


def _defaults(ctx: Context) -> None:
    """docDefaults: the body face, size and language, and the grid paragraph settings."""
    defaults = ctx.docx.styles.element.find(ooxml.qn("w:docDefaults"))
    rpr = defaults.find(ooxml.qn("w:rPrDefault")).find(ooxml.qn("w:rPr"))
    ooxml.set_fonts(rpr, ctx.face("fangsong"))
    ooxml.set_size(rpr, ctx.profile.sizes.body_pt)
    ooxml.set_lang(rpr, LANG)
    ppr = defaults.find(ooxml.qn("w:pPrDefault")).find(ooxml.qn("w:pPr"))
    _grid_paragraph(ctx, ppr)


def _grid_paragraph(ctx: Context, ppr) -> None:
    """Every line on the grid: exact pitch, no snapping, no widow control (full pages of 22 lines), and no
    automatic space between Chinese and digits/Latin (a half-width digit takes exactly half a character, which
    the signature geometry and the line counts rely on)."""
    ooxml.set_p(ppr, "widowControl", val=False)
    ooxml.set_p(ppr, "autoSpaceDE", val=False)
    ooxml.set_p(ppr, "autoSpaceDN", val=False)
    ooxml.set_p(ppr, "snapToGrid", val=False)
    ooxml.set_exact_spacing(ppr, ctx.geometry.pitch)


def _apply(ctx: Context, style_el, spec: StyleSpec) -> None:
    ppr = style_el.get_or_add_pPr()
    _grid_paragraph(ctx, ppr)
    ooxml.set_indent(ppr, first_line=ctx.geometry.chars(spec.first_line_chars))
    ooxml.set_p(ppr, "jc", val=spec.align)
    if spec.keep_next:
        ooxml.set_p(ppr, "keepNext")
    if spec.outline_level is not None:
        ooxml.set_p(ppr, "outlineLvl", val=spec.outline_level)
    rpr = style_el.get_or_add_rPr()
    ooxml.set_fonts(rpr, ctx.face(spec.role))
    ooxml.set_r(rpr, "b", val=spec.bold)
    ooxml.set_r(rpr, "bCs", val=spec.bold)
    ooxml.set_r(rpr, "color", val=spec.color or ctx.profile.colors.black)
    if spec.size_pt == ctx.profile.sizes.body_pt:
        ooxml.set_r(rpr, "spacing", val=ctx.geometry.char_spacing)
    ooxml.set_size(rpr, spec.size_pt)
    ooxml.set_lang(rpr, LANG)


def _settings(ctx: Context) -> None:
    settings = ctx.docx.settings
    el = settings.element
    ooxml.set_setting(el, "themeFontLang", val="en-US", eastAsia=LANG)
    if ctx.profile.page.mirror_margins:
        ooxml.set_setting(el, "mirrorMargins")
    settings.odd_and_even_pages_header_footer = True
