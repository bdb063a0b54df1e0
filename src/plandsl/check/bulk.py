"""A big first run: the plans others inherit from parsed here, the lowest level streamed through workers.

When a check must parse many files (a fresh or uncached check of a country),
:meth:`Engine._parse_into` hands them here. The files whose level line names
the lowest level present (the communes) are the stream; the rest (national,
ministries, provinces, districts) are parsed in this process, and their plans
are put in a provisional graph, keyed and resolved as the engine would. Worker
processes (:mod:`plandsl.check.shards`) then parse the stream, each plan checked
on its resolved parents as soon as it is parsed. Their findings are filed
under the key they were computed for (:func:`plandsl.check.run.plan_key` with
the provisional parents' keys); the engine's next check computes the final
keys from the whole set and checks again, in process, every plan whose key
differs, exactly as after an edit. The per-plan findings are therefore those
of a clean run, by the same argument that lets the cache store serve them.
"""

from __future__ import annotations

import os

from attrs import evolve

from plandsl.check import codec
from plandsl.check.files import FileState, read_states


def parse_and_check(engine, paths: list[str], states: dict[str, FileState]) -> set[str]:
    """Parse the files ``paths``, checking the lowest level's plans in workers on the way; the paths
    done (none when the run is too small or shows a single level).

    The files are read here one at a time, for their level line, and not kept: the workers read the
    lowest level's files themselves and check each against its digest, so no process holds the whole
    set's bytes (21 MB for the country) and the forked workers do not inherit them."""
    from plandsl.check.run import ensure_env
    from plandsl.check.shards import shard_count, split_ranks
    from plandsl.project.parallel import parse_many

    if not shard_count(engine.jobs, len(paths)):
        return set()
    ranks = {}
    for path in paths:  # the level line only (the workers check the digests of the files they read)
        if path in engine._ranks:  # read while hashing
            ranks[path] = engine._ranks[path]
            continue
        ranks[path] = _sniff(path, states[path].data)
    engine._ranks = {}
    upper, leaves = split_ranks(ranks)
    workers = shard_count(engine.jobs, len(leaves))
    if not workers:
        return set()
    ensure_env(engine)  # configuration and rules, loaded once before the workers are forked
    data = read_states(upper, states)
    engine._take_parsed(parse_many(upper, jobs=engine.jobs, data=data), states)
    graph, keys, job = _provisional(engine, upper)
    _warm_up(job, leaves[0], read_states(leaves[:1], states).get(leaves[0]))
    _stream(engine, states, leaves, workers, graph, keys, job)
    return set(paths)


def _sniff(path: str, data: bytes | None) -> int | None:
    """The rank of the file's level line, from its first 4 KB when the line is there (it opens the plan)."""
    from plandsl.check.shards import level_rank

    if data is not None:
        return level_rank(data)
    try:
        fd = os.open(path, os.O_RDONLY)  # (a Python file object costs ~7 of the ~18 us per file)
    except OSError:
        return None
    try:
        head = os.read(fd, 4096)
    except OSError:
        return None
    finally:
        os.close(fd)
    rank = level_rank(head)
    if rank is None and len(head) == 4096:  # the level line may be further on: the whole file (rare)
        from plandsl.project.parallel import read_bytes

        data = read_bytes(path)
        rank = level_rank(data) if data is not None else None
    return rank


def _warm_up(job: tuple, path: str, raw: bytes | None) -> None:
    """Check one plan here and forget it: the registries, the unit index and the rules' other lazy
    tables are then loaded once, before the fork, and shared by the workers instead of loaded by each."""
    from plandsl.check import shards

    if raw is None:
        return
    try:
        shards._one(path, raw, job)
    except Exception:  # noqa: BLE001 - the workers meet it again, and the engine then works in process
        pass


def _provisional(engine, upper: list[str]):
    """The graph of the upper plans alone, their keys and resolutions (kept by the engine, which reuses
    them when the final keys agree), and the workers' job."""
    from plandsl.check.run import _as_in_force, parent_part, plan_key
    from plandsl.core.gcpause import gc_paused
    from plandsl.inherit.graph import build_graph
    from plandsl.inherit.resolve import resolve_plan

    files = engine._files
    graph = build_graph([files[p].header for p in sorted(upper) if files[p].header is not None])
    env = engine._env[1]
    keys: dict[str, bytes] = {}
    resolved, in_force = {}, {}
    with gc_paused():
        for pid in graph.topo_order:
            plan = graph.plans[pid]
            parents = graph.parent_map[pid]
            keys[pid] = plan_key(env, pid, plan.span.path, files[plan.span.path].digest, graph.complete(pid),
                                 [parent_part(engine, graph, p, keys) for p in parents])
            rp = resolve_plan(plan, [in_force[p] for p in parents], graph.complete(pid))
            resolved[pid] = rp
            engine._resolved[pid] = (keys[pid], rp)
            in_force[pid] = _as_in_force(engine, graph, pid, rp)
    return graph, keys, _job(engine, graph, in_force, resolved)


def _job(engine, graph, in_force: dict, resolved: dict) -> tuple:
    """What the workers inherit (see ``shards.ShardPool``): the graph, the rules, the parents' in-force
    resolutions, the resolutions for the rules' context and the full parses of those plans' files."""
    files = engine._files
    ancestors = tuple(files[path].result for path in sorted({graph.plans[p].span.path for p in resolved})
                      if files[path].result is not None)
    return graph, [(r.code, r.effective_severity) for r in engine._checked], in_force, resolved, ancestors


