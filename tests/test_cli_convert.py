"""The command line, one input at a time: formats, stdin/stdout, bad input, existing outputs, odd names, inspect."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import converters
from converters.model import Attachment, Document, Heading, Metadata, Paragraph, Removal, Run, Source, Title
from helpers_cli import ROOT, gwconv, gwconv_process, has_notice, leftovers, notice, write_notice


def without_source(markdown: str) -> str:
    return "\n".join(line for line in markdown.splitlines() if not line.startswith("source:"))


@pytest.fixture
def src(tmp_path):
    return write_notice(tmp_path / "notice.txt", 1)


def test_one_file_to_markdown_and_json(tmp_path, src):
    assert gwconv("convert", str(src), "-o", str(tmp_path / "n.md")).exit_code == 0
    assert has_notice((tmp_path / "n.md").read_text(encoding="utf-8"))
    assert gwconv("convert", str(src), "-o", str(tmp_path / "n.json")).exit_code == 0
    assert json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))["metadata"]["source"] == str(src)
    assert gwconv("convert", str(src), "-o", str(tmp_path / "n.out"), "-t", "json").exit_code == 0
    assert (tmp_path / "n.out").read_bytes() == (tmp_path / "n.json").read_bytes()


def test_output_into_an_existing_directory(tmp_path, src):
    (tmp_path / "out").mkdir()
    assert gwconv("convert", str(src), "-o", str(tmp_path / "out")).exit_code == 0
    assert has_notice((tmp_path / "out" / "notice.md").read_text(encoding="utf-8"))


def test_existing_output_is_an_error_unless_overwrite(tmp_path, src):
    target = tmp_path / "n.md"
    target.write_text("keep me")
    result = gwconv("convert", str(src), "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"error: {src}: output {target} exists (use --overwrite to replace it)\n"
    assert target.read_text() == "keep me"
    assert gwconv("convert", str(src), "-o", str(target), "--overwrite").exit_code == 0
    assert has_notice(target.read_text(encoding="utf-8"))


def test_stdin_to_stdout_with_real_bytes():
    result = gwconv_process("convert", "-", "-o", "-", "-t", "md", input=notice(2).encode("gbk"))
    assert result.returncode == 0, result.stderr
    assert has_notice(result.stdout.decode("utf-8"))
    result = gwconv_process("convert", "-", "-o", "-", "-t", "json", input=notice(2).encode("utf-8"))
    assert json.loads(result.stdout)["metadata"]["source"] == "<stdin>"


def test_stdin_to_a_file(tmp_path):
    result = gwconv("convert", "-", "-o", str(tmp_path / "n.md"), input=notice(4).encode("utf-16"))
    assert result.exit_code == 0
    assert has_notice((tmp_path / "n.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"\n \r\n", "empty file"),
    (b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n", "looks like a PDF, not text or HTML"),
    (b"PK\x03\x04\x14\x00\x00\x00", "looks like a ZIP archive"),
    (b"\x00\x01\x02binary\x00\xff\xfe\xfd\x00\x00", "binary file (NUL bytes)"),
])
def test_bad_input_gets_one_line_naming_the_file(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = gwconv_process("convert", str(bad), "-o", str(tmp_path / "bad.md"))
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1 and err.startswith(f"error: {bad}: ") and message in err
    assert not (tmp_path / "bad.md").exists() and leftovers(tmp_path) == []


def test_missing_input_file(tmp_path):
    result = gwconv("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "n.md"))
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope.txt'}: cannot read: No such file or directory\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_encodings_convert_to_the_same_markdown(tmp_path, encoding):
    (tmp_path / "u.txt").write_text(notice(5), encoding="utf-8")
    (tmp_path / "e.txt").write_text(notice(5), encoding=encoding)
    for name in ("u", "e"):
        assert gwconv("convert", str(tmp_path / f"{name}.txt"), "-o", str(tmp_path / f"{name}.md")).exit_code == 0
    expected = without_source((tmp_path / "u.md").read_text(encoding="utf-8"))
    assert without_source((tmp_path / "e.md").read_text(encoding="utf-8")) == expected


def test_control_characters_convert(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_text(notice(6).replace("现将", "现\x01将\x0b").replace("确保", "确\x1b保\x7f"), encoding="utf-8")
    for fmt in ("md", "json"):
        result = gwconv("convert", str(path), "-o", str(tmp_path / f"ctl.{fmt}"))
        assert result.exit_code == 0, result.stderr
        assert "某某市测试局" in (tmp_path / f"ctl.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_format_not_built_yet_is_one_line(tmp_path, src, fmt, monkeypatch):
    monkeypatch.setitem(converters.writers.WRITERS, fmt, f"converters.writers.absent_{fmt}")
    for args in (["-o", str(tmp_path / f"n.{fmt}")], ["-o", str(tmp_path / "n.out"), "-t", fmt]):
        result = gwconv("convert", str(src), *args)
        assert result.exit_code == 1
        assert result.stderr == f"error: {src}: output format {fmt} is not available yet\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.txt"]


def test_unknown_output_extension(tmp_path, src):
    result = gwconv("convert", str(src), "-o", str(tmp_path / "n.xyz"))
    assert result.exit_code == 1
    assert "cannot tell the output format" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["with space.txt", "通知 第1号.txt", "-leading-dash.txt", "长" * 80 + ".txt"])
def test_odd_file_names(tmp_path, name):
    path = tmp_path / name
    path.write_text(notice(8), encoding="utf-8")
    target = tmp_path / (name[:-4] + ".md")
    result = gwconv_process("convert", "-o", str(target), "--", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert has_notice(target.read_text(encoding="utf-8"))


def test_single_file_report(tmp_path, src):
    report = tmp_path / "r.json"
    assert gwconv("convert", str(src), "-o", str(tmp_path / "n.md"), "--report", str(report)).exit_code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["converted"] == 1 and data["summary"]["failed"] == 0
    assert [(d["input"], d["output"], d["status"]) for d in data["documents"]] == [(str(src), str(tmp_path / "n.md"), "converted")]


def test_font_dir_and_write_options_reach_the_writer(tmp_path, src, monkeypatch):
    seen = {}

    def render(doc, options):
        seen["options"] = options
        return b"ok"

    from converters.writers import markdown
    monkeypatch.setattr(markdown, "render", render)
    result = gwconv("convert", str(src), "-o", str(tmp_path / "n.md"), "--font-dir", str(tmp_path), "--embed-fonts",
                    "--issuer-mark", "某某市测试局文件", "--doc-number", "测〔2021〕1号", "--profile", "gbt9704")
    assert result.exit_code == 0
    opts = seen["options"]
    assert (opts.font_dirs, opts.embed_fonts, opts.issuer_mark, opts.doc_number, opts.profile) == (
        (tmp_path,), True, "某某市测试局文件", "测〔2021〕1号", "gbt9704")


def test_help_has_examples():
    for args in ([], ["convert"], ["inspect"]):
        result = gwconv(*args, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output


def inspected_document() -> Document:
    sub = Document(metadata=Metadata(title="测试局2021年工作要点"),
                   blocks=[Heading(1, "一、指导思想", "一、", Source([12])), Heading(2, "(一)强化保障", "(一)", Source([14]))])
    return Document(
        metadata=Metadata(title="关于测试的通知", doc_number="测〔2021〕1号", addressee="各有关单位:", signature="某某市测试局",
                          date="2021年2月24日", note="(此件公开发布)", cc="市委办,市政府办", printed_by="某某市测试局办公室",
                          attachments=[Attachment("名单", "http://example.org/a.doc")], site={"索引号": "1133/2021-1"},
                          extra={"tags": ["a"]}),
        blocks=[Title("关于测试的通知"), Heading(1, "一、工作目标", "一、", Source([5])),
                Paragraph([Run("一是抓落实。", bold=True), Run("正文。")], lead_level=5, source=Source([6]))],
        embedded=[sub],
        removed=[Removal("首页 > 信息公开", "breadcrumb navigation", "drop_breadcrumbs", 1),
                 Removal("扫一扫在手机打开当前页", "QR-code caption", "drop_qr_captions", 30)],
    )


def test_inspect_lists_parts_outline_and_removed_lines(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(inspected_document().to_json(), encoding="utf-8")
    result = gwconv("inspect", str(path))
    assert result.exit_code == 0
    out = result.stdout
    for expected in ["title: 关于测试的通知", "doc number: 测〔2021〕1号", "addressee: 各有关单位:", "signature: 某某市测试局",
                     "date: 2021年2月24日", "note: (此件公开发布)", "cc: 市委办,市政府办", "printed by: 某某市测试局办公室",
                     "attachment 1: 名单 <http://example.org/a.doc>", "site metadata: 索引号: 1133/2021-1",
                     "metadata.extra: tags: ['a']",
                     "h1: 一、工作目标  (line 5)", "run-in h5: 一是抓落实。  (line 6)",
                     "embedded document: 测试局2021年工作要点", "    h1: 一、指导思想  (line 12)", "      h2: (一)强化保障  (line 14)",
                     "Removed lines (2):", "line 1: breadcrumb navigation [drop_breadcrumbs]: 首页 > 信息公开",
                     "line 30: QR-code caption [drop_qr_captions]: 扫一扫在手机打开当前页"]:
        assert expected in out, expected
    assert out.index("Parts:") < out.index("Outline:") < out.index("Removed lines")


def test_inspect_bad_input_is_one_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = gwconv("inspect", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"error: {path}: looks like a PNG image, not text or HTML\n"


def test_inspect_reads_stdin():
    result = gwconv("inspect", "-", input=notice(9).encode("gbk"))
    assert result.exit_code == 0 and "Removed lines" in result.stdout


def test_stdout_that_cannot_be_written_is_one_line(tmp_path, src):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "converters", "convert", str(src), "-o", "-"], stdout=full,
                                stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.decode() == f"error: {src}: cannot write to standard output: No space left on device\n"
