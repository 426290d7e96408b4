"""Rules that came from pages of other sites (tests/data/real): each on a small input, with what it must leave."""
from __future__ import annotations

from converters.clean.parts import find_closing
from converters.clean.shape import DATE_LINE, DOC_NUMBER, names_genre
from converters.model import Document, Heading, Paragraph, Run, Source
from converters.options import ReadOptions
from helpers_extract import read_text
from helpers_general import BODY, body_texts, removed


def test_site_stamps_go_but_a_dated_line_of_the_document_stays():
    doc = read_text("时间:2019-05-14 10:45:55下载本文作者:会员上传\n归档时间:2024/2/27 12:33:21\n关于举办运动会的通知\n"
                    f"全体师生：\n{BODY}\n时间：2021年3月5日上午9:00\n{BODY}")
    assert removed(doc)[:2] == ["时间:2019-05-14 10:45:55下载本文作者:会员上传", "归档时间:2024/2/27 12:33:21"]
    assert "时间：2021年3月5日上午9:00" in body_texts(doc)  # a time of day keeps its colon


def test_picture_file_names_go():
    doc = read_text(f"关于举办运动会的通知\n{BODY}\n201902271744184876.jpg\n活动照片.PNG\n{BODY}")
    assert removed(doc) == ["201902271744184876.jpg", "活动照片.PNG"]


def test_a_comment_thread_and_all_below_it_go():
    doc = read_text(f"关于举办运动会的通知\n{BODY}\n特此通知。\n评论回复\n王某：同意，这个资料已按要求修改完毕\n［2016-07-10］\n提交回复")
    assert body_texts(doc) == [BODY, "特此通知。"]
    assert len(doc.removed) == 4 and all("comment" in r.reason for r in doc.removed)


def test_label_and_value_lines_between_title_and_body_go_an_addressee_label_stays():
    doc = read_text(f"关于立即开展核查工作的通知\n发布人：\n刘东\n时间：\n7月8号\n各县（市、区）人民政府：\n{BODY}")
    assert removed(doc) == ["发布人：", "刘东", "时间：", "7月8号"]
    assert doc.metadata.title == "关于立即开展核查工作的通知" and doc.metadata.addressee == "各县（市、区）人民政府："
    school = read_text(f"关于举办运动会的通知\n全体师生:\n{BODY}")
    assert school.metadata.addressee == "全体师生：" and not school.removed


def test_bulleted_metadata_table_with_values_under_labels():
    doc = read_text("  • 索引号:\n    6107280000/2024-001005\n  • 发文机构:\n    县政府网站\n  • 发文字号:\n"
                    f"    镇政发〔2024〕7号\n镇巴县人民政府工作规则\n{BODY}")
    assert doc.metadata.doc_number == "镇政发〔2024〕7号" and doc.metadata.issuer == "县政府网站"
    assert doc.metadata.site["索引号"] == "6107280000/2024-001005" and body_texts(doc) == [BODY]


def test_values_printed_after_their_colon_on_the_next_line():
    doc = read_text(f"索引号\n：000014348/2020-35147\n发布机构\n：邯郸市教育局\n{BODY}")
    assert doc.metadata.site == {"索引号": "000014348/2020-35147", "发布机构": "邯郸市教育局"}


def test_dates_with_a_letter_o_for_zero():
    assert DATE_LINE.match("二O一一年5月16日") and DATE_LINE.match("二〇二一年二月二十四日")
    assert not DATE_LINE.match("二O一一年度")


def test_doc_numbers_in_round_brackets_and_traditional_print():
    assert DOC_NUMBER.match("(皖政[2001]85號)") and DOC_NUMBER.match("（国办发〔2021〕40号）")
    assert all(DOC_NUMBER.match(f"国办发{o}2021{c}40号") for o, c in ("﹝﹞", "［］", "〖〗", "【】"))
    doc = read_text(f"安徽省人民政府關于實施\n《國務院關于基礎教育改革與發展的決定》的意見\n(皖政[2001]85號)\n"
                    f"各市、縣人民政府,省政府各部門、各直屬機構:\n{BODY}")
    assert doc.metadata.title == "安徽省人民政府關于實施《國務院關于基礎教育改革與發展的決定》的意見"
    assert doc.metadata.doc_number == "（皖政[2001]85號）"  # kept as printed, brackets made full-width


