"""check shows a progress bar on a terminal, and nothing extra when piped."""

from __future__ import annotations

import io

from plandsl.cli.progressbar import CheckProgress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_not_a_terminal():
    out = io.StringIO()
    with CheckProgress(out) as progress:
        for n in range(1, 501):
            progress(n, 500)
    assert out.getvalue() == ""


def test_bar_on_a_terminal_for_long_runs():
    out = _Tty()
    with CheckProgress(out, force_terminal=True) as progress:
        for n in range(1, 501):
            progress(n, 500)
    assert "500/500" in out.getvalue() or "/500" in out.getvalue()


def test_no_bar_for_short_runs_even_on_a_terminal():
    out = _Tty()
    with CheckProgress(out, force_terminal=True) as progress:
        for n in range(1, 11):
            progress(n, 10)
    assert out.getvalue() == ""


def test_piped_check_prints_only_findings(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.plan").write_text("plan a {\n  level province\n  period 2021..2030\n}\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "plandsl", "--messages", "en", "check", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.stderr == ""
    assert proc.stdout.strip().endswith("note(s)")
