"""Saved pages built like the CMS families of Chinese government sites (tests/data/html): the document's lines
stay, the site's chrome goes, and the parts the page prints beside the text land in metadata."""
from __future__ import annotations

import pytest

from converters.model import Table
from helpers_html import DATA, convert, leaked, lost, norm

CASES = {
    "trs_editor.html": dict(
        content=["临教体字〔2021〕5号", "各中小学、幼儿园：", "为确保全区春季学期开学工作平稳有序，现将有关事项通知如下：", "一、做好开学准备",
                 "（一）排查安全隐患。各校要在开学前对校舍、食堂、宿舍进行全面排查，发现问题立即整改。", "二、工作要求",
                 "各校要高度重视，压实责任，确保开学工作万无一失。", "联系人：王老师，电话：0794-1234567。",
                 "附件：开学工作检查表.docx", "临川区教育体育局", "2021年2月20日"],
        chrome=["网站首页", "政务公开", "互动交流", "您现在的位置：首页 > 通知公告", "发布时间：2021-02-20 09:30", "浏览次数：",
                "分享到：", "【打印本页】 【关闭窗口】", "相关文章", "关于做好2020年秋季学期开学工作的通知", "区教体局召开2021年教育工作会议",
                "版权所有：临川区教育体育局", "赣ICP备12345678号-1", "赣公网安备 36100202000123号", "网站标识码：3610020001"],
        title="关于做好2021年春季学期开学工作的通知"),
    "ucap.html": dict(
        content=["各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "学校体育是实现立德树人根本任务的基础性工程。为加强学校体育工作，经国务院同意，现提出如下意见。",
                 "一、总体要求", "二、主要任务", "各地要结合实际抓好落实。", "国务院办公厅", "2021年6月10日", "（此件公开发布）"],
        chrome=["首页 | 政策 | 互动 | 服务", "首页 > 政策 > 国务院文件", "索 引 号：", "000014349/2021-00031", "科技、教育\\教育",
                "2021-06-15 16:00 来源：中国政府网", "【我要纠错】", "责任编辑：张三", "扫一扫在手机打开当前页",
                "主办单位：国务院办公厅", "京ICP备05070218号"],
        title="国务院办公厅关于加强学校体育工作的意见", doc_number="国办发〔2021〕18号"),
    "plain_div.html": dict(
        content=["各年级组、各处室：", "一、排查时间", "2021年3月10日至3月20日。", "1.校舍安全：检查教室、实验室、功能室的门窗、电路和消防设施。",
                 "三、工作要求", "各部门要认真排查，如实填写排查记录，发现隐患及时上报。", "慈溪市实验学校", "2021年3月8日"],
        chrome=["学校首页", "学校概况", "栏目导航", "学校新闻", "作者：校办", "点击数：312", "Copyright © 2021", "浙ICP备05012345号",
                "地址：慈溪市青少年宫路1号"],
        title="关于开展2021年校园安全隐患排查的通知"),
    "layout_table.html": dict(
        content=["各县（市、区）人民政府，市政府各部门：", "为进一步加强我市非物质文化遗产保护工作，市政府批准公布第三批市级非物质文化遗产代表性项目名录（共计15项），现予公布。",
                 "附件：第三批市级非物质文化遗产代表性项目名录", "鹰潭市人民政府", "2019年6月3日"],
        chrome=["政务公开", "办事服务", "当前位置：首页 > 政务公开 > 政府文件", "打印本页 关闭窗口", "赣ICP备09001234号"],
        title="鹰潭市人民政府关于公布第三批市级非物质文化遗产代表性项目名录的通知", doc_number="鹰府发〔2019〕12号"),
    "gbk.html": dict(
        content=["各县区教育局，局属各学校：", "一、认定对象为持有本市户籍或居住证的人员。", "南昌市教育局", "二〇二一年四月一日"],
        chrome=["教育新闻", "通知公告", "版权所有：南昌市教育局", "赣ICP备05004321号"], title=None),
    "attachments.html": dict(
        content=["各有关单位：", "附件：1.2021年度科研项目申报指南.pdf", "2.项目申报书.doc", "市科学技术局", "2021年4月6日"],
        chrome=["科技动态", "相关附件：", "版权所有：市科学技术局"], title="关于申报2021年度科研项目的通知"),
    "no_container.html": dict(
        content=["各乡镇人民政府，县直有关单位：", "一、会议时间：2021年5月12日上午9:00。", "请参会人员准时出席，不得缺席。",
                 "县防汛抗旱指挥部办公室", "2021年5月10日"],
        chrome=["新闻中心", "联系我们", "网站地图", "皖ICP备10002000号"], title="关于召开全县防汛工作会议的通知"),
    "chrome.html": dict(
        content=["各中小学校：", "一、各校要利用班会、家长会等形式，开展防范电信网络诈骗专题教育。", "区教育局", "2021年7月1日"],
        chrome=["网站首页", "机构概况", "搜索", "当前位置：首页 > 信息公开 > 通知公告", "发布日期：2021-07-02", "字号：大 中 小",
                "分享到：微信 微博 QQ空间", "扫一扫在手机上查看当前页面", "上一篇：区教育局召开暑期安全工作部署会",
                "下一篇：关于开展暑期教师培训的通知", "相关阅读", "关于加强校园安全管理的通知", "苏ICP备12003456号-2",
                "苏公网安备 32010202010000号", "关注微信公众号", "隐藏的统计代码区域"],
        title="关于做好防范电信网络诈骗宣传工作的通知"),
    "zfxxgk.html": dict(
        content=["各县（市、区）教育局，市直各学校：", "为推进中小学劳动教育，市教育局决定开展劳动教育实践周活动。请各地各校结合实际，认真组织实施。",
                 "上饶市教育局", "2021年5月7日"],
        chrome=["索引号：", "K12345678/2021-00088", "主动公开", "分享到：微信 新浪微博", "扫一扫分享本页", "打印 关闭"],
        title=None, doc_number="饶教字〔2021〕21号"),
    "govcn_policy.html": dict(
        content=["高校毕业生是国家宝贵的人才资源。为进一步做好就业工作，经国务院同意，现就有关事项通知如下。", "一、拓宽就业渠道",
                 "（一）开发岗位。各地要挖掘企业岗位资源，稳定招聘规模。", "（此件公开发布）"],
        chrome=["首页 政策 互动", "000014349/2023-00012", "劳动、人事、监察\\就业", "2023年03月05日", "相关解读：图解：毕业生就业政策",
                "主办单位：国务院办公厅", "京ICP备05070218号"],
        title="国务院办公厅关于进一步做好普通高校毕业生就业工作的通知", doc_number="国办发〔2023〕5号"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_lines_kept(name):
    _, lines = convert(DATA / name)
    assert lost(CASES[name]["content"], lines) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_site_chrome_gone_and_recorded(name):
    doc, lines = convert(DATA / name)
    chrome = CASES[name]["chrome"]
    assert leaked(chrome, lines) == []
    recorded = norm(" ".join(r.text for r in doc.removed))
    assert [c for c in chrome if norm(c) not in recorded] == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_title_found_once(name):
    doc, lines = convert(DATA / name)
    title = CASES[name]["title"]
    assert doc.metadata.title == title
    if title:
        assert lines.count(norm(title)) == 1


@pytest.mark.parametrize("name", ["ucap.html", "layout_table.html", "zfxxgk.html", "govcn_policy.html"])
def test_doc_number_from_beside_the_text(name):
    doc, _ = convert(DATA / name)
    assert doc.metadata.doc_number == CASES[name]["doc_number"]


def test_information_table_read_into_site_metadata():
    doc, _ = convert(DATA / "ucap.html")
    assert doc.metadata.site["索引号"] == "000014349/2021-00031"
    assert doc.metadata.site["成文日期"] == "2021年06月10日"
    assert doc.metadata.publish_date == "2021年06月15日"
    assert any(r.reason.startswith("信息公开 metadata table") for r in doc.removed)


def test_page_info_line_split_into_fields():
    doc, _ = convert(DATA / "chrome.html")
    assert doc.metadata.publish_date == "2021-07-02"
    assert doc.metadata.site["信息来源"] == "区教育局办公室"


def test_data_table_in_the_text_becomes_a_model_table():
    doc, _ = convert(DATA / "ucap.html")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [[c.text for c in row] for row in table.rows] == [["学段", "每周课时"], ["小学一至二年级", "4"], ["初中", "3"]]
    assert table.rows[0][0].header and not table.rows[1][0].header


def test_layout_table_yields_paragraphs_not_a_table():
    doc, _ = convert(DATA / "layout_table.html")
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_gbk_page_decoded_from_its_meta_charset():
    data = (DATA / "gbk.html").read_bytes()
    assert "各县区教育局".encode("gbk") in data
    doc, lines = convert(data)
    assert norm("各县区教育局，局属各学校：") in lines


def test_attachment_links_with_urls():
    doc, _ = convert(DATA / "attachments.html")
    got = [(a.name, a.url) for a in doc.metadata.attachments]
    assert got == [("2021年度科研项目申报指南.pdf", "../../upload/2021/04/guide.pdf"),
                   ("项目申报书.doc", "../../upload/2021/04/form.doc"),
                   ("附件3 推荐汇总表.xls", "/upload/2021/04/list.xls")]


def test_attachment_urls_resolved_against_the_page_url():
    page = (DATA / "attachments.html").read_text(encoding="utf-8").replace(
        "<head>", '<head><meta name="Url" content="http://kjj.example.gov.cn/art/2021/4/6/art_1.html">')
    doc, _ = convert(page.encode("utf-8"))
    assert doc.metadata.source == "http://kjj.example.gov.cn/art/2021/4/6/art_1.html"
    assert doc.metadata.attachments[0].url == "http://kjj.example.gov.cn/art/2021/upload/2021/04/guide.pdf"


def test_images_recorded_never_fetched():
    page = """<html><body><div id="zoom"><p>示意图如下：</p><img src="http://img.example.gov.cn/a.png" alt="流程图">
      </div><img src="/logo.png" alt="logo"></body></html>""".encode()
    doc, _ = convert(page)
    images = [b for b in doc.blocks if type(b).__name__ == "Image"]
    assert [(i.src, i.alt) for i in images] == [("http://img.example.gov.cn/a.png", "流程图")]
    assert any("logo.png" in r.text for r in doc.removed)


def test_keep_boilerplate_keeps_the_chrome():
    from converters import api
    from converters.options import ReadOptions
    doc = api.read(DATA / "chrome.html", fmt="html", options=ReadOptions(keep_boilerplate=True))
    texts = [getattr(b, "text", "") for b in doc.blocks]
    assert "当前位置：首页 > 信息公开 > 通知公告" in texts and "关注微信公众号" in texts
    assert texts.count("当前位置：首页 > 信息公开 > 通知公告") == 1
    assert not any("隐藏的统计代码区域" in t for t in texts)  # hidden parts are not chrome to keep


def test_title_heading_inside_the_container_is_not_repeated():
    page = """<html><head><meta charset="utf-8"><title>市民政局</title></head><body><div class="article-content">
      <h2>关于开展2021年度社会组织年检工作的通知</h2><p>各社会组织：</p>
      <p>根据有关规定，现就开展年检工作通知如下，请按时参加。</p>
      <div class="newmsg">2021年3月1日</div>
      <div class="art-tools">【打印】【关闭】</div></div></body></html>""".encode()
    doc, lines = convert(page)
    assert doc.metadata.title == "关于开展2021年度社会组织年检工作的通知"
    assert lines.count(norm(doc.metadata.title)) == 1
    assert norm("2021年3月1日") in lines and norm("【打印】【关闭】") not in lines


PARTS = {  # addressee, signature, date as each page prints them
    "trs_editor.html": ("各中小学、幼儿园：", "临川区教育体育局", "2021年2月20日"),
    "ucap.html": ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "国务院办公厅", "2021年6月10日"),
    "plain_div.html": ("各年级组、各处室：", "慈溪市实验学校", "2021年3月8日"),
    "layout_table.html": ("各县（市、区）人民政府，市政府各部门：", "鹰潭市人民政府", "2019年6月3日"),
    "gbk.html": ("各县区教育局，局属各学校：", "南昌市教育局", "二〇二一年四月一日"),
    "attachments.html": ("各有关单位：", "市科学技术局", "2021年4月6日"),
    "no_container.html": ("各乡镇人民政府，县直有关单位：", "县防汛抗旱指挥部办公室", "2021年5月10日"),
    "chrome.html": ("各中小学校：", "区教育局", "2021年7月1日"),
    "zfxxgk.html": ("各县（市、区）教育局，市直各学校：", "上饶市教育局", "2021年5月7日"),
    "govcn_policy.html": ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "国务院办公厅", "2023年3月1日"),
}


