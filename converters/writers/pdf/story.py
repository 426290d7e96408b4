"""The document model → the platypus story, element by element in the order GB/T 9704 prints them."""
from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table, TableStyle

from ...fonts import FontSet
from ...layout import attachments, doc_number
from ...layout.profile import Profile
from ...layout.title import split_title
from ...model import Attachment, Block, Cell, Document, Heading, Image, ListBlock, Metadata, Paragraph, Quote, Title
from ...model import PageBreak as PageBreakBlock
from ...model import Table as TableBlock
from ...tables import header_cells, table_layout
from .flowables import BottomBlock, Outline, Row, Rule, RuleSpec, TextBlock
from .lines import Line, Reporter, Span, Style, advance, glyphs, layout
from .page import Geometry

NUMBERED = re.compile(r"^\s*\d+\s*[.．、]")
SIGNATURE_KEEP_LINES = 2  # lines of the body that go to the next page with the signature when it does not fit


class Story:
    """Builds flowables for one top-level document; collects outline entries and unprintable characters."""

    def __init__(self, profile: Profile, geometry: Geometry, fonts: FontSet, report: Reporter):
        self.p, self.g, self.fonts, self.report = profile, geometry, fonts, report
        self.flow: list = []
        self._outline_level = -1
        self._outline_count = 0

    # ----- building blocks -------------------------------------------------------------------------------
    def style(self, size: float | None = None, indent_chars: float = 0.0, **kw) -> Style:
        size = size or self.g.body_size
        spacing = self.g.spacing * size / self.g.body_size
        char = size + spacing
        return Style(size, spacing, first_indent=indent_chars * char, **kw)

    def text(self, spans: list[Span], style: Style, where: str, pitch: float | None = None,
             outline: tuple[str, int] | None = None) -> TextBlock:
        items = glyphs(spans, self.fonts, style.size, self.report, where)
        mark = self._outline(*outline) if outline else None
        return TextBlock(lambda width: [[line] for line in layout(items, style, width)], pitch or self.g.pitch,
                         outline=mark)

    def blank(self, lines: float) -> None:
        if lines > 0:
            self.flow.append(Spacer(0, lines * self.g.pitch))

    def _outline(self, title: str, level: int) -> Outline:
        level = min(level, self._outline_level + 1)
        self._outline_level = level
        self._outline_count += 1
        return Outline(" ".join(title.split()), level, f"h{self._outline_count}")

    def _line(self, spans: list[Span], size: float, where: str, x: float = 0.0, color: str = "000000") -> Line:
        items = glyphs(spans, self.fonts, size, self.report, where)
        return Line(items, x, size, self.style(size).spacing, color)

    def _width(self, line: Line) -> float:
        return sum(g.width for g in line.glyphs) + line.spacing * max(len(line.glyphs) - 1, 0)

    # ----- the document ----------------------------------------------------------------------------------
    def document(self, doc: Document, options_mark: str | None, options_number: str | None) -> list:
        meta = doc.metadata
        mark = options_mark or meta.issuer_mark
        number = doc_number.printed(meta, options_number, self.p.header.doc_number_brackets)
        if mark:
            self.header(meta, mark, number)
        elif number:  # no 版头 to put it in, but a printed 发文字号 is never dropped: above the title
            self.flow.append(self.doc_number_row(meta, number))
            self.blank(1)
        self.main(doc, "")
        self.missing_attachments(doc)
        self.colophon(meta)
        return self.flow

    def main(self, doc: Document, where: str) -> None:
        """Title, 主送, body, 附件说明, signature and 附注; then embedded documents, each on a new page."""
        meta = doc.metadata
        if meta.title:
            self.title(meta.title, f"{where}title")
        if meta.addressee:
            self.flow.append(self.text([Span(meta.addressee, "fangsong")], self.style(align="left"),
                                       f"{where}addressee"))
        for i, block in enumerate(doc.blocks):
            if isinstance(block, Heading):  # keep a run of headings together with the text under them
                run = next((k for k, b in enumerate(doc.blocks[i:]) if not isinstance(b, Heading)), len(doc.blocks) - i)
                if i == 0 or not isinstance(doc.blocks[i - 1], Heading):
                    self.flow.append(CondPageBreak((run + self.p.headings.keep_lines) * self.g.pitch))
            self.block(block, f"{where}block {i + 1}", meta)
        self.attachment_note(meta.attachments, where)
        self.signature(meta, where)
        if meta.note:
            self.flow.append(self.text([Span(meta.note, "fangsong")], self.style(indent_chars=self.p.note.indent_chars),
                                       f"{where}note"))
        index = {id(sub): i for i, sub in attachments.bodies(doc).items()}
        for n, sub in enumerate(doc.embedded, 1):
            self.flow.append(PageBreak())
            if id(sub) in index:
                self.attachment_label(doc, index[id(sub)], where)
            self.main(sub, f"{where}embedded document {n}, ")

    def header(self, meta: Metadata, mark: str, number: str | None) -> None:
        """版头 (§7.2): 份号/密级/紧急 lines, the red mark 35 mm below the text-area top, 发文字号, red rule."""
        top_lines = [(v, role) for v, role in ((meta.copy_number, "fangsong"), (meta.classification, "heiti"),
                                              (meta.urgency, "heiti")) if v]
        for value, role in top_lines:
            self.flow.append(self.text([Span(value, role)], self.style(align="left"), "header"))
        h = self.p.header
        self.flow.append(Spacer(0, max(0.0, h.mark_top_below_text_top_mm * mm - len(top_lines) * self.g.pitch)))
        font = self.fonts.by_role[h.mark_font]
        natural = sum(advance(c, font) for c in mark) or 1.0
        size = max(self.p.sizes.mark_min_pt, min(self.p.sizes.mark_max_pt, self.g.text_width / natural))
        red = self.p.colors.red
        # A pitch equal to the size puts the top of the mark's em box exactly at the block's top edge.
        self.flow.append(self.text([Span(mark, h.mark_font)], self.style(size, align="center", color=red), "header",
                                   pitch=size))
        gap = h.rule_below_doc_number_mm * mm
        if number:
            self.blank(h.doc_number_lines_below_mark)
            self.flow.append(self.doc_number_row(meta, number))
            gap -= (self.g.pitch - self.g.body_size) / 2
        self.flow.append(Rule(gap, h.rule_width_pt, red))
        self.blank(h.title_lines_below_rule)

    def doc_number_row(self, meta: Metadata, number: str) -> TextBlock:
        """发文字号 centred; in 上行文 (with 签发人) one character in from the left, the signer on the right."""
        size, char = self.g.body_size, self.g.char()
        if not meta.signer:
            return self.text([Span(number, "fangsong")], self.style(align="center"), "doc_number")
        left = self._line([Span(number, "fangsong")], size, "doc_number", x=char)
        right = self._line([Span("签发人：", "fangsong"), Span(meta.signer, self.p.header.signer_name_font)], size,
                           "signer")
        right.x = self.g.text_width - self.p.header.signer_indent_right_chars * char - self._width(right)
        return TextBlock(None, self.g.pitch, rows=[[left, right]])

    def title(self, text: str, where: str) -> None:
        size = self.p.sizes.title_pt
        role = self.p.title.font
        lines = split_title(text, self.p.title.max_chars_per_line)
        spans = [Span("\n".join(lines), role)]
        self.flow.append(self.text(spans, self.style(size, align="center"), where, outline=(text, 0)))
        self.blank(self.p.title.lines_after)

    def block(self, block: Block, where: str, meta: Metadata) -> None:
        if isinstance(block, Title):
            if block.text != meta.title:
                self.title(block.text, where)
        elif isinstance(block, Heading):
            role, _ = self.p.heading_face(block.level)  # no bold faces are shipped
            self.flow.append(self.text([Span(block.text, role)], self.body_style(), where,
                                       outline=(block.text, block.level)))
        elif isinstance(block, Paragraph):
            self.flow.append(self.text(self.paragraph_spans(block), self.body_style(block.align), where))
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items, 1):
                spans = [Span(r.text, "fangsong", r.href) for r in item]
                if block.ordered and not NUMBERED.match("".join(r.text for r in item)):
                    spans.insert(0, Span(f"{n}.", "fangsong"))
                self.flow.append(self.text(spans, self.body_style(), f"{where}, item {n}"))
        elif isinstance(block, TableBlock):
            self.flow.append(self.table(block, where))
        elif isinstance(block, Quote):
            for n, inner in enumerate(block.blocks, 1):
                self.block(inner, f"{where}.{n}", meta)
        elif isinstance(block, Image):
            label = f"〔图：{block.alt or block.src}〕"
            self.flow.append(self.text([Span(label, "kaiti")], self.style(align="center"), where))
        elif isinstance(block, PageBreakBlock):
            self.flow.append(PageBreak())

    def body_style(self, align: str | None = None) -> Style:
        if align in ("center", "right"):
            return self.style(align=align)
        return self.style(indent_chars=self.p.body.first_line_indent_chars,
                          align="justify" if self.p.body.justify else "left")

    def paragraph_spans(self, para: Paragraph) -> list[Span]:
        """A run-in lead (一是…, 一、…) is set in its level's face; the rest of the paragraph in 仿宋."""
        spans = [Span(r.text, "fangsong", r.href) for r in para.runs]
        if para.lead_level and len(spans) > 1:
            spans[0] = Span(para.runs[0].text, self.p.heading_face(para.lead_level)[0], para.runs[0].href)
        return spans

    def table(self, block: TableBlock, where: str):
        """A grid table in the body size on the line pitch, header row in 黑体 centred (as the DOCX writer sets
        it), spans rebuilt from the model's top-left-only cells; the header row repeats on every page."""
        grid, spans = _grid(block.rows)
        heads = header_cells(block.rows)
        cols = max((len(r) for r in grid), default=1)
        width = self.g.text_width / cols
        body, head = self.style(align="left"), self.style(align="center")
        data = [[self.text([Span(c.text, self.p.tables.header_font if id(c) in heads else "fangsong")],
                           head if id(c) in heads else body, f"{where}, row {r + 1}") if c else ""
                 for c in row + [None] * (cols - len(row))] for r, row in enumerate(grid)]
        style = [("GRID", (0, 0), (-1, -1), self.p.tables.border_pt, "#000000"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        style += [("SPAN", a, b) for a, b in spans]
        repeat = 1 if len(grid) > 1 and any(id(c) in heads for c in block.rows[0]) else 0
        return Table(data, colWidths=[width] * cols, style=TableStyle(style), repeatRows=repeat, hAlign="LEFT",
                     splitInRow=1)

    def attachment_note(self, listed: list[Attachment], where: str) -> None:
        """附件说明 (§7.3.4): 附件：name, or 附件：1.name / 2.name aligned under the first name."""
        if not listed:
            return
        self.blank(self.p.attachment_note.lines_before)
        char = self.g.char()
        indent = self.p.attachment_note.indent_chars * char
        label = "附件："
        label_width = sum(advance(c, self.fonts.by_role["fangsong"]) for c in label) * self.g.body_size + 3 * self.g.spacing
        many = len(listed) > 1
        for n, att in enumerate(listed, 1):
            number = f"{n}." if many and not NUMBERED.match(att.name) else ""
            head = label if n == 1 else ""
            number_width = sum(advance(c, self.fonts.by_role["fangsong"]) for c in number) * self.g.body_size
            style = Style(self.g.body_size, self.g.spacing, first_indent=indent + (0 if n == 1 else label_width),
                          rest_indent=indent + label_width + number_width, align="left")
            spans = [Span(head + number, "fangsong"), Span(att.name, "fangsong", att.url)]
            self.flow.append(self.text(spans, style, f"{where}attachment {n}"))

    def signature(self, meta: Metadata, where: str) -> None:
        """署名 and 成文日期 without a seal (§7.3.5.2): signature 右空二字, the date starting two characters to
        its right; a longer date is 右空二字 and pushes the signature left."""
        if not (meta.signature or meta.date):
            return
        s = self.p.signature
        self._keep_tail_with_next()
        self.blank(s.lines_before)
        if self.flow:
            self.flow[-1].keepWithNext = True
        char, size = self.g.char(), self.g.body_size
        right_edge = self.g.text_width - s.signature_right_chars * char
        sig = self._line([Span(meta.signature or "", "fangsong")], size, f"{where}signature")
        date = self._line([Span(meta.date or "", "fangsong")], size, f"{where}date")
        sig.x = right_edge - self._width(sig)
        date.x = sig.x + s.date_shift_chars * char if meta.signature else right_edge - self._width(date)
        if date.x + self._width(date) > right_edge + 0.01:
            date.x = right_edge - self._width(date)
            sig.x = date.x - s.date_shift_chars * char
        rows: list[Row] = [[line] for line in (sig, date) if line.glyphs]
        self.flow.append(TextBlock(None, self.g.pitch, rows=rows))

    def _keep_tail_with_next(self) -> None:
        """The signature never starts a page alone (§7.3.5.5): the last lines of the text before it move along."""
        if self.flow and isinstance(self.flow[-1], TextBlock):
            head, tail = self.flow.pop().cut_tail(SIGNATURE_KEEP_LINES)
            tail.keepWithNext = True
            self.flow += [head, tail]

    def attachment_label(self, doc: Document, index: int, where: str) -> None:
        """附件N in 黑体 at line 1 of an attachment page; the title then sits on line 3 (§7.3.7)."""
        self.flow.append(self.text([Span(attachments.label(doc, index), self.p.attachments.label_font)],
                                   self.style(align="left"), f"{where}attachment {index + 1}"))
        self.blank(self.p.attachments.title_on_line - 2)

    def missing_attachments(self, doc: Document) -> None:
        """A listed attachment the notice did not carry still gets its page: label, name and link (§7.3.7)."""
        carried = attachments.bodies(doc)
        for i, (name, att) in enumerate(zip(attachments.names(doc), doc.metadata.attachments)):
            if i in carried:
                continue
            self.flow.append(PageBreak())
            self.attachment_label(doc, i, "")
            self.title(name, f"attachment {i + 1}")
            if att.url:
                self.flow.append(self.text([Span(att.url, "fangsong", att.url)], self.style(align="left"),
                                           f"attachment {i + 1}"))

    def colophon(self, meta: Metadata) -> None:
        """版记 (§7.4) at the bottom of the last page: thick rule, 抄送, thin rule, 印发 line, thick rule."""
        c = self.p.colophon
        size = self.p.sizes.colophon_pt
        char = size + self.style(size).spacing
        indent = c.indent_chars * char
        rows: list[Row] = []
        rules: list[tuple[int, RuleSpec]] = [(0, RuleSpec(c.thick_rule_mm * mm))]
        if meta.cc:
            label = "抄送："
            label_width = sum(advance(ch, self.fonts.by_role["fangsong"]) for ch in label) * size
            style = Style(size, self.style(size).spacing, first_indent=indent, rest_indent=indent + label_width,
                          right_indent=indent, align="justify")
            items = glyphs([Span(label + meta.cc, "fangsong")], self.fonts, size, self.report, "cc")
            rows += [[line] for line in layout(items, style, self.g.text_width)]
        if meta.printed_by or meta.print_date:
            if rows:
                rules.append((len(rows), RuleSpec(c.thin_rule_mm * mm)))
            left = self._line([Span(meta.printed_by or "", "fangsong")], size, "printed_by", x=indent)
            right = self._line([Span(f"{meta.print_date}印发" if meta.print_date else "", "fangsong")], size,
                               "print_date")
            right.x = self.g.text_width - indent - self._width(right)
            rows.append([left, right])
        if rows:
            rules.append((len(rows), RuleSpec(c.thick_rule_mm * mm)))
            self.flow.append(BottomBlock(rows, rules, c.line_pitch_pt, self.g.text_height))


def _grid(rows: list[list[Cell]]) -> tuple[list[list[Cell | None]], list[tuple[tuple[int, int], tuple[int, int]]]]:
    """The shared grid layout as ReportLab wants it: a full matrix (None where a span covers) and SPAN commands."""
    placed, width, height = table_layout(rows)
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    spans = []
    for r, c, cell in placed:
        grid[r][c] = cell
        if cell.colspan > 1 or cell.rowspan > 1:
            spans.append(((c, r), (c + max(cell.colspan, 1) - 1, r + max(cell.rowspan, 1) - 1)))
    return grid, spans
