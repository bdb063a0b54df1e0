"""A wrong plan id gets a did-you-mean only for a plan it clearly misspells, never an unrelated one."""

from __future__ import annotations

import pytest

from plandsl.core.suggest import closest_id

IDS = ["anlao_ctxh_2021", "ctxh_112", "de_an_32", "hnm_ctxh_2020", "kh_1305", "kh_990", "ls_ctxh_2011",
       "qng_ctxh_2021", "tgxh_488", "vlg_tgxh_2018"]


@pytest.mark.parametrize("typed, meant", [
    ("qng_ctxh_2012", "qng_ctxh_2021"), ("ctxh_12", "ctxh_112"), ("kh_1350", "kh_1305"), ("tgxh_448", "tgxh_488"),
    ("qng_2021", "qng_ctxh_2021"), ("anlao_ctxh_2012", "anlao_ctxh_2021"),
])
def test_misspelt_ids(typed, meant):
    assert closest_id(typed, IDS) == meant


@pytest.mark.parametrize("typed", ["ctxh", "kh_2021", "ctxh_2030", "an_lao", "xyz", "quang-ngai", "tgxh"])
def test_no_unrelated_suggestion(typed):
    assert closest_id(typed, IDS) is None


def test_render_and_explain_do_not_suggest_an_unrelated_plan(capsys):
    from plandsl.cli import main

    assert main(["--messages", "en", "explain", "ctxh", "specs"]) == 1
    err = capsys.readouterr().err
    assert "Did you mean" not in err
