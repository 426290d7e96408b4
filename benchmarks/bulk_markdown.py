#!/usr/bin/env python3
"""Bulk Markdown throughput and memory: gwconv against pandoc, measured in the same run on the same notices.

Generates COUNT notices from the seed text dumps (each varied: its own document number, a numbered line, two body
paragraphs swapped) and, when this build reads HTML, from the saved HTML samples; converts the folder with
`gwconv convert DIR -o OUT -t md -j JOBS --quiet` in a subprocess, then converts the same files one by one with
pandoc (`-f markdown` or `-f html`, `-t gfm`, JOBS at a time), sampling the resident memory of each process tree.
Pandoc converts half of its share before gwconv runs and half after, so a machine that speeds up or slows down
during a long run (a shared VM does) weighs on both tools alike.
Prints documents/second, peak RSS and the ratio. With --flat-check N, gwconv first converts only the first N
notices, to show that peak memory does not grow with the number of documents. With --engine-check, the folder is
converted once more with `--engine dask` and every output compared byte for byte with the local engine's.

    python benchmarks/bulk_markdown.py                                  # 10,000 notices
    python benchmarks/bulk_markdown.py --count 500                      # a quick run
    python benchmarks/bulk_markdown.py --count 100000 --flat-check 10000 --pandoc-count 2000
    python benchmarks/bulk_markdown.py --count 10000 --engine-check                  # dask gives the same bytes
"""
from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_HTML = ROOT.parent / "shared" / "samples-html"
DOC_NUMBER = re.compile(r"〔(\d{4})〕(\d+)号")
PER_FOLDER = 1000


def vary_html(page: str, n: int) -> str:
    """A distinct saved page: renumbered, with one numbered paragraph added after the first."""
    page = DOC_NUMBER.sub(lambda m: f"〔{m.group(1)}〕{n % 997 + 1}号", page, count=1)
    return page.replace("</p>", f"</p><p>本文件为第{n}份样本。</p>", 1)


def vary(seed: str, n: int) -> str:
    """A distinct notice from a seed: renumbered, one numbered line added, two long body paragraphs swapped."""
    rng = random.Random(n)
    lines = DOC_NUMBER.sub(lambda m: f"〔{m.group(1)}〕{n % 997 + 1}号", seed, count=1).splitlines()
    long = [i for i, line in enumerate(lines) if len(line) > 60]
    if len(long) >= 2:
        a, b = rng.sample(long, 2)
        lines[a], lines[b] = lines[b], lines[a]
    lines.insert(min(len(lines), 3 + rng.randrange(5)), f"本文件为第{n}份样本。")
    return "\n".join(lines) + "\n"


def generate(sources: list[tuple[str, str]], count: int, folder: Path) -> list[Path]:
    """COUNT notices in sub-folders of PER_FOLDER (as a crawl is usually laid out); sources are (suffix, content)."""
    paths = []
    for n in range(count):
        suffix, content = sources[n % len(sources)]
        path = folder / f"{n // PER_FOLDER:04d}" / f"notice_{n:07d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text((vary_html if suffix == ".html" else vary)(content, n), encoding="utf-8")
        paths.append(path)
    return paths


def load_sources(seeds: Path, html: Path) -> list[tuple[str, str]]:
    """Seed text dumps, plus the saved HTML pages when this build has an HTML reader."""
    sources = [(".txt", p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    sys.path.insert(0, str(ROOT))
    from converters import readers
    from converters.errors import FormatNotAvailable

    try:
        readers.get_reader("html")
    except FormatNotAvailable:
        print("(no HTML reader in this build: text dumps only)")
        return sources
    return sources + [(".html", p.read_text(encoding="utf-8")) for p in sorted(html.glob("*.html"))]


@dataclass
class Measure:
    seconds: float
    peak_tree_rss: int  # bytes: largest sum of RSS over the process tree at one sample
    peak_process_rss: int  # bytes: largest RSS of a single process in the tree


class TreeSampler:
    """Samples the summed RSS of this process's children (and their children) every `interval` seconds."""

    def __init__(self, interval: float = 0.05):
        self.interval, self.peak_tree, self.peak_process = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in me.children(recursive=True):
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peak_process = max(self.peak_process, rss)
            self.peak_tree = max(self.peak_tree, total)
            self._stop.wait(self.interval)


def run_gwconv(inputs: list[Path], out: Path, jobs: int, engine: str = "local") -> Measure:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "converters", "convert", *map(str, inputs), "-o", str(out), "-t", "md", "-j", str(jobs),
           "--engine", engine, "--quiet"]
    with TreeSampler() as sampler:
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"gwconv failed ({done.returncode}): {done.stderr[-2000:]}")
    print(f"  gwconv: {done.stderr.strip().splitlines()[0]}")
    return Measure(seconds, sampler.peak_tree, sampler.peak_process)


