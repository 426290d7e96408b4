"""Both writers print the same notice the same way: measured on the PDF writer's output and on the LibreOffice
render of the DOCX writer's output, against GB/T 9704 and against each other."""
from __future__ import annotations

import pytest

from converters.model import Document, Metadata, Paragraph, Run
from helpers_polish import WRITERS, find, render_both

SENTENCE = "各地区各部门要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"
TEXT_LEFT, TEXT_WIDTH, TEXT_BOTTOM = 28.0, 156.0, 262.0  # mm, page 1 (odd)
PITCH = 28.95 * 25.4 / 72  # one grid line in mm


def _numbered() -> Document:
    """No issuing-organ mark, but a 发文字号 the notice printed (with the [] brackets dumps often carry)."""
    meta = Metadata(title="关于做好春季学期开学工作的通知", doc_number="某教发[2024]3号", addressee="各学校：")
    return Document(meta, [Paragraph([Run(SENTENCE)])])


def _site_numbered() -> Document:
    """A 发文字号 that only the site's metadata table gave: not part of the notice's text."""
    meta = Metadata(title="关于做好春季学期开学工作的通知", doc_number="某教发〔2024〕7号",
                    site={"文号": "某教发〔2024〕7号"})
    return Document(meta, [Paragraph([Run(SENTENCE)])])


def _book_title() -> Document:
    return Document(Metadata(title="关于印发《鹰潭市教育局2021年工作要点》的通知"), [Paragraph([Run(SENTENCE)])])


LEADS = [("一、提高站位。", 1), ("（一）压实责任。", 2), ("1.细化分工。", 3), ("（1）按月通报。", 4), ("一是抓统筹。", 5)]


def _leads() -> Document:
    blocks = [Paragraph([Run(lead, bold=True), Run(SENTENCE)], lead_level=level) for lead, level in LEADS]
    return Document(Metadata(title="关于加强安全管理的通知"), blocks)


DOCS = {"numbered": _numbered(), "site_numbered": _site_numbered(), "book_title": _book_title(), "leads": _leads()}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render_both(DOCS, tmp_path_factory.mktemp("both"))


@pytest.mark.parametrize("writer", WRITERS)
def test_printed_doc_number_without_mark_is_centred_above_the_title(rendered, writer):
    pages = rendered[("numbered", writer)]
    number = find(pages, "某教发〔2024〕3号")  # brackets normalised to 六角括号 (§7.2.5)
    title = find(pages, "关于做好春季学期开学工作的通知")
    assert (number.x0 + number.x1) / 2 == pytest.approx(TEXT_LEFT + TEXT_WIDTH / 2, abs=1)
    assert number.baseline < title.baseline and pages[0][0] is number  # the first line of the page
    assert title.em_top - number.baseline > PITCH * 0.9  # one blank line between them


def test_doc_number_rows_agree(rendered):
    pdf, docx = (find(rendered[("numbered", w)], "某教发〔2024〕3号") for w in WRITERS)
    assert pdf.baseline == pytest.approx(docx.baseline, abs=2)
    pdf, docx = (find(rendered[("numbered", w)], "关于做好春季") for w in WRITERS)
    assert pdf.baseline == pytest.approx(docx.baseline, abs=2)


@pytest.mark.parametrize("writer", WRITERS)
def test_doc_number_only_from_the_site_table_is_not_printed(rendered, writer):
    text = "".join(line.text for page in rendered[("site_numbered", writer)] for line in page)
    assert "某教发" not in text and "关于做好春季学期开学工作的通知" in text


@pytest.mark.parametrize("writer", WRITERS)
def test_title_keeps_the_book_title_whole(rendered, writer):
    lines = [line.text.replace(" ", "") for line in rendered[("book_title", writer)][0] if line.size == 22]
    assert lines == ["关于印发", "《鹰潭市教育局2021年工作要点》的通知"]


EXPECTED_FACE = {1: "GwHeiti", 2: "GwKaiti", 3: "GwFangsong", 4: "GwFangsong", 5: "GwFangsong"}


