"""Render tests: DOCX → PDF through LibreOffice with the font mapping, then measure the PDF (GB/T 9704)."""
from __future__ import annotations

import re
import subprocess
import unicodedata

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from converters.layout.profile import load
from converters.options import WriteOptions
from converters.writers.docx.fontconfig import targets
from converters.writers import docx as docx_writer
from helpers_docx import (MM, crowded_notice, dated_notice, document_text, full_notice, page_lines, pdffonts,
                          plain_notice, to_pdf)

TEXT_TOP, TEXT_BOTTOM = 37.0, 262.0  # mm from the top of the page
ODD_LEFT, EVEN_LEFT, TEXT_WIDTH = 28.0, 26.0, 156.0
PITCH_MM = 579 / 1440 * 25.4
BODY_CHAR_MM = (16 - 0.25) * MM
DOCS = {"full": full_notice, "plain": plain_notice, "crowded": crowded_notice, "dated": dated_notice}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Each test document rendered once: name → {"pdf": path, "pages": [[Line]], "rules": [[rule dicts]]}."""
    work = tmp_path_factory.mktemp("render")
    paths = []
    for name, build in DOCS.items():
        path = work / f"{name}.docx"
        path.write_bytes(docx_writer.render(build(), WriteOptions()))
        paths.append(path)
    out = {}
    for name, pdf in zip(DOCS, to_pdf(paths, work / "pdf")):
        with pdfplumber.open(pdf) as doc:
            out[name] = {"pdf": pdf, "docx": work / f"{name}.docx", "pages": [page_lines(p) for p in doc.pages],
                         "rules": [[r for r in p.lines + p.rects if r["height"] < 3] for p in doc.pages],
                         "chars": [c for p in doc.pages for c in p.chars]}
    return out


def _left(page_index: int) -> float:
    return ODD_LEFT if page_index % 2 == 0 else EVEN_LEFT


def _body_lines(lines):
    """Lines of the text area (page numbers excluded)."""
    return [line for line in lines if line.baseline < TEXT_BOTTOM + 1]


def test_full_page_has_22_lines_of_28_characters(rendered):
    page = _body_lines(rendered["full"]["pages"][1])  # page 2: body text only
    assert len(page) == 22
    full = [line for line in page if line.x0 == pytest.approx(EVEN_LEFT, abs=1) and "。" not in line.text]
    assert full, "no full body line on page 2"
    assert all(len(line.text) == 28 for line in full), [line.text for line in full]


def test_text_area_within_1mm(rendered):
    for index in (1, 2):  # an even and an odd full page
        page = _body_lines(rendered["full"]["pages"][index])
        left = _left(index)
        first_box_top = page[0].baseline - 0.8 * PITCH_MM
        last_box_bottom = page[-1].baseline + 0.2 * PITCH_MM
        assert first_box_top == pytest.approx(TEXT_TOP, abs=1)
        assert last_box_bottom == pytest.approx(TEXT_BOTTOM, abs=1)
        assert min(line.x0 for line in page) == pytest.approx(left, abs=1)
        assert max(line.x1 for line in page) == pytest.approx(left + TEXT_WIDTH, abs=1)


def test_title_lines_at_most_20_characters(rendered):
    title = [line for line in rendered["full"]["pages"][0] if line.size == pytest.approx(22)]
    assert len(title) == 2
    assert all(len(line.text) <= 20 for line in title)
    assert "".join(line.text for line in title) == full_notice().metadata.title


def test_mark_top_35mm_below_text_area(rendered):
    mark = next(line for line in rendered["full"]["pages"][0] if line.text == "宁波市人民政府办公厅文件")
    assert mark.em_top - TEXT_TOP == pytest.approx(35, abs=1)
    red = [c for c in mark.chars if c["non_stroking_color"] not in (None, (0,), [0], (0, 0, 0))]
    assert len(red) == len(mark.chars)


def test_red_rule_4mm_under_doc_number(rendered):
    page = rendered["full"]["pages"][0]
    number = next(line for line in page if "〔2024〕" in line.text)
    rule_tops = [r["top"] * MM for r in rendered["full"]["rules"][0]]
    em_bottom = number.baseline + 0.12 * 16 * MM
    assert any(abs(top - em_bottom - 4) <= 1 for top in rule_tops), (em_bottom, rule_tops)


def test_page_number_dash_7mm_below_and_sides(rendered):
    pages = rendered["full"]["pages"]
    assert len(pages) >= 4
    for index, lines in enumerate(pages):
        number = [line for line in lines if line.text.startswith("—") and line.baseline > TEXT_BOTTOM]
        assert len(number) == 1, f"page {index + 1}: {[line.text for line in lines[-2:]]}"
        line = number[0]
        assert line.text == f"—{index + 1}—"
        dash_centre = line.baseline - (0.88 - 0.5) * line.size * MM
        assert dash_centre - TEXT_BOTTOM == pytest.approx(7, abs=1.5)
        left = _left(index)
        if index % 2 == 0:  # odd page: right, one character in
            assert line.x1 == pytest.approx(left + TEXT_WIDTH - 14 * MM, abs=1)
        else:
            assert line.x0 == pytest.approx(left + 14 * MM, abs=1)


def test_colophon_last_rule_on_text_area_bottom(rendered):
    for name in ("full", "plain", "crowded"):
        rules = rendered[name]["rules"][-1]
        assert len(rules) >= 3, name
        assert max(r["bottom"] for r in rules) * MM == pytest.approx(TEXT_BOTTOM, abs=1)
        last_page = rendered[name]["pages"][-1]
        cc = next(line for line in last_page if line.text.startswith("抄送"))
        assert cc.x0 == pytest.approx(_left(len(rendered[name]["pages"]) - 1) + 14 * MM, abs=1)


def test_colophon_that_does_not_fit_moves_to_an_unnumbered_page(rendered):
    pages = rendered["crowded"]["pages"]
    assert len(pages) == 2
    assert not any(line.text.startswith("—") for line in pages[1])
    assert [line.text for line in pages[0] if line.text.startswith("—")] == ["—1—"]
    assert all(not line.text.startswith("抄送") for line in pages[0])


def test_signature_geometry(rendered):
    """§7.3.5.2: the (longer) signature ends two characters in from the right; the date starts two characters
    right of the signature's first character."""
    lines = rendered["plain"]["pages"][0]
    sig = next(line for line in lines if line.text == "慈溪市人民政府教育督导委员会办公室")
    date = next(line for line in lines if line.text.replace(" ", "") == "2021年2月4日")
    assert sig.x1 == pytest.approx(ODD_LEFT + TEXT_WIDTH - 2 * BODY_CHAR_MM, abs=1)
    assert date.x0 - sig.x0 == pytest.approx(2 * BODY_CHAR_MM, abs=0.5)
    assert date.baseline - sig.baseline == pytest.approx(PITCH_MM, abs=0.3)


