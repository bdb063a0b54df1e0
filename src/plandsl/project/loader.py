"""Load every spec under some paths into a SpecSet (dbt's 'parse' step)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.fsutil import describe_missing
from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.language.model import Plan, Span

if TYPE_CHECKING:
    from plandsl.language.parser import ParseResult

# plandsl.language.parser (and lark with it) is imported only when something is parsed:
# a re-check answered from the caches never needs it.

SPEC_SUFFIX = ".plan"


@frozen
class SpecSet:
    """All parsed spec files, in a stable order, with their parse diagnostics."""

    files: tuple["ParseResult", ...]
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def plans(self) -> tuple[Plan, ...]:
        return tuple(f.plan for f in self.files if f.plan is not None)

    @property
    def all_diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.diagnostics + tuple(d for f in self.files for d in f.diagnostics)

    def sources(self) -> dict[str, str]:
        """Spec text by path, for showing source lines under diagnostics."""
        return {f.path: f.text for f in self.files if f.text is not None}

    def by_id(self) -> dict[str, Plan]:
        """Plans by id; where an id is duplicated the first one (by path) wins."""
        out: dict[str, Plan] = {}
        for plan in self.plans:
            out.setdefault(plan.id, plan)
        return out


def _walk(top: str, found: set[str]) -> None:
    """Add the ``*.plan`` files under ``top`` to ``found``, as ``os.walk`` would give them (joined to
    ``top``; folders whose name starts with a dot and links to folders are not entered; unreadable
    folders are skipped), without its per-file ``os.path.join``."""
    stack = [top]
    while stack:
        folder = stack.pop()
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                name = entry.name
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    if not name.startswith(".") and not entry.is_symlink():
                        stack.append(prefix + name)
                elif name.endswith(SPEC_SUFFIX):
                    found.add(prefix + name)


def discover(paths: Iterable[str]) -> tuple[list[str], list[Diagnostic]]:
    """Every ``*.plan`` file under the given files and folders, sorted."""
    found: set[str] = set()
    diags: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _walk(os.fspath(path), found)
        elif path.is_file():
            found.add(str(path))
        else:
            diags.append(
                Diagnostic("PRS001", Severity.ERROR, describe_missing(raw),
                           Span(str(raw), 1, 1, 1, 1), name="parse.io")
            )
    return sorted(found), diags


def discover_checked(paths: Iterable[str]) -> tuple[list[str], list[Diagnostic]]:
    """``discover``, plus the PRS005 error when nothing at all was found."""
    files, diags = discover(paths)
    if not files and not diags:
        diags.append(
            Diagnostic("PRS005", Severity.ERROR, _("no *.plan spec files were found in the given paths"),
                       None, hint=_("Point plandsl at a folder containing .plan files, e.g. `plandsl check specs/`."),
                       name="parse.io")
        )
    return files, diags


def load_files(files: Iterable[str]) -> tuple["ParseResult", ...]:
    from plandsl.language.parser import parse_file

    return tuple(parse_file(f) for f in files)


def load(paths: Iterable[str], *, jobs: int | None = None) -> SpecSet:
    """Parse every spec under ``paths``.

    ``jobs``: worker processes for big runs (None: min(2, CPUs) when there are
    enough files; 1: in this process). Checks that should reuse earlier work go
    through :class:`plandsl.check.engine.Engine`, which keeps the cache store.
    """
    files, diags = discover_checked(paths)
    if jobs == 1:
        return SpecSet(load_files(files), tuple(diags))
    from plandsl.project.parallel import parse_many

    return SpecSet(parse_many(files, jobs=jobs), tuple(diags))
