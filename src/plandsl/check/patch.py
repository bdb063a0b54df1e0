"""A re-check from a new process after a few files changed: the last whole check of the set, patched.

The engine's ordinary step needs every plan header to build the graph and every
plan's findings to assemble the result; from a new process (``plandsl check``
after an edit) that is decoding 3,356 stored headers and findings for the
country. When a whole check is made, :func:`save` stores what that step would
rebuild, as one value of the cache store (namespace ``last``, keyed by the
environment without the rule list, the discovery findings and the set of
paths): per file (in the order of the sorted paths, which the key fixes) its
digest and a hash of its header; per plan its file, key, parents (in graph
order), completeness and topological position, as columns (fixed-width hex
strings and lists of numbers: a third less to store, read and write than a
list per file and per plan, which cost ~20 ms of a one-file re-check); the parse
findings by file; the set-level findings before allows; the result's findings,
each tagged with where it came from (a set-level rule, a plan's per-plan rules,
or an AL rule on a plan's allows); and, for the files whose plan has allows,
which plans' findings point into them.

:func:`apply` answers the next check from it when the same files are there,
few changed, and no changed file's header changed (so the graph, the set-level
findings and every allow are those of the stored check, and so is every other
plan's key). It re-keys the changed plans and their descendants, takes their
findings from the store or computes them on their parents (as the streaming
workers do), applies the allows, re-runs the AL rules for the files whose allows
may now be used differently, and puts the new findings where the whole check
puts them: by rule, set-level findings first, then plan by plan in topological
order; AL findings last, by rule, plan by plan in the graph's order. Anything
else (a header changed, an amendment anywhere, a plan in a cycle, a set-level
rule reading whole plans, a damaged value, a stored finding missing) returns
None and the engine takes its ordinary step. ``tests/test_engine_patch.py``
compares the result with a clean run.
"""

from __future__ import annotations

import json

from plandsl.check import codec
from plandsl.check.codec import Invalid, _need
from plandsl.core.hashing import blake2b
from plandsl.inherit.graph import reachable

NS = "last"
VERSION = 3
DIGEST, SIG, KEY = 40, 16, 40  # widths of a file's digest, its header's hash and a plan's key, in hex


class _Keys:
    """Keys to keep in the store, computed only if the store is pruned (see CacheDB.commit)."""

    def __init__(self, n: int, make) -> None:
        self.n, self.make = n, make

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return iter(self.make())


class _AllowsOnly:
    """What ``apply_allows`` reads of a rule context: the plan of each file."""

    def __init__(self, plans_by_path: dict) -> None:
        self.plans_by_path = plans_by_path


class _Plans:
    """The stored plans by id, each as (id, path, None, parent ids, complete, topological position), read
    from the value's columns on demand; iterates the ids in the graph's order."""

    def __init__(self, value: dict, paths: list[str]) -> None:
        self.ids, self.value, self.paths = value["ids"], value, paths
        self.number = {pid: n for n, pid in enumerate(self.ids)}

    def __getitem__(self, pid: str) -> tuple:
        n, v = self.number[pid], self.value
        return (pid, self.paths[v["file"][n]], None, [self.ids[q] for q in v["parents"][n]], v["complete"][n] == "1",
                v["topo"][n])

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class _PlanKeys:
    """The plans' keys (bytes) by id: the stored ones (one hex string, ``KEY`` digits each, in the order of
    ``number``), those set since overriding them."""

    def __init__(self, joined: str, number: dict[str, int]) -> None:
        self.stored, self.number, self.new = joined, number, {}

    def __getitem__(self, pid: str) -> bytes:
        found = self.new.get(pid)
        if found is None:
            n = self.number[pid]
            found = bytes.fromhex(self.stored[KEY * n:KEY * (n + 1)])
        return found

    def __setitem__(self, pid: str, key: bytes) -> None:
        self.new[pid] = key

    def joined(self) -> str:
        """Every key in hex, joined in the order of ``number``, the new ones in their places."""
        out = self.stored
        for pid, k in self.new.items():
            n = self.number[pid]
            out = out[:KEY * n] + k.hex() + out[KEY * (n + 1):]
        return out



