"""Legacy Vietnamese encodings: whole documents in TCVN3 (ABC, the .Vn fonts) or VNI, and
the word-level damage a half-done conversion leaves behind ("xó hội", "cụng tác").

A whole document is converted only when its characters say so: TCVN3 text read as
Windows-1252 is full of letters such as "¸ µ ¶ ­ ¬ «" and has no Vietnamese letter of its
own; VNI text is ASCII vowels followed by tone bytes ("Vieät Nam"). Word-level damage is
repaired with the TX001 logic of the rules (a pair of syllables is repaired only when the
repair gives a known administrative bigram), so the importer and `check` agree.
"""

from __future__ import annotations

import re
from collections import Counter

from plandsl.rules import text as tx

# TCVN3 (TCVN 5712:1993 VN3) byte -> Unicode, as the bytes appear when read as Windows-1252.
_TCVN3_FROM = ("\xb8\xb5\xb6\xb7\xb9" "\xa8\xbe\xbb\xbc\xbd\xc6" "\xa9\xca\xc7\xc8\xc9\xcb" "\xae"
               "\xd0\xcc\xce\xcf\xd1" "\xaa\xd5\xd2\xd3\xd4\xd6" "\xdd\xd7\xd8\xdc\xde"
               "\xe3\xdf\xe1\xe2\xe4" "\xab\xe8\xe5\xe6\xe7\xe9" "\xac\xed\xea\xeb\xec\xee"
               "\xf3\xef\xf1\xf2\xf4" "\xad\xf8\xf5\xf6\xf7\xf9" "\xfd\xfa\xfb\xfc\xfe"
               "\xa1\xa2\xa7\xa3\xa4\xa5\xa6")
_TCVN3_TO = ("áàảãạ" "ăắằẳẵặ" "âấầẩẫậ" "đ" "éèẻẽẹ" "êếềểễệ" "íìỉĩị" "óòỏõọ" "ôốồổỗộ" "ơớờởỡợ"
             "úùủũụ" "ưứừửữự" "ýỳỷỹỵ" "ĂÂĐÊÔƠƯ")
assert len(_TCVN3_FROM) == len(_TCVN3_TO)
TCVN3 = str.maketrans(_TCVN3_FROM, _TCVN3_TO)

# Letters TCVN3 text has and Unicode Vietnamese text practically never has.
_TCVN3_ONLY = frozenset(_TCVN3_FROM) - frozenset("\xe1\xe0\xe2\xe3\xe8\xe9\xea\xec\xed\xf2\xf3\xf4\xf5\xf9\xfa\xfd")
_VIET_ONLY = frozenset("ăắằẳẵặấầẩẫậđẻẽẹếềểễệỉịỏọốồổỗộơớờởỡợủụưứừửữựỳỷỹỵ"
                       "ĂẮẰẲẴẶẤẦẨẪẬĐẺẼẸẾỀỂỄỆỈỊỎỌỐỒỔỖỘƠỚỜỞỠỢỦỤƯỨỪỬỮỰỲỶỸỴ")

# VNI-Windows: a base vowel followed by a tone/shape byte (read as Windows-1252).
_VNI_MARKS = {  # mark byte -> (combining accents), lower case; upper case marks are the upper-case letters
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
}
_VNI_HAT = {  # a/e/o + â (circumflex) with tone
    "â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323",
}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    import unicodedata

    def nfc(s: str) -> str:
        return unicodedata.normalize("NFC", s)

    table: dict[str, str] = {}
    for up in (False, True):
        def c(ch: str) -> str:
            return ch.upper() if up else ch

        for base in "aeouy":
            for mark, acc in _VNI_MARKS.items():
                table[c(base) + c(mark)] = c(nfc(base + acc))
        for base in "aeo":
            for mark, acc in _VNI_HAT.items():
                table[c(base) + c(mark)] = c(nfc(base + "\u0302" + acc))
        for mark, acc in _VNI_BREVE.items():
            table[c("a") + c(mark)] = c(nfc("a\u0306" + acc))
        for mark, acc in _VNI_MARKS.items():  # ơ = ô, ư = ö, then tone
            table[c("ô") + c(mark)] = c(nfc("o\u031b" + acc))
            table[c("ö") + c(mark)] = c(nfc("u\u031b" + acc))
        for single, uni in (("ô", "ơ"), ("ö", "ư"), ("ñ", "đ"), ("í", "í"), ("ì", "ì"), ("æ", "ỉ"),
                            ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ")):
            table.setdefault(c(single), c(uni))
    return table


VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))
_VNI_PAIR = re.compile(r"[aeouyAEOUY][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")


def _counts(text: str) -> Counter:
    """How often each character occurs (counted in C: the tests below read a few dozen distinct characters,
    not every character of a 30-page text one by one)."""
    return Counter(text)


def _letters(counts: Counter) -> int:
    return sum(n for ch, n in counts.items() if ch.isalpha()) or 1


def _among(counts: Counter, chars: frozenset[str]) -> int:
    return sum(n for ch, n in counts.items() if ch in chars)


def looks_tcvn3(text: str, counts: Counter | None = None) -> bool:
    """Whole-document TCVN3: many TCVN3-only letters and no Unicode Vietnamese letter."""
    counts = counts if counts is not None else _counts(text)
    legacy = _among(counts, _TCVN3_ONLY)
    viet = _among(counts, _VIET_ONLY)
    return legacy >= 3 and legacy / _letters(counts) > 0.01 and viet * 10 < legacy


def looks_vni(text: str, counts: Counter | None = None) -> bool:
    counts = counts if counts is not None else _counts(text)
    pairs = len(_VNI_PAIR.findall(text))
    viet = _among(counts, _VIET_ONLY)
    return pairs >= 3 and pairs / _letters(counts) > 0.02 and viet * 10 < pairs


def from_tcvn3(text: str) -> str:
    return text.translate(TCVN3)


def from_vni(text: str) -> str:
    return _VNI_RE.sub(lambda m: VNI[m.group(0)], text)


def convert_whole(text: str) -> tuple[str, str | None]:
    """The text converted from TCVN3 or VNI when it is written in one, and the encoding's name."""
    counts = _counts(text)
    tcvn3, vni = looks_tcvn3(text, counts), looks_vni(text, counts)
    if tcvn3 and vni:
        # VNI's tone bytes follow a plain vowel ("Vieät"); TCVN3's letters stand alone ("ViÖt").
        pairs = len(_VNI_PAIR.findall(text))
        legacy = _among(counts, _TCVN3_ONLY) or 1
        return (from_vni(text), "VNI") if pairs >= 0.5 * legacy else (from_tcvn3(text), "TCVN3 (ABC)")
    if tcvn3:
        return from_tcvn3(text), "TCVN3 (ABC)"
    if vni:
        return from_vni(text), "VNI"
    return text, None


def repair_words(text: str) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    """Repair legacy-font word damage where unambiguous.

    Returns the repaired text, the repairs made (written, repaired) and the suspected
    diacritic typos (written, probably meant), which are reported, not changed.
    """
    if text.isascii():
        return text, [], []
    mojibake = tx.repair_mojibake(text)
    made: list[tuple[str, str]] = []
    if mojibake is not None:
        made.append((text, mojibake))
        text = mojibake
    for written, fixed in tx.find_damage(text, tx._legacy_variants):
        if written != fixed:
            text = text.replace(written, fixed)
            made.append((written, fixed))
    typos = [(w, f) for w, f in tx.find_damage(text, tx._typo_variants) if w != f]
    return text, made, typos
