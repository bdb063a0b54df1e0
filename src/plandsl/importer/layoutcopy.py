"""A text copy that kept a PDF page's layout (pdftotext's layout mode): the letterhead and the national motto side by
side on the same lines ("ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), the number beside the place
and date, and the Nơi nhận list beside the signature block. Those two runs of side-by-side rows are put back as two
columns, the left one first, as the PDF reader does for a page; every other line is left as it is."""

from __future__ import annotations

import re

# Two pieces of a row are in two columns when six spaces or more stand between them.
_PIECE = re.compile(r"\S+(?:\s{1,5}\S+)*")
_MOTTO = re.compile(r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?$", re.IGNORECASE)
_SIGN = re.compile(r"^(?:TM|KT|TL|Q|TUQ)\.\s|^(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TRƯỞNG BAN)\b")


def _pieces(row: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _PIECE.finditer(row)]


def _columns(rows: list[tuple[str, str]], block: list[int], mid: int) -> list[tuple[str, str]]:
    """The rows of ``block`` as the left column's pieces, then the right column's, each with its row's place."""
    out: list[tuple[str, str]] = []
    for side in (False, True):
        for k in block:
            for start, piece in _pieces(rows[k][0]):
                if (start >= mid) == side:
                    out.append((piece, rows[k][1]))
    return out


def _head(rows: list[tuple[str, str]]) -> tuple[list[int], int] | None:
    """The side-by-side rows at the top: from the first row, letterhead beside the motto, every row of two pieces
    (blank rows allowed between), up to the first row of one piece."""
    filled = [k for k, (t, _w) in enumerate(rows) if t.strip()]
    if not filled:
        return None
    first = _pieces(rows[filled[0]][0])
    if len(first) != 2 or not _MOTTO.match(first[1][1]):
        return None
    block = []
    for k in filled:
        pcs = _pieces(rows[k][0])
        if len(pcs) != 2:
            break
        block.append(k)
    return block, min(_pieces(rows[k][0])[1][0] for k in block)


def _tail(rows: list[tuple[str, str]], start: int) -> tuple[list[int], int] | None:
    """The side-by-side rows from "Nơi nhận:" beside the signature's first line: the list's "- …" rows and the
    signature's rows at the right, up to a row that is neither."""
    pcs = _pieces(rows[start][0])
    if len(pcs) != 2 or not _RECIPIENTS.match(pcs[0][1]) or not _SIGN.match(pcs[1][1]):
        return None
    mid = pcs[1][0]
    block = [start]
    for k in range(start + 1, len(rows)):
        pcs = _pieces(rows[k][0])
        if not pcs:
            continue
        left = [p for s, p in pcs if s < mid]
        if len(pcs) > 2 or (left and not left[0].startswith(("-", "+", "•"))):
            break
        block.append(k)
    return block, mid


def split_columns(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``rows`` with the side-by-side header and signature rows of a layout copy put as two columns; the rows
    unchanged when there are none."""
    if not any("      " in t for t, _w in rows):
        return rows
    runs = []
    head = _head(rows)
    if head is not None:
        runs.append(head)
    for k, (t, _w) in enumerate(rows):
        if "Nơi nhận" in t[:20] or "Nơi Nhận" in t[:20]:
            tail = _tail(rows, k)
            if tail is not None:
                runs.append(tail)
    if not runs:
        return rows
    out: list[tuple[str, str]] = []
    k = 0
    for block, mid in runs:
        out += rows[k:block[0]]
        out += _columns(rows, block, mid)
        k = block[-1] + 1
    return out + rows[k:]
