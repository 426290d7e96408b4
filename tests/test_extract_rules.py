"""Each cleaning rule on small inputs: what it takes, what it records, and what it leaves alone."""
from __future__ import annotations

from converters.clean import RULES, clean
from converters.clean.boilerplate import (drop_duplicate_summaries, drop_footer_tokens, drop_navigation,
                                          drop_page_info, drop_qr_captions, drop_summary_box)
from converters.clean.embedded import split_embedded
from converters.clean.headings import classify_headings
from converters.clean.metadata_table import drop_metadata_table
from converters.clean.parts import (find_addressee, find_attachments, find_cc, find_closing, find_doc_number,
                                    find_printed_by, find_title)
from converters.clean.punctuation import restore, restore_punctuation
from converters.clean.removal import put_back_boilerplate
from converters.clean.span import drop_outside_span
from converters.model import Document, Heading, Metadata, Paragraph, Run, Source, Title
from converters.options import ReadOptions

OPTS = ReadOptions()
BODY = "为做好相关工作，现将有关事项通知如下，请各单位认真贯彻落实。"


def doc_of(*lines: str) -> Document:
    return Document(blocks=[Paragraph([Run(t)], source=Source([n], t)) for n, t in enumerate(lines, 1)])


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def test_navigation_breadcrumbs_and_nav_words():
    doc = doc_of("首页", ">专题>教育政策法规", "当前位置：首页 > 通知", "成绩>90分的学生", "申请→审核→发放", "优秀>良好", BODY)
    drop_navigation(doc, OPTS)
    assert texts(doc) == ["成绩>90分的学生", "申请→审核→发放", "优秀>良好", BODY]
    assert [(r.line, r.rule) for r in doc.removed] == [(1, "drop_navigation"), (2, "drop_navigation"),
                                                       (3, "drop_navigation")]


def test_page_info_needs_two_labels_or_a_site_only_label():
    doc = doc_of("时间:2021年04月15日 14:27 来源:荣成市人民政府 浏览次数:", "发布日期：2021-02-25",
                 "时间：2021年3月5日上午9:00", "【字体：大 中 小】")
    drop_page_info(doc, OPTS)
    assert texts(doc) == ["时间：2021年3月5日上午9:00"]
    assert all(r.reason.startswith("page information") for r in doc.removed)


def test_metadata_table_labelled_values_go_to_metadata():
    doc = doc_of("索引号 1133020830895724K/2021-21880", "主题分类: 教育", "文号: 甬教〔2021〕3号",
                 "发布机构: 教育文体局 成文日期: 2021-01-08", "发布日期：2021-01-09", BODY)
    drop_metadata_table(doc, OPTS)
    assert texts(doc) == [BODY]
    meta = doc.metadata
    assert meta.site["索引号"] == "1133020830895724K/2021-21880" and meta.site["成文日期"] == "2021-01-08"
    assert meta.doc_number == "甬教〔2021〕3号" and meta.issuer == "教育文体局" and meta.publish_date == "2021-01-09"
    assert len(doc.removed) == 5


def test_metadata_table_single_label_line_in_body_is_kept():
    doc = doc_of("标题 这是正文中的一行", BODY)
    drop_metadata_table(doc, OPTS)
    assert texts(doc) == ["标题 这是正文中的一行", BODY] and not doc.removed


def test_metadata_table_unlabelled_values():
    values = ["11330282002976410C/2021-129203", "市教育局", "主动公开", "其他文件", "2021-02-25", "慈教〔2021〕1号", "有效"]
    doc = doc_of(*values, "各学校:", BODY)
    drop_metadata_table(doc, OPTS)
    assert texts(doc) == ["各学校:", BODY]
    meta = doc.metadata
    assert meta.doc_number == "慈教〔2021〕1号" and meta.issuer == "市教育局"
    assert meta.site["索引号"] == values[0] and meta.site["公开方式"] == "主动公开" and "其他文件" in meta.site.values()


def test_unlabelled_values_need_several_kinds():
    doc = doc_of("有效", "张三", BODY)
    drop_metadata_table(doc, OPTS)
    assert len(doc.blocks) == 3


