"""The check pipeline: load -> graph -> resolve -> rules (dbt-style stages)."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from plandsl.core.diagnostics import Diagnostic
from plandsl.project.loader import SpecSet, load


@frozen
class CheckResult:
    specs: SpecSet
    diagnostics: tuple[Diagnostic, ...]
    resolution: object = None


def check_specs(specs: SpecSet, config_path: Path | None = None, only=None) -> CheckResult:
    from plandsl.project.config import load_config
    from plandsl.inherit.resolve import resolve
    from plandsl.rules.base import RULES
    from plandsl.rules import load_all
    from plandsl.rules.engine import run_rules

    load_all()
    config = load_config(config_path, known_codes=set(RULES))
    resolution = resolve(specs)
    found = run_rules(specs, resolution, config, only=only)
    return CheckResult(specs, specs.all_diagnostics + config.diagnostics + tuple(found), resolution)


def check_paths(paths: list[str], config_path: Path | None = None, *, freeze: bool = False,
                **load_options) -> CheckResult:
    """Load and check. ``freeze`` (for one-shot CLI runs): after loading, move every object
    to the garbage collector's permanent generation, so that the many objects created by
    resolve and the rules do not trigger full collections that walk the whole loaded country."""
    specs = load(paths, **load_options)
    if freeze:
        import gc

        gc.freeze()
    return check_specs(specs, config_path)
