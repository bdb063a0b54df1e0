"""Which function of a split body a piece of work belongs to.

On 1/3/2025 Bộ/Sở/Phòng Lao động - Thương binh và Xã hội was split by function:
labour and employment to Nội vụ, social protection, children and the prevention of
social evils to Y tế, vocational education to Giáo dục và Đào tạo, poverty reduction to
Nông nghiệp và Môi trường, drug-addiction treatment to Công an. The registry
(``agencies.yaml``: ``successor`` and ``also_to`` with a ``scope``) says who took what;
this module reads a task's words (or a programme's) and names the function they are
about, so that migration can pick the successor that took that function.

A function is named by its keywords. A registry scope such as "bảo trợ xã hội, trẻ em,
phòng, chống tệ nạn xã hội" is classified with the same keywords, so new ``also_to``
entries in the registry need no code here unless they bring a new function.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from plandsl.registry.normalize import fold_case

# function -> keywords (lower case, accents kept: Vietnamese words differ by their accents).
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "social_protection": (
        "bảo trợ xã hội", "trợ giúp xã hội", "công tác xã hội", "trẻ em", "tệ nạn", "người cao tuổi",
        "người khuyết tật", "mồ côi", "hoàn cảnh đặc biệt", "hoàn cảnh khó khăn", "chăm sóc thay thế",
        "an sinh", "người tâm thần", "rối nhiễu tâm trí", "mại dâm", "bạo lực gia đình",
    ),
    "vocational_education": ("giáo dục nghề nghiệp", "dạy nghề", "đào tạo nghề", "học nghề", "trường nghề"),
    "poverty_reduction": ("giảm nghèo", "hộ nghèo", "thoát nghèo", "cận nghèo"),
    "drug_treatment": ("cai nghiện", "ma túy", "sau cai"),
    "labour_employment": (
        "việc làm", "thị trường lao động", "người lao động", "tiền lương", "bảo hiểm xã hội",
        "bảo hiểm thất nghiệp", "người có công", "an toàn, vệ sinh lao động", "an toàn vệ sinh lao động",
        "bình đẳng giới", "quan hệ lao động", "xuất khẩu lao động", "đi làm việc ở nước ngoài",
    ),
}

# The name of the split body itself must not count as a mention of "lao động".
_OWN_NAMES = re.compile(r"lao\s*động\s*-?\s*thương\s*binh(\s*(và|&)\s*xã\s*hội)?|lđ\s*-?\s*tb\s*&?\s*xh|lđtbxh")


_FOLDED: dict[str, tuple[str, ...]] = {f: tuple(fold_case(w) for w in ws) for f, ws in FUNCTIONS.items()}


def _clean(text: str) -> str:
    return _OWN_NAMES.sub(" ", fold_case(text))


def score(text: str) -> Counter:
    """How often each function's keywords occur in ``text``."""
    cleaned = _clean(text)
    found: Counter = Counter()
    for function, words in _FOLDED.items():
        n = sum(cleaned.count(w) for w in words)
        if n:
            found[function] = n
    return found


def decide(text: str, among: set[str] | None = None) -> str | None:
    """The one function ``text`` is about, among ``among`` (all when None), or None when the
    text names none of them, or names several with no clear leader (twice the runner-up)."""
    found = score(text)
    if among is not None:
        found = Counter({f: n for f, n in found.items() if f in among})
    ranked = found.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


@lru_cache(maxsize=256)
def function_of_scope(scope: str) -> str | None:
    """The function a registry ``also_to`` scope describes (its keywords' leader)."""
    found = score(scope)
    return found.most_common(1)[0][0] if found else None
