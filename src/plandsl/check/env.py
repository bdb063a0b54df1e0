"""What every finding depends on besides the specs: code, data, configuration, date, message language.

The engine (:mod:`plandsl.check.engine`) puts :func:`env_key` into the key of every
cached finding and :func:`parse_key` into the key of every cached parse summary.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from plandsl.check.store import code_fingerprint
from plandsl.core.hashing import blake2b

DEFAULT_MESSAGES_LANG = "vi"
# os.fsencode(p) == p.encode("utf-8", "surrogateescape") on such a system (see run_key)
_FS_UTF8 = sys.getfilesystemencoding() == "utf-8" and sys.getfilesystemencodeerrors() == "surrogateescape"


def messages_language() -> str:
    """The language findings are written in (the hook the message catalogs plug into).

    Uses ``plandsl.core.i18n`` when it exists (its ``current_language()``,
    ``get_language()`` or ``LANG``), else ``PLANDSL_LANG``, else Vietnamese.
    """
    try:
        from plandsl.core import i18n  # type: ignore[attr-defined]
    except ImportError:
        i18n = None
    if i18n is not None:
        for name in ("current_language", "get_language", "language"):
            fn = getattr(i18n, name, None)
            if callable(fn):
                try:
                    found = fn()
                except Exception:  # noqa: BLE001 - a hook must never break a check
                    found = None
                if isinstance(found, str) and found:
                    return found
        found = getattr(i18n, "LANG", None)
        if isinstance(found, str) and found:
            return found
    return os.environ.get("PLANDSL_LANG") or DEFAULT_MESSAGES_LANG


def config_bytes(config_path: Path | None) -> tuple[Path | None, bytes]:
    from plandsl.project.config import find_config

    path = config_path or find_config()
    if path is None:
        return None, b""
    try:
        return path, path.read_bytes()
    except OSError:
        return path, b"\0unreadable"


def env_key(config_path: Path | None, config_data: bytes, messages_lang: str, rule_codes: list[str]) -> bytes:
    h = blake2b(digest_size=20)
    for part in (code_fingerprint(), dt.date.today().isoformat(), messages_lang, str(config_path or ""),
                 ",".join(rule_codes)):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(config_data)
    return h.digest()


# The store keeps at least this many rows of parse summaries and of findings, whatever set a check is of,
# so that checking one set from a project folder does not drop another set's rows (see CacheDB.commit).
STORE_FLOOR = {"parsed": 20_000, "findings": 20_000}


def parse_key(path: str, digest: str, messages_lang: str) -> str:
    h = blake2b(digest_size=20)
    h.update(f"{code_fingerprint()}\0{messages_lang}\0".encode())
    h.update(os.fsencode(path) + b"\0" + digest.encode())
    return h.hexdigest()


def content_digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


def run_key(env: bytes, discovered: list[str], files: list[tuple[str, str]]) -> str:
    """The key of a whole check: the environment, the discovery findings (as JSON text) and every
    file's path and content digest, in order."""
    h = blake2b(env, digest_size=20)
    for text in discovered:
        h.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    # One update of the joined bytes (the same digest as one update per file, 5-10 times faster), encoded
    # once: os.fsencode is this encoding on a UTF-8 file system, where one call per path cost ~3 us each.
    if _FS_UTF8:
        h.update("".join([f"{path}\0{digest}\x1e" for path, digest in files]).encode("utf-8", "surrogateescape"))
    else:
        h.update(b"".join([os.fsencode(path) + b"\0" + digest.encode() + b"\x1e" for path, digest in files]))
    return h.hexdigest()
