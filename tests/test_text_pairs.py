"""The syllable pairs the text rules (TX001, TX003) look at: found by runs and by walking word by word,
the same pairs in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.rules.text import _suspect_pairs, _suspect_pairs_by_word

_CHARS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ" \
         "AĂÂĐÊÔƠƯẮẦỆ  \t-,.;:()/0123456789_\u0301\u00a0İ"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=120))
def test_runs_and_words_give_the_same_pairs(text):
    assert _suspect_pairs(text) == _suspect_pairs_by_word(text)


def test_examples():
    # "công tác" is a bigram; the pair across two spaces keeps its spaces as written; "xó hội" once.
    assert _suspect_pairs("Công tác  xó hội, 2025 xó hội") == (("tác  xó", "tác", "xó"), ("xó hội", "xó", "hội"))
    assert _suspect_pairs("") == () and _suspect_pairs("một") == ()