@pytest.mark.parametrize("name", sorted(PARTS))
def test_addressee_signature_and_date_found(name):
    doc, lines = convert(DATA / name)
    meta = doc.metadata
    assert (meta.addressee, meta.signature, meta.date) == PARTS[name]
    assert all(norm(part) in lines for part in PARTS[name])  # and printed


def test_title_under_a_doc_number_and_broken_over_lines_is_printed_once():
    page = """<html><head><meta charset="utf-8"><title>关于进一步加强校外培训机构规范管理工作的通知_市教育局</title></head><body>
      <div class="TRS_Editor"><p>市教发〔2021〕9号</p><p>关于进一步加强校外培训机构</p><p>规范管理工作的通知</p>
      <p>各区教育局：</p><p>为规范校外培训行为，现就有关事项通知如下，请遵照执行。</p></div></body></html>""".encode()
    doc, lines = convert(page)
    assert doc.metadata.title == "关于进一步加强校外培训机构规范管理工作的通知"
    assert doc.metadata.doc_number == "市教发〔2021〕9号"
    assert norm("关于进一步加强校外培训机构") not in lines and lines.count(norm(doc.metadata.title)) == 1


def test_lists_headings_alignment_and_runs_from_markup():
    page = """<html><body><div id="zoom"><h3>一、工作目标</h3>
      <p>各单位要按照以下步骤落实<a href="/zc/1.html">有关政策</a>：</p>
      <ol><li>摸清底数，建立台账；</li><li>分类施策，<b>限期</b>整改。</li></ol>
      <p style="text-align: right">以上步骤须于年底前完成，逾期不再受理。</p><div align="center"><p>本段居中，仅作提示。</p></div>
      </div></body></html>""".encode()
    doc, _ = convert(page)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds[:3] == ["Heading", "Paragraph", "ListBlock"]
    heading, paragraph, listing = doc.blocks[:3]
    assert (heading.level, heading.text, heading.marker) == (1, "一、工作目标", "一、")
    assert [r.href for r in paragraph.runs] == [None, "/zc/1.html", None]
    assert listing.ordered and ["".join(r.text for r in item) for item in listing.items] == ["摸清底数，建立台账；", "分类施策，限期整改。"]
    assert [r.bold for r in listing.items[1]] == [False, True, False]
    aligned = {b.text: b.align for b in doc.blocks if type(b).__name__ == "Paragraph"}
    assert aligned["以上步骤须于年底前完成，逾期不再受理。"] == "right" and aligned["本段居中，仅作提示。"] == "center"


