"""Hostile input, property-based: random and mutated seeds through every reader and writer of this build.

Guarantees checked on every generated case:
- a reader either returns a Document or raises ConversionError (the documented error type) — nothing else;
- every output is valid: Markdown is UTF-8 that markdown-it parses, JSON reads back to an equal Document,
  DOCX opens in python-docx, PDF opens in pypdf;
- text conservation: every character of the input is in the document or in its removal records, and every
  character of the kept content is in the Markdown output (compared after NFKC, which undoes the documented
  full-width punctuation restoration, and ignoring whitespace and invisible control/format characters);
- output names derived from any input name stay inside the output directory.

GWCONV_HOSTILE_EXAMPLES sets the cases per reader (default 2000); binary writers get a tenth of that.
"""
from __future__ import annotations

import io
import os
import unicodedata
from collections import Counter
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from converters import readers, writers
from converters.errors import ConversionError, FormatNotAvailable
from converters.model import Document, Heading, ListBlock, Paragraph, Table, Title
from converters.options import ReadOptions, WriteOptions
from converters.paths import MAX_NAME_BYTES, inside, safe_relative
from conftest import shared_dir

EXAMPLES = int(os.environ.get("GWCONV_HOSTILE_EXAMPLES", "2000"))
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((shared_dir() / "seeds").glob("*.txt"))]
SEED_LINES = [line for seed in SEEDS for line in seed.splitlines() if line.strip()]
HOSTILE_CHARS = "\x00\x01\x08\x0b\x0c\x1b\x7f\u0085\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
                "\u2066\u2067\u2068\u2069\u2028\u2029\u3000\ufeff\ufffd\ufffe\uffff\U0001f600<>&*_#`[]()|\\!-=~"
MARKUP = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<script>alert(1)</script>",
          "<!--", "-->", "<br>", "&nbsp;", "&#x4e00;", "<![CDATA[", "]]>", "---\n", "# ", "**", "| a | b |\n|---|---|\n",
          "```\n", "<meta charset=\"gbk\">", "<a href=\"javascript:x\">", "\n\n", "> ", "1. ", "- "]


def available(registry, get) -> list[str]:
    names = []
    for name in registry:
        try:
            get(name)
        except FormatNotAvailable:
            continue
        names.append(name)
    return names


READERS = available(readers.READERS, readers.get_reader)
FAST_WRITERS = [w for w in available(writers.WRITERS, writers.get_writer) if w in ("md", "json")]
BINARY_WRITERS = [w for w in available(writers.WRITERS, writers.get_writer) if w in ("docx", "pdf")]


@st.composite
def mutated_text(draw) -> str:
    """A window of seed lines with hostile characters, markup and huge lines spliced in."""
    start = draw(st.integers(0, len(SEED_LINES) - 1))
    lines = SEED_LINES[start:start + draw(st.integers(1, 12))]
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.one_of(st.sampled_from(MARKUP), st.text(st.sampled_from(HOSTILE_CHARS), min_size=1, max_size=6),
                               st.text(max_size=20)))
        text = text[:at] + piece + text[at:]
    if draw(st.integers(0, 30)) == 0:
        text += "\n" + draw(st.sampled_from(SEED_LINES)) * 400  # a huge line
    if draw(st.integers(0, 30)) == 0:
        depth = draw(st.integers(100, 3000))
        text = "<html><body>" + "<div>" * depth + text + "</div>" * depth + "</body></html>"
    return text


@st.composite
def encoded(draw) -> bytes:
    """Mutated text in one or several encodings (a mixed-encoding page), possibly cut at any byte."""
    text = draw(mutated_text())
    cut = draw(st.integers(0, len(text)))
    encodings = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
    first = draw(st.sampled_from(encodings))
    data = text[:cut].encode(first, "surrogatepass") if first.startswith("utf") else text[:cut].encode(first, "replace")
    second = draw(st.sampled_from(encodings))
    data += text[cut:].encode(second, "surrogatepass") if second.startswith("utf") else text[cut:].encode(second, "replace")
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


inputs = st.one_of(st.binary(max_size=3000), encoded(), mutated_text().map(lambda t: t.encode("utf-8", "surrogatepass")))


