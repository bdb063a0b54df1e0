"""Issue 17 items 4-5: deep nesting and huge files give located diagnostics, never an internal error."""

from __future__ import annotations

import json

import pytest

from plandsl.cli import main
from plandsl.language.parser import MAX_TASK_DEPTH, parse_text

HEAD = 'plan p {\n  level province\n  period 2021..2025\n  jurisdiction "Tỉnh Quảng Ngãi"\n'


def nested(depth: int) -> str:
    opens = "".join(f'{"  " * (i + 1)}task t{i} {{ lead "Sở Nội vụ"\n' for i in range(depth))
    return HEAD + opens + "}" * depth + "\n}\n"


def test_ten_thousand_nested_tasks_give_a_located_prs103(tmp_path, capsys):
    spec = tmp_path / "deep.plan"
    spec.write_text(nested(10_000), "utf-8")
    for command in (["check", "--format", "json", str(spec)], ["fmt", "--check", str(spec)]):
        assert main(command) == 1
    capsys.readouterr()
    main(["check", "--format", "json", str(spec)])
    out = capsys.readouterr().out
    diags = json.loads(out[out.index("{"):])["diagnostics"]
    (d,) = [d for d in diags if d["code"] == "PRS103"]
    # The first task beyond the limit: 4 header lines, then one indented task per line.
    assert d["span"]["line"] == 5 + MAX_TASK_DEPTH and d["span"]["col"] == 2 * (MAX_TASK_DEPTH + 1) + 1
    assert f"t{MAX_TASK_DEPTH}" in d["message"] and str(MAX_TASK_DEPTH) in d["message"]


def test_nesting_at_the_limit_is_accepted_and_formats(tmp_path):
    result = parse_text(nested(MAX_TASK_DEPTH), "p.plan")
    assert result.plan is not None and not [d for d in result.diagnostics if d.code == "PRS103"]
    assert len(result.plan.all_tasks()) == MAX_TASK_DEPTH
    spec = tmp_path / "p.plan"
    spec.write_text(nested(MAX_TASK_DEPTH), "utf-8")
    assert main(["fmt", str(spec)]) == 0
    assert main(["fmt", "--check", str(spec)]) == 0
    assert main(["check", str(spec)]) in (0, 1)  # findings are fine; an internal error (70) is not


def test_one_past_the_limit_is_refused():
    result = parse_text(nested(MAX_TASK_DEPTH + 1), "p.plan")
    assert result.plan is None and [d.code for d in result.diagnostics] == ["PRS103"]
