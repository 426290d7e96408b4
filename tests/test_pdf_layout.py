"""The PDF writer's layout, measured on the rendered PDF (GB/T 9704 values from spec/gbt9704.md)."""
from __future__ import annotations

import io
import re
import subprocess
from collections import Counter

import pdfplumber
import pytest
from pypdf import PdfReader

from converters.model import Document, Metadata, Paragraph, Run
from helpers_pdf import (BOTTOM, INSIDE, MM, PAGE_H, PAGE_W, TEXT_W, TOP, body_only, lines_of, notice, page_texts,
                         render, squash)

PAGE_NUMBER = re.compile(r"^— (\d+) —$")


@pytest.fixture(scope="module")
def notice_pdf() -> bytes:
    return render(notice(body_paragraphs=12))


@pytest.fixture(scope="module")
def body_pdf() -> bytes:
    return render(body_only(30))


def _body_lines(lines):
    return [ln for ln in lines if not PAGE_NUMBER.match(ln.text) and ln.size == 16]


def test_page_size_is_a4(notice_pdf):
    with pdfplumber.open(io.BytesIO(notice_pdf)) as doc:
        for page in doc.pages:
            assert abs(page.width - PAGE_W) < MM and abs(page.height - PAGE_H) < MM


def test_text_stays_in_the_text_area_and_fills_it(body_pdf):
    lines = _body_lines(lines_of(body_pdf))
    for ln in lines:
        left = INSIDE if ln.page % 2 else PAGE_W - INSIDE - TEXT_W  # mirrored margins: 订口 alternates
        assert ln.x0 >= left - MM and ln.x1 <= left + TEXT_W + MM, ln
        assert ln.top >= TOP - MM and ln.bottom <= BOTTOM + MM, ln
    page2 = [ln for ln in lines if ln.page == 2]
    assert abs(page2[0].top - TOP) < 10 * MM and abs(page2[-1].bottom - BOTTOM) < 10 * MM
    # Justified full lines end at the right edge of the text area; unindented lines start at its left edge.
    full = [ln for ln in page2 if len(ln.text) == 28]
    assert full and all(abs(ln.x1 - (PAGE_W - INSIDE)) < MM for ln in full)  # page 2: text area from 26 mm
    assert all(abs(ln.x0 - (PAGE_W - INSIDE - TEXT_W)) < MM for ln in full)


def test_full_body_page_has_22_lines_of_28_characters(body_pdf):
    lines = _body_lines(lines_of(body_pdf))
    per_page = Counter(ln.page for ln in lines)
    assert per_page[2] == 22 and per_page[3] == 22
    lengths = Counter(len(ln.text) for ln in lines if ln.page == 2)
    assert lengths.most_common(1)[0][0] == 28
    assert max(lengths) == 28
    pitches = {round(b.top - a.top, 1) for a, b in zip(lines, lines[1:]) if a.page == b.page == 2}
    assert pitches == {28.9} or pitches == {29.0} or pitches <= {28.9, 29.0}


def test_first_line_indent_is_two_characters(body_pdf):
    lines = _body_lines(lines_of(body_pdf))
    first = next(ln for ln in lines if ln.text.startswith(squash(body_only(1).blocks[0].text)[:5]) and ln.page == 1)
    assert abs(first.x0 - (INSIDE + 2 * 15.75)) < MM


def test_kinsoku_on_every_line_of_a_punctuation_heavy_text():
    text = "“试点”，（一）《规划》、“方案”。测试：是否？是！（完）" * 40
    lines = _body_lines(lines_of(render(body_only(3, text))))
    assert len(lines) > 20
    for ln in lines:
        assert ln.text[0] not in "，。、；：？！）》”", ln.text
        assert ln.text[-1] not in "（《“", ln.text


