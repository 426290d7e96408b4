#!/usr/bin/env python3
"""Write each sample's DOCX, its LibreOffice PDF render and a PNG of page 1 of one of them, under samples/output/.

    PYTHONPATH=. python samples/render_docx.py

Output per input `<stem>.txt`: `<stem>.docx`, `<stem>.docx-render.pdf` (LibreOffice headless with the font
mapping of converters.writers.docx.fontconfig), and `<PNG_OF>.docx-page1.png` (pdftoppm, 100 dpi).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import converters
from converters.writers.docx.libreoffice import to_pdf

HERE = Path(__file__).resolve().parent
PNG_OF = "000_39de4dd20927ae46"  # the sample with embedded documents and a 版记


def main() -> int:
    out = HERE / "output"
    out.mkdir(exist_ok=True)
    docx_paths = []
    for src in sorted((HERE / "input").glob("*.txt")):
        target = out / f"{src.stem}.docx"
        converters.write(converters.read(src), target, "docx", overwrite=True)
        docx_paths.append(target)
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in to_pdf(docx_paths, Path(tmp)):
            shutil.move(str(pdf), out / f"{pdf.stem}.docx-render.pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                        str(out / f"{PNG_OF}.docx-render.pdf"), str(out / f"{PNG_OF}.docx-page1")], check=True)
    else:
        print("pdftoppm not installed: no PNG written", file=sys.stderr)
    for path in sorted(out.glob("*.docx*")):
        print(path.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
