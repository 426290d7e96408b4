"""Splitting a long official-document title into balanced lines (GB/T 9704 §7.3.1).

A title of more than `max_chars` characters is set on several lines of nearly equal length (梯形 or 菱形),
with words kept whole: no break inside a run of Latin letters or digits, none inside 〔2024〕 or 《…》 when it can
be avoided, no line starting with closing punctuation or ending with opening punctuation. Chinese has no
spaces, so "words" are approximated by these rules plus a preference for breaking after common function words
(关于, 的, 和, 及) — enough to avoid splitting 通知 or 实施方案 in practice. Layout-neutral: returns strings.
"""
from __future__ import annotations

import math

NO_START = frozenset("，。、；：？！）》”’」』〕】〉…—·,.;:?!)]}%")
NO_END = frozenset("（《“‘「『〔【〈([{")
PAIRS = {"《": "》", "〔": "〕", "（": "）", "(": ")", "“": "”"}
GOOD_AFTER = ("关于", "的", "和", "及", "与", "、", "，")
GOOD_BEFORE = ("的通知", "的意见", "的决定", "的报告", "的批复", "的函", "工作")
UNBREAKABLE = 10_000.0


def split_title(text: str, max_chars: int = 20) -> list[str]:
    """Balanced lines of at most `max_chars` characters (a longer unbreakable run may exceed it)."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return [text] if text else []
    cost = [_break_cost(text, i) for i in range(len(text) + 1)]
    lines = math.ceil(len(text) / max_chars)
    for count in range(lines, len(text) + 1):
        best = _best_split(text, count, max_chars, cost)
        if best is not None:
            return best
    return [text]


def _best_split(text: str, count: int, max_chars: int, cost: list[float]) -> list[str] | None:
    """Dynamic programming over break positions: squared deviation from the mean length plus break costs."""
    n = len(text)
    target = n / count
    inf = float("inf")
    best: list[list[float]] = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for end in range(1, n + 1):
            for start in range(max(0, end - max_chars), end):
                if best[k - 1][start] == inf:
                    continue
                value = best[k - 1][start] + (end - start - target) ** 2 + (cost[end] if end < n else 0.0)
                if value < best[k][end]:
                    best[k][end], back[k][end] = value, start
    if best[count][n] >= UNBREAKABLE:
        return None
    cuts, end = [], n
    for k in range(count, 0, -1):
        cuts.append(end)
        end = back[k][end]
    cuts.reverse()
    starts = [0] + cuts[:-1]
    return [text[a:b].strip() for a, b in zip(starts, cuts)]


def _break_cost(text: str, i: int) -> float:
    """Cost of a line break before text[i]."""
    if i == 0 or i >= len(text):
        return 0.0
    before, after = text[i - 1], text[i]
    if after in NO_START or before in NO_END:
        return UNBREAKABLE
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return UNBREAKABLE
    cost = 4.0
    if before.isdigit() and after in "年月日号届次期":
        cost += 6.0
    if _inside_pair(text, i):
        cost += 40.0
    if any(text[:i].endswith(w) for w in GOOD_AFTER):
        cost -= 3.0
    if any(text[i:].startswith(w) for w in GOOD_BEFORE):
        cost -= 2.0
    return cost


def _inside_pair(text: str, i: int) -> bool:
    for open_, close in PAIRS.items():
        left = text.rfind(open_, 0, i)
        if left >= 0 and text.find(close, left) >= i:
            return True
    return False
