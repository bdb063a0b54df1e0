"""Words a copy split with stray spaces put back by Vietnamese syllables: "T hủ tướ ng C h í nh ph ủ" -> "Thủ tướng
Chính phủ", "Xã hộ i , Tài chính ," -> "Xã hội, Tài chính,", "T T U B : C T" -> "TTUB: CT", "KT. CHỦ TỊ CH" -> "KT. CHỦ
TỊCH". Used on the lines such copies split (a Nơi nhận list, a signature), and on a PDF's lines that show a split
(:func:`mend_pdf_line`); words that are whole syllables stay apart."""

from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
# Vowel groups that end the syllable (their last letter is a glide) and those a final consonant may follow.
_OPEN = ("ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|iêu|yêu|oai|oay|oeo|uôi|ươi|ươu|uya|uây|uyu")
_CLOSABLE = "a|e|ê|i|o|ô|ơ|u|ư|y|oa|oe|uê|uy|oo"
_CLOSED = "ă|â|iê|yê|uô|ươ|oă|uâ|uyê"  # only with a final: "tiên", "quân", "ăn"; not "niê"
_FINAL = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(rf"{_INITIAL}(?:(?:{_OPEN})|(?P<nucleus>{_CLOSABLE})(?P<final>{_FINAL})?|"
                       rf"(?P<closed>{_CLOSED})(?P<cfinal>{_FINAL}))")
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\s*(?:[^\W\d_]+|\S)")
_NO_SPACE_BEFORE = ",;:.)/]"
_NO_SPACE_AFTER = "(/["


def is_syllable(word: str) -> bool:
    """One Vietnamese syllable: an initial, a vowel group and a final that may follow it, at most one tone mark, and a
    final stop (c, ch, p, t) only under the acute or the dot below ("các", "một"; not "chủt")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [_TONES[ch] for ch in decomposed if ch in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    m = _SYLLABLE.fullmatch(base)
    if not m:
        return False
    final = m.group("final") or m.group("cfinal")
    if final in ("nh", "ch") and (m.group("nucleus") or m.group("closed")) not in ("a", "ê", "i", "y", "oa", "uy", "uê"):
        return False  # "anh", "ếch", "uỳnh"; not "iênh"
    return not (final in ("c", "ch", "p", "t") and tones and tones[0] not in ("acute", "dot"))


def _fragment(word: str) -> bool:
    return len(word) == 1 or not is_syllable(word)


def _vowel(ch: str) -> bool:
    return unicodedata.normalize("NFD", ch.lower())[:1] in "aăâeêioôơuưy" and ch != ""


def _toned(text: str) -> bool:
    return any(ch in _TONES for ch in unicodedata.normalize("NFD", text))


def _joinable(parts: list[str]) -> bool:
    """Split pieces that make one syllable: each joint has a fragment on one side (a single letter, a piece that is no
    syllable) or a vowel on both, the second toned and the first not ("Ngo ại"; not "cho an"); after the first piece, capitals only in an upper-case word."""
    if any(p[:1].isupper() for p in parts[1:]) and not all(p.isupper() for p in parts):
        return False
    if parts[-1].lower() == "y" and len(parts[-2]) > 1:
        return False  # "y" closing a word is a word ("Thú y", "y tế"); "ủ y", "Ngu y ễn" are one
    a, b = parts[-2], parts[-1]
    if len(b) == 1 and _toned(b) and len(a) > 1 and is_syllable(a):
        return False  # a toned vowel closing a span after a syllable is a word ("tham gia ý"); "thi ế t" is one
    for a, b in zip(parts, parts[1:]):
        if not (_fragment(a) or _fragment(b) or (_vowel(a[-1]) and _vowel(b[0]) and _toned(b[0]) and not _toned(a))):
            return False
    return is_syllable("".join(parts))


def _onset(run: list[str], n: int) -> bool:
    """Whether the last piece of ``run[:n]`` is consonants that open the next syllable instead, a vowel and consonants
    after them making it whole ("sự c ầ n" is "sự cần", not "sực ần"; "Thà nh ủ y" stays "Thành ủy"), or a single
    letter after a whole word before a vowel ("xử lý n êu" is "xử lý nêu")."""
    last = run[n - 1]
    if n == 2 and len(run) > 2 and len(run[0]) > 1 and is_syllable(run[0]) and len(run[1]) == 1 \
            and run[1].isalpha() and not _vowel(run[1]) and run[2].islower() and _vowel(run[2][0]) and _joinable(run[1:3]):
        return True  # "lý n êu", "giản h ó a": a whole word, then a letter that opens the next one
    closed = n + 1 < len(run) and run[n + 1].islower() and not any(_vowel(ch) for ch in run[n + 1])
    return closed and not any(_vowel(ch) for ch in last) and last.islower() and _vowel(run[n][0]) \
        and run[n].islower() and _fragment(run[n]) and _joinable([last, run[n], run[n + 1]])


def _abbreviation(run: list[str]) -> int:
    """How many single letters from a capital make an abbreviation ("T T U B", "P C T", "C h g"), stopping before a
    capital that opens a word with the lower-case piece after it ("C h i ế n")."""
    size = 1
    while size < len(run) and len(run[size]) == 1 and not (
            size + 1 < len(run) and run[size + 1].islower()
            and any(_joinable(run[size:k]) for k in range(size + 2, len(run) + 1))):
        size += 1
    return size


def mend_split_words(text: str) -> str:
    """The text with its split words joined (see the module) and then its spaces before ",;:.)/" and after "(/"
    dropped; a text with no split word comes back unchanged."""
    tokens = [(t.strip(), t[:1].isspace()) for t in _TOKEN.findall(text)]
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        word, space = tokens[i]
        if not _WORD.fullmatch(word):
            out.append((word, space))
            i += 1
            continue
        run = [word]
        while i + len(run) < len(tokens) and len(run) < 7 and tokens[i + len(run)][1] \
                and _WORD.fullmatch(tokens[i + len(run)][0]):
            run.append(tokens[i + len(run)][0])
        size = next((n for n in range(len(run), 1, -1) if _joinable(run[:n]) and not _onset(run, n)), 1)
        if size == 1 and len(word) == 1 and word.isupper() and not is_syllable(word):
            size = _abbreviation(run)
        if size == 1 and word in ("I", "V", "X") and out and re.fullmatch(r"[IVX]{1,3}", out[-1][0]) and space:
            out[-1] = (out[-1][0] + word, out[-1][1])  # "V.II I": a roman numeral's last letter
        else:
            out.append(("".join(run[:size]), space))
        i += size
    # a text with no split word is kept as printed (its spaces before a comma too)
    return _join(out) if len(out) < len(tokens) else text


def _join(tokens: list[tuple[str, bool]]) -> str:
    text = ""
    for word, space in tokens:
        if space and text and word[:1] not in _NO_SPACE_BEFORE and text[-1:] not in _NO_SPACE_AFTER:
            text += " "
        text += word
    return text


_LOWER_WORD = re.compile(r"(?<![\w/])[a-zà-ỹđ]+(?![\w/])")


def mend_pdf_line(text: str) -> str:
    """A line of a PDF's text layer with the words its layout split put back ("đ ưa nư ớc nhanh n hất" -> "đưa nước
    nhanh nhất": a justified Word paragraph's glyphs placed apart, after the twenty-fifth set), only when the line
    shows a split: a lower-case piece that is no Vietnamese syllable ("ớc", "ng", "hất"). A line of whole words, an
    abbreviation or a number is left as printed."""
    if not any(not is_syllable(w) for w in _LOWER_WORD.findall(text)):
        return text
    return mend_split_words(text)
