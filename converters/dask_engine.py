"""Running bulk conversion on dask (`pip install gwconv[dask]`), locally or on a cluster.

The work is the same pure function as on the local engine (`bulk.convert_batch` / `bulk.convert_document`); dask
only schedules it. Two inputs:

- a folder: the same tasks as the local engine, computed as dask tasks in waves of a few batches per worker, so
  outputs are byte for byte those of the local engine and memory stays flat;
- a Parquet or JSON Lines table of crawled pages (columns `url` and `html` and/or `text`): one task per
  partition, each writing one shard `part-NNNNN.<fmt>.jsonl` (a line `{"url", "content"}` per converted page).

Both report every document through the same streamed report as a local run. Without `scheduler`, dask's local
process scheduler runs on a process pool of `jobs` workers; with `scheduler` (a `tcp://host:8786` address, needs
dask.distributed, part of the `[dask]` extra) the same graph runs on that cluster, whose workers must see the input and
output paths. Cluster workers run tasks in threads, where the per-document time limit (SIGALRM) cannot act.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

from .atomic import write_bytes
from .bulk import Settings, StopFlag, Task, batches, collect, convert_batch, convert_document, worker_init
from .errors import ConversionError, FormatNotAvailable, InputError
from .report import CONVERTED, FAILED, SKIPPED, DocReport, Summary

TABLE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}
TEXT_FORMATS = ("md", "json")  # shards are JSON Lines, so they hold text outputs only
BATCH = 64  # documents per dask task for folder input
JSONL_BLOCK = 16 * 2**20  # bytes of JSON Lines per partition


def is_table(path: str) -> bool:
    return Path(path).suffix.lower() in TABLE_SUFFIXES and Path(path).is_file()


@contextmanager
def scheduler(jobs: int, address: str | None = None) -> Iterator[None]:
    """Make dask compute on `address`'s cluster, or locally on one reused pool of `jobs` forked worker processes."""
    import dask

    if address:
        try:
            from distributed import Client
        except ImportError:
            raise FormatNotAvailable("a cluster scheduler needs dask.distributed (pip install 'gwconv[dask]')") from None
        with Client(address):
            yield
        return
    with ProcessPoolExecutor(jobs, initializer=worker_init) as pool:
        with dask.config.set(scheduler="processes", pool=pool, num_workers=jobs):
            yield


def engine(address: str | None = None):
    """A `bulk.run` engine computing the tasks with dask, in waves of two batches per worker."""

    def convert_on_dask(tasks: Iterator[Task], settings: Settings, jobs: int, stop: StopFlag) -> Iterator[DocReport]:
        import dask

        pending = batches(tasks, BATCH)
        with scheduler(jobs, address):
            while not stop.requested and (wave := list(islice(pending, 2 * jobs))):
                for reports in dask.compute(*[dask.delayed(convert_batch)(b, settings) for b in wave]):
                    yield from reports

    return convert_on_dask


def convert_table(path: str, output: str, settings: Settings, jobs: int, report: str | None = None,
                  address: str | None = None) -> Summary:
    """Convert every page of a Parquet/JSON Lines table into shards under `output`."""
    if settings.to not in TEXT_FORMATS:
        raise FormatNotAvailable(f"table input writes JSON Lines shards of md or json, not {settings.to}", path)
    jobs = jobs or os.cpu_count() or 1
    frame = _read_table(path)
    columns = set(frame.columns)
    if "url" not in columns or not columns & {"html", "text"}:
        found = ", ".join(map(str, frame.columns))
        raise InputError(f"a table needs a 'url' column and an 'html' or 'text' column (found: {found})", path)

    def produce(record, stop: StopFlag) -> Iterator[DocReport]:
        import dask

        parts = frame.to_delayed()
        with scheduler(jobs, address):
            for first in range(0, len(parts), 2 * jobs):
                if stop.requested:
                    return
                wave = [dask.delayed(convert_partition)(part, n, output, settings)
                        for n, part in enumerate(parts[first:first + 2 * jobs], first)]
                try:
                    results = dask.compute(*wave)
                except ConversionError:
                    raise
                except Exception as exc:  # reading a partition failed (malformed line, damaged row group)
                    raise _unreadable(path, exc) from None
                for reports in results:
                    yield from reports

    return collect(produce, settings, jobs, report)


def _read_table(path: str):
    import dask.dataframe as dd

    try:
        if TABLE_SUFFIXES[Path(path).suffix.lower()] == "parquet":
            return dd.read_parquet(path)
        return dd.read_json(path, lines=True, blocksize=JSONL_BLOCK, dtype=False)
    except Exception as exc:  # pyarrow and pandas raise many types for a malformed table
        raise _unreadable(path, exc) from None


def _unreadable(path: str, exc: Exception) -> InputError:
    return InputError(f"cannot read the table: {type(exc).__name__}: {' '.join(str(exc).split())}", path)


def shard_path(output: str, number: int, fmt: str) -> str:
    return os.path.join(output, f"part-{number:05d}.{fmt}.jsonl")


def convert_partition(part: Any, number: int, output: str, settings: Settings) -> list[DocReport]:
    """Convert the pages of one partition (a pandas DataFrame) and write its shard; one report per page."""
    shard = shard_path(output, number, settings.to)
    rows = part.to_dict("records")
    if os.path.lexists(shard) and not settings.overwrite:
        return [DocReport(str(row.get("url")), shard, SKIPPED, "output exists") for row in rows]
    lines, reports = [], []
    for row in rows:
        url = str(row.get("url"))
        data, fmt = _page(row)
        if data is None:
            reports.append(DocReport(url, shard, FAILED, "no html or text in this row"))
            continue
        out, rep = convert_document(data, url, settings, fmt)
        rep.output = shard
        reports.append(rep)
        if out is not None:
            lines.append(json.dumps({"url": url, "content": out.decode("utf-8")}, ensure_ascii=False))
    try:
        write_bytes(shard, ("\n".join(lines) + "\n" if lines else "").encode("utf-8"), overwrite=settings.overwrite)
    except OSError as exc:
        for rep in reports:
            if rep.status == CONVERTED:
                rep.status, rep.reason = FAILED, f"cannot write {shard}: {exc.strerror or exc}"
    return reports


def _page(row: dict) -> tuple[bytes | None, str | None]:
    """The page's bytes and input format: html when the row has it, else text."""
    for column, fmt in (("html", "html"), ("text", "text")):
        value = row.get(column)
        if isinstance(value, bytes):
            return value, fmt
        if isinstance(value, str):
            return value.encode("utf-8", "surrogatepass"), fmt
    return None, None
