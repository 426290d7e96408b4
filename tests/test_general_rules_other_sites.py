"""Rules that came from a second set of real pages of other sites (tests/data/real, the rows below the first 37 in
SOURCES.md): each on a small input, with what it must leave."""
from __future__ import annotations

from converters.clean.shape import DATE_LINE
from helpers_extract import read_text
from helpers_general import BODY, body_texts, removed


def test_dates_with_a_digit_zero_among_chinese_numerals():
    assert DATE_LINE.match("二0一一年九月六日") and not DATE_LINE.match("二0一一年度")
    doc = read_text(f"学院各处、室、中心:\n{BODY}\n学院办公室 二0一一年九月六日")
    assert (doc.metadata.signature, doc.metadata.date) == ("学院办公室", "二0一一年九月六日") and not doc.removed


def test_a_title_broken_before_its_bracketed_period_or_before_a_bare_genre_phrase():
    pages = {
        f"关于印发某某市公共卫生体系建设三年行动计划\n(2023—2025年)的通知\n各县(市)、区人民政府:\n{BODY}":
            "关于印发某某市公共卫生体系建设三年行动计划（2023—2025年）的通知",
        f"公开具体内容\n某某县住房和城乡建设局2018年度整体支出\n绩效评价报告\n{BODY}": "某某县住房和城乡建设局2018年度整体支出绩效评价报告",
        f"政务公开\n工作要点\n{BODY}": "工作要点",  # a short line above is a menu item, not the start of the title
    }
    assert [read_text(page).metadata.title for page in pages] == list(pages.values())


def test_page_info_behind_list_bullets_in_traditional_print_and_bracketed_credits():
    doc = read_text(f"某某街道2022年工作总结\n- 时间:2023-02-24\n• 2018-09-21\n時間:2022-03-27 06:47:00\n"
                    f"视力保护色:\n{BODY}\n(编辑:某某)\n（数据来源：市统计局）")
    assert removed(doc) == ["- 时间:2023-02-24", "• 2018-09-21", "時間:2022-03-27 06:47:00", "视力保护色:", "(编辑:某某)"]
    assert body_texts(doc) == [BODY, "（数据来源：市统计局）"]  # a source note of the document stays


def test_a_blurb_or_upload_note_opening_the_running_text_goes():
    doc = read_text("教育局工作計劃\n導語:本文來源于網友上傳,不代表本站觀點,歡迎參考。\n教育局工作計劃\n"
                    "《某某细则.docx》由会员分享，可在线阅读，更多相关文档请在本站搜索。\n"
                    f"关于印发某某细则的通知\n(某署办发〔2007〕22号)\n各旗人民政府：\n{BODY}")
    assert {"導語:本文來源于網友上傳,不代表本站觀點,歡迎參考。",
            "《某某细则.docx》由会员分享，可在线阅读，更多相关文档请在本站搜索。"} <= set(removed(doc))
    assert (doc.metadata.doc_number, doc.metadata.addressee) == ("（某署办发〔2007〕22号）", "各旗人民政府：")
    assert body_texts(doc) == [BODY]


def test_a_prefecture_administration_signs_like_an_organ():
    doc = read_text(f"关于印发工作规则的通知\n各县人民政府：\n{BODY}\n某某地区行政公署\n2021年11月9日")
    assert (doc.metadata.signature, doc.metadata.date) == ("某某地区行政公署", "2021年11月9日")


def test_an_empty_date_field_does_not_take_the_line_below_as_its_value():
    doc = read_text("关于印发某某县应急预案的通知\n"
                    "索引号:11532323015172622Y-/2018-1220012 公文目录:应急管理 发文日期:2017年06月28日 成文日期:\n"
                    f"某政办发〔201746\n各乡镇人民政府：\n{BODY}")
    assert doc.metadata.doc_number == "某政办发〔201746" and doc.metadata.site["成文日期"] == ""  # cut after its year
    dated = read_text(f"索引号:000014348/2020-35147 成文日期:\n2020年03月05日\n关于做好防汛工作的通知\n各学校：\n{BODY}")
    assert dated.metadata.site["成文日期"] == "2020年03月05日"


