"""Helpers for the DOCX tests: render a DOCX through LibreOffice with the font mapping, and measure the PDF."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from converters.writers.docx import libreoffice

MM = 25.4 / 72  # PDF points → millimetres
EM_ASCENT = 0.88  # a CJK em box spans 0.88 em above the baseline and 0.12 em below


def to_pdf(docx_paths: list[Path], outdir: Path, mapping: bool = True) -> list[Path]:
    """LibreOffice rendering (converters.writers.docx.libreoffice), skipping the test where it is missing."""
    if libreoffice.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return libreoffice.to_pdf(docx_paths, outdir, mapping)


@dataclass
class Line:
    """A text line of a PDF page: its characters (pdfplumber dicts), text, and positions in mm."""

    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def baseline(self) -> float:
        ch = self.chars[0]
        return (ch["top"] + ch["y1"] - ch["matrix"][5]) * MM

    @property
    def size(self) -> float:
        """Font size in points (the largest on the line)."""
        return max(c["size"] for c in self.chars)

    @property
    def em_top(self) -> float:
        """Top of the CJK em box (0.88 em above the baseline): the "top edge" of a line of Chinese characters."""
        return self.baseline - EM_ASCENT * self.size * MM

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.chars) * MM

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars) * MM


def page_lines(page) -> list[Line]:
    """Group a page's characters into lines by baseline (characters within 2 pt share a line)."""
    lines: list[list[dict]] = []
    for ch in sorted(page.chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        if not ch["text"].strip():
            continue
        if lines and abs(lines[-1][0]["bottom"] - ch["bottom"]) < 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [Line(sorted(chars, key=lambda c: c["x0"])) for chars in lines]


def pdffonts(pdf: Path) -> list[str]:
    """Font names used in a PDF (pdffonts), without subset prefixes."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    return [n.split("+", 1)[-1] for n in names]


TEST_FONT_PREFIX = "EmbedTest-"  # the PostScript names of the stand-in faces, as a PDF shows them


def make_test_fonts(directory: Path, families: list[str], text: str) -> None:
    """Stand-in faces for embedding tests: the shipped 仿宋 cut down to `text`, renamed to each family, with the
    PostScript name EmbedTest-<family>. No installed font has such a name, so a PDF that shows one got it from
    the DOCX."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    from converters.writers.docx.fonts import find_shipped

    source = find_shipped("GwFangsong")
    if source is None:
        pytest.skip("the shipped fonts (fonts/) are needed to build test fonts")
    font = TTFont(source)
    subsetter = subset.Subsetter(subset.Options(name_IDs=["*"]))
    subsetter.populate(text=text + "0123456789—")
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    directory.mkdir(parents=True, exist_ok=True)
    for family in families:
        copy = TTFont(io.BytesIO(buffer.getvalue()))
        names = copy["name"]
        for name_id in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=name_id)
        for name_id, value in ((1, family), (4, family), (6, TEST_FONT_PREFIX + family), (16, family)):
            names.setName(value, name_id, 3, 1, 0x409)
        copy["OS/2"].fsType = 0
        copy.save(directory / f"{family}.ttf")


# ---- test documents, built directly with the model so the tests do not depend on extraction ----

from converters.model import (Attachment, Cell, Document, Heading, Metadata, Paragraph, Run,  # noqa: E402
                              Table)

# No punctuation or Latin inside, so a full line holds exactly the grid's 28 characters.
FILLER = "各地区各部门要认真贯彻落实党中央国务院决策部署切实加强组织领导确保各项工作任务落到实处推动高质量发展取得新成效"


