"""Safety of the web server: access token, CSRF, and paths confined to the served folders."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

TOKEN_COOKIE = "plandsl_token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets (False when either is missing)."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


class PathError(Exception):
    """A path outside the served folders, not a spec, or a symlink leading out."""


def served_folders(roots: list[str]) -> list[Path]:
    out = []
    for root in roots:
        real = Path(os.path.realpath(root))
        out.append(real if real.is_dir() else real.parent)
    return out


def confine(roots: list[str], relative: str, *, must_exist: bool = True) -> Path:
    """The spec file ``relative`` names inside one of the served folders.

    ``relative`` is a path relative to a served folder (as the pages link it).
    Refused: absolute paths, ``..``, anything whose real path (symlinks
    followed) leaves the folder, names not ending in ``.plan``, and (with
    ``must_exist``) files that do not exist. Served *files* (``serve a.plan``)
    allow only themselves.
    """
    if not relative or "\x00" in relative or relative.startswith(("/", "\\")) or ":" in relative:
        raise PathError(relative)
    parts = Path(relative).parts
    if any(p in ("..", ".") for p in parts) or any(p.startswith(".") for p in parts):
        raise PathError(relative)
    if not relative.endswith(".plan"):
        raise PathError(relative)
    for root in roots:
        real_root = Path(os.path.realpath(root))
        if real_root.is_file():
            folder = real_root.parent
            candidate = Path(os.path.realpath(folder / relative))
            if candidate == real_root:
                return candidate
            continue
        candidate = Path(os.path.realpath(real_root / relative))
        if real_root not in candidate.parents:
            continue
        if must_exist and not candidate.is_file():
            continue
        if not must_exist and (real_root / relative).is_symlink():
            continue
        return candidate
    raise PathError(relative)


def relative_name(roots: list[str], path: str) -> str | None:
    """The name a page uses for a spec file: its path relative to the served folder holding it."""
    real = Path(os.path.realpath(path))
    for root in roots:
        real_root = Path(os.path.realpath(root))
        if real_root.is_file():
            if real == real_root:
                return real.name
            continue
        if real_root in real.parents:
            return real.relative_to(real_root).as_posix()
    return None
