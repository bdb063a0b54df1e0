"""The nearest project settings: ``plandsl.toml``, or the ``[tool.plandsl]`` table of ``pyproject.toml``.

Several parts of plandsl read one setting before the configuration is loaded (the
language of messages, the size limit, where the specs are); they all find it here, the
same way: the nearest such file going up from a folder.
"""

from __future__ import annotations

from pathlib import Path

BROKEN = object()  # the nearest settings file cannot be read (the configuration loader reports it)


def nearest_settings(start: Path) -> tuple[Path | None, dict | object | None]:
    """``(folder, table)`` of the nearest ``plandsl.toml`` or ``pyproject.toml`` with a
    ``[tool.plandsl]`` table, going up from ``start``; ``(folder, BROKEN)`` when that file cannot
    be read or parsed; ``(None, None)`` when there is none."""
    for folder in (start, *start.parents):
        for name in ("plandsl.toml", "pyproject.toml"):
            path = folder / name
            try:
                if not path.is_file():
                    continue
                text = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                return folder, BROKEN
            if name == "pyproject.toml" and "[tool.plandsl" not in text:
                continue
            import tomllib  # only when a settings file is there (~4 ms to import)

            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                return folder, BROKEN
            if name == "pyproject.toml":
                data = data.get("tool", {}).get("plandsl", {})
            return folder, data if isinstance(data, dict) else BROKEN
    return None, None


def setting(start: Path, key: str):
    """One value of the nearest settings table, or None (no file, a broken file, no such key)."""
    _folder, table = nearest_settings(start)
    return table.get(key) if isinstance(table, dict) else None
