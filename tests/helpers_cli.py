"""Helpers for the CLI, bulk and encoding tests: a small made-up notice, and ways to run the command line."""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from click.testing import CliRunner, Result

from converters.cli import main

ROOT = Path(__file__).resolve().parents[1]

# Lines of a made-up notice; the tests check that these survive conversion, not how they are recognised.
NOTICE_LINES = ["关于开展2021年度测试工作的通知", "各有关单位:", "为做好测试工作,现将有关事项通知如下。",
                "一、工作目标", "确保每一行正文都能完整保留。", "某某市测试局", "2021年2月24日"]


def notice(number: int = 0) -> str:
    """A notice whose body carries `number`, so outputs of different inputs can be told apart."""
    lines = list(NOTICE_LINES)
    lines.insert(4, f"本通知编号为第{number}号。")
    return "\n".join(lines) + "\n"


def gwconv(*args: str, input: bytes | None = None) -> Result:
    """Run the command line in this process (monkeypatches apply; worker processes are forked from it)."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def gwconv_process(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m converters` as a real process (real stdin/stdout bytes, real argv)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "converters", *args], input=input, capture_output=True, env=env,
                          cwd=cwd, timeout=120)


def leftovers(root: Path) -> list[Path]:
    """Temporary files a write may leave behind (atomic writes use '.<name>.*.part')."""
    return [p for p in root.rglob("*") if p.name.endswith(".part")]


def has_notice(markdown: str) -> bool:
    """Every line of the made-up notice is in the output, modulo the documented full-width punctuation (NFKC folds
    it back)."""
    folded = unicodedata.normalize("NFKC", markdown)
    return all(unicodedata.normalize("NFKC", line) in folded for line in NOTICE_LINES)


def write_notice(path: Path, number: int = 0, encoding: str = "utf-8") -> Path:
    path.write_text(notice(number), encoding=encoding)
    return path
