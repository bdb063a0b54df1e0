"""An objective's paragraph before its clauses are read (``extract.objectives``): figures quoted from another
document's goal ("… theo mục tiêu quốc gia “Đến năm 2025, kinh tế số đạt khoảng 20% GDP …”"), which are not the
plan's targets; and a paragraph of several sentences each with a figure of its own ("Đến năm 2025, tối thiểu 80% hồ
sơ … . Mức độ hài lòng … đạt tối thiểu 90%. Đến năm 2030, 90% … . Mức độ hài lòng … đạt tối thiểu 95%."), read one
sentence at a time, a year that opens a sentence holding for the sentences after it."""

from __future__ import annotations

import re

from plandsl.importer.extract.clauses import COUNT

# "theo mục tiêu quốc gia “…”", "theo chỉ tiêu của Chiến lược: “…”": a goal quoted from another document.
_QUOTED = re.compile(r"\btheo\s+(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b[^“”\"%\d]{0,80}?[“\"](?P<q>[^”\"]*)[”\"]",
                     re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20|21)\d{2}\b")
_PCT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d+)?\s*%")


def _has_figure(text: str) -> bool:
    return _PCT.search(text) is not None or COUNT.search(text) is not None


def only_quoted_figures(text: str) -> bool:
    """Whether every figure of ``text`` is inside a goal it quotes from another document (``theo mục tiêu quốc gia
    “…”``): those figures are that goal's, not the plan's."""
    quotes = list(_QUOTED.finditer(text))
    if not quotes or not any(_has_figure(q.group("q")) for q in quotes):
        return False
    rest = _QUOTED.sub(" ", text)
    return re.search(r"\d", _YEARS.sub(" ", rest)) is None


# A sentence ends at ". " before a capital letter, after a word, a figure or a closing bracket or quote
# ("… trực tuyến. Cắt giảm …"); "TP. Hồ Chí Minh" is no end (a capital before the full stop).
_END = re.compile(r"(?<=[a-zà-ỹđ0-9%)”])\.\s+(?=[A-ZĐÀ-Ỹ])")
# "Đến năm 2030, …", "Đến hết năm 2025, …": the year a sentence opens with.
_OPENS = re.compile(r"^(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y>\d{4})\s*,", re.IGNORECASE)


def sentence_chunks(text: str) -> list[tuple[str, int | None]] | None:
    """``text`` cut into sentences, each with a figure of its own and the sentences without one after it, and the
    year each is read in: the year its sentence opens with ("Đến năm 2030, …"), else the last one opened before it
    in the paragraph (None when none was); a year named inside a sentence is the clause reader's to read. None when
    fewer than two sentences hold a figure (the paragraph is read whole, as before), or when a sentence without a
    year follows one that names a year inside it (which year it is for is not sure)."""
    sentences = [s.strip() for s in _END.split(text) if s.strip()]
    if sum(1 for s in sentences if _has_figure(s)) < 2:
        return None
    chunks: list[list[str]] = []  # each: a sentence with a figure first, then those without one
    lead: list[str] = []  # sentences without a figure before the first with one: that sentence's words too
    for s in sentences:
        if _has_figure(s):
            chunks.append([s])
        elif chunks:
            chunks[-1].append(s)
        else:
            lead.append(s)
    out: list[tuple[str, int | None]] = []
    year = None
    unsure = False  # a sentence named a year inside it: the sentences after it without a year do not know theirs
    for n, chunk in enumerate(chunks):
        words = (lead if n == 0 else []) + chunk
        opens = _OPENS.match(chunk[0])
        inner = _YEARS.search(_OPENS.sub("", " ".join(words), count=1) if opens else " ".join(words)) is not None
        if opens:
            year, unsure = int(opens.group("y")), False
        elif inner:
            unsure = True  # "… đạt 75% năm 2028.": its own year, read by the clause reader
        elif unsure:
            return None  # "… năm 2028. Tỷ lệ … đạt 85%.": which year is not sure; the paragraph is read whole
        out.append((". ".join(s.rstrip(".") for s in words) + ".", year))
    return out
