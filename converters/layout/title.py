"""Breaking a document title into balanced lines (§7.3.1), shared by the DOCX and PDF writers.

A title wider than one line is laid out as a 梯形 or 菱形: lines of about equal length, none wider than the limit
(20 characters of 2号 in the 156 mm text area), words kept whole. Chinese has no spaces, so "words" are
approximated from the genre: Latin words, numbers with their measure word (2021年) and short （brackets） are
never split; the function words titles are built from (关于 … 的通知, 印发, 和/与/及) are preferred break
points; a break inside a 《book title》 happens only when no split with every line within the limit avoids it
(a short 关于印发 line reads better than a torn book title); a break never leaves opening punctuation at a line end or closing punctuation at a line start.
"""
from __future__ import annotations

import math
import re

from .metrics import text_width

# Units that must stay on one line, tried in this order at each position.
_ATOMS = re.compile(r"（[^（）]{1,8}）|\([^()]{1,8}\)|〔[^〔〕]{1,8}〕|[A-Za-z0-9][A-Za-z0-9.\-_/%]*[年月日号个项条]?|.",
                    re.S)
_OPENERS = set("《（(〔“‘「『【[")
_CLOSERS = set("》）)〕”’」』】]，。、；：！？,.;:!?…")
# Break points titles are built around: (text before the break ends with, text after starts with) → bonus.
_GOOD_AFTER = ("关于", "的", "和", "与", "及", "、", "，", "》", "）")
_GOOD_BEFORE = ("关于", "印发", "转发", "做好", "加强", "开展", "进一步", "《", "的通知", "的意见", "的决定", "的报告",
                "的批复", "的函", "的方案", "的办法", "工作", "实施", "加快", "推进", "促进", "推动", "深化",
                "全面", "若干", "支持")
_PLAIN_BREAK = 10.0  # a break between two characters of no known boundary: allowed, but balance must be worth it
# Both outweigh any imbalance (at most 20² per line), so they decide first: a split with fewer of them always wins.
_IN_BOOK_TITLE = 1e5  # a break inside 《…》
_BAD_BREAK = 1e8  # opening punctuation at a line end or closing punctuation at a line start


def split_title(title: str, max_width: float = 20.0) -> list[str]:
    """Split `title` into the fewest lines of width ≤ `max_width` em, balanced, at the best word boundaries.

    A single unit wider than a line (a very long book title) is split by characters as a last resort, so the
    result always fits.
    """
    title = " ".join(title.split())
    if text_width(title) <= max_width:
        return [title] if title else []
    atoms = _atoms(title, max_width)
    widths = [text_width(a) for a in atoms]
    total = sum(widths)
    lines = max(2, math.ceil(total / max_width))
    while True:
        best = _best_split(atoms, widths, lines, max_width)
        if best is not None:
            return best
        lines += 1


def _atoms(title: str, max_width: float) -> list[str]:
    out: list[str] = []
    for match in _ATOMS.finditer(title):
        atom = match.group()
        out.extend(atom if text_width(atom) > max_width else [atom])
    return out


def _break_cost(before: str, after: str) -> float:
    if (before and before[-1] in _OPENERS) or (after and after[0] in _CLOSERS) or after.startswith(" "):
        return _BAD_BREAK
    inside = _IN_BOOK_TITLE if before.count("《") > before.count("》") else 0.0
    if before.endswith(_GOOD_AFTER) or after.startswith(_GOOD_BEFORE):
        return inside
    return _PLAIN_BREAK + inside


def _best_split(atoms: list[str], widths: list[float], lines: int, max_width: float) -> list[str] | None:
    """Dynamic programme over break positions: minimise squared deviation from the mean width plus break costs."""
    n = len(atoms)
    target = sum(widths) / lines
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    text_prefix = [""]
    for a in atoms:
        text_prefix.append(text_prefix[-1] + a)
    inf = float("inf")
    # cost[k][i]: best cost of putting atoms[:i] on k lines; back[k][i]: where line k starts.
    cost = [[inf] * (n + 1) for _ in range(lines + 1)]
    back = [[0] * (n + 1) for _ in range(lines + 1)]
    cost[0][0] = 0.0
    for k in range(1, lines + 1):
        for i in range(1, n + 1):
            for j in range(i - 1, -1, -1):
                width = prefix[i] - prefix[j]
                if width > max_width:
                    break
                if cost[k - 1][j] == inf:
                    continue
                brk = 0.0 if i == n else _break_cost(text_prefix[i], text_prefix[n][len(text_prefix[i]):])
                c = cost[k - 1][j] + (width - target) ** 2 + brk
                if c < cost[k][i]:
                    cost[k][i], back[k][i] = c, j
    if cost[lines][n] == inf:
        return None
    out: list[str] = []
    i = n
    for k in range(lines, 0, -1):
        j = back[k][i]
        out.append("".join(atoms[j:i]).strip())
        i = j
    return out[::-1]
