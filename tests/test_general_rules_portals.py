"""Rules that came from the sixth to eighth sets of real pages (government portals, bureau and ministry sites,
townships, schools, trade unions, news and hospital sites; the rows from `alashankou_city_work_rules` on in
tests/data/real/SOURCES.md): each on a small input, with what it must leave."""
from __future__ import annotations

from converters.clean.script import simplified
from converters.clean.shape import CLOSING_DATE, DATE_LINE, DOC_NUMBER, names_genre
from helpers_extract import read_text
from helpers_general import BODY, body_texts, removed


def test_dates_that_lost_their_units_close_a_document_only_there():
    for printed in ("20171116", "2024110", "2024830", "2018年10日11日"):
        assert CLOSING_DATE.match(printed) and not DATE_LINE.match(printed)
    assert not CLOSING_DATE.match("20171332") and not CLOSING_DATE.match("12345678")
    doc = read_text(f"关于做好冬季供热工作的通知\n各乡镇人民政府：\n{BODY}\n某某市人民政府办公室\n20171116\n（此件公开发布）")
    assert (doc.metadata.signature, doc.metadata.date, doc.metadata.note) == \
        ("某某市人民政府办公室", "20171116", "（此件公开发布）")


def test_document_numbers_with_a_series_or_cut_after_the_year():
    assert DOC_NUMBER.match("农计(示范)[2016]16号") and DOC_NUMBER.match("(皖政[2001]85号)")
    cut = read_text(f"网站首页\n某某府发〔20248\n某某县人民政府\n关于封山育林的通告\n{BODY}")
    assert cut.metadata.doc_number == "某某府发〔20248" and removed(cut) == ["网站首页"]


def test_joint_issuers_stacked_above_the_title_line():
    doc = read_text(f"网站首页\n中共某某镇委员会\n某某镇人民政府\n关于印发《换届选举工作方案》的通知\n各村委会：\n{BODY}")
    assert doc.metadata.title == "中共某某镇委员会某某镇人民政府关于印发《换届选举工作方案》的通知"
    assert removed(doc) == ["网站首页"]


def test_an_empty_field_at_the_end_of_the_table_leaves_the_number_and_title_below():
    number = read_text("索引号: 11500383009338112H/2021-00021\n主题分类: 人事工作\n有效性:\n某委发〔2021〕68号\n"
                       f"关于印发工作方案的通知\n各村委会：\n{BODY}")
    assert number.metadata.doc_number == "某委发〔2021〕68号" and number.metadata.site["有效性"] == ""
    title = read_text("索 引 号: 746899294/2020-34839\n发布机构: 某某县人民政府\n主 题 词:\n"
                      f"某某县人民政府办公室关于印发应急预案的通知\n各乡镇人民政府：\n{BODY}")
    assert title.metadata.title == "某某县人民政府办公室关于印发应急预案的通知" and title.metadata.site["主题词"] == ""


def test_site_lines_of_portals():
    doc = read_text("社会主义核心价值观:  富强、  民主、  文明、  和谐,  自由、  平等、  公正、  法治,  爱国、  敬业。\n"
                    "关于做好防汛工作的通知\n2023-01-05 10:00 区人民政府办公室\n索 引 号: 011/2023-001 分   类 政务公开\n"
                    f"分   类 政务公开 有 效 性 有效\n各街道办事处：\n{BODY}\n某某区人民政府\n2023年1月5日\n附件下载")
    assert body_texts(doc) == [BODY]
    assert len(doc.removed) == 5 and doc.metadata.site["有效性"] == "有效"


def test_an_addressee_list_without_its_colon_naming_trades_among_organs():
    doc = read_text(f"关于印发供热应急预案的通知\n市直各部门、市域内农垦、森工、监狱所、某某镇政府、供热企业\n{BODY}")
    assert doc.metadata.addressee == "市直各部门、市域内农垦、森工、监狱所、某某镇政府、供热企业"
    trades = read_text(f"关于开展安全检查的通知\n餐饮、住宿、娱乐\n{BODY}")  # no organ among them: not an addressee
    assert trades.metadata.addressee is None


