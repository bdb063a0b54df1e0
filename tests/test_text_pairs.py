"""The syllable pairs the text rules (TX001, TX003) look at: found by runs and by walking word by word,
the same pairs in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.rules.text import _damage, _pieces, _repairs, _suspect_pairs, _suspect_pairs_by_word

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


# Syllables that make damaged pairs ("xó hội", "cụng tỏc", "Mật trận"), bigrams and other words, and separators.
_SYLLABLES = ["xó", "Xó", "hội", "HỘI", "cụng", "tỏc", "công", "tác", "xã", "Xã", "XÃ", "phường", "gia", "đỡnh",
              "Mật", "trận", "để", "xuất", "Hồi", "Xuân", "ΑΣ", "Σ", "İ", "ß"]
_SEPARATORS = [" ", "  ", ", ", ". ", "'", "\u0301", "-", " 12 "]


def _damage_of_the_whole_text(text):
    legacy, typo = [], []
    for written, w1, w2 in _suspect_pairs_by_word(text):
        fixed_legacy, fixed_typo = _repairs(written, w1, w2)
        if fixed_legacy is not None:
            legacy.append((written, fixed_legacy))
        if fixed_typo is not None:
            typo.append((written, fixed_typo))
    return tuple(legacy), tuple(typo)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SYLLABLES), st.sampled_from(_SEPARATORS)), max_size=12))
def test_damage_memoised_by_run_equals_the_damage_of_the_whole_text(parts):
    """_damage reads each run of syllables through a memo of its own; the findings are those of the text's
    pairs (a capital sigma, whose lower case depends on its neighbours, and a letter whose lower case is
    longer take the whole text)."""
    text = "".join(w + sep for w, sep in parts)
    _damage.cache_clear()
    assert _damage(text) == _damage_of_the_whole_text(text)
    _damage.cache_clear()
    assert _damage(text) == _damage_of_the_whole_text(text)  # the runs now come from their memo


def test_damage_examples():
    assert _damage("Bảo trợ xó hội, cụng tác xó hội; Mật trận") == (
        (("xó hội", "xã hội"), ("cụng tác", "công tác")), (("Mật trận", "Mặt trận"),))
    assert _damage("xó hội ΑΣ.Β") == _damage_of_the_whole_text("xó hội ΑΣ.Β")


def test_a_run_is_read_in_pieces_that_overlap_at_xa_and_phuong():
    assert _pieces("Ủy ban nhân dân xã Đông Thọ") == ["Ủy ban nhân dân xã", "xã Đông Thọ"]
    assert _pieces("công tác xã hội  Phường Một xã") == ["công tác xã", "xã hội  Phường", "Phường Một xã"]
    assert _pieces("xã hội") == ["xã hội"] and _pieces("Xã") == ["Xã"]
    text = "Trạm Y tế xó hội xã Đông Thọ, cụng tỏc xã hội phường xó hội"
    assert _damage(text) == _damage_of_the_whole_text(text)
    assert [w for w, _ in _damage(text)[0]] == ["xó hội", "cụng tỏc", "phường xó"]