def test_summary_box_and_duplicate_summary():
    addressee, body = "各区(市)教体局,市直各学校:", "现将《某市教育局2021年工作要点》印发给你们,请结合实际,认真抓好贯彻落实。"
    doc = doc_of("摘要", addressee + body[:20] + "...", addressee + body, "关于印发《某市教育局2021年工作要点》的通知",
                 addressee, body)
    drop_summary_box(doc, OPTS)
    assert len(doc.blocks) == 4 and [r.line for r in doc.removed] == [1, 2]
    drop_duplicate_summaries(doc, OPTS)
    assert texts(doc) == ["关于印发《某市教育局2021年工作要点》的通知", addressee, body]


def test_footer_tokens_prev_next_and_copyright():
    doc = doc_of(BODY, "\u00a0打印本页 关闭本页 \u00a0返回顶部", "上一篇 :", "下一篇：关于开展检查的通知",
                 "版权所有：某市人民政府 浙ICP备123号", "打印本页。这是正文")
    drop_footer_tokens(doc, OPTS)
    assert texts(doc) == [BODY, "打印本页。这是正文"]


def test_qr_captions_are_short_unpunctuated_lines():
    doc = doc_of(BODY, "中国教育信息订阅号二维码", "中国教育信息微信服务号", "请扫描二维码报名，截止时间为3月5日。",
                 "三、扫码关注公众号")
    drop_qr_captions(doc, OPTS)
    assert texts(doc) == [BODY, "请扫描二维码报名，截止时间为3月5日。", "三、扫码关注公众号"]


def test_outside_span_drops_short_lines_around_the_document_only():
    doc = doc_of("首页 机构概况 政务公开", "关于开展安全检查的通知", "各学校：", BODY, "张三 第一中学", "某某县教育局",
                 "2022年2月10日", "相关新闻", "关于做好寒假工作的通知 2022-01-10", "地址：某某路1号 电话：0571-1234")
    drop_outside_span(doc, OPTS)
    assert texts(doc) == ["关于开展安全检查的通知", "各学校：", BODY, "张三 第一中学", "某某县教育局", "2022年2月10日"]
    assert {r.rule for r in doc.removed} == {"drop_outside_span"} and len(doc.removed) == 4


def test_outside_span_keeps_head_parts():
    doc = doc_of("某某市教育局文件", "某教〔2022〕5号", "关于开展安全检查的通知", BODY)
    drop_outside_span(doc, OPTS)
    assert len(doc.blocks) == 4


def test_find_title_doc_number_and_addressee():
    doc = doc_of("某某市教育局文件", "某教[2022]5号", "关于开展校园安全", "大检查的通知", "各乡镇中心学校,县直各学校:", BODY)
    find_doc_number(doc, OPTS)
    find_title(doc, OPTS)
    find_addressee(doc, OPTS)
    meta = doc.metadata
    assert (meta.issuer_mark, meta.doc_number) == ("某某市教育局文件", "某教[2022]5号")
    assert meta.title == "关于开展校园安全大检查的通知" and meta.addressee == "各乡镇中心学校,县直各学校:"
    assert texts(doc) == [BODY]


def test_reader_title_block_moves_to_metadata():
    doc = Document(blocks=[Title("某局2021年工作要点"), Paragraph([Run(BODY)])])
    find_title(doc, OPTS)
    assert doc.metadata.title == "某局2021年工作要点" and len(doc.blocks) == 1


def test_no_title_when_the_document_opens_with_its_addressee():
    doc = doc_of("各中小学、幼儿园,各直属单位:", BODY)
    find_title(doc, OPTS)
    find_addressee(doc, OPTS)
    assert doc.metadata.title is None and doc.metadata.addressee == "各中小学、幼儿园,各直属单位:"


def test_cc_joins_wrapped_lines_and_printed_by_splits():
    doc = doc_of(BODY, "抄送:宁波市教育局,慈溪市委办,市委", "宣传部,市发改局、财政局,孙黎明、", "周培剑同志。",
                 "慈溪市教育局办公室 2021年2月24日印发")
    find_printed_by(doc, OPTS)
    find_cc(doc, OPTS)
    meta = doc.metadata
    assert meta.cc == "宁波市教育局,慈溪市委办,市委宣传部,市发改局、财政局,孙黎明、周培剑同志。"
    assert (meta.printed_by, meta.print_date) == ("慈溪市教育局办公室", "2021年2月24日")
    assert texts(doc) == [BODY]


