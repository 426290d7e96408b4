"""Render one document through both writers (the PDF directly, the DOCX through LibreOffice) and read the lines
of both PDFs the same way, so tests can hold the two layouts to the same measurements."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from converters import api
from converters.model import Document
from helpers_docx import Line, page_lines, to_pdf

WRITERS = ("pdf", "docx")


def render_both(docs: dict[str, Document], workdir: Path) -> dict[tuple[str, str], list[list[Line]]]:
    """{(name, writer): lines per page} for every document; all DOCX files go through one LibreOffice run."""
    (workdir / "direct").mkdir(parents=True, exist_ok=True)
    pdfs, docx_files = {}, []
    for name, doc in docs.items():
        pdfs[(name, "pdf")] = workdir / "direct" / f"{name}.pdf"
        pdfs[(name, "pdf")].write_bytes(api.render(doc, "pdf"))
        docx_files.append(workdir / f"{name}.docx")
        docx_files[-1].write_bytes(api.render(doc, "docx"))
    for name, path in zip(docs, to_pdf(docx_files, workdir / "lo")):
        pdfs[(name, "docx")] = path
    out = {}
    for key, path in pdfs.items():
        with pdfplumber.open(path) as pdf:
            out[key] = [page_lines(page) for page in pdf.pages]
    return out


def find(pages: list[list[Line]], text: str) -> Line:
    """The first line whose text contains `text` (spaces ignored)."""
    for lines in pages:
        for line in lines:
            if text in line.text.replace(" ", ""):
                return line
    raise AssertionError(f"{text!r} not printed")