def test_articles_are_document_text_and_chapters_are_headings():
    doc = read_text(f"某某县人民政府工作规则\n第一章总则\n{BODY}\n第二章   组成人员和政府职能\n{BODY}\n第五条  行政机关")
    assert [(b.level, b.text) for b in doc.blocks if isinstance(b, Heading)] == [(1, "第一章总则"),
                                                                                (1, "第二章   组成人员和政府职能")]
    assert body_texts(doc)[-1] == "第五条  行政机关" and not doc.removed


def test_a_title_listing_names_with_pause_marks_above_the_body():
    doc = read_text(f"县教育局到福集、嘉明检查学校开学工作\n{BODY}")
    assert doc.metadata.title == "县教育局到福集、嘉明检查学校开学工作" and body_texts(doc) == [BODY]
    tail = read_text(f"关于召开全县教育工作会议的通知\n{BODY}\n参会人员为局领导、各股室负责人、各学校校长")
    assert body_texts(tail)[-1] == "参会人员为局领导、各股室负责人、各学校校长" and not tail.removed


def test_genre_names_with_a_qualifier_or_in_traditional_print():
    assert names_genre("兖州市政府信息发布协调工作规定(试行)") and names_genre("某某办法（征求意见稿）")
    assert names_genre("關于實施的意見") and not names_genre("教育(试行)")


def test_a_page_without_document_text_loses_its_menus_and_footer():
    doc = read_text("索引号 000014348/2020-35147\n发布机构 邯郸市教育局\n网站首页\n走进邯郸\n市长之窗\n邯郸信息\n"
                    "冀ICP备05029117号-1\n主办单位： 邯郸市人民政府办公室")
    assert body_texts(doc) == [] and removed(doc)[-1] == "主办单位： 邯郸市人民政府办公室"
    names = read_text("关于公布2021年优秀教师名单的通知\n张三\n李四\n王五")  # no site chrome: nothing is judged
    assert body_texts(names) == ["关于公布2021年优秀教师名单的通知", "张三", "李四", "王五"] and not names.removed


def test_a_site_blurb_and_a_headline_copy_above_the_addressee_go_the_title_stays():
    title = "关于开展2021年全市中小学校园安全大检查工作的通知"
    doc = read_text(f"{title}\n简介:本站小编为你整理了多篇相关的文件,但愿对你工作学习有帮助。\n{title}\n各区县教育局：\n"
                    f"根据《{title}》要求，请认真组织实施。")
    assert doc.metadata.title == title and doc.metadata.addressee == "各区县教育局："
    assert len(doc.removed) == 2 and removed(doc)[0] == title


def _closing(*lines: str) -> Document:
    doc = Document(blocks=[Paragraph([Run(t)], source=Source([n])) for n, t in enumerate(lines, 1)])
    find_closing(doc, ReadOptions())
    return doc


def test_joint_signature_over_several_lines():
    doc = _closing(BODY, "某某市教育局", "某某市财政局", "某某市人力资源和社会保障局", "2022年3月1日")
    assert doc.metadata.signature == "某某市教育局\n某某市财政局\n某某市人力资源和社会保障局"
    assert [b.text for b in doc.blocks] == [BODY]


def test_a_list_of_units_above_the_signature_stays_in_the_body():
    units = ["第一中学", "第二中学", "第三中学", "第四中学"]
    doc = _closing(BODY, *units, "某某区教育局", "2021年9月10日")
    assert doc.metadata.signature == "某某区教育局" and [b.text for b in doc.blocks] == [BODY, *units]


def test_decimal_outline_sections_and_glued_signature_dates():
    toc = read_text(f"某某县应急预案\n{BODY}\n9.附录\n9.1安全生产信息报送部门联系方式\n9.2应急指挥部成员联系表")
    assert body_texts(toc)[-2:] == ["9.1安全生产信息报送部门联系方式", "9.2应急指挥部成员联系表"] and not toc.removed
    glued = read_text(f"2017年清明节放假的通知\n{BODY}\n联合办公室2017年3月28日")
    assert (glued.metadata.signature, glued.metadata.date) == ("联合办公室", "2017年3月28日")


