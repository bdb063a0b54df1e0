"""Helpers for tests of resolution and of the rules: spec texts in, resolution or findings out.

No files are written: each text is parsed under its name (``nat`` is parsed as
``nat.plan``). ``from resolving import resolve_texts, findings``.
"""

from __future__ import annotations

from plandsl.check.pipeline import check_specs
from plandsl.inherit.resolve import Resolution, resolve
from plandsl.language.parser import parse_text
from plandsl.project.loader import SpecSet


def spec_set(**texts: str) -> SpecSet:
    files = tuple(parse_text(text, f"{name}.plan") for name, text in texts.items())
    errors = [d for f in files for d in f.diagnostics if d.code.startswith("PRS")]
    assert not errors, errors
    return SpecSet(files)


def resolve_texts(**texts: str) -> Resolution:
    return resolve(spec_set(**texts))


def findings(code: str, **texts: str) -> list:
    """The findings of rule ``code`` in the given spec texts, in report order."""
    return [d for d in check_specs(spec_set(**texts)).diagnostics if d.code == code]


def plan(pid: str, body: str, *, level: str = "province", period: str | None = "2021..2030",
         parent: str | None = None) -> str:
    """A spec text: ``plan pid { level … period … implements … <body> }``."""
    lines = [f"plan {pid} {{", f"  level {level}"]
    if period:
        lines.append(f"  period {period}")
    if parent:
        lines.append(f"  implements {parent}")
    lines += [f"  {line}" for line in body.strip().splitlines()]
    lines.append("}")
    return "\n".join(lines) + "\n"
