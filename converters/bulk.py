"""Bulk conversion: input files → worker processes → outputs + report.

The unit of work is `convert_document` (bytes + settings → output bytes + a DocReport): pure and picklable, so
the same function maps over a local process pool here and over a distributed engine elsewhere. Around it, this
module streams: inputs are planned lazily from the directory tree, at most a few batches are in flight, and
each outcome goes straight to the summary and the report, so memory stays flat however many files there are.
A bad document is reported and the batch goes on; Ctrl-C (or SIGTERM) stops taking new documents, lets the ones
in flight finish their atomic writes, and still writes the report.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator, Sequence

from . import api, readers
from .atomic import write_bytes
from .errors import ConversionError, OutputExists, TimeLimitExceeded
from .options import ReadOptions, WriteOptions
from .paths import OutputRoot, safe_component
from .pool import WorkerDied, WorkerHung, imap_batches, run_alone
from .report import (CONVERTED, DONE_EARLIER, FAILED, SKIPPED, DocReport, ReportWriter, Summary, completed_outputs,
                     fingerprint)

# Directory walks pick up every format a reader exists for, except JSON (a JSON output tree is not input).
INPUT_EXTENSIONS = frozenset(ext for ext, fmt in readers.EXTENSIONS.items() if fmt != "json")
MAX_BATCH = 32  # documents per round trip to a worker once the run is warm (Markdown/JSON: milliseconds each)
SLOW_BATCH = 2  # DOCX/PDF take up to seconds each: small batches keep a batch well inside the hang watchdog


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to convert a document; picklable and the same for the whole run."""

    to: str = "md"
    read: ReadOptions = field(default_factory=ReadOptions)
    write: WriteOptions = field(default_factory=WriteOptions)
    overwrite: bool = False
    time_limit: float | None = 60.0  # seconds per document; None or 0 = no limit

    def describe(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Task:
    """One input and where its output goes; `error` marks a task that failed while planning (never dispatched)."""

    input: str
    output: str
    error: str | None = None


# --- the unit of work -------------------------------------------------------------------------------------------

def convert_document(data: bytes, name: str, settings: Settings, fmt: str | None = None) -> tuple[bytes | None, DocReport]:
    """Convert one document held in memory (`fmt`: its input format, else from `name` and the content). Never raises
    for a bad document: the report says what went wrong."""
    start = time.perf_counter()
    try:
        with time_limit(settings.time_limit):
            doc = api.read_bytes(data, fmt, options=replace(settings.read, source=name), name=name)
            out = api.render(doc, settings.to, settings.write)
    except ConversionError as exc:
        return None, DocReport(name, None, FAILED, exc.message, _since(start))
    except RecursionError:
        return None, DocReport(name, None, FAILED, "document nested too deeply to convert", _since(start))
    except Exception as exc:  # a bug must not stop a run of a million documents: report it against this one
        return None, DocReport(name, None, FAILED, f"internal error: {type(exc).__name__}: {exc}", _since(start))
    warnings = [w for d in doc.walk() for w in d.warnings]
    return out, DocReport(name, None, CONVERTED, None, _since(start), len(out), warnings)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after `seconds`. Uses SIGALRM, so it only acts in a main thread
    (each worker process runs documents in its main thread); elsewhere the block runs unlimited."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(f"took longer than the time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def convert_file(task: Task, settings: Settings) -> DocReport:
    """Read one input file, convert it, write its output atomically."""
    try:
        data = Path(task.input).read_bytes()
    except OSError as exc:
        return DocReport(task.input, task.output, FAILED, f"cannot read: {exc.strerror or exc}")
    out, rep = convert_document(data, task.input, settings)
    rep.output = task.output
    if out is None:
        return rep
    try:
        write_bytes(task.output, out, overwrite=settings.overwrite)
    except OutputExists:
        rep.status, rep.reason = SKIPPED, "output exists"
    except OSError as exc:
        rep.status, rep.reason = FAILED, f"cannot write {task.output}: {exc.strerror or exc}"
    return rep


def convert_batch(batch: list[Task], settings: Settings) -> list[DocReport]:
    return [convert_file(task, settings) for task in batch]


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 4)


# --- planning: inputs → tasks, lazily ---------------------------------------------------------------------------

def is_bulk(inputs: Sequence[str]) -> bool:
    """Several inputs, or a directory, make a bulk run whose output is a directory."""
    return len(inputs) > 1 or any(src != "-" and Path(src).is_dir() for src in inputs)


def plan(inputs: Sequence[str], output: str | os.PathLike, to: str) -> Iterator[Task]:
    """Tasks for a bulk run, in a stable order. A single directory input is mirrored at the output root; with
    several inputs each directory is mirrored under its own name and each file lands at the root."""
    root = Path(output)
    outputs = OutputRoot(root)
    suffix = f".{to}"
    several = len(inputs) > 1
    claimed: dict[str, str] = {}  # output → input, for the files named on the command line (bounded by argv)
    for src in inputs:
        path = Path(src)
        if src == "-":
            yield Task(src, "-", "standard input ('-') can only be converted on its own")
        elif path.is_dir():
            base = root / safe_component(path.resolve().name) if several else root
            for source, rel in walk(path, suffix, skip=root):
                yield _task(str(source), base / rel, outputs)
        else:
            target = root / safe_component(path.stem if path.suffix else path.name, suffix)
            yield _file_task(src, target, outputs, claimed)


