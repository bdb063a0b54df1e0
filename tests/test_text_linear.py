"""Issue 17 item 3: the TX text scans are linear (no ReDoS, no exponential repair).

The tests assert on the algorithm, not on wall time: the scan regex is checked
to be one character-class repetition (which cannot backtrack), and the scan is
counted to examine each character of a 1 MB string once.
"""

from __future__ import annotations

import re

import pytest

try:  # Python 3.11+: the parser moved to re._parser
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

from plandsl.rules import text as tx

MB = 1 << 20


class CountingPattern:
    """Wraps a compiled pattern; records every call and the characters each match spans."""

    def __init__(self, real: re.Pattern):
        self.real, self.calls, self.spans = real, 0, []

    def finditer(self, text, *args):
        self.calls += 1
        for mt in self.real.finditer(text, *args):
            self.spans.append(mt.span())
            yield mt


def test_word_pattern_is_a_single_class_repetition():
    """A lone `[class]+` matches greedily and never backtracks: finditer is linear."""
    parsed = list(sre_parse.parse(tx._WORD.pattern))
    assert len(parsed) == 1
    op, (lo, hi, body) = parsed[0]
    assert op is sre_parse.MAX_REPEAT and lo == 1
    assert [o for o, _ in body] == [sre_parse.IN]


