"""The check pipeline: load -> graph -> resolve -> rules (dbt-style stages)."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from plandsl.diagnostics import Diagnostic
from plandsl.loader import SpecSet, load


@frozen
class CheckResult:
    specs: SpecSet
    diagnostics: tuple[Diagnostic, ...]
    resolution: object = None


def check_specs(specs: SpecSet, config_path: Path | None = None, only=None) -> CheckResult:
    from plandsl.config import load_config
    from plandsl.resolve import resolve
    from plandsl.rules.base import RULES
    from plandsl.rules import load_all
    from plandsl.rules.engine import run_rules

    load_all()
    config = load_config(config_path, known_codes=set(RULES))
    resolution = resolve(specs)
    found = run_rules(specs, resolution, config, only=only)
    return CheckResult(specs, specs.all_diagnostics + config.diagnostics + tuple(found), resolution)


def check_paths(paths: list[str], config_path: Path | None = None, **load_options) -> CheckResult:
    return check_specs(load(paths, **load_options), config_path)
