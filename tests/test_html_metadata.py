"""Reading the site's labelled metadata lines and choosing the page's title, rule by rule."""
from __future__ import annotations

from converters.readers.html_metadata import HeadInfo, choose_title, labelled_values


def test_spaced_label_with_value_in_the_same_cell():
    assert labelled_values(["索  引  号: 014500815/2020-01779"]) == {"索引号": "014500815/2020-01779"}


def test_label_cell_then_value_cell():
    assert labelled_values(["文号", "赣府字〔2020〕11号", "发文机关:", "省政府办公厅"]) == {
        "文号": "赣府字〔2020〕11号", "发文机关": "省政府办公厅"}


def test_page_info_line_split_at_wide_spaces_and_empty_values_skipped():
    values = labelled_values(["发布时间：2021-02-20 09:30\u3000来源：临川区教育体育局\u3000浏览次数：", "分享到：微信"])
    assert values == {"发布时间": "2021-02-20 09:30", "来源": "临川区教育体育局"}


def test_label_inside_a_longer_word_is_not_a_label():
    assert labelled_values(["资金来源：省级财政专项资金"]) == {}


def test_title_from_meta_then_confirmed_element_then_title_segment():
    head = HeadInfo(title="某某市人民政府_关于做好防汛工作的通知_通知公告", meta={})
    assert choose_title(head, {}, [], []) == "关于做好防汛工作的通知"
    assert choose_title(head, {}, ["某某市人民政府", "关于做好防汛工作的通知"], []) == "关于做好防汛工作的通知"
    head.meta["articletitle"] = "某某市关于做好防汛工作的通知"
    assert choose_title(head, {}, [], []) == "某某市关于做好防汛工作的通知"


def test_no_title_when_the_page_names_only_its_site():
    assert choose_title(HeadInfo(title="南昌市教育局"), {}, ["南昌市教育局"], ["首页 教育新闻 通知公告"]) is None