@pytest.mark.parametrize("writer", WRITERS)
def test_run_in_leads_in_the_face_of_their_level(rendered, writer):
    for lead, level in LEADS:
        line = find(rendered[("leads", writer)], lead)
        text = line.text.replace(" ", "")
        start = text.index(lead)
        chars = [c for c in line.chars if c["text"].strip()]
        faces = [c["fontname"].split("+")[-1] for c in chars]
        lead_faces = set(faces[start:start + len(lead)])
        assert lead_faces == {f"{EXPECTED_FACE[level]}-Regular"}, (lead, lead_faces)
        assert set(faces[start + len(lead):]) == {"GwFangsong-Regular"}, lead  # the rest in 仿宋


@pytest.mark.parametrize("level3_bold", [False, True])
def test_docx_leads_bold_only_where_the_profile_makes_their_heading_level_bold(tmp_path, level3_bold):
    """No bold faces in the PDF; in the DOCX a lead is bold only as its heading level is (headings.level3_bold)."""
    import io

    import docx

    from converters import api
    from converters.options import WriteOptions

    profile = tmp_path / "unit.toml"
    profile.write_text(f"[headings]\nlevel3_bold = {str(level3_bold).lower()}\n", encoding="utf-8")
    out = docx.Document(io.BytesIO(api.render(_leads(), "docx", WriteOptions(profile=str(profile)))))
    bold = {run.text: bool(run.bold) for p in out.paragraphs for run in p.runs}
    assert {lead: bold[lead] for lead, _ in LEADS} == {lead: level3_bold and level == 3 for lead, level in LEADS}


@pytest.mark.parametrize("writer", WRITERS)
def test_page_number_dash_7mm_below_the_text_area(rendered, writer):
    """"一字线上距版心下边缘7mm" (§7.5): the dashes, at the middle of the em box, 7 mm under the text area."""
    for name in DOCS:
        number = rendered[(name, writer)][0][-1]
        assert number.text.replace(" ", "") == "—1—"
        dash = number.em_top + number.size * 25.4 / 72 / 2
        assert dash - TEXT_BOTTOM == pytest.approx(7, abs=1), name


def test_no_heading_is_the_last_line_of_a_page(tmp_path):
    """A heading that would fall on line 22 moves to the next page with its text, in both writers."""
    from converters.model import Heading
    from helpers_docx import filler

    doc = Document(Metadata(), [Paragraph([Run(filler(26 + 28 * 20))]), Heading(1, "一、总体要求", "一、"),
                                Paragraph([Run(SENTENCE)])])
    both = render_both({"heading_at_foot": doc}, tmp_path)
    for writer in WRITERS:
        pages = both[("heading_at_foot", writer)]
        assert len([ln for ln in pages[0] if "—" not in ln.text]) == 21, writer  # the paragraph fills 21 lines
        assert find(pages[1:], "一、总体要求") is pages[1][0], writer  # the heading opens page 2


def test_embedded_documents_in_the_notices_order(tmp_path):
    """The notice carries its 实施方案 (附件1) before a 工作总结 that is no attachment: both writers print them in
    that order, the 方案 under its 附件1 label (§7.3.7)."""
    from helpers_docx import full_notice

    both = render_both({"full": full_notice()}, tmp_path)
    for writer in WRITERS:
        pages = both[("full", writer)]
        titles = [ln.text.replace(" ", "") for page in pages[1:] for ln in page if ln.size == 22]
        assert titles.index("宁波市加快推进教育数字化转型实施方案") < titles.index("宁波市教育局2023年工作总结"), writer
        labelled = [page for page in pages if page[0].text.replace(" ", "") == "附件1"]
        assert len(labelled) == 1 and labelled[0][1].text.replace(" ", "") == "宁波市加快推进教育数字化转型实施方案"


