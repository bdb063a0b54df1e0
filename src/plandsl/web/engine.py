"""The adapter between the web pages and the check engine.

Everything the pages know about the specs comes through :class:`Workspace`:
a snapshot of the whole set (loaded, resolved, checked) kept in memory and
rebuilt when a spec file changes on disk, and the check of one unsaved text
(the editor) against the plans above it. Today it runs
:func:`plandsl.check.pipeline.check_specs`; switching to another engine is an
edit of this module only.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from attrs import field

from plandsl.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from plandsl.core.i18n import _
from plandsl.core.records import define
from plandsl.project.loader import SpecSet, discover

WEAKER_CODES = frozenset({"AM001"})
_RESCAN_SECONDS = 1.0  # look at the files' mtimes at most this often


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


@define
class Snapshot:
    """The checked spec set at one moment, with the indexes the pages need."""

    specs: SpecSet
    diagnostics: tuple[Diagnostic, ...]
    resolution: object | None
    by_file: dict[str, list[Diagnostic]] = field(factory=dict)
    plan_file: dict[str, str] = field(factory=dict)
    children: dict[str, list[str]] = field(factory=dict)
    parents: dict[str, list[str]] = field(factory=dict)
    unplaced: list[Diagnostic] = field(factory=list)
    _sources: dict[str, str] | None = None
    _index: list[tuple[str, str]] | None = None
    _file_of: dict | None = None
    plan_key: dict[str, str] = field(factory=dict)  # plan id -> the key of its file in by_file
    memo: dict = field(factory=dict)  # values the pages compute once per snapshot (tree, counts)

    _plans: dict | None = None

    @property
    def plans(self) -> dict:
        if self._plans is None:
            self._plans = self.specs.by_id()
        return self._plans

    def findings(self, plan_id: str) -> list[Diagnostic]:
        key = self.plan_key.get(plan_id)
        return self.by_file.get(key, []) if key else []

    def counts(self, plan_id: str) -> tuple[int, int, int]:
        """(errors, warnings, weaker targets) of a plan."""
        found = self.memo.get(("counts", plan_id))
        if found is None:
            found = self.memo[("counts", plan_id)] = self._counts(plan_id)
        return found

    def _counts(self, plan_id: str) -> tuple[int, int, int]:
        errors = warnings = weaker = 0
        for d in self.findings(plan_id):
            if d.severity is Severity.ERROR:
                errors += 1
            elif d.severity is Severity.WARNING:
                warnings += 1
            if d.code in WEAKER_CODES:
                weaker += 1
        return errors, warnings, weaker

    def sources(self) -> dict[str, str]:
        if self._sources is None:
            self._sources = self.specs.sources()
        return self._sources

    def search_index(self) -> list[tuple[str, str]]:
        """(plan id, folded name, code, unit and instrument number) for the search box."""
        if self._index is None:
            from plandsl.web.search import haystack

            self._index = [(pid, haystack(plan)) for pid, plan in sorted(self.plans.items())]
        return self._index

    @staticmethod
    def display_path(path: str) -> str:
        """A spec path as the pages show it: relative to the current folder when inside it."""
        try:
            rel = os.path.relpath(path)
        except ValueError:
            return path
        return path if rel.startswith("..") else rel

    def subset(self, plan_id: str) -> SpecSet:
        """The files of a plan and of every plan above it: all that resolving and rendering it needs."""
        if self._file_of is None:
            self._file_of = {f.path: f for f in self.specs.files}
        wanted: list[str] = []
        seen: set[str] = set()
        queue = [plan_id]
        while queue:
            pid = queue.pop()
            if pid in seen:
                continue
            seen.add(pid)
            path = self.plan_file.get(pid)
            if path is not None:
                wanted.append(path)
            queue.extend(self.parents.get(pid, []))
        return SpecSet(tuple(self._file_of[p] for p in sorted(set(wanted)) if p in self._file_of))

    def broken_files(self) -> list:
        """Spec files that did not give a plan (parse errors, bad encoding)."""
        return [f for f in self.specs.files if f.plan is None]


def build_snapshot(specs: SpecSet, diagnostics: tuple[Diagnostic, ...], resolution) -> Snapshot:
    snap = Snapshot(specs, diagnostics, resolution)
    for f in specs.files:
        if f.plan is not None and f.plan.id not in snap.plan_file:
            snap.plan_file[f.plan.id] = f.path
            snap.plan_key[f.plan.id] = _key(f.path)
    keys: dict[str, str] = {}
    for d in sort_diagnostics(diagnostics):
        if d.span is None:
            snap.unplaced.append(d)
        else:
            key = keys.get(d.span.path)
            if key is None:
                key = keys[d.span.path] = _key(d.span.path)
            snap.by_file.setdefault(key, []).append(d)
    graph = getattr(resolution, "graph", None)
    if graph is not None:
        for child, parents in graph.parent_map.items():
            snap.parents[child] = list(parents)
            for parent in parents:
                snap.children.setdefault(parent, []).append(child)
    else:  # no resolution: link by the declared parents that exist
        known = specs.by_id()
        for plan in known.values():
            snap.parents[plan.id] = [r.plan_id for r in plan.parents if r.plan_id in known]
            for r in snap.parents[plan.id]:
                snap.children.setdefault(r, []).append(plan.id)
    for kids in snap.children.values():
        kids.sort(key=lambda pid: ((known_title(snap, pid)), pid))
    return snap


def known_title(snap: Snapshot, plan_id: str) -> str:
    plan = snap.plans.get(plan_id)
    return (plan.jurisdiction or plan.title or plan_id) if plan else plan_id


def check_set(specs: SpecSet) -> tuple[tuple[Diagnostic, ...], object | None]:
    """Resolve and check a loaded set. A crash inside a rule becomes a finding, never an exception."""
    from plandsl.check.pipeline import check_specs

    try:
        result = check_specs(specs)
        return result.diagnostics, result.resolution
    except Exception as exc:  # noqa: BLE001: shown on the page as a finding
        crash = Diagnostic("INT001", Severity.ERROR, _("internal error while checking ({error})").format(
            error=f"{type(exc).__name__}: {exc}"), None, hint=_("This is a bug in plandsl, not in the spec; please report it."))
        return specs.all_diagnostics + (crash,), None


def parse_overlay(path: str, text: str):
    """Parse unsaved editor text as if it were the file at ``path``."""
    from plandsl.language.parser import parse_source
    from plandsl.language.source import decode

    return parse_source(decode(text.encode("utf-8", errors="surrogatepass"), path))


class Workspace:
    """The served spec folders, checked by :class:`plandsl.check.engine.Engine` (the engine of
    ``plandsl check`` and the language server).

    Per page language there is one engine for the pages (re-scanned when a file changes on
    disk) and one for the editor, which lays the unsaved text of the file being edited over
    the disk and re-checks incrementally. Calls are serialised (the engine is not thread-safe).
    """

    def __init__(self, roots: list[str], *, cache: bool = True) -> None:
        self.roots = list(roots)
        self.cache = cache
        self._abs_roots = [os.path.abspath(r) for r in roots]
        self._lock = threading.RLock()
        self._stamp: tuple | None = None
        self._stamp_time = 0.0
        self._snaps: dict[str, Snapshot] = {}
        self._engines: dict[str, object] = {}
        self._editors: dict[str, object] = {}
        self._overlaid: dict[str, str] = {}  # language -> the engine path holding unsaved text

    def _open(self, lang: str):
        from plandsl.check.engine import Engine

        cache = False
        if self.cache and self._abs_roots:
            try:
                from plandsl.core.cachedb import CacheDB, default_root

                first = Path(self._abs_roots[0])
                cache = CacheDB(default_root(first if first.is_dir() else first.parent))
            except Exception:  # noqa: BLE001: no cache store, still correct
                cache = False
        return Engine.open(self._abs_roots, cache=cache, messages_lang=lang)

    # -- the whole set ---------------------------------------------------------------
    def _fingerprint(self) -> tuple:
        files, _ = discover(self.roots)
        out = []
        for f in files:
            try:
                st = os.stat(f)
                out.append((f, st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((f, 0, -1))
        return tuple(out)

    def invalidate(self) -> None:
        """Files changed (a save, a new plan): re-read them before the next page."""
        with self._lock:
            self._stamp = None
            self._stamp_time = 0.0
            self._snaps.clear()
            for lang, path in list(self._overlaid.items()):
                self._editors[lang].update(path, None)
                del self._overlaid[lang]
            for editor in self._editors.values():
                editor.refresh()

    def snapshot(self, lang: str = "vi") -> Snapshot:
        with self._lock:
            now = time.monotonic()
            if self._stamp is None or now - self._stamp_time >= _RESCAN_SECONDS:
                stamp = self._fingerprint()
                self._stamp_time = now
                if stamp != self._stamp:
                    self._stamp = stamp
                    self._snaps.clear()
            snap = self._snaps.get(lang)
            if snap is None:
                snap = self._snaps[lang] = self._build(lang)
            return snap

    def _build(self, lang: str) -> Snapshot:
        with _messages_in(lang):
            try:
                engine = self._engines.get(lang)
                if engine is None:
                    engine = self._engines[lang] = self._open(lang)
                else:
                    engine.refresh()
                diagnostics = engine.check().diagnostics
                return build_snapshot(engine.specs(), tuple(diagnostics), engine.resolution())
            except Exception:  # noqa: BLE001: a crash in a rule must not hide the specs
                self._engines.pop(lang, None)
                from plandsl.project.loader import load

                specs = load(self.roots, jobs=1)
                diagnostics, resolution = check_set(specs)
                return build_snapshot(specs, diagnostics, resolution)

    # -- one unsaved text (the editor) -----------------------------------------------
    def _edit(self, path: str, text: str, lang: str):
        """The editor's engine with ``text`` laid over ``path``; returns (engine, engine path)."""
        editor = self._editors.get(lang)
        if editor is None:
            editor = self._editors[lang] = self._open(lang)
        real = os.path.realpath(path)
        key = next((f for f in editor.files if os.path.realpath(f) == real), real)
        previous = self._overlaid.get(lang)
        if previous is not None and previous != key:
            editor.update(previous, None)  # only one unsaved text at a time: the file being edited
        editor.update(key, text)
        self._overlaid[lang] = key
        return editor, key

    def check_text(self, path: str, text: str, lang: str = "vi") -> list[Diagnostic]:
        """What the checker says about ``path`` if it held ``text``."""
        with self._lock, _messages_in(lang):
            try:
                editor, key = self._edit(path, text, lang)
                editor.check()
                found = editor.diagnostics_for(key)
            except Exception:  # noqa: BLE001: fall back to the plans above it, checked apart
                self._editors.pop(lang, None)
                self._overlaid.pop(lang, None)
                subset, _ = self._subset(path, text, lang)
                diagnostics, _ = check_set(subset)
                found = [d for d in diagnostics if d.span is not None and _key(d.span.path) == _key(path)]
        return sort_diagnostics(found)

    def _subset(self, path: str, text: str, lang: str) -> tuple[SpecSet, object]:
        snap = self.snapshot(lang)
        parsed = parse_overlay(path, text)
        files = [parsed]
        if parsed.plan is not None:
            seen: set[str] = set()
            queue = [r.plan_id for r in parsed.plan.parents]
            while queue:
                pid = queue.pop()
                if pid in seen or pid == parsed.plan.id:
                    continue
                seen.add(pid)
                other = snap.plan_file.get(pid)
                if other is None or _key(other) == _key(path):
                    continue
                found = next((f for f in snap.specs.files if f.path == other), None)
                if found is not None:
                    files.append(found)
                queue.extend(snap.parents.get(pid, []))
        return SpecSet(tuple(files)), parsed

    def hover(self, path: str, text: str, line: int, col: int, lang: str = "vi") -> str | None:
        """The parent's value for the target written on ``line`` (1-based), or None."""
        from plandsl.language.wording import target_words
        from plandsl.web.strings import translate

        with self._lock, _messages_in(lang):
            try:
                editor, key = self._edit(path, text, lang)
                plan = editor.parse(key).plan
                hit = None if plan is None else next(
                    ((o, t) for o in plan.objectives for t in o.targets if t.span.line == line), None)
                if hit is None:
                    return None
                rp = editor.resolved(plan.id)
            except Exception:  # noqa: BLE001: no hover rather than a crash
                return None
        obj, target = hit
        ro = rp.objective(obj.id) if rp else None
        rt = next((r for r in (ro.targets if ro else ()) if r.target.span == target.span), None)
        own = f"{obj.id}: {target_words(target)}"
        if rt is None or rt.parent is None:
            return f"{own}\n{translate('No parent target for this year.', lang)}"
        parent = rt.parent
        label = translate("Parent's value", lang)
        return f"{own}\n{label} ({parent.provenance.plan_id}, {parent.year}): {target_words(parent.target)}"


class _messages_in:
    """Run a check with findings worded in ``lang`` (plandsl.core.i18n), then restore the setting."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.previous = None
        self.i18n = None

    def __enter__(self):
        try:
            from plandsl.core import i18n
        except Exception:  # noqa: BLE001: no catalogs, English findings
            return self
        self.i18n = i18n
        self.previous = getattr(i18n, "_chosen", None)
        i18n.set_language(self.lang)
        return self

    def __exit__(self, *exc) -> None:
        if self.i18n is not None:
            self.i18n.set_language(self.previous)


def root_of(roots: list[str], path: str) -> Path | None:
    """The served root folder containing ``path`` (resolved), if any."""
    real = Path(os.path.realpath(path))
    for root in roots:
        r = Path(os.path.realpath(root))
        base = r if r.is_dir() else r.parent
        if real == r or base in real.parents:
            return base
    return None