def test_preformatted_text_keeps_its_lines():
    page = "<html><body><div id='zoom'><pre>第一行内容，测试。\n第二行内容，测试。</pre></div></body></html>".encode()
    _, lines = convert(page)
    assert lines == [norm("第一行内容，测试。"), norm("第二行内容，测试。")]


def test_word_pasted_table_with_paragraph_cells_and_spans():
    page = """<html><body><div class="TRS_Editor"><p>获奖名单如下：</p><table border="1">
      <tr><td rowspan="2"><p>一等奖</p></td><td><p>张三</p></td><td><p>第一中学</p></td></tr>
      <tr><td><p>李四</p></td><td><p>实验小学</p><p>（分校）</p></td></tr>
      <tr><td colspan="3"><p>合计2人</p></td></tr></table></div></body></html>""".encode()
    doc, _ = convert(page)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows] == [
        [("一等奖", 2, 1), ("张三", 1, 1), ("第一中学", 1, 1)], [("李四", 1, 1), ("实验小学 （分校）", 1, 1)],
        [("合计2人", 1, 3)]]


def test_notice_published_as_an_attachment_only():
    page = """<html><head><meta charset="utf-8"><title>关于公布2021年度评审结果的通知_市人社局</title></head><body>
      <div class="nav"><a href="/">首页</a></div>
      <div class="TRS_Editor"><p><a href="/up/2021/jg.pdf">附件：评审结果.pdf</a></p></div>
      <div class="footer"><p>版权所有：市人力资源和社会保障局，地址：人民路1号，电话：1234567，未经许可不得转载。</p></div></body></html>""".encode()
    doc, lines = convert(page)
    assert norm("附件：评审结果.pdf") in lines and not any("版权所有" in line for line in lines)
    assert [(a.name, a.url) for a in doc.metadata.attachments] == [("评审结果.pdf", "/up/2021/jg.pdf")]


