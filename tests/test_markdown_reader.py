"""The Markdown reader on hand-written drafts: front matter, headings, leads, blocks, parts, errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import converters
from converters.errors import InputError
from converters.model import (Attachment, Cell, Heading, Image, ListBlock, PageBreak, Paragraph, Quote, Run, Table,
                              Title)
from helpers_markdown import read_markdown

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "samples" / "input" / "draft.md"


def md(text: str):
    return read_markdown(text.encode("utf-8"), source="draft.md")


# ---- the committed draft --------------------------------------------------------------------------------------

def test_the_draft_sample_reads_into_the_expected_model():
    doc = converters.read(DRAFT)
    meta = doc.metadata
    assert meta.title == "临川市教育局关于做好2024年春季学期开学安全工作的通知"
    assert (meta.issuer_mark, meta.doc_number, meta.signer, meta.urgency) == ("临川市教育局文件", "临教〔2024〕12号", "王明", "特急")
    assert meta.addressee == "各县（区）教育局，市直各学校："
    assert (meta.signature, meta.date, meta.note) == ("临川市教育局", "2024年2月20日", "（此件公开发布）")
    assert meta.attachments == [Attachment("2024年春季学期安全检查重点内容"),
                                Attachment("安全隐患排查整改台账", "https://jyj.example.gov.cn/files/taizhang.xlsx")]
    assert (meta.cc, meta.printed_by, meta.print_date) == ("市委教育工作领导小组秘书组，市应急管理局。", "临川市教育局办公室", "2024年2月21日")
    assert meta.extra == {"profile": "gbt9704", "联系人": "李华"}
    headings = [(b.level, b.marker, b.text) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [(1, "一、", "一、提高思想认识"), (1, "二、", "二、突出工作重点"), (2, "（一）", "（一）校园安全隐患排查"),
                        (3, "1.", "1.校舍安全"), (4, "（1）", "（1）消防设施"), (3, "2.", "2.食品安全"),
                        (2, "（二）", "（二）交通安全"), (1, "三、", "三、强化工作保障")]
    leads = [(b.lead_level, b.runs[0].text) for b in doc.blocks if isinstance(b, Paragraph) and b.lead_level]
    assert leads == [(5, "一是压实责任。"), (5, "二是健全机制。"), (2, "加强督查问责。")]
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[0]] == ["阶段", "时间", "责任单位"] and all(c.header for c in table.rows[0])
    assert len(table.rows) == 4 and not any(c.header for row in table.rows[1:] for c in row)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    # the part lines the front matter states are not body paragraphs as well
    for part in ("各县（区）教育局，市直各学校：", "临川市教育局", "2024年2月20日", "（此件公开发布）",
                 "2.安全隐患排查整改台账", "临川市教育局办公室 2024年2月21日印发"):
        assert part not in texts
    assert any("<script>" in t for t in texts)
    assert not any(isinstance(b, Title) for b in doc.blocks)  # the `#` line is the metadata title
    assert doc.blocks[0].source.lines == [25] and doc.blocks[1].source.lines == [27]


# ---- front matter ---------------------------------------------------------------------------------------------

def test_unknown_keys_and_profile_are_kept_in_extra():
    doc = md("---\nprofile: my-profile.toml\n审核人: 王五\n份数: 3\nupdated: 2024-01-02\nextra: x\n---\n\n# 标题\n")
    assert doc.metadata.extra == {"profile": "my-profile.toml", "审核人": "王五", "份数": 3, "updated": "2024-01-02", "extra": "x"}
    assert json.loads(doc.to_json())["metadata"]["extra"]["updated"] == "2024-01-02"


def test_scalars_for_text_keys_become_text_and_classification_keys_map_to_metadata():
    doc = md("---\ndate: 2024-02-20\ndoc_number: 12\nclassification: 秘密★1年\nurgency: 加急\nsigner: 张三\ncopy_number: '000001'\n---\n\n正文\n")
    meta = doc.metadata
    assert (meta.date, meta.doc_number, meta.classification, meta.urgency, meta.signer, meta.copy_number) == \
        ("2024-02-20", "12", "秘密★1年", "加急", "张三", "000001")


def test_a_single_attachment_may_be_a_string():
    assert md("---\nattachments: 名单\n---\n\n正文\n").metadata.attachments == [Attachment("名单")]


@pytest.mark.parametrize("front, line, key", [
    ("title: x\nsignature:\n  - 甲\n  - 乙\n", 3, "signature"),
    ("title: x\ncc: [甲, 乙]\n", 3, "cc"),
    ("profile:\n  name: x\n", 2, "profile"),
    ("embedded:\n  - date: [1]\n", 3, "embedded.0.date"),
    ("attachments:\n  - [a]\n", 3, "attachments.0"),
])
def test_a_list_where_text_belongs_is_a_one_line_error_naming_line_and_key(front, line, key):
    with pytest.raises(InputError) as err:
        md(f"---\n{front}---\n\n正文\n")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("draft.md: ") and f"line {line}" in message and f"'{key}'" in message


@pytest.mark.parametrize("front, line", [("title: [unclosed\n", 3), ("a: 1\n  b: 2\n", 3), ("key: \"x\n", 3)])
def test_front_matter_that_is_not_yaml_is_a_one_line_error(front, line):
    with pytest.raises(InputError) as err:
        md(f"---\n{front}---\n\n正文\n")
    message = str(err.value)
    assert "\n" not in message and message.startswith("draft.md: ") and "not valid YAML" in message
    assert f"line {line}" in message


def test_front_matter_that_is_not_a_mapping_or_never_closes_is_an_error():
    with pytest.raises(InputError, match="key: value"):
        md("---\n- a\n- b\n---\n\n正文\n")
    with pytest.raises(InputError, match="never closed"):
        md("---\ntitle: x\n\n正文\n")


def test_the_cli_reports_bad_front_matter_in_one_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\nsignature: [a, b]\n---\n\n# 标题\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "converters", "convert", str(bad), "-o", str(tmp_path / "out.md")],
                         capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0
    assert str(bad) in run.stderr and "line 2" in run.stderr and "'signature'" in run.stderr
    assert not (tmp_path / "out.md").exists()


# ---- headings and leads ---------------------------------------------------------------------------------------

def test_heading_level_comes_from_the_marker_else_from_the_depth():
    doc = md("# 标题\n\n### 一、标记优先\n\n## 无标记二级\n\n### 无标记三级\n\n#### 无标记四级\n\n##### 无标记五级\n\n"
             "## （2）标记四级\n\n## 一是不算标题编号\n")
    got = [(b.level, b.marker) for b in doc.blocks if isinstance(b, Heading)]
    assert got == [(1, "一、"), (1, ""), (2, ""), (3, ""), (4, ""), (4, "（2）"), (1, "")]


def test_ascii_bracket_markers_are_recognised_and_kept_literally():
    doc = md("# 标题\n\n## (三)半角括号\n\n## 10.第十项\n")
    assert [(b.level, b.marker, b.text) for b in doc.blocks] == [(2, "(三)", "(三)半角括号"), (3, "10.", "10.第十项")]


def test_bold_opening_makes_a_run_in_lead_with_its_level():
    doc = md("# 标题\n\n## 一、总体要求\n\n**（一）明确目标。**正文甲\n\n**未编号的引导语。** 正文乙\n\n"
             "### （二）具体措施\n\n**没有编号。**正文丙\n\n**三是落实。**正文丁\n\n**1.细化：**正文戊\n\n普通**加粗**段落\n")
    leads = [(b.lead_level, [r.text for r in b.runs]) for b in doc.blocks if isinstance(b, Paragraph)]
    assert leads == [(2, ["（一）明确目标。", "正文甲"]), (2, ["未编号的引导语。", "正文乙"]), (3, ["没有编号。", "正文丙"]),
                     (5, ["三是落实。", "正文丁"]), (3, ["1.细化：", "正文戊"]), (None, ["普通", "加粗", "段落"])]
    assert doc.blocks[2].runs[0].bold and not doc.blocks[2].runs[1].bold


def test_lead_level_is_measured_afresh_in_each_embedded_document():
    doc = md("# 通知\n\n## 一、甲\n\n### （一）乙\n\n正文\n\n# 要点\n\n**引导语。**正文\n")
    assert doc.embedded[0].metadata.title == "要点" and doc.embedded[0].blocks[0].lead_level == 1


# ---- blocks ---------------------------------------------------------------------------------------------------

def test_lists_tables_quotes_breaks_and_images_map_to_the_model():
    doc = md("# 标题\n\n- 甲\n- 乙\n  续行\n\n1. 一\n2. 二\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n> 引用\n>\n> 第二段\n\n"
             "第一行\\\n第二行  \n第三行\n\n---\n\n***\n\n![示意图](img/a.png)\n\n中文\n换行\n\nLatin\nwords\n")
    blocks = doc.blocks
    assert blocks[0] == ListBlock([[Run("甲")], [Run("乙续行")]])
    assert blocks[1] == ListBlock([[Run("一")], [Run("二")]], ordered=True)
    assert blocks[2] == Table([[Cell("甲", header=True), Cell("乙", header=True)], [Cell("1"), Cell("2")]])
    assert blocks[3] == Quote([Paragraph([Run("引用")]), Paragraph([Run("第二段")])])
    assert blocks[4] == Paragraph([Run("第一行\n第二行\n第三行")])
    assert blocks[5] == PageBreak() and blocks[6] == PageBreak()
    assert blocks[7] == Image("img/a.png", "示意图")
    assert blocks[8] == Paragraph([Run("中文换行")]) and blocks[9] == Paragraph([Run("Latin words")])


def test_inline_html_and_entities_are_text_never_markup():
    doc = md("# 标题 <b>x</b>\n\n正文 <script>alert('x')</script> &amp; <div>块</div>\n\n<div>\nHTML 块\n</div>\n")
    assert doc.metadata.title == "标题 <b>x</b>"
    assert doc.blocks[0].text == "正文 <script>alert('x')</script> & <div>块</div>"
    assert doc.blocks[1].text == "<div> HTML 块</div>"
    out = converters.render(doc, "md").decode()
    assert "\\<script>alert('x')\\</script>" in out and "\\&" in out


def test_indented_lines_are_paragraphs_not_code():
    doc = md("# 标题\n\n    缩进四格的段落。\n")
    assert doc.blocks[0] == Paragraph([Run("缩进四格的段落。")])


# ---- parts recognised when the front matter is silent ---------------------------------------------------------

DRAFT_WITHOUT_PARTS = """# 关于开展检查的通知

