"""`plandsl registry agencies` answers as of today unless --date: successors and the split of functions."""

from __future__ import annotations

from plandsl.cli import main

OLD = "Sở Lao động - Thương binh và Xã hội"


def test_defunct_body_shows_successor_and_split_functions_today(capsys):
    assert main(["--messages", "en", "registry", "agencies", OLD]) == 0
    out = capsys.readouterr().out
    assert "defunct" in out and "Sở Nội vụ" in out
    assert "-> Sở Y tế" in out  # social protection and children went to the health department


def test_date_option_answers_as_of_that_date(capsys):
    assert main(["--messages", "en", "registry", "agencies", OLD, "--date", "2024-01-01"]) == 0
    out = capsys.readouterr().out
    assert "known" in out and "defunct" not in out


def test_headers_in_vietnamese(capsys):
    assert main(["--messages", "vi", "registry", "agencies", OLD]) == 0
    out = capsys.readouterr().out
    assert "cơ quan kế nhiệm" in out and "chức năng chuyển sang" in out
