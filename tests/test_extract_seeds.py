"""Acceptance on the five seed dumps against their line-by-line gold."""
from __future__ import annotations

import re
import unicodedata

import pytest

import converters
from helpers_extract import body_lines, headings, kept, leaked, markdown, norm, seeds
from conftest import shared_dir

SEEDS = seeds(shared_dir())
IDS = [gold["seed"][:3] for _, gold in SEEDS]
PARTS = {"doc_number": "doc_number", "addressee": "addressee", "signature": "issuer_signature", "date": "date",
         "note": "note", "cc": "cc", "printed_by": "printed_by_org"}


def raw_lines(path):
    return path.read_text(encoding="utf-8").split("\n")


def test_all_boilerplate_removed_and_no_content_lost():
    removed = total_bp = lost = total_content = 0
    for path, gold in SEEDS:
        raw, outs = raw_lines(path), body_lines(markdown(path))
        total_bp += len(gold["boilerplate_line_numbers"])
        removed += sum(not leaked(raw[n - 1], outs) for n in gold["boilerplate_line_numbers"])
        content = [n for n in gold["content_line_numbers"] if norm(raw[n - 1])]
        total_content += len(content)
        lost += sum(not kept(raw[n - 1], outs) for n in content)
    assert (removed, total_bp) == (34, 34)
    assert (lost, total_content) == (0, 233)


def test_every_boilerplate_line_has_a_removal_record():
    for path, gold in SEEDS:
        doc = converters.read(str(path))
        recorded = {r.line for r in doc.removed}
        assert set(gold["boilerplate_line_numbers"]) <= recorded, gold["seed"]


def test_stand_alone_headings_have_the_gold_level():
    right = total = 0
    for path, gold in SEEDS:
        found = headings(markdown(path))
        for level, text in gold["headings"]:
            total += 1
            right += found.get(norm(text)) == level + 1
    assert total == 53 and right >= 51


@pytest.mark.parametrize("path,gold", SEEDS, ids=IDS)
def test_document_parts_equal_gold(path, gold):
    meta = converters.read(str(path)).metadata
    for name, gold_name in PARTS.items():
        if gold.get(gold_name):
            value = getattr(meta, name)
            assert value is not None, name
            assert unicodedata.normalize("NFKC", value) == unicodedata.normalize("NFKC", gold[gold_name]), name


@pytest.mark.parametrize("path,gold", SEEDS, ids=IDS)
def test_titles_and_embedded_documents(path, gold):
    doc = converters.read(str(path))
    want_title = gold["title"]
    if gold["embedded_documents"] and want_title and any(e["title"] == want_title for e in gold["embedded_documents"]):
        want_title = None
    if want_title:
        assert norm(doc.metadata.title or "") == norm(want_title)
    assert [e.metadata.title for e in doc.embedded] == [e["title"] for e in gold["embedded_documents"]]
    assert all(e.blocks for e in doc.embedded)


def test_run_in_leads_carry_gold_levels():
    for path, gold in SEEDS:
        doc = converters.read(str(path))
        leads = {b.source.lines[0]: b for d in doc.walk() for b in d.blocks if getattr(b, "lead_level", None)}
        for item in gold["run_in_headings"]:
            block = leads.get(item["n"])
            assert block is not None, (gold["seed"], item["n"])
            assert block.lead_level == item["level"] and block.runs[0].bold
            assert norm(item["lead"]).rstrip(":") in norm(block.runs[0].text)


@pytest.mark.parametrize("path,gold", SEEDS, ids=IDS)
def test_no_ascii_punctuation_between_cjk(path, gold):
    body = markdown(path).split("---\n", 2)[-1]
    assert not re.findall(r"[\u4e00-\u9fff“”]\s*[,:();]\s*[\u4e00-\u9fff“”]", body)


def test_numbers_and_times_unchanged():
    for path, gold in SEEDS:
        raw, md = raw_lines(path), markdown(path)
        content = " ".join(raw[n - 1] for n in gold["content_line_numbers"])
        tokens = set(re.findall(r"\d+(?:[.:]\d+)+%?", content))
        assert tokens
        for token in tokens:
            assert token in md, token


def test_no_punct_leaves_ascii_punctuation():
    path = SEEDS[0][0]
    md = markdown(path, restore_punctuation=False)
    assert "各镇(街道)教办" in md and "，" not in md and "（" not in md


def test_keep_boilerplate_keeps_and_still_records():
    for path, gold in SEEDS:
        outs = body_lines(markdown(path, keep_boilerplate=True))
        raw = raw_lines(path)
        assert all(kept(raw[n - 1], outs) for n in gold["boilerplate_line_numbers"]), gold["seed"]
        doc = converters.read(str(path), options=converters.ReadOptions(keep_boilerplate=True))
        assert {r.line for r in doc.removed} >= set(gold["boilerplate_line_numbers"])
        assert doc.metadata.signature == converters.read(str(path)).metadata.signature


def test_markdown_renders_through_markdown_it():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    for path, gold in SEEDS:
        md = markdown(path)
        body = md.split("---\n", 2)[2] if md.startswith("---\n") else md
        tokens = parser.parse(body)
        assert not any(t.type in ("html_block", "html_inline") for t in tokens)
        strong = sum(1 for t in tokens if t.type == "inline" for c in t.children if c.type == "strong_open")
        assert strong == body.count("**") // 2, gold["seed"]


@pytest.mark.parametrize("path,gold", SEEDS, ids=IDS)
def test_json_round_trip_of_a_read_seed(path, gold):
    doc = converters.read(str(path))
    back = converters.Document.from_json(doc.to_json())
    assert back == doc and back.removed == doc.removed
