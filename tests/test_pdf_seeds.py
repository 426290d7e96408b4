"""The five seed notices rendered to PDF: line-breaking rules on every line, nothing lost, valid files."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

import converters
from converters.model import Document, Heading, Paragraph, Title
from helpers_pdf import INSIDE, MM, NO_END, NO_START, PAGE_W, TEXT_W, lines_of, page_texts, render, squash

PAGE_NUMBER = re.compile(r"^— \d+ —$")


def _seed_docs(shared):
    return [(path.name, converters.read(path)) for path in sorted((shared / "seeds").glob("*.txt"))]


@pytest.fixture(scope="module")
def seeds(shared):
    return [(name, doc, render(doc)) for name, doc in _seed_docs(shared)]


def _texts(doc: Document):
    meta = doc.metadata
    yield from (v for v in (meta.issuer_mark, meta.printed_doc_number(), meta.title, meta.addressee) if v)
    for block in doc.blocks:
        if isinstance(block, (Title, Heading, Paragraph)):
            yield block.text
    yield from (a.name for a in meta.attachments)
    yield from (v for v in (meta.signature, meta.date, meta.note) if v)
    for sub in doc.embedded:
        yield from _texts(sub)


def test_five_seeds_render(seeds):
    assert len(seeds) == 5
    for name, _, data in seeds:
        assert len(PdfReader(io.BytesIO(data)).pages) >= 1, name


def test_kinsoku_on_every_line_of_the_seeds(seeds):
    checked = 0
    for name, _, data in seeds:
        for ln in lines_of(data):
            if PAGE_NUMBER.match(ln.text):
                continue
            assert ln.text[0] not in NO_START, (name, ln.page, ln.text)
            assert ln.text[-1] not in NO_END, (name, ln.page, ln.text)
            checked += 1
    assert checked > 500


def test_every_content_line_of_the_seeds_is_in_the_pdf_text_in_order(seeds):
    for name, doc, data in seeds:
        text = squash("".join(re.sub(r"— \d+ —", "", t) for t in page_texts(data)))
        position = 0
        for item in _texts(doc):
            found = text.find(squash(item), position)
            assert found >= 0, (name, item)
            position = found


def test_seed_lines_stay_inside_the_text_area(seeds):
    for name, _, data in seeds:
        for ln in lines_of(data):
            left = INSIDE if ln.page % 2 else PAGE_W - INSIDE - TEXT_W
            assert left - MM <= ln.x0 and ln.x1 <= left + TEXT_W + MM, (name, ln)


def test_no_heading_is_left_alone_at_the_foot_of_a_page(seeds):
    for name, doc, data in seeds:
        headings = {squash(b.text) for d in doc.walk() for b in d.blocks if isinstance(b, Heading)}
        lines = [ln for ln in lines_of(data) if not PAGE_NUMBER.match(ln.text)]
        last_on_page = [a for a, b in zip(lines, lines[1:]) if a.page != b.page]
        assert headings and not [ln.text for ln in last_on_page if squash(ln.text) in headings], name
