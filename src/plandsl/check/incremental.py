"""The incremental check: re-check only the plans an edit can affect.

``plandsl check PATHS`` keeps a *manifest* per (current folder, PATHS) in
``<cache root>/incremental/<key>.pkl`` (cache root as in :mod:`plandsl.project.parse_cache`).
Per spec file it records the size, mtime and blake2b of the bytes, the parse
diagnostics and the plan's *header* (see :mod:`plandsl.language.headers`); per
plan it records the findings of the per-plan rules, before allows are applied,
under the plan's *key*:

    blake2b(code fingerprint, configuration file (path and bytes), today's date,
            and for the plan and each of its ancestors in the graph:
            id, path, content hash, graph parents, complete flag)

A run then

1. lists the spec files and ``stat``s them; only files whose size or mtime
   changed (or whose mtime is too close to the previous run to be trusted)
   are read and hashed, and only files whose hash changed are parsed (through
   the parse cache);
2. builds the graph from the headers and runs the set-level rules on it
   (GR001-GR005 read only ``graph.issues``);
3. computes every plan's key; a plan whose key has stored findings reuses
   them. The others (*dirty*: an edited plan, every plan below it, plans whose
   ancestry changed) are loaded with their ancestors, resolved and checked;
4. puts the findings together in the order of a full run, applies the allows
   and runs the AL rules on the headers (allows are per plan, but a graph
   finding can be allowed in the file it points into, so this step is always
   run over the whole set; it is cheap).

The findings are identical to a full uncached run (``tests/test_incremental.py``).
A set-level rule that reads more than the graph issues, or a plan that
implements itself, makes the run fall back to the full pipeline. Nothing read
from the manifest is trusted: a damaged or foreign manifest is ignored and
rebuilt; writes are atomic and best-effort.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import time
from pathlib import Path
from typing import TYPE_CHECKING

from typing import NamedTuple

from attrs import define, field

from plandsl.core.diagnostics import Diagnostic
from plandsl.core.fsutil import write_atomic

if TYPE_CHECKING:
    from plandsl.check.store import CachedCheck
    from plandsl.language.parser import ParseResult

MAGIC = b"PLANDSL-MANIFEST-2\n"
KEEP = 8  # manifests kept (one per folder and paths checked), the newest
# A file whose mtime is this close to the start of the run that recorded it may
# have changed again within the filesystem's timestamp granularity: re-hash it.
RACY_NS = 2_000_000_000


class FileEntry(NamedTuple):
    size: int
    mtime_ns: int
    digest: bytes
    diagnostics: tuple[Diagnostic, ...]
    header: tuple | None  # plandsl.language.headers.header_row, None when the file has no plan


@define
class Manifest:
    code_fp: str
    started_ns: int = 0
    files: dict[str, FileEntry] = field(factory=dict)
    results: dict[bytes, dict[str, tuple[Diagnostic, ...]]] = field(factory=dict)
    # The last graph, as (digest of all headers, its plain data): reused while no header changes,
    # so an edit inside a plan needs neither networkx nor a new graph.
    graph: tuple | None = None


@define
class RunStats:
    """What a run did (for tests and the benchmark; never printed)."""

    files: int = 0
    hashed: int = 0
    parsed: int = 0
    loaded: int = 0
    checked: int = 0
    reused: int = 0
    fallback: bool = False


LAST_RUN = RunStats()


def manifest_path(root: Path, paths: list[str]) -> Path:
    h = hashlib.blake2b(digest_size=16)
    h.update(os.fsencode(os.getcwd()) + b"\0" + "\0".join(paths).encode())
    return root / "incremental" / f"{h.hexdigest()}.pkl"


def read_manifest(path: Path, code_fp: str) -> Manifest:
    """The stored manifest, or an empty one. Stored as plain tuples and dicts (fast to pickle)."""
    try:
        blob = path.read_bytes()
        if blob.startswith(MAGIC):
            stored_fp, started_ns, files, results, graph = pickle.loads(memoryview(blob)[len(MAGIC):])
            if stored_fp == code_fp and isinstance(started_ns, int) and isinstance(results, dict):
                entries = {p: FileEntry._make(e) for p, e in files.items()}
                if all(isinstance(p, str) and isinstance(e.size, int) and isinstance(e.mtime_ns, int)
                       and isinstance(e.digest, bytes) and isinstance(e.diagnostics, tuple)
                       and (e.header is None or isinstance(e.header, tuple)) for p, e in entries.items()) \
                        and _valid_results(results) and _valid_graph(graph):
                    return Manifest(code_fp, started_ns, entries, results, graph)
    except Exception:  # missing, damaged or foreign: start again
        pass
    return Manifest(code_fp)


def _valid_results(results: dict) -> bool:
    return all(isinstance(k, bytes) and isinstance(v, dict)
               and all(isinstance(c, str) and isinstance(ds, tuple) and all(isinstance(d, Diagnostic) for d in ds)
                       for c, ds in v.items()) for k, v in results.items())


def _valid_graph(graph) -> bool:
    from plandsl.inherit.graph import GraphIssue

    if graph is None:
        return True
    digest, (paths, parent_map, issues, in_cycle, order) = graph
    return isinstance(digest, bytes) and isinstance(paths, dict) and isinstance(parent_map, dict) \
        and all(isinstance(i, GraphIssue) for i in issues) and isinstance(in_cycle, frozenset) \
        and isinstance(order, tuple) and set(order) == set(parent_map) == set(paths)


def _graph(headers: list, rows: list, stored: tuple | None, build_graph):
    """The graph of ``headers``: the stored one when every header (``rows``, as stored) is as it was."""
    from plandsl.inherit.graph import PlanGraph

    # What the graph reads of each header: id, level, spans and parent links (not the allows).
    # repr, not pickle: a pickle's bytes depend on which equal objects happen to be shared.
    digest = hashlib.blake2b(repr([(path, row[:5]) for path, row in rows]).encode(), digest_size=20).digest()
    if stored is not None and stored[0] == digest:
        paths, parent_map, issues, in_cycle, order = stored[1]
        by_path = {h.span.path: h for h in headers}
        plans = {pid: by_path[path] for pid, path in paths.items()}
        return PlanGraph(plans, parent_map, issues, in_cycle, order), stored
    graph = build_graph(headers)
    data = ({pid: p.span.path for pid, p in graph.plans.items()}, graph.parent_map, graph.issues,
            graph.in_cycle, graph.topo_order)
    return graph, (digest, data)


def write_manifest(path: Path, manifest: Manifest) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = (manifest.code_fp, manifest.started_ns, {p: tuple(e) for p, e in manifest.files.items()},
                manifest.results, manifest.graph)
        blob = MAGIC + pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(path, blob, overwrite=True, durable=False)
        others = sorted(path.parent.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass


def env_key() -> bytes | None:
    """Code, configuration and date: what every plan's findings depend on besides the specs."""
    from plandsl.check.store import code_fingerprint
    from plandsl.project.config import find_config

    h = hashlib.blake2b(digest_size=20)
    h.update(code_fingerprint().encode() + b"\0" + dt.date.today().isoformat().encode() + b"\0")
    config = find_config()
    if config is not None:
        try:
            h.update(os.fsencode(str(config)) + b"\0" + config.read_bytes())
        except OSError:
            return None
    return h.digest()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def check_incremental(paths: list[str], *, jobs: int | None = None,
                      root: str | os.PathLike | None = None) -> "CachedCheck":
    """`plandsl check PATHS` with the manifest: findings identical to a full run."""
    from plandsl.project.parse_cache import ParseCache, default_root
    from plandsl.check.store import CachedCheck, code_fingerprint
    from plandsl.project.config import load_config
    from plandsl.inherit.graph import build_graph
    from plandsl.language.headers import header_from_row, header_row
    from plandsl.project.loader import discover_checked
    from plandsl.project.parallel import parse_many
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES
    from plandsl.rules.engine import is_deviation_rule, reads_only_graph, select_rules

    global LAST_RUN
    stats = LAST_RUN = RunStats()
    started_ns = time.time_ns()
    cache_root = Path(root) if root is not None else default_root()
    files, discover_diags = discover_checked(paths)
    stats.files = len(files)
    load_all()
    config = load_config(None, known_codes=set(RULES))
    rules = select_rules(config)
    checked_rules = [r for r in rules if not is_deviation_rule(r)]
    env = env_key()
    if env is None or not all(reads_only_graph(r) for r in checked_rules):
        return _full(paths, jobs, stats)

    where = manifest_path(cache_root, paths)
    old = read_manifest(where, code_fingerprint())
    new = Manifest(old.code_fp, started_ns)
    changed = False
    to_parse: list[str] = []
    seen: dict[str, tuple[os.stat_result, bytes]] = {}  # stat taken before reading, and the digest read
    for path in files:
        entry = old.files.get(path)
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if entry is not None and st is not None and st.st_size == entry.size and st.st_mtime_ns == entry.mtime_ns \
                and entry.mtime_ns < old.started_ns - RACY_NS:
            new.files[path] = entry
            continue
        changed = True
        data = None
        if st is not None:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError:
                data = None
            stats.hashed += 1
        if st is None or data is None:
            to_parse.append(path)  # reported by the parser; not recorded, so tried again next run
            continue
        digest = _digest(data)
        if entry is not None and digest == entry.digest:
            new.files[path] = entry._replace(size=st.st_size, mtime_ns=st.st_mtime_ns)
        else:
            seen[path] = (st, digest)
            to_parse.append(path)

    store = ParseCache(cache_root)
    loaded: dict[str, "ParseResult"] = {}
    unrecorded: dict[str, tuple[Diagnostic, ...]] = {}
    if to_parse:
        stats.parsed = len(to_parse)
        for result in parse_many(to_parse, jobs=jobs, cache=store):
            loaded[result.path] = result
            if result.path in seen:
                st, digest = seen[result.path]
                header = header_row(result.plan) if result.plan is not None else None
                new.files[result.path] = FileEntry(st.st_size, st.st_mtime_ns, digest, result.diagnostics, header)
            else:
                unrecorded[result.path] = result.diagnostics
    try:
        headers = [header_from_row(p, new.files[p].header) for p in files
                   if p in new.files and new.files[p].header is not None]
    except Exception:  # a damaged manifest: forget it and start again
        if not old.files:
            raise
        where.unlink(missing_ok=True)
        return check_incremental(paths, jobs=jobs, root=root)
    rows = [(p, new.files[p].header) for p in files if p in new.files and new.files[p].header is not None]
    graph, new.graph = _graph(headers, rows, old.graph, build_graph)
    changed = changed or new.graph != old.graph

    order = graph.order()
    keys = _plan_keys(graph, new.files, env, order)
    dirty = [pid for pid in order if keys[pid] not in old.results]
    for pid in order:
        if keys[pid] in old.results:
            new.results[keys[pid]] = old.results[keys[pid]]
    stats.reused = len(order) - len(dirty)
    if dirty:
        changed = True
        try:
            _check_dirty(graph, dirty, keys, loaded, new, checked_rules, store, jobs, stats)
        except _Changed:
            return _full(paths, jobs, stats)

    file_diags = {p: e.diagnostics for p, e in new.files.items()} | unrecorded
    diagnostics = _assemble(graph, rules, checked_rules, order, keys, new, discover_diags, files, file_diags,
                            config)
    if changed or len(new.results) != len(old.results):
        write_manifest(where, new)
    return CachedCheck(tuple(diagnostics), _sources(diagnostics, loaded), len(files))