@pytest.mark.parametrize("make", [
    lambda: "a" * MB,                          # one 1 MB word (3.5 s at 10 KB with the old regex)
    lambda: ("xó hội " * (MB // 7)),           # 1 MB of damaged pairs, all the same
    lambda: "ỏ" * (MB // 2) + " " + "ỏ" * (MB // 2),   # two huge damaged words
    lambda: ("ab" + " " * 1000) * (MB // 1002),  # long space gaps
    lambda: "a1" * (MB // 2),                   # words broken by digits
])
def test_pair_scan_is_one_pass_over_1mb(monkeypatch, make):
    """The runs of syllables are found in one scan (and the word-by-word walk, the fallback, likewise)."""
    text = make()
    for name in ("_RUN", "_WORD"):
        counting = CountingPattern(getattr(tx, name))
        monkeypatch.setattr(tx, name, counting)
        tx._damage.cache_clear()
        tx._damage(text) if name == "_RUN" else tx._suspect_pairs_by_word(text)
        _one_pass(counting, text)
        monkeypatch.undo()


def test_run_pattern_cannot_backtrack_into_a_syllable():
    """Runs start only where a syllable starts, and their repetitions are possessive: a long syllable
    with no space after it is read once (a plain `[class]+(?: +[class]+)+` is quadratic on it)."""
    pattern = tx._RUN.pattern
    assert pattern.startswith("(?<![^\\W\\d_])") and pattern.count("++") == 3


def _one_pass(counting, text) -> None:
    # One scan of the string; matches are disjoint and in order, so each character is read once.
    assert counting.calls == 1
    ends = [0] + [b for _, b in counting.spans]
    assert all(a >= prev for (a, _), prev in zip(counting.spans, ends))
    assert sum(b - a for a, b in counting.spans) <= len(text)


def test_both_words_damaged_does_not_enumerate_variants(monkeypatch):
    """Repairing two damaged words tries the bigrams' first words, not 2**n variants of the word."""
    def forbidden(word):  # pragma: no cover - failing path
        raise AssertionError("variants of a word were enumerated")

    monkeypatch.setattr(tx, "_legacy_variants", forbidden)
    tx._repair_legacy.cache_clear()
    word = "ỏ" * 64
    assert tx._repair_legacy(word, word) is None
    # The real repair still works when both words are damaged ("cụng tỏc" -> "công tác").
    tx._repair_legacy.cache_clear()
    assert tx._repair_legacy("cụng", "tỏc") == ("công", "tác")


def test_pairs_unchanged_on_ordinary_text():
    text = "Trợ giúp  đối tượng bảo trợ xó hội, các gia đỡnh;cụng tác 12 xó\u00a0hội"
    old = re.compile(r"([^\W\d_]+)( +)(?=([^\W\d_]+))")
    expected = {}
    for first, spaces, second in old.findall(text):
        w1, w2 = first.lower(), second.lower()
        if f"{w1} {w2}" not in tx.BIGRAMS:
            expected.setdefault(f"{first}{spaces}{second}", (w1, w2))
    assert tx._suspect_pairs(text) == tuple((w, a, b) for w, (a, b) in expected.items())


_OLD_PAIR = re.compile(r"([^\W\d_]+)( +)(?=([^\W\d_]+))")

from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aóỏ ụ1_,\u00a0\txy", max_size=40))
def test_linear_scan_finds_the_same_pairs_as_the_old_regex(text):
    expected: dict[str, tuple[str, str]] = {}
    for first, spaces, second in _OLD_PAIR.findall(text):
        w1, w2 = first.lower(), second.lower()
        if f"{w1} {w2}" not in tx.BIGRAMS:
            expected.setdefault(f"{first}{spaces}{second}", (w1, w2))
    assert tx._suspect_pairs(text) == tuple((w, a, b) for w, (a, b) in expected.items())


# ------------------------------------------------------------ CS007's locator (serves lists)

def test_serves_locator_is_one_token_pass(monkeypatch):
    """Finding `serves ... oid` walks the tokens once; the old regex restarted at every 'serves' (quadratic)."""
    from plandsl.rules import strings

    text = 'task t { text "' + "serves " * 100_000 + '\\n" serves a, nope }'
    counting = CountingPattern(strings._TOKENS)
    monkeypatch.setattr(strings, "_TOKENS", counting)
    find = strings.find_in_list({"serves", "phục_vụ"}, "nope")
    a, b = find(text, 0, len(text))
    assert text[a:b] == "nope"
    assert counting.calls == 1 and len(counting.spans) < 20  # the whole string is one token
    assert find('serves a, "nope" # nope\n serves b nope', 0, 40) is None  # not in strings, comments, or after a name


def test_token_pattern_alternatives_cannot_backtrack():
    """Each alternative is a literal start plus one character-class repetition (or two disjoint classes)."""
    from plandsl.rules.strings import _TOKENS

    branches = list(sre_parse.parse(_TOKENS.pattern))
    assert len(branches) == 1 and branches[0][0] is sre_parse.BRANCH


# ------------------------------------------------------------ whitespace runs (CV005 numbers, AG list split)

_OLD_AROUND = re.compile(r"\s*([/\-\u2013\u2014])\s*")
_OLD_LIST = re.compile(r"(\s*[,;]\s*|\s+và\s+)")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\n", "/", "-", "–", "a", "1", ",", ";", "và", "v"]), max_size=30).map("".join))
def test_whitespace_patterns_behave_as_before(text):
    from plandsl.rules.coverage import _AROUND_SEPARATOR
    from plandsl.rules.registry_rules import _LIST_SEPARATOR

    assert _AROUND_SEPARATOR.sub(r"\1", text) == _OLD_AROUND.sub(r"\1", text)
    assert _LIST_SEPARATOR.split(text) == _OLD_LIST.split(text)


def test_whitespace_patterns_enter_a_run_only_at_its_start():
    """'\\s*X' restarted at every position of a whitespace run (40,000 spaces: 2 minutes); the new
    patterns refuse to start inside a run, so a run is scanned a bounded number of times."""
    from plandsl.rules.coverage import _AROUND_SEPARATOR, _numbers_in
    from plandsl.rules.registry_rules import _LIST_SEPARATOR

    for rx in (_AROUND_SEPARATOR, _LIST_SEPARATOR):
        assert rx.pattern.count("(?<!\\s)\\s+") >= 1 and not rx.pattern.startswith("\\s*")
        text = "a" + " " * 200_000 + "b"
        assert rx.search(text, 2) is None  # starting inside the run fails at once
    assert _numbers_in("Quyết định số 112" + " " * 200_000 + "/QĐ-TTg") == _numbers_in("Quyết định số 112/QĐ-TTg")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\t", "/", "a", "KT.", "CHỦ TỊCH"]), max_size=20).map("".join))
def test_signer_split_behaves_as_before(signer):
    from plandsl.render.parties import signer_lines

    old = [s.strip() for s in re.split(r"\s*/\s*|\n", signer) if s.strip()]
    old = [re.sub(r"^(TM|KT|Q|TL|TUQ)\.\s*", r"\1. ", line) for line in old]
    assert signer_lines(signer, None) == old


def test_signer_split_on_a_long_whitespace_run():
    from plandsl.render.parties import signer_lines

    assert signer_lines("KT. CHỦ TỊCH" + " " * 200_000 + "/ PHÓ CHỦ TỊCH", None) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
