"""render warns, and does not fail, when the drafted text holds a TX finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandsl.cli import main

QN = Path(__file__).resolve().parent.parent / "specs" / "ctxh-2021-2030" / "quang-ngai.plan"


@pytest.mark.skipif(not QN.is_file(), reason="no Quảng Ngãi spec")
def test_render_warns_about_typos_in_the_printed_text(tmp_path, capsys):
    out = tmp_path / "qn.md"
    assert main(["--messages", "en", "render", str(QN), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert out.is_file()
    assert "findings of the text rules (TX)" in err and "Mật trận" in err and "TX003" in err


def test_clean_text_gives_no_warning(tmp_path, capsys):
    spec = tmp_path / "a.plan"
    spec.write_text('plan a {\n  title "Kế hoạch phát triển công tác xã hội"\n  level province\n'
                    '  jurisdiction "Tỉnh Quảng Ngãi"\n  instrument "1/QĐ-UBND" dated 2021-04-19\n  period 2021..2030\n}\n', "utf-8")
    assert main(["--messages", "en", "render", str(spec), "-o", str(tmp_path / "a.md"), "--draft"]) == 0
    assert "TX" not in capsys.readouterr().err
