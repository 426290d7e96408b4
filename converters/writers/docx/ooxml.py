"""Raw WordprocessingML that python-docx has no API for, in one place (cf. python-docx's own oxml layer).

Word rejects a file whose children appear out of schema order, so every setter goes through `set_child`, which
replaces an existing element of the same tag and inserts new ones at their schema position. Lengths are twips
(1/20 pt) unless a name says otherwise; border sizes are eighths of a point as the schema wants.
"""
from __future__ import annotations

from typing import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# Schema order (ECMA-376 Part 1, CT_PPrBase / CT_RPr / CT_SectPr / CT_Settings), trimmed to what we write.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
SETTINGS_ORDER = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                  "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                  "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                  "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                  "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
                  "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
                  "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                  "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
                  "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                  "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
                  "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
                  "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
                  "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
                  "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
                  "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
                  "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
                  "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
                  "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                  "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
                  "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
                  "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping")


def twips_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_pt(pt: float) -> int:
    return round(pt * 20)


def set_child(parent: etree._Element, tag: str, order: Iterable[str], **attrs: object) -> etree._Element:
    """Put a `w:<tag>` child with `attrs` (w: attributes) into `parent`, replacing any existing one, in order."""
    order = tuple(order)
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    child = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), _str(value))
    rank = order.index(tag)
    for i, sibling in enumerate(parent):
        local = etree.QName(sibling).localname
        if local in order and order.index(local) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def _str(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def ppr(p: etree._Element) -> etree._Element:
    """The w:pPr of a w:p (or the pPr of a style element), created when missing."""
    return p.get_or_add_pPr()


def set_p(pPr: etree._Element, tag: str, **attrs: object) -> etree._Element:
    return set_child(pPr, tag, PPR_ORDER, **attrs)


def set_r(rPr: etree._Element, tag: str, **attrs: object) -> etree._Element:
    return set_child(rPr, tag, RPR_ORDER, **attrs)


def set_fonts(rPr: etree._Element, face: str) -> None:
    """All four rFonts slots plus the eastAsia hint, so no theme or script fallback can pick another face."""
    set_r(rPr, "rFonts", ascii=face, hAnsi=face, eastAsia=face, cs=face, hint="eastAsia")


def set_size(rPr: etree._Element, pt: float) -> None:
    half = round(pt * 2)
    set_r(rPr, "sz", val=half)
    set_r(rPr, "szCs", val=half)


def set_lang(rPr: etree._Element, lang: str) -> None:
    set_r(rPr, "lang", val=lang, eastAsia=lang, bidi="ar-SA")


def set_exact_spacing(pPr: etree._Element, line_twips: int, before: int = 0, after: int = 0) -> None:
    set_p(pPr, "spacing", before=before, after=after, line=line_twips, lineRule="exact")


def set_indent(pPr: etree._Element, left: int = 0, right: int = 0, first_line: int = 0, hanging: int = 0) -> None:
    attrs: dict[str, object] = {"left": left, "right": right}
    if hanging:
        attrs["hanging"] = hanging
    else:
        attrs["firstLine"] = first_line
    set_p(pPr, "ind", **attrs)


def set_borders(pPr: etree._Element, **edges: tuple[int, str, int]) -> None:
    """Paragraph borders: edge name → (size in ⅛ pt, colour RRGGBB, space in pt)."""
    bdr = set_p(pPr, "pBdr")
    for edge in ("top", "left", "bottom", "right", "between"):
        if edge in edges:
            size, color, space = edges[edge]
            b = OxmlElement(f"w:{edge}")
            for key, value in (("val", "single"), ("sz", size), ("space", space), ("color", color)):
                b.set(qn(f"w:{key}"), str(value))
            bdr.append(b)


def set_frame(pPr: etree._Element, width: int, x: int, y: int) -> None:
    """Anchor the paragraph to absolute page coordinates: the form of frame both Word and LibreOffice honour."""
    set_p(pPr, "framePr", w=width, hAnchor="margin", vAnchor="page", x=x, y=y, wrap="around")


def set_tab(pPr: etree._Element, pos: int, align: str = "right") -> None:
    tabs = set_p(pPr, "tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), align)
    tab.set(qn("w:pos"), str(pos))
    tabs.append(tab)


def add_field(paragraph_el: etree._Element, instruction: str, rPr: etree._Element | None, placeholder: str) -> None:
    """Append a complex field (begin / instrText / separate / cached result / end) to a w:p."""
    def run() -> etree._Element:
        r = OxmlElement("w:r")
        if rPr is not None:
            r.append(clone(rPr))
        paragraph_el.append(r)
        return r

    for kind in ("begin", "instr", "separate", "result", "end"):
        r = run()
        if kind == "instr":
            t = OxmlElement("w:instrText")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = f" {instruction} "
        elif kind == "result":
            t = OxmlElement("w:t")
            t.text = placeholder
        else:
            t = OxmlElement("w:fldChar")
            t.set(qn("w:fldCharType"), kind)
        r.append(t)


def clone(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el))


def set_setting(settings: etree._Element, tag: str, **attrs: object) -> etree._Element:
    return set_child(settings, tag, SETTINGS_ORDER, **attrs)


def set_sect(sectPr: etree._Element, tag: str, **attrs: object) -> etree._Element:
    return set_child(sectPr, tag, SECTPR_ORDER, **attrs)


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove every theme font attribute: when present it overrides the explicit face (python-docx #1601)."""
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rfonts.attrib.pop(qn(f"w:{attr}"), None)


def set_table_borders(tbl: etree._Element, size: int, color: str) -> None:
    """Full single borders around and between all cells (a table style would bring theme fonts with it)."""
    tblPr = tbl.tblPr
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", size), ("space", 0), ("color", color)):
            b.set(qn(f"w:{key}"), str(value))
        borders.append(b)
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize, tblW, jc,
    # tblCellSpacing, tblInd, tblBorders, …: insert before the first element that must follow the borders.
    after = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
    for i, child in enumerate(tblPr):
        if etree.QName(child).localname in after:
            tblPr.insert(i, borders)
            return
    tblPr.append(borders)


def mark_header_row(row_el: etree._Element) -> None:
    """Repeat the row at the top of every page the table spans."""
    trPr = row_el.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def append_run(parent: etree._Element, text: str) -> etree._Element:
    """Append a w:r holding `text` (line feeds become w:br, tabs w:tab) to a w:p or w:hyperlink; return it.

    Built directly: python-docx's Run.text adds the text one character at a time."""
    r = OxmlElement("w:r")
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(OxmlElement("w:br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                r.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")
                r.append(t)
    parent.append(r)
    return r
