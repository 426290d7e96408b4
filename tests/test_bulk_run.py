"""Bulk runs: directory mirroring, bad files among good ones, workers, skipping, the report, streaming."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from converters import bulk
from converters.bulk import Settings, Task
from helpers_cli import gwconv, notice


def make_tree(root: Path, count: int = 6) -> list[Path]:
    """count good notices spread over root, root/a and root/a/b, plus files a walk must ignore."""
    paths = []
    for n in range(count):
        folder = root / ["", "a", "a/b"][n % 3]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"n{n}.txt"
        path.write_text(notice(n), encoding="gbk" if n % 2 else "utf-8")
        paths.append(path)
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "data.json").write_text("{}")
    (root / ".hidden.txt").write_text(notice(99))
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text(notice(98))
    return paths


def outputs(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_directory_is_mirrored(tmp_path):
    make_tree(tmp_path / "in")
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert outputs(tmp_path / "out") == ["a/b/n2.md", "a/b/n5.md", "a/n1.md", "a/n4.md", "n0.md", "n3.md"]
    assert "第4号" in (tmp_path / "out/a/n4.md").read_text(encoding="utf-8")
    assert result.stderr.startswith("6 converted, 0 failed, 0 skipped")


def test_one_bad_file_among_good_ones(tmp_path):
    make_tree(tmp_path / "in", 4)
    (tmp_path / "in/a/empty.txt").write_bytes(b"")
    (tmp_path / "in/scan.txt").write_bytes(b"%PDF-1.4\n1 0 obj")
    report = tmp_path / "report.json"
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", "--report", str(report))
    assert result.exit_code == 1
    assert outputs(tmp_path / "out") == ["a/b/n2.md", "a/n1.md", "n0.md", "n3.md"]
    lines = result.stderr.splitlines()
    assert lines[0].startswith("4 converted, 2 failed, 0 skipped")
    assert sorted(lines[1:]) == [f"  failed: {tmp_path / 'in/a/empty.txt'}: empty file",
                                 f"  failed: {tmp_path / 'in/scan.txt'}: looks like a PDF, not text or HTML"]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"] == {**data["summary"], "converted": 4, "failed": 2, "skipped": 0, "total": 6, "interrupted": False}
    by_input = {d["input"]: d for d in data["documents"]}
    assert by_input[str(tmp_path / "in/scan.txt")]["status"] == "failed"
    assert by_input[str(tmp_path / "in/scan.txt")]["output"] == str(tmp_path / "out/scan.md")
    good = by_input[str(tmp_path / "in/a/n1.txt")]
    assert good["status"] == "converted" and good["reason"] is None
    assert good["size"] == (tmp_path / "out/a/n1.md").stat().st_size
    assert data["settings"]["to"] == "md" and data["settings"]["jobs"] == 2


def test_two_workers_give_the_same_bytes_as_one(tmp_path):
    make_tree(tmp_path / "in", 9)
    for jobs in ("1", "2"):
        assert gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / f"out{jobs}"), "-j", jobs, "-t", "json").exit_code == 0
    files = outputs(tmp_path / "out1")
    assert len(files) == 9 and files == outputs(tmp_path / "out2")
    for name in files:
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()


def test_existing_outputs_are_skipped_unless_overwrite(tmp_path):
    make_tree(tmp_path / "in", 3)
    (tmp_path / "out").mkdir()
    (tmp_path / "out/n0.md").write_text("old")
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 0
    assert result.stderr.startswith("2 converted, 0 failed, 1 skipped")
    assert (tmp_path / "out/n0.md").read_text() == "old"
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--overwrite")
    assert result.stderr.startswith("3 converted, 0 failed, 0 skipped")
    assert "第0号" in (tmp_path / "out/n0.md").read_text(encoding="utf-8")


def test_output_directory_inside_the_input_tree_is_not_read_back(tmp_path):
    make_tree(tmp_path, 3)
    for _ in range(2):
        result = gwconv("convert", str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1", "-t", "md", "--overwrite")
        assert result.stderr.startswith("3 converted, 0 failed, 0 skipped"), result.stderr


def test_several_inputs_land_under_their_names(tmp_path):
    make_tree(tmp_path / "docs", 2)
    (tmp_path / "x").mkdir()
    (tmp_path / "x/one.txt").write_text(notice(1), encoding="utf-8")
    (tmp_path / "y").mkdir()
    (tmp_path / "y/one.txt").write_text(notice(2), encoding="utf-8")
    result = gwconv("convert", str(tmp_path / "docs"), str(tmp_path / "x/one.txt"), str(tmp_path / "y/one.txt"),
                    "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    assert outputs(tmp_path / "out") == ["docs/a/n1.md", "docs/n0.md", "one.md"]
    assert f"failed: {tmp_path / 'y/one.txt'}: output {tmp_path / 'out/one.md'} is also the output of {tmp_path / 'x/one.txt'}" in result.stderr


def test_same_stem_in_one_directory_keeps_both(tmp_path):
    for name in ("a.txt", "a.md", "a.htm", "b.txt"):
        (tmp_path / name).write_text(notice(0))
    found = [(src.name, str(rel)) for src, rel in bulk.walk(tmp_path, ".md")]
    assert found == [("a.htm", "a.htm.md"), ("a.md", "a.md.md"), ("a.txt", "a.txt.md"), ("b.txt", "b.md")]


@pytest.mark.parametrize("name", ["with space.txt", "通知 第1号.txt", "-dash.txt", "x" * 251 + ".txt"])
def test_odd_names_in_a_directory(tmp_path, name):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(notice(3).encode("utf-8"))
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "-t", "json")
    assert result.exit_code == 0, result.stderr
    [out] = list((tmp_path / "out").iterdir())
    assert len(out.name.encode("utf-8")) <= 255 and out.name.endswith(".json")  # 251 x + .json is cut, with a hash
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["source"] == str(tmp_path / "in" / name)


def test_several_inputs_need_a_directory(tmp_path):
    make_tree(tmp_path / "in", 1)
    result = gwconv("convert", str(tmp_path / "in"), "-o", "-")
    assert result.exit_code == 1 and result.stderr == "error: several inputs need an output directory, not '-'\n"
    (tmp_path / "file").write_text("x")
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "file"))
    assert result.exit_code == 1 and "this is a file" in result.stderr


def test_no_progress_bar_without_a_terminal(tmp_path):
    make_tree(tmp_path / "in", 2)
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.stderr.splitlines() == [result.stderr.splitlines()[0]]
    assert "doc/s" not in result.stderr and "\r" not in result.stderr


def test_tasks_are_pulled_lazily():
    """A billion tasks: the pool only ever takes a few batches ahead of the results."""
    pulled = itertools.count()

    def tasks():
        for n in itertools.count():
            next(pulled)
            yield Task(f"/nonexistent/{n}.txt", f"/nonexistent-out/{n}.md")

    class Never:
        requested = False

    results = bulk._in_pool(tasks(), Settings(), 2, Never())
    first = next(results)
    assert first.status == "failed" and "cannot read" in first.reason
    assert next(pulled) < 4 * bulk.MAX_BATCH + 16
    results.close()


def test_plan_is_lazy(tmp_path):
    make_tree(tmp_path, 3)
    tasks = bulk.plan([str(tmp_path)], tmp_path / "out", "md")
    assert next(tasks).input == str(tmp_path / "n0.txt")


def test_stdin_among_several_inputs_is_refused(tmp_path):
    make_tree(tmp_path / "in", 1)
    result = gwconv("convert", "-", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    assert "failed: -: standard input ('-') can only be converted on its own" in result.stderr
    assert outputs(tmp_path / "out") == ["in/n0.md"]


def test_report_records_path_options(tmp_path):
    make_tree(tmp_path / "in", 1)
    report = tmp_path / "r.json"
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--font-dir", str(tmp_path),
                    "--report", str(report))
    assert result.exit_code == 0, result.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["settings"]["write"]["font_dirs"] == [str(tmp_path)]


def test_progress_bar_counts_documents(tmp_path, capsys):
    make_tree(tmp_path / "in", 3)
    summary = bulk.run(bulk.plan([str(tmp_path / "in")], tmp_path / "out", "md"), Settings(), jobs=1, progress=True,
                       total=bulk.count([str(tmp_path / "in")], tmp_path / "out", "md"))
    assert summary.converted == 3
    assert "3/3" in capsys.readouterr().err
