"""Tables copied one cell per line whose vertically merged cells are left out of the rows they span: the shape of
a law-library page's appendix ("STT | Cơ quan chủ trì | Cơ quan phối hợp | … | Nội dung nhiệm vụ | … | Thời hạn"
then "1 | Bộ … | - Bộ …; | Nhóm … | Nội dung 1 | Chỉ tiêu 1 | Thời hạn 1" and, for the same body, "Nội dung 2 |
Chỉ tiêu 2 | Thời hạn 2"), where the page's layout table around the decision runs on into it
(``importer.celltable`` reads it from its header on, see ``_by_headers``).

A reading is the header (a whole row of written cells), then, each followed by the empty item between two rows and
tried in this order: a whole row that opens with a row number ("1", "1.2", "A.", "II"); a group row of two cells
("A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"); a row of the last columns only (two or more, the rest merged from the row
above), the shortest that ends at a boundary; a whole row whose number cell is empty. Only a row that opens with a
number may be whole: otherwise three cells, the boundary and three more would also read as one row of seven. The
reading backtracks when a choice leaves items it cannot read; it may end before the run does (a footnote after
the table, or right after the last row's last cell with no boundary between), and the width is the one that reads the most rows, with three whole rows at least.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\**\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVX]{1,5}\.?|[A-ZĐ]\.)\s*\**$")
_GROUP = re.compile(r"^\**\s*(?:[IVX]{1,5}\.?|[A-ZĐ]\.)\s*\**$")
_MAX_WIDTH = 12


def read_spans(texts: list[str]) -> tuple[list[list[int]], int] | None:
    """(the items' indexes row by row, boundaries dropped; the number of items read) when ``texts`` open with such a
    table, else None."""
    filled = [bool(t.strip(" *_")) for t in texts]
    best: tuple[int, list[list[int]], int] | None = None
    for width in range(4, min(_MAX_WIDTH, len(texts) - 1) + 1):
        if not all(filled[:width]) or filled[width]:
            continue  # the header: a whole row of written cells, then a boundary
        rows, used = _read(texts, filled, width)
        whole = sum(1 for r in rows if len(r) == width)
        if whole >= 3 and (best is None or len(rows) > len(best[1])):
            best = (whole, rows, used)
    return (best[1], best[2]) if best else None


def _read(texts: list[str], filled: list[bool], width: int) -> tuple[list[list[int]], int]:
    """The longest reading from the header on: its rows and the items it takes (to a boundary)."""
    n = len(texts)

    def options(pos: int):
        if pos + width <= n and (pos + width == n or not filled[pos + width]) and _NUMBER.match(texts[pos]):
            yield width
        if pos + 2 <= n and (pos + 2 == n or not filled[pos + 2]) and _GROUP.match(texts[pos]) and filled[pos + 1]:
            yield 2
        if filled[pos]:
            for size in range(2, width):
                stop = pos + size
                if stop <= n and (stop == n or not filled[stop]):
                    yield size
                    break
        if not filled[pos] and pos + 1 < n and filled[pos + 1] and pos + width <= n \
                and (pos + width == n or not filled[pos + width]):
            yield width

    # From the end back: the most rows that can be read from each position, and the first row size that gives them.
    count = [0] * (n + 2)
    choice = [0] * (n + 2)
    for pos in range(n - 1, width, -1):
        for size in options(pos):
            if count[min(pos + size + 1, n)] + 1 > count[pos]:
                count[pos], choice[pos] = count[min(pos + size + 1, n)] + 1, size
        if not count[pos] and pos + width < n and filled[pos + width] and _NUMBER.match(texts[pos]):
            count[pos], choice[pos] = 1, -width  # the table's last row, its footnotes run on after it (no boundary)
    steps = []
    pos = width + 1
    while pos < n and choice[pos]:
        steps.append((pos, abs(choice[pos])))
        if choice[pos] < 0:
            break
        pos += choice[pos] + 1
    rows = [list(range(width))] + [list(range(start, start + size)) for start, size in steps]
    used = steps[-1][0] + steps[-1][1] if steps else width
    return rows, used
