"""The check pipeline: load -> graph -> resolve -> rules (dbt-style stages)."""

from __future__ import annotations

from attrs import frozen

from plandsl.diagnostics import Diagnostic
from plandsl.loader import SpecSet, load


@frozen
class CheckResult:
    specs: SpecSet
    diagnostics: tuple[Diagnostic, ...]


def check_paths(paths: list[str]) -> CheckResult:
    specs = load(paths)
    return CheckResult(specs, specs.all_diagnostics)
