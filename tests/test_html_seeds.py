"""Dumps wrapped in a page (one <p> per source line, chrome lines included) read the same through the HTML
reader as through the text reader: the HTML reader adds no loss and no noise of its own to the line rules.
The seeds (with gold) and the other-site dumps of the line-rule tests are used."""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from converters.clean.shape import squeeze
from converters.options import ReadOptions
from converters.readers import html as html_reader
from converters.readers import text as text_reader
from converters.readers.encoding import decode
from helpers_html import convert, lost, norm

SEEDS = ["000_39de4dd20927ae46", "001_3002dbbffbf1c5e1", "002_f795aaf4ff41233f", "003_3a79d052a39802d3",
         "004_f16029bfdd0df8c6"]


def _page(raw: str) -> bytes:
    lines = "".join(f"<p>{html.escape(line)}</p>\n" for line in raw.split("\n"))
    return f'<html><head><meta charset="utf-8"></head><body><div class="content">\n{lines}</div></body></html>'.encode()


def _texts(doc):
    return [squeeze(getattr(b, "text", "")) for d in doc.walk() for b in d.blocks]


def _assert_same(from_html, from_text):
    assert _texts(from_html) == _texts(from_text)
    fields = ("title", "doc_number", "addressee", "signature", "date", "note", "cc", "printed_by")
    assert {f: getattr(from_html.metadata, f) for f in fields} == {f: getattr(from_text.metadata, f) for f in fields}


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_as_a_page_reads_like_the_dump(shared, seed):
    raw = (shared / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
    from_text = text_reader.read(raw.encode("utf-8"), ReadOptions())
    _assert_same(html_reader.read(_page(raw), ReadOptions()), from_text)


@pytest.mark.parametrize("dump", sorted((Path(__file__).parent / "data" / "extract").glob("*.txt")), ids=lambda p: p.stem)
def test_other_site_dump_as_a_page_reads_like_the_dump(dump):
    data = dump.read_bytes()
    from_text = text_reader.read(data, ReadOptions())
    _assert_same(html_reader.read(_page(decode(data).replace("\r\n", "\n")), ReadOptions()), from_text)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_as_a_page_keeps_every_gold_content_line(shared, seed):
    gold = json.loads((shared / "gold" / f"{seed}.json").read_text(encoding="utf-8"))
    raw = (shared / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
    _, lines = convert(_page(raw))
    raw_lines = raw.split("\n")
    content = [raw_lines[n - 1] for n in gold["content_line_numbers"] if norm(raw_lines[n - 1])]
    assert lost(content, lines) == []