def test_the_disclosure_line_under_the_date_stays_with_the_document():
    doc = read_text(f"关于开展调研的通知\n各县农业局：\n{BODY}\n某某市农业局\n2018年10月11日\n（联系人：李某，电话：3220060）\n"
                    "公开方式：主动公开\n网站地图\n联系我们")
    assert body_texts(doc)[-1] == "公开方式：主动公开" and removed(doc) == ["网站地图", "联系我们"]


def test_traditional_print_the_table_cell_per_line_and_the_download_list():
    assert simplified("交通運輸部辦公廳關於") == "交通運輸部办公厅关于" and names_genre("關於表揚的通報")
    doc = read_text("某某部辦公廳關於表揚試點單位的通報\n文號\n某辦函〔2025〕19號\n索引號\n000019713O04/2025-00077\n"
                    "主題詞\n交通;試點\n機構分類\n綜合規劃司\n公文類型\n部辦公廳函\n各省交通運輸廳：\n"
                    f"{BODY}\n某某部辦公廳\n2025年10月14日\n抄送：某某組。\n  1. 附件1:表揚名單.doc")
    meta = doc.metadata
    assert (meta.title, meta.signature, meta.date) == ("某某部辦公廳關於表揚試點單位的通報", "某某部辦公廳", "2025年10月14日")
    assert meta.site["公文类型"] == "部辦公廳函" and meta.site["主题词"] == "交通；試點"
    assert body_texts(doc) == [BODY] and removed(doc)[-1] == "1. 附件1:表揚名單.doc"


def test_a_tab_label_and_a_button_message_are_not_the_title():
    doc = read_text(f"某某区人民政府关于印发工作规则的通知\n发布日期:2013-07-02 12:41 信息来源:区政府办公室\n取消收藏成功!\n"
                    f"相关办事指南\n各街道办事处：\n{BODY}")
    assert doc.metadata.title == "某某区人民政府关于印发工作规则的通知" and body_texts(doc) == [BODY]


def test_the_public_as_addressee_and_an_organ_name_broken_over_two_lines():
    doc = read_text(f"某某区关于暂时关闭有关菜场、超市的通告\n广大市民群众:\n{BODY}\n某某区新型冠状病毒感染的\n"
                    "肺炎疫情防控工作指挥部\n2022年11月10日")
    meta = doc.metadata
    assert (meta.title, meta.addressee) == ("某某区关于暂时关闭有关菜场、超市的通告", "广大市民群众：")
    assert meta.signature == "某某区新型冠状病毒感染的肺炎疫情防控工作指挥部"
    plea = read_text(f"关于做好防汛工作的通知\n各乡镇：\n{BODY}\n请各单位认真落实\n某某县应急管理局\n2022年6月1日")
    assert plea.metadata.signature == "某某县应急管理局"  # a body line above the organ is not part of its name


def test_closing_formula_and_a_date_without_its_year_end_the_document_above_the_site_links():
    doc = read_text(f"关于开展疫苗查漏补种的公告\n{BODY}\n特此公告\n某某县卫生局\n某某县疾病预防控制中心\n年12月21日\n"
                    "赞赏\n转载请注明:http://www.example.com/a/7065.html\n- 上一篇文章: 某某县开展工作\n某某县人民政府欢迎您!")
    assert (doc.metadata.signature, doc.metadata.date) == ("某某县卫生局\n某某县疾病预防控制中心", "年12月21日")
    assert body_texts(doc) == [BODY, "特此公告"] and len(doc.removed) == 4


def test_a_date_above_the_attached_document_and_a_bulletin_masthead():
    dated = read_text(f"关于发布公告的通知\n各单位：\n{BODY}\n二○一○年九月二日\n附件：\n某某市人民政府关于开展人口普查的公告")
    assert dated.metadata.date == "二○一○年九月二日"
    bulletin = read_text(f"网站首页\n某县政务督查\n20期\n某县人民政府督查室   2022年8月19\n关于上半年落实情况的通报\n"
                         f"各乡镇人民政府：\n{BODY}\n请您对该政策的制定及执行提出宝贵的意见或建议。\n• 姓  名:\n• *验 证 码:")
    assert removed(bulletin)[0] == "网站首页" and body_texts(bulletin)[:3] == ["某县政务督查", "20期", "某县人民政府督查室   2022年8月19"]
    assert body_texts(bulletin)[-1] == BODY


