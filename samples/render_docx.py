#!/usr/bin/env python3
"""Write each sample's DOCX, its LibreOffice PDF render and a PNG of page 1 of one of them, under samples/output/.

    PYTHONPATH=. python samples/render_docx.py

Output per input `<stem>.txt`: `<stem>.docx` and `<stem>.docx-render.pdf` (LibreOffice headless with the font
mapping of converters.writers.docx.fontconfig). One sample is also written with an issuing-organ mark given as
an option (`--issuer-mark`, the seeds carry none), as `<MARKED>-issuer-mark.docx` and its render, and page 1 of
that render becomes `<MARKED>-issuer-mark.docx-page1.png` (pdftoppm, 100 dpi).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import converters
from converters.options import WriteOptions
from converters.writers.docx.libreoffice import to_pdf

HERE = Path(__file__).resolve().parent
MARKED = "004_f16029bfdd0df8c6"  # a 印发 notice with title, addressee, signature and an embedded document


def main() -> int:
    out = HERE / "output"
    out.mkdir(exist_ok=True)
    docx_paths = []
    for src in sorted((HERE / "input").glob("*.txt")):
        doc = converters.read(src)
        target = out / f"{src.stem}.docx"
        converters.write(doc, target, "docx", overwrite=True)
        docx_paths.append(target)
        if src.stem == MARKED:
            marked = out / f"{src.stem}-issuer-mark.docx"
            mark = f"{doc.metadata.signature or doc.metadata.issuer}文件"
            converters.write(doc, marked, "docx", WriteOptions(issuer_mark=mark), overwrite=True)
            docx_paths.append(marked)
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in to_pdf(docx_paths, Path(tmp)):
            shutil.move(str(pdf), out / f"{pdf.stem}.docx-render.pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                        str(out / f"{MARKED}-issuer-mark.docx-render.pdf"), str(out / f"{MARKED}-issuer-mark.docx-page1")],
                       check=True)
    else:
        print("pdftoppm not installed: no PNG written", file=sys.stderr)
    for path in sorted(out.glob("*.docx*")):
        print(path.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
