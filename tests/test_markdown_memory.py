"""A 50 MB Markdown file converts with peak memory under 500 MB (measured in a fresh process)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import converters
from helpers_markdown import write_markdown

ROOT = Path(__file__).resolve().parents[1]
SIZE_MB = 50
LIMIT_MB = 500

_MEASURE = r"""
import json, re, sys, time
import converters
start = time.time()
doc = converters.read(sys.argv[1])
data = converters.render(doc, "md")
# VmHWM belongs to this process image; ru_maxrss would carry over the parent's peak across exec
peak_kb = int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1))
print(json.dumps({"peak_mb": peak_kb / 1024, "seconds": time.time() - start,
                  "blocks": sum(len(d.blocks) for d in doc.walk()), "out_bytes": len(data)}))
"""


def _body(markdown: bytes) -> str:
    text = markdown.decode("utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def _big_markdown(path: Path, shared: Path) -> None:
    """Real notice text (the five seeds and the draft) repeated to SIZE_MB, as one long document."""
    units = [_body(write_markdown(converters.read(p))) for p in sorted((shared / "seeds").glob("*.txt"))]
    units.append(_body((ROOT / "samples" / "input" / "draft.md").read_bytes()))
    unit = ("\n\n".join(units).replace("\n# ", "\n## ") + "\n\n").encode("utf-8")
    with path.open("wb") as out:
        out.write("---\ndoc_number: 临教〔2024〕12号\n---\n\n".encode("utf-8"))
        for _ in range(SIZE_MB * 1024 * 1024 // len(unit) + 1):
            out.write(unit)


def test_a_50_mb_markdown_file_converts_under_500_mb(tmp_path, shared):
    big = tmp_path / "big.md"
    _big_markdown(big, shared)
    size = big.stat().st_size
    assert size >= SIZE_MB * 1024 * 1024
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(big)], capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr[-500:]
    figures = json.loads(run.stdout)
    print(f"{size / 2**20:.0f} MB Markdown: {figures}")
    assert figures["blocks"] > 50_000  # the whole file was read, not a fraction of it
    assert figures["out_bytes"] > size * 0.9
    assert figures["peak_mb"] < LIMIT_MB
