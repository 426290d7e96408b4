"""Helpers for the DOCX tests: render a DOCX through LibreOffice with the font mapping, and measure the PDF."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from converters.writers.docx.fontconfig import write_fonts_conf

MM = 25.4 / 72  # PDF points → millimetres
EM_ASCENT = 0.88  # a CJK em box spans 0.88 em above the baseline and 0.12 em below


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


def to_pdf(docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert DOCX files to PDF in one LibreOffice run with a private profile and the font mapping."""
    outdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gw-lo-"))
    try:
        conf = write_fonts_conf(work / "fonts.conf", cache_dir=work / "fc-cache")
        env = dict(os.environ, HOME=str(work), FONTCONFIG_FILE=str(conf))
        cmd = [soffice(), f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_paths)]
        subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pdfs = [outdir / (p.stem + ".pdf") for p in docx_paths]
    missing = [p for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


@dataclass
class Line:
    """A text line of a PDF page: its characters (pdfplumber dicts), text, and top/bottom/x0/x1 in mm."""

    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars) * MM

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars) * MM

    @property
    def baseline(self) -> float:
        ch = self.chars[0]
        return (ch["top"] + ch["y1"] - ch["matrix"][5]) * MM

    @property
    def size(self) -> float:
        """Font size in points (the largest on the line)."""
        return max(c["size"] for c in self.chars)

    @property
    def em_top(self) -> float:
        """Top of the CJK em box (0.88 em above the baseline): the "top edge" of a line of Chinese characters."""
        return self.baseline - EM_ASCENT * self.size * MM

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.chars) * MM

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars) * MM


def page_lines(page) -> list[Line]:
    """Group a page's characters into lines by baseline (characters within 2 pt share a line)."""
    lines: list[list[dict]] = []
    for ch in sorted(page.chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        if not ch["text"].strip():
            continue
        if lines and abs(lines[-1][0]["bottom"] - ch["bottom"]) < 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [Line(sorted(chars, key=lambda c: c["x0"])) for chars in lines]


def pdffonts(pdf: Path) -> list[str]:
    """Font names used in a PDF (pdffonts), without subset prefixes."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    return [n.split("+", 1)[-1] for n in names]


FANDOL_FANG = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf")


def make_test_fonts(directory: Path, families: list[str], text: str) -> None:
    """Stand-in faces for embedding tests: FandolFang cut down to `text` and renamed to each family. FandolFang is
    not in the system font configuration, so a PDF that shows these names got them from the DOCX."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    if not FANDOL_FANG.exists():
        pytest.skip(f"{FANDOL_FANG} is needed to build test fonts")
    directory.mkdir(parents=True, exist_ok=True)
    for family in families:
        font = TTFont(FANDOL_FANG)
        options = subset.Options()
        options.name_IDs = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text + "0123456789—")
        subsetter.subset(font)
        names = font["name"]
        for record in list(names.names):
            if record.nameID in (1, 3, 4, 6, 16, 17):
                names.removeNames(nameID=record.nameID)
        for name_id, value in ((1, family), (4, family), (6, family), (16, family)):
            names.setName(value, name_id, 3, 1, 0x409)
        font["OS/2"].fsType = 0
        cff = font["CFF "].cff
        cff.fontNames = [family]  # the PostScript name a PDF shows
        cff[0].FullName = cff[0].FamilyName = family
        font.save(directory / f"{family}.otf")
