"""Where the cells of a table sit on its grid, spans included.

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
