"""Helpers for the extraction tests: the seeds with their gold, and matching as the gold README prescribes."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import converters
from converters.options import ReadOptions

_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+)|\*\*|__|\\(?=[^\w\s])|^---$")
DATA = Path(__file__).resolve().parent / "data" / "extract"


def norm(text: str) -> str:
    """NFKC, no Markdown markup, no whitespace: how a gold line is compared with an output line."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _MD_MARKUP.sub("", text)))


def seeds(shared: Path) -> list[tuple[Path, dict]]:
    pairs = []
    for gold_path in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pairs.append((shared / "seeds" / gold["seed"], gold))
    return pairs


def markdown(path: Path, **options) -> str:
    doc = converters.read(str(path), options=ReadOptions(source=str(path), **options))
    return converters.render(doc, "md").decode("utf-8")


def body_lines(md: str) -> list[str]:
    """Normalised non-empty lines of the Markdown body (YAML front matter left out)."""
    lines = md.split("\n")
    if lines and lines[0] == "---":
        lines = lines[lines.index("---", 1) + 1:]
    return [n for n in map(norm, lines) if n]


def kept(raw_line: str, outs: list[str]) -> bool:
    """A content line survives when it equals an output line or (6+ characters) occurs in the output."""
    line = norm(raw_line)
    return line in outs or (len(line) >= 6 and line in "".join(outs))


def leaked(raw_line: str, outs: list[str]) -> bool:
    """A chrome line leaks when an output line equals it or (12+ characters) contains it."""
    line = norm(raw_line)
    return line in outs or (len(line) >= 12 and any(line in o for o in outs))


def headings(md: str) -> dict[str, int]:
    """Normalised heading text → heading level (number of #) of the Markdown."""
    found = {}
    for line in md.split("\n"):
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            found[norm(m.group(2))] = len(m.group(1))
    return found


def read_text(text: str, **options):
    return converters.read(text.encode("utf-8"), "text", ReadOptions(**options))
