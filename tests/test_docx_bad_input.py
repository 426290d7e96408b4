"""Bad input: each converts or fails with a clear one-line message, and every DOCX written opens."""
from __future__ import annotations

import io

import docx
import pytest

from converters.errors import ConversionError
from converters.layout.metrics import text_width
from converters.model import Attachment, Document, Metadata, Paragraph, Run
from converters.options import WriteOptions
from converters.writers import docx as docx_writer
from helpers_docx import filler, page_lines, to_pdf


def _render(doc: Document, **options) -> docx.document.Document:
    return docx.Document(io.BytesIO(docx_writer.render(doc, WriteOptions(**options))))


def test_no_title():
    out = _render(Document(Metadata(addressee="各单位："), [Paragraph([Run("正文。")])]))
    assert [p.text for p in out.paragraphs] == ["各单位：", "正文。"]


def test_only_a_title():
    out = _render(Document(Metadata(title="关于做好安全工作的通知")))
    assert [p.text for p in out.paragraphs] == ["关于做好安全工作的通知"]


def test_empty_document():
    assert _render(Document()).paragraphs == []


def test_200_character_title():
    title = filler(200)
    out = _render(Document(Metadata(title=title), [Paragraph([Run("正文。")])]))
    lines = [p.text for p in out.paragraphs if p.style.name == "GW Title"]
    assert "".join(lines) == title and len(lines) == 10
    assert all(text_width(line) <= 20 for line in lines)


def _thirty() -> Document:
    meta = Metadata(title="关于印发三十个附件的通知", signature="某某局", date="2024年1月2日",
                    attachments=[Attachment(f"{n}.附件名称第{n}号", url=f"https://example.org/{n}.pdf") for n in range(1, 31)])
    return Document(meta, [Paragraph([Run("正文。")])])


def test_30_attachments():
    out = _render(_thirty())
    notes = [p.text for p in out.paragraphs if "附件名称" in p.text and p.style.name == "GW Body"]
    assert notes[0] == "附件：1.附件名称第1号" and notes[-1] == "30.附件名称第30号" and len(notes) == 30
    labels = [p.text for p in out.paragraphs if p.style.name == "GW Attachment Label"]
    assert labels == [f"附件{n}" for n in range(1, 31)]


FORBIDDEN = "正文\x00含\x07控制\x1b字符\ufffe和\uffff非法\ud800代理。"


def _forbidden() -> Document:
    return Document(Metadata(title="标题\x0c含换页", addressee="各单位\x01：", cc="某某\x02局。"),
                    [Paragraph([Run(FORBIDDEN)])])


def test_characters_xml_forbids_are_dropped():
    out = _render(_forbidden())
    texts = [p.text for p in out.paragraphs]
    assert texts[:3] == ["标题 含换页", "", "各单位："]  # a form feed in a title is whitespace
    assert "正文含控制字符和非法代理。" in texts


def test_500_page_body():
    body = [Paragraph([Run(filler(300, n % 40))]) for n in range(1000)]  # 1000 × 11 lines = 500 pages of 22
    data = docx_writer.render(Document(Metadata(title="超长文件"), body), WriteOptions())
    out = docx.Document(io.BytesIO(data))
    assert len(out.paragraphs) == 1002


def test_missing_fonts_for_embedding_fail_clearly(tmp_path):
    profile = tmp_path / "unit.toml"
    profile.write_text('[fonts]\nfangsong = { value = ["仿宋"], shipped = "NoSuchFace", clause = "5.2.2" }\n',
                       encoding="utf-8")
    with pytest.raises(ConversionError) as err:
        docx_writer.render(Document(Metadata(title="标题")),
                           WriteOptions(embed_fonts=True, font_dirs=(tmp_path,), profile=str(profile)))
    message = str(err.value)
    assert "\n" not in message and "NoSuchFace" in message and "cannot embed fonts" in message


def test_bad_profile_fails_clearly(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[page]\nmargin_top = 30\n", encoding="utf-8")
    with pytest.raises(ConversionError) as err:
        docx_writer.render(Document(Metadata(title="标题")), WriteOptions(profile=str(bad)))
    assert "margin_top" in str(err.value) and str(bad) in str(err.value)


def test_libreoffice_opens_the_bad_inputs(tmp_path):
    paths = []
    long_title = Document(Metadata(title=filler(200)), [Paragraph([Run("正文。")])])
    for name, doc in (("thirty", _thirty()), ("forbidden", _forbidden()), ("title", long_title)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(docx_writer.render(doc, WriteOptions()))
        paths.append(path)
    import pdfplumber

    thirty, forbidden, title = to_pdf(paths, tmp_path / "pdf")
    with pdfplumber.open(thirty) as pdf:
        firsts = [page_lines(page)[0].text for page in pdf.pages]
        assert firsts[-30:] == [f"附件{n}" for n in range(1, 31)]  # one page per attachment, after the notice
    with pdfplumber.open(forbidden) as pdf:
        assert "正文含控制字符和非法代理。" in "".join(line.text for line in page_lines(pdf.pages[0]))
    with pdfplumber.open(title) as pdf:
        lines = [line for line in page_lines(pdf.pages[0]) if abs(line.size - 22) < 0.1]
        assert len(lines) == 10 and all(len(line.text) <= 20 for line in lines)
        assert "".join(line.text for line in lines) == long_title.metadata.title
