"""One check of an :class:`~plandsl.check.engine.Engine`: graph, plan keys, dirty plans, rules, assembly.

Split from the engine module for size; these functions read and update the
engine's private state and are not a public API.
"""

from __future__ import annotations

import os
from typing import Callable

from plandsl.check import codec
from plandsl.check.env import STORE_FLOOR, config_bytes, env_key
from plandsl.core.diagnostics import Diagnostic
from plandsl.core.hashing import blake2b

Progress = Callable[[int, int], None]  # (done, total)


class CheckResult:
    """The findings of one check, in the order of a full run. ``sources``: decoded text of the files
    the diagnostics point into (read on first use)."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...], files: int, text_of: Callable[[str], str | None]):
        self.diagnostics = diagnostics
        self.files = files
        self._text_of = text_of
        self._sources: dict[str, str] | None = None

    @property
    def sources(self) -> dict[str, str]:
        if self._sources is None:
            wanted: set[str] = set()
            for d in self.diagnostics:
                if d.span is not None:
                    wanted.add(d.span.path)
                wanted.update(r.span.path for r in d.related if r.span is not None)
            found = {p: self._text_of(p) for p in sorted(wanted)}
            self._sources = {p: t for p, t in found.items() if t is not None}
        return self._sources




class Changed(Exception):
    """A file changed on disk while the check read it: start the check again."""


def ensure_env(engine: "Engine") -> None:
    """Configuration, rules and the environment key; when they change every plan key is stale."""
    from plandsl.project.config import load_config
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES
    from plandsl.rules.engine import is_deviation_rule, select_rules

    path, data = config_bytes(engine.config_path)
    lang = engine.lang
    marker = (path, data, lang)
    if engine._env is not None and engine._env[0] == marker and engine._env[2] == _today():
        return
    load_all()
    engine._config = load_config(engine.config_path, known_codes=set(RULES))
    engine._rules = select_rules(engine._config)
    engine._checked = [r for r in engine._rules if not is_deviation_rule(r)]
    key = env_key(path, data, lang, [f"{r.code}:{r.severity}" for r in engine._rules])
    if engine._env is None or engine._env[1] != key:
        engine._stale = None
    engine._env = (marker, key, _today())


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def ensure_graph(engine: "Engine"):
    if engine._graph is None:
        from plandsl.inherit.graph import build_graph

        files = engine._files
        engine._graph = build_graph([files[p].header for p in engine.files if files[p].header is not None])
        children: dict[str, list[str]] = {pid: [] for pid in engine._graph.plans}
        for pid, parents in engine._graph.parent_map.items():
            for parent in parents:
                children[parent].append(pid)
        engine._children = children
        engine._stale = None
    return engine._graph


def _descendants(engine: "Engine", roots: set[str]) -> set[str]:
    from plandsl.inherit.graph import reachable

    return reachable((p for p in roots if p in engine._children), engine._children.__getitem__)


_AMENDED: list = [None, {}]  # [the graph it was computed for, its result]: one pass per graph, not per plan


def _amended(graph) -> dict:
    """Plans amended or replaced by other loaded plans: id -> [(amending header, Amendment)], oldest first.
    Headers carry the amendments and the instrument date, which is all that decides what is in force."""
    if _AMENDED[0] is graph:
        return _AMENDED[1]
    out: dict = {}
    if any(p.amendments for p in graph.plans.values()):
        from plandsl.inherit.effective import amenders

        out = {pid: pairs for pid, pairs in amenders(graph.plans.values()).items() if pid in graph.plans}
    _AMENDED[0], _AMENDED[1] = graph, out
    return out


def _in_force_amenders(graph, plan_id: str) -> list:
    """The (amending header, Amendment) pairs of ``plan_id`` in force today (children see the plan as amended)."""
    pairs = _amended(graph).get(plan_id)
    if not pairs:
        return []  # (nearly every plan: no date to read)
    import datetime as dt

    from plandsl.inherit.effective import in_force

    today = dt.date.fromisoformat(_today())
    return [(src, a) for src, a in pairs if in_force(src, today)]


def plan_key(env: bytes, pid: str, path: str, digest: str, complete: bool, parents: list[tuple]) -> bytes:
    """A plan's key: the environment, the plan's id, file and content, whether its parents are complete,
    and per parent (sorted by id) its key and the amending plans in force for it, as (key, [(id, digest)])."""
    h = blake2b(env, digest_size=20)
    h.update(b"\0".join([pid.encode(), os.fsencode(path), digest.encode(), b"1" if complete else b"0"]))
    for parent_key, amenders in parents:
        h.update(b"\x1e" + parent_key)
        for amender, amender_digest in amenders:
            h.update(b"\x1d" + amender.encode() + b"\0" + amender_digest.encode())
    return h.digest()


def parent_part(engine: "Engine", graph, parent: str, keys: dict[str, bytes]) -> tuple:
    """What a child's key takes of ``parent``: its key, and the amending plans in force for it."""
    return keys[parent], [(src.id, engine._files[src.span.path].digest) for src, _ in _in_force_amenders(graph, parent)]


