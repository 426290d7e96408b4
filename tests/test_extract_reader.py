"""The text-dump reader: line endings, indentation, control characters, blank lines, encodings."""
from __future__ import annotations

import converters
from converters.model import Paragraph
from converters.options import ReadOptions

BODY = "为做好相关工作，现将有关事项通知如下，请各单位认真贯彻落实。"


def read(data: bytes, **options):
    return converters.read(data, "text", ReadOptions(**options))


def test_crlf_and_cr_line_numbers():
    for sep in (b"\r\n", b"\r", b"\n"):
        doc = read(sep.join(["一、总体要求".encode(), BODY.encode(), b"", BODY.encode()]))
        assert [b.source.lines for b in doc.blocks] == [[1], [2], [4]]


def test_indentation_is_stripped_and_raw_kept():
    doc = read(f"\u3000\u3000{BODY}\n\u00a0 {BODY}\n  {BODY}".encode())
    assert [b.text for b in doc.blocks] == [BODY] * 3
    assert doc.blocks[0].source.raw == f"\u3000\u3000{BODY}"


def test_whitespace_only_lines_are_skipped():
    doc = read(f"{BODY}\n\u00a0\n\u3000 \t\n{BODY}".encode())
    assert len(doc.blocks) == 2 and not doc.removed


def test_control_characters_dropped_with_a_warning():
    doc = read(f"{BODY}\x01\x0b\n{BODY}\x7f".encode())
    assert [b.text for b in doc.blocks] == [BODY, BODY]
    assert doc.warnings == ["line 1: removed 2 control character(s)", "line 2: removed 1 control character(s)"]
    assert "\x01" in doc.blocks[0].source.raw


def test_gbk_and_utf16_dumps_read_like_utf8():
    text = "各学校:\n" + BODY + "\n某某县教育局\n2022年2月10日"
    expected = read(text.encode("utf-8"))
    for data in (text.encode("gb18030"), text.encode("utf-16"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        doc = read(data)
        assert doc == expected
        assert doc.metadata.addressee == "各学校：" and doc.metadata.date == "2022年2月10日"


def test_read_accepts_a_string_of_text():
    doc = converters.read("各学校:\n" + BODY)
    assert isinstance(doc.blocks[0], Paragraph) and doc.metadata.addressee == "各学校："


def test_raw_is_kept_when_punctuation_changes_the_text():
    doc = read(f"{BODY}\n各镇(街道)教办,中心小学。".encode())
    assert doc.blocks[0].source.raw is None
    assert doc.blocks[1].text == "各镇（街道）教办，中心小学。" and doc.blocks[1].source.raw == "各镇(街道)教办,中心小学。"
