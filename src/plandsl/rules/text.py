"""TX: damaged text in any string of a plan.

Three kinds of damage are found in texts copied from old documents:

* legacy-font conversion damage (TX001): a text typed in a TCVN3 (ABC) font
  was converted as if it were Windows-1252/Latin-1, so every Vietnamese letter
  that Latin-1 has (á, â, ã, ê, ì, ô ...) became the TCVN3 letter with the
  same byte (ỏ, õ, ó, ờ, ỡ, ụ ...): "xó hội", "cụng tác", "gia đỡnh".
* diacritic typos (TX003): one vowel with the wrong tone or shape,
  "Mật trận" for "Mặt trận", "để xuất" for "đề xuất".
* UTF-8 read as Windows-1252 (TX002): "Viá»‡t Nam" for "Việt Nam".

The damaged letters are real Vietnamese letters, so a syllable alone proves
nothing. TX001 and TX003 look at pairs of adjacent syllables and report a pair
only when undoing the damage turns it into a frequent administrative bigram
(``BIGRAMS``) and the pair as written is not one itself.

Strings that are not in Unicode NFC form cannot reach the rules: the source
decoder normalises every spec to NFC and reports PRS004, so no rule here checks
normalisation.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import N_, _
from plandsl.rules.base import Rule, register
# Locating and the plan's strings live in plandsl.rules.strings (re-exported for the other rules).
from plandsl.rules.strings import locate, plan_strings, sources  # noqa: F401
# TX002 (mojibake) lives in plandsl.rules.mojibake; its repair is re-exported for the importer.
from plandsl.rules.mojibake import repair_mojibake  # noqa: F401

# ------------------------------------------------------------ the bigrams

# Frequent bigrams of Vietnamese administrative texts (lower case, NFC). A damaged
# pair is reported only when repairing it yields one of these. Pairs that are
# themselves correct but one diacritic away from another entry ("cộng tác" next
# to "công tác") must be listed too, so that they are never "repaired".
BIGRAMS = frozenset("""
xã hội|công tác|gia đình|mã số|viên chức|phát triển|chương trình|mặt trận|đề xuất|dân tộc|trẻ em|người dân
cộng tác|tác viên|công chức|cán bộ|nhân viên|đào tạo|bồi dưỡng|trợ giúp|bảo trợ|dịch vụ|cơ sở|tổ chức
thực hiện|kế hoạch|quyết định|nhân dân|ủy ban|hội đồng|chính phủ|thủ tướng|bộ trưởng|chủ tịch|giám đốc
lao động|thương binh|nội vụ|tài chính|kinh phí|ngân sách|nhà nước|đầu tư|y tế|giáo dục|văn hóa|thể thao
du lịch|thông tin|truyền thông|tư pháp|công an|quân sự|nông nghiệp|nông thôn|phụ nữ|thanh niên|nông dân
cựu chiến|chiến binh|liên đoàn|chữ thập|thập đỏ|tổ quốc|việt nam|chính trị|chính sách|pháp luật|văn bản
quy định|quy phạm|hướng dẫn|kiểm tra|giám sát|đánh giá|báo cáo|sơ kết|tổng kết|định kỳ|hàng năm|hằng năm
tuyên truyền|nâng cao|nhận thức|năng lực|chất lượng|hiệu quả|mục tiêu|nhiệm vụ|giải pháp|chỉ tiêu|tỷ lệ
giai đoạn|tầm nhìn|khuyết tật|cao tuổi|hoàn cảnh|khó khăn|đặc biệt|bảo vệ|chăm sóc|sức khỏe|tâm lý
tư vấn|hỗ trợ|quản lý|trường hợp|cai nghiện|ma túy|trại giam|giáo dưỡng|bệnh viện|trường học|thị trấn
địa phương|địa bàn|trung ương|thành phố|nghề nghiệp|chức danh|tiêu chuẩn|chuyên môn|nghiệp vụ|kỹ năng
huy động|nguồn lực|hợp tác|quốc tế|nghiên cứu|đề án|triển khai|phối hợp|chủ trì|đơn vị|cơ quan|liên quan
ban hành|căn cứ|chính quyền|điều chỉnh|bổ sung|sửa đổi|thường xuyên|mô hình|dân số|bình đẳng|bạo lực
an sinh|an toàn|thiên tai|dịch bệnh|mồ côi|nạn nhân|chất độc|hóa học|trợ cấp|phụ cấp|tiền lương
mức lương|cơ bản|công bằng|đời sống|vật chất|tinh thần|người nghèo|hộ nghèo|cận nghèo|giảm nghèo|việc làm
thu nhập|đô thị|miền núi|vùng sâu|vùng xa|đồng bào|thiểu số|kinh tế|ủy viên|thành viên|văn phòng
chỉ đạo|lãnh đạo|tăng cường|đẩy mạnh|xây dựng|hoàn thiện|thủ tục|hành chính|cải cách|dân cư|cộng đồng
tình nguyện|đoàn viên|hội viên|trách nhiệm|chế độ|nhà ở|kỹ thuật|thiết bị|cung cấp|tiếp cận|phòng chống
tệ nạn|mại dâm|sự nghiệp|công lập|giáo viên|học sinh|sinh viên|đại học|cao đẳng|trung cấp|hội nghị
tập huấn|phát thanh|truyền hình|báo chí|điện tử|người khuyết|người cao|người lao|bảo hiểm|bảo đảm|đảm bảo
đối tượng|nuôi dưỡng|tiếp nhận|khẩn cấp|vấn đề|phát sinh|giải quyết|vượt qua|thúc đẩy|tham gia|dự án
người dẫn|thành niên|mật độ|tác động|công việc|xã phường|phường xã|tỉnh ủy|huyện ủy|thường trực|thống kê|số liệu
""".replace("\n", "|").strip("|").split("|"))

# TCVN3 (ABC) letter read from the Latin-1 byte of the Unicode letter: damaged -> original.
# Derived from the TCVN 5712 table: Latin-1 0xE1 'á' is TCVN3 'ỏ', 0xE3 'ã' is 'ó', ...
LEGACY = {
    "ỏ": "á", "õ": "â", "ó": "ã", "ố": "è", "ộ": "é", "ờ": "ê", "ỡ": "ì", "ớ": "í",
    "ũ": "ò", "ú": "ó", "ụ": "ô", "ừ": "õ", "ự": "ù", "ỳ": "ú",
}
_LEGACY_LETTERS = frozenset(LEGACY)

_SHAPES = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "i": "i", "y": "y"}
_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]


@lru_cache(maxsize=None)
def _family(ch: str) -> tuple[str, ...]:
    """Every vowel with the same base letter as ``ch`` (all shapes and tones), ``ch`` excluded."""
    base = unicodedata.normalize("NFD", ch)[0]
    if base not in _SHAPES:
        return ()
    out = []
    for shape in _SHAPES[base]:
        for tone in _TONES:
            v = unicodedata.normalize("NFC", shape + tone)
            if v != ch:
                out.append(v)
    return tuple(out)


def _legacy_variants(word: str) -> set[str]:
    spots = [i for i, ch in enumerate(word) if ch in LEGACY]
    out = set()
    for mask in itertools.product((False, True), repeat=len(spots)):
        if any(mask):
            chars = list(word)
            for i, on in zip(spots, mask):
                if on:
                    chars[i] = LEGACY[chars[i]]
            out.add("".join(chars))
    return out


# Function words: a typo is never assumed on one of these when it opens the next phrase
# ("tham vấn để giải quyết" is not "vấn đề").
FUNCTION_WORDS = frozenset("để và các có là của cho với đã được những này theo tại trong từ do về ra vào nên mà "
                           "thì đến sẽ bị vì".split())


def _typo_variants(word: str) -> set[str]:
    return {word[:i] + v + word[i + 1:] for i, ch in enumerate(word) for v in _family(ch)}


# A syllable: a maximal run of letters. The pairs are found by walking these runs
# in one pass: a single character-class repetition cannot backtrack, so the scan
# is linear in the length of the text (the former one-regex form with a lookahead
# backtracked quadratically on one long word).
_WORD = re.compile(r"[^\W\d_]+")


# A run of two or more syllables separated by spaces only, and the spaces inside one. Linear: a run
# starts only at the start of a syllable (the lookbehind), and no repetition gives back what it took
# (possessive), so a long syllable with no space after it is read once, not once per letter.
_RUN = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?: ++[^\W\d_]++)+")
_SPACES = re.compile(r"( +)")


def _suspect_pairs(text: str) -> tuple[tuple[str, str, str], ...]:
    """Each distinct pair of adjacent syllables (separated by spaces only) that is not a bigram itself:
    (the pair as written, first syllable, second syllable in lower case), in order of first occurrence.

    Runs of syllables are found by one scan and split at their spaces (the strings of a plan are
    mostly new to the memo because of their place names, so this is on the path of every plan);
    :func:`_suspect_pairs_by_word` is the same by walking the syllables one by one.
    """
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: positions would not match
        return _suspect_pairs_by_word(text)
    found: dict[str, tuple[str, str]] = {}
    for mt in _RUN.finditer(text):
        for written, w1, w2 in _run_pairs(mt.group(0), low[mt.start():mt.end()]):
            found.setdefault(written, (w1, w2))
    return tuple((written, w1, w2) for written, (w1, w2) in found.items())


def _run_pairs(run: str, low: str) -> list[tuple[str, str, str]]:
    """The pairs of one run of syllables that are not bigrams: (written, w1, w2), first occurrences, in order
    (``low``: the run in lower case, as it reads in its text)."""
    parts = _SPACES.split(run)
    lower = _SPACES.split(low)
    found: dict[str, tuple[str, str]] = {}
    for i in range(0, len(parts) - 2, 2):
        w1, w2 = lower[i], lower[i + 2]
        if f"{w1} {w2}" not in BIGRAMS:
            found.setdefault(parts[i] + parts[i + 1] + parts[i + 2], (w1, w2))
    return [(written, w1, w2) for written, (w1, w2) in found.items()]


def _suspect_pairs_by_word(text: str) -> tuple[tuple[str, str, str], ...]:
    found: dict[str, tuple[str, str]] = {}
    prev_end, first = -1, None
    for mt in _WORD.finditer(text):
        start = mt.start()
        if first is not None and start > prev_end and text.count(" ", prev_end, start) == start - prev_end:
            second = mt.group(0)
            w1, w2 = first.lower(), second.lower()
            if f"{w1} {w2}" not in BIGRAMS:
                found.setdefault(f"{first}{text[prev_end:start]}{second}", (w1, w2))
        first, prev_end = mt.group(0), mt.end()
    return tuple((written, w1, w2) for written, (w1, w2) in found.items())


def _recase(fixed: str, written: str) -> str:
    return "".join(f.upper() if w.isupper() else f for f, w in zip(fixed, written))


# BIGRAMS indexed by either word, so that repairing a pair looks up the few
# bigrams sharing one word instead of trying every variant of the other.
_BY_FIRST: dict[str, tuple[str, ...]] = {}
_BY_SECOND: dict[str, tuple[str, ...]] = {}
for _first, _second in sorted(b.split(" ", 1) for b in BIGRAMS):
    _BY_FIRST[_first] = _BY_FIRST.get(_first, ()) + (_second,)
    _BY_SECOND[_second] = _BY_SECOND.get(_second, ()) + (_first,)
_FIRSTS_BY_LENGTH: dict[int, tuple[str, ...]] = {}  # a repaired word has the length of the word as written
for _first in _BY_FIRST:
    _FIRSTS_BY_LENGTH[len(_first)] = _FIRSTS_BY_LENGTH.get(len(_first), ()) + (_first,)


def _is_typo_of(written: str, fixed: str) -> bool:
    """Whether ``fixed`` is in ``_typo_variants(written)``: one vowel differs, same base letter."""
    if len(written) != len(fixed):
        return False
    diffs = [i for i, (a, b) in enumerate(zip(written, fixed)) if a != b]
    return len(diffs) == 1 and fixed[diffs[0]] in _family(written[diffs[0]])


def _is_legacy_of(written: str, fixed: str) -> bool:
    """Whether ``fixed`` is in ``_legacy_variants(written)``: damaged letters undone, at least one."""
    return (len(written) == len(fixed) and written != fixed
            and all(a == b or LEGACY.get(a) == b for a, b in zip(written, fixed)))


@lru_cache(maxsize=1 << 16)
def _repair_typo(w1: str, w2: str) -> tuple[str, str] | None:
    """The bigram one diacritic away from (w1, w2), or None.

    Changing the first word is preferred, then the smallest repaired word (the
    order in which the typo variants used to be tried one by one).
    """
    fixed = min((a for a in _BY_SECOND.get(w2, ()) if _is_typo_of(w1, a)), default=None)
    if fixed is not None:
        return fixed, w2
    if w2 in FUNCTION_WORDS:
        return None
    fixed = min((b for b in _BY_FIRST.get(w1, ()) if _is_typo_of(w2, b)), default=None)
    return (w1, fixed) if fixed is not None else None


@lru_cache(maxsize=1 << 16)
def _repair_legacy(w1: str, w2: str) -> tuple[str, str] | None:
    """The bigram (w1, w2) becomes when legacy-font damage is undone, or None.

    Repairing the first word alone is preferred, then the second alone, then
    both; among equals the smallest repaired words win.
    """
    damaged1, damaged2 = not _LEGACY_LETTERS.isdisjoint(w1), not _LEGACY_LETTERS.isdisjoint(w2)
    if damaged1:
        fixed = min((a for a in _BY_SECOND.get(w2, ()) if _is_legacy_of(w1, a)), default=None)
        if fixed is not None:
            return fixed, w2
    if not damaged2:
        return None  # neither the second word alone nor both can be repaired
    fixed = min((b for b in _BY_FIRST.get(w1, ()) if _is_legacy_of(w2, b)), default=None)
    if fixed is not None:
        return w1, fixed
    # Both words damaged: the first (a, b) of the product of their sorted variants. Only variants
    # that open a bigram can succeed, so those are found by testing the bigrams' first words
    # (enumerating every variant of w1 is exponential in its damaged letters).
    for a in sorted(k for k in _FIRSTS_BY_LENGTH.get(len(w1), ()) if _is_legacy_of(w1, k)):
        b = min((b for b in _BY_FIRST.get(a, ()) if _is_legacy_of(w2, b)), default=None)
        if b is not None:
            return a, b
    return None


_KINDS = {_legacy_variants: 0, _typo_variants: 1}  # index into _damage()


def find_damage(text: str, variants) -> list[tuple[str, str]]:
    """(written pair, repaired pair) for each damaged bigram, first occurrence only.

    ``variants`` is ``_legacy_variants`` (TX001) or ``_typo_variants`` (TX003).
    """
    return list(_damage(text)[_KINDS[variants]])


@lru_cache(maxsize=1 << 16)
def _damage(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The TX001 and the TX003 findings of a string (almost always two empty tuples), found in one scan;
    memoised, and so is each piece of it (:func:`_pieces`) and each run of syllables: they recur in every spec."""
    low = text.lower()
    if len(low) != len(text) or "\u03a3" in text:  # a piece's lower case might not be the text's there
        return _first_pairs((written, *_repairs(written, w1, w2)) for written, w1, w2 in _suspect_pairs(text))
    pieces = _pieces(text)
    if len(pieces) == 1:
        return _piece_damage(text)
    legacy: list[tuple[str, str]] = []
    typo: list[tuple[str, str]] = []
    seen_legacy: set[str] = set()
    seen_typo: set[str] = set()
    for piece in pieces:  # a pair lies in one piece; the first occurrence of a pair, as written, is reported
        found_legacy, found_typo = _piece_memo(piece)
        for pair in found_legacy:
            if pair[0] not in seen_legacy:
                seen_legacy.add(pair[0])
                legacy.append(pair)
        for pair in found_typo:
            if pair[0] not in seen_typo:
                seen_typo.add(pair[0])
                typo.append(pair)
    return tuple(legacy), tuple(typo)


