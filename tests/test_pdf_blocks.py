"""Block kinds beyond paragraphs and headings, the 上行文 header, and user fonts in the rendered PDF."""
from __future__ import annotations

import io

import pdfplumber
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from converters import fonts
from converters.layout import profile as profiles
from converters.model import Cell, Document, Image, ListBlock, Metadata, PageBreak, Paragraph, Quote, Run, Table
from helpers_pdf import INSIDE, MM, SENTENCE, TEXT_W, lines_of, page_texts, render, squash


def test_table_with_spans_lists_quotes_images_and_page_breaks():
    table = Table([[Cell("序号", header=True), Cell("单位", header=True), Cell("金额（万元）", header=True)],
                   [Cell("1"), Cell("合并单元格内容", colspan=2)],
                   [Cell("2", rowspan=2), Cell("甲单位"), Cell("12.5")],
                   [Cell("乙单位"), Cell("7")]])
    doc = Document(blocks=[Paragraph([Run("表格前。")]), table,
                           ListBlock([[Run("第一项")], [Run("第二项")]], ordered=True),
                           Quote([Paragraph([Run("引用的段落。")])]), Image("https://x.example/a.png", alt="示意图"),
                           PageBreak(), Paragraph([Run("分页后的段落。")])])
    data = render(doc)
    texts = page_texts(data)
    first = squash(texts[0])
    for item in ("序号", "单位", "金额（万元）", "合并单元格内容", "甲单位", "12.5", "乙单位", "1.第一项", "2.第二项",
                 "引用的段落。", "〔图：示意图〕"):
        assert item in first, item
    assert len(texts) == 2 and "分页后的段落。" in squash(texts[1])
    header = next(ln for ln in lines_of(data) if "序号" in ln.text)
    assert "GwHeiti-Regular" in header.fonts and header.size == 16  # 3号, the default of every element
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    first_of_merged = next(c for c in chars if c["text"] == "合")
    assert INSIDE + TEXT_W / 3 < first_of_merged["x0"] < INSIDE + TEXT_W / 3 + 6 * MM  # spans columns 2–3
    two, first_row, second_row = (next(c for c in chars if c["text"] == t) for t in ("2", "甲", "乙"))
    assert first_row["top"] < two["top"] < second_row["top"]  # the row-spanning cell sits between its rows


def test_signer_puts_the_number_left_and_the_signer_right():
    doc = Document(Metadata(issuer_mark="某某市教育局文件", doc_number="某教〔2024〕3号", signer="张三"),
                   blocks=[Paragraph([Run(SENTENCE)])])
    lines = lines_of(render(doc))
    row = next(ln for ln in lines if ln.text.startswith("某教〔2024〕3号"))
    assert row.text.endswith("签发人：张三")
    assert abs(row.x0 - (INSIDE + 15.75)) < MM  # 居左空一字
    assert abs(row.x1 - (INSIDE + TEXT_W - 15.75)) < MM  # 居右空一字
    assert {"GwFangsong-Regular", "GwKaiti-Regular"} <= row.fonts  # the name in 楷体


def test_user_font_is_used_for_its_role(tmp_path):
    source = fonts.shipped_files(profiles.load())["heiti"]
    font = TTFont(source)
    font["name"].names = [r for r in font["name"].names if r.nameID not in (1, 4, 16)]
    for nid in (1, 4):
        font["name"].setName("仿宋_GB2312", nid, 3, 1, 0x804)
    font.save(tmp_path / "FS_GB2312.ttf")
    data = render(Document(blocks=[Paragraph([Run(SENTENCE)])]), font_dirs=(tmp_path,))
    body = [ln for ln in lines_of(data) if ln.size == 16]
    assert body and all(ln.fonts == {"GwHeiti-Regular"} for ln in body)  # the user's file, by its own PS name
    assert PdfReader(io.BytesIO(data)).pages


def test_table_row_taller_than_a_page_splits_across_pages():
    doc = Document(blocks=[Table([[Cell("长" * 5000 + "尾"), Cell("短")]])])
    data = render(doc)
    texts = page_texts(data)
    assert len(texts) > 5
    assert squash("".join(texts)).count("长") == 5000 and "尾" in squash("".join(texts))


def test_copy_number_classification_and_urgency_lead_the_header():
    from helpers_pdf import TOP

    doc = Document(Metadata(issuer_mark="某某市人民政府文件", copy_number="000123", classification="秘密★1年",
                            urgency="特急", doc_number="某政发〔2024〕1号"), blocks=[Paragraph([Run(SENTENCE)])])
    lines = lines_of(render(doc))
    top3 = lines[:3]
    assert [ln.text for ln in top3] == ["000123", "秘密★1年", "特急"]
    assert all(abs(ln.x0 - INSIDE) < MM for ln in top3)  # flush left, lines 1–3 of the text area
    assert top3[1].fonts == top3[2].fonts == {"GwHeiti-Regular"}
    assert abs(top3[0].top - TOP) < 10 and all(0 < b.top - a.top < 30 for a, b in zip(top3, top3[1:]))
    mark = next(ln for ln in lines if ln.text == "某某市人民政府文件")
    assert abs(mark.top - (TOP + 35 * MM)) < MM  # the mark stays 35 mm below the text-area top


def test_links_of_runs_and_attachments_become_link_annotations():
    from converters.model import Attachment

    doc = Document(Metadata(attachments=[Attachment("实施细则", url="https://x.example/a.pdf")]),
                   blocks=[Paragraph([Run("详见"), Run("公告原文", href="https://x.example/notice?a=1&b=<2>"),
                                      Run("。")])])
    data = render(doc)
    page = PdfReader(io.BytesIO(data)).pages[0]
    links = [a.get_object() for a in page.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in links]
    assert uris == ["https://x.example/notice?a=1&b=<2>", "https://x.example/a.pdf"]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
        height = pdf.pages[0].height
    first = next(c for c in chars if c["text"] == "公")
    last = next(c for c in chars if c["text"] == "文")
    x0, y0, x1, y1 = (float(v) for v in links[0]["/Rect"])
    assert abs(x0 - first["x0"]) < 1 and abs(x1 - last["x1"]) < 1  # the link covers exactly the linked run
    assert y0 < height - first["bottom"] + 1 and y1 > height - first["top"] - 1
