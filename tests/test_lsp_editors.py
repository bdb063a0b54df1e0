"""The VS Code extension: the TextMate grammar covers every keyword of plan.lark."""

from __future__ import annotations

import json
import re
from pathlib import Path

from plandsl.language import model as m
from plandsl.language.parser import keyword_table

VSCODE = Path(__file__).resolve().parent.parent / "editors" / "vscode"
GRAMMAR = json.loads((VSCODE / "syntaxes" / "plandsl.tmLanguage.json").read_text("utf-8"))


def _python_regex(pattern: str) -> re.Pattern:
    """Oniguruma's Unicode classes in Python's re (whose \\w is Unicode already)."""
    pattern = pattern.replace(r"[\p{L}\p{N}_]", r"\w").replace(r"[\p{L}_]", r"[^\W\d]")
    assert r"\p{" not in pattern
    return re.compile(pattern)


def _rule(name: str) -> re.Pattern:
    return _python_regex(GRAMMAR["repository"][name]["match"])


def test_every_keyword_in_both_sets_is_highlighted():
    keyword = _rule("keyword")
    words = [w for pair in keyword_table().values() for w in pair]
    assert len(words) == 2 * len(keyword_table()) > 100
    missing = [w for w in words if not keyword.fullmatch(w)]
    assert missing == []
    for text in ("kế_hoạch_x", "planned", "xplan", "số1"):
        assert not keyword.search(text), text  # a keyword inside a longer name is not one


def test_enum_words_and_declarations():
    constant = _rule("constant")
    enums = [w for cls in (m.Level, m.Direction, m.Unit, m.Cycle) for e in cls for w in (e.en, e.vi)]
    assert [w for w in enums if not constant.fullmatch(w)] == []
    decl = _rule("declaration").match("mục_tiêu tỷ_lệ_đào_tạo {")
    assert decl and decl.group(2) == "tỷ_lệ_đào_tạo"
    plan = _rule("plan").match("kế_hoạch qng_ctxh_2021 {")
    assert plan and plan.group(2) == "qng_ctxh_2021"


def test_literals():
    date, day_month = (_python_regex(p["match"]) for p in GRAMMAR["repository"]["date"]["patterns"])
    assert date.fullmatch("2021-04-19") and day_month.fullmatch("10/6")
    number = _rule("number")
    assert number.fullmatch("15_000_000_000") and number.fullmatch("60%") and number.fullmatch("12.5")
    assert _rule("comment").search('  kind "x"  # ghi chú').group(0) == "# ghi chú"
    string = GRAMMAR["repository"]["string"]
    assert string["begin"] == '"' and string["end"] == '"'
    assert _python_regex(string["patterns"][0]["match"]).fullmatch('\\"')


def test_manifest_points_at_the_grammar():
    manifest = json.loads((VSCODE / "package.json").read_text("utf-8"))
    (lang,) = manifest["contributes"]["languages"]
    (grammar,) = manifest["contributes"]["grammars"]
    assert lang["id"] == grammar["language"] == "plandsl" and lang["extensions"] == [".plan"]
    assert grammar["scopeName"] == GRAMMAR["scopeName"]
    assert (VSCODE / grammar["path"]).resolve() == (VSCODE / "syntaxes" / "plandsl.tmLanguage.json").resolve()
    assert (VSCODE / lang["configuration"]).exists() and (VSCODE / manifest["main"]).exists()
    json.loads((VSCODE / lang["configuration"]).read_text("utf-8"))
