"""Structural tests: open the DOCX with python-docx and check section, grid, styles, fonts and parts."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from converters.layout.metrics import text_width
from converters.model import Document, Metadata, Paragraph, Run
from converters.options import WriteOptions
from converters.writers import docx as docx_writer
from helpers_docx import full_notice, plain_notice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(doc: Document, **options) -> docx.document.Document:
    return docx.Document(io.BytesIO(docx_writer.render(doc, WriteOptions(**options))))


@pytest.fixture(scope="module")
def full():
    return _open(full_notice())


def test_section_is_a4_with_gbt9704_margins(full):
    section = full.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == (pytest.approx(210, abs=0.1), pytest.approx(297, abs=0.1))
    margins = (section.top_margin.mm, section.bottom_margin.mm, section.left_margin.mm, section.right_margin.mm)
    assert margins == tuple(pytest.approx(v, abs=0.1) for v in (37, 35, 28, 26))
    assert full.settings.element.find(qn("w:mirrorMargins")) is not None


def test_line_grid_and_exact_pitch(full):
    grid = full.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    defaults = full.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f".//{W}pPr/{W}spacing")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    assert defaults.find(f".//{W}snapToGrid").get(qn("w:val")) == "0"


def test_body_style(full):
    body = full.styles["GW Body"]
    assert body.font.size.pt == 16
    ppr = body.element.pPr
    assert ppr.find(qn("w:ind")).get(qn("w:firstLine")) == "630"  # two condensed 16 pt characters
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
    assert body.element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"  # −0.25 pt: 28 characters per line


@pytest.mark.parametrize("style, face, size", [
    ("GW Title", "方正小标宋简体", 22), ("GW Heading 1", "黑体", 16), ("GW Heading 2", "楷体_GB2312", 16),
    ("GW Heading 3", "仿宋_GB2312", 16), ("GW Heading 4", "仿宋_GB2312", 16), ("GW Colophon", "仿宋_GB2312", 14),
    ("GW Page Number", "宋体", 14), ("Normal", "仿宋_GB2312", 16), ("GW Table Header", "黑体", 16),
])
def test_style_fonts_all_four_slots(full, style, face, size):
    element = full.styles[style].element
    fonts = element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {face}
    assert fonts.get(qn("w:hint")) == "eastAsia"
    assert full.styles[style].font.size.pt == size


def test_no_theme_fonts_and_chinese_language(full):
    xml = full.styles.element.xml + full.element.xml
    assert "Theme=" not in xml and "w:cstheme" not in xml
    lang = full.settings.element.find(qn("w:themeFontLang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert "stylesWithEffects" not in str(full.part.rels.values())


def test_every_run_names_its_face(full):
    runs = list(full.element.body.iter(qn("w:r")))
    assert runs
    for run in runs:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(qn("w:eastAsia")) and fonts.get(qn("w:hint")) == "eastAsia"


def test_title_paragraphs_balanced_and_short(full):
    titles = [p.text for p in full.paragraphs if p.style.name == "GW Title"]
    assert titles[:2] == ["宁波市人民政府办公厅关于印发宁波市", "加快推进教育数字化转型实施方案的通知"]
    assert all(text_width(t) <= 20 for t in titles)


def test_numbering_is_literal_text(full):
    headings = [p.text for p in full.paragraphs if p.style.name.startswith("GW Heading")]
    assert headings[:4] == ["一、总体要求", "（一）工作目标", "1.明确责任分工", "（1）细化任务清单"]
    assert b"numPr" not in full.element.xml.encode()


def test_run_in_lead_in_level_font_not_bold(full):
    para = next(p for p in full.paragraphs if p.text.startswith("一是加强组织领导。"))
    lead = para.runs[0]._r
    assert lead.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert lead.find(f"{W}rPr/{W}b") is None


def test_doc_number_brackets_and_red_rule(full):
    number = next(p for p in full.paragraphs if p.style.name == "GW Doc Number")
    assert number.text == "甬政办发〔2024〕12号"
    bottom = number._p.pPr.find(f"{W}pBdr/{W}bottom")
    assert bottom.get(qn("w:color")) == "FF0000" and bottom.get(qn("w:sz")) == "12"


def test_attachment_note_hanging_indent(full):
    notes = [p for p in full.paragraphs if p.text.startswith(("附件：", "2.重点"))]
    first, second = notes[0], notes[1]
    assert first.text == "附件：1.宁波市加快推进教育数字化转型实施方案"
    ind1, ind2 = first._p.pPr.find(qn("w:ind")), second._p.pPr.find(qn("w:ind"))
    # wrapped lines align with the first character of the name, after "附件：1."
    left1 = int(ind1.get(qn("w:left")))
    assert left1 - int(ind1.get(qn("w:hanging"))) == 630  # the line starts two characters in
    assert int(ind2.get(qn("w:left"))) == left1  # both names start at the same position


def test_page_number_footers(full):
    assert full.settings.odd_and_even_pages_header_footer
    section = full.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment is not None and odd._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"
    assert even._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "left"
    for para in (odd, even):
        assert "PAGE" in "".join(t.text for t in para._p.iter(qn("w:instrText")))
        assert para.text.startswith("— ") and para.text.endswith(" —")


def test_colophon_frames_stack_to_text_bottom(full):
    frames = [p._p.pPr.find(qn("w:framePr")) for p in full.paragraphs if p.style.name == "GW Colophon"]
    assert len(frames) == 2
    ys = [int(f.get(qn("w:y"))) for f in frames]
    cc_lines = next(p for p in full.paragraphs if p.text.startswith("抄送：")).text.count("\n") + 1
    assert cc_lines == 3  # 65 characters: 29 on the first line, 26 after the label on the next ones
    assert ys[1] - ys[0] == cc_lines * 579
    assert ys[1] + 579 == 2098 + 12756  # the last line ends on the bottom edge of the text area


def test_issuer_mark_option_draws_header():
    plain = _open(plain_notice())
    assert not any(p.style.name == "GW Mark" for p in plain.paragraphs)
    marked = _open(plain_notice(), issuer_mark="慈溪市教育局文件", doc_number="慈教〔2021〕3号")
    assert [p.text for p in marked.paragraphs if p.style.name == "GW Mark"] == ["慈溪市教育局文件"]
    assert [p.text for p in marked.paragraphs if p.style.name == "GW Doc Number"] == ["慈教〔2021〕3号"]


def test_signer_on_doc_number_line():
    doc = plain_notice()
    doc.metadata.issuer_mark, doc.metadata.doc_number, doc.metadata.signer = "某某局文件", "某发〔2024〕1号", "张三"
    number = next(p for p in _open(doc).paragraphs if p.style.name == "GW Doc Number")
    assert number.text == "某发〔2024〕1号\t签发人：张三"
    assert number.runs[-1]._r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "楷体_GB2312"


def test_profile_override(tmp_path):
    profile = tmp_path / "unit.toml"
    profile.write_text('name = "unit"\n[page]\nmargin_top_mm = 30\n[fonts]\nfangsong = ["仿宋"]\n', encoding="utf-8")
    out = _open(plain_notice(), profile=str(profile))
    assert out.sections[0].top_margin.mm == pytest.approx(30, abs=0.1)
    assert out.styles["GW Body"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"


def test_hyperlink_kept():
    doc = Document(Metadata(title="标题"), [Paragraph([Run("详见"), Run("附件", href="https://example.org/a.pdf")])])
    out = _open(doc)
    links = [r.target_ref for r in out.part.rels.values() if r.is_external]
    assert links == ["https://example.org/a.pdf"]


def test_package_parts_are_clean():
    names = zipfile.ZipFile(io.BytesIO(docx_writer.render(plain_notice(), WriteOptions()))).namelist()
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names


def test_other_blocks_keep_their_text():
    from converters.model import Image, ListBlock, PageBreak, Quote

    doc = Document(Metadata(title="标题"), [
        ListBlock([[Run("第一项")], [Run("第二项")]], ordered=True),
        ListBlock([[Run("无序项")]]),
        Quote([Paragraph([Run("引用的段落。")])]),
        Image("https://example.org/a.png", alt="示意图"),
        PageBreak(),
        Paragraph([Run("新页上的段落。")], align="center"),
    ])
    out = _open(doc)
    texts = [p.text for p in out.paragraphs]
    assert texts[2:] == ["1.第一项", "2.第二项", "无序项", "引用的段落。", "〔图：示意图〕", "新页上的段落。"]
    last = out.paragraphs[-1]._p.pPr
    assert last.find(qn("w:pageBreakBefore")) is not None
    assert last.find(qn("w:jc")).get(qn("w:val")) == "center"


def test_lead_of_level_one_in_heiti():
    doc = Document(Metadata(title="标题"), [Paragraph([Run("一、总体要求。", bold=True), Run("正文。")], lead_level=1)])
    runs = _open(doc).paragraphs[-1].runs
    faces = [r._r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) for r in runs]
    assert faces == ["黑体", "仿宋_GB2312"]


def test_header_lines_and_properties(full):
    first = [p.text for p in full.paragraphs[:3]]
    assert first == ["000123", "秘密★1年", "特急"]
    faces = [p.runs[0]._r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) for p in full.paragraphs[:3]]
    assert faces == ["仿宋_GB2312", "黑体", "黑体"]
    props = full.core_properties
    assert (props.title, props.identifier, props.language) == (full_notice().metadata.title, "甬政办发〔2024〕12号", "zh-CN")
