"""Input decoding: every encoding Chinese sites use decodes to the same text; binary and empty input get a clear error."""
from __future__ import annotations

import codecs

import pytest

from converters import read
from converters.errors import InputError
from converters.readers.encoding import decode, detect
from helpers_cli import notice

TEXT = notice(7) + "示例包含“一”字与U+4E00低字节为零的情况:一丁七万丈三上下。\n"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
    ("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32-le"),
])
def test_each_encoding_decodes_to_the_same_text(encoding, expected):
    decoded = detect(TEXT.encode(encoding))
    assert decoded.text == TEXT
    assert decoded.encoding == expected
    assert decoded.warnings == []


def test_utf16_big_endian_bom():
    assert decode(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")) == TEXT


def test_declared_charset_is_tried_first():
    data = "編碼".encode("big5")
    assert decode(data, declared="big5") == "編碼"
    assert decode(TEXT.encode("gbk"), declared="GB2312") == TEXT


def test_unknown_declared_charset_falls_back_to_detection():
    assert decode(TEXT.encode("utf-8"), declared="no-such-charset") == TEXT


def test_utf8_cut_mid_character_stays_utf8_with_a_warning():
    data = TEXT.encode("utf-8") + "通知".encode("utf-8")[:-1]
    decoded = detect(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(TEXT)
    assert decoded.text.endswith("通\ufffd")
    assert "1 invalid UTF-8 sequence" in decoded.warnings[0]


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "looks like a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks like a JPEG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "looks like an old Office file"),
    (b"\x1f\x8b\x08\x00\x00\x00", "looks like a gzip archive"),
    (b"abc\x00\x01\x02\x03\xff\xfe\x00\x00\x10binary", "binary file (NUL bytes)"),
])
def test_binary_input_says_what_it_looks_like(data, kind):
    with pytest.raises(InputError) as err:
        decode(data)
    assert kind in str(err.value)


@pytest.mark.parametrize("data", [b"", b" \n\r\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + "\u3000\n".encode("utf-16-le")])
def test_empty_input_is_an_error(data):
    with pytest.raises(InputError, match="empty file"):
        decode(data)


def test_random_high_bytes_are_undecodable_not_garbage():
    data = bytes(range(0x80, 0x100)) * 20
    with pytest.raises(InputError, match="undecodable"):
        decode(data)


def test_control_characters_do_not_crash_the_text_reader_or_writers():
    text = "标题\x01\x02\x0b\x0c\x1b行\n正文\x7f内容\ufeff继续\u200b\u202e反向\n"
    doc = read(text.encode("utf-8"), fmt="text")
    from converters import render
    assert "正文" in render(doc, "md").decode("utf-8")
    assert "正文" in render(doc, "json").decode("utf-8")


def test_reader_error_names_the_file(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(InputError) as err:
        read(path)
    assert str(err.value) == f"{path}: looks like a PDF, not text or HTML"


@pytest.mark.parametrize("data", [b"0", b"[]", b'"text"', b"null", b'{"metadata": 3}', b'{"blocks": [{"type": "nope"}]}'])
def test_json_reader_refuses_what_is_not_a_document(data):
    with pytest.raises(InputError, match="not a gwconv JSON document"):
        read(data, fmt="json")