def _file_task(src: str, target: Path, outputs: OutputRoot, claimed: dict[str, str]) -> Task:
    other = claimed.setdefault(str(target), src)
    if other != src:
        return Task(src, str(target), f"output {target} is also the output of {other}")
    return _task(src, target, outputs)


def _task(src: str, target: Path, outputs: OutputRoot) -> Task:
    if not outputs.holds(target):  # a symbolic link inside the output tree pointing elsewhere
        return Task(src, str(target), f"output {target} would be written outside {outputs.path}")
    return Task(src, str(target))


def walk(top: Path, suffix: str, skip: Path | None = None) -> Iterator[tuple[Path, PurePosixPath]]:
    """(input file, output path relative to the mirror root) for every convertible file below `top`, depth
    first in name order. Hidden entries and `skip` (the output directory, when it lies inside the input tree) are
    left out; symbolic links to directories are not followed (no loops). Two inputs in one directory with the same
    stem (a.txt, a.html) keep their extension in the output name (a.txt.md, a.html.md) so neither overwrites the other."""
    skip_real = os.path.realpath(skip) if skip is not None else None
    stack: list[tuple[str, PurePosixPath]] = [(str(top), PurePosixPath())]
    while stack:
        directory, rel = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError:
            continue
        files = [e for e in entries if os.path.splitext(e.name)[1].lower() in INPUT_EXTENSIONS and _is_file(e)]
        stems: dict[str, int] = {}
        for e in files:
            stem = os.path.splitext(e.name)[0]
            stems[stem] = stems.get(stem, 0) + 1
        for e in files:
            stem = os.path.splitext(e.name)[0]
            yield Path(e.path), rel / safe_component(e.name if stems[stem] > 1 else stem, suffix)
        subdirs = [e for e in entries if e.is_dir(follow_symlinks=False) and os.path.realpath(e.path) != skip_real]
        stack.extend((e.path, rel / safe_component(e.name)) for e in reversed(subdirs))


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def count(inputs: Sequence[str], output: str | os.PathLike, to: str) -> int:
    """How many tasks `plan` will yield (a second lazy walk; only used to size the progress bar)."""
    return sum(1 for _ in plan(inputs, output, to))


# --- running ----------------------------------------------------------------------------------------------------

