#!/usr/bin/env python3
"""DOCX writer speed: notices per second over the seed notices, on one core.

    PYTHONPATH=. python benchmarks/docx_speed.py [--rounds 10] [--seeds DIR]

Reads every seed once, then renders all of them `rounds` times in this process (one core) and reports
notices/second for rendering alone and for reading + rendering. Rates are per CPU second of this process, so
other work on a shared machine does not distort them; wall-clock rates are shown beside them.
Target: at least 20 notices/s per core.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import converters
from converters.options import WriteOptions
from converters.writers import docx as docx_writer

ROOT = Path(__file__).resolve().parents[1]
TARGET = 20.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    sources = sorted(args.seeds.glob("*.txt")) or sorted((ROOT / "samples" / "input").glob("*.txt"))
    docs = [converters.read(path) for path in sources]
    docx_writer.render(docs[0], WriteOptions())  # warm-up: imports and the profile cache
    count = len(sources) * args.rounds
    cpu, wall = _timed(lambda: [docx_writer.render(doc, WriteOptions()) for doc in docs], args.rounds)
    print(f"{len(sources)} notices × {args.rounds} rounds on one core")
    print(f"DOCX render:        {count / cpu:6.1f} notices/s per CPU second ({count / wall:5.1f}/s wall clock)")
    cpu, wall = _timed(lambda: [docx_writer.render(converters.read(p), WriteOptions()) for p in sources], args.rounds)
    print(f"read + DOCX render: {count / cpu:6.1f} notices/s per CPU second ({count / wall:5.1f}/s wall clock); "
          f"target ≥ {TARGET:.0f}/s per core: {'met' if count / cpu >= TARGET else 'NOT met'}")
    return 0


def _timed(work, rounds: int) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        work()
    return time.process_time() - cpu, time.perf_counter() - wall


if __name__ == "__main__":
    sys.exit(main())
