"""The project's own extraction scorer, run as it is judged: every seed line must hold."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_scorer_seed_lines_all_hold(shared):
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    result = subprocess.run([sys.executable, str(shared / "tools" / "score_extraction.py"),
                             "--gwconv", f"{sys.executable} -m converters"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    seeds_part = result.stdout.split("samples-html")[0]
    lines = [line for line in seeds_part.splitlines() if line.startswith("  ")]
    assert len(lines) == 5, result.stdout + result.stderr
    for line in lines:
        assert "boilerplate leaked at lines [];" in line and "content lost at lines [];" in line, line
        assert "parts wrong []" in line, line
        missed = re.search(r"headings missed (\d+)/", line)
        assert missed and int(missed.group(1)) == 0, line
