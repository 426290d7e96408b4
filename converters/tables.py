"""Where the cells of a table sit on its grid, spans included, and which cells are its header row.

The model stores a spanned cell once, at its top-left position; grid formats (GFM tables, DOCX) need the
position of every cell and the size of the grid, computed the same way by whoever writes or reads them.
"""
from __future__ import annotations

from .model import Cell


def table_layout(rows: list[list[Cell]]) -> tuple[list[tuple[int, int, Cell]], int, int]:
    """(row, column, cell) for every cell, the grid width and the grid height.

    A cell takes the first free column of its row; a spanned cell covers the positions to its right and below.
    """
    placed: list[tuple[int, int, Cell]] = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            taken.update((r + dr, c + dc) for dr in range(max(cell.rowspan, 1)) for dc in range(max(cell.colspan, 1)))
            c += max(cell.colspan, 1)
    width = max((c for _, c in taken), default=-1) + 1
    height = max((r for r, _ in taken), default=-1) + 1
    return placed, width, height


def header_cells(rows: list[list[Cell]]) -> set[int]:
    """The ids of the header cells: those the reader marked, or the first row when it marked none (a crawled
    table's first row is its column heads). One rule for the DOCX and PDF writers."""
    marked = {id(c) for row in rows for c in row if c.header}
    if marked or not rows:
        return marked
    return {id(c) for c in rows[0]}