def test_lines_above_the_title_without_a_full_stop_go_even_below_a_site_sentence():
    doc = read_text(f"您好，欢迎访问某某市人民政府门户网站\n政务公开\n部门文件\n二〇二二年防汛工作已全面启动。\n"
                    f"关于做好2022年防汛工作的通知\n各乡镇人民政府：\n{BODY}")
    assert removed(doc) == ["您好，欢迎访问某某市人民政府门户网站", "政务公开", "部门文件"]
    assert body_texts(doc)[0] == "二〇二二年防汛工作已全面启动。"  # a full sentence is not judged by shape


def test_list_marked_links_to_other_pages_and_keyword_lines():
    long_title = "关于调整全市社会福利企业最低工资标准及有关社会保险缴费基数的通知（征求意见稿）"
    doc = read_text(f"关于举办运动会的通知\n{BODY}\n关键词：运动会 通知\n- 上一篇:{long_title}\n• 下一篇：{long_title}\n{BODY}")
    assert removed(doc) == ["关键词：运动会 通知", f"- 上一篇:{long_title}", f"• 下一篇：{long_title}"]


def test_related_pages_below_the_document_go_even_when_they_read_like_sentences():
    doc = read_text(f"关于做好2023年防汛工作的通知\n各乡镇人民政府：\n{BODY}\n某某县人民政府办公室\n2023年5月1日\n相关阅读：\n"
                    "市防汛办召开会议，部署2023年汛期工作\n点击排行\n县领导检查防汛工作，强调压实责任")
    assert body_texts(doc) == [BODY] and doc.metadata.signature == "某某县人民政府办公室"
    assert removed(doc)[1:] == ["市防汛办召开会议，部署2023年汛期工作", "点击排行", "县领导检查防汛工作，强调压实责任"]


def test_a_related_header_above_the_document_does_not_cut_it():
    doc = read_text(f"相关文件\n关于做好2023年防汛工作的通知\n各乡镇人民政府：\n{BODY}\n{BODY}")
    assert body_texts(doc) == [BODY, BODY]


def test_schools_and_party_branches_sign_like_organs():
    for organ in ("某某县实验小学", "某某市第一中学", "某某学院党总支"):
        doc = _closing(BODY, organ, "2023年9月1日")
        assert (doc.metadata.signature, doc.metadata.date) == (organ, "2023年9月1日")


def test_a_date_first_page_info_line_and_an_attached_rules_document():
    doc = read_text(f"关于印发《某某市人民政府工作规则》的通知\n2011-06-18 00:00:00 来源: 本站原创\n各区人民政府：\n{BODY}\n"
                    f"二○一一年四月八日\n某某市人民政府工作规则\n第一章  总  则\n{BODY}")
    assert removed(doc) == ["2011-06-18 00:00:00 来源: 本站原创"]
    assert doc.metadata.date == "二○一一年四月八日"
    assert [e.metadata.title for e in doc.embedded] == ["某某市人民政府工作规则"]


def test_a_title_broken_over_three_lines():
    doc = read_text(f"首页 > 通知公告\n关于印发《某某县2023年\n学校安全工作实施方案》\n的通知\n各学校：\n{BODY}")
    assert doc.metadata.title == "关于印发《某某县2023年学校安全工作实施方案》的通知"
    assert removed(doc) == ["首页 > 通知公告"]


def test_an_empty_site_label_above_the_addressee_goes():
    doc = read_text(f"关于做好2023年防汛工作的通知\n视力保护色:\n各乡镇人民政府，县直各单位：\n{BODY}")
    assert removed(doc) == ["视力保护色:"] and doc.metadata.addressee == "各乡镇人民政府，县直各单位："


def test_an_organ_on_its_own_line_above_a_title_starting_with_about():
    doc = read_text(f"济宁市人民政府\n关于持续深化改革的实施意见\n济政字〔2021〕30号\n各县（市、区）人民政府：\n{BODY}")
    assert doc.metadata.title == "济宁市人民政府关于持续深化改革的实施意见" and not doc.removed