def update_keys(engine: "Engine") -> dict[str, bytes]:
    """Every plan's key; recomputed only for stale plans and their descendants. A plan's key covers
    its parents' keys and the files of the amending plans in force for each parent (its parent as
    in force), so an edit to an amending plan makes the amended plan's children stale."""
    graph = ensure_graph(engine)
    env = engine._env[1]
    if engine._stale is None:
        stale = set(graph.plans)
        engine._keys = {}
    else:
        roots = {p for p in engine._stale if p in graph.plans}
        roots |= {a.plan_id for p in roots for a in graph.plans[p].amendments if a.plan_id in graph.plans}
        stale = _descendants(engine, roots)
    if stale:
        files = engine._files
        for pid in graph.topo_order:
            if pid not in stale:
                continue
            plan = graph.plans[pid]
            engine._keys[pid] = plan_key(env, pid, plan.span.path, files[plan.span.path].digest, graph.complete(pid),
                                         [parent_part(engine, graph, p, engine._keys) for p in graph.parent_map[pid]])
    engine._stale = set()
    return engine._keys


def resolve_some(engine: "Engine", wanted: list[str]) -> dict:
    """Resolve the ``wanted`` plans and their ancestors (reusing resolutions whose key is current)."""
    from plandsl.inherit.graph import reachable
    from plandsl.inherit.resolve import resolve_plan

    graph = ensure_graph(engine)
    ensure_env(engine)
    keys = update_keys(engine)
    ancestors = reachable(wanted, graph.parent_map.__getitem__)
    need = [pid for pid in graph.topo_order if pid in ancestors]
    stale_need = [p for p in need if engine._resolved.get(p, (None,))[0] != keys[p]]
    # A stale plan whose parent is amended needs the amending plans' full text (their targets).
    amending = {src.span.path for p in stale_need for parent in graph.parent_map[p]
                for src, _ in _in_force_amenders(graph, parent)}
    missing = [path for path in dict.fromkeys([graph.plans[p].span.path for p in stale_need] + sorted(amending))
               if engine._files[path].result is None]
    if missing and (engine._load_full(missing) or engine._graph is not graph):
        raise Changed()
    out = {}
    for pid in need:
        cached = engine._resolved.get(pid)
        if cached is None or cached[0] != keys[pid]:
            result = engine._files[graph.plans[pid].span.path].result
            plan = result.plan if result is not None else None
            if plan is None or plan.id != pid:
                raise Changed()
            rp = resolve_plan(plan, [_as_in_force(engine, graph, p, out[p]) for p in graph.parent_map[pid]],
                              graph.complete(pid))
            cached = engine._resolved[pid] = (keys[pid], rp)
        out[pid] = cached[1]
    return out