def test_numbers_without_brackets_and_dated_newspaper_page_lines():
    doc = read_text(f"关于印发任务分工的通知\n中县政务公开202210\n三版  2023年09月27日   来源:\n各乡镇人民政府：\n{BODY}")
    assert doc.metadata.doc_number == "中县政务公开202210" and removed(doc) == ["三版  2023年09月27日   来源:"]


def test_times_are_not_addressee_colons_and_users_are_addressed():
    doc = read_text("某某城区紧急停水公告\n2021-06-14 20:49   某某融媒体中心   王某某\n城区高位区域各用水户:\n"
                    "刚刚得知消息，我公司制水车间专电线路将在明日早7:00--晚18时停电，请各用水户迅速备足生活用水。")
    assert doc.metadata.addressee == "城区高位区域各用水户："
    assert removed(doc) == ["2021-06-14 20:49   某某融媒体中心   王某某"] and body_texts(doc)[0].startswith("刚刚得知消息")


def test_article_platform_lines_between_the_title_and_the_addressee():
    doc = read_text("某某社区关于开展安全卫生综合整治的通知\n某某社区\n创建于09-19\n阅读 2969\n收藏TA\n需扫码在手机上打开\n"
                    f"文章后点击更新提醒\n广大居民朋友:\n{BODY}")
    assert doc.metadata.title == "某某社区关于开展安全卫生综合整治的通知" and body_texts(doc) == [BODY]
    assert len(doc.removed) == 6
    speech = read_text(f"关于做好防汛工作的通知\n（2023年5月10日）\n各乡镇人民政府：\n{BODY}")  # a head part stays
    assert body_texts(speech)[0] == "（2023年5月10日）"


def test_a_notice_without_addressee_above_the_document_it_forwards():
    doc = read_text("某某区人民政府办公室文件\n某政办发[2008] 20号\n印发市政府办公厅关于某某制度的通知\n"
                    "现将市政府办公厅《关于印发某某制度的通知》印发给你们，请遵照执行。\n某某区人民政府办公室\n二OO八年八月十八日\n"
                    "某某市人民政府办公厅文件\n关于印发某某制度的通知\n各区、县人民政府：\n" + BODY)
    meta = doc.metadata
    assert (meta.title, meta.signature, meta.date) == ("印发市政府办公厅关于某某制度的通知", "某某区人民政府办公室", "二OO八年八月十八日")


def test_head_and_tail_lines_of_other_shapes_stay():
    head = read_text(f"网站首页\n某某市人民政府办公厅\n——————————\n某府办函〔2020〕78号\n关于印发气象灾害应急预案的通知\n"
                     f"各区人民政府：\n{BODY}")
    assert removed(head) == ["网站首页"] and body_texts(head)[:2] == ["某某市人民政府办公厅", "——————————"]
    roster = read_text(f"关于成立宣传工作领导小组的通知\n各单位：\n{BODY}\n组  长:张某某   区委常委、宣传部部长\n"
                       "成  员:刘某某   区联创办宣传组组长\n吴  某   区外宣办主任")
    assert body_texts(roster)[-2:] == ["成  员：刘某某   区联创办宣传组组长", "吴  某   区外宣办主任"]
    noted = read_text(f"关于印发地震应急预案的报告\n市政府：\n{BODY}\n某某市发展和改革委员会\n2020年1月2日\n    (此件主动公开)—2—\n相关链接")
    assert "（此件主动公开）—2—" in body_texts(noted) + [noted.metadata.note] and removed(noted) == ["相关链接"]