class StopFlag:
    """Turns the first SIGINT/SIGTERM into a request to stop taking new documents; a second one interrupts."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> "StopFlag":
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True


Engine = Callable[[Iterator[Task], Settings, int, "StopFlag"], Iterator[DocReport]]
Produce = Callable[[Callable[[DocReport], None], "StopFlag"], Iterator[DocReport]]


def run(tasks: Iterable[Task], settings: Settings, jobs: int = 0, report: str | os.PathLike | None = None,
        progress: bool = False, total: int | None = None, resume: bool = False, engine: Engine | None = None) -> Summary:
    """Convert every task on `engine` (default: local worker processes) with `jobs` workers (0 = all cores; 1 = in
    this process). With `resume`, tasks whose output the existing `report` records as complete (same path, same
    size on disk) are skipped. Returns the summary; writes the report if asked (also when interrupted)."""
    jobs = jobs or os.cpu_count() or 1
    done = completed_outputs(report) if resume and report else set()
    convert_on = engine or local_engine

    def produce(record: Callable[[DocReport], None], stop: StopFlag) -> Iterator[DocReport]:
        return convert_on(_triage(tasks, settings, record, done, stop), settings, jobs, stop)

    return collect(produce, settings, jobs, report, progress, total)


def collect(produce: Produce, settings: Settings, jobs: int, report: str | os.PathLike | None = None,
            progress: bool = False, total: int | None = None) -> Summary:
    """Record every outcome `produce(record, stop)` yields (or records itself) into the summary, the progress bar
    and the streamed report; SIGINT/SIGTERM set `stop`, and the report is closed whatever happens."""
    from tqdm import tqdm

    summary = Summary()
    writer = ReportWriter(report, settings.describe() | {"jobs": jobs}) if report else None
    start = time.perf_counter()
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
    bar = tqdm(total=total, disable=not progress, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def record(rep: DocReport) -> None:
        summary.add(rep)
        if writer:
            writer.add(rep)
        bar.update(1)

    try:
        with StopFlag() as stop:
            for rep in produce(record, stop):
                record(rep)
            summary.interrupted = stop.requested
    except BaseException:
        summary.interrupted = True
        raise
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - start
        if writer:
            writer.close(summary)
    return summary


def local_engine(tasks: Iterator[Task], settings: Settings, jobs: int, stop: "StopFlag") -> Iterator[DocReport]:
    return _in_process(tasks, settings) if jobs == 1 else _in_pool(tasks, settings, jobs, stop)


def _triage(tasks: Iterable[Task], settings: Settings, record: Callable[[DocReport], None], done: set[int],
            stop: StopFlag) -> Iterator[Task]:
    """Tasks that need converting; the others are recorded as failed (planning error) or skipped on the way."""
    for task in tasks:
        if stop.requested:
            return
        if task.error:
            record(DocReport(task.input, task.output, FAILED, task.error))
        elif done and (size := _size(task.output)) is not None and fingerprint(task.output, size) in done:
            record(DocReport(task.input, task.output, SKIPPED, DONE_EARLIER, size=size))
        elif not settings.overwrite and os.path.lexists(task.output):
            record(DocReport(task.input, task.output, SKIPPED, "output exists"))
        else:
            yield task


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def _in_process(tasks: Iterator[Task], settings: Settings) -> Iterator[DocReport]:
    for task in tasks:
        yield convert_file(task, settings)


def _in_pool(tasks: Iterator[Task], settings: Settings, jobs: int, stop: StopFlag) -> Iterator[DocReport]:
    """At most 2 batches per worker in flight, so neither tasks nor results pile up in memory. The documents of a
    batch lost with its worker (a crash, or a hang the time limit could not stop) are retried one per process."""
    work = partial(convert_batch, settings=settings)
    limit = settings.time_limit
    hang_after = 2 * limit + 10 if limit else None  # no batch finished for this long: a worker is stuck past SIGALRM
    largest = MAX_BATCH if settings.to in ("md", "json") else SLOW_BATCH
    pending = batches(tasks, largest)
    for batch, reports in imap_batches(work, pending, jobs, lambda: stop.requested, hang_after, worker_init):
        if reports is not None:
            yield from reports
            continue
        for task in batch:
            yield _convert_alone(task, settings)


def _convert_alone(task: Task, settings: Settings) -> DocReport:
    """Retry one document of a lost batch. Its output did not exist when it was dispatched (or --overwrite was
    given), so a file there now was written by the lost batch itself and may be replaced."""
    limit = settings.time_limit
    again = replace(settings, overwrite=True)
    try:
        return run_alone(partial(convert_file, settings=again), task, 2 * limit + 5 if limit else None, worker_init)
    except WorkerDied:
        return DocReport(task.input, task.output, FAILED, "the worker process died converting this document")
    except WorkerHung:
        return DocReport(task.input, task.output, FAILED, f"took longer than the time limit of {limit:g} s (stopped by force)")


def batches(tasks: Iterator[Task], largest: int = MAX_BATCH) -> Iterator[list[Task]]:
    """Batches of 1, 2, 4 … `largest` tasks: small runs spread over all workers, large runs pay little IPC."""
    size, batch = 1, []
    for task in tasks:
        batch.append(task)
        if len(batch) >= size:
            yield batch
            size, batch = min(size * 2, largest), []
    if batch:
        yield batch


def worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which lets them finish the documents they hold."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --- one input, one output --------------------------------------------------------------------------------------

def convert_single(src: str, dst: str, settings: Settings) -> DocReport:
    """Convert one file (or '-' = stdin) to one file (or '-' = stdout, or into an existing directory).
    Unlike a bulk run, an existing output is an error here: the user named that file."""
    name = "<stdin>" if src == "-" else src
    if dst != "-" and Path(dst).is_dir():
        dst = str(Path(dst) / safe_component(Path(name).stem if src != "-" else "stdin", f".{settings.to}"))
    exists = f"output {dst} exists (use --overwrite to replace it)"
    if dst != "-" and not settings.overwrite and os.path.lexists(dst):
        return DocReport(name, dst, FAILED, exists)
    try:
        data = sys.stdin.buffer.read() if src == "-" else Path(src).read_bytes()
    except OSError as exc:
        return DocReport(name, dst, FAILED, f"cannot read: {exc.strerror or exc}")
    out, rep = convert_document(data, name, settings)
    rep.output = dst
    if out is None:
        return rep
    if dst == "-":
        try:
            _to_stdout(out)
        except OSError as exc:  # a closed pipe (… | head) or a full disk behind the redirection
            rep.status, rep.reason = FAILED, f"cannot write to standard output: {exc.strerror or exc}"
        return rep
    try:
        write_bytes(dst, out, overwrite=settings.overwrite)
    except OutputExists:
        rep.status, rep.reason = FAILED, exists
    except OSError as exc:
        rep.status, rep.reason = FAILED, f"cannot write {dst}: {exc.strerror or exc}"
    return rep


def _to_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def output_format(to: str | None, output: str, bulk: bool) -> str:
    """-t if given; else the output file's extension; md for stdout and for output directories."""
    if to:
        return to
    if bulk or output == "-" or Path(output).is_dir():
        return "md"
    return api.output_format(output)
