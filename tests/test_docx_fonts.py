"""Fonts: the fontconfig mapping for faithful Linux renders, and --embed-fonts (Word's obfuscated fonts)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont

from converters.layout.profile import load
from converters.model import Document, Heading, Metadata, Paragraph, Run
from converters.options import WriteOptions
from converters.writers import docx as docx_writer
from converters.writers.docx.fontconfig import targets, write_fonts_conf
from converters.writers.docx.fonts import obfuscate
from helpers_docx import TEST_FONT_PREFIX, make_test_fonts, pdffonts, to_pdf

FAMILIES = ["GwXiaobiaosong", "GwFangsong", "GwHeiti", "GwKaiti", "GwSongti"]
DOC = Document(Metadata(title="关于测试嵌入字体的通知", issuer_mark="测试机关文件", doc_number="测发〔2024〕1号"),
               [Heading(1, "一、标题", "一、"), Paragraph([Run("正文内容测试。" * 5)])])


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    fonts = tmp_path_factory.mktemp("fonts")
    make_test_fonts(fonts, FAMILIES, "关于测试嵌入字体的通知机关文件测发〔〕号一、标题正文内容。— ")
    return docx_writer.render(DOC, WriteOptions(embed_fonts=True, font_dirs=(fonts,)))


def test_fonts_are_embedded_obfuscated(embedded):
    package = zipfile.ZipFile(io.BytesIO(embedded))
    parts = sorted(n for n in package.namelist() if n.endswith(".odttf"))
    assert len(parts) == 5
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in package.read("[Content_Types].xml").decode()
    out = docx.Document(io.BytesIO(embedded))
    table = out.part.rels
    font_table = next(r.target_part for r in table.values() if r.reltype.endswith("/fontTable"))
    from lxml import etree

    root = etree.fromstring(font_table.blob)
    families = set()
    for font in root.findall(qn("w:font")):
        embed = font.find(qn("w:embedRegular"))
        assert embed is not None, font.get(qn("w:name"))
        blob = font_table.rels[embed.get(qn("r:id"))].target_part.blob
        assert blob[:4] not in (b"OTTO", b"\x00\x01\x00\x00", b"true")  # obfuscated …
        clear = obfuscate(blob, embed.get(qn("w:fontKey")))  # … and the same XOR restores it
        family = TTFont(io.BytesIO(clear))["name"].getDebugName(1)
        assert family == font.get(qn("w:name"))
        families.add(family)
    assert families == set(FAMILIES)
    assert out.settings.element.find(qn("w:embedTrueTypeFonts")) is not None
    assert out.styles["GW Body"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "GwFangsong"


def test_libreoffice_uses_the_embedded_fonts(embedded, tmp_path):
    """Rendered without any font mapping, so the faces can only come from the DOCX: the test fonts (with names
    no installed font has) and the shipped fonts (not where the system configuration looks)."""
    test_fonts = tmp_path / "test-fonts.docx"
    test_fonts.write_bytes(embedded)
    (pdf,) = to_pdf([test_fonts], tmp_path / "pdf", mapping=False)
    names = pdffonts(pdf)
    assert names and all(name.startswith(TEST_FONT_PREFIX) for name in names), names
    # A separate LibreOffice run: embedded faces stay registered in the process under their family names.
    shipped = tmp_path / "shipped.docx"
    shipped.write_bytes(docx_writer.render(DOC, WriteOptions(embed_fonts=True)))
    (pdf,) = to_pdf([shipped], tmp_path / "pdf", mapping=False)
    assert set(pdffonts(pdf)) == {f"{family}-Regular" for family in FAMILIES if family != "GwKaiti"}


@pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig tools not installed")
def test_fontconfig_maps_customary_names(tmp_path):
    profile = load()
    conf = write_fonts_conf(tmp_path / "fonts.conf", cache_dir=tmp_path / "cache")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    for role, family in targets(profile).items():
        for name in profile.value(f"fonts.{role}"):
            got = subprocess.run(["fc-match", "-f", "%{family}", name], env=env, capture_output=True, text=True,
                                 check=True).stdout
            assert family in got.split(","), (name, got)