def visible(text: str) -> Counter:
    """Characters that must be conserved: NFKC-folded, without whitespace, controls, format marks or U+FFFD."""
    folded = unicodedata.normalize("NFKC", text)
    return Counter(ch for ch in folded if unicodedata.category(ch)[0] not in "CZ" and ch != "\ufffd")


def kept_text(doc: Document) -> str:
    parts = []
    for d in doc.walk():
        meta = d.metadata
        parts += [str(getattr(meta, f.name)) for f in fields(meta)
                  if f.name not in ("source", "attachments", "site", "extra") and getattr(meta, f.name)]
        parts += [a.name for a in meta.attachments]
        parts += [label for label, value in (("抄送:", meta.cc), ("附件:", meta.attachments), ("印发", meta.printed_by))
                  if value]  # labels the model implies by the field (writers print them again)
        for block in d.blocks:
            parts.append(block_text(block))
    return "\n".join(parts)


def block_text(block) -> str:
    if isinstance(block, (Title, Heading)):
        return block.text
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join("".join(r.text for r in item) for item in block.items)
    if isinstance(block, Table):
        return "\n".join(c.text for row in block.rows for c in row)
    return ""


def removed_text(doc: Document) -> str:
    return "\n".join(r.text for d in doc.walk() for r in d.removed)


def missing(needed: Counter, present: Counter) -> Counter:
    return Counter({ch: n - present[ch] for ch, n in needed.items() if n > present[ch]})


def read_or_refuse(data: bytes, fmt: str) -> Document | None:
    try:
        return readers.get_reader(fmt).read(data, ReadOptions(source="hostile"))
    except ConversionError:
        return None


def check_markdown(doc: Document) -> None:
    out = writers.get_writer("md").render(doc, WriteOptions())
    markdown = out.decode("utf-8")
    MarkdownIt("commonmark").parse(markdown)
    assert not missing(visible(kept_text(doc)), visible(markdown)), "kept text missing from the Markdown"


def check_json(doc: Document) -> None:
    out = writers.get_writer("json").render(doc, WriteOptions())
    assert Document.from_json(out.decode("utf-8")) == doc


CHECKS = {"md": check_markdown, "json": check_json}
HOSTILE = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("fmt", READERS)
@HOSTILE
@given(data=inputs)
def test_reader_and_text_writers_survive_hostile_input(fmt, data):
    doc = read_or_refuse(data, fmt)
    if doc is None:
        return
    if fmt == "text":  # a line reader: every visible input character is kept or recorded as removed
        from converters.readers.encoding import decode
        source = decode(data)
        assert not missing(visible(source), visible(kept_text(doc) + removed_text(doc))), "input text lost"
    for writer in FAST_WRITERS:
        CHECKS[writer](doc)


def open_binary(fmt: str, out: bytes) -> None:
    if fmt == "docx":
        import docx
        docx.Document(io.BytesIO(out))
    else:
        from pypdf import PdfReader
        assert len(PdfReader(io.BytesIO(out)).pages) >= 1


@pytest.mark.skipif(not BINARY_WRITERS, reason="no DOCX/PDF writer in this build")
@pytest.mark.parametrize("fmt", BINARY_WRITERS)
@settings(max_examples=max(EXAMPLES // 10, 20), deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(data=encoded())
def test_binary_writers_produce_files_that_open(fmt, data):
    doc = read_or_refuse(data, "text")
    assume(doc is not None)
    open_binary(fmt, writers.get_writer(fmt).render(doc, WriteOptions()))


@HOSTILE
@given(name=st.one_of(st.text(max_size=400), st.lists(st.sampled_from(["..", ".", "", "/", "\\", "C:", "CON", "nul.txt",
                                                                       "a" * 300, "通" * 120, "\x00", " "]),
                                                      max_size=8).map("/".join)))
def test_output_names_never_escape(name):
    rel = safe_relative(name, ".md")
    root = Path("/srv/out")
    assert not rel.is_absolute() and ".." not in rel.parts and "." not in rel.parts
    assert all(0 < len(part.encode("utf-8")) <= MAX_NAME_BYTES for part in rel.parts)
    assert rel.name.endswith(".md")
    assert inside(root, root / rel)
