"""The one incremental check engine, behind ``plandsl check``, the language server and the web workspace.

Usage::

    from plandsl.check.engine import Engine

    engine = Engine.open(["specs/"])          # discover, read the cache store, parse what it lacks
    result = engine.check()                   # CheckResult: .diagnostics, .sources (text by path), .files
    engine.update("specs/xa_a.plan", text)    # an editor's unsaved text (text=None: re-read the disk)
    engine.remove("specs/old.plan")           # a deleted file
    result = engine.check()                   # re-checks only what the edits affect
    engine.findings("xa_a")                   # one plan's per-plan findings (before allows), by rule code
    engine.diagnostics_for("specs/xa_a.plan") # the last check's diagnostics pointing into one file
    engine.parse(path); engine.plan(pid); engine.resolved(pid)   # lazily parsed / resolved, cached
    engine.specs(); engine.resolution()       # the whole set (parses and resolves everything once)
    engine.refresh()                          # re-scan the folders for new, changed and deleted files

What is kept in memory: per file its content digest, parse diagnostics and plan
header (and the full parse once something needed it); the graph (rebuilt only
when a header changes: id, level, parents, allows); per plan its key, its
resolution and its per-plan findings. A plan's *key* hashes the environment
(code, data, configuration, date, message language: :mod:`plandsl.check.env`)
with the plan's id, path, content digest, parents and completeness, and its
parents' keys, so an edit invalidates exactly the edited plan and its
descendants; the set-level rules (graph findings) and the deviation step
(allows, AL rules) are re-run on every check, from the headers alone.

With ``cache`` (the default) parse summaries, findings and file stat records
are read from and written to the one cache store (:mod:`plandsl.core.cachedb`);
every value read is validated (:mod:`plandsl.check.codec`) and anything
unexpected is a miss. The findings are those of a clean full run, in the same
order (``tests/test_engine.py`` checks this after random edit sequences).

Not thread-safe: one engine per thread (the LSP and web servers serialise edits).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from attrs import evolve

from plandsl.check import codec
from plandsl.check.env import content_digest, messages_language, parse_key
from plandsl.check.files import FileState, absolute, read_disk, read_states, stat_only
from plandsl.check.run import CheckResult, ensure_graph, resolve_some, run_check
from plandsl.core.cachedb import CacheDB
from plandsl.core.diagnostics import Diagnostic

__all__ = ["Engine", "CheckResult"]

Progress = Callable[[int, int], None]  # (done, total)


class Engine:
    """Specs under some paths, kept checked; see the module docstring."""

    def __init__(self, paths: Iterable[str], config: Path | str | None = None, *, jobs: int | None = None,
                 cache: bool | str | os.PathLike | CacheDB = True, messages_lang: str | None = None) -> None:
        self.paths = [str(p) for p in paths]
        self.config_path = Path(config) if config is not None else None
        self.jobs = jobs
        self.messages_lang = messages_lang
        if cache is True:
            self.db: CacheDB | None = CacheDB()
        elif cache is False or cache is None:
            self.db = None
        elif isinstance(cache, CacheDB):
            self.db = cache
        else:
            self.db = CacheDB(cache)
        self._files: dict[str, FileState] = {}
        self._overlays: dict[str, str] = {}
        self._discover_diags: list[Diagnostic] = []
        self._order: list[str] | None = None
        self._env: tuple | None = None
        self._config = None
        self._rules: list = []
        self._checked: list = []
        self._graph = None
        self._children: dict[str, list[str]] = {}
        self._keys: dict[str, bytes] = {}
        self._stale: set[str] | None = None  # plans whose key must be recomputed (None: all)
        self._found: dict[str, tuple[bytes, dict]] = {}
        self._resolved: dict[str, tuple[bytes, object]] = {}
        self._last: CheckResult | None = None
        self._set_found: tuple | None = None  # (graph, environment key, set-level findings)
        self._pruned = False
        self._asm_ctx: tuple | None = None  # (graph, the RuleContext the deviation step reads)
        self._touch: dict[str, set[str]] = {}  # path -> plans whose findings point into it
        self._touched_by: dict[str, set[str]] = {}
        self.stats: dict[str, int] = {}
        # A stored whole check that answers the first check() when no file changed since it was made:
        # (its key, the result), with the file states not yet loaded (see _materialize).
        self._snapshot: tuple[str, CheckResult] | None = None
        self._deferred: dict[str, FileState] | None = None
        self._patch: dict | None = None  # the stored last check of these paths, to patch (check.patch)
        self._open_key: str | None = None  # run_key() of the files as opened (while they are deferred)
        self._ranks: dict[str, int | None] = {}  # level ranks of big sets' files read by refresh (check.bulk)

    # ------------------------------------------------------------------ opening and edits
    @classmethod
    def open(cls, paths: Iterable[str], config: Path | str | None = None, **options) -> "Engine":
        """An engine over the specs under ``paths`` (files or folders), ready to ``check()``.

        ``config``: the configuration file (default: the nearest plandsl.toml / pyproject.toml).
        Options: ``jobs`` (worker processes for big parses), ``cache`` (True: the project's
        cache store; False: none; a folder or a CacheDB), ``messages_lang``.
        """
        engine = cls(paths, config, **options)
        engine.refresh()
        return engine

    @classmethod
    def from_specs(cls, specs, config: Path | str | None = None, **options) -> "Engine":
        """An engine over specs already parsed (a SpecSet), without the cache store by default."""
        options.setdefault("cache", False)
        engine = cls([], config, **options)
        engine._discover_diags = list(specs.diagnostics)
        for result in specs.files:
            engine._set(result.path, FileState.parsed(result, _result_digest(result), overlay=True))
        return engine

    @property
    def lang(self) -> str:
        return self.messages_lang or messages_language()

    def refresh(self) -> None:
        """Re-scan the paths: new, changed and deleted files (open editors' texts stay)."""
        from plandsl.project.loader import discover_checked

        self._materialize()
        files, self._discover_diags = discover_checked(self.paths)
        self.stats = dict.fromkeys(("files", "hashed", "parsed", "loaded", "checked", "reused"), 0)
        self.stats["files"] = len(files)
        stats = self.db.stats() if self.db is not None and not self._files else None
        keep = set(files) | set(self._overlays)
        for path in [p for p in self._files if p not in keep]:
            self._drop(path)
        fresh = {}
        self._ranks = {}
        from plandsl.check import shards

        hold = len(files) < shards.SHARD_MIN  # a big set is not held in memory whole (check.bulk reads it again)
        defer = not hold and not self._files and not stats  # nothing to look up by digest: the workers hash
        for path in files:
            if path in self._overlays:
                continue
            state = stat_only(path) if defer else read_disk(path, self._files.get(path), stats)
            if state.data is not None:
                self.stats["hashed"] += 1
                if self.db is not None and state.size >= 0:  # copied or checked out: trusted from the next run on
                    self.db.put_stat(absolute(path), state.size, state.mtime_ns, state.digest, state.seen_ns)
                if not hold:  # the level line is all a big run needs of the bytes before its workers read them
                    self._ranks[path] = shards.level_rank(state.data)
                    state = evolve(state, data=None)
            if state is not self._files.get(path):
                fresh[path] = state
        self._order = None
        if not self._files and (self._use_snapshot(fresh) or self._use_last(fresh)):
            return
        self._open_key = None  # only a deferred opening uses it
        self._load_summaries(fresh)

    def update(self, path: str, text: str | None = None) -> None:
        """``path`` changed: ``text`` is its unsaved content in an editor, None to read the disk."""
        self._materialize()
        path = str(path)
        if text is not None:
            data = text.encode("utf-8", "surrogatepass")
            digest = content_digest(data)
            self._overlays[path] = text
            old = self._files.get(path)
            if old is not None and old.digest == digest and old.result is not None:
                return
            from plandsl.language.parser import parse_bytes

            self._set(path, FileState.parsed(parse_bytes(data, path), digest, overlay=True))
            return
        self._overlays.pop(path, None)
        if not os.path.isfile(path):
            self.remove(path)
            return
        state = read_disk(path, None, None)
        self._load_summaries({path: state})
        if not self._under_roots(path):
            self._drop(path)

    def remove(self, path: str) -> None:
        """``path`` is gone (deleted, or an editor closed a file outside the folders)."""
        self._materialize()
        path = str(path)
        self._overlays.pop(path, None)
        self._drop(path)

    # ------------------------------------------------------------------ checking
    def check(self, progress: Progress | None = None) -> CheckResult:
        """Check the whole set; only plans whose key changed are resolved and checked again."""
        if self._snapshot is not None:
            if self.run_key() == self._snapshot[0]:  # the date or the configuration may have changed since
                self._last = self._snapshot[1]
                if self.db is not None:
                    self.db.commit()  # the stat records of files hashed again (see refresh)
                return self._last
            self._materialize()
        if self._patch is not None:
            from plandsl.check import patch

            value, self._patch = self._patch, None
            done = patch.apply(self, value, self._deferred)
            if done is not None:
                run, self._last = done
                self._snapshot = (run, self._last) if run is not None else None
                return self._last
            self._materialize()
        return run_check(self, progress)

    @property
    def last(self) -> CheckResult | None:
        """The result of the last ``check()``."""
        return self._last

    def diagnostics_for(self, path: str) -> list[Diagnostic]:
        """The diagnostics pointing into ``path``, after re-checking what changed: the same as filtering
        ``check().diagnostics`` by path, without assembling the whole set (for editors)."""
        self._materialize()
        return run_check(self, None, {path})

    def findings(self, plan_id: str) -> dict[str, tuple[Diagnostic, ...]]:
        """One plan's per-plan findings by rule code, before allows (checks first if needed)."""
        self._materialize()
        if self._last is None:
            self.check()
        found = self._found.get(plan_id)
        return dict(found[1]) if found is not None else {}

    # ------------------------------------------------------------------ accessors
    @property
    def files(self) -> list[str]:
        """Every spec path in the set, sorted (files on disk and open editors' files)."""
        self._materialize()
        if self._order is None:
            self._order = sorted(self._files)
        return self._order

    def parse(self, path: str):
        """The full parse of ``path`` (an editor's text when open); parsed once, then kept."""
        self._materialize()
        path = str(path)
        state = self._files.get(path)
        if state is None:
            from plandsl.language.parser import parse_file

            return parse_file(path)
        if state.result is None:
            self._load_full([path])
        return self._files[path].result

    def text(self, path: str) -> str | None:
        """The decoded text of ``path`` (an editor's text when open)."""
        if path in self._overlays:
            return self._overlays[path]
        state = self._files.get(path)
        if state is not None and state.result is not None and state.result.text is not None:
            return state.result.text
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        from plandsl.language.source import decode

        return decode(data, path).text

    def graph(self):
        """The inheritance graph of the plan headers (plans hold id, level, parents, allows, spans)."""
        self._materialize()
        return ensure_graph(self)

    def plan(self, plan_id: str):
        """The full plan with this id (the first by path when the id is duplicated), or None."""
        header = self.graph().plans.get(plan_id)
        if header is None:
            return None
        result = self.parse(header.span.path)
        return result.plan if result.plan is not None and result.plan.id == plan_id else None

    def resolved(self, plan_id: str):
        """The resolved plan (only it and its ancestors are resolved), or None."""
        if plan_id not in self.graph().plans:
            return None
        return resolve_some(self, [plan_id]).get(plan_id)

    def specs(self):
        """Every file fully parsed, as a SpecSet (with the discovery diagnostics)."""
        from plandsl.project.loader import SpecSet

        self._load_full([p for p in self.files if self._files[p].result is None])
        return SpecSet(tuple(self._files[p].result for p in self.files), tuple(self._discover_diags))

    def resolution(self):
        """Every plan resolved; its graph holds the full plans."""
        import attrs

        from plandsl.inherit.resolve import Resolution

        graph = self.graph()
        self._load_full([p.span.path for p in graph.plans.values() if self._files[p.span.path].result is None])
        resolved = resolve_some(self, list(graph.plans))
        full = {pid: self._files[p.span.path].result.plan for pid, p in graph.plans.items()}
        return Resolution(attrs.evolve(graph, plans=full), {pid: resolved[pid] for pid in graph.order()})

    def run_key(self) -> str | None:
        """The key of a whole check of the set as it is (None with editors' texts or unread files)."""
        files = self._deferred if self._deferred is not None else self._files
        if self._overlays or any(not s.digest for s in files.values()):
            return None
        from plandsl.check.env import run_key

        return run_key(self._base_env(), [codec.diags_dump(self._discover_diags)],
                       [(p, files[p].digest) for p in sorted(files)])

    def _base_env(self) -> bytes:
        """The environment without the rule list: the code fingerprint and the configuration decide it,
        so a stored check is found without importing the rules."""
        from plandsl.check.env import config_bytes, env_key

        path, data = config_bytes(self.config_path)
        return env_key(path, data, self.lang, [])

    # ------------------------------------------------------------------ internals
    def _recheck_streamed(self, graph, keys: dict, dirty: list[str], progress) -> list[str]:
        """Many dirty plans known by their summary only go through streaming workers (check.bulk);
        returns the plans left to check in process."""
        from plandsl.check import shards

        if len(dirty) < shards.SHARD_MIN:
            return dirty
        from plandsl.check.bulk import recheck_streamed

        return recheck_streamed(self, graph, keys, dirty, progress)

    def _use_snapshot(self, fresh: dict[str, FileState]) -> bool:
        """On opening: when the store holds the check of exactly these files, keep it as the answer of
        the first check() and leave the summaries unread until something else is asked."""
        if self.db is None or self._overlays or not fresh:
            return False
        self._deferred = fresh
        key = self._open_key = self.run_key()
        text = self.db.get("runs", key) if key is not None else None
        try:
            diagnostics, files, plans = codec.run_load(text) if text is not None else (None, 0, 0)
        except codec.Invalid:
            diagnostics = None
        if diagnostics is None or files != len(fresh):
            self._deferred = None
            return False
        self._snapshot = (key, CheckResult(diagnostics, files, self.text))
        self.stats.update(plans=plans, checked=0, reused=plans, loaded=0, snapshot=1)
        return True

    def _use_last(self, fresh: dict[str, FileState]) -> bool:
        """On opening: when the store holds the last check of these paths (some files since changed),
        keep it to patch in the first check() (:mod:`plandsl.check.patch`)."""
        from plandsl.check import patch

        if self.db is None or self._overlays or not fresh or any(not s.digest for s in fresh.values()):
            return False
        text = self.db.get(patch.NS, patch.key(self, fresh))
        try:
            self._patch = patch.load(text, fresh) if text is not None else None
        except codec.Invalid:
            self._patch = None
        if self._patch is None:
            return False
        self._deferred = fresh
        return True

    def _save_last(self, graph, keys: dict, set_found: dict, kept) -> None:
        from plandsl.check import patch

        patch.save(self, graph, keys, set_found, kept)

    def _materialize(self) -> None:
        """Read the summaries that opening from a stored whole check left unread."""
        self._patch = self._open_key = None
        if self._deferred is None:
            return
        states, self._deferred, self._snapshot, self._last = self._deferred, None, None, None
        self._load_summaries(states)
        self._order = None

    def _under_roots(self, path: str) -> bool:
        for root in self.paths:
            if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
                return True
        return False

    def _drop(self, path: str) -> None:
        old = self._files.pop(path, None)
        if old is not None:
            self._order = None
            if old.header is not None:
                self._graph = None

    def _set(self, path: str, state: FileState) -> None:
        old = self._files.get(path)
        self._files[path] = state
        if old is None:
            self._order = None
        if old is None or old.header_sig != state.header_sig:
            self._graph = None
        elif old.digest != state.digest and state.header is not None and self._stale is not None:
            self._stale.add(state.header.id)

    def _load_summaries(self, states: dict[str, FileState]) -> None:
        """Take the parse summaries of changed files from the cache store; parse the rest."""
        lang = self.lang
        need = {p: s for p, s in states.items() if s.header_sig is None and s.result is None and s.digest}
        if self.db is not None and need:
            keys = {p: parse_key(p, s.digest, lang) for p, s in need.items()}
            stored = self.db.get_many("parsed", keys.values())
            for path, key in keys.items():
                text = stored.get(key)
                if text is None:
                    continue
                try:
                    diags, header, sig = codec.parsed_load(text, path)
                except codec.Invalid:
                    continue
                states[path] = need[path].with_summary(diags, header, sig)
        unparsed = [p for p, s in states.items() if s.header_sig is None and s.result is None]
        waiting = set(unparsed)  # (a list here made a first run quadratic: ~0.1 s for the country)
        for path, state in states.items():
            if path not in waiting:
                self._set(path, state)
        if unparsed:
            self._parse_into(unparsed, states)

    def _parse_into(self, paths: list[str], states: dict[str, FileState]) -> None:
        from plandsl.check import shards
        from plandsl.project.parallel import parse_many

        self.stats["parsed"] = self.stats.get("parsed", 0) + len(paths)
        if not self._overlays and len(paths) >= shards.SHARD_MIN:  # only big runs are streamed
            from plandsl.check.bulk import parse_and_check

            done = parse_and_check(self, paths, states)  # the lowest level streamed through workers
            paths = [p for p in paths if p not in done]
        self._take_parsed(parse_many(paths, jobs=self.jobs, data=read_states(paths, states)), states)

    def _take_parsed(self, results, states: dict[str, FileState]) -> None:
        """Keep full parses (and their summaries in the cache store)."""
        lang = self.lang
        for result in results:
            state = states[result.path].with_result(result)
            self._set(result.path, state)
            self._store_summary(result.path, state, codec.parsed_dump(result.diagnostics, result.plan), lang)

    def _store_summary(self, path: str, state: FileState, text: str, lang: str) -> None:
        if self.db is not None and state.digest and path not in self._overlays:
            self.db.put("parsed", parse_key(path, state.digest, lang), text)
            if state.size >= 0:
                self.db.put_stat(absolute(path), state.size, state.mtime_ns, state.digest, state.seen_ns)

    def _load_full(self, paths: list[str]) -> bool:
        """Fully parse files known only by their summary. Returns True when a file turned out to have
        changed since its summary was taken (then keys, and maybe the graph, changed: re-check)."""
        from plandsl.project.parallel import parse_many, read_bytes

        paths = [p for p in paths if self._files[p].result is None]
        if not paths:
            return False
        self.stats["parsed"] = self.stats.get("parsed", 0) + len(paths)
        data: dict[str, bytes] = {}
        changed = False
        for path in paths:
            raw = read_bytes(path)
            if raw is not None:
                data[path] = raw
        for result in parse_many(paths, jobs=self.jobs, data=data):
            old = self._files[result.path]
            raw = data.get(result.path)
            digest = content_digest(raw) if raw is not None else ""
            if digest == old.digest:
                self._set(result.path, old.with_result(result))
            else:
                changed = True
                self._set(result.path, FileState.parsed(result, digest))
        return changed


def _result_digest(result) -> str:
    """A content digest for a file known only by its parse (its decoded text)."""
    text = result.text if result.text is not None else repr(result.diagnostics)
    return content_digest(text.encode("utf-8", "surrogatepass"))
