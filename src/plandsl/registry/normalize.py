"""Text normalisation shared by the jurisdiction and agency registries.

Vietnamese names arrive in many spellings: NFC or NFD, "Hòa" or "Hoà",
"Uỷ ban" or "Ủy ban", en or em dashes, "&" for "và", capitals from headers.
Everything here is pure and cheap; nothing imports the unit packages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Dash-like characters seen in official texts (hyphen, en dash, em dash, minus, ...).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_RE = re.compile(f"[{_DASHES}]")

# Old-style tone placement on the second vowel of oa/oe/uy at the end of a
# syllable ("hoà", "uỷ") is rewritten to the first vowel ("hòa", "ủy").
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_TONE_MOVES) + r")(?!\w)")
# The pairs alone, for a quick test: a pattern that opens with its letters is searched by its first letter, where
# one that opens with a lookbehind is tried at every position (most names have no old-style tone to move).
_TONE_ANY = re.compile("|".join(_TONE_MOVES))

# Legacy-font conversion damage seen in the seed texts (TCVN3/VNI -> Unicode).
_DAMAGE = {"xó": "xã", "cụng": "công", "đỡnh": "đình", "mó": "mã", "viờn": "viên", "phỏt": "phát", "trỡnh": "trình"}
_DAMAGE_RE = re.compile(r"(?<!\w)(" + "|".join(_DAMAGE) + r")(?!\w)")
_DAMAGE_ANY = re.compile("|".join(_DAMAGE))  # the quick test, as _TONE_ANY


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1 << 16)
def fold_case(text: str) -> str:
    """NFC, lower case, modern tone placement, single spaces, normalised dashes.

    Memoised: a name is folded by each registry that reads it (a plan's agency by the agency rules' key and by
    the registry's tokens, its jurisdiction by the unit index), and the same names recur in every plan."""
    text = nfc(text).casefold()
    if _TONE_ANY.search(text):
        text = _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], text)
    text = _DASH_RE.sub("-", text)
    return " ".join(text.split())


def repair_damage(text: str) -> str:
    """Undo the legacy-font damage listed in the domain notes (lower-case input)."""
    if not _DAMAGE_ANY.search(text):
        return text
    return _DAMAGE_RE.sub(lambda m: _DAMAGE[m.group(1)], text)


def repair_word(word: str) -> str:
    """``repair_damage`` for one word of ``words``."""
    return _DAMAGE.get(word, word)


_WORDS = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case word tokens: punctuation (dashes, commas, dots, '&' ...) separates words.

    '&' becomes 'và' so that 'LĐ-TB&XH' and 'LĐ-TB và XH' agree.
    """
    text = fold_case(text).replace("&", " và ")
    if text.replace(" ", "").isalnum():  # letters and digits between single spaces (folded): the words are the
        return text.split()              # pieces between spaces (str.isalnum is the regex's \w without '_')
    return _WORDS.findall(text)


def strip_accents(text: str) -> str:
    """ASCII-ish folding: remove diacritics, 'đ' -> 'd'. Input should be lower case."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def compact(tokens: list[str] | tuple[str, ...]) -> str:
    return "".join(tokens)