def test_titles_after_an_organs_verb_or_with_an_organ_broken_over_two_lines():
    forwarded = read_text(f"某某市人民政府 某某市中级人民法院印发\n关于完善“府院联动”机制的意见的通知\n各县区人民政府：\n{BODY}")
    assert forwarded.metadata.title == "某某市人民政府 某某市中级人民法院印发关于完善“府院联动”机制的意见的通知"
    broken = read_text(f"来源:州人大\n访问量:\n某某自治州人民代表大会\n常务委员会机关公文处理办法\n第一条 {BODY}")
    assert broken.metadata.title == "某某自治州人民代表大会常务委员会机关公文处理办法"
    issuer = read_text(f"某某省某某市人民政府\n某某市暂住人员管理办法\n第一条 {BODY}")  # a separate issuer stays apart
    assert issuer.metadata.title == "某某市暂住人员管理办法"


def test_banners_browser_notes_counters_and_numbered_attachment_labels():
    doc = read_text("宣传人大制度 交流人大经验;推进民主法制建设 构建和谐文明。地震之后,某某依然美丽!\n"
                    "你正在使用旧版本浏览器。请升级浏览器以获得更好的体验。\n某某州人大常委会机关公文处理办法\n来源:州人大\n"
                    f"更新日期:2024-01-12\n4874268\n某某州人大常委会机关公文处理办法\n各委室：\n{BODY}\n"
                    "附件1:《关于切实做好安全稳定工作的通知》;\n附件2:《寒假期间告家长书》。")
    assert body_texts(doc) == [BODY, "附件1：《关于切实做好安全稳定工作的通知》；", "附件2：《寒假期间告家长书》。"]
    assert doc.metadata.attachments == [] and len(doc.removed) == 6


def test_stamps_breadcrumbs_combined_labels_and_organs_between_the_title_and_the_addressee():
    doc = read_text("你的位置:首页 > 通知公告 > 通知公告\n- 索 引 号:SM04100-1100-2016-00100\n- 备注/文号:某政办〔2016〕82号\n"
                    "- 发布机构:县政府办\n- 公文生成日期:2016-06-23\n关于印发应急预案的通知\n发布于:2022-09-06 16:08:28\n"
                    f"某某市生态环境局某某经济技术开发区分局\n各乡镇人民政府：\n{BODY}")
    assert doc.metadata.title == "关于印发应急预案的通知" and body_texts(doc) == [BODY]
    assert doc.metadata.site["文号"] == "某政办〔2016〕82号" and len(doc.removed) == 7


def test_the_last_cells_of_a_flattened_table_stay():
    doc = read_text(f"关于某某工程环境影响评价文件拟审批的公示\n{BODY}\n建设单位\n项目名称\n公众参与情况\n某某县水利局\n"
                    "某某河水生态保护修复工程\n文岩渠水生态保护修复，生态缓冲带，生态湿地等。\n不涉及\n/")
    assert body_texts(doc)[-2:] == ["不涉及", "/"]


def test_page_labels_alone_or_glued_and_a_date_under_its_label():
    doc = read_text("关于召开常务委员会会议的通知\n发布时间:\n2009年12月21日\n字体大小:\n浏览:7456次'时间:2020年2月7日\n"
                    f"市政协常委:\n{BODY}")
    assert body_texts(doc) == [BODY] and len(doc.removed) == 4 and doc.metadata.date is None


def test_titles_over_three_lines_and_a_headline_that_joins_them():
    issued = read_text(f"某府发〔202315\n某某县人民政府办公室\n关于印发2023年全县政务公开工作要点\n任务分解表的通知\n各乡镇人民政府：\n{BODY}")
    assert issued.metadata.title == "某某县人民政府办公室关于印发2023年全县政务公开工作要点任务分解表的通知"
    forwarded = read_text(f"某政办〔2011〕129号\n某某市人民政府办公室\n转发某某市推行说理性行政处罚文书\n指导意见及操作规范的通知\n"
                          f"市政府直属各单位：\n{BODY}\n二○一一年八月九日\n某某市推行说理性行政处罚文书的\n指  导  意  见")
    assert forwarded.metadata.title == "某某市人民政府办公室转发某某市推行说理性行政处罚文书指导意见及操作规范的通知"
    assert forwarded.metadata.date == "二○一一年八月九日"
    report = read_text(f"首页>政务公开>年报\n某某县人民政府办公室 2023年政府信息公开工作年度报告\n日期:2024-01-30\n"
                       f"某某县人民政府办公室\n2023年政府信息公开工作年度报告\n{BODY}")
    assert report.metadata.title == "某某县人民政府办公室2023年政府信息公开工作年度报告"


