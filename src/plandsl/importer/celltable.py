"""A table copied from a web page one cell per line, each cell between lone "|" lines, read back into rows.

A converted page writes a table's row as ``|`` / cell / ``|`` / cell / … / ``|``, one line each, and the next
row opens with its own ``|``: between two rows stand two ``|`` lines with nothing between them. An empty cell
looks the same, so the rows are found by their width: the table's rows are either full (one item per column,
empty or not) or shorter and made of written cells only (a header row whose cells span several columns:
"TT | Chỉ tiêu | ĐVT | GIAI ĐOẠN 2026 - 2030" over "Năm 2026 | … | Năm 2030"). Among the widths the cells
allow, the one that reads the items with the fewest irregular rows (short rows, rows opening with an empty
cell) is taken, or a narrower one with one irregular row more (two rows and the boundary between them also
read as one row of twice the width and one more, with an empty cell in the middle); a table of two columns (the letterhead and the motto) is left to the line reader.

The rows are handed on as Markdown rows (``document.pipe_row``), as the Word and the PDF readers hand theirs,
for the target and task table readers.
"""

from __future__ import annotations

import re

_MAX_WIDTH = 24
_INF = 1 << 30
_HEAD = re.compile(r"(?:STT|TT|Số TT)\.?", re.IGNORECASE)  # the first cell of a table's header


def rebuild(raw: list[tuple[str, str]], row, brk: str) -> list[tuple[str, str]]:
    """``raw`` (text, where) lines with each run of one-cell-per-line table of three columns or more replaced by
    its rows (``row(cells)`` makes a row's text); everything else as it was. ``brk`` is the text that stands
    for a lone "|" line."""
    out: list[tuple[str, str]] = []
    i = 0
    n = len(raw)
    while i < n:
        if raw[i][0] != brk:
            out.append(raw[i])
            i += 1
            continue
        items, end = _run(raw, i, brk)
        texts = [text for text, _where, _at in items]
        # A table's header ("STT", …) after other cells: a page's layout running on into the table (read from its
        # header on); otherwise the run is one table, or none.
        later = any(_HEAD.fullmatch(t.strip(" *")) for t in texts[1:]) and not _HEAD.fullmatch(texts[0].strip(" *"))
        rows = None if later else _rows(texts)
        if rows is not None:
            out.extend((row([items[x][0] for x in cells]), items[cells[0]][1]) for cells in rows)
        else:
            out.extend(_by_headers(raw, i, end, items, row))
        i = end
    return out


def _by_headers(raw: list[tuple[str, str]], i: int, end: int, items: list[tuple[str, str, int]], row) -> list:
    """A run that does not read as one table: a law-library page, whose layout table (the page's facts, the decision
    in one cell, the signature) runs on into the appendix's tables, each after its title, with their vertically
    merged cells left out (``celltable_spans``). Each table is read from its header ("STT" …) to the item before the
    next header (the next table's title); whatever is not read is kept exactly as it was."""
    from plandsl.importer.celltable_spans import read_spans

    texts = [text for text, _where, _at in items]
    heads = [h for h in range(1, len(texts)) if _HEAD.fullmatch(texts[h].strip(" *"))]
    if not heads:
        return raw[i:end]
    out = list(raw[i:items[heads[0]][2]])
    for n, h in enumerate(heads):
        stop = heads[n + 1] - 1 if n + 1 < len(heads) else len(items)  # the next table's title item is not a row
        upto = items[stop][2] if stop < len(items) else end
        read = read_spans(texts[h:stop]) if stop - h >= 6 else None
        if read is None:
            out.extend(raw[items[h][2]:items[heads[n + 1]][2] if n + 1 < len(heads) else end])  # with the title
            continue
        rows, used = read
        out.extend((row([items[h + x][0] for x in cells]), items[h + cells[0]][1]) for cells in rows)
        if h + used < stop:  # what follows the table in the run (a footnote): as it was
            out.extend(raw[items[h + used][2]:upto])
        if stop < len(items):
            out.extend(raw[items[stop][2]:items[heads[n + 1]][2]])  # the next table's title, as it was
    return out


def _run(raw: list[tuple[str, str]], i: int, brk: str) -> tuple[list[tuple[str, str, int]], int]:
    """The items between the "|" lines of the run opening at ``raw[i]`` (a blank line, or text not followed by
    another "|", ends it) and the index after its last "|" line. An item is its lines joined by a space."""
    items: list[tuple[str, str]] = []
    last = i
    j = i + 1
    while j < len(raw):
        k = j
        lines: list[str] = []
        while k < len(raw) and raw[k][0] != brk and raw[k][0].strip():
            lines.append(raw[k][0].strip())
            k += 1
        if k >= len(raw) or raw[k][0] != brk:
            break  # the text after the table (or a blank line): not a cell
        items.append((" ".join(lines), raw[j][1] if lines else raw[k][1], j - 1))  # (text, where, its "|" line)
        last = k
        j = k + 1
    return items, last + 1


def _rows(texts: list[str]) -> list[list[int]] | None:
    """The items' indexes row by row, with the row boundaries (empty items) dropped; None when the items do not
    read as a table of three columns or more with at least two full rows."""
    if len(texts) < 6:
        return None
    filled = [bool(t.strip(" *_")) for t in texts]
    readings: list[tuple[int, int, list[list[int]]]] = []  # (width, cost, rows)
    for width in range(3, min(_MAX_WIDTH, len(texts)) + 1):
        read = _read(filled, width)
        if read is None:
            continue
        cost, rows = read
        full = sum(1 for r in rows if len(r) == width)
        if full >= 2 and cost <= len(rows) // 2:
            readings.append((width, cost, rows))
    if not readings:
        return None
    two = _read(filled, 2)
    least = min(cost for _w, cost, _rows in readings)
    if two is not None and two[0] < least:
        return None  # a two-column table reads better: left to the line reader
    # Two rows and the boundary between them read as one row of twice the width and one more (an empty cell in
    # the middle): the narrowest reading within one irregular row of the best is the table's.
    return next(rows for _w, cost, rows in readings if cost <= least + 1)


def _read(filled: list[bool], width: int) -> tuple[int, list[list[int]]] | None:
    """The cheapest reading of the items as rows of ``width`` (cost: one per irregular row), or None."""
    n = len(filled)
    run = [0] * (n + 1)  # written items in a row from each position
    count = [0] * (n + 1)  # written items before each position
    for pos in range(n - 1, -1, -1):
        run[pos] = run[pos + 1] + 1 if filled[pos] else 0
    for pos in range(n):
        count[pos + 1] = count[pos] + filled[pos]
    cost = [_INF] * (n + 1)
    step: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (cells taken, next position)
    cost[n] = 0
    for pos in range(n - 1, -1, -1):
        # A full row: ``width`` items, then a boundary (an empty item) or the end.
        stop = pos + width
        if stop <= n and (stop == n or not filled[stop]) and count[stop] > count[pos]:
            nxt = min(stop + 1, n)
            cost[pos], step[pos] = cost[nxt] + (0 if filled[pos] else 1), (width, nxt)
        # A short row: written cells only (as many as are written from here), then a boundary or the end.
        k = run[pos]
        if 0 < k < width:
            nxt = min(pos + k + 1, n)
            if cost[nxt] + 1 < cost[pos]:
                cost[pos], step[pos] = cost[nxt] + 1, (k, nxt)
    if cost[0] >= _INF:
        return None
    rows = []
    pos = 0
    while pos < n:
        k, nxt = step[pos]
        rows.append(list(range(pos, pos + k)))
        pos = nxt
    return cost[0], rows
