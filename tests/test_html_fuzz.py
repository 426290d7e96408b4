"""Any bytes given to the HTML reader give a document or an InputError, never another exception.

The cleaning chain is replaced by a pass-through here: these tests are about the reader's own stages
(decoding, parsing, pruning, container choice, the markup walk, page metadata); the line rules have their own.
"""
from __future__ import annotations

from contextlib import contextmanager
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.errors import InputError
from converters.options import ReadOptions
from converters.readers import html

TAGS = ["div", "p", "span", "table", "tr", "td", "b", "strong", "br", "ul", "li", "h1", "h3", "a", "script", "style",
        "iframe", "form", "pre", "img", "font", "center", "!--", "meta"]
ATTRS = ['', ' id="zoom"', ' class="TRS_Editor"', ' style="display:none"', ' hidden', ' href="a.pdf"', ' rowspan="x"',
         ' colspan="99999"', ' class="share"', ' align="right"', ' src="http://x/y.png"']
WORDS = ["各单位：", "现将有关事项通知如下。", "一、总体要求", "（一）加强领导。", "2021年3月1日", "某某局", "附件：名单", "索引号：",
         "文号：某发〔2021〕1号", "首页", "版权所有", "关于做好工作的通知", "\u3000", "&nbsp;", "&amp;", "<", ">", "\n"]

markup = st.lists(st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
    st.sampled_from(WORDS)), max_size=60).map("".join)


@contextmanager
def _reader_only():
    def passthrough(doc, options, skip=frozenset()):
        return doc
    with mock.patch("converters.readers.html.clean", passthrough), \
            mock.patch("converters.readers.text.clean", passthrough):
        yield


@settings(max_examples=300, deadline=None)
@given(markup, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_tag_soup_reads_or_fails_cleanly(page, encoding):
    with _reader_only():
        try:
            doc = html.read(page.encode(encoding), ReadOptions())
        except InputError:
            return
    assert all(r.reason for r in doc.removed)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_read_or_fail_cleanly(data):
    with _reader_only():
        try:
            html.read(data, ReadOptions())
        except InputError:
            pass