各学校：

现将有关事项通知如下：

请认真开展检查。

附件：1.检查表

2.名单

某市教育局

2024年3月1日

（此件公开发布）

# 检查要点

一、内容

抄送：市政府办公室，
市应急管理局。

某市教育局办公室 2024年3月2日印发
"""


def test_parts_are_recognised_where_the_front_matter_is_silent():
    doc = md(DRAFT_WITHOUT_PARTS)
    meta = doc.metadata
    assert meta.addressee == "各学校："
    assert meta.attachments == [Attachment("检查表"), Attachment("名单")]
    assert (meta.signature, meta.date, meta.note) == ("某市教育局", "2024年3月1日", "（此件公开发布）")
    assert meta.cc == "市政府办公室，市应急管理局。"
    assert (meta.printed_by, meta.print_date) == ("某市教育局办公室", "2024年3月2日")
    assert doc.metadata.title == "关于开展检查的通知" and doc.embedded[0].metadata.title == "检查要点"
    assert [b.text for b in doc.blocks] == ["现将有关事项通知如下：", "请认真开展检查。"]
    assert [b.text for b in doc.embedded[0].blocks] == ["一、内容"]


def test_recognition_can_be_switched_off_and_stated_parts_win():
    off = md("---\nrecognise_parts: false\n---\n\n各学校：\n\n正文。\n\n某局\n\n2024年3月1日\n")
    assert off.metadata.signature is None and off.metadata.addressee is None and len(off.blocks) == 4
    stated = md("---\nsignature: 某市教育局\n---\n\n正文。\n\n某局\n\n2024年3月1日\n")
    assert stated.metadata.signature == "某市教育局" and stated.metadata.date is None
    assert [b.text for b in stated.blocks] == ["正文。", "某局", "2024年3月1日"]


def test_a_stated_part_takes_its_line_out_of_the_body_whatever_its_punctuation_width():
    doc = md("---\naddressee: 各学校：\nattachments: [名单]\ncc: 市政府。\n---\n\n各学校:\n\n正文。\n\n附件: 名单\n\n抄送: 市政府。\n")
    assert [b.text for b in doc.blocks] == ["正文。"]


def test_convert_draft_to_markdown_and_json_through_the_cli(tmp_path):
    out_md, out_json = tmp_path / "draft.md", tmp_path / "draft.json"
    for out in (out_md, out_json):
        run = subprocess.run([sys.executable, "-m", "converters", "convert", str(DRAFT), "-o", str(out)],
                             capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
        assert run.returncode == 0, run.stderr
    assert "\\<script>" in out_md.read_text(encoding="utf-8")
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["metadata"]["doc_number"] == "临教〔2024〕12号"
    assert any("<script>" in r["text"] for b in data["blocks"] for r in b.get("runs", []))


def test_block_attributes_override_and_bad_values_fall_back():
    doc = md("# 标题\n\n## 一、甲\n\n{lead=4 align=right}\n**引导。**正文\n\n{lead=x}\n**引导。**正文\n\n{lead=none}\n**加粗。**正文\n\n"
             "{level=3 marker=\"\"}\n## 二、乙\n\n{level=x}\n### （一）丙\n")
    assert [(b.lead_level, b.align) for b in doc.blocks[1:4]] == [(4, "right"), (2, None), (None, None)]
    assert [(b.level, b.marker) for b in doc.blocks[4:]] == [(3, ""), (2, "（一）")]


_PIECES = list("#*_-+>|`~[](){}<>!&\\=:：.1一、（）是 \n\t　文a") + ["---\n", "\n\n", "| a |\n|---|\n", "{lead=2}\n", "```\n",
                                                                    "**一是。**", "抄送：", "2024年3月1日\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_any_text_reads_without_a_traceback(text):
    try:
        doc = md(text)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert converters.read(converters.render(doc, "md"), "markdown") == doc


@pytest.mark.parametrize("text", ["\u3000\n", "\n\n   \n", "```\n```\n", "---\n---\n"])
def test_markdown_without_content_is_an_empty_document_error(text):
    with pytest.raises(InputError, match="draft.md: empty"):
        md(text)
