"""The two real saved pages of a provincial 信息公开 portal extract completely (gold in ../shared/samples-html)."""
from __future__ import annotations

import json

import pytest

from helpers_html import convert, leaked, lost, norm


def _gold(shared, name):
    return json.loads((shared / "samples-html" / f"{name}.json").read_text(encoding="utf-8"))


SAMPLES = ["001_jx_mingcha_anfang", "002_jx_yingtangang_pifu"]


@pytest.mark.parametrize("name", SAMPLES)
def test_every_gold_content_line_is_kept(shared, name):
    gold = _gold(shared, name)
    _, lines = convert(shared / "samples-html" / gold["file"])
    assert lost(gold["content_lines"], lines) == []


@pytest.mark.parametrize("name", SAMPLES)
def test_no_chrome_sample_in_the_output(shared, name):
    gold = _gold(shared, name)
    _, lines = convert(shared / "samples-html" / gold["file"])
    assert leaked(gold["boilerplate_samples"], lines) == []


@pytest.mark.parametrize("name", SAMPLES)
def test_title_once_and_doc_number_from_the_metadata_table(shared, name):
    gold = _gold(shared, name)
    doc, lines = convert(shared / "samples-html" / gold["file"])
    assert doc.metadata.title == gold["title"]
    assert lines.count(norm(gold["title"])) == 1
    assert not gold["doc_number_printed_in_body"] and doc.metadata.doc_number == gold["doc_number"]


def test_site_metadata_and_page_url(shared):
    doc, _ = convert(shared / "samples-html" / "001_jx_mingcha_anfang.html")
    assert doc.metadata.site["索引号"] == "014500815/2020-01779"
    assert doc.metadata.site["发文机关"] == doc.metadata.issuer == "省政府办公厅"
    assert doc.metadata.site["成文日期"] == "2020-02-17"
    assert doc.metadata.publish_date == "2020-02-17 10:13"
    assert doc.metadata.source == "http://www.jiangxi.gov.cn/art/2020/2/17/art_4969_1506197.html"


def test_every_dropped_part_is_recorded(shared):
    doc, _ = convert(shared / "samples-html" / "001_jx_mingcha_anfang.html")
    texts = " ".join(r.text for r in doc.removed)
    for dropped in ("扫一扫在手机打开当前页", "打印本页", "014500815/2020-01779", "政府信息公开目录", "window._bd_share_config"):
        assert dropped in texts
    assert all(r.reason and r.rule for r in doc.removed)


def test_paragraphs_carry_source_lines_and_bold_leads(shared):
    doc, _ = convert(shared / "samples-html" / "001_jx_mingcha_anfang.html")
    lead = next(b for b in doc.blocks if getattr(b, "text", "").startswith("（一）重点企业复工复产方面。"))
    assert lead.runs[0].bold and lead.runs[0].text == "（一）重点企业复工复产方面。" and not lead.runs[1].bold
    assert lead.source.lines and lead.source.lines[0] > 100


@pytest.mark.parametrize("name", SAMPLES)
def test_addressee_and_date_found(shared, name):
    gold = _gold(shared, name)
    doc, _ = convert(shared / "samples-html" / gold["file"])
    assert doc.metadata.addressee == gold["addressee"] and doc.metadata.date == gold["date"]


def test_bold_numbered_leads_carry_their_level(shared):
    doc, _ = convert(shared / "samples-html" / "001_jx_mingcha_anfang.html")
    leads = [b for b in doc.blocks if getattr(b, "lead_level", None)]
    assert len(leads) == 10 and {b.lead_level for b in leads} == {2}
    assert all(b.runs[0].bold and b.runs[0].text.startswith("（") for b in leads)


def test_table_doc_number_also_kept_in_site_metadata(shared):
    doc, _ = convert(shared / "samples-html" / "002_jx_yingtangang_pifu.html")
    assert doc.metadata.site["文号"] == doc.metadata.doc_number == "赣府字〔2020〕11号"
