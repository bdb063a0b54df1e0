"""The check-result cache: a whole `plandsl check` run answered from disk.

A check's findings depend only on plandsl's code and data, the project
configuration, the date (some rules compare with today) and the exact bytes
of every spec at its path. When all of these are the same as in an earlier
run, the earlier findings are printed again without parsing or running a
single rule. Entries live in ``<cache root>/check/<key>.pkl`` (root as in
:mod:`plandsl.cache`); the newest few are kept.

The key hashes: every ``.py``, ``.lark``, ``.yaml`` and ``.json`` file of the
installed plandsl package and its grammar, the configuration file found from
the current folder (path and bytes), today's date, and the sorted list of
(spec path, blake2b of its bytes). A damaged entry is a miss, never trusted.

This is what makes a warm re-check fast; a run in which anything changed
falls back to the full pipeline (with the parse cache).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from attrs import frozen

from plandsl.diagnostics import Diagnostic

MAGIC = b"PLANDSL-CHECK-1\n"
KEEP = 8  # entries kept (the newest)
_code_fp: str | None = None


@frozen
class CachedCheck:
    diagnostics: tuple[Diagnostic, ...]
    sources: dict[str, str]
    files: int


def code_fingerprint() -> str:
    """Hash of every code and data file of plandsl (so any edit invalidates)."""
    global _code_fp
    if _code_fp is None:
        from plandsl._data import data_dir

        h = hashlib.blake2b(digest_size=16)
        pkg = Path(__file__).resolve().parent
        roots = [pkg]
        try:
            roots.append(data_dir("grammar"))
        except FileNotFoundError:
            pass
        for root in roots:
            for dirpath, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
                for name in sorted(files):
                    if name.endswith((".py", ".lark", ".yaml", ".yml", ".json", ".toml", ".csv")):
                        path = os.path.join(dirpath, name)
                        h.update(os.fsencode(os.path.relpath(path, root)) + b"\0")
                        try:
                            with open(path, "rb") as fh:
                                h.update(fh.read())
                        except OSError:
                            h.update(b"?")
        _code_fp = h.hexdigest()
    return _code_fp


def run_key(files: list[str], extra: str = "") -> tuple[str, dict[str, bytes]] | None:
    """The key of a run over ``files``, and their bytes; None if a file cannot be read."""
    from plandsl.config import find_config

    h = hashlib.blake2b(digest_size=20)
    h.update(code_fingerprint().encode() + b"\0" + extra.encode() + b"\0")
    h.update(dt.date.today().isoformat().encode() + b"\0")
    config = find_config()
    if config is not None:
        h.update(os.fsencode(str(config)) + b"\0")
        try:
            h.update(config.read_bytes())
        except OSError:
            return None
    h.update(b"\0files\0")
    data: dict[str, bytes] = {}
    for path in files:
        try:
            with open(path, "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        data[path] = blob
        h.update(os.fsencode(path) + b"\0" + hashlib.blake2b(blob, digest_size=20).digest())
    return h.hexdigest(), data


class CheckCache:
    def __init__(self, root: str | os.PathLike | None = None) -> None:
        from plandsl.cache import default_root

        self.folder = Path(root if root is not None else default_root()) / "check"

    def get(self, key: str, data: dict[str, bytes]) -> CachedCheck | None:
        try:
            blob = (self.folder / f"{key}.pkl").read_bytes()
        except OSError:
            return None
        if not blob.startswith(MAGIC):
            return None
        try:
            stored_key, diagnostics, files = pickle.loads(memoryview(blob)[len(MAGIC):])
        except Exception:  # damaged entry: a miss
            return None
        if stored_key != key or not isinstance(diagnostics, tuple) or files != len(data) \
                or not all(isinstance(d, Diagnostic) for d in diagnostics):
            return None
        return CachedCheck(diagnostics, _sources(diagnostics, data), files)

    def put(self, key: str, diagnostics: tuple[Diagnostic, ...], files: int) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            blob = MAGIC + pickle.dumps((key, tuple(diagnostics), files), protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(prefix=".check.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(blob)
                os.replace(tmp, self.folder / f"{key}.pkl")
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
            entries = sorted(self.folder.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[KEEP:]:
                old.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError):
            pass


def _sources(diagnostics: tuple[Diagnostic, ...], data: dict[str, bytes]) -> dict[str, str]:
    """Decoded text of the specs the findings point into (for the source excerpts)."""
    from plandsl.source import decode

    wanted = set()
    for d in diagnostics:
        if d.span is not None:
            wanted.add(d.span.path)
        wanted.update(r.span.path for r in d.related)
    out = {}
    for path in wanted:
        if path in data:
            text = decode(data[path], path).text
            if text is not None:
                out[path] = text
    return out


def check_with_cache(paths: list[str], *, jobs: int | None = None) -> CachedCheck:
    """Run `check` over ``paths``, answering from the check cache when nothing changed."""
    from plandsl.loader import discover
    from plandsl.pipeline import check_paths

    files, _ = discover(paths)
    keyed = run_key(files, extra="\0".join(paths))
    store = CheckCache()
    if keyed is not None:
        hit = store.get(*keyed)
        if hit is not None:
            return hit
    result = check_paths(list(paths), jobs=jobs, cache=True)
    if keyed is not None:
        store.put(keyed[0], tuple(result.diagnostics), len(result.specs.files))
    return CachedCheck(tuple(result.diagnostics), result.specs.sources(), len(result.specs.files))