def test_closing_signature_date_and_note_in_both_date_forms():
    for date in ("2021年2月24日", "二〇二一年二月二十四日"):
        doc = doc_of(BODY, "慈溪市教育局", date, "(此件公开发布)")
        find_closing(doc, OPTS)
        meta = doc.metadata
        assert (meta.signature, meta.date, meta.note) == ("慈溪市教育局", date, "(此件公开发布)")
        assert texts(doc) == [BODY]


def test_a_date_inside_the_body_is_not_a_closing():
    doc = doc_of(BODY, "2021年2月24日", BODY, BODY, BODY)
    find_closing(doc, OPTS)
    assert doc.metadata.date is None and len(doc.blocks) == 5


def test_attachments_list():
    doc = doc_of(BODY, "附件:1.开学工作检查表", "2.安全排查登记表", "某某县教育局")
    find_attachments(doc, OPTS)
    assert [a.name for a in doc.metadata.attachments] == ["开学工作检查表", "安全排查登记表"]
    assert texts(doc) == [BODY, "某某县教育局"]


def test_embedded_documents_announced_or_after_the_closing():
    doc = doc_of("各学校:", "现将《某局2021年工作要点》和《某局2020年工作总结》印发给你们。", "某局", "2021年2月24日",
                 "某局2021年工作要点", "一、指导思想", BODY, "某局2020年工作总结", BODY, "2020年工作总结要点")
    split_embedded(doc, OPTS)
    assert [e.metadata.title for e in doc.embedded] == ["某局2021年工作要点", "某局2020年工作总结"]
    assert len(doc.blocks) == 4 and [len(e.blocks) for e in doc.embedded] == [2, 2]


def test_embedded_after_attachment_label():
    doc = doc_of(BODY, "附件1", "某市中小学课后服务管理办法", "第一条 为规范课后服务,制定本办法。")
    split_embedded(doc, OPTS)
    assert doc.embedded[0].metadata.title == "某市中小学课后服务管理办法" and texts(doc) == [BODY]


def test_stand_alone_headings_by_marker():
    doc = doc_of("一、指导思想", "(一) 加强党的领导,始终把牢方向", "1.加强组织领导", "(1)校舍安全", "(四)改革驱动,靶向施策推进教育深度变革。")
    classify_headings(doc, OPTS)
    assert [(b.level, b.marker) for b in doc.blocks] == [(1, "一、"), (2, "(一)"), (3, "1."), (4, "(1)"), (2, "(四)")]
    assert all(isinstance(b, Heading) for b in doc.blocks)


def test_run_in_leads_numbered_and_yishi():
    doc = doc_of("(一)提高政治站位,加强领导。全面提升党建质量。", "1.聚焦“一体”总目标:积极争创优质均衡发展市。",
                 "一是抓好党建规范化工作。选拔调整17名干部。", "3.5亿元用于建设,占比10%。")
    classify_headings(doc, OPTS)
    leads = [(b.lead_level, b.runs[0].text) for b in doc.blocks[:3]]
    assert leads == [(2, "(一)提高政治站位,加强领导。"), (3, "1.聚焦“一体”总目标:"), (5, "一是抓好党建规范化工作。")]
    assert doc.blocks[3].lead_level is None and len(doc.blocks[3].runs) == 1


def test_sentence_lists_are_not_headings():
    doc = doc_of("1.各单位要高度重视。", "2.请按时报送材料。")
    classify_headings(doc, OPTS)
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


def test_unnumbered_leads_only_when_the_whole_section_has_them():
    doc = doc_of("(四)改革驱动,推进教育变革。", "拓展育人模式。一是大力培育品牌。", "加强教师队伍建设。加大交流力度。",
                 "二、总体目标", "现将有关事项通知如下。请认真落实。", "2021年,全市教育系统要高举旗帜。")
    classify_headings(doc, OPTS)
    assert [b.lead_level for b in doc.blocks if isinstance(b, Paragraph)] == [3, 3, None, None]
    assert doc.blocks[1].runs[0].text == "拓展育人模式。" and doc.blocks[1].runs[0].bold


def test_restore_punctuation_in_cjk_context_only():
    assert restore("各镇(街道)教办,中心小学:") == "各镇（街道）教办，中心小学："
    assert restore("上午10:30召开,预算3.5万元,20,000人") == "上午10:30召开，预算3.5万元，20,000人"
    assert restore("详见 http://www.x.gov.cn/a?id=1,2 ,请查收") == "详见 http://www.x.gov.cn/a?id=1,2 ，请查收"
    assert restore("Python, Java (JVM); ok?") == "Python, Java (JVM); ok?"
    assert restore("计划(2020-2021)》") == "计划（2020-2021）》"
    assert restore("1.聚焦目标") == "1.聚焦目标"