def filler(chars: int, offset: int = 0) -> str:
    text = (FILLER * (chars // len(FILLER) + 2))[offset:offset + chars - 1]
    return text + "。"


def full_notice() -> Document:
    """A notice with every part: 版头 with 份号/密级/紧急, a two-line title, headings of four levels, a run-in lead,
    several full pages of body, a table, two attachments (one carried as an embedded document), signature, date,
    附注, an embedded 工作总结 and a 版记 with a wrapped 抄送."""
    blocks = [
        Heading(1, "一、总体要求", "一、"),
        Paragraph([Run(filler(300))]),
        Heading(2, "（一）工作目标", "（一）"),
        Paragraph([Run("一是加强组织领导。", bold=True), Run(filler(120, 3))], lead_level=5),
        Heading(3, "1.明确责任分工", "1."),
        Heading(4, "（1）细化任务清单", "（1）"),
    ]
    blocks += [Paragraph([Run(filler(400, n))]) for n in range(8)]
    blocks.append(Table([[Cell("序号", header=True), Cell("任务", header=True), Cell("责任单位", header=True)],
                         [Cell("1"), Cell("完善工作机制"), Cell("市教育局")],
                         [Cell("2"), Cell("开展专项检查", colspan=2)]]))
    blocks.append(Paragraph([Run(filler(200, 5))]))
    meta = Metadata(
        title="宁波市人民政府办公厅关于印发宁波市加快推进教育数字化转型实施方案的通知",
        issuer_mark="宁波市人民政府办公厅文件", doc_number="甬政办发[2024]12号", copy_number="000123",
        classification="秘密★1年", urgency="特急", addressee="各区（县、市）人民政府，市直及部省属驻甬各单位：",
        attachments=[Attachment("1.宁波市加快推进教育数字化转型实施方案"), Attachment("2.重点任务分工表")],
        signature="宁波市人民政府办公厅", date="2024年3月5日", note="（此件公开发布）",
        cc="市委各部门，市人大常委会办公厅，市政协办公厅，市监委，市法院，市检察院，宁波军分区，各民主党派市委会，市工商联。",
        printed_by="宁波市人民政府办公厅", print_date="2024年3月6日")
    plan = Document(Metadata(title="宁波市加快推进教育数字化转型实施方案"),
                    blocks=[Heading(1, "一、主要目标", "一、"), Paragraph([Run(filler(150, 7))])])
    summary = Document(Metadata(title="宁波市教育局2023年工作总结"), blocks=[Paragraph([Run(filler(100, 9))])])
    return Document(meta, blocks, embedded=[plan, summary])


def plain_notice() -> Document:
    """No 版头; a signature longer than the date (it governs §7.3.5.2); the 版记 fits on the only page."""
    meta = Metadata(title="关于做好春季学期开学工作的通知", addressee="各镇（街道）教办，各市属学校：",
                    signature="慈溪市人民政府教育督导委员会办公室", date="2021年2月4日",
                    cc="市委办公室。", printed_by="慈溪市教育局办公室", print_date="2021年2月5日")
    return Document(meta, [Paragraph([Run(filler(90, 2))]), Paragraph([Run(filler(60, 4))])])


def dated_notice() -> Document:
    """A short signature under a longer date: the date governs §7.3.5.2 and sits two characters from the right."""
    meta = Metadata(title="关于调整作息时间的通知", signature="某某局", date="2024年12月31日")
    return Document(meta, [Paragraph([Run(filler(40, 1))])])


def crowded_notice() -> Document:
    """The body ends on the last line but one of page 1, so the 版记 needs a page of its own."""
    meta = Metadata(title="关于开展安全检查的通知", cc="市委办公室。", printed_by="慈溪市教育局办公室",
                    print_date="2021年2月5日")
    return Document(meta, [Paragraph([Run(filler(26, n))]) for n in range(19)])


def document_text(doc: Document) -> list[str]:
    """Every string of the model that the layout must print."""
    out: list[str] = []
    for d in doc.walk():
        m = d.metadata
        out += [v for v in (m.title, m.issuer_mark, m.addressee, m.signature, m.date, m.note, m.cc, m.printed_by,
                            m.copy_number, m.classification, m.urgency) if v]
        out += [a.name.split(".", 1)[-1] for a in m.attachments]
        for block in d.blocks:
            if isinstance(block, Table):
                out += [c.text for row in block.rows for c in row]
            elif hasattr(block, "text"):
                out.append(block.text)
    return out
