"""Parsing many spec files: through the parse cache, in worker processes, with progress.

``parse_many`` reads every file once, takes what it can from the cache and
parses the rest, in ``jobs`` worker processes when there are enough of them
to pay for starting the workers. Workers write their own cache entries and
send back the pickled result, so a result is pickled once, not twice.
"""

from __future__ import annotations

import os
import pickle
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from plandsl.project.parse_cache import MAGIC, ParseCache, dumps, read_bytes

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


def _parse_chunk(items: list[tuple[str, bytes, str | None]], cache_root: str | None, fp: str | None) -> list[bytes]:
    """Worker: parse files, store cache entries, return pickled (key, result) blobs."""
    from plandsl.language.parser import parse_bytes

    cache = ParseCache(cache_root, fp) if cache_root is not None else None
    out = []
    for path, data, key in items:
        blob = dumps(key or "", parse_bytes(data, path))
        if cache is not None and key is not None:
            cache.put_blob(key, blob)
        out.append(blob)
    return out


def _load_blob(blob: bytes) -> "ParseResult":
    return pickle.loads(memoryview(blob)[len(MAGIC):])[1]


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
               cache: ParseCache | None = None) -> tuple["ParseResult", ...]:
    """Parse ``files`` (in this order), using ``cache`` and up to ``jobs`` processes."""
    from plandsl.language.parser import parse_bytes, parse_file

    results: list["ParseResult | None"] = [None] * len(files)
    pending: list[tuple[int, str, bytes, str | None]] = []
    with progress(len(files)) as advance:
        for i, path in enumerate(files):
            data = read_bytes(path)
            if data is None:
                results[i] = parse_file(path)  # reports the read error as a diagnostic
                advance(1)
                continue
            key = cache.key(path, data) if cache is not None else None
            hit = cache.get(key, path) if key is not None and cache is not None else None
            if hit is not None:
                results[i] = hit
                advance(1)
            else:
                pending.append((i, path, data, key))
        workers = effective_jobs(jobs, len(pending))
        if workers > 1:
            for i, result in _parse_in_workers(pending, workers, cache, advance):
                results[i] = result
        else:
            for i, path, data, key in pending:
                result = parse_bytes(data, path)
                if cache is not None and key is not None:
                    cache.put(key, result)
                results[i] = result
                advance(1)
    return tuple(r for r in results if r is not None)


# Share of the files the worker processes take when this process parses too: a worker's file costs
# parse + pickle there and unpickle here, this process's file costs parse only (measured: parse
# ~1.9 ms, pickle ~0.3 ms, unpickle ~0.5 ms per spec), so workers take a little over half.
WORKER_SHARE = 0.55


def _parse_in_workers(pending: list[tuple[int, str, bytes, str | None]], workers: int,
                      cache: ParseCache | None, advance: Callable[[int], None]):
    """Parse in ``workers - 1`` processes and in this one at the same time.

    This process would otherwise sit idle waiting for results; parsing its own
    share here also saves pickling those results across processes.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from plandsl.language.parser import get_parser, parse_bytes

    context = None
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
        # Forked workers inherit the grammar already built here.
        get_parser()
        context = multiprocessing.get_context("fork")
    others = workers - 1
    share = len(pending) if context is None else int(len(pending) * min(1.0, WORKER_SHARE * others / (others + 0.1)))
    remote, local = pending[:share], pending[share:]
    chunks = [remote[i : i + CHUNK] for i in range(0, len(remote), CHUNK)]
    root = str(cache.root) if cache is not None else None
    fp = cache.fp if cache is not None else None
    with ProcessPoolExecutor(max_workers=max(1, others), mp_context=context) as pool:
        futures = [pool.submit(_parse_chunk, [(p, d, k) for _, p, d, k in chunk], root, fp) for chunk in chunks]
        for i, path, data, key in local:
            result = parse_bytes(data, path)
            if cache is not None and key is not None:
                cache.put(key, result)
            yield i, result
            advance(1)
        for chunk, future in zip(chunks, futures):
            blobs = future.result()
            for (i, *_), blob in zip(chunk, blobs):
                yield i, _load_blob(blob)
            advance(len(chunk))
