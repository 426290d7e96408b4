#!/usr/bin/env python3
"""Regenerate the samples (samples/regenerate.py), then render every sample DOCX through LibreOffice.

    PYTHONPATH=. python samples/render_docx.py

Output per input `<stem>.txt`, besides what regenerate.py writes: `<stem>.docx-render.pdf` (LibreOffice headless
with the font mapping of converters.writers.docx.fontconfig). One sample is also written with an issuing-organ
mark given as an option (`--issuer-mark`, the seeds carry none), as `<SHOWN>-issuer-mark.docx` and its render,
and page 1 of that render becomes `<SHOWN>-issuer-mark.docx-page1.png` (pdftoppm, 100 dpi).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import regenerate
from regenerate import HERE, OUT, SHOWN, inputs, page1_png

import converters
from converters.options import ReadOptions
from converters.options import WriteOptions
from converters.writers.docx.libreoffice import to_pdf


def main() -> int:
    regenerate.main()
    docx_paths = [OUT / f"{src.stem}.docx" for src in inputs()]
    src = next(src for src in inputs() if src.stem == SHOWN)
    doc = converters.read(src, options=ReadOptions(source=f"samples/input/{src.name}"))
    marked = OUT / f"{SHOWN}-issuer-mark.docx"
    mark = f"{doc.metadata.signature or doc.metadata.issuer}文件"
    converters.write(doc, marked, "docx", WriteOptions(issuer_mark=mark), overwrite=True)
    docx_paths.append(marked)
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in to_pdf(docx_paths, Path(tmp)):
            shutil.move(str(pdf), OUT / f"{pdf.stem}.docx-render.pdf")
    page1_png(OUT / f"{SHOWN}-issuer-mark.docx-render.pdf", OUT / f"{SHOWN}-issuer-mark.docx-page1.png", dpi=100)
    for path in sorted(OUT.glob("*.docx*")):
        print(path.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
