"""Hostile and mislabelled input: each gives a clear result or a one-line error within seconds, offline."""
from __future__ import annotations

import socket
import time

import pytest

from converters import api
from converters.errors import InputError
from converters.readers.html_records import EXCERPT
from converters.readers.html_source import flatten
from helpers_html import DATA, convert, norm

LIMIT_S = 5.0
PROSE = "为做好有关工作，现将事项通知如下。"


def _timed(data: bytes):
    start = time.perf_counter()
    result = convert(data)
    assert time.perf_counter() - start < LIMIT_S
    return result


def test_five_megabyte_inline_script():
    script = b"<script>" + b'var tracker = "x";\n' * 280000 + b"</script>"
    assert len(script) > 5_000_000
    page = b"<html><body>" + script + f'<div id="zoom"><p>{PROSE}</p></div></body></html>'.encode()
    doc, lines = _timed(page)
    assert lines == [norm(PROSE)]
    record = next(r for r in doc.removed if r.reason == "script")
    assert len(record.text) < EXCERPT + 40 and "characters]" in record.text


@pytest.mark.parametrize("closed", [True, False])
def test_ten_thousand_levels_of_nesting(closed):
    deep = "<div>" * 10000 + f"<p>{PROSE}</p>" + ("</div>" * 10000 if closed else "")
    page = f"<html><body>{deep}<p>其后一段，仍须保留。</p></body></html>".encode()
    _, lines = _timed(page)
    assert norm(PROSE) in lines and norm("其后一段，仍须保留。") in lines


def test_flatten_keeps_text_and_bounds_depth():
    flat = flatten("<div>" * 50 + "正文" + "</div>" * 50, 10)
    assert "正文" in flat and flat.count("<div>") == 10 and flat.count("</div>") == 10


def test_broken_markup_keeps_the_text():
    page = f'<html><body><div id="zoom"><p>{PROSE}<p>第二段<b>加粗<i>斜体</div></td></tr><p>第三段，内容不丢。'.encode()
    _, lines = _timed(page)
    assert lines == [norm(PROSE), norm("第二段加粗斜体"), norm("第三段，内容不丢。")]


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n\x00\x9c\xff", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x00\x01\x02\x03\x04binary\x00\x00", "binary"),
    (b"", "empty"),
])
def test_files_that_are_not_pages_get_a_one_line_error(tmp_path, data, kind):
    path = tmp_path / "notice.html"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        api.read(path)
    message = str(err.value)
    assert str(path) in message and kind in message and "\n" not in message


def test_page_saved_as_plain_text_reads_as_text():
    doc, lines = convert("各学校：\n现将有关事项通知如下。\n".encode("gb18030"))
    assert lines == [norm("各学校："), norm("现将有关事项通知如下。")]


def test_nothing_is_fetched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (f'<html><head><script src="http://a.example/x.js"></script>'
            f'<link rel="stylesheet" href="http://a.example/s.css"></head>'
            f'<body><iframe src="http://a.example/frame"></iframe><div id="zoom"><p>{PROSE}</p>'
            f'<img src="http://a.example/i.png" alt="图"></div></body></html>').encode()
    doc, lines = _timed(page)
    assert norm(PROSE) in lines
    assert any("http://a.example/frame" in r.text for r in doc.removed)


def test_comments_and_hidden_elements_dropped_with_reasons():
    page = (f'<html><body><div id="zoom"><!-- 注释内容 --><p>{PROSE}</p><p style="display: none">隐藏段落</p>'
            f'<p hidden>另一隐藏</p></div></body></html>').encode()
    doc, lines = _timed(page)
    assert lines == [norm(PROSE)]
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["注释内容"] == "HTML comment" and reasons["隐藏段落"] == "hidden element"
    assert reasons["另一隐藏"] == "hidden element"


def test_page_without_any_text_warns():
    doc, lines = _timed(b"<html><body><div></div></body></html>")
    assert lines == [] and doc.warnings


def test_a_whole_real_page_in_every_known_encoding_reads_the_same(shared):
    text = (shared / "samples-html" / "002_jx_yingtangang_pifu.html").read_text(encoding="utf-8")
    expected = convert(text.encode("utf-8"))[1]
    gbk = text.replace("charset=utf-8", "charset=gbk").encode("gb18030")
    assert convert(gbk)[1] == expected
    assert convert(b"\xef\xbb\xbf" + text.encode("utf-8"))[1] == expected
    assert convert(text.encode("utf-16"))[1] == expected


def test_data_dir_pages_all_read_quickly():
    for page in sorted(DATA.glob("*.html")):
        _timed(page.read_bytes())


def test_text_after_a_comment_stays():
    _, lines = _timed('<html><body><div id="zoom"><p>前半句，<!-- 标记 -->后半句。</p></div></body></html>'.encode())
    assert lines == [norm("前半句，后半句。")]


def test_text_hidden_for_a_script_to_reveal_is_kept_even_beside_a_big_script():
    page = (b"<html><body><script>" + b"x=1;" * 100000 + b"</script><div id='zoom' style='display:none'>"
            + f"<p>{PROSE}</p><p>{PROSE}</p></div><div class='nav'>首页</div></body></html>".encode())
    _, lines = _timed(page)
    assert norm(PROSE) in lines


def test_link_paragraphs_after_the_container_stay_out():
    page = (f'<html><body><div id="zoom"><p>{PROSE}</p></div><p>上一篇：<a href="/1.html">关于召开会议的通知</a></p>'
            f'<p>相关阅读：<a href="/2.html">某某工作会议召开</a></p></body></html>').encode()
    _, lines = _timed(page)
    assert lines == [norm(PROSE)]


def test_utf8_page_that_still_declares_gb2312():
    page = '<html><head><meta charset="gb2312"></head><body><div id="zoom"><p>各单位教育局</p></div></body></html>'
    assert page.encode("utf-8").decode("gb18030") != page  # the declared charset would garble it
    _, lines = _timed(page.encode("utf-8"))
    assert lines == ["各单位教育局"]


def test_page_that_only_embeds_the_notice_as_a_file_says_so():
    page = b'<html><body><div id="zoom"><iframe src="/up/2021/notice.pdf"></iframe></div></body></html>'
    doc, lines = _timed(page)
    assert lines == [] and "/up/2021/notice.pdf" in doc.warnings[0] and "not fetched" in doc.warnings[0]


def test_control_characters_xml_forbids_are_removed_with_a_warning():
    paragraphs = f"<p>{PROSE}</p>" * 20
    page = f'\x01<html><body><div id="zoom"><p>{PROSE}\x0c\x1b</p>{paragraphs}<script>x</script></div></body></html>'.encode()
    doc, lines = _timed(page)
    assert norm(PROSE) in lines
    assert any("control character" in w for w in doc.warnings)
