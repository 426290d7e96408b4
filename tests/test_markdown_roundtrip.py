"""Markdown written by the toolkit reads back to the same model, is a fixed point, and is clean CommonMark."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import converters
from converters.model import (Attachment, Cell, Document, Heading, ListBlock, Metadata, PageBreak, Paragraph, Quote, Run, Table,
                              Title)
from helpers_markdown import (HAND_BUILT, assert_same_document, commonmark_tokens, read_markdown, rich_notice,
                              write_markdown)


def _seeds(shared):
    return sorted((shared / "seeds").glob("*.txt"))


def test_every_seed_and_sample_dump_round_trips(shared):
    """The five seeds and the other-site dumps, read and cleaned by the text reader, then Markdown and back."""
    seeds = _seeds(shared)
    dumps = sorted((Path(__file__).parent / "data" / "extract").glob("*.txt"))
    assert len(seeds) == 5
    for path in seeds + dumps:
        doc = converters.read(path)
        markdown = write_markdown(doc)
        back = read_markdown(markdown, source=doc.metadata.source)
        assert_same_document(doc, back, path.name)
        assert write_markdown(back) == markdown, f"{path.name}: Markdown → Markdown is not a fixed point"


@pytest.mark.parametrize("name", sorted(HAND_BUILT))
def test_hand_built_documents_round_trip(name):
    doc = HAND_BUILT[name]()
    markdown = write_markdown(doc)
    back = read_markdown(markdown)
    assert_same_document(doc, back, name)
    assert write_markdown(back) == markdown


def test_the_draft_sample_is_a_fixed_point_after_one_pass():
    draft = Path(__file__).resolve().parents[1] / "samples" / "input" / "draft.md"
    doc = converters.read(draft)
    once = write_markdown(doc)
    back = read_markdown(once, source=str(draft))
    assert_same_document(doc, back)
    assert write_markdown(back) == once


def test_parts_print_in_reading_order_in_the_body():
    """The body alone (front matter stripped) holds every part line, where the layout puts it."""
    text = write_markdown(rich_notice()).decode()
    body = text.split("\n---\n", 1)[1]
    lines = [line for line in body.split("\n") if line]
    order = ["# 关于印发《某局2021年工作要点》的通知", "某市教育局文件", "慈教〔2021〕1号", "各镇（街道）教办，各直属学校：",
             "分页后的正文。", "附件：1．名单", "2．汇总表", "某市教育局", "2021年2月24日",
             "（此件公开发布）", "# 某局2021年工作要点", "某局", "二〇二一年一月五日", "# 某局2020年工作总结",
             "抄送：市委办，市政府办。", "某市教育局办公室 2021年2月24日印发"]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)
    assert lines[-2:] == order[-2:]


def test_rendered_markdown_has_no_html_and_every_heading_is_a_heading():
    doc = rich_notice()
    tokens = commonmark_tokens(write_markdown(doc))
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    headings = [t for t in tokens if t.type == "heading_open"]
    expected = sum(isinstance(b, Heading) for d in doc.walk() for b in d.blocks) + len(list(doc.walk())) \
        + sum(isinstance(b, Heading) for b in doc.blocks if isinstance(b, Quote) for b in b.blocks)
    assert len(headings) == expected
    texts = [t.content for t in tokens if t.type == "text"]
    assert any("<script>alert(1)</script>" in t for t in texts)
    assert [t for t in tokens if t.type == "strong_open"], "leads render bold in plain CommonMark"


def test_a_lead_ending_in_punctuation_renders_bold_before_chinese_text():
    doc = Document(blocks=[Paragraph([Run("一是抓好落实。", bold=True), Run("正文")], lead_level=5)])
    tokens = commonmark_tokens(write_markdown(doc))
    inline = [(t.type, t.content) for t in tokens if t.type in ("strong_open", "text", "strong_close") and
              (t.content or t.type != "text")]
    assert inline[:3] == [("strong_open", ""), ("text", "一是抓好落实。"), ("strong_close", "")]


# ---- property: any document in reader form round-trips -------------------------------------------------------

_TEXT = st.text(st.sampled_from(list("文字一二（）()、。：:,.*_#>-+=|[]<>&`\\!{} 1a")), min_size=1, max_size=12)
_WORD = _TEXT.map(str.strip).filter(bool)


def _runs(draw_runs):
    """Runs in reader form: no empty text, neighbours differ in formatting, emphasis without outer whitespace."""
    out: list[Run] = []
    for text, bold, italic, link in draw_runs:
        run = Run(text.strip() if (bold or italic) else text, bold, italic, "http://x.cn/a" if link else None)
        if not run.text or (out and (out[-1].bold, out[-1].italic, out[-1].href) == (run.bold, run.italic, run.href)):
            continue
        out.append(run)
    if out:
        out[0].text = out[0].text.lstrip()
        out[-1].text = out[-1].text.rstrip()
    return [r for r in out if r.text] or [Run("字")]


_RUNS = st.lists(st.tuples(_TEXT, st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=5).map(_runs)
_CELL = st.builds(Cell, _WORD, st.integers(1, 2), st.integers(1, 2), st.booleans())
_LOOKALIKES = ["各学校：", "某局", "2024年3月1日", "（此件公开发布）", "附件：名单", "2．表", "抄送：市政府。",
               "某局办公室 2024年3月2日印发", "某局文件", "某教〔2024〕3号"]
_BLOCK = st.one_of(
    st.builds(lambda text: Paragraph([Run(text)]), st.sampled_from(_LOOKALIKES)),
    st.builds(Paragraph, _RUNS, st.sampled_from([None, 1, 2, 3, 4, 5]), st.sampled_from([None, "center"])),
    st.builds(Heading, st.integers(1, 4), _WORD, st.sampled_from(["", "一、", "1."])),
    st.builds(ListBlock, st.lists(_RUNS, min_size=1, max_size=3), st.booleans()),
    st.builds(Table, st.lists(st.lists(_CELL, min_size=1, max_size=3), min_size=1, max_size=3)),
    st.builds(Quote, st.lists(st.builds(Paragraph, _RUNS), min_size=1, max_size=2)),
    st.builds(PageBreak),
)


_PART_VALUES = {"issuer_mark": "某局文件", "doc_number": "某教〔2024〕3号", "addressee": "各学校：", "signature": "某局",
                "date": "2024年3月1日", "note": "（此件公开发布）", "cc": "市政府。", "printed_by": "某局办公室",
                "print_date": "2024年3月2日"}
_METADATA = st.builds(
    lambda title, keys, attachments: Metadata(title=title, attachments=attachments,
                                              **{k: _PART_VALUES[k] for k in keys}),
    st.sampled_from([None, "标题", "关于开展检查的通知"]),
    st.sets(st.sampled_from(sorted(_PART_VALUES))),
    st.lists(st.builds(Attachment, _WORD, st.sampled_from([None, "http://x.cn/a.doc"])), max_size=2))
_BLOCKS = st.lists(_BLOCK, max_size=5)


def _with_markers(blocks):
    for block in blocks:
        if isinstance(block, Heading):
            block.text = block.marker + block.text
    return blocks


_DOCUMENT = st.builds(lambda meta, blocks, title_block: Document(
    metadata=meta, blocks=([Title("正文标题")] if title_block else []) + _with_markers(blocks)),
    _METADATA, _BLOCKS, st.booleans())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT, st.lists(_DOCUMENT, max_size=2))
def test_any_document_in_reader_form_round_trips(doc, embedded):
    doc.embedded = embedded
    if not (doc.blocks or doc.metadata.title or any(getattr(doc.metadata, k) for k in _PART_VALUES) or embedded):
        doc.blocks = [Paragraph([Run("字")])]  # an empty file is not a document
    markdown = write_markdown(doc)
    assert not [t for t in commonmark_tokens(markdown) if t.type in ("html_block", "html_inline")]
    back = read_markdown(markdown)
    assert_same_document(doc, back)
    assert write_markdown(back) == markdown


def test_parsing_in_chunks_gives_the_same_document(monkeypatch):
    """Large files are parsed in chunks cut at safe blank lines; tiny chunks must not change the result."""
    from converters.readers import markdown as reader
    markdown = write_markdown(rich_notice()) + "\n```\n代码\n\n块\n```\n\n- 列表\n\n- 松散\n\n> 引用\n\n> 续\n".encode("utf-8")
    whole = read_markdown(markdown)
    monkeypatch.setattr(reader, "CHUNK_CHARS", 8)
    assert len(reader._chunks(markdown.decode("utf-8"))) > 20
    chunked = read_markdown(markdown)
    assert_same_document(whole, chunked)
    assert [b.source for b in whole.blocks] == [b.source for b in chunked.blocks]
