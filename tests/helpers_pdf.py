"""Documents built directly from the model, and measurements of rendered PDFs with pdfplumber."""
from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

from converters.model import Attachment, Document, Heading, Metadata, Paragraph, Run
from converters.writers import pdf

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, INSIDE, TEXT_W, TEXT_H = 37 * MM, 28 * MM, 156 * MM, 225 * MM
BOTTOM = TOP + TEXT_H  # distance of the text area's bottom edge from the top of the page
# From GB/T 9704 and typesetting practice (spec/gbt9704.md), written out here independently of the writer.
NO_START = set("，。、；：？！）》”")
NO_END = set("（《“")
SENTENCE = "各地区各部门要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。"


@dataclass
class TextLine:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    fonts: set[str]


def notice(body_paragraphs: int = 3, **meta) -> Document:
    """A complete notice: 版头, title, 主送, headings, body, 附件说明, signature, 附注, 版记, one attachment."""
    values = dict(title="某某市人民政府办公室关于做好2024年安全生产工作的通知", doc_number="某政办发〔2024〕5号",
                  issuer="某某市人民政府办公室", issuer_mark="某某市人民政府办公室文件",
                  addressee="各县（市、区）人民政府，市政府各部门：", signature="某某市人民政府办公室",
                  date="2024年2月5日", note="（此件公开发布）", attachments=[Attachment("2024年安全生产工作要点")],
                  cc="市委办公室，市人大常委会办公室，市政协办公室。", printed_by="某某市人民政府办公室",
                  print_date="2024年2月6日")
    values.update(meta)
    blocks = [Heading(1, "一、总体要求", "一、"),
              *[Paragraph([Run(SENTENCE * 2)]) for _ in range(body_paragraphs)],
              Heading(2, "（一）压实责任", "（一）"),
              Paragraph([Run("1.明确分工。"), Run(SENTENCE)], lead_level=3),
              Heading(3, "2.加强督查", "2."),
              Heading(4, "（1）定期通报", "（1）"),
              Paragraph([Run(SENTENCE)])]
    attachment = Document(Metadata(title="2024年安全生产工作要点"), blocks=[Paragraph([Run(SENTENCE * 3)])])
    return Document(Metadata(**values), blocks=blocks, embedded=[attachment])


def body_only(paragraphs: int, text: str = SENTENCE * 4) -> Document:
    return Document(blocks=[Paragraph([Run(text)]) for _ in range(paragraphs)])


def lines_of(data: bytes) -> list[TextLine]:
    """Every printed line: characters grouped by page and baseline, left to right."""
    out: list[TextLine] = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, page in enumerate(doc.pages, 1):
            rows: dict[float, list] = {}
            for ch in page.chars:
                key = round(ch["bottom"], 0)
                rows.setdefault(key, []).append(ch)
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: c["x0"])
                out.append(TextLine(number, min(c["top"] for c in chars), max(c["bottom"] for c in chars),
                                    chars[0]["x0"], chars[-1]["x1"], "".join(c["text"] for c in chars),
                                    round(max(c["size"] for c in chars), 2), {c["fontname"].split("+")[-1] for c in chars}))
    return out


def page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def render(doc: Document, **options) -> bytes:
    from converters.options import WriteOptions

    return pdf.render(doc, WriteOptions(**options))


def squash(text: str) -> str:
    return "".join(text.split())
