"""Run the YAML test cases of every rule (sqlfluff-style).

Each file tests/rules/<CODE>.yml holds cases: spec files to write, and the
findings of that rule expected in them (file and line). Every registered rule
must have at least one failing and one passing case.

An expected finding may also pin: ``message`` (a part of the message),
``message_re`` (a regular expression the whole message must match), ``col``,
``hint`` (the whole hint) and ``related`` (a list of ``{file, line, message}``,
all of the finding's related locations in order).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from plandsl.project.loader import load
from plandsl.check.pipeline import check_specs
from plandsl.rules import load_all
from plandsl.rules.base import RULES

CASES_DIR = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        doc = yaml.safe_load(path.read_text("utf-8"))
        for case in doc["cases"]:
            yield pytest.param(doc["rule"], case, id=f"{doc['rule']}-{case['name']}")


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_case(code, case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no stray plandsl.toml
    for name, text in case["specs"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    for name, text in case.get("config", {}).items():
        (tmp_path / name).write_text(text, "utf-8")
    specs = load([str(tmp_path)])
    parse_errors = [d for d in specs.all_diagnostics if d.code.startswith("PRS")]
    assert not parse_errors, f"case specs must parse: {parse_errors}"
    result = check_specs(specs)
    got = sorted(
        (Path(d.span.path).relative_to(tmp_path).as_posix(), d.span.line)
        for d in result.diagnostics if d.code == code
    )
    want = sorted((e["file"], e["line"]) for e in case.get("expect", []))
    assert got == want, "\n".join(f"{d.span} {d.code} {d.message}" for d in result.diagnostics)
    for e in case.get("expect", []):
        here = [d for d in result.diagnostics if d.code == code and d.span.line == e["line"]
                and Path(d.span.path).relative_to(tmp_path).as_posix() == e["file"]]
        if "message" in e:  # a part of the message
            assert any(e["message"] in d.message for d in here), [d.message for d in here]
        if "message_re" in e:  # the whole message (anchored: "62%" does not pass for "24362%")
            assert any(re.fullmatch(e["message_re"], d.message) for d in here), [d.message for d in here]
        if "col" in e:
            assert any(d.span.col == e["col"] for d in here), [d.span for d in here]
        if "hint" in e:  # the whole hint
            assert any(d.hint == e["hint"] for d in here), [d.hint for d in here]
        if "related" in e:  # every related location, as "file:line: message"
            want_related = [f"{r['file']}:{r['line']}: {r['message']}" for r in e["related"]]
            got_related = [[f"{Path(r.span.path).relative_to(tmp_path).as_posix()}:{r.span.line}: {r.message}"
                            for r in d.related] for d in here]
            assert want_related in got_related, got_related


def test_every_rule_has_passing_and_failing_cases():
    load_all()
    for code, cls in RULES.items():
        path = CASES_DIR / f"{code}.yml"
        assert path.is_file(), f"{code} ({cls.name}) has no YAML cases"
        cases = yaml.safe_load(path.read_text("utf-8"))["cases"]
        assert any(c.get("expect") for c in cases), f"{code} has no failing case"
        assert any(not c.get("expect") for c in cases), f"{code} has no passing case"


def test_every_rule_is_documented():
    load_all()
    for code, cls in RULES.items():
        doc = cls.__doc__ or ""
        assert "Anti-pattern" in doc and "Best practice" in doc, code
        assert cls.name and "." in cls.name, code
