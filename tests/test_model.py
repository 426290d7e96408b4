"""The document model's JSON form round-trips and ignores provenance in equality."""
from converters.model import (Attachment, Cell, Document, Heading, Metadata, Paragraph, Removal, Run, Source, Table,
                              Title)


def sample() -> Document:
    inner = Document(metadata=Metadata(title="某局2021年工作要点"), blocks=[Heading(1, "一、指导思想", "一、")])
    return Document(
        metadata=Metadata(title="关于印发的通知", doc_number="慈教〔2021〕1号", attachments=[Attachment("名单", "http://x/a.doc")],
                          site={"索引号": "1133/2021-1"}),
        blocks=[Title("关于印发的通知"), Paragraph([Run("一是抓好。", bold=True), Run("正文。")], lead_level=5,
                                                  source=Source([3], "一是抓好.正文.")),
                Table([[Cell("甲", header=True), Cell("乙", colspan=2)]])],
        embedded=[inner],
        removed=[Removal("首页", "navigation", "drop_navigation", 1)],
    )


def test_json_round_trip_keeps_everything():
    doc = sample()
    back = Document.from_json(doc.to_json())
    assert back == doc
    assert back.removed == doc.removed
    assert back.blocks[1].source == Source([3], "一是抓好.正文.")
    assert back.to_dict()["schema_version"] == 1


def test_equality_ignores_provenance_but_not_content():
    a, b = sample(), sample()
    b.removed.clear()
    b.blocks[1].source = None
    assert a == b
    b.blocks[1].runs[1].text = "别的。"
    assert a != b