def test_a_metadata_table_printed_as_a_dash_list():
    doc = read_text("- 索引号:dqxs/2021-00016\n- 发文字号:某行发〔2021〕42号\n- 发文机构:地区行署\n"
                    f"关于印发工作规则的通知\n各县人民政府：\n{BODY}")
    assert doc.metadata.doc_number == "某行发〔2021〕42号" and doc.metadata.site["索引号"] == "dqxs/2021-00016"


def test_a_page_info_list_between_the_title_and_the_body_goes():
    doc = read_text(f"中秋节放假通知\n  • 2018-09-21\n  • 1836\n  • 某某美容美发学校\n{BODY}\n- 一是做好值班。\n(编辑:某某)")
    assert removed(doc) == ["• 2018-09-21", "• 1836", "• 某某美容美发学校", "(编辑:某某)"]
    assert doc.metadata.title == "中秋节放假通知" and body_texts(doc) == [BODY, "- 一是做好值班。"]


def test_an_attached_document_named_by_the_notice_title_without_a_genre_ending():
    doc = read_text(f"关于印发某某办公室公文处理实施细则及文种式样的通知\n各旗人民政府：\n{BODY}\n二○○七年六月五日\n"
                    f"某某办公室公文处理实施细则及文种式样\n目 录\n第一章 总则\n第一条 {BODY}")
    assert doc.metadata.date == "二○○七年六月五日"
    assert [e.metadata.title for e in doc.embedded] == ["某某办公室公文处理实施细则及文种式样"]


def test_an_organ_above_the_note_signs_when_the_page_lost_the_date():
    doc = read_text(f"关于做好防汛工作的通知\n各乡镇人民政府：\n{BODY}\n某某县人民政府办公室\n(此件公开发布)\n{{ 2017 6 23")
    assert (doc.metadata.signature, doc.metadata.note) == ("某某县人民政府办公室", "（此件公开发布）")
    unsigned = read_text(f"关于做好防汛工作的通知\n各乡镇人民政府：\n{BODY}\n(此件公开发布)")
    assert unsigned.metadata.signature is None


def test_an_essay_sites_collection_headline_and_editors_introduction_go():
    doc = read_text("学校寒假放假通知(集锦15篇)\n文书君 人气:2.12W\n"
                    "通知是告知有关单位需要周知的事项的文种。下面是小编为大家整理的学校寒假放假通知,欢迎阅读。\n"
                    f"学校寒假放假通知(集锦15篇)\n各单位:\n{BODY}")
    assert doc.metadata.addressee == "各单位：" and body_texts(doc) == [BODY]
    rules = read_text(f"某某市人民政府网(精选9篇)\n工作制度\n{BODY}")
    assert rules.metadata.title == "工作制度" and removed(rules) == ["某某市人民政府网(精选9篇)"]


def test_a_line_closed_by_a_bracketed_remark_does_not_join_a_bare_genre_title():
    doc = read_text(f"某某市人民政府网站文章汇编(第二辑)\n工作制度\n{BODY}")
    assert doc.metadata.title == "工作制度"


def test_a_title_printed_as_a_list_item_loses_its_bullet():
    doc = read_text(f"当前位置:首页 >\n  • 最新公开信息\n  • 关于 2026 年元旦及寒假放假安排的通知\n各处室(中心)、学院(部):\n{BODY}")
    assert doc.metadata.title == "关于 2026 年元旦及寒假放假安排的通知"


def test_articles_and_sections_in_traditional_print():
    doc = read_text(f"某某市規範性檔案管理規定\n第一章 總 則\n第一條 為了規範管理，制定本規定。\n第二節 備案\n{BODY}\n某某市人民政府\n"
                    "二○一一年七月二十八日\n第五條 規範性")
    assert body_texts(doc)[-1] == "第五條 規範性" and not doc.removed  # a cut-off article is still document text
    assert [b.level for b in doc.blocks if b.__class__.__name__ == "Heading"][:2] == [1, 2]