def test_the_documents_contact_lines_stay_under_its_contact_person():
    doc = read_text(f"关于配合做好申报工作的通知\n各县文广新局：\n{BODY}\n联系人:周某某\n联系电话:15207309591\n"
                    "电子邮箱:276352641@qq.com\n网站地图")
    assert body_texts(doc)[-2:] == ["联系电话：15207309591", "电子邮箱：276352641@qq.com"] and removed(doc) == ["网站地图"]


def test_damaged_closing_dates_and_a_registration_code_in_the_head():
    for printed in ("2019年9月3", "20213月18", "2020年4月 日", "年八月二十八日"):
        assert CLOSING_DATE.match(printed.replace(" ", ""))
    doc = read_text(f"HHCR-2023-01005\n某政发〔2023〕5号\n关于印发经济恢复方案的通知\n各县人民政府：\n{BODY}\n某某市人民政府\n"
                    "2020年4月 日\n某某市突发事件总体应急预案\n为了提高应对能力，制定本预案。")
    assert body_texts(doc)[0] == "HHCR-2023-01005" and doc.metadata.date == "2020年4月 日"
    assert doc.metadata.signature == "某某市人民政府"  # the date is not read as the first line of the plan's title
    assert "某某市突发事件总体应急预案" in body_texts(doc) + [e.metadata.title for e in doc.embedded]


def test_a_letter_spaced_genre_closes_the_title_and_a_report_naming_it_goes():
    doc = read_text("4月21日，某某市人民政府发布关于印发平台城市建设细化措施的通 知，通知提到要积极谋划铁路交通。\n全文如下:\n"
                    f"某某市人民政府\n关于印发平台城市建设细化措施的\n通 知\n某政〔2022〕17号\n各县区人民政府：\n{BODY}")
    meta = doc.metadata
    assert (meta.title, meta.doc_number, meta.addressee) == \
        ("某某市人民政府关于印发平台城市建设细化措施的通 知", "某政〔2022〕17号", "各县区人民政府：")
    assert len(doc.removed) == 2 and body_texts(doc) == [BODY]


def test_paywall_notes_link_lines_and_a_source_label_go():
    doc = read_text(f"关于做好森林防火工作的紧急通知\n来自:某某市政府门户网站 时间:2018-11-22\n详见:关于做好森林防火工作的紧急通知\n"
                    f"各区人民政府：\n{BODY}\n（未完，全文共1772字，当前显示432字）\n只有正式会员才能完整阅读，请理解！\n"
                    "已经注册:立即登录>>")
    assert body_texts(doc) == [BODY] and len(doc.removed) == 5


def test_a_title_with_the_bar_a_table_layout_leaves():
    doc = read_text(f"首页 / 通知公告\n某某市卫生计生委关于印发2017年卫生计生工作要点的通知 |\n各区、县卫生计生局：\n{BODY}")
    assert doc.metadata.title == "某某市卫生计生委关于印发2017年卫生计生工作要点的通知" and body_texts(doc) == [BODY]


def test_a_letter_spaced_genre_names_the_title_and_glossed_labels_are_page_information():
    doc = read_text("封丘縣人民政府辦公室 關(guān)于推進政務信息資源共享工作的 通 知\n時間:2019年06月17日 點擊次數(shù):28596\n"
                    f"封政辦〔2019〕21號\n各鄉鎮人民政府：\n{BODY}")
    assert doc.metadata.title == "封丘縣人民政府辦公室 關（guān）于推進政務信息資源共享工作的 通 知"
    assert removed(doc) == ["時間:2019年06月17日 點擊次數(shù):28596"]
