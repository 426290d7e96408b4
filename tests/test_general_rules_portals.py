"""Rules that came from a sixth set of real pages (government portals, bureau sites, townships, schools and trade
unions; the rows from `alashankou_city_work_rules` on in tests/data/real/SOURCES.md): each on a small input, with
what it must leave."""
from __future__ import annotations

from converters.clean.shape import CLOSING_DATE, DATE_LINE, DOC_NUMBER
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