def test_short_notice_inside_a_cms_form_wrapper():
    page = """<html><head><meta charset="utf-8"><title>关于端午节放假的通知-某某大学</title></head><body>
      <form action="/search" method="post"><input name="q"><input type="submit" value="搜索">站内搜索</form>
      <form name="_newscontent_fromname"><div align="center">关于端午节放假的通知</div>
      <div id="vsb_content"><div class="v_news_content"><p>各单位：</p><p>端午节放假一天，请做好值班安排。</p>
      <p style="text-align:right">学校办公室</p><p style="text-align:right">2021年6月10日</p></div></div></form>
      </body></html>""".encode()
    doc, lines = convert(page)
    assert lost(["端午节放假一天，请做好值班安排。", "学校办公室", "2021年6月10日"], lines) == []
    assert doc.metadata.addressee == "各单位：" and doc.metadata.title == "关于端午节放假的通知"
    assert not any("站内搜索" in line for line in lines)
    assert any(r.reason.startswith("form") and "站内搜索" in r.text for r in doc.removed)


@pytest.mark.parametrize("name", ["ucap.html", "trs_editor.html", "attachments.html"])
def test_json_round_trip_of_a_read_page(name):
    from converters.model import Document
    doc, _ = convert(DATA / name)
    again = Document.from_json(doc.to_json())
    assert again == doc and again.removed == doc.removed


