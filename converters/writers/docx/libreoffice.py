"""Rendering DOCX files to PDF with LibreOffice headless, with the font mapping of `fontconfig`.

Used by the tests that measure the layout and by samples/render_docx.py; usable by anyone who wants a PDF
that shows what an office PC with the customary fonts would show. Each run gets a private profile directory,
so parallel runs do not clash over LibreOffice's lock.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import ConversionError, FormatNotAvailable
from .fontconfig import write_fonts_conf


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_paths: list[Path], outdir: Path, mapping: bool = True, timeout: int = 600) -> list[Path]:
    """Convert DOCX files to PDF in `outdir` in one LibreOffice run; return the PDF paths in order.

    Without `mapping` the system font configuration is used as it is (to test fonts embedded in the DOCX)."""
    program = soffice()
    if program is None:
        raise FormatNotAvailable("LibreOffice (soffice) is not installed; it is needed to render DOCX to PDF")
    outdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gwconv-lo-"))
    try:
        env = dict(os.environ, HOME=str(work))
        env.pop("FONTCONFIG_FILE", None)
        if mapping:
            env["FONTCONFIG_FILE"] = str(write_fonts_conf(work / "fonts.conf", cache_dir=work / "fc-cache"))
        cmd = [program, f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_paths)]
        subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=timeout)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise ConversionError(f"LibreOffice failed to convert: {exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pdfs = [outdir / (Path(p).stem + ".pdf") for p in docx_paths]
    missing = [str(p) for p in pdfs if not p.exists()]
    if missing:
        raise ConversionError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
    return pdfs
