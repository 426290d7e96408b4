#!/usr/bin/env python3
"""Regenerate samples/output from samples/input in every output format this build can write, and a PNG of page 1
of one sample's PDF (the one the README shows).

Run from the checkout: `PYTHONPATH=. python samples/regenerate.py`. Formats whose writer is not available are
skipped with a note. samples/render_docx.py runs this first and then renders the DOCX files through LibreOffice.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import converters
from converters.options import ReadOptions
from converters.errors import FormatNotAvailable

HERE = Path(__file__).resolve().parent
OUT = HERE / "output"
FORMATS = ("md", "json", "docx", "pdf")
SHOWN = "004_f16029bfdd0df8c6"  # a 印发 notice with title, addressee, signature and an embedded document


def inputs() -> list[Path]:
    return sorted(p for p in (HERE / "input").iterdir() if not p.name.startswith("."))


def page1_png(pdf: Path, png: Path, dpi: int) -> None:
    """Page 1 of `pdf` as the image `png` (poppler's pdftoppm), or a note when pdftoppm is missing."""
    if not shutil.which("pdftoppm"):
        print(f"pdftoppm not installed: no PNG of {pdf.name}", file=sys.stderr)
        return
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for src in inputs():
        doc = converters.read(src, options=ReadOptions(source=f"samples/input/{src.name}"))  # no machine paths in samples
        for fmt in FORMATS:
            try:
                converters.write(doc, OUT / f"{src.stem}.{fmt}", fmt, overwrite=True)
            except FormatNotAvailable as exc:
                print(f"skip {fmt}: {exc.message}", file=sys.stderr)
    if (OUT / f"{SHOWN}.pdf").exists():
        page1_png(OUT / f"{SHOWN}.pdf", OUT / f"{SHOWN}-page1.png", dpi=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
