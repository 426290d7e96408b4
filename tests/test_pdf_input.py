"""Hostile and odd input: markup-like text, control characters, huge paragraphs, unbreakable strings, long
titles, characters no font has. Each renders (or fails with a one-line message), and pypdf opens the result."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import converters
from converters import fonts
from converters.errors import ConversionError, OutputExists
from converters.layout import profile as profiles
from converters.model import Document, Heading, Metadata, Paragraph, Run
from helpers_pdf import INSIDE, MM, PAGE_W, SENTENCE, TEXT_W, lines_of, page_texts, render, squash


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_markup_like_text_is_printed_literally():
    text = "注意<script>alert(1)</script>与&amp;以及<b>粗体</b>和<font name='x'>、a < b > c & d。"
    doc = Document(Metadata(title="<b>标题</b>&amp;"), blocks=[Heading(1, "一、<i>要求</i>", "一、"),
                                                               Paragraph([Run(text)])])
    data = render(doc)
    extracted = squash("".join(page_texts(data)))
    assert squash(text) in extracted and "<b>标题</b>&amp;" in extracted
    assert PdfReader(io.BytesIO(data)).metadata.title == "<b>标题</b>&amp;"


def test_control_characters_are_reported_not_printed():
    doc = Document(blocks=[Paragraph([Run("前文\x00\x07中间\x1b后文\t结\u200b尾")])])
    data = render(doc)
    text = squash("".join(page_texts(data)))
    assert "前文中间后文结尾" in text
    assert len([w for w in doc.warnings if "control character" in w]) == 3
    assert any("invisible format character U+200B" in w for w in doc.warnings)
    assert any("U+0007" in w and "block 1, character 4" in w for w in doc.warnings)


def test_ten_thousand_line_paragraph():
    lines = "\n".join(f"第{n}行" for n in range(1, 10_001))
    data = render(Document(blocks=[Paragraph([Run(lines)])]))
    assert _pages(data) == pytest.approx(10_000 / 22, abs=2)
    last_page = page_texts(data)[-1]
    assert "第10000行" in last_page


def test_long_unbroken_latin_string_and_url_wrap_inside_the_text_area():
    url = "https://www.example.gov.cn/" + "a" * 100 + "/index.html?id=1&page=2"
    word = "X" * 100
    doc = Document(blocks=[Paragraph([Run(f"详见{url}。另见{word}。")])])
    data = render(doc)
    lines = lines_of(data)
    assert len(lines) >= 6
    for ln in lines:
        left = INSIDE if ln.page % 2 else PAGE_W - INSIDE - TEXT_W
        assert left - MM <= ln.x0 and ln.x1 <= left + TEXT_W + MM, ln
    text = squash("".join(page_texts(data)))
    assert url in text and word in text


def test_two_hundred_character_title():
    title = ("关于进一步加强和改进新时代基层治理体系和治理能力现代化建设" * 8)[:200]
    data = render(Document(Metadata(title=title), blocks=[Paragraph([Run(SENTENCE)])]))
    rows = [ln for ln in lines_of(data) if ln.size == 22]
    assert "".join(ln.text for ln in rows) == title
    assert all(len(ln.text) <= 20 for ln in rows) and len(rows) == 10


def test_character_outside_every_font_is_reported_with_its_position():
    fs = fonts.load(profiles.load())
    missing = next(chr(c) for c in range(0x20000, 0x2A6E0) if fs.font_for("fangsong", chr(c)) is None)
    covered = "𠮷"
    doc = Document(blocks=[Paragraph([Run("张")]), Paragraph([Run(f"王{missing}与李{covered}")])])
    data = render(doc)
    code = f"U+{ord(missing):04X}"
    assert doc.warnings == [f"block 2, character 2: {missing!r} ({code}) is in no font; printed as [{code}]"]
    text = squash("".join(page_texts(data)))
    assert f"王[{code}]与李{covered}" in text  # the covered Extension B character extracts as itself


def test_empty_document_renders_a_valid_pdf():
    assert _pages(render(Document())) == 1


def test_every_pdf_opens_with_pypdf_for_odd_documents():
    odd = [Document(blocks=[Paragraph([Run("")])]), Document(Metadata(title="")),
           Document(Metadata(signature="某某单位")), Document(Metadata(date="2024年1月1日")),
           Document(Metadata(cc="甲" * 300)), Document(blocks=[Heading(4, "（1）" + "长" * 80, "（1）")] * 30)]
    for doc in odd:
        assert _pages(render(doc)) >= 1


def test_written_atomically(tmp_path):
    target = tmp_path / "out.pdf"
    doc = Document(Metadata(title="测试"), blocks=[Paragraph([Run(SENTENCE)])])
    converters.write(doc, target)
    assert PdfReader(target).pages
    with pytest.raises(OutputExists):
        converters.write(doc, target)
    before = target.read_bytes()
    with pytest.raises(ConversionError):
        converters.write(doc, target, options=converters.WriteOptions(profile=tmp_path / "missing.toml"),
                         overwrite=True)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary file left behind