def _stream(engine, states: dict, leaves: list[str], workers: int, graph, keys: dict[str, bytes], job: tuple) -> None:
    """The lowest level through the workers; each result is taken as it arrives (nothing is held until
    the end). Files a worker found changed or could not read, and all the files a failed worker did not
    return, are parsed in process."""
    from plandsl.check.run import _record, parent_part, plan_key
    from plandsl.check.shards import ShardError, ShardPool
    from plandsl.project.parallel import progress

    lang = engine.lang
    env = engine._env[1]
    codes = frozenset(r.code for r in engine._checked)
    taken: set[str] = set()
    pool = ShardPool([(p, states[p].digest) for p in leaves], workers, job)
    storing = _store_unit_index_meanwhile()
    try:
        with progress(len(leaves)) as advance:
            for batch in pool.results():
                for path, summary, found_text, digest in batch:
                    if summary is None:
                        continue  # changed since it was hashed, or unreadable: parsed here below
                    if not states[path].digest:  # hashed by the worker (a first run: see stat_only)
                        states[path] = evolve(states[path], digest=digest)
                    diags, header, sig = codec.parsed_load(summary, path)
                    found = codec.findings_load(found_text, codes) if found_text is not None else None
                    state = states[path].with_summary(diags, header, sig)
                    engine._set(path, state)
                    engine._store_summary(path, state, summary, lang)
                    taken.add(path)
                    if found is None or header is None:
                        continue
                    parents = sorted({r.plan_id for r in header.parents})
                    key = plan_key(env, header.id, path, state.digest, True,
                                   [parent_part(engine, graph, p, keys) for p in parents])
                    _record(engine, header.id, key, found)
                    if engine.db is not None:
                        engine.db.put("findings", key.hex(), found_text)
                advance(len(batch))
    except (ShardError, codec.Invalid):
        pass
    finally:
        pool.close()
        if storing is not None:
            _stored_meanwhile(storing)
    rest = [p for p in leaves if p not in taken]
    if rest:
        _parse_here(engine, rest, states)


def _store_unit_index_meanwhile():
    """A fresh store: the unit index this process built slot by slot is stored by a forked process while
    the workers work, instead of before or after them (a thread would hold the interpreter lock that this
    process needs to take the workers' results); None when there is nothing to store."""
    import multiprocessing

    from plandsl.registry import jurisdictions

    if not jurisdictions.index_to_store():
        return None
    process = multiprocessing.get_context("fork").Process(target=_store_unit_index, name="plandsl-store-unit-index",
                                                          daemon=True)
    process.start()
    return process


def _store_unit_index() -> None:
    import gc
    import os

    from plandsl.registry import jurisdictions

    gc.freeze()  # as the workers do: collections walk only what this process makes, not the inherited heap
    try:
        jurisdictions.store_index()
    except BaseException:  # noqa: BLE001 - not stored: the main process stores it before its commit
        os._exit(1)
    os._exit(0)


def _stored_meanwhile(process) -> None:
    """Wait for the storing process; when it stored the index, this process need not."""
    from plandsl.registry import jurisdictions

    process.join()
    if process.exitcode == 0:
        jurisdictions.forget_index_to_store()


def _parse_here(engine, paths: list[str], states: dict) -> None:
    """Parse ``paths`` in this process, each read again (a changed file gets a new state)."""
    from plandsl.project.parallel import parse_many

    data = read_states(paths, states)
    engine._take_parsed(parse_many(paths, jobs=engine.jobs, data=data), states)


def recheck_streamed(engine, graph, keys: dict, dirty: list[str], progress) -> list[str]:
    """Re-check many dirty plans known by their summary only (an edit to the national plan makes the
    whole country dirty) in streaming workers, as a big first run does; the plans left to check here.

    The plans others inherit from are resolved here; a worker parses each streamed plan again, resolves
    it on those parents and runs the per-plan rules. Its findings are kept only when the plan's parents
    in the graph are exactly the ones it was resolved on (all known, no cycle), so they are the findings
    of the plan's key."""
    from plandsl.check import shards
    from plandsl.check.run import _as_in_force, _record, resolve_some
    from plandsl.project.parallel import read_bytes

    files = engine._files
    parents = {p for pid in dirty for p in graph.parent_map[pid]}
    stream = [pid for pid in dirty if pid not in parents and files[graph.plans[pid].span.path].result is None
              and graph.complete(pid) and graph.plans[pid].span.path not in engine._overlays]
    workers = shards.shard_count(engine.jobs, len(stream))
    if not workers:
        return dirty
    resolved = resolve_some(engine, sorted(parents)) if parents else {}
    in_force = {p: _as_in_force(engine, graph, p, resolved[p]) for p in parents}
    if len(stream) < shards.SHARD_MIN:
        return dirty
    pid_of = {graph.plans[pid].span.path: pid for pid in stream}
    job = _job(engine, graph, in_force, resolved)
    first = next(iter(pid_of))
    _warm_up(job, first, read_bytes(first))
    # The workers read the files and check each against the digest its key was computed with.
    pool = shards.ShardPool([(path, files[path].digest) for path in pid_of], workers, job)
    codes = frozenset(r.code for r in engine._checked)
    done: dict[str, tuple[dict, str]] = {}
    try:
        for batch in pool.results():
            for path, _summary, found_text, _digest in batch:
                if found_text is not None:
                    done[pid_of[path]] = (codec.findings_load(found_text, codes), found_text)
            if progress is not None:
                progress(len(done), len(dirty))
    except (shards.ShardError, codec.Invalid):
        done = {}
    finally:
        pool.close()
    for pid, (found, text) in done.items():
        _record(engine, pid, keys[pid], found)
        if engine.db is not None:
            engine.db.put("findings", keys[pid].hex(), text)
    return [pid for pid in dirty if pid not in done]

