"""Shared helpers for the Markdown tests: hand-built documents, a field-by-field comparison, markdown-it checks."""
from __future__ import annotations

from dataclasses import fields

from markdown_it import MarkdownIt

from converters.model import (Attachment, Cell, Document, Heading, Image, ListBlock, Metadata, PageBreak, Paragraph,
                              Quote, Run, Table, Title)
from converters.options import ReadOptions
from converters.readers import markdown as md_reader
from converters.writers import markdown as md_writer


def read_markdown(data: bytes, source: str | None = None) -> Document:
    return md_reader.read(data, ReadOptions(source=source))


def write_markdown(doc: Document) -> bytes:
    return md_writer.render(doc)


def assert_same_document(expected: Document, actual: Document, where: str = "document") -> None:
    """Compare two documents field by field, so a failure names the first field that differs."""
    for f in fields(Metadata):
        assert getattr(actual.metadata, f.name) == getattr(expected.metadata, f.name), f"{where}.metadata.{f.name}"
    assert len(actual.blocks) == len(expected.blocks), (where, [type(b).__name__ for b in actual.blocks])
    for n, (a, e) in enumerate(zip(actual.blocks, expected.blocks)):
        assert a == e, f"{where}.blocks[{n}]:\n  expected {e}\n  actual   {a}"
    assert len(actual.embedded) == len(expected.embedded), f"{where}.embedded"
    for n, (a, e) in enumerate(zip(actual.embedded, expected.embedded)):
        assert_same_document(e, a, f"{where}.embedded[{n}]")
    assert actual == expected


def commonmark_tokens(markdown: bytes) -> list:
    """Every token (inline children included) markdown-it-py makes of the text, as a plain CommonMark+GFM reader."""
    parser = MarkdownIt("commonmark").enable("table")
    out = []
    for tok in parser.parse(markdown.decode("utf-8")):
        out.append(tok)
        out.extend(tok.children or [])
    return out


def embedded_plan() -> Document:
    """A 工作要点 wrapped in a notice: headings of every level, leads of every kind, its own signature and date."""
    return Document(
        metadata=Metadata(title="某局2021年工作要点", signature="某局", date="二〇二一年一月五日"),
        blocks=[Heading(1, "一、指导思想", "一、"),
                Paragraph([Run("（一）提高政治站位。", bold=True), Run("全面提升党建质量。")], lead_level=2),
                Paragraph([Run("1.聚焦总目标：", bold=True), Run("积极争创。")], lead_level=3),
                Paragraph([Run("（1）加强领导。", bold=True), Run("落实责任。")], lead_level=4),
                Heading(2, "（二）改革驱动，靶向施策。", "（二）"),
                Paragraph([Run("拓展育人模式。", bold=True), Run("一是大力培育品牌。二是加强心理健康教育。")], lead_level=3),
                Heading(3, "1.聚焦“一体”总目标", "1."),
                Heading(4, "（1）细化任务", "（1）"),
                Paragraph([Run("一是抓好规范化。", bold=True), Run("选拔干部。")], lead_level=5)])


