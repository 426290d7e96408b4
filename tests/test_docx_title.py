"""Title breaking (§7.3.1): fewest lines of at most 20 characters, balanced, words kept whole."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.layout.title import split_title
from converters.layout.metrics import text_width


def test_short_title_is_one_line():
    assert split_title("关于做好春季学期开学工作的通知") == ["关于做好春季学期开学工作的通知"]


def test_book_title_kept_whole_when_balance_allows():
    assert split_title("浙江省教育厅办公室关于转发教育部办公厅《学校食品安全管理办法》的通知") == [
        "浙江省教育厅办公室关于转发教育部办公厅", "《学校食品安全管理办法》的通知"]


def test_book_title_kept_whole_when_a_split_outside_it_fits():
    assert split_title("关于印发《鹰潭市教育局2021年工作要点》的通知") == ["关于印发", "《鹰潭市教育局2021年工作要点》的通知"]


def test_book_title_broken_only_when_it_cannot_fit_a_line():
    lines = split_title("关于印发《某某市加快推进新时代基础教育高质量发展三年行动计划》的通知")
    assert len(lines) == 2 and all(text_width(line) <= 20 for line in lines)
    assert lines[0].count("《") == 1 and "》" not in lines[0]  # the only way: the book title is 29 characters


def test_balanced_lines():
    lines = split_title("国务院办公厅关于进一步加强和改进新时代学校体育工作的意见")
    assert [len(x) for x in lines] == [14, 14]


def test_numbers_and_latin_words_never_split():
    for title in ("关于做好2024年全国普通高校毕业生就业创业工作的通知",
                  "关于开展全省中小学校园网络安全检查和ChatGPT类工具使用规范工作的通知"):
        lines = split_title(title)
        assert len(lines) == 2
        assert any("2024" in line for line in lines) or any("ChatGPT" in line for line in lines)


def test_no_closing_punctuation_at_line_start():
    lines = split_title("关于印发《加强和改进学校体育工作实施办法》《学校美育工作实施方案》的通知")
    assert all(not line.startswith(("》", "）", "，", "。")) for line in lines)
    assert all(not line.endswith(("《", "（")) for line in lines)


def test_200_characters():
    lines = split_title("国" * 200)
    assert len(lines) == 10 and all(len(x) == 20 for x in lines)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("关于印发通知的工作方案《》（）、，2024年ABC国家教育") + [" "]), max_size=120))
def test_every_title_fits_and_loses_nothing(title):
    lines = split_title(title)
    assert all(text_width(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    if text_width(" ".join(title.split())) <= 20:
        assert len(lines) <= 1