def _plan_keys(graph, files: dict[str, FileEntry], env: bytes, order: list[str]) -> dict[str, bytes]:
    ancestors = graph.ancestors_by_plan()
    parts: dict[str, bytes] = {}
    for pid in order:
        plan = graph.plans[pid]
        entry = files[plan.span.path]
        parts[pid] = b"\0".join([pid.encode(), os.fsencode(plan.span.path), entry.digest,
                                 "\x1f".join(graph.parents(pid)).encode(), b"1" if graph.complete(pid) else b"0"])
    keys = {}
    for pid in order:
        h = hashlib.blake2b(env, digest_size=20)
        h.update(parts[pid])
        for anc in sorted(ancestors[pid]):
            h.update(b"\x1e" + parts[anc])
        keys[pid] = h.digest()
    return keys


def _check_dirty(graph, dirty: list[str], keys: dict[str, bytes], loaded: dict[str, "ParseResult"],
                 manifest: Manifest, checked_rules, store, jobs: int | None, stats: RunStats) -> None:
    """Load, resolve and run the per-plan rules for the dirty plans (and load their ancestors)."""
    from plandsl.project.loader import SpecSet
    from plandsl.project.parallel import parse_many
    from plandsl.inherit.resolve import Resolution, resolve_plan
    from plandsl.rules.engine import RuleContext, plan_findings

    ancestors = graph.ancestors_by_plan()
    needed = set(dirty)
    for pid in dirty:
        needed |= ancestors[pid]
    missing = sorted(graph.plans[p].span.path for p in needed if graph.plans[p].span.path not in loaded)
    if missing:
        for result in parse_many(missing, jobs=jobs, cache=store):
            loaded[result.path] = result
    stats.loaded = len(needed)
    resolved = {}
    for pid in graph.order():
        if pid in needed:
            plan = loaded[graph.plans[pid].span.path].plan
            if plan is None or plan.id != pid:  # the file changed under us: be safe, check it fully next run
                raise _Changed()
            resolved[pid] = resolve_plan(plan, [resolved[p] for p in graph.parents(pid)], graph.complete(pid))
    specs = SpecSet(tuple(loaded[p] for p in sorted({graph.plans[p].span.path for p in needed})))
    ctx = RuleContext(specs, Resolution(graph, resolved))
    for pid in dirty:
        found = plan_findings(checked_rules, resolved[pid], ctx)
        manifest.results[keys[pid]] = {code: tuple(ds) for code, ds in found.items()}
    stats.checked = len(dirty)


