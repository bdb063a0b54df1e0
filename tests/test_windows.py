"""What can be tested of Windows here: a cp1258 console, CRLF specs, Windows path forms."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path, PureWindowsPath

import pytest

from plandsl.cli.console import replacement
from plandsl.cli.target import looks_like_file

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs" / "ctxh-2021-2030"


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252", "cp437"])
def test_vietnamese_on_a_code_page_console(encoding):
    text = "Đã kiểm tra 3 tệp đặc tả: chỉ tiêu, nhiệm vụ, cơ quan chủ trì"
    encoded = replacement(text, encoding).encode(encoding)  # never raises
    if encoding == "cp1258":  # cp1258 shows every Vietnamese letter: shape precomposed, tone combining
        assert unicodedata.normalize("NFC", encoded.decode(encoding)) == text


@pytest.mark.skipif(not SPECS.is_dir(), reason="no specs/")
def test_check_on_a_cp1258_console_prints_vietnamese():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8",)}
    env.update(PYTHONIOENCODING="cp1258", PLANDSL_LANG="vi")
    proc = subprocess.run([sys.executable, "-m", "plandsl", "check", "--no-cache", str(SPECS)],
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr.decode("cp1258", "replace")
    out = unicodedata.normalize("NFC", proc.stdout.decode("cp1258"))
    assert "chỉ tiêu" in out and "Đã kiểm tra" in out


def test_crlf_spec_checks_and_formats_like_lf(tmp_path):
    from plandsl.cli import main

    text = (SPECS / "quang-ngai.plan").read_text("utf-8") if SPECS.is_dir() else None
    if text is None:
        pytest.skip("no specs/")
    lf, crlf = tmp_path / "lf", tmp_path / "crlf"
    for folder, newline in ((lf, "\n"), (crlf, "\r\n")):
        folder.mkdir()
        for spec in SPECS.glob("*.plan"):
            (folder / spec.name).write_bytes(spec.read_text("utf-8").replace("\n", newline).encode("utf-8"))
    from plandsl.check.pipeline import check_paths

    def findings(folder):
        return sorted((d.code, Path(d.span.path).name if d.span else "", d.span.line if d.span else 0,
                       d.span.col if d.span else 0, d.message) for d in check_paths([str(folder)]).diagnostics)

    assert findings(crlf) == findings(lf)
    assert main(["--messages", "en", "fmt", "--check", str(crlf / "quang-ngai.plan")]) in (0, 1)


@pytest.mark.parametrize("argument", [
    str(PureWindowsPath("specs", "ctxh-2021-2030", "quang-ngai.plan")),
    "C:\\Users\\ubnd\\Documents\\specs\\quang-ngai.plan",
    ".\\quang-ngai.plan",
])
def test_windows_paths_are_taken_as_spec_files(argument):
    assert looks_like_file(argument)


def test_plan_ids_are_not_taken_for_paths():
    assert not looks_like_file("qng_ctxh_2021")
