"""What every part of the DOCX writer shares while one document is written: the python-docx document, the
profile, the derived geometry, the face chosen for each font role, and a running estimate of page fill.

The page-fill estimate exists because the 版记 must sit at the bottom of the last page and must not cover body
text (§7.4): every paragraph is set on an exact line pitch in fixed-pitch faces, so the writer can count lines
as it goes and knows how full the last page is without a layout engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument

from ...layout.profile import Profile
from .geometry import Geometry


@dataclass
class Flow:
    """Twips used on the current page of the text area, advanced line by line."""

    page_height: int
    used: int = 0
    pages: int = 1

    def add_lines(self, count: int, pitch: int) -> None:
        for _ in range(count):
            if self.used + pitch > self.page_height:
                self.pages, self.used = self.pages + 1, 0
            self.used += pitch

    def add_height(self, twips: int) -> None:
        """A block of fixed height that is not split across pages (a spacer, a table row)."""
        if self.used + twips > self.page_height:
            self.pages, self.used = self.pages + 1, 0
        self.used += twips

    def new_page(self) -> None:
        if self.used:
            self.pages, self.used = self.pages + 1, 0

    def room(self) -> int:
        return self.page_height - self.used


@dataclass
class Context:
    docx: DocxDocument
    profile: Profile
    geometry: Geometry
    faces: dict[str, str]  # font role (fangsong, heiti …) → face name written into the DOCX
    flow: Flow = field(init=False)
    break_before_next: bool = False  # the next paragraph starts a new page
    under_heading: bool = False  # the next paragraph is the text under a heading

    def __post_init__(self) -> None:
        self.flow = Flow(self.geometry.text_h)

    def face(self, role: str) -> str:
        return self.faces[role]
