"""The Python API: read / write / convert from and to paths, text, bytes and streams."""
from __future__ import annotations

import io
import json

import pytest

import converters
from converters.errors import FormatNotAvailable, InputError, OutputExists
from helpers_cli import has_notice, leftovers, notice, write_notice


@pytest.fixture
def src(tmp_path):
    return write_notice(tmp_path / "notice.txt", 3, "gbk")


def test_read_path_text_and_bytes_give_the_same_document(src):
    from_path = converters.read(src)
    from_text = converters.read(notice(3))
    from_bytes = converters.read(notice(3).encode("utf-16"))
    assert from_path.blocks == from_text.blocks == from_bytes.blocks
    assert converters.render(from_text, "md") == converters.render(from_bytes, "md")
    assert from_path.metadata.source == str(src)


def test_read_missing_file_is_an_error_not_text(tmp_path):
    missing = tmp_path / "missing.txt"
    for source in (missing, str(missing)):
        with pytest.raises(InputError) as err:
            converters.read(source)
        assert str(missing) in str(err.value)


def test_read_with_explicit_format(tmp_path, src):
    doc = converters.read(src)
    converters.write(doc, tmp_path / "doc.json")
    assert converters.read(tmp_path / "doc.json") == doc
    renamed = tmp_path / "doc.data"
    renamed.write_bytes((tmp_path / "doc.json").read_bytes())
    assert converters.read(renamed, fmt="json") == doc


def test_write_to_path_stream_and_stdout(tmp_path, src, capsysbinary):
    doc = converters.read(src)
    converters.write(doc, tmp_path / "out.md")
    expected = (tmp_path / "out.md").read_bytes()
    assert has_notice(expected.decode("utf-8"))
    binary = io.BytesIO()
    converters.write(doc, binary, "md")
    text = io.StringIO()
    converters.write(doc, text, "md")
    converters.write(doc, "-", "md")
    assert binary.getvalue() == expected
    assert text.getvalue() == expected.decode("utf-8")
    assert capsysbinary.readouterr().out == expected
    payload = io.StringIO()
    converters.write(doc, payload, "json")
    assert json.loads(payload.getvalue())["schema_version"] == 1


def test_write_refuses_to_replace_unless_asked(tmp_path, src):
    doc = converters.read(src)
    target = tmp_path / "out.md"
    target.write_text("keep me")
    with pytest.raises(OutputExists):
        converters.write(doc, target)
    assert target.read_text() == "keep me"
    converters.write(doc, target, overwrite=True)
    assert has_notice(target.read_text(encoding="utf-8"))


def test_convert_takes_the_format_from_the_extension(tmp_path, src):
    converters.convert(src, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["metadata"]["source"] == str(src)


def test_unknown_output_extension_is_an_error(tmp_path, src):
    with pytest.raises(FormatNotAvailable, match="cannot tell the output format"):
        converters.convert(src, tmp_path / "out.xyz")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_missing_writer_leaves_nothing_behind(tmp_path, src, fmt, monkeypatch):
    monkeypatch.setitem(converters.writers.WRITERS, fmt, f"converters.writers.absent_{fmt}")
    with pytest.raises(FormatNotAvailable, match="not available yet"):
        converters.convert(src, tmp_path / f"out.{fmt}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.txt"]
    assert leftovers(tmp_path) == []
