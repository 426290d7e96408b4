"""A process pool for long runs: bounded work in flight, and survival when a worker dies or hangs.

`concurrent.futures` alone is not enough for a million crawled pages: one page that crashes a parser (a segfault,
the kernel's OOM killer) breaks the whole pool, and one stuck inside C code never reaches the per-document time
limit. Here a broken pool hands back the batches it held so the caller can retry their documents one by one in
`run_alone`, which pins the blame on the culprit; a pool in which nothing finishes for `hang_after` seconds is
killed and handled the same way.
"""
from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerDied(Exception):
    """The process converting an item exited (crash, kill) before returning."""


class WorkerHung(Exception):
    """The process converting an item did not return in time and was killed."""


def imap_batches(fn: Callable[[list[T]], list[R]], batches: Iterator[list[T]], jobs: int, stopping: Callable[[], bool],
                 hang_after: float | None, initializer: Callable[[], None] | None = None
                 ) -> Iterator[tuple[list[T], list[R] | None]]:
    """(batch, fn(batch)) for every batch, in completion order, with at most 2 batches per worker in flight.
    A batch lost with a dead or killed worker comes back as (batch, None); the pool is then restarted."""
    inflight: dict[Future, list[T]] = {}
    while True:
        pool = ProcessPoolExecutor(jobs, initializer=initializer)
        try:
            yield from _feed(pool, fn, batches, inflight, jobs, stopping, hang_after)
            return
        except BrokenProcessPool:
            for future, batch in list(inflight.items()):
                ok = future.done() and not future.cancelled() and future.exception() is None
                yield batch, future.result() if ok else None
            inflight.clear()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _feed(pool: ProcessPoolExecutor, fn, batches, inflight: dict, jobs: int, stopping, hang_after) -> Iterator:
    for batch in batches:
        inflight[pool.submit(fn, batch)] = batch
        while len(inflight) >= 2 * jobs or (stopping() and inflight):
            yield from _harvest(pool, inflight, hang_after)
        if stopping():
            break
    while inflight:
        yield from _harvest(pool, inflight, hang_after)


def _harvest(pool: ProcessPoolExecutor, inflight: dict, hang_after: float | None) -> Iterator:
    done, _ = wait(inflight, timeout=hang_after, return_when=FIRST_COMPLETED)
    if not done:
        _kill(pool)
        raise BrokenProcessPool("no worker finished in time; the pool was killed")
    for future in done:
        results = future.result()  # BrokenProcessPool leaves the batch in `inflight` for the caller
        yield inflight.pop(future), results


def run_alone(fn: Callable[[T], R], item: T, timeout: float | None, initializer: Callable[[], None] | None = None) -> R:
    """fn(item) in a fresh process of its own; WorkerDied or WorkerHung instead of taking anything else down."""
    pool = ProcessPoolExecutor(1, initializer=initializer)
    try:
        return pool.submit(fn, item).result(timeout=timeout)
    except BrokenProcessPool:
        raise WorkerDied() from None
    except FutureTimeout:
        _kill(pool)
        raise WorkerHung() from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    kill = getattr(pool, "kill_workers", None)  # public from Python 3.14
    if kill:
        kill()
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