def test_signature_geometry_when_the_date_is_longer(rendered):
    """§7.3.5.2: a date longer than the signature sits two characters in from the right; the signature moves
    left so that the date still starts two characters right of it."""
    lines = rendered["dated"]["pages"][0]
    date = next(line for line in lines if line.text.replace(" ", "") == "2024年12月31日")
    assert date.x1 == pytest.approx(ODD_LEFT + TEXT_WIDTH - 2 * BODY_CHAR_MM, abs=1)
    # The signature's indent assumes no extra space between digits and Chinese (autoSpaceDE off), which Word
    # honours and LibreOffice ignores (its writerfilter drops autoSpaceDE): checked in the DOCX, not the render.
    para = next(p for p in docx.Document(rendered["dated"]["docx"]).paragraphs if p.text == "某某局")
    date_w = (3 + 4) * 16 * 20 - 11 * 5  # three Chinese characters, eight half-width digits, −0.25 pt each
    assert int(para._p.pPr.find(qn("w:ind")).get(qn("w:left"))) == 8844 - 2 * 315 - date_w - 2 * 315


def test_no_mark_means_title_starts_the_page(rendered):
    first = rendered["plain"]["pages"][0][0]
    assert first.text == plain_notice().metadata.title
    assert first.baseline - 0.8 * PITCH_MM == pytest.approx(TEXT_TOP, abs=1)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("name", list(DOCS))
def test_all_text_present(rendered, name):
    raw = subprocess.run(["pdftotext", str(rendered[name]["pdf"]), "-"], capture_output=True, text=True,
                         check=True).stdout
    pdf_text = re.sub(r"—\d+—", "", _squash(raw))  # page numbers interrupt paragraphs that cross pages
    expected = document_text(DOCS[name]())
    missing = [t for t in expected if _squash(t) not in pdf_text]
    assert not missing
    if name == "full":
        assert _squash("甬政办发〔2024〕12号") in pdf_text


CJK_FACES = ("Fandol", "NotoSerifCJK", "NotoSansCJK", "Gw")


def test_cjk_text_never_in_a_latin_font(rendered):
    for name in DOCS:
        cjk = [c for c in rendered[name]["chars"] if unicodedata.east_asian_width(c["text"]) in "WF"]
        wrong = {c["fontname"] for c in cjk if not any(face in c["fontname"] for face in CJK_FACES)}
        assert cjk and not wrong, (name, wrong)
        assert all(any(face in f for face in CJK_FACES) for f in pdffonts(rendered[name]["pdf"])
                   if not f.startswith(("Liberation", "DejaVu"))), pdffonts(rendered[name]["pdf"])


def test_each_role_gets_its_own_face(rendered):
    """The font mapping works: 小标宋 title, 黑体 level 1, 楷体 level 2, 仿宋 body are different faces."""
    lines = [line for page in rendered["full"]["pages"] for line in page]
    face: dict[str, str] = {}
    for line in lines:  # the first line starting with each prefix
        face.setdefault(line.text[:4], line.chars[0]["fontname"].split("+")[-1])
    mapped = targets(load())
    expect = {role: family if family.startswith("Gw") else SYSTEM_PS_NAMES[role] for role, family in mapped.items()}
    assert expect["xiaobiaosong"] in face["宁波市人"]
    assert expect["heiti"] in face["一、总体"]
    assert expect["kaiti"] in face["（一）工"]
    assert expect["fangsong"] in face["（1）细"]
    assert expect["fangsong"] in face["各地区各"]
    assert expect["heiti"] in face["序号任务"]  # the table's header row


# Parts of the PDF font names LibreOffice writes for the system faces the mapping falls back to.
SYSTEM_PS_NAMES = {"xiaobiaosong": "Black", "fangsong": "Fang", "heiti": "Sans", "kaiti": "Kai", "songti": "Serif"}


def test_embedded_documents_and_attachments_start_new_pages(rendered):
    pages = rendered["full"]["pages"]
    starts = {page[0].text: index for index, page in enumerate(pages)}
    assert "附件1" in starts and "附件2" in starts and "宁波市教育局2023年工作总结" in starts
    plan = pages[starts["附件1"]]
    assert plan[1].text == "宁波市加快推进教育数字化转型实施方案"
    assert plan[1].baseline - plan[0].baseline == pytest.approx(2 * PITCH_MM, abs=0.5)  # title on line 3
    title = pages[starts["宁波市教育局2023年工作总结"]][0]
    assert (title.x0 + title.x1) / 2 == pytest.approx(_left(starts["宁波市教育局2023年工作总结"]) + TEXT_WIDTH / 2, abs=1)