def _as_in_force(engine: "Engine", graph, plan_id: str, rp):
    """The resolved parent ``rp`` with the amendments in force today applied (``rp`` if none)."""
    pairs = _in_force_amenders(graph, plan_id)
    if not pairs:
        return rp
    import datetime as dt

    from plandsl.inherit.resolve import apply_amendments

    full = []
    for src, a in pairs:
        result = engine._files[src.span.path].result
        plan = result.plan if result is not None else None
        if plan is None or plan.id != src.id:
            raise Changed()
        full.append((plan, a))
    return apply_amendments(rp, full, dt.date.fromisoformat(_today()))


def run_check(engine: "Engine", progress: "Progress | None" = None, only: set[str] | None = None):
    """Bring every plan's findings up to date; the CheckResult of the whole set, or with ``only``
    (paths) just the diagnostics pointing into those files (the same as filtering the whole result)."""
    for _ in range(5):
        try:
            return _run(engine, progress, only)
        except Changed:
            continue
    return _run(engine, progress, only)


def _run(engine: "Engine", progress: "Progress | None", only: set[str] | None = None):
    from plandsl.inherit.resolve import Resolution
    from plandsl.project.loader import SpecSet
    from plandsl.rules.context import RuleContext
    from plandsl.rules.engine import assemble, plan_findings, reads_only_graph, set_findings

    ensure_env(engine)
    graph = ensure_graph(engine)
    keys = update_keys(engine)
    order = graph.topo_order
    dirty = [pid for pid in order if engine._found.get(pid, (None,))[0] != keys[pid]]
    codes = frozenset(r.code for r in engine._checked)
    if dirty and engine.db is not None:
        stored = engine.db.get_many("findings", [keys[p].hex() for p in dirty])
        still = []
        for pid in dirty:
            text = stored.get(keys[pid].hex())
            try:
                found = codec.findings_load(text, codes) if text is not None else None
            except codec.Invalid:
                found = None
            if found is None:
                still.append(pid)
            else:
                _record(engine, pid, keys[pid], found)
        dirty = still
    engine.stats.update(plans=len(order), checked=len(dirty), reused=len(order) - len(dirty), loaded=0)
    if len(dirty) >= 2:
        dirty = engine._recheck_streamed(graph, keys, dirty, progress)  # many plans: through the workers
    if dirty:
        resolved = resolve_some(engine, dirty)
        engine.stats["loaded"] = len(resolved)
        paths = sorted({graph.plans[p].span.path for p in resolved})
        # A plan whose resolution was reused may be known by its summary only (no full parse here):
        # its text is then not in the set, and the rules that read text fall back to the model.
        results = tuple(r for r in (engine._files[p].result for p in paths) if r is not None)
        ctx = RuleContext(SpecSet(results), Resolution(graph, resolved))
        for n, pid in enumerate(dirty):
            found = {code: tuple(ds) for code, ds in plan_findings(engine._checked, resolved[pid], ctx).items()}
            _record(engine, pid, keys[pid], found)
            if engine.db is not None:
                engine.db.put("findings", keys[pid].hex(), codec.findings_dump(found))
            if progress is not None:
                progress(n + 1, len(dirty))
    on_headers = all(reads_only_graph(r, codec.HEADER_FIELDS) for r in engine._checked)
    if on_headers and engine._set_found is not None and engine._set_found[0] is graph \
            and engine._set_found[1] == engine._env[1]:
        set_found = engine._set_found[2]  # same headers, same environment: same set-level findings
    else:
        if on_headers:
            set_ctx = RuleContext(None, Resolution(graph, {}))  # type: ignore[arg-type]
        else:  # a set-level rule that reads the plans: give it the whole set
            specs = engine.specs()
            if engine._graph is not graph or engine._stale:
                raise Changed()
            set_ctx = RuleContext(specs, engine.resolution())
        set_found = set_findings(engine._checked, set_ctx)
        engine._set_found = (graph, engine._env[1], set_found) if on_headers else None
    if engine._asm_ctx is None or engine._asm_ctx[0] is not graph:  # it reads only the graph's plans
        engine._asm_ctx = (graph, RuleContext(None, Resolution(graph, {})))  # type: ignore[arg-type]
    ctx = engine._asm_ctx[1]
    if only is not None:
        _commit(engine, keys, order)
        return _assemble_for(engine, set_found, order, ctx, only)
    found = assemble(engine._rules, set_found, [engine._found[pid][1] for pid in order], ctx)
    parse_diags = [d for p in engine.files for d in engine._files[p].diagnostics]
    diagnostics = tuple(engine._discover_diags) + tuple(parse_diags) + tuple(engine._config.diagnostics) \
        + tuple(found)
    engine._last = CheckResult(diagnostics, len(engine.files), engine.text)
    # The whole result is stored by an engine's first full check only (the CLI's one check; a server's
    # first): a long-running server would otherwise add a row per edit until its store is pruned.
    run = engine.run_key() if not engine._pruned else None
    if run is not None and engine.db is not None:
        engine.db.put("runs", run, codec.run_dump(diagnostics, len(engine.files), len(order)))
        if on_headers:
            engine._save_last(graph, keys, set_found, found)  # for the next process to patch
    _commit(engine, keys, order, run)
    return engine._last