def _first_pairs(found) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(legacy pairs, typo pairs) of ``found`` ((written, legacy repair or None, typo repair or None) in
    order), each pair as written once, at its first occurrence."""
    legacy: list[tuple[str, str]] = []
    typo: list[tuple[str, str]] = []
    seen: set[str] = set()
    for written, fixed_legacy, fixed_typo in found:
        if written not in seen:
            seen.add(written)
            if fixed_legacy is not None:
                legacy.append((written, fixed_legacy))
            if fixed_typo is not None:
                typo.append((written, fixed_typo))
    return tuple(legacy), tuple(typo)


def _piece_damage(piece: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """:func:`_damage` of a text with no "xã" or "phường" to cut at (see :func:`_pieces`), by runs of syllables."""
    return _first_pairs(d for mt in _RUN.finditer(piece) for d in _run_damage(mt.group(0)))


_piece_memo = lru_cache(maxsize=1 << 16)(_piece_damage)

# A text is read in pieces that overlap by one word at each "xã" or "phường" between spaces, whole words (a pair
# never spans two): a commune's name follows one, so the pieces before it are those of every other commune's
# texts ("Trạm Y tế xã" of "Trạm Y tế xã Đông Thọ"), and its own piece ("xã Đông Thọ") is read once for all
# the texts of its plan that name it. The space first: the scan looks for it before trying the words.
_PIECE_AT = re.compile(r" (?:[xX]ã|XÃ|[pP]hường|PHƯỜNG)(?= )")


def _pieces(text: str) -> list[str]:
    out, start = [], 0
    for mt in _PIECE_AT.finditer(text):
        out.append(text[start:mt.end()])
        start = mt.start() + 1
    out.append(text[start:])
    return out


def _repairs(written: str, w1: str, w2: str) -> tuple[str | None, str | None]:
    """The legacy-font and the typo repair of a pair (each None when there is none), as written."""
    legacy, typo = _repair_legacy(w1, w2), _repair_typo(w1, w2)
    return (None if legacy is None else _as_written(legacy, written, w1, w2),
            None if typo is None else _as_written(typo, written, w1, w2))


def _as_written(fixed: tuple[str, str], written: str, w1: str, w2: str) -> str:
    """The repaired pair (lower case) with the spaces and the capitals of the pair as written."""
    c1, c2 = fixed
    return _recase(f"{c1}{written[len(w1):-len(w2)]}{c2}", written)


@lru_cache(maxsize=1 << 16)
def _run_damage(run: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """(written pair, legacy repair or None, typo repair or None) for each distinct damaged pair of a
    run of syllables or a piece of one, in order (its lower case is its text's: see :func:`_damage`)."""
    found = ((written, *_repairs(written, w1, w2)) for written, w1, w2 in _run_pairs(run, run.lower()))
    return tuple(d for d in found if d[1] is not None or d[2] is not None)


# A unit type opening a jurisdiction name: "Xã Phượng Dực" is the commune named "Phượng Dực".
_UNIT_TYPE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+", re.IGNORECASE)


def place_names(plans) -> tuple[str, ...]:
    """The proper names in the jurisdictions of ``plans``: 'Phượng Dực' of 'Xã Phượng Dực'."""
    out = []
    for plan in plans:
        for part in (plan.jurisdiction or "").split(","):
            name = _UNIT_TYPE.sub("", part.strip())
            if name:
                out.append(name)
    return tuple(out)


def _outside_places(text: str, written: str, places: tuple[str, ...]) -> bool:
    """Whether ``written`` occurs in ``text`` somewhere that does not touch one of the place names."""
    taken = [(m.start(), m.end()) for p in places
             for m in re.finditer(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", text)]
    return any(not any(a < m.end() and m.start() < b for a, b in taken)
               for m in re.finditer(rf"(?<![^\W\d_]){re.escape(written)}(?![^\W\d_])", text))


def _plan_damage(plan) -> tuple:
    """The plan's texts with any TX001 or TX003 pair: (text, span, subject, (legacy pairs, typo pairs));
    computed once for both rules (almost always empty)."""
    from plandsl.rules.memo import for_plan

    return for_plan(plan, "damage", lambda: tuple(
        (text, span, subject, found) for text, span, subject in plan_strings(plan, names=False)
        if any(found := _damage(text))))


class _DamageRule(Rule):
    """Bigram damage in the plan's texts.

    Proper names are not texts: the signatory and the instrument's place are
    not scanned, and a pair touching the name of the plan's (or a parent's)
    jurisdiction is not reported ("Xã Hồi Xuân" is not "xã hội", "Đỗ Thị Bình"
    is not "đô thị").
    """

    variants = staticmethod(_legacy_variants)
    what = ""

    def check_plan(self, rp, ctx):
        places = None
        kind = _KINDS[type(self).variants]
        for text, span, subject, found in _plan_damage(rp.plan):
            for written, fixed in found[kind]:
                if places is None:
                    places = place_names([rp.plan, *(p.plan for p in ctx.parents_of(rp.id))])
                if places and not _outside_places(text, written, places):
                    continue
                yield self.diag(locate(ctx, span, re.escape(written)),
                                _("'{text}' looks like {what}").format(text=written, what=_(self.what)),
                                _("Did you mean '{name}'?").format(name=fixed), subject=subject)


@register
class LegacyFontDamage(_DamageRule):
    """A text carries legacy-font (TCVN3/ABC) conversion damage.

    When a text typed in a TCVN3 font is converted as if it were Latin-1, each
    letter Latin-1 has turns into another Vietnamese letter: ã→ó, ô→ụ, ì→ỡ,
    ê→ờ, á→ỏ, â→õ ... A pair of syllables is reported when undoing this turns
    it into a frequent administrative bigram.

    Anti-pattern: "bảo trợ xó hội", "dịch vụ cụng tác xã hội", "gia đỡnh"
    copied from a converted document into a spec.

    Best practice: fix the letters ("xã hội", "công tác", "gia đình"); if the
    spec quotes the damaged text on purpose, record it:
    `allow TX001 "quoted as published"`.
    """

    code = "TX001"
    name = "text.legacy-font-damage"
    severity = Severity.WARNING
    variants = staticmethod(_legacy_variants)
    what = N_("legacy-font conversion damage")


@register
class DiacriticTypo(_DamageRule):
    """A syllable carries the wrong tone or vowel shape in a common phrase.

    A pair of syllables is reported when changing the diacritics of one vowel
    turns it into a frequent administrative bigram and the pair as written is
    not one itself. Proper names are left alone: the signatory, the
    instrument's place, and pairs touching the name of the plan's or a parent's
    jurisdiction ("Xã Hồi Xuân", "người_ký \"Đỗ Thị Bình\"").

    Anti-pattern: "Ủy ban Mật trận Tổ quốc" (Mặt trận), "để xuất" (đề xuất).

    Best practice: fix the diacritic; a name with a typo may also fail to match
    the agency registry.
    """

    code = "TX003"
    name = "text.diacritic-typo"
    severity = Severity.WARNING
    variants = staticmethod(_typo_variants)
    what = N_("a diacritic typo")
