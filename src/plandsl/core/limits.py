"""Size limits on what plandsl reads, so that no input can exhaust time or memory.

``max_file_size``: the largest spec file read, in bytes (default 5 MB, more than
two hundred times the largest real spec). Larger files are not read at all; they
get the located PRS006 error instead. Set it in the project configuration::

    # plandsl.toml                     # pyproject.toml
    max_file_size = "20 MB"            [tool.plandsl]
                                       max_file_size = 20000000

or with the ``PLANDSL_MAX_FILE_SIZE`` environment variable (same syntax), which
wins. Units: B, KB, MB, GB (powers of 1024; KiB, MiB, GiB too). The nearest
configuration file walking up from the current folder is used, as for every
other setting (docs/SECURITY.md).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
ENV_VAR = "PLANDSL_MAX_FILE_SIZE"
SETTING = "max_file_size"

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024 ** 2, "mb": 1024 ** 2, "mib": 1024 ** 2,
          "g": 1024 ** 3, "gb": 1024 ** 3, "gib": 1024 ** 3}
_cache: dict[tuple[str, str | None], int] = {}


def parse_size(value: object) -> int | None:
    """``5000``, ``"512 KB"``, ``"20MB"`` -> bytes; None when it is not a positive size."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if not isinstance(value, str):
        return None
    mt = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    if mt is None or mt.group(2).lower() not in _UNITS:
        return None
    size = int(float(mt.group(1)) * _UNITS[mt.group(2).lower()])
    return size if size > 0 else None


def human(size: int) -> str:
    """Bytes in the unit a person reads best: '5 MB', '512 KB', '900 B'."""
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} B"


def _from_config(start: Path) -> int | None:
    from plandsl.core.settings import setting

    return parse_size(setting(start, SETTING))


def max_file_size() -> int:
    """The configured limit on a spec file's size, in bytes (cached per folder and environment)."""
    env = os.environ.get(ENV_VAR)
    try:
        here = os.getcwd()  # str(Path.cwd()) without building a Path: asked twice for every file read
    except OSError:  # the current folder was removed
        here = ""
    key = (here, env)
    if key not in _cache:
        size = parse_size(env) if env else None
        if size is None and here:
            size = _from_config(Path(here))
        _cache[key] = size or DEFAULT_MAX_FILE_SIZE
    return _cache[key]


def read_limited(path: str | os.PathLike) -> tuple[bytes, int]:
    """Read at most one byte more than the limit: (the bytes, the file's real size).

    A file over the limit is never held in memory whole; pass the bytes to
    ``plandsl.language.source.decode`` with the size, which reports PRS006.
    """
    limit = max_file_size()
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        data = fh.read(limit + 1)
    return data, max(size, len(data))
