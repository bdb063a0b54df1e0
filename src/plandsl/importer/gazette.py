"""The official gazette's page furniture in a text copy of its PDF (Công báo): every page opens with the gazette's
running header and the page number ("CÔNG BÁO/Số 277/Ngày 16-05-2026" / "52"), and the first page is followed by the
gazette's signature note ("Ký bởi: CÔNG BÁO NƯỚC …" / "Cơ quan: VĂN PHÒNG CHÍNH PHỦ" / "Ngày ký: 2026-05-15 …").
None of it is the document's text: read as text it gave the gazette's issue as the document's number and page
headers as tasks. These lines, and the blank lines around a page break, are left out before the lines are joined,
so a sentence a page break cut goes on; the reader notes that it did so, with the header as written. The stamp over
the signature leaves stray characters ("PHÓ THỦ TƯỚNGy]", a lone "["): they are taken out too."""

from __future__ import annotations

import re

_RUNNING = re.compile(r"CÔNG BÁO\s*/\s*Số\s+\d+(?:\s*\+\s*\d+)*\s*/\s*Ngày\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")
_PAGE_NO = re.compile(r"\d{1,4}")
_SIGNED_BY = re.compile(r"Ký bởi\s*:\s*CÔNG BÁO\b")
_NOTE_REST = (re.compile(r"Cơ quan\s*:\s*\S"), re.compile(r"Ngày ký\s*:\s*\d{4}-\d{2}-\d{2}\b"))


# What the stamp over a signature leaves in the text layer: a lone bracket ("[") between the title and the name, or a
# letter and a bracket after the title ("PHÓ THỦ TƯỚNGy]").
_STAMP_ONLY = re.compile(r"[\[\]|]{1,2}")
_STAMPED_TITLE = re.compile(r"(?P<title>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .]*[A-ZĐÀ-Ỹ])[a-zđ]?[\[\]|]{1,2}")


def _unstamped(raw: list[tuple[str, str]], drop: set[int]) -> list[tuple[str, str]]:
    """``raw`` with the stamp's stray characters taken out of a gazette copy's lines (a bracket alone is dropped)."""
    out = []
    for k, (text, where) in enumerate(raw):
        line = text.strip()
        if _STAMP_ONLY.fullmatch(line):
            drop.add(k)
        m = _STAMPED_TITLE.fullmatch(line)
        out.append((m.group("title"), where) if m else (text, where))
    return out


def _blank(raw: list[tuple[str, str]], k: int) -> bool:
    return 0 <= k < len(raw) and not raw[k][0].strip()


def drop_furniture(raw: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], str | None]:
    """``raw`` without the gazette's running headers (with the page number under each), its signature note and the
    blank lines around them, and the first running header as written (None when there is none: ``raw`` unchanged)."""
    if not any("CÔNG BÁO" in text for text, _where in raw):
        return raw, None
    drop: set[int] = set()
    first = None
    for k, (text, _where) in enumerate(raw):
        line = text.strip()
        if _RUNNING.fullmatch(line):
            first = first or line
            span = [k]
            if k + 1 < len(raw) and _PAGE_NO.fullmatch(raw[k + 1][0].strip()):
                span.append(k + 1)
            drop.update(span)
        elif _SIGNED_BY.match(line) and all(k + n < len(raw) and rest.match(raw[k + n][0].strip())
                                             for n, rest in enumerate(_NOTE_REST, start=1)):
            drop.update((k, k + 1, k + 2))
    if first is None:
        return raw, None
    stamp: set[int] = set()
    raw = _unstamped(raw, stamp)
    for k in sorted(drop):  # the blank lines on either side of what is dropped: a page break, not a paragraph's end
        for step in (-1, 1):
            j = k + step
            while _blank(raw, j) and j not in drop:
                drop.add(j)
                j += step
    return [row for k, row in enumerate(raw) if k not in drop | stamp], first
