"""The parse cache: parsed specs kept on disk, keyed by content.

One cache entry per spec file, at::

    <root>/.plandsl-cache/parse/<fingerprint>/<key[:2]>/<key>.pkl

``<root>`` is the nearest folder, walking up from the current folder, that
holds ``plandsl.toml`` or ``pyproject.toml`` (the same folder the project
configuration comes from), else the current folder. ``PLANDSL_CACHE_DIR``
overrides the whole location.

``fingerprint`` is a blake2b hash of the plandsl version, the grammar and the
source of the modules whose classes are pickled (model, parser, source,
diagnostics); a new version or an edited grammar or model starts a fresh
folder and the stale ones are removed. ``key`` hashes the fingerprint, the
path and the file's bytes, so a cached result is only used for exactly the
same bytes at exactly the same path.

An entry is a short magic header followed by a pickle of ``(key, ParseResult)``.
Nothing read from the cache is trusted: a missing, truncated, corrupt or
foreign entry (any exception while unpickling, a wrong key or type) is treated
as a miss and rebuilt. Writes are atomic (temporary file, then ``os.replace``)
and best-effort: a read-only disk only costs speed.

Why one pickle per file and not one packed file per run: unpickling costs the
same either way (about 0.5 ms per spec, all of it building model objects),
while a packed file must be rewritten whole after every change; one file per
spec keeps the re-check of one changed spec cheap.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from plandsl.core.fsutil import write_atomic

if TYPE_CHECKING:
    from plandsl.language.parser import ParseResult

CACHE_DIRNAME = ".plandsl-cache"
ENV_CACHE_DIR = "PLANDSL_CACHE_DIR"
MAGIC = b"PLANDSL-PARSE-1\n"
# Modules whose classes end up in a pickled ParseResult: a change in any of
# them must invalidate the cache even when the version number stays the same.
_FINGERPRINT_MODULES = (
    "language/model.py", "language/parser.py", "language/transform.py", "language/parse_errors.py",
    "language/source.py", "core/diagnostics.py",
)

_fingerprint: str | None = None


def fingerprint() -> str:
    """Hash of plandsl's version, grammar and pickled-model source code."""
    global _fingerprint
    if _fingerprint is None:
        from plandsl import __version__
        from plandsl.core.data import data_dir

        h = hashlib.blake2b(digest_size=16)
        h.update(__version__.encode())
        h.update(b"\0")
        h.update((data_dir("grammar") / "plan.lark").read_bytes())
        here = Path(__file__).resolve().parent.parent  # the plandsl package
        for name in _FINGERPRINT_MODULES:
            h.update(b"\0" + name.encode() + b"\0")
            try:
                h.update((here / name).read_bytes())
            except OSError:
                h.update(b"?")
        _fingerprint = h.hexdigest()
    return _fingerprint


def default_root(start: Path | None = None) -> Path:
    """``.plandsl-cache`` in the nearest project folder (see the module docstring)."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "plandsl.toml").is_file() or (folder / "pyproject.toml").is_file():
            return folder / CACHE_DIRNAME
    return here / CACHE_DIRNAME


def entry_key(path: str, data: bytes, fp: str | None = None) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update((fp or fingerprint()).encode())
    h.update(b"\0")
    h.update(os.fsencode(path))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


class ParseCache:
    """Read and write cached parse results under ``root``."""

    def __init__(self, root: str | os.PathLike | None = None, fp: str | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.fp = fp or fingerprint()
        self.folder = self.root / "parse" / self.fp
        self.hits = 0
        self.misses = 0
        self._checked_folder = False

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def key(self, path: str, data: bytes) -> str:
        return entry_key(path, data, self.fp)

    def get(self, key: str, path: str) -> "ParseResult | None":
        """The cached result for ``key``, or None. Never raises on a bad entry."""
        from plandsl.language.parser import ParseResult

        try:
            with open(self._entry(key), "rb") as fh:
                blob = fh.read()
        except OSError:
            self.misses += 1
            return None
        result = None
        if blob.startswith(MAGIC):
            try:
                stored_key, value = pickle.loads(memoryview(blob)[len(MAGIC):])
            except Exception:  # any damage at all: a miss, never a crash
                stored_key, value = None, None
            if stored_key == key and isinstance(value, ParseResult) and value.path == path:
                result = value
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, key: str, result: "ParseResult") -> None:
        self.put_blob(key, dumps(key, result))

    def put_blob(self, key: str, blob: bytes) -> None:
        """Store an entry atomically. Failures (read-only disk, full disk) are ignored."""
        target = self._entry(key)
        try:
            if not self._checked_folder:
                self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, blob, overwrite=True, durable=False)
        except OSError:
            pass

    def _prepare(self) -> None:
        """Create the cache folder; drop folders left by other plandsl versions."""
        self._checked_folder = True
        parse_dir = self.root / "parse"
        new = not self.folder.is_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            try:
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                               "# This folder is a cache made by plandsl; it can be deleted at any time.\n")
            except OSError:
                pass
        if new:
            for other in parse_dir.iterdir():
                if other.is_dir() and other.name != self.fp and len(other.name) == len(self.fp):
                    shutil.rmtree(other, ignore_errors=True)


def dumps(key: str, result: "ParseResult") -> bytes:
    return MAGIC + pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL)


def read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def clear(root: str | os.PathLike | None = None) -> None:
    """Delete the cache folder (only the ``parse`` part that plandsl owns)."""
    shutil.rmtree(Path(root or default_root()) / "parse", ignore_errors=True)
