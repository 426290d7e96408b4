#!/usr/bin/env python3
"""Pages per second of gwconv's PDF writer against LibreOffice (converting our DOCX) and pandoc (via LaTeX).

    PYTHONPATH=. python benchmarks/pdf_speed.py [--repeat 10] [--no-libreoffice] [--no-pandoc]

All three render the sample notices in samples/input. gwconv runs in this process pinned to one core, after the
fonts are registered once (as in a bulk worker); LibreOffice converts the DOCX files our DOCX writer produces,
in one headless batch and again one call per file (start-up included, as a one-file conversion pays it); pandoc
converts our Markdown with XeLaTeX or LuaLaTeX and the ctex class. A tool that is not installed, or a writer not
in this build, is skipped with a note.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

import converters
from converters.errors import FormatNotAvailable

ROOT = Path(__file__).resolve().parents[1]
INPUTS = sorted((ROOT / "samples" / "input").glob("*.txt"))


def pages_of(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


Timing = tuple[int, float, float]  # pages, wall-clock seconds, CPU seconds


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_gwconv(docs, repeat: int) -> Timing:
    converters.render(docs[0], "pdf")  # registers the fonts once, as a worker process does
    pages = sum(pages_of(converters.render(doc, "pdf")) for doc in docs) * repeat
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for doc in docs:
            converters.render(doc, "pdf")
    return pages, time.perf_counter() - start, time.process_time() - cpu


def bench_libreoffice(docs, work: Path, batch: bool) -> Timing | str:
    """LibreOffice converting our DOCX files: all in one call (its best case), or one call per document (as
    a one-file conversion runs)."""
    soffice = shutil.which("soffice")
    if not soffice:
        return "soffice not installed"
    try:
        files = [work / f"{n}.docx" for n in range(len(docs))]
        for doc, path in zip(docs, files):
            converters.write(doc, path, "docx", overwrite=True)
    except FormatNotAvailable as exc:
        return f"DOCX writer not available ({exc.message})"
    out = work / ("lo-batch" if batch else "lo-single")
    base = [soffice, f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless"]
    subprocess.run(base + ["--terminate_after_init"], capture_output=True, timeout=300)  # first-run set-up
    calls = [files] if batch else [[f] for f in files]
    start, cpu = time.perf_counter(), children_cpu()
    for group in calls:
        subprocess.run(base + ["--convert-to", "pdf", "--outdir", str(out), *map(str, group)], capture_output=True,
                       timeout=900, check=True)
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu
    return sum(pages_of(p.read_bytes()) for p in out.glob("*.pdf")), elapsed, cpu


def bench_pandoc(docs, work: Path) -> Timing | str:
    try:
        import pypandoc

        pandoc = pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        pandoc = shutil.which("pandoc")
    engine = next((e for e in ("xelatex", "lualatex") if shutil.which(e)), None)
    if not pandoc or not engine:
        return "pandoc or a CJK-capable LaTeX engine (xelatex, lualatex) not installed"
    sources = []
    for n, doc in enumerate(docs):
        sources.append(work / f"{n}.md")
        sources[-1].write_bytes(converters.render(doc, "md"))
    pages, elapsed, cpu = 0, 0.0, 0.0
    for src in sources:
        out = src.with_suffix(".pandoc.pdf")
        start, used = time.perf_counter(), children_cpu()
        done = subprocess.run([pandoc, str(src), "-o", str(out), f"--pdf-engine={engine}", "-V", "documentclass=ctexart"],
                              capture_output=True, timeout=900)
        elapsed, cpu = elapsed + time.perf_counter() - start, cpu + children_cpu() - used
        if done.returncode:
            error = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[0][:120]
            return f"pandoc with {engine} failed ({error}); the Debian packages texlive-xetex or texlive-luatex provide a working engine"
        pages += pages_of(out.read_bytes())
    return pages, elapsed, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="renderings of each sample for gwconv (default 10)")
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--no-pandoc", action="store_true")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs = [converters.read(p) for p in INPUTS]
    results: dict[str, Timing | str] = {"gwconv -t pdf (ReportLab)": bench_gwconv(docs, args.repeat)}
    with tempfile.TemporaryDirectory(prefix="gwconv-bench-") as tmp:
        work = Path(tmp)
        if not args.no_libreoffice:
            results["LibreOffice DOCX → PDF, one batch"] = bench_libreoffice(docs, work, batch=True)
            results["LibreOffice DOCX → PDF, one call per file"] = bench_libreoffice(docs, work, batch=False)
        if not args.no_pandoc:
            results["pandoc Markdown → PDF (LaTeX)"] = bench_pandoc(docs, work)
    ours = results["gwconv -t pdf (ReportLab)"]
    print(f"{len(docs)} sample notices; gwconv pinned to one core. CPU seconds are the fair measure on a shared"
          " machine; wall-clock seconds include waiting for the CPU.\n")
    print("| renderer | pages | wall s | CPU s | pages/s (wall) | pages/CPU-s | gwconv × faster (CPU) |")
    print("|---|---|---|---|---|---|---|")
    for name, result in results.items():
        if isinstance(result, str):
            print(f"| {name} | — | — | — | — | — | skipped: {result} |")
            continue
        pages, wall, cpu = result
        factor = (ours[0] / ours[2]) / (pages / cpu)
        print(f"| {name} | {pages} | {wall:.2f} | {cpu:.2f} | {pages / wall:.1f} | {pages / cpu:.1f} | {factor:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
