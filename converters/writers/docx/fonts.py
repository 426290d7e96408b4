"""Font faces for the DOCX: the customary Chinese names by default, the shipped open faces when embedding."""
from __future__ import annotations

import io
import uuid
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from fontTools import subset
from lxml import etree

from ...errors import FormatNotAvailable
from ...fonts import SHIPPED_DIRS
from ...layout.profile import Profile
from . import ooxml

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

ROLES = ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti")


def faces(profile: Profile, embed: bool) -> dict[str, str]:
    """Role → face name. The first customary name (仿宋_GB2312 …) opens right on office PCs; with embedding the
    document names the shipped faces it carries, so every reader shows exactly the embedded glyphs."""
    out = {}
    for role in ROLES:
        entry = profile.entry(f"fonts.{role}")
        names = entry.value if isinstance(entry.value, list) else [entry.value]
        out[role] = entry.get("shipped") if embed and entry.get("shipped") else names[0]
    return out


def write_font_table(out: DocxDocument, profile: Profile, faces: dict[str, str],
                     embed_from: tuple[Path, ...] | None) -> None:
    """Describe every face in word/fontTable.xml: the customary alternatives (altName) and the GB2312 charset
    let Word pick a close substitute; with `embed_from` (font directories, may be empty) the shipped faces are
    embedded, subset to the characters of the document, as Word's obfuscated fonts."""
    part = _font_table_part(out)
    root = etree.fromstring(part.blob)
    for old in root.findall(qn("w:font")):
        root.remove(old)
    chars = _document_chars(out) if embed_from is not None else ""
    for n, role in enumerate(ROLES, 1):
        face = faces[role]
        entry = profile.entry(f"fonts.{role}")
        names = [x for x in (entry.value if isinstance(entry.value, list) else [entry.value]) if x != face]
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): face})
        if names:
            etree.SubElement(font, qn("w:altName"), {qn("w:val"): names[0]})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "modern" if role == "heiti" else "roman"})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "variable"})
        if embed_from is None:
            continue
        path = find_shipped(face, embed_from)
        if path is None:
            raise FormatNotAvailable(f"cannot embed fonts: face {face!r} not found in "
                                     f"{', '.join(map(str, (*embed_from, *shipped_dirs()))) or 'any font directory'}")
        key = "{" + str(uuid.uuid4()).upper() + "}"
        font_part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED_FONT, obfuscate(_subset(path, chars), key),
                         out.part.package)
        rid = part.relate_to(font_part, RT.FONT)
        etree.SubElement(font, qn("w:embedRegular"), {qn("r:id"): rid, qn("w:fontKey"): key})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)  # a plain Part
    if embed_from is not None:
        ooxml.set_setting(out.settings.element, "embedTrueTypeFonts")
        ooxml.set_setting(out.settings.element, "saveSubsetFonts")


def obfuscate(data: bytes, key: str) -> bytes:
    """Word's font obfuscation (ECMA-376 Part 1, 17.8.1): XOR the first 32 bytes with the GUID's 16 bytes
    taken in reverse order. The same operation undoes it."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ guid[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_table_part(out: DocxDocument) -> Part:
    for rel in out.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            return rel.target_part
    raise RuntimeError("the DOCX template has no font table")


def _document_chars(out: DocxDocument) -> str:
    """Every character the document can show: its text, the footers' text and the page-number digits."""
    texts = [t.text or "" for t in out.element.iter(qn("w:t"))]
    for section in out.sections:
        for footer in (section.footer, section.even_page_footer):
            texts += [t.text or "" for t in footer._element.iter(qn("w:t"))]
    return "".join(sorted(set("".join(texts) + "0123456789")))


def _subset(path: Path, chars: str) -> bytes:
    """The font cut down to `chars`, keeping its names, so a DOCX carries kilobytes instead of megabytes."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(path, fontNumber=0)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def shipped_dirs() -> tuple[Path, ...]:
    """The folders holding the shipped open fonts that exist in this installation."""
    return tuple(d for d in SHIPPED_DIRS if d.is_dir())


@lru_cache(maxsize=None)
def _families(directory: Path) -> dict[str, Path]:
    """Family name → file for the fonts in a user's folder (their file names need not match the family)."""
    out: dict[str, Path] = {}
    for path in sorted(directory.glob("*.[tToO][tT][fF]")):
        try:
            name = TTFont(path, lazy=True, fontNumber=0)["name"]
        except Exception:  # an unreadable file is not a font we can use; others in the directory still are
            continue
        family = name.getDebugName(16) or name.getDebugName(1)
        if family:
            out.setdefault(family, path)
    return out


def find_shipped(family: str, font_dirs: tuple[Path, ...] = ()) -> Path | None:
    """The file of `family` in the user's font directories, else the shipped `<family>.ttf`, if present."""
    for directory in font_dirs:
        path = _families(Path(directory)).get(family)
        if path:
            return path
    return next((d / f"{family}.ttf" for d in shipped_dirs() if (d / f"{family}.ttf").is_file()), None)
