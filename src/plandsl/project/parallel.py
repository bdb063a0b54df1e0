"""Parsing many spec files, in worker processes, with progress.

``parse_many`` reads every file once and parses it, in ``jobs`` worker
processes when there are enough files to pay for starting the workers
(results come back through multiprocessing; nothing is read from disk but
the specs: what is kept between runs is in :mod:`plandsl.check.engine`).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Sequence


if TYPE_CHECKING:
    from plandsl.language.parser import ParseResult

# Below this many files to parse, worker processes cost more than they save
# (starting a worker and shipping results back is ~50 ms; a spec takes ~4 ms).
PARALLEL_MIN_FILES = 64
# Files per task sent to a worker.
CHUNK = 32
# Show a progress bar for runs at least this long (and only on a terminal).
PROGRESS_MIN_FILES = 200
DEFAULT_MAX_JOBS = 2


def default_jobs() -> int:
    """Worker processes for a big run: min(2, number of CPUs we may use)."""
    try:
        cpus = len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(DEFAULT_MAX_JOBS, cpus))


def effective_jobs(jobs: int | None, pending: int) -> int:
    """Workers to use for ``pending`` files: 1 (in process) for small runs."""
    if pending < PARALLEL_MIN_FILES:
        return 1
    if jobs is None or jobs <= 0:
        return default_jobs()
    return min(jobs, max(1, pending // CHUNK))


def _parse_chunk(items: list[tuple[str, bytes]]) -> list["ParseResult"]:
    """Worker: parse files."""
    from plandsl.language.parser import parse_bytes

    return [parse_bytes(data, path) for path, data in items]


def read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


@contextmanager
def progress(total: int, label: str = "Parsing") -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr for long runs on a terminal; a no-op otherwise."""
    if total < PROGRESS_MIN_FILES or not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True, auto_refresh=False)
    # No refresh thread: worker processes may be forked while the bar is shown.
    with bar:
        task = bar.add_task(label, total=total)

        def advance(n: int) -> None:
            bar.advance(task, n)
            bar.refresh()

        yield advance


def parse_many(files: Sequence[str], *, jobs: int | None = None,
               data: dict[str, bytes] | None = None) -> tuple["ParseResult", ...]:
    """Parse ``files`` (in this order) in up to ``jobs`` processes. ``data``: bytes already read, by path."""
    from plandsl.language.parser import parse_bytes, parse_file

    from plandsl.core.gcpause import gc_paused

    data = data or {}
    results: list["ParseResult | None"] = [None] * len(files)
    pending: list[tuple[int, str, bytes]] = []
    with progress(len(files)) as advance, gc_paused():
        for i, path in enumerate(files):
            raw = data.get(path)
            if raw is None:
                raw = read_bytes(path)
            if raw is None:
                results[i] = parse_file(path)  # reports the read error as a diagnostic
                advance(1)
            else:
                pending.append((i, path, raw))
        workers = effective_jobs(jobs, len(pending))
        if workers > 1:
            for i, result in _parse_in_workers(pending, workers, advance):
                results[i] = result
        else:
            for i, path, raw in pending:
                results[i] = parse_bytes(raw, path)
                advance(1)
    return tuple(r for r in results if r is not None)


# Share of the files the worker processes take when this process parses too: a worker's file costs
# parse + pickle there and unpickle here, this process's file costs parse only (measured: parse
# ~1.9 ms, pickle ~0.3 ms, unpickle ~0.5 ms per spec), so workers take a little over half.
WORKER_SHARE = 0.55


def _parse_in_workers(pending: list[tuple[int, str, bytes]], workers: int, advance: Callable[[int], None]):
    """Parse in ``workers - 1`` processes and in this one at the same time.

    This process would otherwise sit idle waiting for results; parsing its own
    share here also saves shipping those results across processes.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from plandsl.language.parser import parse_bytes

    context = None
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
        context = multiprocessing.get_context("fork")
    others = workers - 1
    share = len(pending) if context is None else int(len(pending) * min(1.0, WORKER_SHARE * others / (others + 0.1)))
    remote, local = pending[:share], pending[share:]
    chunks = [remote[i : i + CHUNK] for i in range(0, len(remote), CHUNK)]
    with ProcessPoolExecutor(max_workers=max(1, others), mp_context=context) as pool:
        futures = [pool.submit(_parse_chunk, [(p, d) for _, p, d in chunk]) for chunk in chunks]
        for i, path, raw in local:
            yield i, parse_bytes(raw, path)
            advance(1)
        for chunk, future in zip(chunks, futures):
            for (i, *_), result in zip(chunk, future.result()):
                yield i, result
            advance(len(chunk))