class _Changed(Exception):
    pass


def _assemble(graph, rules, checked_rules, order, keys, manifest: Manifest, discover_diags, files, file_diags,
              config) -> list[Diagnostic]:
    from plandsl.inherit.resolve import Resolution
    from plandsl.rules.engine import RuleContext, assemble, set_findings

    ctx = RuleContext(None, Resolution(graph, {}))  # type: ignore[arg-type]
    per_plan = [manifest.results[keys[pid]] for pid in order]
    found = assemble(rules, set_findings(checked_rules, ctx), per_plan, ctx)
    parse_diags = [d for p in files for d in file_diags.get(p, ())]
    return list(discover_diags) + parse_diags + list(config.diagnostics) + found


def _full(paths: list[str], jobs: int | None, stats: RunStats) -> "CachedCheck":
    from plandsl.check.store import CachedCheck
    from plandsl.check.pipeline import check_paths

    stats.fallback = True
    result = check_paths(list(paths), jobs=jobs, cache=True)
    return CachedCheck(tuple(result.diagnostics), result.specs.sources(), len(result.specs.files))


def _sources(diagnostics: list[Diagnostic], loaded: dict[str, "ParseResult"]) -> dict[str, str]:
    """Decoded text of the specs the findings point into (for the source excerpts)."""
    from plandsl.language.source import decode

    wanted = set()
    for d in diagnostics:
        if d.span is not None:
            wanted.add(d.span.path)
        wanted.update(r.span.path for r in d.related)
    out = {}
    for path in wanted:
        result = loaded.get(path)
        if result is not None:
            text = result.text
        else:
            try:
                with open(path, "rb") as fh:
                    text = decode(fh.read(), path).text
            except OSError:
                text = None
        if text is not None:
            out[path] = text
    return out


def check_with_cache(paths: list[str], *, jobs: int | None = None) -> "CachedCheck":
    """Run `check` over ``paths``, re-checking only what changed since the last run."""
    return check_incremental(list(paths), jobs=jobs)
