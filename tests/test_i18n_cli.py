"""The CLI in Vietnamese and English, and commands that take a spec file path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from plandsl.cli import main
from plandsl.cli.target import looks_like_file

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
QN = SPECS / "ctxh-2021-2030" / "quang-ngai.plan"


def _run(args, env_extra, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k not in ("PLANDSL_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "plandsl", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=300)


def test_help_follows_the_locale_and_the_option():
    vi = _run(["--help"], {"LANG": "vi_VN.UTF-8"})
    assert "Cách dùng:" in vi.stdout and "Hiện hướng dẫn này rồi thoát." in vi.stdout
    en = _run(["--messages", "en", "--help"], {"LANG": "vi_VN.UTF-8"})
    assert "Usage:" in en.stdout and "Show this message and exit." in en.stdout
    c_locale = _run(["check", "--help"], {"LC_ALL": "C.UTF-8"})  # no language named: Vietnamese
    assert "Kiểm tra mọi tệp đặc tả" in c_locale.stdout
    env_en = _run(["check", "--help"], {"PLANDSL_LANG": "en", "LANG": "vi_VN.UTF-8"})
    assert "Check every *.plan spec" in env_en.stdout


@pytest.mark.skipif(not SPECS.is_dir(), reason="no specs/ folder")
def test_check_findings_in_both_languages_keep_codes_and_layout(tmp_path):
    vi = _run(["check", "--no-cache", str(SPECS / "ctxh-2021-2030")], {"LANG": "vi_VN.UTF-8"})
    en = _run(["--messages", "en", "check", "--no-cache", str(SPECS / "ctxh-2021-2030")], {"LANG": "vi_VN.UTF-8"})
    assert vi.returncode == en.returncode == 1
    assert "chỉ tiêu" in vi.stdout and "Đã kiểm tra" in vi.stdout
    assert "weaker than the parent's" in en.stdout and "weaker than" not in vi.stdout

    def layout(text):  # file:line:col, rule code and the caret lines, without the words
        out = []
        for line in text.splitlines():
            if line.startswith(str(SPECS)) or line.startswith("specs"):
                head = line.split(": ", 1)[0]
                code = line.split(": ", 2)[1].split()[-1] if line.count(": ") >= 2 else ""
                out.append((head, code))
            elif line.strip().startswith("|") or "| " in line[:10]:
                out.append(line)
        return out

    assert layout(vi.stdout) == layout(en.stdout)


@pytest.mark.skipif(not SPECS.is_dir(), reason="no specs/ folder")
def test_json_carries_the_message_in_the_chosen_language():
    import json

    vi = json.loads(_run(["--messages", "vi", "check", "--no-cache", "--format", "json",
                          str(SPECS / "ctxh-2021-2030")], {}).stdout)
    en = json.loads(_run(["--messages", "en", "check", "--no-cache", "--format", "json",
                          str(SPECS / "ctxh-2021-2030")], {}).stdout)
    assert [d["code"] for d in vi["diagnostics"]] == [d["code"] for d in en["diagnostics"]]
    assert [d["severity"] for d in vi["diagnostics"]] == [d["severity"] for d in en["diagnostics"]]
    assert any(a["message"] != b["message"] for a, b in zip(vi["diagnostics"], en["diagnostics"]))


@pytest.mark.parametrize("text, expected", [
    ("qng_ctxh_2021", False), ("quang-ngai.plan", True), ("specs/ctxh-2021-2030/quang-ngai.plan", True),
    (str(PureWindowsPath("specs") / "ctxh-2021-2030" / "quang-ngai.plan"), True),
    ("C:\\Users\\ubnd\\specs\\quang-ngai.plan", True),
])
def test_plan_argument_forms(text, expected):
    assert looks_like_file(text) is expected


@pytest.mark.skipif(not QN.is_file(), reason="no Quảng Ngãi spec")
def test_render_takes_a_spec_file_and_finds_its_parents(tmp_path, capsys):
    out = tmp_path / "qn.md"
    code = main(["--messages", "en", "render", str(QN), "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "Quảng Ngãi" in out.read_text("utf-8")
    # explain with the file path, from inside the spec's folder
    cwd = os.getcwd()
    os.chdir(QN.parent)
    try:
        assert main(["--messages", "en", "explain", QN.name]) == 0
    finally:
        os.chdir(cwd)
    assert "qng_ctxh_2021" in capsys.readouterr().out


def test_render_of_a_missing_file_is_a_plain_error(tmp_path, capsys):
    code = main(["--messages", "en", "render", str(tmp_path / "nope.plan"), "-o", str(tmp_path / "x.md")])
    assert code == 1
    assert "no spec file" in capsys.readouterr().err


def test_json_schema_is_versioned_and_documented():
    import json

    schema_path = ROOT / "src" / "plandsl" / "report" / "schemas" / "check-output.schema.json"
    schema = json.loads(schema_path.read_text("utf-8"))
    version = schema["properties"]["version"]["const"]
    assert schema["$id"].endswith(f"/v{version}/check-output.schema.json")
    doc = (ROOT / "docs" / "JSON.md").read_text("utf-8")
    assert "src/plandsl/report/schemas/check-output.schema.json" in doc and f"version {version}" in doc


@pytest.mark.skipif(not QN.is_file(), reason="no Quảng Ngãi spec")
def test_graph_of_one_spec_file_shows_its_parents(capsys):
    assert main(["--messages", "en", "graph", str(QN)]) == 0
    out = capsys.readouterr().out
    assert "ctxh_112" in out and "qng_ctxh_2021" in out
