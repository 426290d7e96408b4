"""Scoring the real pages of tests/data/real as the extraction is judged: share of document lines kept, share of
site lines removed, and the document parts found."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import converters
from helpers_extract import body_lines, kept, leaked, norm

REAL = Path(__file__).resolve().parent / "data" / "real"


@dataclass
class Score:
    name: str
    content: int
    lost: list[str] = field(default_factory=list)
    chrome: int = 0
    leaked: list[str] = field(default_factory=list)
    wrong_parts: list[str] = field(default_factory=list)


def fixtures() -> list[str]:
    return sorted(p.stem for p in REAL.glob("*.json"))


def _part(value: str | None) -> str:
    """Parts compare as the scorer does: normalised, without a trailing colon; a doc number printed in round
    brackets under the title ((皖政[2001]85號)) is kept as printed, so the brackets do not count."""
    text = norm(value or "").rstrip(":")
    return text[1:-1] if text[:1] == "(" and text[-1:] == ")" else text


def score(name: str) -> Score:
    gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    doc = converters.read(str(REAL / gold["file"]))
    outs = body_lines(converters.render(doc, "md").decode("utf-8"))
    lines = [norm(line) for line in gold["content_lines"]]
    copies = set(lines) | {a + b for a, b in zip(lines, lines[1:])}  # a title on one or two lines
    chrome = [line for line in gold["chrome_lines"] if norm(line) not in copies]  # a headline repeating it cannot leak
    result = Score(name, len(gold["content_lines"]), chrome=len(chrome))
    result.lost = [line for line in gold["content_lines"] if not kept(line, outs)]
    result.leaked = [line for line in chrome if leaked(line, outs)]
    for part, want in gold["parts"].items():
        got = getattr(doc.metadata, part)
        if _part(got) != _part(want):
            result.wrong_parts.append(f"{part}: {got!r} != {want!r}")
    return result


def report() -> str:
    rows, totals = [], [0, 0, 0, 0, 0, 0]
    for name in fixtures():
        s = score(name)
        parts = len(json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))["parts"])
        rows.append(f"{name:30} kept {s.content - len(s.lost)}/{s.content}  removed {s.chrome - len(s.leaked)}/{s.chrome}"
                    f"  parts {parts - len(s.wrong_parts)}/{parts}")
        for i, v in enumerate((s.content - len(s.lost), s.content, s.chrome - len(s.leaked), s.chrome,
                               parts - len(s.wrong_parts), parts)):
            totals[i] += v
    rows.append(f"{'TOTAL':30} kept {totals[0]}/{totals[1]}  removed {totals[2]}/{totals[3]}  parts {totals[4]}/{totals[5]}")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys
    print(report())
    if "-v" in sys.argv:
        for name in fixtures():
            s = score(name)
            for item in s.lost:
                print(f"{name}: LOST {item[:60]}")
            for item in s.leaked:
                print(f"{name}: LEAK {item[:60]}")
            for item in s.wrong_parts:
                print(f"{name}: PART {item}")
