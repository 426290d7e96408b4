"""The intermediate document model (IR) every reader builds and every writer renders.

Plain dataclasses, in the spirit of pandoc's AST and mammoth's model: readers only build it, cleaning
rules only transform it, writers only walk it. Parts of an official document that have a fixed place in
the GB/T 9704 layout (addressee, signature, date, 附注, 抄送, 印发 …) live in `Metadata`, so every writer
puts them where the layout wants them; flowing text lives in `blocks`. A notice that wraps other documents
(工作要点, 工作总结) carries them as `embedded` documents, each a full `Document` of its own.

Provenance (`Source`, `removed`) is kept for inspection and undo but excluded from equality, so two models
with the same content compare equal whichever reader built them.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any, Union

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Source:
    """Where a block came from: 1-based input line numbers, and the raw text when normalisation changed it."""

    lines: list[int] = field(default_factory=list)
    raw: str | None = None


@dataclass(slots=True)
class Run:
    """A stretch of inline text with uniform formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


_RUN_TEXT = attrgetter("text")


@dataclass(slots=True)
class Title:
    """The document title as printed (may be several source lines joined)."""

    text: str
    source: Source | None = field(default=None, compare=False)


@dataclass(slots=True)
class Heading:
    """A stand-alone heading. `level` 1–4 follows 一、/（一）/1./（1）; `marker` is the literal numbering
    ('' when the text has none) and is also the start of `text`, which is kept exactly as printed."""

    level: int
    text: str
    marker: str = ""
    source: Source | None = field(default=None, compare=False)


@dataclass(slots=True)
class Paragraph:
    """Body text. When `lead_level` is set, `runs[0]` is a bold run-in heading lead (level 1–5, 5 = 一是-style)."""

    runs: list[Run]
    lead_level: int | None = None
    align: str | None = None  # layout hint from the source ('center', 'right'); never required
    source: Source | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        runs = self.runs  # most paragraphs are one run: skip the join on this hot path
        return runs[0].text if len(runs) == 1 else "".join(map(_RUN_TEXT, runs))  # map: no Python-level loop


@dataclass(slots=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of runs."""

    items: list[list[Run]]
    ordered: bool = False
    source: Source | None = field(default=None, compare=False)


@dataclass(slots=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass(slots=True)
class Table:
    """A table as rows of cells; a spanned cell appears once, at its top-left position."""

    rows: list[list[Cell]]
    source: Source | None = field(default=None, compare=False)


@dataclass(slots=True)
class Quote:
    blocks: list["Block"]
    source: Source | None = field(default=None, compare=False)


@dataclass(slots=True)
class Image:
    """An image reference. Remote images are recorded, never fetched."""

    src: str
    alt: str = ""
    source: Source | None = field(default=None, compare=False)


@dataclass(slots=True)
class PageBreak:
    source: Source | None = field(default=None, compare=False)


Block = Union[Title, Heading, Paragraph, ListBlock, Table, Quote, Image, PageBreak]
BLOCK_TYPES: dict[str, type] = {c.__name__.lower(): c for c in (Title, Heading, Paragraph, ListBlock, Table, Quote, Image, PageBreak)}


@dataclass(slots=True)
class Attachment:
    """One entry of the 附件 list: its name as printed and, when the source linked it, a URL."""

    name: str
    url: str | None = None


@dataclass(slots=True)
class Removal:
    """A line or block dropped from the document, with the rule that dropped it and why."""

    text: str
    reason: str
    rule: str
    line: int | None = None


@dataclass(slots=True)
class Metadata:
    """Document parts with a fixed place in the layout, plus site metadata. Strings are as printed."""

    title: str | None = None
    doc_number: str | None = None  # 发文字号
    issuer: str | None = None  # 发文机关
    issuer_mark: str | None = None  # 发文机关标志
    addressee: str | None = None  # 主送机关, with its trailing colon
    signature: str | None = None  # 署名
    date: str | None = None  # 成文日期
    note: str | None = None  # 附注, with its parentheses
    attachments: list[Attachment] = field(default_factory=list)
    cc: str | None = None  # 抄送 value, without the label
    printed_by: str | None = None  # 印发机关
    print_date: str | None = None  # 印发日期
    copy_number: str | None = None  # 份号
    classification: str | None = None  # 密级和保密期限
    urgency: str | None = None  # 紧急程度
    signer: str | None = None  # 签发人
    source: str | None = None  # URL or path the document was read from
    publish_date: str | None = None  # the site's publishing date (not the 成文日期)
    site: dict[str, str] = field(default_factory=dict)  # other site metadata, label → value (索引号 …)
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys from front matter, kept verbatim

    def printed_doc_number(self) -> str | None:
        """The 发文字号 as the document itself printed it. A number that only the site's metadata table gave is
        not part of the notice's text, so writers keep it out of the page (it stays in the metadata)."""
        if self.doc_number and self.doc_number not in self.site.values():
            return self.doc_number
        return None


@dataclass(slots=True)
class Document:
    metadata: Metadata = field(default_factory=Metadata)
    blocks: list[Block] = field(default_factory=list)
    embedded: list["Document"] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list, compare=False)
    warnings: list[str] = field(default_factory=list, compare=False)

    def walk(self):
        """Yield this document and every embedded document, depth first."""
        yield self
        for sub in self.embedded:
            yield from sub.walk()

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **_encode(self)}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {version} (this version reads {SCHEMA_VERSION})")
        return _decode_document(data)

    @classmethod
    def from_json(cls, text: str) -> "Document":
        return cls.from_dict(json.loads(text))


def _encode(doc: Document) -> dict[str, Any]:
    return {
        "metadata": asdict(doc.metadata),
        "blocks": [_encode_block(b) for b in doc.blocks],
        "embedded": [_encode(d) for d in doc.embedded],
        "removed": [asdict(r) for r in doc.removed],
        "warnings": list(doc.warnings),
    }


def _encode_block(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type(block).__name__.lower()}
    for f in fields(block):
        value = getattr(block, f.name)
        if f.name == "blocks":
            out[f.name] = [_encode_block(b) for b in value]
        elif value is not None:
            out[f.name] = asdict(value) if f.name == "source" else _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


def _decode_document(data: dict[str, Any]) -> Document:
    meta = dict(data.get("metadata", {}))
    meta["attachments"] = [Attachment(**a) for a in meta.get("attachments", [])]
    return Document(
        metadata=Metadata(**meta),
        blocks=[_decode_block(b) for b in data.get("blocks", [])],
        embedded=[_decode_document(d) for d in data.get("embedded", [])],
        removed=[Removal(**r) for r in data.get("removed", [])],
        warnings=list(data.get("warnings", [])),
    )


def _decode_block(data: dict[str, Any]) -> Block:
    data = dict(data)
    cls = BLOCK_TYPES[data.pop("type")]
    if "source" in data:
        data["source"] = Source(**data["source"])
    if "runs" in data:
        data["runs"] = [Run(**r) for r in data["runs"]]
    if "items" in data:
        data["items"] = [[Run(**r) for r in item] for item in data["items"]]
    if "rows" in data:
        data["rows"] = [[Cell(**c) for c in row] for row in data["rows"]]
    if "blocks" in data:
        data["blocks"] = [_decode_block(b) for b in data["blocks"]]
    return cls(**data)
