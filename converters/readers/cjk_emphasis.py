"""CJK-friendly emphasis for markdown-it-py: `**一是抓好。**正文` is bold, as the person who wrote it meant.

CommonMark decides whether `**` can open or close from the characters around it, and treats full-width
punctuation like ASCII punctuation: a `**` between `。` and a Chinese character can neither close nor open, so
the most common way of writing a run-in lead in a Chinese draft stays literal asterisks. Here full-width
punctuation counts as an ordinary character when `*` runs are scanned (the idea of the markdown-cjk-friendly
proposal); `_` runs keep the standard rule. Markdown written by this toolkit renders the same either way.
"""
from __future__ import annotations

import unicodedata

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline import emphasis
from markdown_it.rules_inline.state_inline import Scanned, StateInline


def use(md: MarkdownIt) -> None:
    md.inline.ruler.at("emphasis", _tokenize)


def _tokenize(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "*":
        return emphasis.tokenize(state, silent)
    state.scanDelims = lambda start, can_split_word: _scan(state, start)  # type: ignore[method-assign]
    try:
        return emphasis.tokenize(state, silent)
    finally:
        del state.scanDelims


def _scan(state: StateInline, start: int) -> Scanned:
    """StateInline.scanDelims for `*` (which may split words), with wide punctuation taken as a letter."""
    pos = start
    while pos < state.posMax and state.src[pos] == "*":
        pos += 1
    last = state.src[start - 1] if start > 0 else " "
    following = state.src[pos] if pos < state.posMax else " "
    last_punct, next_punct = _punct(last), _punct(following)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(following))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return Scanned(left, right, pos - start)


def _punct(ch: str) -> bool:
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return False
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)
