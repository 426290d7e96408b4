#!/usr/bin/env python3
"""Regenerate samples/output from samples/input in every output format this build can write.

Run from anywhere: `python samples/regenerate.py`. Formats whose writer is not available are skipped with a note.
"""
from __future__ import annotations

import sys
from pathlib import Path

import converters
from converters.errors import FormatNotAvailable

HERE = Path(__file__).resolve().parent
FORMATS = ("md", "json", "docx", "pdf")


def main() -> int:
    out = HERE / "output"
    out.mkdir(exist_ok=True)
    for src in sorted((HERE / "input").iterdir()):
        if src.name.startswith("."):
            continue
        doc = converters.read(src)
        for fmt in FORMATS:
            try:
                converters.write(doc, out / f"{src.stem}.{fmt}", fmt, overwrite=True)
            except FormatNotAvailable as exc:
                print(f"skip {fmt}: {exc.message}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