def sig_hash(sig: str | None) -> str:
    return blake2b((sig or "").encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def key(engine, paths) -> str:
    """The value's key: the run key (:meth:`Engine.run_key`) of the paths without their contents."""
    from plandsl.check.env import run_key

    return run_key(engine._base_env(), [codec.diags_dump(engine._discover_diags)], [(p, "") for p in sorted(paths)])


# ---------------------------------------------------------------- saving


def save(engine, graph, keys: dict, set_found: dict, kept) -> None:
    """Store the last whole check of the engine's set (see the module docstring)."""
    from plandsl.rules.engine import is_deviation_rule

    if engine.db is None or engine._overlays or any(p.amendments for p in graph.plans.values()):
        return
    files = engine._files
    topo = {pid: n for n, pid in enumerate(graph.topo_order)}
    origin = {}
    for pid in graph.topo_order:
        for code, ds in engine._found[pid][1].items():
            for d in ds:
                origin[id(d)] = (pid, code)
    for code, ds in set_found.items():
        for d in ds:
            origin[id(d)] = ("", code)
    path_pid = {plan.span.path: pid for pid, plan in graph.plans.items()}
    paths = engine.files
    if any(len(files[p].digest) != DIGEST for p in paths):
        return
    deviation = {r.code for r in engine._rules if is_deviation_rule(r)}
    out = []
    for d in kept:
        tag = origin.get(id(d))
        if tag is None:  # an AL finding, on an allow line of the plan of its file
            if d.code not in deviation or d.span is None or d.span.path not in path_pid:
                return
            tag = ("!" + path_pid[d.span.path], d.code)
        out.append([tag[0], tag[1], codec.diag_json(d)])
    touch = {path: sorted(pid for pid in engine._touch.get(path, ()) if pid in graph.plans)
             for path, pid in path_pid.items() if graph.plans[pid].allows}
    at = {p: n for n, p in enumerate(paths)}  # a plan's file by its place in the sorted paths
    ids = list(graph.plans)
    number = {pid: n for n, pid in enumerate(ids)}
    value = {
        "v": VERSION, "env": engine._env[1].hex(), "rules": [r.code for r in engine._rules],
        "digests": "".join([files[p].digest for p in paths]),
        "sigs": "".join([sig_hash(files[p].header_sig) for p in paths]),
        "ids": ids, "file": [at[plan.span.path] for plan in graph.plans.values()],
        "keys": "".join([keys[pid].hex() for pid in ids]),
        "parents": [[number[q] for q in graph.parent_map[pid]] for pid in ids],
        "complete": "".join(["1" if graph.complete(pid) else "0" for pid in ids]),
        "topo": [topo[pid] for pid in ids],
        "parse": {p: [codec.diag_json(d) for d in files[p].diagnostics] for p in paths if files[p].diagnostics},
        "set": {code: [codec.diag_json(d) for d in ds] for code, ds in set_found.items()},
        "out": out, "touch": touch,
    }
    engine.db.put(NS, key(engine, paths), json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def load(text: str, paths) -> dict:
    """The stored value, checked for shape (its parts are checked again where they are used); raises
    :class:`~plandsl.check.codec.Invalid` for anything else."""
    try:
        return _load(text, paths)
    except (KeyError, TypeError, IndexError, ValueError) as exc:  # Invalid is a ValueError
        raise Invalid(str(exc)) from None


def _load(text: str, paths) -> dict:
    v = codec._parse(text)
    _need(type(v) is dict and v.get("v") == VERSION)
    for name, kind in (("env", str), ("rules", list), ("digests", str), ("sigs", str), ("ids", list),
                       ("file", list), ("keys", str), ("parents", list), ("complete", str), ("topo", list),
                       ("parse", dict), ("set", dict), ("out", list), ("touch", dict)):
        _need(type(v.get(name)) is kind)
    files, plans = len(paths), len(v["ids"])
    _need(len(v["digests"]) == DIGEST * files and len(v["sigs"]) == SIG * files and len(v["keys"]) == KEY * plans)
    _need(len(v["file"]) == len(v["parents"]) == len(v["complete"]) == len(v["topo"]) == plans)
    # Type checks by the set of types met (in C), ranges by min and max: ~3 ms less than one test per entry.
    _need(set(map(type, v["ids"])) <= {str} and len(set(v["ids"])) == plans)
    _need(set(map(type, v["topo"])) <= {int} and not v["complete"].strip("01"))
    _need(set(map(type, v["file"])) <= {int} and (not plans or (min(v["file"]) >= 0 and max(v["file"]) < files)))
    _need(set(map(type, v["parents"])) <= {list})
    flat = [q for ps in v["parents"] for q in ps]
    _need(set(map(type, flat)) <= {int} and (not flat or (min(flat) >= 0 and max(flat) < plans)))
    return v


# ---------------------------------------------------------------- applying


def apply(engine, value: dict, states: dict):
    """The check of the files ``states`` (path -> FileState, digests read), patched from ``value``;
    None when the ordinary step must be taken."""
    try:
        return _apply(engine, value, states)
    except (Invalid, KeyError, ValueError, TypeError, IndexError):  # a value plandsl does not write: a miss
        return None


def _apply(engine, value: dict, states: dict):
    from plandsl.check import shards
    from plandsl.check.env import STORE_FLOOR, parse_key
    from plandsl.check.files import header_sig
    from plandsl.check.run import CheckResult, ensure_env, plan_key
    from plandsl.rules.engine import is_deviation_rule, reads_only_graph

    ensure_env(engine)
    if value["env"] != engine._env[1].hex() or value["rules"] != [r.code for r in engine._rules] \
            or not all(reads_only_graph(r, codec.HEADER_FIELDS) for r in engine._checked):
        return None
    paths = sorted(states)  # the stored files, in this order (the value's key holds the same paths)
    file_at = {p: n for n, p in enumerate(paths)}
    digests, sigs, ids = value["digests"], value["sigs"], value["ids"]
    limit = shards.SHARD_MIN  # as many plans to re-check as that: the ordinary step streams them through workers
    if any(not states[p].digest for p in paths):
        return None
    changed = [p for n, p in enumerate(paths) if states[p].digest != digests[DIGEST * n:DIGEST * (n + 1)]]
    if len(changed) >= limit:
        return None
    results = {}
    for path in changed:
        result = _parse_exact(engine, path, states[path].digest, states[path].data)
        if result is None:
            return None
        results[path] = result
        n = file_at[path]
        if sig_hash(header_sig(result.plan)) != sigs[SIG * n:SIG * (n + 1)]:
            return None  # a header changed: the graph may have
    plans = _Plans(value, paths)
    children: list[list[int]] = [[] for _ in ids]
    for n, ps in enumerate(value["parents"]):
        for q in ps:
            children[q].append(n)
    path_plan = {paths[f]: n for n, f in enumerate(value["file"])}
    dirty = {ids[n] for n in reachable((path_plan[p] for p in changed if p in path_plan), children.__getitem__)}
    if len(dirty) >= limit:
        return None
    if not all(plans[pid][4] for pid in _with_ancestors(plans, dirty)):
        return None  # an unknown parent or a cycle: the ordinary step
    env = engine._env[1]
    keys = _PlanKeys(value["keys"], plans.number)  # the plans' keys, the dirty ones made again
    digest = {p: states[p].digest for p in states}
    for pid in sorted(dirty, key=lambda q: plans[q][5]):
        keys[pid] = plan_key(env, pid, plans[pid][1], digest[plans[pid][1]], True, [(keys[q], []) for q in plans[pid][3]])
    codes = frozenset(r.code for r in engine._checked)
    lang = engine.lang

    # The findings of the plans whose key changed: stored, or computed on their parents.
    found = _stored_findings(engine, [keys[pid].hex() for pid in dirty], codes)
    new = {pid: found[keys[pid].hex()] for pid in dirty if keys[pid].hex() in found}
    missing = sorted((pid for pid in dirty if pid not in new), key=lambda q: plans[q][5])
    if missing:
        computed = _compute(engine, plans, missing, results, digest)
        if computed is None:
            return None
        new.update(computed)
        for pid in missing:
            engine.db.put("findings", keys[pid].hex(), codec.findings_dump(new[pid]))

    # The allows of the files the new findings point into, and of the files whose AL findings may change.
    allow_paths = set(value["touch"])
    touched_new = {pid: {d.span.path for ds in new[pid].values() for d in ds if d.span is not None} for pid in new}
    again = {path for path in allow_paths if set(value["touch"][path]) & dirty
             or any(path in touched_new[pid] for pid in dirty) or path in results}
    wanted = {path for pid in dirty for path in touched_new[pid] if path in path_plan} | again
    headers = _headers(engine, wanted, results, digest, lang)
    if headers is None:
        return None
    ctx = _AllowsOnly({path: headers[path] for path in wanted})
    from plandsl.rules.engine import apply_allows

    rules = engine._rules
    rule_at = {r.code: n for n, r in enumerate(r for r in rules if not is_deviation_rule(r))}
    dev_at = {r.code: n for n, r in enumerate(r for r in rules if is_deviation_rule(r))}
    graph_at = plans.number  # a plan's place in the graph's order

    def order(tag: str, code: str) -> tuple:
        if tag.startswith("!"):
            return (1, dev_at[code], graph_at[tag[1:]])
        return (0, rule_at[code], plans[tag][5] + 1 if tag else 0)

    entries = []  # (sort key, tag, code, diagnostic JSON or None, diagnostic or None)
    for tag, code, dj in value["out"]:
        _need(type(tag) is str and type(code) is str)
        if tag in dirty or (tag.startswith("!") and plans[tag[1:]][1] in again):
            continue
        entries.append((order(tag, code), tag, code, dj, None))
    for pid in dirty:
        for code, ds in new[pid].items():
            kept, _ = apply_allows(list(ds), ctx)
            entries.extend((order(pid, code), pid, code, None, d) for d in kept)
    touch = {path: sorted((set(value["touch"][path]) - dirty) | {pid for pid in dirty if path in touched_new[pid]})
             for path in allow_paths}
    set_found = {code: codec.diags_load(ds) for code, ds in value["set"].items()}
    for path in sorted(again):
        pid = ids[path_plan[path]]
        raw = [d for ds in set_found.values() for d in ds if d.span is not None and d.span.path == path]
        others = [q for q in touch[path] if q not in dirty]
        stored = _stored_findings(engine, [keys[q].hex() for q in others], codes)
        for q in touch[path]:
            by_code = new[q] if q in dirty else stored.get(keys[q].hex())
            if by_code is None:
                return None
            raw.extend(d for ds in by_code.values() for d in ds if d.span is not None and d.span.path == path)
        _, used = apply_allows(raw, ctx)
        for rule in rules:
            if is_deviation_rule(rule):
                for d in rule.check_allows(headers[path], used, ctx):
                    entries.append((order("!" + pid, rule.code), "!" + pid, rule.code, None, d))
    entries.sort(key=lambda e: e[0])
    assembled = [e[4] if e[4] is not None else codec.diag_load(e[3]) for e in entries]

    parse = value["parse"]
    head = []
    for path in sorted(states):
        head.extend(results[path].diagnostics if path in results else codec.diags_load(parse.get(path, [])))
    diagnostics = tuple(engine._discover_diags) + tuple(head) + tuple(engine._config.diagnostics) + tuple(assembled)

    # Store the new state: summaries and stat records of the changed files, the whole result, this value.
    for path in changed:
        state = states[path].with_result(results[path])
        states[path] = state
        engine._store_summary(path, state, codec.parsed_dump(results[path].diagnostics, results[path].plan), lang)
        n = file_at[path]
        digests = digests[:DIGEST * n] + state.digest + digests[DIGEST * (n + 1):]
        if results[path].diagnostics:
            parse[path] = [codec.diag_json(d) for d in results[path].diagnostics]
        else:
            parse.pop(path, None)
    joined = keys.joined()
    value["digests"], value["keys"] = digests, joined
    value["out"] = [[e[1], e[2], e[3] if e[3] is not None else codec.diag_json(e[4])] for e in entries]
    value["touch"] = touch
    result = CheckResult(diagnostics, len(states), engine.text)
    engine._deferred = states
    run = engine._open_key if engine._open_key is not None else engine.run_key()
    last = key(engine, states)
    if run is not None:
        engine.db.put("runs", run, codec.run_dump(diagnostics, len(states), len(plans)))
        engine.db.put(NS, last, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    keep = {"findings": _Keys(len(ids), lambda: (joined[i:i + KEY] for i in range(0, len(joined), KEY))),
            "runs": [run] if run else [],
            "parsed": _Keys(len(states), lambda: (parse_key(p, digest[p], lang) for p in states)),
            NS: [last]}
    engine.db.commit(keep=keep, floor=STORE_FLOOR)
    engine._pruned = True
    engine.stats.update(plans=len(plans), checked=len(missing), reused=len(plans) - len(missing),
                        patched=len(dirty))
    return run, result


def _with_ancestors(plans, pids) -> set[str]:
    return reachable(pids, lambda pid: plans[pid][3])


def _stored_findings(engine, keys: list[str], codes) -> dict:
    out = {}
    for k, text in engine.db.get_many("findings", keys).items():
        try:
            out[k] = codec.findings_load(text, codes)
        except Invalid:
            pass
    return out


def _headers(engine, paths, results: dict, digest: dict, lang: str) -> dict | None:
    """The plan header of each file in ``paths``: from this run's parses, else the stored summaries."""
    from plandsl.check.env import parse_key

    out = {p: results[p].plan for p in paths if p in results}
    rest = [p for p in paths if p not in results]
    keys = {p: parse_key(p, digest[p], lang) for p in rest}
    stored = engine.db.get_many("parsed", keys.values())
    for path in rest:
        text = stored.get(keys[path])
        if text is None:
            return None
        header = codec.parsed_load(text, path)[1]
        if header is None:
            return None
        out[path] = header
    return out


def _parse_exact(engine, path: str, digest: str, data: bytes | None = None):
    """The parse of the file's bytes when they have ``digest`` (the one its key was made with), else None."""
    from plandsl.check.env import content_digest
    from plandsl.language.parser import parse_bytes
    from plandsl.project.parallel import read_bytes

    raw = data if data is not None else read_bytes(path)
    if raw is None or content_digest(raw) != digest:
        return None
    engine.stats["parsed"] = engine.stats.get("parsed", 0) + 1
    return parse_bytes(raw, path)


def _compute(engine, plans: dict, pids: list[str], results: dict, digest: dict) -> dict | None:
    """Per-plan findings of ``pids``, each resolved on its parents (as the streaming workers do)."""
    from plandsl.inherit.graph import build_graph
    from plandsl.inherit.resolve import Resolution, resolve_plan
    from plandsl.project.loader import SpecSet
    from plandsl.rules.context import RuleContext
    from plandsl.rules.engine import plan_findings

    chain = sorted(_with_ancestors(plans, pids), key=lambda q: plans[q][5])
    parsed = {}
    for pid in chain:
        path = plans[pid][1]
        if path not in results:
            result = _parse_exact(engine, path, digest[path])
            if result is None:
                return None
            results[path] = result
        plan = results[path].plan
        if plan is None or plan.id != pid:
            return None
        parsed[pid] = results[path]
    graph = build_graph([parsed[pid].plan for pid in chain])
    resolved = {}
    for pid in chain:
        resolved[pid] = resolve_plan(parsed[pid].plan, [resolved[q] for q in plans[pid][3]], True)
    engine.stats["loaded"] = len(chain)
    ctx = RuleContext(SpecSet(tuple(parsed[pid] for pid in chain)), Resolution(graph, resolved))
    return {pid: {code: tuple(ds) for code, ds in plan_findings(engine._checked, resolved[pid], ctx).items()}
            for pid in pids}