def rich_notice() -> Document:
    """Every block type, every part, attachments with and without URLs, site metadata and unknown keys."""
    return Document(
        metadata=Metadata(
            title="关于印发《某局2021年工作要点》的通知", doc_number="慈教〔2021〕1号", issuer="某市教育局",
            issuer_mark="某市教育局文件", addressee="各镇（街道）教办，各直属学校：", signature="某市教育局",
            date="2021年2月24日", note="（此件公开发布）",
            attachments=[Attachment("名单", "http://example.gov.cn/a b(1).doc"), Attachment("汇总表")],
            cc="市委办，市政府办。", printed_by="某市教育局办公室", print_date="2021年2月24日", copy_number="000123",
            classification="秘密★1年", urgency="特急", signer="张三", source="http://example.gov.cn/art/1.html",
            publish_date="2021-02-25", site={"索引号": "1133/2021-1", "主题分类": "教育"},
            extra={"profile": "gbt9704", "联系人": "李四", "tags": ["a", "b"]}),
        blocks=[
            Paragraph([Run("现将《某局2021年工作要点》印发给你们，请认真贯彻落实。")]),
            Paragraph([Run("一是抓好落实。", bold=True), Run("正文 <script>alert(1)</script> & R&D *星号* _下划线_ [方括号] `反引号` | 竖线 \\ 反斜杠")],
                      lead_level=5),
            Paragraph([Run("# 不是标题")]), Paragraph([Run("- 不是列表")]), Paragraph([Run("1. 不是编号")]),
            Paragraph([Run("> 不是引用")]), Paragraph([Run("{不是属性}")]), Paragraph([Run("---")]),
            Paragraph([Run("第一行\n第二行\n===")]),
            Paragraph([Run("前文"), Run("加粗。", bold=True), Run("中间"), Run("“斜体”", italic=True), Run("后文"),
                       Run("链接", href="http://example.com/?a=1&b=2"), Run("粗斜", bold=True, italic=True),
                       Run("粗体链接", bold=True, href="http://example.com/x_(y)")]),
            Paragraph([Run("居中的一行")], align="center"),
            Paragraph([Run("加粗开头但不是标题", bold=True), Run("。")]),
            Paragraph([Run("指定层级的引导语。", bold=True), Run("正文。")], lead_level=2),
            Heading(2, "1.层级与编号不一致", "1."),
            Heading(2, "没有编号的标题"), Heading(2, "#"), Heading(2, "井号结尾 ##"),
            Heading(1, "二、编号写在正文外", ""),
            ListBlock([[Run("甲项")], [Run("乙项"), Run("加粗", bold=True)], [Run("第一行\n第二行")]]),
            ListBlock([[Run("另一个列表")]]),
            ListBlock([[Run("第一步")], [Run("第二步")]], ordered=True),
            ListBlock([[Run("另一组步骤")]], ordered=True),
            Table([[Cell("序号", header=True), Cell("单位", header=True)], [Cell("1"), Cell("甲|乙 *丙*")]]),
            Table([[Cell("合并表头", header=True, colspan=2), Cell("备注", header=True, rowspan=2)],
                   [Cell("甲", header=True), Cell("乙", header=True)],
                   [Cell("跨两行", rowspan=2), Cell("1"), Cell("")], [Cell("2"), Cell("x")]]),
            Table([[Cell("无表头"), Cell("第二列")], [Cell("短行")]]),
            Quote([Paragraph([Run("引用的话。")]), Heading(2, "（三）引用中的标题", "（三）"),
                   Quote([Paragraph([Run("嵌套引用")])])]),
            Image("http://example.gov.cn/img/a b.png", "示意图 [1]"),
            PageBreak(),
            Paragraph([Run("分页后的正文。")]),
        ],
        embedded=[embedded_plan(),
                  Document(metadata=Metadata(title="某局2020年工作总结"),
                           blocks=[Heading(1, "一、主要成绩", "一、"),
                                   Paragraph([Run("成绩显著。")])])])


def untitled_wrapper() -> Document:
    """A notice whose dump lost its title and body: only embedded documents, one of them without a title line."""
    return Document(metadata=Metadata(doc_number="慈教〔2021〕1号", cc="宁波市教育局。"),
                    embedded=[Document(metadata=Metadata(title="要点"), blocks=[Paragraph([Run("正文")])]),
                              Document(blocks=[Paragraph([Run("没有标题的文件")])],
                                       embedded=[Document(metadata=Metadata(title="附表"))])])


def title_mismatch() -> Document:
    """Title blocks (readers may make them; the cleaning chain moves them to metadata): one differing from the
    metadata title, one without a metadata title, one equal to it."""
    return Document(metadata=Metadata(title="网页标题"), blocks=[Title("正文标题"), Paragraph([Run("正文")])],
                    embedded=[Document(blocks=[Title("附件标题")]),
                              Document(metadata=Metadata(title="同名"), blocks=[Title("同名"), Paragraph([Run("x")])])])


def parts_lookalikes() -> Document:
    """Body lines shaped like parts the metadata does not hold: they must stay body lines."""
    return Document(metadata=Metadata(title="关于开展检查的通知"), blocks=[Paragraph([Run("各学校：")]), Paragraph([Run("请认真开展检查。")]),
                            Paragraph([Run("附件：名单")]), Paragraph([Run("某局")]), Paragraph([Run("2021年2月24日")]),
                            Paragraph([Run("抄送：市政府。")]), Paragraph([Run("某局办公室 2021年2月24日印发")])])


HAND_BUILT = {"rich_notice": rich_notice, "untitled_wrapper": untitled_wrapper, "title_mismatch": title_mismatch,
              "parts_lookalikes": parts_lookalikes}
