"""Small synthetic dumps shaped like other sites (county portal, school site in GBK with CRLF, bureau page with
an attached 办法, a list notice between link lists, a news page, a State Council page with its metadata table
split over label and value lines, a joint notice with an attached 工作要点): chrome goes, every document line stays, parts
are found."""
from __future__ import annotations

import json

import pytest

import converters
from converters.readers.encoding import decode
from helpers_extract import DATA, body_lines, kept, leaked, markdown, norm

SITES = {
    # file: (chrome line numbers, expected parts)
    "county_portal.txt": ([1, 2, 3, 5, 6, 24, 25, 26, 27, 28, 29, 30, 31],
                          {"title": "关于做好2022年春季学期开学工作的通知", "doc_number": "某教[2022]5号",
                           "addressee": "各乡镇中心学校，县直各学校：", "signature": "某某县教育局", "date": "2022年2月10日",
                           "note": "（此件公开发布）", "cc": "县委办，县政府办。", "printed_by": "某某县教育局办公室"}),
    "school_site_gbk.txt": ([1, 2, 3, 5, 14, 15, 16],
                            {"title": "关于举办2023年秋季运动会的通知", "addressee": "全体师生：", "signature": "教务处",
                             "date": "二〇二三年十月八日"}),
    "bureau_attachment.txt": ([1, 16, 17],
                              {"title": "某某市教育局关于印发《某某市中小学课后服务管理办法》的通知",
                               "doc_number": "某教规〔2021〕3号", "addressee": "各区县（市）教育局：",
                               "signature": "某某市教育局", "date": "2021年9月1日"}),
    "state_council_page.txt": (list(range(1, 31)) + list(range(43, 60)),
                               {"title": "国务院办公厅关于进一步加强学校安全工作的意见", "doc_number": "国办发〔2021〕40号",
                                "addressee": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                                "signature": "国务院办公厅", "date": "2021年7月24日", "note": "（此件公开发布）"}),
    "joint_notice_attachment.txt": ([1, 2, 3, 4, 22, 23, 24, 25, 26, 27],
                                    {"title": "浙江省教育厅 浙江省财政厅关于做好2022年学生资助工作的通知",
                                     "doc_number": "浙教财〔2022〕12号", "signature": "浙江省教育厅 浙江省财政厅",
                                     "date": "2022年3月1日"}),
    "news_page.txt": ([1, 2, 4, 5, 6, 12, 13, 14, 15, 16, 17, 18, 19], {"title": "我区召开2023年教育工作会议"}),
    "list_notice.txt": ([1, 10, 11, 12, 13],
                        {"title": "关于公布2021年优秀教师名单的通知", "addressee": "各学校：", "signature": "某某区教育局",
                         "date": "2021年9月10日"}),
}


def raw_lines(path):
    return decode(path.read_bytes()).replace("\r\n", "\n").split("\n")


@pytest.mark.parametrize("name", SITES)
def test_chrome_removed_and_content_kept(name):
    path, (chrome, _) = DATA / name, SITES[name]
    raw, outs = raw_lines(path), body_lines(markdown(path))
    content = [n for n in range(1, len(raw) + 1) if n not in chrome and raw[n - 1].strip()]
    assert [n for n in content if not kept(raw[n - 1], outs)] == []
    repeated = {norm(raw[n - 1]) for n in content}  # a table value that repeats a document line cannot leak
    assert [n for n in chrome if norm(raw[n - 1]) not in repeated and leaked(raw[n - 1], outs)] == []
    removed = {r.line for r in converters.read(str(path)).removed}
    assert removed == set(chrome)


@pytest.mark.parametrize("name", SITES)
def test_parts_found(name):
    meta = converters.read(str(DATA / name)).metadata
    for field, value in SITES[name][1].items():
        assert getattr(meta, field) == value, field


def test_attachments_and_embedded_attachment_document():
    county = converters.read(str(DATA / "county_portal.txt"))
    assert [a.name for a in county.metadata.attachments] == ["开学工作检查表", "安全排查登记表"]
    bureau = converters.read(str(DATA / "bureau_attachment.txt"))
    assert [a.name for a in bureau.metadata.attachments] == ["某某市中小学课后服务管理办法"]
    assert [e.metadata.title for e in bureau.embedded] == ["某某市中小学课后服务管理办法"]
    assert any("第三条" in b.text for b in bureau.embedded[0].blocks)


def test_times_decimals_urls_and_mail_stay_ascii():
    md = markdown(DATA / "county_portal.txt") + markdown(DATA / "school_site_gbk.txt")
    for token in ("9:30", "3.5万元", "0571-88888888", "8:00-17:00", "sports@school.edu.cn",
                  "http://www.school.edu.cn/notice?id=12,13"):
        assert token in md
    assert "（星期五）" in md and "**一、时间**：" in md


def test_headings_and_leads_on_another_site():
    md = markdown(DATA / "county_portal.txt")
    assert "\n## 一、高度重视开学准备\n" in md and "\n### （一）加强安全排查\n" in md
    assert "**1.全面排查校舍**。" in md and "**（1）校舍安全**。" in md


def _page_as_dump(path) -> bytes:
    """The visible text of a saved page, one line per text node: what a crawler's text dump of it looks like."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return "\n".join(line for line in soup.get_text("\n").split("\n") if line.strip()).encode("utf-8")


def test_real_pages_of_another_site_as_text_dumps(shared):
    for gold_path in sorted((shared / "samples-html").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = converters.read(_page_as_dump(shared / "samples-html" / gold["file"]), "text")
        outs = body_lines(converters.render(doc, "md").decode("utf-8"))
        flat = "".join(outs)
        assert [line for line in gold["content_lines"] if norm(line) not in flat] == []
        assert [s for s in gold["boilerplate_samples"] if leaked(s, outs)] == []
        for field in ("title", "doc_number", "addressee", "date"):
            assert norm(getattr(doc.metadata, field) or "") == norm(gold[field] or ""), field
