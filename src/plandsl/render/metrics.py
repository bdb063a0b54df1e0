"""Width of a line of text set in Times New Roman, to size the lines and columns of the documents.

Decree 30/2020/NĐ-CP (Phụ lục I; see shared/domain-2025.md, section B) sets the
header lines by the length of the text above them: the line under the motto is
as long as the motto, the line under the issuing body and under the title
summary a third to a half of the text's line. Word draws no such line by
itself, so the DOCX writer draws a paragraph border of the measured length.

The advance widths are those of the Adobe Times-Roman and Times-Bold metrics
(units of 1/1000 em), which Times New Roman and Liberation Serif share.
Vietnamese letters take the width of their base letter; Ơ and Ư are wider.
"""

from __future__ import annotations

import unicodedata

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_REGULAR = dict(zip(_UPPER, (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722,
                             667, 556, 611, 722, 722, 944, 722, 722, 611)))
_REGULAR.update(zip(_LOWER, (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500,
                             333, 389, 278, 500, 500, 722, 500, 500, 444)))
_BOLD = dict(zip(_UPPER, (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778,
                          722, 556, 667, 722, 722, 1000, 722, 722, 667)))
_BOLD.update(zip(_LOWER, (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556,
                          444, 389, 333, 556, 500, 722, 500, 500, 444)))
_COMMON = {" ": 250, "-": 333, "–": 500, ".": 250, ",": 250, ":": 278, ";": 278, "/": 278, "(": 333, ")": 333,
           "%": 833, "'": 333, '"': 444}
_HORN = "\u031b"  # the combining horn of Ơ, Ư: those letters are about a tenth wider than O, U


def _advance(ch: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    if ch in table:
        return table[ch]
    if ch in _COMMON:
        return _COMMON[ch]
    if ch.isdigit():
        return 500
    if ch in "Đđ":
        return table["D" if ch == "Đ" else "d"]
    parts = unicodedata.normalize("NFD", ch)
    if parts[:1] in table:
        return round(table[parts[0]] * (1.1 if _HORN in parts else 1.0))
    return table["n"]  # an average letter for anything else


def width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """The width in points of ``text`` on one line at ``size_pt``."""
    return sum(_advance(ch, bold) for ch in unicodedata.normalize("NFC", text)) * size_pt / 1000


def width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    return width_pt(text, size_pt, bold) * 25.4 / 72