def test_restore_punctuation_on_blocks_and_metadata_keeps_raw():
    doc = Document(metadata=Metadata(addressee="各学校:", site={"来源": "某局(办)"}),
                   blocks=[Paragraph([Run("(一)加强领导。", bold=True), Run("全面提升,质量(党建)。")], lead_level=2)])
    restore_punctuation(doc, OPTS)
    assert doc.blocks[0].runs[0].text == "（一）加强领导。" and doc.blocks[0].runs[1].text == "全面提升，质量（党建）。"
    assert doc.blocks[0].source is None or doc.blocks[0].source.raw
    assert doc.metadata.addressee == "各学校：" and doc.metadata.site["来源"] == "某局（办）"
    untouched = Document(blocks=[Paragraph([Run("各学校,")])])
    restore_punctuation(untouched, ReadOptions(restore_punctuation=False))
    assert untouched.blocks[0].text == "各学校,"


def test_put_back_boilerplate_restores_lines_in_place():
    doc = doc_of("首页", BODY, "打印本页 关闭窗口")
    options = ReadOptions(keep_boilerplate=True)
    drop_navigation(doc, options)
    drop_footer_tokens(doc, options)
    put_back_boilerplate(doc, options)
    assert texts(doc) == ["首页", BODY, "打印本页 关闭窗口"] and len(doc.removed) == 2


def test_rules_can_be_skipped_by_name():
    names = [name for name, _ in RULES]
    assert names.index("drop_outside_span") < names.index("find_title") < names.index("restore_punctuation")
    doc = clean(doc_of("首页", BODY), OPTS, skip=frozenset({"drop_navigation", "drop_outside_span"}))
    assert texts(doc)[0] == "首页"


def test_headings_in_paragraphs_split_into_plain_runs_but_not_formatted_ones():
    doc = Document(blocks=[Paragraph([Run("一、"), Run("指导思想")]), Paragraph([Run("二、总体目标", bold=True)])])
    classify_headings(doc, OPTS)
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "一、指导思想"
    assert isinstance(doc.blocks[1], Paragraph)


def test_closing_with_signature_and_date_on_one_line():
    doc = doc_of(BODY, "某某县教育局 2022年2月10日")
    find_closing(doc, OPTS)
    assert (doc.metadata.signature, doc.metadata.date) == ("某某县教育局", "2022年2月10日") and texts(doc) == [BODY]


def test_title_broken_before_its_genre():
    doc = doc_of("某某市教育局关于印发", "《课后服务管理办法》的通知", "各学校：", BODY)
    find_title(doc, OPTS)
    assert doc.metadata.title == "某某市教育局关于印发《课后服务管理办法》的通知"


def test_numbered_attachment_label():
    doc = doc_of(BODY, "附件1：参会回执", "某某县教育局")
    find_attachments(doc, OPTS)
    assert [a.name for a in doc.metadata.attachments] == ["参会回执"]


def test_signed_date_line_ends_the_span_but_a_dated_link_does_not():
    doc = doc_of("关于开展安全检查的通知", BODY, "某某县教育局 2022年2月10日", "关于做好寒假工作的通知 2022年01月10日")
    drop_outside_span(doc, OPTS)
    assert texts(doc)[-1] == "某某县教育局 2022年2月10日" and len(doc.removed) == 1


def test_page_info_weak_labels_alone_are_content():
    doc = doc_of("日期：3月5日 时间：9:00", "2021-02-25", "作者：李四 点击数：35")
    drop_page_info(doc, OPTS)
    assert texts(doc) == ["日期：3月5日 时间：9:00"]


def test_qr_words_in_a_labelled_content_line_stay():
    doc = doc_of("报名方式：关注微信公众号", "扫一扫：")
    drop_qr_captions(doc, OPTS)
    assert texts(doc) == ["报名方式：关注微信公众号"]


