"""What a Vietnamese user reads from the commands, in the default language (Vietnamese)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


@pytest.fixture
def run(capsys):
    def run(*args: str, lang: str = "vi") -> str:
        capsys.readouterr()
        main(["--messages", lang, *args])
        return capsys.readouterr().out

    return run


@pytest.mark.skipif(not (SPECS / "ctxh-2021-2030").exists(), reason="needs specs/")
def test_graph_tree_names_levels_in_the_language_of_messages(run):
    vi = run("graph", str(SPECS / "ctxh-2021-2030")).splitlines()
    assert vi[0] == "ctxh_112 (quốc gia, 112/QĐ-TTg, 2021-2030)"
    assert "├── anlao_ctxh_2021 (huyện, 57/KH-UBND, 2021-2025)" in vi
    assert "└── qng_ctxh_2021 (tỉnh, 255/QĐ-UBND, 2021-2030)" in vi
    en = run("graph", str(SPECS / "ctxh-2021-2030"), lang="en").splitlines()
    assert en[0] == "ctxh_112 (national, 112/QĐ-TTg, 2021-2030)"
