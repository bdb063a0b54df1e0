"""The top of a scanned page read by OCR (after the twenty-first held-out set): the two header columns read as one line
each, the letterhead before the national motto ("BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỔ … Độc lập - Tự do
- Hạnh phúc"), and the kind's "Ế" read as "É" ("KÉ HOẠCH", "KÉHOẠCH"). The glued lines are cut at the motto, the
letterhead's pieces first, then the motto's, as the two columns are read from a page; the kind's line alone is
written right. Every other line is left as it is."""

from __future__ import annotations

import re

_TOP = 12  # the header's lines are among the first of the page
# The motto after a letterhead on the same line (the letterhead in upper case: ``_glued``).
_GLUED = re.compile(r"^(?P<head>\S.{2,80}?)\s+(?P<motto>CỘNG H[OÒ][AÀ] XÃ HỘI CHỦ NGHĨA VIỆT NAM\b.*"
                    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc.*)$")
# "KÉ HOẠCH", "KÉHOẠCH", "KẾHOẠCH": OCR's readings of the kind alone on its line
_KIND = re.compile(r"^K[ÉẾÊE]\s*HO[ẠA]CH$")


def _glued(text: str) -> re.Match | None:
    m = _GLUED.match(text.strip())
    return m if m and m.group("head") == m.group("head").upper() and re.search(r"[A-ZĐ]", m.group("head")) else None


def split_glued_motto(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first lines with the letterhead and the motto cut apart (left pieces first), the kind's line mended."""
    top = raw[:_TOP]
    glued = [k for k, (text, _where) in enumerate(top) if _glued(text)]
    out: list[tuple[str, str]] = []
    if glued and _glued(top[glued[0]][0]).group("motto").startswith("CỘNG"):
        run = list(range(glued[0], glued[-1] + 1))
        if all(k in glued or not top[k][0].strip() for k in run):
            pieces = {k: _glued(top[k][0]) for k in run if k in glued}
            out = raw[:glued[0]]
            out += [(pieces[k].group("head"), raw[k][1]) for k in run if k in pieces]
            out += [(pieces[k].group("motto"), raw[k][1]) for k in run if k in pieces]
            out += raw[glued[-1] + 1:]
    out = out or list(raw)
    return [("KẾ HOẠCH", where) if k < _TOP + 2 and _KIND.match(text.strip()) and text.strip() != "KẾ HOẠCH"
            else (text, where) for k, (text, where) in enumerate(out)]
