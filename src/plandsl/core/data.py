"""Locate data shipped with the package (grammar, templates, registry data).

In a wheel the top-level ``grammar/`` and ``templates/`` folders are installed
inside the package; in an editable install they are read from the source tree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent.parent  # the plandsl package


@cache
def data_dir(name: str) -> Path:
    """The directory ``name`` (``grammar``, ``templates``), wherever it lives."""
    for candidate in (_PKG / name, _PKG.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"plandsl data folder '{name}' is missing from the installation")