def test_script_links_are_not_kept_as_links():
    page = ('<html><body><div id="zoom"><p>请<a href="javascript:void(0)">点击此处</a>或<a href="#">这里</a>查看，谢谢。</p>'
            '</div></body></html>')
    doc, _ = convert(page.encode())
    assert [r.href for r in doc.blocks[0].runs] == [None] and doc.blocks[0].text == "请点击此处或这里查看，谢谢。"


def test_news_list_with_summaries_beside_an_unnamed_container():
    side = "".join(f'<li><a href="/n{i}.html">新闻标题{i}</a><p>本市召开会议，部署有关工作，要求各单位认真落实。</p></li>' for i in range(6))
    page = f"""<html><head><meta charset="utf-8"><title>关于开展安全生产检查的通知</title></head><body>
      <div class="wrap"><div class="l"><ul>{side}</ul></div><div class="r"><div class="txt">
      <p>各镇（街道），区直各部门：</p><p>为切实做好安全生产工作，区政府决定开展安全生产大检查，现将有关事项通知如下。</p>
      <p>重点检查危险化学品、建筑施工、道路交通、消防等领域安全隐患，做到全覆盖、无死角。</p>
      <p>某区人民政府办公室</p><p>2021年5月28日</p></div></div></div></body></html>""".encode()
    doc, lines = convert(page)
    assert not any("本市召开会议" in line or "新闻标题" in line for line in lines)
    assert not any(type(b).__name__ == "ListBlock" for b in doc.blocks)
    assert doc.metadata.addressee == "各镇（街道），区直各部门：" and doc.metadata.date == "2021年5月28日"


