"""The fingerprint of plandsl's code and data.

The engine (:mod:`plandsl.check.engine`) puts it into the key of every entry it
keeps in the cache store, so any change to the code or data invalidates them.
"""

from __future__ import annotations

import os
from pathlib import Path

from plandsl.core.hashing import blake2b

_code_fp: str | None = None


def code_fingerprint() -> str:
    """Hash of the name, size and modification time of every code and data file of plandsl and of the
    packages whose data or parser changes findings (so any edit or upgrade invalidates).

    Stat records, not contents: a check answered from the store reads no code file. A file edited
    without its size or time changing (a deliberate act) would keep stale entries, which are still
    only validated text, never code (docs/SECURITY.md)."""
    global _code_fp
    if _code_fp is None:
        import importlib.util

        from plandsl.core.data import data_dir

        h = blake2b(digest_size=16)
        pkg = Path(__file__).resolve().parent.parent  # the plandsl package
        roots = [pkg]
        try:
            roots.append(data_dir("grammar"))
        except FileNotFoundError:
            pass
        for module in ("vietnam_provinces", "vietnamadminunits", "lark", "lark_cython", "rapidfuzz"):
            try:
                spec = importlib.util.find_spec(module)
            except (ImportError, ValueError):
                spec = None
            h.update(f"{module}\0".encode())
            if spec is not None and spec.origin:  # an upgrade rewrites the module and its folder
                _stat_into(h, spec.origin, module)
                _stat_into(h, os.path.dirname(spec.origin), module + "/")
        for root in roots:
            cut = len(os.path.join(os.fspath(root), ""))  # the relative name is what follows "root/"
            for dirpath, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
                for name in sorted(files):
                    if name.endswith((".py", ".lark", ".yaml", ".yml", ".json", ".toml", ".csv", ".mo", ".so", ".pyx")):
                        path = os.path.join(dirpath, name)
                        _stat_into(h, path, path[cut:])
        _code_fp = h.hexdigest()
    return _code_fp


def _stat_into(h, path: str, name: str) -> None:
    h.update(os.fsencode(name) + b"\0")
    try:
        st = os.stat(path)
        h.update(f"{st.st_size}:{st.st_mtime_ns}\0".encode())
    except OSError:
        h.update(b"?")