def test_page_numbers_text_side_and_height(notice_pdf):
    numbers = [ln for ln in lines_of(notice_pdf) if PAGE_NUMBER.match(ln.text)]
    pages = len(PdfReader(io.BytesIO(notice_pdf)).pages)
    assert [int(PAGE_NUMBER.match(ln.text)[1]) for ln in numbers] == list(range(1, pages + 1))
    for ln in numbers:
        assert ln.fonts == {"GwSongti-Regular"} and ln.size == 14
        left = INSIDE if ln.page % 2 else PAGE_W - INSIDE - TEXT_W
        if ln.page % 2:  # odd: right, one 4号 character in
            assert abs(ln.x1 - (left + TEXT_W - 14)) < MM
        else:
            assert abs(ln.x0 - (left + 14)) < MM
        assert abs((ln.top + ln.bottom) / 2 - (BOTTOM + 7 * MM)) < MM  # the dash (mid em box) 7 mm below


def test_header_block_positions(notice_pdf):
    lines = lines_of(notice_pdf)
    with pdfplumber.open(io.BytesIO(notice_pdf)) as doc:
        page = doc.pages[0]
        red = [c for c in page.chars if c["non_stroking_color"] and tuple(c["non_stroking_color"])[:3] == (1, 0, 0)]
        rules = [ln for ln in page.lines + page.rects if abs(ln["top"] - ln["bottom"]) < 3]
    mark = [ln for ln in lines if ln.page == 1 and ln.text == "某某市人民政府办公室文件"][0]
    assert red and "".join(c["text"] for c in sorted(red, key=lambda c: c["x0"])) == mark.text
    assert abs(mark.top - (TOP + 35 * MM)) < MM  # the mark's top 35 mm below the text area's top
    assert abs((mark.x0 + mark.x1) / 2 - (INSIDE + TEXT_W / 2)) < MM
    number = [ln for ln in lines if ln.page == 1 and ln.text == "某政办发〔2024〕5号"][0]
    assert 2 * 28.95 < number.top - mark.bottom < 3 * 28.95 + MM  # two blank lines below the mark
    red_rule = [r for r in rules if r["top"] > number.bottom and r["top"] < number.bottom + 10 * MM]
    assert red_rule and abs(red_rule[0]["top"] - (number.bottom + 4 * MM)) < MM
    assert abs(red_rule[0]["x1"] - red_rule[0]["x0"] - TEXT_W) < MM


def test_title_lines_and_heading_fonts(notice_pdf):
    lines = lines_of(notice_pdf)
    title = [ln for ln in lines if ln.size == 22 and ln.page == 1]
    assert squash("".join(ln.text for ln in title)) == "某某市人民政府办公室关于做好2024年安全生产工作的通知"
    assert all(len(ln.text) <= 20 for ln in title) and len(title) == 2
    fonts = {ln.text: ln.fonts for ln in lines}
    assert fonts["一、总体要求"] == {"GwHeiti-Regular"}
    assert fonts["（一）压实责任"] == {"GwKaiti-Regular"}
    assert fonts["2.加强督查"] == {"GwFangsong-Regular"} and fonts["（1）定期通报"] == {"GwFangsong-Regular"}
    lead = next(ln for ln in lines if ln.text.startswith("1.明确分工。"))
    assert lead.fonts == {"GwFangsong-Regular"}


def test_signature_block_geometry(notice_pdf):
    lines = lines_of(notice_pdf)
    sig = next(ln for ln in lines if ln.text == "某某市人民政府办公室")
    date = next(ln for ln in lines if ln.text == "2024年2月5日")
    left = INSIDE if sig.page % 2 else PAGE_W - INSIDE - TEXT_W
    char = 15.75
    assert abs(sig.x1 - (left + TEXT_W - 2 * char)) < MM  # signature 右空二字
    assert abs(date.x0 - (sig.x0 + 2 * char)) < MM  # date starts two characters right of the signature
    assert 0 < date.top - sig.top < 30


def test_attachment_on_new_page_and_colophon_at_bottom_of_last_page(notice_pdf):
    lines = lines_of(notice_pdf)
    label = next(ln for ln in lines if ln.text == "附件")
    assert label.fonts == {"GwHeiti-Regular"}
    assert not [ln for ln in lines if ln.page == label.page and ln.top < label.top]  # first line of its page
    last = max(ln.page for ln in lines)
    cc = next(ln for ln in lines if ln.text.startswith("抄送："))
    printed = next(ln for ln in lines if ln.text.startswith("某某市人民政府办公室") and ln.text.endswith("印发"))
    assert cc.page == printed.page == last and cc.size == printed.size == 14
    with pdfplumber.open(io.BytesIO(notice_pdf)) as doc:
        page = doc.pages[-1]
        rules = sorted((r for r in page.lines + page.rects if abs(r["top"] - r["bottom"]) < 3),
                       key=lambda r: r["top"])
    assert len(rules) == 3
    assert abs(rules[-1]["top"] - BOTTOM) < MM  # last rule on the bottom edge of the text area
    assert rules[0]["top"] < cc.top < rules[1]["top"] < printed.top < rules[2]["top"]