def run_pandoc(paths: list[Path], out: Path, jobs: int) -> Measure:
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    out.mkdir(parents=True, exist_ok=True)

    def one(path: Path) -> None:
        target = out / f"{path.stem}.md"
        source = "html" if path.suffix == ".html" else "markdown"
        subprocess.run([pandoc, "--quiet", "-f", source, "-t", "gfm", str(path), "-o", str(target)], check=True,
                       stderr=subprocess.DEVNULL)

    with TreeSampler() as sampler, ThreadPoolExecutor(jobs) as pool:
        start = time.perf_counter()
        list(pool.map(one, paths))
        seconds = time.perf_counter() - start
    return Measure(seconds, sampler.peak_tree, sampler.peak_process)


def same_outputs(left: Path, right: Path) -> tuple[int, list[str]]:
    """(files compared, relative paths that differ or exist on one side only)."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    differ = [str(n) for n in sorted(names) if not (left / n).is_file() or not (right / n).is_file()
              or (left / n).read_bytes() != (right / n).read_bytes()]
    return len(names), differ


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="notices to generate (default 10,000)")
    parser.add_argument("--pandoc-count", type=int, help="notices to give pandoc (default: all; its docs/s is per document)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="parallel processes for both tools (default 2)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed .txt notices")
    parser.add_argument("--html", type=Path, default=DEFAULT_HTML, help="folder of saved .html notices")
    parser.add_argument("--flat-check", type=int, metavar="N", help="also convert only the first N notices and compare peak RSS")
    parser.add_argument("--engine-check", action="store_true", help="also convert with --engine dask and compare bytes")
    parser.add_argument("--workdir", type=Path, help="keep generated inputs and outputs here (default: a temp dir)")
    args = parser.parse_args()

    sources = load_sources(args.seeds, args.html)
    if not sources:
        sys.exit(f"no seed .txt files in {args.seeds}")
    with tempfile.TemporaryDirectory(prefix="gwconv-bench-") as tmp:
        work = args.workdir or Path(tmp)
        paths = generate(sources, args.count, work / "in")
        size = sum(p.stat().st_size for p in paths)
        print(f"{args.count} notices, {size / 2**20:.1f} MB, {args.jobs} processes each (machine: {os.cpu_count()} cores)")
        sample = paths[: args.pandoc_count or len(paths)]
        half = len(sample) // 2
        before = run_pandoc(sample[:half], work / "out-pandoc", args.jobs)
        small = None
        if args.flat_check:
            folders = sorted((work / "in").iterdir())[: max(1, args.flat_check // PER_FOLDER)]
            small = run_gwconv(folders, work / "out-small", args.jobs)
        ours = run_gwconv([work / "in"], work / "out-gwconv", args.jobs)
        if args.engine_check:
            on_dask = run_gwconv([work / "in"], work / "out-dask", args.jobs, engine="dask")
            compared, differ = same_outputs(work / "out-gwconv", work / "out-dask")
            print(f"  dask engine: {args.count / on_dask.seconds:.1f} docs/s; {compared} outputs compared, "
                  f"{len(differ)} differ {differ[:5] if differ else '(byte for byte identical)'}")
        after = run_pandoc(sample[half:], work / "out-pandoc", args.jobs)
        theirs = Measure(before.seconds + after.seconds, max(before.peak_tree_rss, after.peak_tree_rss),
                         max(before.peak_process_rss, after.peak_process_rss))

    ours_rate, theirs_rate = args.count / ours.seconds, len(sample) / theirs.seconds
    print(f"gwconv: {ours_rate:8.1f} docs/s ({ours.seconds:.1f} s), peak RSS {mb(ours.peak_tree_rss)} "
          f"(process tree), {mb(ours.peak_process_rss)} (largest process)")
    if small:
        growth = ours.peak_tree_rss / small.peak_tree_rss - 1
        print(f"        peak RSS at {args.flat_check}: {mb(small.peak_tree_rss)}, at {args.count}: "
              f"{mb(ours.peak_tree_rss)} ({growth:+.0%})")
    print(f"pandoc: {theirs_rate:8.1f} docs/s ({theirs.seconds:.1f} s for {len(sample)}), peak RSS "
          f"{mb(theirs.peak_tree_rss)} (process tree), {mb(theirs.peak_process_rss)} (largest process)")
    print(f"ratio:  {ours_rate / theirs_rate:.1f}x pandoc's throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
