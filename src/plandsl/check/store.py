"""The fingerprint of plandsl's code and data.

The engine (:mod:`plandsl.check.engine`) puts it into the key of every entry it
keeps in the cache store, so any change to the code or data invalidates them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_code_fp: str | None = None


def code_fingerprint() -> str:
    """Hash of every code and data file of plandsl (so any edit invalidates)."""
    global _code_fp
    if _code_fp is None:
        from plandsl.core.data import data_dir

        h = hashlib.blake2b(digest_size=16)
        pkg = Path(__file__).resolve().parent.parent  # the plandsl package
        roots = [pkg]
        try:
            roots.append(data_dir("grammar"))
        except FileNotFoundError:
            pass
        for root in roots:
            for dirpath, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
                for name in sorted(files):
                    if name.endswith((".py", ".lark", ".yaml", ".yml", ".json", ".toml", ".csv", ".mo")):
                        path = os.path.join(dirpath, name)
                        h.update(os.fsencode(os.path.relpath(path, root)) + b"\0")
                        try:
                            with open(path, "rb") as fh:
                                h.update(fh.read())
                        except OSError:
                            h.update(b"?")
        # The unit packages' data and the parser's versions change findings too.
        from importlib import metadata

        for dist in ("vietnam-provinces", "vietnamadminunits", "lark", "lark-cython", "rapidfuzz"):
            try:
                h.update(f"{dist}={metadata.version(dist)}\0".encode())
            except metadata.PackageNotFoundError:
                h.update(f"{dist}=?\0".encode())
        _code_fp = h.hexdigest()
    return _code_fp