def test_link_list_inside_a_named_container_dropped_but_attachment_list_kept():
    page = """<html><body><div id="zoom"><p>各单位：</p><p>现将有关材料印发给你们，请认真组织学习。</p>
      <ul><li><a href="/up/a.docx">1.学习材料.docx</a></li><li><a href="/up/b.pdf">2.报名表.pdf</a></li></ul>
      <ul class="list"><li><a href="/a/1.html">关于召开学习会议的通知</a></li><li><a href="/a/2.html">学习活动简报第三期</a></li></ul>
      </div></body></html>""".encode()
    doc, lines = convert(page)
    lists = [b for b in doc.blocks if type(b).__name__ == "ListBlock"]
    assert len(lists) == 1 and "".join(r.text for r in lists[0].items[0]) == "1.学习材料.docx"
    assert any(r.reason.startswith("list of links") and "学习活动简报第三期" in r.text for r in doc.removed)


def test_links_resolved_against_base_href():
    page = """<html><head><base href="http://www.example.gov.cn/zwgk/2021/"></head><body><div id="zoom">
      <p>各单位：</p><p>请各单位按要求报送，不得延误。</p><p>附件：<a href="files/list.xlsx">名单.xlsx</a></p></div>
      </body></html>""".encode()
    doc, _ = convert(page)
    assert [a.url for a in doc.metadata.attachments] == ["http://www.example.gov.cn/zwgk/2021/files/list.xlsx"]


def test_charset_declared_after_a_long_head_script():
    text = '<html><head><script>' + "var a = 1;" * 800 + '</script><meta charset="big5"></head><body><div id="zoom">' \
        '<p>各區教育局：</p><p>現將有關事項通知如下，請遵照執行。</p></div></body></html>'
    doc, lines = convert(text.encode("big5"))
    assert norm("現將有關事項通知如下，請遵照執行。") in lines


def test_one_long_paragraph_does_not_swallow_the_rest():
    long = "为贯彻落实有关部署，进一步做好相关工作，" * 30 + "特制定本方案。"
    page = f"""<html><body><div class="menu"><a href="/">首页</a></div><div class="txt">
      <div>各相关单位：</div><div>{long}</div><div>请认真组织实施。</div><div>某某局</div><div>2021年9月1日</div>
      </div></body></html>""".encode()
    doc, lines = convert(page)
    assert lost(["请认真组织实施。", "某某局", "2021年9月1日"], lines) == [] and doc.metadata.addressee == "各相关单位："


def test_closing_block_with_a_chrome_like_class_stays():
    page = """<html><body><div class="TRS_Editor"><p>各单位：</p><p>请按要求做好相关工作，确保按期完成。</p>
      <div class="article-foot">某某市教育局<br>2021年4月2日</div><div class="article-foot-tools">打印本页 关闭窗口</div>
      </div></body></html>""".encode()
    doc, lines = convert(page)
    assert (doc.metadata.signature, doc.metadata.date) == ("某某市教育局", "2021年4月2日")
    assert norm("打印本页关闭窗口") not in lines


def test_attachment_named_by_its_line_when_the_link_only_says_download():
    page = """<html><body><div id="zoom"><p>各单位：</p><p>请认真填写并按时报送。</p></div>
      <div class="tools">【打印本页】</div><div class="fj">附件：2021年度统计表（<a href="/up/tj.xls">下载</a>）</div>
      </body></html>""".encode()
    doc, _ = convert(page)
    assert [(a.name, a.url) for a in doc.metadata.attachments] == [("2021年度统计表", "/up/tj.xls")]
