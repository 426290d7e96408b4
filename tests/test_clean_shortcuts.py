"""The cleaning chain's cheap tests in front of slow ones must never change an answer: each shortcut is checked
against the slow judgement it stands in front of, or on the lines that sit at its edge."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.clean.boilerplate import _SAMPLE_SITE, _footer_reason, _qr_reason, _sample_site_reason
from converters.clean.metadata_table import _infer_label
from converters.clean.parts import _printed
from converters.clean.punctuation import (_BRACKET, _CLAUSE, _bracket_pairs, _cjk_beside, _replace, _restore_plain,
                                          restore)
from converters.clean.shape import contains_any, forget_lines, is_title_shaped, marker_of

# Characters at the edges of the CJK class, white space of several kinds, digits, Latin letters and every mark.
_PUNCTUATION_ALPHABET = "中文，。（）：“”—…、aZ9 \t\n\u3000\u00a0,:;?!()()\u3040\u301f\u2017\u201e\uffef\ufff0"


def _judged_one_by_one(text: str) -> str:
    """The definition the shortcuts stand for: every clause mark judged on its own (CJK beside it past any white
    space), then every bracket (with its partner, or beside CJK within its line)."""
    clauses = [m.start() for m in _CLAUSE.finditer(text) if _cjk_beside(text, m.start(), str.isspace)]
    text = _replace(text, clauses)
    brackets = [m.start() for m in _BRACKET.finditer(text)]
    pairs = _bracket_pairs(text, brackets)
    return _replace(text, [i for i in brackets if pairs.get(i, _cjk_beside(text, i))])


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_PUNCTUATION_ALPHABET), max_size=16))
def test_punctuation_shortcuts_agree_with_judging_each_mark(text):
    assert _restore_plain(text) == _judged_one_by_one(text)


def test_punctuation_marks_beside_white_space():
    assert restore("通知 ,请 ; 查收") == "通知 ，请 ； 查收"  # CJK past spaces on either side
    assert restore("a , b") == "a , b"
    assert restore("(a)b 中(b)") == "(a)b 中（b）"  # only the pair with CJK beside it
    assert restore("中 , ,") == "中 ， ,"  # a restored mark does not make its neighbour Chinese


def test_copyright_patterns_in_any_case_and_at_the_start_only():
    assert _footer_reason("Copyright © 2021 某市人民政府") and _footer_reason("copyright 2021")
    assert _footer_reason("浙icp备12345678号") and _footer_reason("本站所有稿件均为原创")
    assert _footer_reason("主办单位：某市教育局 承办单位：某市信息中心") and _footer_reason("建议使用谷歌浏览器")
    assert _footer_reason("各校要建立公开、主动的工作机制，分批推进。") is None
    assert _footer_reason("请各单位于本站发布通知。") is None  # 本站 counts at the start of the line only


def test_marker_test_knows_every_opening():
    assert marker_of("一、总体要求") == (1, "一、") and marker_of("（二）工作目标") == (2, "（二）")
    assert marker_of("１．全角数字") == (3, "１．") and marker_of("第三章 附则") == (1, "第三章")
    assert marker_of("十是加强督导") == (5, "十是") and marker_of("各学校要加强领导") is None


def test_value_labels_for_codes_and_not_for_running_text():
    forget_lines()
    assert _infer_label("11330100002493563K/2021-00031") == "索引号"
    assert _infer_label("ABCDEF-GHIJ") is None  # an index code has a digit
    assert _infer_label("某政办发〔2021〕12号") == "文号" and _infer_label("2021-03-05 10:30") == "日期"
    assert _infer_label("各单位要高度重视，认真组织实施，确保各项工作落到实处。") is None


def test_printed_by_line_needs_its_ending():
    assert _printed("某市教育局办公室 2021年3月5日印发").group("org") == "某市教育局办公室"
    assert _printed("某市教育局办公室 2021年3月5日印发\n")
    assert _printed("某市教育局办公室 2021年3月5日印发的通知要求") is None


def test_picture_names_and_title_shapes():
    assert _qr_reason("201902271744184876.jpg") == "file name of a picture" and _qr_reason("正文没有点号") is None
    forget_lines()
    assert is_title_shaped("关于开展安全检查的通知") and not is_title_shaped("ABCD 通")  # two Han characters needed


def test_contains_any_takes_characters_literally():
    assert contains_any("a-b", "-") and contains_any("x]y", "]^") and not contains_any("abc", "]^-\\")


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["小编", "为", "模板", "可", "根据实际情况", "篇", "集锦", "合集", "精选", "（", "）", "(",
                                  ")", "12", "一", " ", "\t", "学校通知"]), max_size=12).map("".join))
def test_sample_site_notes_need_one_of_their_words(text):
    """The rule looks for its pattern only in lines holding 篇, 小编 or 模板: every alternative needs one."""
    assert bool(_sample_site_reason(text)) == bool(_SAMPLE_SITE.search(text))


def test_sample_site_labels():
    assert _sample_site_reason("学院通知 篇2") and _sample_site_reason("下面是小编为大家整理的通知")
    assert _sample_site_reason("学校寒假放假通知(集锦15篇)") and not _sample_site_reason("全文共三篇，分别是")
    assert _sample_site_reason("以上为通知模板，具体内容可根据实际情况调整")
