"""Interrupting a run (Ctrl-C / SIGTERM) and resuming it: no half-written file, a report of what was done,
and the second run converts exactly what the first did not."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converters import bulk
from converters.report import completed_outputs, read_documents
from helpers_cli import ROOT, gwconv, leftovers, notice

COUNT = 1500


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crawl")
    for n in range(COUNT):
        folder = root / f"{n // 500:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"n{n:05d}.txt").write_text(notice(n) * 40, encoding="utf-8")
    return root


def start(crawl: Path, out: Path, report: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "converters", "convert", str(crawl), "-o", str(out), "-j", "2", "--report", str(report)]
    return subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_for_outputs(out: Path, at_least: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and sum(1 for _ in out.rglob("*.md")) >= at_least:
            return
        time.sleep(0.005)
    raise AssertionError("the run produced no output")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_then_resume(crawl, tmp_path, sig):
    out, report = tmp_path / "out", tmp_path / "report.json"
    proc = start(crawl, out, report)
    wait_for_outputs(out, 20)
    os.killpg(proc.pid, sig)  # the whole process group, as a terminal's Ctrl-C does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert err.decode().startswith("interrupted: ")

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["interrupted"] is True
    done = [d for d in data["documents"] if d["status"] == "converted"]
    assert 20 <= len(done) < COUNT and data["summary"]["converted"] == len(done)
    assert leftovers(tmp_path) == []
    written = sorted(str(p) for p in out.rglob("*.md"))
    assert written == sorted(d["output"] for d in done)  # every file on disk is reported, every reported file is there
    for entry in done[:: max(1, len(done) // 20)]:  # and complete: the same bytes as converting it alone
        expected, _ = bulk.convert_document(Path(entry["input"]).read_bytes(), entry["input"], bulk.Settings())
        assert Path(entry["output"]).read_bytes() == expected

    result = gwconv("convert", str(crawl), "-o", str(out), "-j", "2", "--report", str(report), "--resume")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"{COUNT - len(done)} converted, 0 failed, {len(done)} skipped")
    assert sum(1 for _ in out.rglob("*.md")) == COUNT
    resumed = list(read_documents(report))
    assert sum(1 for r in resumed if r.reason == "done in an earlier run") == len(done)
    assert len(completed_outputs(report)) == COUNT


def test_resume_redoes_failed_and_changed_outputs(tmp_path):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"n{n}.txt").write_text(notice(n), encoding="utf-8")
    (tmp_path / "in/bad.txt").write_bytes(b"")
    args = ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--report", str(tmp_path / "r.json")]
    assert gwconv(*args).exit_code == 1
    (tmp_path / "in/bad.txt").write_text(notice(9), encoding="utf-8")  # fixed since
    (tmp_path / "out/n1.md").write_text("truncated")  # changed since: no longer what the report recorded
    result = gwconv(*args, "--resume", "--overwrite")
    assert result.exit_code == 0
    assert result.stderr.startswith("2 converted, 0 failed, 2 skipped")
    assert "第1号" in (tmp_path / "out/n1.md").read_text(encoding="utf-8")


def test_resume_needs_a_report(tmp_path):
    result = gwconv("convert", str(tmp_path), "-o", str(tmp_path / "out"), "--resume")
    assert result.exit_code == 1 and "--resume needs --report" in result.stderr
