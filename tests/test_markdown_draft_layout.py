"""The hand-written draft (samples/input/draft.md) converts to PDF and DOCX in the official layout.

Checked on the rendered result: the PDF's text lines, fonts, colours and positions (pdfplumber), and the DOCX's
paragraph styles and East Asian fonts. Skipped in a build without the PDF or DOCX writer.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

import converters
from converters.errors import FormatNotAvailable

DRAFT = Path(__file__).resolve().parents[1] / "samples" / "input" / "draft.md"


def _render(fmt: str) -> bytes:
    try:
        return converters.render(converters.read(DRAFT), fmt)
    except FormatNotAvailable as exc:
        pytest.skip(exc.message)


@pytest.fixture(scope="module")
def pdf_lines():
    pdfplumber = pytest.importorskip("pdfplumber")
    data = _render("pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
        lines = [(n, line) for n, page in enumerate(pdf.pages) for line in page.extract_text_lines()]
        text = "\n".join(page.extract_text() for page in pdf.pages)
    return pages, lines, text


def _line(lines, start: str):
    found = [(n, line) for n, line in lines if line["text"].replace(" ", "").startswith(start)]
    assert found, f"no line starts with {start!r}"
    return found[0]


def _font(line) -> str:
    return line["chars"][0]["fontname"].lower()


def test_draft_pdf_has_the_head_title_and_heading_fonts(pdf_lines):
    _, lines, _ = pdf_lines
    page, mark = _line(lines, "临川市教育局文件")
    assert page == 0 and "biaosong" in _font(mark) and mark["chars"][0]["non_stroking_color"][:3] == (1.0, 0.0, 0.0)
    _, number = _line(lines, "临教〔2024〕12号")
    _, title = _line(lines, "临川市教育局关于做好2024年")
    assert mark["top"] < number["top"] < title["top"]
    assert "biaosong" in _font(title) and round(title["chars"][0]["size"]) == 22
    expected = {"一、提高思想认识": "heiti", "（一）校园安全隐患排查": "kaiti", "1.校舍安全": "fangsong",
                "（1）消防设施": "fangsong", "加强督查问责。": "kaiti", "各县（区）教育局，市直各学校：": "fangsong"}
    for start, face in expected.items():
        assert face in _font(_line(lines, start)[1]), start


def test_draft_pdf_closes_with_signature_date_and_the_imprint(pdf_lines):
    pages, lines, text = pdf_lines
    sig_page, signature = [(n, l) for n, l in lines if l["text"].strip() == "临川市教育局"][0]
    date_page, date = _line(lines, "2024年2月20日")
    assert sig_page == date_page and signature["top"] < date["top"] and signature["x0"] > 250 and date["x0"] > 250
    cc_page, cc = _line(lines, "抄送：")
    printed_page, printed = _line(lines, "临川市教育局办公室")
    assert cc_page == printed_page == pages - 1 and date["top"] < cc["top"] < printed["top"]
    assert printed["text"].replace(" ", "").endswith("2024年2月21日印发")
    assert "<script>" in text


def test_draft_docx_styles_and_fonts():
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn
    document = docx.Document(io.BytesIO(_render("docx")))
    paragraphs = {p.text: p for p in document.paragraphs if p.text.strip()}

    def east_asian(text: str) -> str:
        run = next(p for t, p in paragraphs.items() if t.startswith(text)).runs[0]
        return run._element.rPr.rFonts.get(qn("w:eastAsia"))

    assert "小标宋" in east_asian("临川市教育局文件") and "小标宋" in east_asian("临川市教育局关于做好")
    assert east_asian("一、提高思想认识") == "黑体" and "楷体" in east_asian("（一）校园安全隐患排查")
    assert "仿宋" in east_asian("1.校舍安全") and "仿宋" in east_asian("2024年2月20日")
    assert any("<script>" in t for t in paragraphs)