def test_attached_list_after_the_closing_is_inside_the_span():
    doc = doc_of("关于公布名单的通知", BODY, "某某区教育局", "2021年9月10日", "附件", "优秀教师名单", "张三 第一中学",
                 "李四 第二中学", "打印本页", "热点推荐")
    drop_footer_tokens(doc, OPTS)
    drop_outside_span(doc, OPTS)
    assert texts(doc)[-3:] == ["优秀教师名单", "张三 第一中学", "李四 第二中学"]
    assert [r.text for r in doc.removed] == ["打印本页", "热点推荐"]


def test_attachment_label_alone_with_the_list_below_and_a_bare_label():
    doc = doc_of(BODY, "附件：", "1.报名表", "2.回执")
    find_attachments(doc, OPTS)
    assert [a.name for a in doc.metadata.attachments] == ["报名表", "回执"] and texts(doc) == [BODY]
    bare = doc_of(BODY, "附件：")
    find_attachments(bare, OPTS)
    assert texts(bare) == [BODY, "附件："] and not bare.metadata.attachments


def test_issuer_mark_needs_an_organ():
    doc = doc_of("其他文件", "某某市教育局文件", "关于开展安全检查的通知", BODY)
    find_doc_number(doc, OPTS)
    assert doc.metadata.issuer_mark == "某某市教育局文件" and texts(doc)[0] == "其他文件"


def test_embedded_named_without_prefix_and_the_next_one_unannounced():
    doc = doc_of("各学校:", "现将《2021年工作要点》印发给你们。", "某区教育局2021年工作要点", "一、指导思想", BODY,
                 "某区教育局2020年工作总结", BODY)
    split_embedded(doc, OPTS)
    assert [e.metadata.title for e in doc.embedded] == ["某区教育局2021年工作要点", "某区教育局2020年工作总结"]


def test_a_lead_in_sentence_ending_in_a_colon_is_not_an_addressee():
    doc = doc_of("为做好春季学期开学工作,现将有关事项通知如下:", BODY)
    find_addressee(doc, OPTS)
    assert doc.metadata.addressee is None and len(doc.blocks) == 2


def test_doc_number_in_table_and_body_is_printed_once_from_the_body():
    import converters

    text = "\n".join(["索 引 号：000014349/2021-00012", "发文字号：国办发〔2021〕40号", "发文机关：国务院办公厅",
                      "国务院办公厅关于加强学校安全工作的意见", "国办发〔2021〕40号", "各省、自治区、直辖市人民政府：", BODY])
    doc = converters.read(text.encode("utf-8"), "text")
    assert doc.metadata.doc_number == "国办发〔2021〕40号" and "发文字号" not in doc.metadata.site
    md = converters.render(doc, "md").decode("utf-8").split("---\n", 2)[2]
    assert md.count("国办发〔2021〕40号") == 1
    only_table = converters.read("\n".join(text.split("\n")[:4] + text.split("\n")[5:]).encode("utf-8"), "text")
    assert only_table.metadata.doc_number == "国办发〔2021〕40号"
    assert "国办发" not in converters.render(only_table, "md").decode("utf-8").split("---\n", 2)[2]


def test_contact_line_after_the_closing_stays():
    doc = doc_of("关于开展安全检查的通知", BODY, "某某县教育局", "2022年2月10日", "联系人：张三 0571-1234", "网站地图")
    drop_outside_span(doc, OPTS)
    assert texts(doc)[-1] == "联系人：张三 0571-1234" and [r.text for r in doc.removed] == ["网站地图"]


def test_share_bar_label_but_not_a_line_starting_with_the_word():
    doc = doc_of(BODY, "分享：", "分享到", "分享交流活动安排")
    drop_footer_tokens(doc, OPTS)
    assert texts(doc) == [BODY, "分享交流活动安排"]


def test_a_single_numbered_attachment_keeps_its_number():
    doc = doc_of(BODY, "附件：1.报名表")
    find_attachments(doc, OPTS)
    assert [a.name for a in doc.metadata.attachments] == ["1.报名表"]


def test_bare_cc_label_stays():
    doc = doc_of(BODY, "抄送:")
    find_cc(doc, OPTS)
    assert doc.metadata.cc is None and texts(doc) == [BODY, "抄送:"]


def test_a_closing_phrase_above_the_date_is_not_a_signature():
    doc = doc_of(BODY, "特此通知", "2021年2月24日")
    find_closing(doc, OPTS)
    assert doc.metadata.date == "2021年2月24日" and doc.metadata.signature is None and texts(doc) == [BODY, "特此通知"]
