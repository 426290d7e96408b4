"""Which table cells form the header row, one rule for the DOCX and PDF writers."""
from __future__ import annotations

from ..model import Cell


def header_cells(rows: list[list[Cell]]) -> set[int]:
    """The ids of the header cells: those the reader marked, or the first row when it marked none (a crawled
    table's first row is its column heads)."""
    marked = {id(c) for row in rows for c in row if c.header}
    if marked or not rows:
        return marked
    return {id(c) for c in rows[0]}
