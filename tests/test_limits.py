"""Issue 17 items 4-5: deep nesting and huge files give located diagnostics, never an internal error."""

from __future__ import annotations

import json

import pytest

from plandsl.cli import main
from plandsl.language.parser import MAX_TASK_DEPTH, parse_text

HEAD = 'plan p {\n  level province\n  period 2021..2025\n  jurisdiction "Tỉnh Quảng Ngãi"\n'


def nested(depth: int, indent: bool = True) -> str:
    opens = "".join(f'{"  " * (i + 1) if indent else ""}task t{i} {{ lead "Sở Nội vụ"\n' for i in range(depth))
    return HEAD + opens + "}" * depth + "\n}\n"


def test_ten_thousand_nested_tasks_give_a_located_prs103(tmp_path, capsys):
    spec = tmp_path / "deep.plan"
    spec.write_text(nested(10_000, indent=False), "utf-8")
    for command in (["check", "--format", "json", str(spec)], ["fmt", "--check", str(spec)]):
        assert main(command) == 1
    capsys.readouterr()
    main(["check", "--format", "json", str(spec)])
    out = capsys.readouterr().out
    diags = json.loads(out[out.index("{"):])["diagnostics"]
    (d,) = [d for d in diags if d["code"] == "PRS103"]
    # The first task beyond the limit: 4 header lines, then one task per line.
    assert d["span"]["line"] == 5 + MAX_TASK_DEPTH and d["span"]["col"] == 1
    located = parse_text(nested(MAX_TASK_DEPTH + 3), "p.plan").diagnostics[0].span
    assert (located.line, located.col) == (5 + MAX_TASK_DEPTH, 2 * (MAX_TASK_DEPTH + 1) + 1)
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


# ------------------------------------------------------------------ item 5: huge files

def test_size_parsing():
    from plandsl.core.limits import human, parse_size

    assert parse_size("20 MB") == 20 * 1024 * 1024 and parse_size("512kb") == 512 * 1024
    assert parse_size(1000) == 1000 and parse_size("0") is None and parse_size("lots") is None
    assert parse_size(True) is None and human(5 * 1024 * 1024) == "5 MB" and human(1536) == "1.5 KB"


def test_default_limit_and_env(monkeypatch, tmp_path):
    from plandsl.core import limits

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(limits.ENV_VAR, raising=False)
    assert limits.max_file_size() == limits.DEFAULT_MAX_FILE_SIZE
    monkeypatch.setenv(limits.ENV_VAR, "1 KB")
    assert limits.max_file_size() == 1024


@pytest.mark.parametrize("config", [
    ("plandsl.toml", 'max_file_size = "2 KB"\n'),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.plandsl]\nmax_file_size = 2048\n'),
])
def test_a_file_over_the_configured_limit_gives_prs006_and_is_not_read_whole(monkeypatch, tmp_path, capsys, config):
    from plandsl.core import limits

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(limits.ENV_VAR, raising=False)
    (tmp_path / config[0]).write_text(config[1], "utf-8")
    big = tmp_path / "big.plan"
    big.write_text(HEAD + "  # " + "x" * 50_000 + "\n}\n", "utf-8")
    small = tmp_path / "small.plan"
    small.write_text(HEAD + "}\n", "utf-8")
    assert limits.max_file_size() == 2048
    data, size = limits.read_limited(big)
    assert len(data) == 2049 and size == big.stat().st_size  # bounded read
    assert main(["check", "--format", "json", str(big), str(small)]) == 1
    out = capsys.readouterr().out
    diags = json.loads(out[out.index("{"):])["diagnostics"]
    (d,) = [d for d in diags if d["code"] == "PRS006"]
    assert d["span"]["path"].endswith("big.plan") and d["span"]["line"] == 1
    assert "2 KB" in d["message"] and "48" in d["message"]  # the file's size and the limit
    assert not [d for d in diags if d["span"] and d["span"]["path"].endswith("small.plan") and d["severity"] == "error"]
    # The text report shows no excerpt of the big file's content.
    main(["check", str(big)])
    assert "xxxxxxxxxx" not in capsys.readouterr().out


def test_decode_refuses_bytes_over_the_limit(monkeypatch):
    from plandsl.core import limits
    from plandsl.language.source import decode

    monkeypatch.setenv(limits.ENV_VAR, "100")
    assert decode(b"x" * 100, "a.plan").text == "x" * 100
    src = decode(b"x" * 101, "a.plan")
    assert src.text is None and [d.code for d in src.diagnostics] == ["PRS006"]


# ------------------------------------------------------------------ UTF-16/32 by byte order mark

@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                           ("utf-32", "UTF-32")])
def test_wide_encodings_are_named(encoding, name):
    from plandsl.language.source import decode

    src = decode((HEAD + "}\n").encode(encoding), "w.plan")
    (d,) = src.diagnostics
    assert src.text is None and d.code == "PRS002" and name in d.message and "Windows" not in (d.hint or "")


def test_a_bad_size_in_the_configuration_is_reported(monkeypatch, tmp_path):
    from plandsl.core import limits
    from plandsl.project.config import load_config

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(limits.ENV_VAR, raising=False)
    (tmp_path / "plandsl.toml").write_text('max_file_size = "lots"\n', "utf-8")
    assert [d.code for d in load_config().diagnostics] == ["CFG004"]
    assert limits.max_file_size() == limits.DEFAULT_MAX_FILE_SIZE
    (tmp_path / "plandsl.toml").write_text('max_file_size = "1.5 MB"\n', "utf-8")
    assert load_config().diagnostics == ()
