"""Worker processes that parse and check commune plans as a stream ("shards").

A check that must parse many files (a fresh or uncached check of a whole
country) is done in two steps by :mod:`plandsl.check.bulk`. The plans that
others can inherit from (every level above the commune) are parsed and
resolved in the main process first. Then ``jobs`` workers are forked: they
inherit those resolved plans and the list of commune files with their digests,
and each takes the next batch of files from a shared counter, reads each file
(checking it still has its digest), parses it, resolves the plan on its parents
and runs the per-plan rules at once, then drops the parse. Only the parse *summary* and the
*findings* come back, as the JSON text the cache store keeps. So the cores
parse and check at the same time, no full parse crosses a process boundary,
and no process holds more than one commune plan at a time.

A worker checks a plan only when all its parents are among the resolved plans
it was given; the main process files the findings under the plan key they
were computed for (see :func:`plandsl.check.bulk.assumed_key`). When the whole
set is known, a plan whose final key differs (its parents turned out to be
other plans, an amendment elsewhere applies, a cycle ...) is checked again in
the main process, as after any edit. ``tests/test_shards.py`` compares the
findings with the in-process path. On any failure of a worker the engine
parses the files it did not get in process.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import traceback
from typing import Iterator

# Below this many commune files to parse, forking workers costs more than it saves.
SHARD_MIN = 256
# Files per message from a worker: progress granularity.
BATCH = 64
# The smallest claim: near the end the claims shrink (see claim_size), so that the workers finish together.
TAIL = 8

# The level line of a spec, read from its bytes without parsing, to tell the plans of the lowest
# level (which no other plan inherits from) from the rest. A wrong guess costs time, never a finding.
_LEVEL = re.compile(rb"^[ \t]*(?:level|c\xe1\xba\xa5p)[ \t]+([^\s#{}]+)", re.M)


class ShardError(RuntimeError):
    """A worker failed or went away; the engine falls back to working in process."""


def shard_count(jobs: int | None, pending: int) -> int:
    """Workers for ``pending`` commune files, or 0 when the run is done in process."""
    import multiprocessing

    from plandsl.project.parallel import default_jobs

    if pending < SHARD_MIN or not sys.platform.startswith("linux"):
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    workers = min(jobs if jobs else default_jobs(), max(1, pending // BATCH))
    return workers if workers > 1 else 0


def claim_size(left: int, workers: int) -> int:
    """How many of the ``left`` unclaimed files a worker takes: BATCH, less near the end (a quarter of each
    worker's fair share of what is left, at least TAIL), so that no worker is still checking a whole batch
    while the others have nothing left to take (up to BATCH files, ~0.15 s of a country check)."""
    return min(BATCH, max(TAIL, left // (4 * max(1, workers))))


def level_rank(data: bytes) -> int | None:
    """The rank of the level the spec's level line names (0 national ... 4 commune), None if unsure."""
    from plandsl.language.model import Level

    found = _LEVEL.search(data)
    if found is None:
        return None
    try:
        level = Level.lookup(found.group(1).decode("utf-8"))
    except UnicodeDecodeError:
        return None
    return level.rank if level is not None else None


def split_leaves(data: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """(paths of the plans others may inherit from, paths of the lowest level's plans): the second
    empty when the files do not show two levels."""
    return split_ranks({path: level_rank(raw) for path, raw in data.items()})


def split_ranks(ranks: dict[str, int | None]) -> tuple[list[str], list[str]]:
    """:func:`split_leaves` from each file's :func:`level_rank`."""
    known = {r for r in ranks.values() if r is not None}
    if len(known) < 2:
        return list(ranks), []
    lowest = max(known)
    leaves = [p for p, r in ranks.items() if r == lowest]
    return [p for p, r in ranks.items() if r != lowest], leaves


class ShardPool:
    """Forked workers, each reading, parsing and checking a share of the files (``items``: path and
    the content digest the file must still have).

    ``job``: (graph, [(rule code, severity)], {plan id: in-force resolved plan} the parents a plan
    may have, {plan id: resolved plan} for the rules' context, [ParseResult] of those plans' files).
    It is inherited by the forked workers, not sent.
    """

    def __init__(self, items: list[tuple[str, str]], workers: int, job: tuple) -> None:
        import multiprocessing

        # The Lark parser is not built here: valid specs take the fast path, and a worker that meets
        # a spec it cannot read builds Lark then (for the syntax error's message).
        context = multiprocessing.get_context("fork")
        self.conns = []
        self.procs = []
        self.closed = False
        # The workers take the items a batch at a time from one shared counter, so a worker slowed by the
        # main process (which takes the results as they come) does fewer, and none sits idle at the end.
        claimed = context.Value("q", 0)
        for _ in range(workers):
            parent, child = context.Pipe()
            proc = context.Process(target=_serve, args=(child, items, claimed, job, workers), daemon=True)
            proc.start()
            child.close()
            self.conns.append(parent)
            self.procs.append(proc)

    def results(self) -> Iterator[list[tuple[str, str | None, str | None, str]]]:
        """Batches of (path, parse summary, findings or None, the bytes' digest), the summary and findings
        as the store's JSON text, as they come."""
        from multiprocessing.connection import wait

        waiting = {conn: i for i, conn in enumerate(self.conns)}
        while waiting:
            for conn in wait(list(waiting)):
                i = waiting[conn]
                try:
                    tag, value = conn.recv()
                except (EOFError, OSError) as exc:
                    raise ShardError(f"worker {i} went away") from exc
                if tag == "done":
                    del waiting[conn]
                elif tag == "batch":
                    yield value
                else:
                    raise ShardError(value if tag == "error" else f"unexpected message {tag!r} from worker {i}")

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for conn in self.conns:
            conn.close()


# ---------------------------------------------------------------- worker side


def _serve(conn, items: list[tuple[str, str]], claimed, job: tuple, workers: int = 1) -> None:
    """A worker: claim the next items (:func:`claim_size`), read, parse and check each file, send the results;
    exit when none are left."""
    try:
        gc.freeze()  # collections walk only what this worker makes, not the inherited heap
        while True:
            with claimed.get_lock():
                start = claimed.value
                size = claim_size(len(items) - start, workers)
                claimed.value = start + size
            if start >= len(items):
                break
            conn.send(("batch", [_one_file(path, digest, job) for path, digest in items[start:start + size]]))
        conn.send(("done", None))
    except BaseException:  # noqa: BLE001 - reported to the main process, which falls back
        try:
            conn.send(("error", traceback.format_exc()))
        except Exception:  # noqa: BLE001
            pass
    finally:
        conn.close()
        os._exit(0)


_CHECKED: list = []


def _one_file(path: str, digest: str, job: tuple) -> tuple[str, str | None, str | None, str]:
    """:func:`_one` on the file's bytes when they still have ``digest`` (any, when it is ""), with the bytes'
    digest; (path, None, None, "") when the file changed since it was hashed or cannot be read (the main
    process then parses it)."""
    from plandsl.check.env import content_digest

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return path, None, None, ""
    found = content_digest(data)
    if digest and found != digest:
        return path, None, None, ""
    return (*_one(path, data, job), found)


def _one(path: str, data: bytes, job: tuple) -> tuple[str, str, str | None]:
    from plandsl.check import codec
    from plandsl.inherit.resolve import Resolution, resolve_plan
    from plandsl.language.parser import parse_bytes
    from plandsl.project.loader import SpecSet
    from plandsl.rules.base import RULES
    from plandsl.rules.context import RuleContext
    from plandsl.rules.engine import plan_findings

    graph, rules, parents_of, resolved, ancestors = job
    result = parse_bytes(data, path)
    summary = codec.parsed_dump(result.diagnostics, result.plan)
    plan = result.plan
    if plan is None:
        return path, summary, None
    parents = sorted({r.plan_id for r in plan.parents})
    if not all(p in parents_of for p in parents):
        return path, summary, None  # checked in the main process once the whole set is known
    if not _CHECKED or _CHECKED[0] != rules:  # the rule instances of this job's rule list, made once
        _CHECKED[:] = [list(rules), [RULES[code](severity) for code, severity in rules]]
    rp = resolve_plan(plan, [parents_of[p] for p in parents], True)
    ctx = RuleContext(SpecSet(ancestors + (result,)), Resolution(graph, {**resolved, plan.id: rp}))
    found = {code: tuple(ds) for code, ds in plan_findings(_CHECKED[1], rp, ctx).items()}
    return path, summary, codec.findings_dump(found)
