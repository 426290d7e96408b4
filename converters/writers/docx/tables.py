"""Tables from the model (HTML readers produce them): full borders, 黑体 header row, spans merged."""
from __future__ import annotations

from docx.shared import Twips

from ...layout.metrics import lines_needed
from ...model import Table
from ...tables import header_cells, table_layout
from . import ooxml
from .context import Context
from .paragraphs import Layout, add
from .styles import TABLE, TABLE_HEADER, StyleSpec

def write(ctx: Context, block: Table, specs: dict[str, StyleSpec]) -> None:
    placed, columns, n_rows = table_layout(block.rows)
    if not placed:
        return
    geo = ctx.geometry
    if ctx.break_before_next:  # a table cannot carry pageBreakBefore; an empty break paragraph can
        add(ctx, specs["GW Flush"], "")
    table = ctx.docx.add_table(rows=n_rows, cols=columns)
    ooxml.set_table_borders(table._tbl, round(ctx.profile.tables.border_pt * 8), ctx.profile.colors.black)
    col_w = geo.text_w // columns
    for column in table.columns:
        column.width = Twips(col_w)
    row_lines = [1] * n_rows
    heads = header_cells(block.rows)
    for r, c, cell in placed:
        target = table.cell(r, c)
        span_r, span_c = max(1, cell.rowspan), max(1, cell.colspan)
        if span_r > 1 or span_c > 1:
            target = target.merge(table.cell(min(n_rows, r + span_r) - 1, min(columns, c + span_c) - 1))
        spec = specs[TABLE_HEADER] if id(cell) in heads else specs[TABLE]
        first = target.paragraphs[0]
        add(ctx, spec, cell.text, Layout(first_line=0), container=target)
        first._p.getparent().remove(first._p)
        width_em = col_w * span_c / (spec.size_pt * 20 + geo.char_spacing)
        row_lines[r] = max(row_lines[r], -(-lines_needed(cell.text, width_em) // span_r))
    if n_rows > 1:
        ooxml.mark_header_row(table.rows[0]._tr)
    for lines in row_lines:
        ctx.flow.add_lines(lines, geo.pitch)