def _commit(engine: "Engine", keys: dict, order, run: str | None = None) -> None:
    """Write what this check put in the store; the first time, drop what the set no longer uses."""
    if engine.db is not None:
        from plandsl.registry import jurisdictions

        jurisdictions.store_index()  # a unit index built without the store (a big run stores it earlier)
    if engine.db is None or not engine.db.pending:
        return
    keep = None
    if not engine._pruned:  # once per engine: the CLI's one run, a server's first check
        from plandsl.check.env import parse_key

        lang = engine.lang
        parsed = [parse_key(p, s.digest, lang) for p, s in engine._files.items() if s.digest and not s.overlay]
        keep = {"findings": [keys[p].hex() for p in order], "parsed": parsed, "runs": [run] if run else []}
        engine._pruned = True
    engine.db.commit(keep=keep, floor=STORE_FLOOR)


def _record(engine: "Engine", pid: str, key: bytes, found: dict) -> None:
    """A plan's per-plan findings, and which files they point into (for ``_assemble_for``)."""
    engine._found[pid] = (key, found)
    for path in engine._touched_by.pop(pid, ()):
        engine._touch.get(path, set()).discard(pid)
    paths = {d.span.path for ds in found.values() for d in ds if d.span is not None}
    engine._touched_by[pid] = paths
    for path in paths:
        engine._touch.setdefault(path, set()).add(pid)


def _assemble_for(engine: "Engine", set_found: dict, order, ctx, only: set[str]) -> list[Diagnostic]:
    """``assemble`` restricted to the findings pointing into ``only``: allows are per file (a finding is
    allowed by the plan of the file it points into), so this equals filtering the whole result."""
    from plandsl.rules.engine import apply_allows, is_deviation_rule

    buckets: dict[str, list[Diagnostic]] = {}
    for code, ds in set_found.items():
        buckets.setdefault(code, []).extend(d for d in ds if d.span is not None and d.span.path in only)
    plan_buckets: dict[str, list[Diagnostic]] = {}
    touching = set().union(*(engine._touch.get(p, ()) for p in only))
    for pid in order:
        if pid not in touching:
            continue
        for code, ds in engine._found[pid][1].items():
            for d in ds:
                if d.span is not None and d.span.path in only:
                    plan_buckets.setdefault(code, []).append(d)
    found: list[Diagnostic] = []
    for rule in engine._rules:
        if not is_deviation_rule(rule):
            found.extend(buckets.get(rule.code, ()))
            found.extend(plan_buckets.get(rule.code, ()))
    kept, used = apply_allows(found, ctx)
    plans = [p for p in ctx.resolution.graph.plans.values() if p.span.path in only]
    for rule in engine._rules:
        if is_deviation_rule(rule):
            for plan in plans:
                kept.extend(rule.check_allows(plan, used, ctx))  # type: ignore[attr-defined]
    head = [d for p in engine.files if p in only for d in engine._files[p].diagnostics]
    head = [d for d in (*engine._discover_diags, *head, *engine._config.diagnostics)
            if d.span is not None and d.span.path in only]
    return head + [d for d in kept if d.span is not None]
