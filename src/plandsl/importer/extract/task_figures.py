"""A level stated inside a task (after the seventeenth set): "Đến năm 2030, tỷ lệ thu gom … đạt 100%.", "… diện tích
rừng ngập mặn đến năm 2030 đạt 1.700 ha.", "…, phấn đấu đến năm 2030 đạt 30% doanh nghiệp …". The held-out answers
keep each statement where the plan makes it: the task stays a task, and the sentence is also an objective with its
target. Read only when the sentence names its own year ("đến năm YYYY") and holds one figure, a share, that it
reaches ("đạt N" or "Đến năm YYYY, N% …"); a fall ("giảm", "dưới"), a second year or a second figure gives none (a
figure with no year of its own is not given the plan's; an area, "1.700 ha", the objectives reader has no unit for).
A count is read likewise when the sentence opens with its year and a floor of it, its only other figure: "Phấn đấu
đến năm 2030, có ít nhất 05 dự án … được triển khai" (after the twenty-sixth set; "có 06 dự án" with no floor word,
or a second count, gives none)."""

from __future__ import annotations

import re

from plandsl.importer.extract.clauses import COUNT

# not cut inside "1.700", nor at an ellipsis the sentence goes on after ("… đô thị thông minh... được triển khai")
_LOWER = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
_SENTENCE = re.compile(r"(?:[^.;]|[.;](?!\s|$)|\.(?<=\.\.\.)(?=\s+[" + _LOWER + r"]))+(?:[.;]|$)")
_BY = re.compile(r"\b(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<year>\d{4})\b", re.IGNORECASE)
_FIGURE = re.compile(r"(?<![\d.,/])\d{1,3}(?:,\d+)?\s*%")
_REACHES = re.compile(r"\bđạt\s+(?:khoảng\s+|trên\s+|ít nhất\s+|tối thiểu\s+)?" + _FIGURE.pattern
                      + r"|^\s*(?:Phấn đấu\s+)?(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}\s*,\s*(?:có\s+)?" + _FIGURE.pattern,
                      re.IGNORECASE)
# "Phấn đấu đến năm 2030, có ít nhất 05 dự án … được triển khai": a count with its floor word, opening the sentence
# after its year (after the twenty-sixth set); the count one the objectives reader knows (clauses.COUNT).
_COUNTS = re.compile(r"^\s*(?:Phấn đấu\s+)?(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}\s*,\s*(?:có\s+)?"
                     r"(?=(?:ít nhất|tối thiểu)\s)", re.IGNORECASE)
_FALLS = re.compile(r"\b(?:giảm|dưới|xuống|không quá|tối đa|hạ|còn|thấp hơn|duy trì|giữ vững)\b", re.IGNORECASE)


def figure_sentences(text: str) -> list[tuple[int, str]]:
    """(year, sentence) for each sentence of a task's ``text`` that states a level it reaches by a year it names."""
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip(" .;")
        years = re.findall(r"\b(?:19|20)\d{2}\b", sentence)
        by = _BY.search(sentence)
        if by and len(set(years)) == 1 and not _FALLS.search(sentence) and _counts(sentence):
            out.append((int(by.group("year")), sentence))
            continue
        if not by or len(set(years)) != 1 or len(_FIGURE.findall(sentence)) != 1 or _FALLS.search(sentence) \
                or not _REACHES.search(sentence):
            continue
        out.append((int(by.group("year")), sentence))
    return out


def _counts(sentence: str) -> bool:
    """Whether ``sentence`` opens with its year and a floor of one count (_COUNTS), its only figure but the year."""
    m = _COUNTS.match(sentence)
    count = COUNT.match(sentence, m.end()) if m else None
    return count is not None and count.group("q") is not None and "%" not in sentence \
        and len(re.findall(r"\d+(?:[.,]\d+)*", sentence)) == 2