def test_a_salutation_opens_a_letter_to_parents():
    doc = read_text(f"尊敬的家长:\n您好!\n{BODY}\n特此通知。\nXX中学教务处\n2023年6月28日")
    assert doc.metadata.addressee == "尊敬的家长：" and not doc.removed


def test_sample_site_notes_anywhere_and_a_bare_file_name_above_the_document_go():
    doc = read_text("中学2022年中秋节放假通知六篇合辑.docx\n学院通知模板集合九篇\n"
                    "通知是常用公文。下面是小编帮大家整理的学院通知9篇,供大家参考借鉴。\n学院通知 篇1\n"
                    f"{BODY}\n某某学院继续教育学院\n学院通知 篇2\n{BODY}\n"
                    "以上为本年度中学生暑假通知书模板,具体内容可根据实际情况调整修改。\n")
    assert removed(doc) == ["中学2022年中秋节放假通知六篇合辑.docx", "学院通知模板集合九篇",
                            "通知是常用公文。下面是小编帮大家整理的学院通知9篇,供大家参考借鉴。", "学院通知 篇1", "学院通知 篇2",
                            "以上为本年度中学生暑假通知书模板,具体内容可根据实际情况调整修改。"]
    linked = read_text(f"关于公布评审结果的通知\n各单位：\n{BODY}\n共收到论文12篇\n{BODY}\n附件：评审结果.pdf")
    assert not linked.removed  # an 附件 link and a count of articles are the document's


def test_a_head_glued_into_one_line_is_split_into_title_addressee_and_body():
    doc = read_text("某省教育厅关于另一件事的通知\n合集下载\n(2008年市教育局通知)关于规范学校学籍管理工作的通知\n"
                    f"关于规范学校学籍管理工作的通知各区教育、市局直属中学:{BODY}\n{BODY}")
    assert doc.metadata.title == "关于规范学校学籍管理工作的通知"
    assert doc.metadata.addressee == "各区教育、市局直属中学：" and body_texts(doc) == [BODY, BODY]
    flat = read_text(f"各科室,各站所,各村: {BODY}")
    assert flat.metadata.addressee == "各科室，各站所，各村：" and body_texts(flat) == [BODY]
    lead = read_text(f"关于做好防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下:{BODY}")
    assert body_texts(lead) == ["现将有关事项通知如下：" + BODY]  # a lead-in sentence is not an addressee


def test_metadata_rows_printed_with_cell_bars():
    doc = read_text("索引号 | 001008003001086/2020-42401 | ||\n组配分类 | 部门文件 | 发布机构 | 山福镇 |\n"
                    f"文号 | 鹿山政〔2020〕72号 |\n各科室,各站所,各村:\n{BODY}")
    assert (doc.metadata.doc_number, doc.metadata.issuer) == ("鹿山政〔2020〕72号", "山福镇")
    assert doc.metadata.site["索引号"] == "001008003001086/2020-42401"


def test_a_tagged_headline_in_square_brackets_is_not_a_title():
    doc = read_text(f"[“国庆”“中秋”双节放假暨“创食安”致家长的一封信] 双节放假\n尊敬的家长:\n您好!\n{BODY}")
    assert doc.metadata.title is None and removed(doc) == ["[“国庆”“中秋”双节放假暨“创食安”致家长的一封信] 双节放假"]
    tagged = read_text(f"【通知公告】关于做好防汛工作的通知\n各乡镇人民政府：\n{BODY}")
    assert "关于做好防汛工作的通知" in tagged.metadata.title  # a section tag before a title keeps the title


def test_a_sample_documents_date_left_to_fill_in_closes_it():
    assert DATE_LINE.match("20xx年4月23日") and DATE_LINE.match("x年x月x日") and not DATE_LINE.match("xx年度")
    doc = read_text(f"學校五一勞動節放假通知\n各系部、處室,各班級:\n{BODY}\n特此通知。\n學院辦公室\n20xx年4月23日")
    assert (doc.metadata.signature, doc.metadata.date) == ("學院辦公室", "20xx年4月23日") and not doc.removed
