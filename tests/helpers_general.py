"""Scoring the real pages of tests/data/real as the extraction is judged: share of document lines kept, share of
site lines removed, and the document parts found."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import converters
from helpers_extract import body_lines, kept, leaked, norm

REAL = Path(__file__).resolve().parent / "data" / "real"
BODY = "为做好相关工作，现将有关事项通知如下，请各单位认真贯彻落实。"  # a body paragraph for small rule inputs


def body_texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def removed(doc) -> list[str]:
    return [r.text for r in doc.removed]


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
    copies = {"".join(lines[i:i + n]) for n in (1, 2, 3, 4) for i in range(len(lines))}  # a title on up to 4 lines
    chrome = [line for line in gold["chrome_lines"] if norm(line) not in copies]  # a headline repeating it cannot leak
    result = Score(name, len(gold["content_lines"]), chrome=len(chrome))
    result.lost = [line for line in gold["content_lines"] if not kept(line, outs)]
    result.leaked = [line for line in chrome if leaked(line, outs)]
    for part, want in gold["parts"].items():
        got = getattr(doc.metadata, part)
        if _part(got) != _part(want):
            result.wrong_parts.append(f"{part}: {got!r} != {want!r}")
    return result


def report(verbose: bool = False) -> str:
    """The per-page and total figures (`python tests/helpers_general.py [-v]` with the package on PYTHONPATH);
    verbose adds every lost, leaked and wrong item."""
    rows, totals, details = [], [0] * 6, []
    for name in fixtures():
        s = score(name)
        parts = len(json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))["parts"])
        figures = (s.content - len(s.lost), s.content, s.chrome - len(s.leaked), s.chrome,
                   parts - len(s.wrong_parts), parts)
        totals = [t + f for t, f in zip(totals, figures)]
        rows.append(_row(name, figures))
        details += [f"{name}: LOST {x[:60]}" for x in s.lost] + [f"{name}: LEAK {x[:60]}" for x in s.leaked]
        details += [f"{name}: PART {x}" for x in s.wrong_parts]
    return "\n".join(rows + [_row("TOTAL", tuple(totals))] + (details if verbose else []))


def _row(name: str, f: tuple) -> str:
    return f"{name:30} kept {f[0]}/{f[1]}  removed {f[2]}/{f[3]}  parts {f[4]}/{f[5]}"


if __name__ == "__main__":
    import sys
    print(report("-v" in sys.argv))
