"""One-shot checks: thin wrappers over :class:`plandsl.check.engine.Engine` (the one check path)."""

from __future__ import annotations

from pathlib import Path

from plandsl.core.diagnostics import Diagnostic
from plandsl.core.records import frozen
from plandsl.project.loader import SpecSet


@frozen
class CheckResult:
    specs: SpecSet
    diagnostics: tuple[Diagnostic, ...]
    resolution: object = None


def check_specs(specs: SpecSet, config_path: Path | None = None) -> CheckResult:
    """Check specs already loaded (no cache store)."""
    from plandsl.check.engine import Engine

    engine = Engine.from_specs(specs, config_path)
    diagnostics = engine.check().diagnostics
    return CheckResult(specs, diagnostics, engine.resolution())


def check_paths(paths: list[str], config_path: Path | None = None, *, jobs: int | None = None,
                cache: bool = False) -> CheckResult:
    """Load and check the specs under ``paths`` (``cache``: through the project's cache store)."""
    from plandsl.check.engine import Engine

    engine = Engine.open(paths, config_path, jobs=jobs, cache=cache)
    diagnostics = engine.check().diagnostics
    return CheckResult(engine.specs(), diagnostics, engine.resolution())