def test_attachment_the_notice_did_not_carry_gets_its_labelled_page(tmp_path):
    """full_notice lists 2.重点任务分工表 without carrying it: both writers give it the page §7.3.7 describes,
    附件2 on line 1 and the name centred on line 3, after the other pages and before the 版记."""
    from helpers_docx import full_notice

    both = render_both({"full": full_notice()}, tmp_path)
    for writer in WRITERS:
        pages = both[("full", writer)]
        page = pages[-1]
        label, name = page[0], page[1]
        left = TEXT_LEFT if len(pages) % 2 else 210 - TEXT_LEFT - TEXT_WIDTH  # mirrored margins
        assert label.text.replace(" ", "") == "附件2" and label.x0 == pytest.approx(left, abs=1), writer
        assert name.text.replace(" ", "") == "重点任务分工表" and name.size == 22, writer
        assert name.baseline - label.baseline == pytest.approx(2 * PITCH, abs=1), writer
        assert find([page], "抄送").baseline > name.baseline, writer


def test_doc_number_two_blank_lines_under_the_mark(tmp_path):
    """§7.2.5: the 发文字号 under two blank lines below the mark's glyphs: its em box starts in the third line."""
    from helpers_docx import full_notice

    both = render_both({"full": full_notice()}, tmp_path)
    for writer in WRITERS:
        pages = both[("full", writer)]
        mark, number = find(pages, "宁波市人民政府办公厅文件"), find(pages, "甬政办发〔2024〕12号")
        gap = number.em_top - (mark.baseline + 0.12 * mark.size * 25.4 / 72)
        centred = 2 * PITCH + (PITCH - 16 * 25.4 / 72) / 2  # the number centred in the third line
        assert gap == pytest.approx(centred, abs=1), writer


def test_heading_moves_on_unless_two_lines_of_its_text_fit(tmp_path):
    """A heading that would fall on line 21, with room for only one line of its text, opens page 2 in both."""
    from converters.model import Heading
    from helpers_docx import filler

    doc = Document(Metadata(), [Paragraph([Run(filler(26 + 28 * 19))]), Heading(1, "一、总体要求", "一、"),
                                Paragraph([Run(SENTENCE * 2)])])
    both = render_both({"heading_at_21": doc}, tmp_path)
    for writer in WRITERS:
        pages = both[("heading_at_21", writer)]
        assert len([ln for ln in pages[0] if "—" not in ln.text]) == 20, writer
        assert find(pages[1:], "一、总体要求") is pages[1][0], writer


def test_tables_set_alike(tmp_path):
    """Tables in 3号 (the default size of every element, §5.2.2), the header row in 黑体 and centred in its cells;
    a table whose reader marked no header gets its first row as one: in both writers."""
    from converters.model import Cell, Table

    rows = [[Cell("序号"), Cell("任务"), Cell("责任单位")], [Cell("1"), Cell("完善工作机制"), Cell("市教育局")]]
    doc = Document(Metadata(title="关于分解任务的通知"), [Table(rows)])
    both = render_both({"table": doc}, tmp_path)
    third = TEXT_WIDTH / 3
    for writer in WRITERS:
        pages = both[("table", writer)]
        head, body = find(pages, "序号"), find(pages, "完善工作机制")
        assert {c["fontname"].split("+")[-1] for c in head.chars} == {"GwHeiti-Regular"}, writer
        assert head.size == body.size == 16, writer
        first = [c for c in head.chars if c["text"] in "序号"]
        centre = (first[0]["x0"] + first[-1]["x1"]) / 2 * 25.4 / 72
        # Word and LibreOffice draw a table's borders one cell margin (1.9 mm) left of the text area: hence 2.5 mm
        assert centre == pytest.approx(TEXT_LEFT + third / 2, abs=2.5), writer


def test_no_page_number_on_a_page_that_holds_only_the_colophon(tmp_path):
    """§7.5 as the issue reads it: a 版记 that has a page to itself is unnumbered; one that shares the last
    page leaves its number."""
    from helpers_docx import crowded_notice, plain_notice

    both = render_both({"crowded": crowded_notice(), "plain": plain_notice()}, tmp_path)
    for writer in WRITERS:
        crowded, plain = both[("crowded", writer)], both[("plain", writer)]
        assert len(crowded) == 2 and "—" not in "".join(ln.text for ln in crowded[1]), writer
        assert crowded[0][-1].text.replace(" ", "") == "—1—", writer
        assert len(plain) == 1 and plain[0][-1].text.replace(" ", "") == "—1—", writer
