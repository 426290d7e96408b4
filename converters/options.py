"""Options travel in explicit records (as pandoc's ReaderOptions/WriterOptions), never in globals."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ReadOptions:
    keep_boilerplate: bool = False  # keep site chrome instead of removing it (removals are still listed)
    restore_punctuation: bool = True  # turn ASCII , : ( ) ; ? ! into full-width ones between CJK characters
    source: str | None = None  # path or URL recorded in metadata.source


@dataclass(frozen=True)
class WriteOptions:
    profile: str | Path | None = None  # layout profile name or TOML file; None = GB/T 9704 default
    issuer_mark: str | None = None  # 发文机关标志 to draw a 版头 with, overriding metadata
    doc_number: str | None = None  # 发文字号, overriding metadata
    embed_fonts: bool = False  # DOCX: embed the shipped open fonts
    font_dirs: tuple[Path, ...] = field(default_factory=tuple)  # user fonts that take precedence per role
