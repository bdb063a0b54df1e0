"""Big runs in worker processes that keep what they parse ("shards").

A check that must parse many files (a fresh or uncached check of a whole
country) forks ``jobs`` workers. Each worker parses a fixed share of the files
and keeps the full parses; only the parse *summaries* come back (the same JSON
text the cache store keeps: parse diagnostics and plan header). The engine
builds the graph from the summaries, resolves the plans that others inherit
from (their full parses are fetched from the workers that own them), and sends
each worker the resolved parents of the dirty plans it owns. The worker resolves
its plans, runs the per-plan rules and returns their findings as the store's
JSON text. So the two cores parse and check at the same time, the full parses
never cross a process boundary (pickling them cost as much as parsing them),
and the main process holds plan headers only.

The results are those of the in-process path: the summaries and findings go
through the same codec as the cache store, and the rules see the plan, its
resolved ancestors and their source texts, which is all a per-plan rule may
read (see :mod:`plandsl.rules.engine`). ``tests/test_shards.py`` compares the
two paths. On any failure of a worker the engine falls back to parsing and
checking in process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from typing import Callable, Iterable, Iterator

# Below this many files to parse, forking workers costs more than it saves.
SHARD_MIN = 256
# Plans (or files) per message from a worker: progress granularity.
BATCH = 64


class ShardError(RuntimeError):
    """A worker failed or went away; the engine falls back to working in process."""


def shard_count(jobs: int | None, pending: int) -> int:
    """Workers for ``pending`` files, or 0 when the run is done in process."""
    from plandsl.project.parallel import default_jobs

    if pending < SHARD_MIN or not sys.platform.startswith("linux"):
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    workers = min(jobs if jobs else default_jobs(), max(1, pending // BATCH))
    return workers if workers > 1 else 0


def _partition(items: list[tuple[str, bytes]], n: int) -> list[list[tuple[str, bytes]]]:
    """``n`` contiguous shares of about the same number of bytes (paths stay in order)."""
    total = sum(len(d) for _, d in items) or 1
    parts: list[list[tuple[str, bytes]]] = [[] for _ in range(n)]
    done = 0
    for path, data in items:
        i = min(n - 1, done * n // total)
        parts[i].append((path, data))
        done += len(data)
    return [p for p in parts if p]


class ShardPool:
    """Forked workers, each owning a share of the files it parsed."""

    def __init__(self, items: list[tuple[str, bytes]], workers: int) -> None:
        from plandsl.language.parser import get_parser

        get_parser()  # built once here, inherited by the workers
        context = multiprocessing.get_context("fork")
        self.owner: dict[str, int] = {}
        self.conns = []
        self.procs = []
        for i, part in enumerate(_partition(items, workers)):
            for path, _ in part:
                self.owner[path] = i
            parent, child = context.Pipe()
            proc = context.Process(target=_serve, args=(child, part), daemon=True)
            proc.start()
            child.close()
            self.conns.append(parent)
            self.procs.append(proc)
        self.closed = False

    # ------------------------------------------------------------ main-process side
    def _recv(self, i: int):
        try:
            tag, value = self.conns[i].recv()
        except (EOFError, OSError) as exc:
            raise ShardError(f"worker {i} went away") from exc
        if tag == "error":
            raise ShardError(value)
        return tag, value

    def _send(self, i: int, message) -> None:
        try:
            self.conns[i].send(message)
        except (OSError, ValueError) as exc:
            raise ShardError(f"worker {i} went away") from exc

    def _gather(self, expect: str, done: str) -> Iterator:
        """Messages ``expect`` from every worker, as they arrive, until each sent ``done``."""
        from multiprocessing.connection import wait

        waiting = {self.conns[i]: i for i in range(len(self.conns))}
        while waiting:
            for conn in wait(list(waiting)):
                i = waiting[conn]
                tag, value = self._recv(i)
                if tag == done:
                    del waiting[conn]
                elif tag == expect:
                    yield value
                else:
                    raise ShardError(f"unexpected message {tag!r} from worker {i}")

    def summaries(self) -> Iterator[list[tuple[str, str]]]:
        """Batches of (path, parse summary as the store's JSON text), as the workers parse."""
        return self._gather("summaries", "parsed")

    def owns(self, paths: Iterable[str]) -> bool:
        return not self.closed and all(p in self.owner for p in paths)

    def full(self, paths: list[str]) -> dict:
        """The full ParseResults of ``paths`` (each fetched from the worker that parsed it)."""
        by_worker: dict[int, list[str]] = {}
        for path in paths:
            by_worker.setdefault(self.owner[path], []).append(path)
        out = {}
        for i, wanted in by_worker.items():
            self._send(i, ("full", wanted))
        for i, wanted in by_worker.items():
            tag, results = self._recv(i)
            if tag != "full" or len(results) != len(wanted):
                raise ShardError(f"worker {i} answered {tag!r}")
            out.update(zip(wanted, results))
        return out

    def check(self, jobs: dict[int, tuple], progress: Callable[[int], None]) -> Iterator[tuple[str, str]]:
        """Send each worker its check job, (graph, [(rule code, severity)], [(plan id, path, parent ids,
        complete)], {parent id: in-force resolved parent}, {ancestor id: resolved}, [ancestor ParseResult]);
        yield (plan id, findings as the store's JSON text)."""
        for i, job in jobs.items():
            self._send(i, ("check", job))
        others = [i for i in range(len(self.conns)) if i not in jobs]
        for i in others:  # workers without plans to check answer at once
            self._send(i, ("check", None))
        for batch in self._gather("found", "checked"):
            yield from batch
            progress(len(batch))

    def close(self) -> None:
        """Stop the workers (they drop what they parsed)."""
        if self.closed:
            return
        self.closed = True
        for conn in self.conns:
            try:
                conn.send(("exit", None))
            except (OSError, ValueError):
                pass
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for conn in self.conns:
            conn.close()


# ---------------------------------------------------------------- worker side


def _serve(conn, part: list[tuple[str, bytes]]) -> None:
    """A worker: parse the share, send summaries, then answer requests until told to exit."""
    try:
        from plandsl.check import codec
        from plandsl.core.gcpause import gc_paused
        from plandsl.language.parser import parse_bytes

        results = {}
        with gc_paused():
            batch = []
            for path, data in part:
                result = results[path] = parse_bytes(data, path)
                batch.append((path, codec.parsed_dump(result.diagnostics, result.plan)))
                if len(batch) >= BATCH:
                    conn.send(("summaries", batch))
                    batch = []
            conn.send(("summaries", batch))
            conn.send(("parsed", None))
            part.clear()
        while True:
            tag, value = conn.recv()
            if tag == "full":
                conn.send(("full", [results[p] for p in value]))
            elif tag == "check":
                with gc_paused():
                    if value is not None:
                        _check(conn, results, value)
                conn.send(("checked", None))
            else:
                break
    except BaseException:  # noqa: BLE001 - reported to the main process, which falls back
        try:
            conn.send(("error", traceback.format_exc()))
        except Exception:  # noqa: BLE001
            pass
    finally:
        conn.close()
        os._exit(0)


def _check(conn, results: dict, job: tuple) -> None:
    """Resolve the owned dirty plans on their parents and run the per-plan rules."""
    from plandsl.check import codec
    from plandsl.inherit.resolve import Resolution, resolve_plan
    from plandsl.project.loader import SpecSet
    from plandsl.rules.base import RULES
    from plandsl.rules.context import RuleContext
    from plandsl.rules.engine import plan_findings

    graph, rules, items, in_force, resolved, ancestors = job
    checked = [RULES[code](severity) for code, severity in rules]
    resolved = dict(resolved)
    for pid, path, parents, complete in items:
        resolved[pid] = resolve_plan(results[path].plan, [in_force[p] for p in parents], complete)
    files = {r.path: r for r in ancestors}
    files.update((path, results[path]) for _, path, _, _ in items)
    ctx = RuleContext(SpecSet(tuple(files[p] for p in sorted(files))), Resolution(graph, resolved))
    batch = []
    for pid, _, _, _ in items:
        found = {code: tuple(ds) for code, ds in plan_findings(checked, resolved[pid], ctx).items()}
        batch.append((pid, codec.findings_dump(found)))
        if len(batch) >= BATCH:
            conn.send(("found", batch))
            batch = []
    if batch:
        conn.send(("found", batch))
