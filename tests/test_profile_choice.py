"""A layout profile named in a draft's front matter is used by both writers; the command line wins over it."""
from __future__ import annotations

import io

import pdfplumber
from docx import Document as DocxDocument

import converters
from converters.options import WriteOptions

DRAFT = """---
issuer_mark: 某某市教育局文件
profile: unit.toml
---

# 关于做好某项工作的通知

各学校：

现将有关事项通知如下。
"""


def _mark_colour(pdf: bytes):
    with pdfplumber.open(io.BytesIO(pdf)) as pages:
        char = next(c for c in pages.pages[0].chars if c["text"] == "某")
        return tuple(round(v, 2) for v in char["non_stroking_color"])


def _draft(tmp_path):
    (tmp_path / "unit.toml").write_text('[colors]\nred = "0000FF"\n', encoding="utf-8")
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return converters.read(path)


def test_front_matter_profile_reaches_the_pdf_and_docx(tmp_path):
    doc = _draft(tmp_path)
    assert _mark_colour(converters.render(doc, "pdf")) == (0.0, 0.0, 1.0)
    docx = DocxDocument(io.BytesIO(converters.render(doc, "docx")))
    mark = next(p for p in docx.paragraphs if "某某市" in p.text)
    colour = next(r.font.color.rgb for r in mark.runs if r.font.color.rgb) if any(r.font.color.rgb for r in mark.runs) \
        else mark.style.font.color.rgb
    assert str(colour) == "0000FF"


def test_command_line_profile_wins(tmp_path):
    doc = _draft(tmp_path)
    assert _mark_colour(converters.render(doc, "pdf", WriteOptions(profile="gbt9704"))) == (1.0, 0.0, 0.0)
