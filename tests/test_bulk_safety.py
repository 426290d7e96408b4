"""Nothing half-written, nothing outside the output directory, no document allowed to hang a run."""
from __future__ import annotations

import os
import time
from pathlib import Path, PurePosixPath

import pytest

from converters import atomic, bulk
from converters.bulk import Settings
from converters.paths import MAX_NAME_BYTES, inside, safe_component, safe_relative
from converters.writers import markdown
from helpers_cli import gwconv, leftovers, notice


def tree(root: Path, count: int) -> None:
    root.mkdir()
    for n in range(count):
        (root / f"n{n}.txt").write_text(notice(n), encoding="utf-8")


def fail_on(number: int, monkeypatch, action) -> None:
    """Make the Markdown writer run `action` for notice `number` (forked workers inherit the patch)."""
    real = markdown.render

    def render(doc, options=None):
        if f"第{number}号" in doc.to_json():
            action()
        return real(doc, options)

    monkeypatch.setattr(markdown, "render", render)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_writer_raising_leaves_no_file(tmp_path, monkeypatch, jobs):
    tree(tmp_path / "in", 4)

    def boom():
        raise ValueError("writer broke")

    fail_on(2, monkeypatch, boom)
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs)
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'in/n2.txt'}: internal error: ValueError: writer broke" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["n0.md", "n1.md", "n3.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_write_failing_half_way_leaves_no_file_and_no_temp_file(tmp_path, monkeypatch, jobs):
    tree(tmp_path / "in", 3)
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            if b"\xe7\xac\xac1\xe5\x8f\xb7" in data:  # "第1号" in UTF-8
                self.fh.write(data[: len(data) // 2])
                self.fh.flush()
                raise OSError(28, "No space left on device")
            return self.fh.write(data)

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs)
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'in/n1.txt'}: cannot write {tmp_path / 'out/n1.md'}: No space left on device" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["n0.md", "n2.md"]
    assert leftovers(tmp_path) == []


def test_single_file_write_failure_leaves_nothing(tmp_path, monkeypatch):
    (tmp_path / "n.txt").write_text(notice(1), encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    result = gwconv("convert", str(tmp_path / "n.txt"), "-o", str(tmp_path / "n.md"))
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'n.txt'}: cannot write {tmp_path / 'n.md'}: Input/output error\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_document_is_stopped_and_the_run_goes_on(tmp_path, monkeypatch, jobs):
    tree(tmp_path / "in", 3)
    fail_on(0, monkeypatch, lambda: time.sleep(30))
    start = time.monotonic()
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs, "--time-limit", "0.5")
    assert time.monotonic() - start < 10
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'in/n0.txt'}: took longer than the time limit of 0.5 s" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["n1.md", "n2.md"]


def test_time_limit_is_lifted_after_the_document():
    with bulk.time_limit(0.2):
        pass
    time.sleep(0.3)  # a timer left running would raise here


def test_convert_document_is_pure_and_reports():
    out, rep = bulk.convert_document(notice(4).encode("gbk"), "crawl/4.txt", Settings(to="json"))
    assert rep.status == "converted" and rep.size == len(out) and rep.input == "crawl/4.txt"
    assert b"\xe7\xac\xac4\xe5\x8f\xb7" in out
    out, rep = bulk.convert_document(b"", "crawl/5.txt", Settings())
    assert out is None and (rep.status, rep.reason) == ("failed", "empty file")


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", "_/_/etc/passwd.md"),
    ("/etc/passwd", "etc/passwd.md"),
    ("C:\\Windows\\system32\\x", "C_/Windows/system32/x.md"),
    ("a/./b/../c", "a/b/_/c.md"),
    ("CON", "_CON.md"),
    ("nul.txt", "_nul.txt.md"),
    ("..", "_.md"),
    ("tab\there\x00nul", "tab_here_nul.md"),
    (".hidden", "_hidden.md"),
    ("", "_.md"),
])
def test_unsafe_names_stay_below_the_root(name, expected, tmp_path):
    rel = safe_relative(name, ".md")
    assert rel == PurePosixPath(expected)
    assert inside(tmp_path, tmp_path / rel)


def test_long_names_are_cut_to_the_limit_and_stay_distinct():
    a, b = safe_component("通" * 200 + "甲", ".json"), safe_component("通" * 200 + "乙", ".json")
    assert a != b
    assert len(a.encode("utf-8")) <= MAX_NAME_BYTES and a.endswith(".json") and a.startswith("通" * 50)


def test_symlink_out_of_the_output_tree_is_refused(tmp_path):
    tree(tmp_path / "in", 1)
    (tmp_path / "in/sub").mkdir()
    (tmp_path / "in/sub/x.txt").write_text(notice(1), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out/sub").symlink_to(tmp_path / "elsewhere")
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    assert "would be written outside" in result.stderr
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_worker_that_dies_costs_only_its_document(tmp_path, monkeypatch):
    tree(tmp_path / "in", 40)
    fail_on(7, monkeypatch, lambda: os._exit(3))  # a parser crash (segfault, OOM kill) takes the process down
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("39 converted, 1 failed, 0 skipped")
    assert f"failed: {tmp_path / 'in/n7.txt'}: the worker process died converting this document" in result.stderr
    assert len(list((tmp_path / "out").iterdir())) == 39 and leftovers(tmp_path) == []


def test_a_document_stuck_beyond_the_alarm_is_killed(tmp_path, monkeypatch):
    """Code that never lets the time-limit signal in (as a long call into C does) is stopped from outside."""
    import signal
    tree(tmp_path / "in", 6)

    def stuck():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)

    fail_on(3, monkeypatch, stuck)
    start = time.monotonic()
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", "--time-limit", "0.2")
    assert time.monotonic() - start < 40
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'in/n3.txt'}: took longer than the time limit of 0.2 s (stopped by force)" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["n0.md", "n1.md", "n2.md", "n4.md", "n5.md"]


def test_a_batch_reports_each_write_outcome_in_order(tmp_path):
    """A batch's reports come back in the batch's order, each with its own write outcome."""
    tree(tmp_path / "in", 4)
    out = tmp_path / "out"
    out.mkdir()
    (out / "n1.md").write_text("earlier run", encoding="utf-8")  # exists: skipped
    (out / "blocked").write_text("a file where a directory should be", encoding="utf-8")
    targets = [out / "n0.md", out / "n1.md", out / "blocked" / "n2.md", out / "deep" / "n3.md"]
    tasks = [bulk.Task(str(tmp_path / "in" / f"n{n}.txt"), str(target)) for n, target in enumerate(targets)]
    reports = bulk.convert_batch(tasks, Settings())
    assert [r.input for r in reports] == [t.input for t in tasks]
    assert [r.status for r in reports] == ["converted", "skipped", "failed", "converted"]
    assert reports[2].reason.startswith(f"cannot write {targets[2]}")
    assert (out / "n0.md").read_text(encoding="utf-8").startswith("---\n") and (out / "deep" / "n3.md").is_file()
    assert (out / "n1.md").read_text(encoding="utf-8") == "earlier run"
    assert leftovers(out) == []
