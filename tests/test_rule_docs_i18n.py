"""Rule documents quote spec syntax in the keyword set of the language of messages (#11).

`plandsl rules CODE` (and the SARIF rule descriptions, and the language server's hover on a
code) show a rule's docstring through the catalog. Its examples (the backticked spans) are spec
syntax: in Vietnamese they are written with the Vietnamese keywords (`chấp_nhận AM001 cho …`,
`địa_bàn "…"`), in English with the English ones; and an example that is a whole statement
parses in its keyword set.
"""

from __future__ import annotations

import re

import pytest

from plandsl.core.i18n import set_language, translate_text
from plandsl.language import model as m
from plandsl.language.parser import keyword_table, parse_text
from plandsl.rules import load_all
from plandsl.rules.base import RULES

load_all()

_BACKTICK = re.compile(r"`([^`]+)`")
_STRING = re.compile(r'"[^"]*"')
_WORD = re.compile(r"[^\W\d]\w*")
# Marks that make an example a fragment: an elision or a <placeholder> / [optional] outside a string.
_ELISION = re.compile(r"\.\.\.(?!\d)|…|<|\[|\{\s*\.\.\.\s*\}")

_ENUMS = (m.Level, m.Direction, m.Unit, m.Cycle, m.Aggregation)


def _spellings() -> dict[str, set[str]]:
    """Every keyword and enumerated word, by keyword set."""
    en = {pair[0] for pair in keyword_table().values()}
    vi = {pair[1] for pair in keyword_table().values()}
    for enum_cls in _ENUMS:
        for member in enum_cls:
            en.add(member.en)
            vi.add(member.vi)
    return {"en": en - vi, "vi": vi - en}


SPELLINGS = _spellings()
# Keywords that begin a statement (in a plan, an objective, a task or a responsibility block).
_STARTERS = {"plan", "kind", "title", "level", "jurisdiction", "letterhead", "issuer", "authority", "instrument",
             "approval", "basis", "implementing", "period", "vision", "phase", "implements", "amends", "replaces",
             "partial", "general", "objective", "adopt", "waive", "no_target", "task", "responsibility", "request",
             "funding", "quantity", "report", "allow", "recipients", "text", "indicator", "unit", "direction",
             "aggregate", "not_comparable", "baseline", "target", "maintain", "lead", "support", "due", "serves",
             "review"}
_BLOCKS = {"plan", "objective", "task", "responsibility", "request"}


def _contexts(lang: str) -> list[str]:
    """Blocks a statement may sit in, with @ where it goes, in the keyword set ``lang``."""
    kw = {name: pair[0 if lang == "en" else 1] for name, pair in keyword_table().items()}
    plan = kw["plan"] + " x {\n@\n}"
    bodies = ("@", kw["objective"] + " o {\n@\n}", kw["task"] + " t {\n@\n}",
              kw["responsibility"] + ' "Sở Nội vụ" {\n@\n}')
    return [plan.replace("@", body) for body in bodies]


def examples(doc: str) -> list[str]:
    """The backticked spans of a rule's document (a span may run over a line break)."""
    return [" ".join(span.split()) for span in _BACKTICK.findall(doc)]


def keywords_of_other_set(snippet: str, lang: str) -> list[str]:
    """Words of ``snippet`` (outside its strings) that are keywords of the other keyword set."""
    other = SPELLINGS["en" if lang == "vi" else "vi"]
    return [w for w in _WORD.findall(_STRING.sub('""', snippet)) if w in other]


def whole_statement(snippet: str, lang: str) -> bool:
    """True when ``snippet`` starts with a statement keyword, has more than it and elides nothing.

    A block's header without its block (`task t1`, `request "…"`) names the block in prose.
    """
    spelt = {name: pair[0 if lang == "en" else 1] for name, pair in keyword_table().items()}
    starters = {spelt[name] for name in _STARTERS if name in spelt}
    blocks = {spelt[name] for name in _BLOCKS}
    words = snippet.split()
    return (len(words) > 1 and words[0] in starters and not (words[0] in blocks and "{" not in snippet)
            and not _ELISION.search(_STRING.sub('""', snippet)))


def parses(snippet: str, lang: str) -> bool:
    for context in _contexts(lang):
        result = parse_text(context.replace("@", snippet))
        if result.plan is not None and not result.diagnostics:
            return True
    return False


def rule_doc(cls, lang: str) -> str:
    set_language(lang)
    return translate_text(cls.__doc__ or "")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("code", sorted(RULES))
def test_examples_follow_the_keyword_set_of_the_language(code: str, lang: str) -> None:
    doc = rule_doc(RULES[code], lang)
    wrong = {s: keywords_of_other_set(s, lang) for s in examples(doc) if keywords_of_other_set(s, lang)}
    assert not wrong, f"{code} ({lang}): examples in the other keyword set: {wrong}"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("code", sorted(RULES))
def test_whole_statement_examples_parse(code: str, lang: str) -> None:
    doc = rule_doc(RULES[code], lang)
    bad = [s for s in examples(doc) if whole_statement(s, lang) and not parses(s, lang)]
    assert not bad, f"{code} ({lang}): examples that do not parse: {bad}"


def test_the_checks_see_real_examples() -> None:
    # The helpers above are what the tests rely on: they must tell a wrong example from a right one.
    assert keywords_of_other_set('allow AM001 on trained "a lead text"', "vi") == ["allow", "on"]
    assert keywords_of_other_set('chấp_nhận AM001 cho trained "allow"', "vi") == []
    assert keywords_of_other_set('địa_bàn "Huyện An Lão"', "en") == ["địa_bàn"]
    assert whole_statement('chấp_nhận AM001 cho trained "…"', "vi")
    assert not whole_statement("chỉ_tiêu 2025 ...", "vi")
    assert not whole_statement("chủ_trì", "vi") and not whole_statement("nhiệm_vụ t1", "vi")
    assert parses('chấp_nhận AM001 cho trained "…"', "vi")
    assert parses("chiều tăng", "vi") and parses("chủ_trì netwrok", "vi")
    assert not parses("chỉ_tiêu p1 +20% so_với", "vi")
    # Every rule has at least one example, and most have a whole statement among them.
    whole = [c for c, cls in RULES.items() if any(whole_statement(s, "vi") for s in examples(rule_doc(cls, "vi")))]
    assert len(whole) >= 20


def test_rule_page_quotes_syntax_in_the_language_of_messages(capsys) -> None:
    from plandsl.cli import main

    assert main(["--messages", "vi", "rules", "AL001"]) == 0
    out = capsys.readouterr().out
    assert 'chấp_nhận AM001 cho trained "' in out and "allow AM001" not in out
    assert main(["--messages", "en", "rules", "AG013"]) == 0
    out = capsys.readouterr().out
    assert 'jurisdiction "Huyện An Lão"' in out and "địa_bàn" not in out
    assert main(["--messages", "vi", "rules", "AG013"]) == 0
    out = capsys.readouterr().out
    assert 'địa_bàn "Huyện An Lão"' in out and "`jurisdiction" not in out
