"""Per-document outcomes of a run, the end-of-run summary, and the JSON report.

A run may cover millions of documents, so nothing here keeps one record per document in memory: the report is
streamed to disk entry by entry (and renamed into place when complete, like every output), and the summary keeps
counts plus the first failures only.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable, Iterator

CONVERTED, FAILED, SKIPPED = "converted", "failed", "skipped"
DONE_EARLIER = "done in an earlier run"
REPORT_VERSION = 1


@dataclass
class DocReport:
    """What happened to one input. `reason` says why it failed or was skipped; `size` is the output's byte count."""

    input: str
    output: str | None
    status: str
    reason: str | None = None
    seconds: float = 0.0
    size: int | None = None
    warnings: list[str] = field(default_factory=list)


_DOC_FIELDS = tuple(f.name for f in fields(DocReport))


@dataclass
class Summary:
    """Counts of a run and the first `keep` failures (all of them are in the report)."""

    converted: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[DocReport] = field(default_factory=list)
    keep: int = 100

    def add(self, rep: DocReport) -> None:
        if rep.status == CONVERTED:
            self.converted += 1
        elif rep.status == SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1
            if len(self.failures) < self.keep:
                self.failures.append(rep)

    @property
    def total(self) -> int:
        return self.converted + self.failed + self.skipped

    def counts(self) -> dict[str, Any]:
        return {"converted": self.converted, "failed": self.failed, "skipped": self.skipped, "total": self.total,
                "seconds": round(self.seconds, 3), "interrupted": self.interrupted}

    def format(self) -> str:
        """The human summary printed at the end of a run: counts, then one line per failure."""
        rate = f" in {self.seconds:.1f}s ({self.converted / self.seconds:.0f} docs/s)" if self.seconds > 0 else ""
        head = "interrupted: " if self.interrupted else ""
        lines = [f"{head}{self.converted} converted, {self.failed} failed, {self.skipped} skipped{rate}"]
        lines += [f"  failed: {rep.input}: {rep.reason}" for rep in self.failures]
        if self.failed > len(self.failures):
            lines.append(f"  … and {self.failed - len(self.failures)} more failures (see --report)")
        return "\n".join(lines)


class ReportWriter:
    """Streams `{"version", "settings", "documents": [...], "summary"}` to a temporary file beside `path` and
    renames it into place on close, so a report on disk is always complete JSON."""

    def __init__(self, path: str | os.PathLike, settings: dict[str, Any]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name[:64]}.", suffix=".part", dir=self.path.parent)
        self._fh = os.fdopen(fd, "w", encoding="utf-8")
        self._fh.write(f'{{"version": {REPORT_VERSION}, "settings": {json.dumps(settings, ensure_ascii=False, default=str)},\n'
                       ' "documents": [')
        self._first = True

    def add(self, rep: DocReport) -> None:
        entry = {name: getattr(rep, name) for name in _DOC_FIELDS}  # what asdict gives, without its deep copy
        self._fh.write(("\n  " if self._first else ",\n  ") + json.dumps(entry, ensure_ascii=False))
        self._first = False

    def close(self, summary: Summary) -> None:
        self._fh.write(f'\n ],\n "summary": {json.dumps(summary.counts())}}}\n')
        self._fh.close()
        os.replace(self._tmp, self.path)

    def abandon(self) -> None:
        self._fh.close()
        Path(self._tmp).unlink(missing_ok=True)


def write_report(path: str | os.PathLike, settings: dict[str, Any], reports: Iterable[DocReport]) -> Summary:
    """A complete report of `reports` at once (a single-file conversion has one)."""
    summary, writer = Summary(), ReportWriter(path, settings)
    for rep in reports:
        summary.add(rep)
        writer.add(rep)
    writer.close(summary)
    return summary


def read_documents(path: str | os.PathLike) -> Iterator[DocReport]:
    """The document entries of a report written by ReportWriter, read one line at a time (a report of a
    million documents is never loaded whole)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip().rstrip(",")
            if line.startswith('{"input"'):
                yield DocReport(**json.loads(line))


def completed_outputs(path: str | os.PathLike) -> set[int]:
    """Fingerprints (see `fingerprint`) of the outputs a report records as complete: converted in that run or
    carried over from an earlier one. Missing report = nothing done yet."""
    if not Path(path).exists():
        return set()
    return {fingerprint(rep.output, rep.size) for rep in read_documents(path)
            if rep.output and rep.size is not None and (rep.status == CONVERTED or rep.reason == DONE_EARLIER)}


def fingerprint(output: str, size: int) -> int:
    """8 bytes standing for (output path, size), so resuming a run of millions keeps a small set in memory."""
    digest = hashlib.blake2b(f"{output}\0{size}".encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big")