def test_an_addressee_printed_without_its_colon_under_the_title():
    doc = read_text(f"关于印发实施细则的通知\n大有经济开发区管委会,各乡镇人民政府(街道办事处),市政府有关部门市直有关单位\n{BODY}")
    assert doc.metadata.addressee == "大有经济开发区管委会，各乡镇人民政府（街道办事处），市政府有关部门市直有关单位"
    plain = read_text(f"关于印发实施细则的通知\n为做好工作，现将细则印发给你们\n{BODY}")
    assert plain.metadata.addressee is None


def test_an_attached_document_with_its_title_on_two_lines():
    doc = read_text(f"关于印发实施细则的通知\n各乡镇人民政府：\n{BODY}\n某某市人民政府办公室\n2020年9月28日\n（此件公开发布）\n"
                    f"某某市推进义务教育优质均衡发展\n督导评估规划实施细则\n{BODY}")
    assert [e.metadata.title for e in doc.embedded] == ["某某市推进义务教育优质均衡发展督导评估规划实施细则"]
    assert doc.metadata.note == "（此件公开发布）" and [b.text for b in doc.embedded[0].blocks] == [BODY]


def test_a_section_name_ending_in_documents_is_not_an_issuer_mark():
    doc = read_text(f"政府文件\n国务院文件\n国发〔2021〕1号\n关于做好防汛工作的通知\n各省人民政府：\n{BODY}")
    assert removed(doc) == ["政府文件"] and doc.metadata.issuer_mark == "国务院文件"


def test_a_doc_number_printed_only_in_the_headline_or_the_title_line():
    doc = read_text(f"凌政办发[2020]35号凌海市实施细则的通知\n凌海市人民政府办公室关于印发凌海市实施细则的通知\n各乡镇人民政府：\n{BODY}")
    assert doc.metadata.doc_number == "凌政办发[2020]35号"
    inline = read_text(f"某某市委办公室印发《实施意见》的通知(岳办发〔2017〕2号)\n各县市区：\n{BODY}")
    assert inline.metadata.doc_number == "岳办发〔2017〕2号"
    other = read_text(f"凌政办发[2020]35号关于另一件事的通知\n关于做好防汛工作的通知\n各乡镇人民政府：\n{BODY}")
    assert other.metadata.doc_number is None  # the headline of another document


def test_a_number_field_saying_none_is_no_number():
    doc = read_text(f"索引号：000014348/2020-35147\n文号：无\n发布机构：邯郸市教育局\n关于做好防汛工作的通知\n各学校：\n{BODY}")
    assert doc.metadata.doc_number is None and doc.metadata.site["文号"] == "无"


def test_a_key_points_blurb_above_the_title_and_digit_lines_are_not_titles():
    doc = read_text(f"核心提示:关于印发某某办法的通知局各部门:《某某办法》经局长办公会议审议通过,现印发给你们。附件:1.有关...\n"
                    "关于印发某某办法的通知\n局各部门:\n《某某市港航管理局公文处理办法》已经审议通过，现印发给你们。\n"
                    f"某某市港航管理局\n201372\n某某市港航管理局公文处理办法\n{BODY}")
    assert removed(doc)[0].startswith("核心提示") and doc.metadata.addressee == "局各部门："
    assert [e.metadata.title for e in doc.embedded] == ["某某市港航管理局公文处理办法"]


def test_the_site_owner_beside_the_registration_line_goes_an_events_organisers_stay():
    event = ("关于举办全县中小学生运动会的通知\n各学校：\n现将有关事项通知如下。\n主办单位：县教育局\n承办单位：县第一中学\n"
             "县教育局\n2023年5月1日\n")
    doc = read_text(event + "版权所有：县人民政府\n主办单位：县人民政府办公室\n技术支持：某网络公司")
    assert body_texts(doc)[1:] == ["主办单位：县教育局", "承办单位：县第一中学"]
    assert removed(doc)[-3:] == ["版权所有：县人民政府", "主办单位：县人民政府办公室", "技术支持：某网络公司"]