def test_every_content_line_is_in_the_extracted_text(notice_pdf):
    doc = notice(body_paragraphs=12)
    text = squash("".join(re.sub(r"— \d+ —", "", t) for t in page_texts(notice_pdf)))
    wanted = [doc.metadata.issuer_mark, doc.metadata.doc_number, doc.metadata.title, doc.metadata.addressee,
              *[b.text for b in doc.blocks], "附件：2024年安全生产工作要点", doc.metadata.signature, doc.metadata.date,
              doc.metadata.note, *[b.text for b in doc.embedded[0].blocks], "抄送：" + doc.metadata.cc]
    position = 0
    for item in wanted:
        found = text.find(squash(item), position)
        assert found >= 0, item
        position = found


def test_only_shipped_fonts_are_embedded(notice_pdf, tmp_path):
    path = tmp_path / "n.pdf"
    path.write_bytes(notice_pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    names = {row[0].split("+")[-1] for row in rows}
    assert names <= {f"Gw{f}-Regular" for f in ("Xiaobiaosong", "Fangsong", "Heiti", "Kaiti", "Songti", "Fallback")}
    assert {"GwFangsong-Regular", "GwXiaobiaosong-Regular", "GwSongti-Regular"} <= names
    assert all(row[-5] == "yes" for row in rows)  # embedded
    assert "Helvetica" not in out and "Times" not in out


def test_bookmarks_follow_the_headings(notice_pdf):
    reader = PdfReader(io.BytesIO(notice_pdf))

    def flatten(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item, depth + 1)
            else:
                yield depth, item.title

    got = list(flatten(reader.outline))
    assert got == [(0, "某某市人民政府办公室关于做好2024年安全生产工作的通知"), (1, "一、总体要求"), (2, "（一）压实责任"),
                   (3, "2.加强督查"), (4, "（1）定期通报"), (0, "2024年安全生产工作要点")]


def test_pdf_metadata(notice_pdf):
    info = PdfReader(io.BytesIO(notice_pdf)).metadata
    assert info.title == "某某市人民政府办公室关于做好2024年安全生产工作的通知"
    assert info.author == "某某市人民政府办公室"
    assert info.subject == "某政办发〔2024〕5号"
    assert info.creation_date is not None


def test_no_header_without_issuer_mark_but_option_adds_one():
    doc = notice(issuer_mark=None)
    plain = lines_of(render(doc))
    assert "某某市人民政府办公室文件" not in [ln.text for ln in plain]
    number = next(ln for ln in plain if ln.text == "某政办发〔2024〕5号")  # still printed, above the title
    assert number.page == 1 and number.top < TOP + 30 and not any(ln.size == 22 and ln.top < number.top for ln in plain)
    marked = [ln.text for ln in lines_of(render(doc, issuer_mark="某某县人民政府文件"))]
    assert "某某县人民政府文件" in marked and "某政办发〔2024〕5号" in marked


def test_signature_never_starts_a_page_alone():
    full_page = "测" * (26 + 21 * 28)  # exactly 22 lines: the signature no longer fits under it
    doc = Document(Metadata(signature="某某市人民政府", date="2024年3月1日"), blocks=[Paragraph([Run(full_page)])])
    lines = [ln for ln in lines_of(render(doc)) if not PAGE_NUMBER.match(ln.text)]
    assert Counter(ln.page for ln in lines if ln.text.startswith("测"))[1] == 20  # two lines moved on
    sig = next(ln for ln in lines if ln.text == "某某市人民政府")
    before = [ln for ln in lines if ln.page == sig.page and ln.top < sig.top]
    assert sig.page == 2 and len(before) == 2 and all(set(ln.text) == {"测"} for ln in before)
