"""The top of a scanned page read by OCR (after the twenty-first held-out set): the two header columns read as one line
each, the letterhead before the national motto ("BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỔ … Độc lập - Tự do
- Hạnh phúc"), and the kind's "Ế" read as "É" ("KÉ HOẠCH", "KÉHOẠCH"). The glued lines are cut at the motto, the
letterhead's pieces first, then the motto's, as the two columns are read from a page; the kind's line alone is
written right. Every other line is left as it is.

And a scan's page noise (``page_noise``): a page number read onto the next page's first line, which goes on with the
sentence cut by the page ("… về các chất" / "2 ` ma túy, tiền chất mới; …"), the footnotes at the foot of a page
between a sentence and its rest ("… hiệu quả công" / "! Bảo đảm …" / "? Dự án 2 …" / "tác kiểm soát …": moved after
the sentence's end, so the sentence is whole and the footnotes are kept), and a section's numeral read "H." or "HI." after "I." or "II." ("HI. TỔ CHỨC THỰC HIỆN"; a heading in running case, "HI. Nhu cầu nguồn kinh phí", only between "II." and "IV.", after the twenty-eighth set)."""

from __future__ import annotations

import re

_TOP = 12  # the header's lines are among the first of the page
# The motto after a letterhead on the same line (the letterhead in upper case: ``_glued``).
_GLUED = re.compile(r"^(?P<head>\S.{2,80}?)\s+(?P<motto>(?:CỘNG H[OÒ][AÀ] XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN) VIỆT NAM\b.*"
                    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc.*)$")
# "KÉ HOẠCH", "KÉHOẠCH", "KẾHOẠCH": OCR's readings of the kind alone on its line
# "TĨNH ỦY HÀ GIANG": a Party committee's letterhead whose "Ỉ" the OCR read "Ĩ" (the thirtieth set)
_PARTY_HEAD = re.compile(r"^T[ĨÌÍ]NH [ỦU][YỶ] ")
_KIND = re.compile(r"^K[ÉẾÊ]\s*HO[ẠA]CH$")  # (an ASCII "KE HOACH" is left as written)


def _glued(text: str) -> re.Match | None:
    m = _GLUED.match(text.strip()) if "|" not in text else None  # (a Markdown table's row is read as a table)
    return m if m and m.group("head") == m.group("head").upper() and re.search(r"[A-ZĐ]", m.group("head")) else None


def split_glued_motto(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first lines with the letterhead and the motto cut apart (left pieces first), the kind's line mended."""
    top = raw[:_TOP]
    glued = [k for k, (text, _where) in enumerate(top) if _glued(text)]
    out: list[tuple[str, str]] = []
    if glued and _glued(top[glued[0]][0]).group("motto").startswith(("CỘNG", "ĐẢNG")):  # the Party's motto too
        run = list(range(glued[0], glued[-1] + 1))
        if all(k in glued or not top[k][0].strip() for k in run):
            pieces = {k: _glued(top[k][0]) for k in run if k in glued}
            out = raw[:glued[0]]
            out += [(_PARTY_HEAD.sub("TỈNH ỦY ", pieces[k].group("head")), raw[k][1]) for k in run if k in pieces]
            out += [(pieces[k].group("motto"), raw[k][1]) for k in run if k in pieces]
            out += raw[glued[-1] + 1:]
    out = out or list(raw)
    return [("KẾ HOẠCH", where) if k < _TOP + 2 and _KIND.match(text.strip()) and text.strip() != "KẾ HOẠCH"
            else (text, where) for k, (text, where) in enumerate(out)]


_END = re.compile(r"[.;:!?…]$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s*[`'‘’^~°¬ˆ]\s*(?=\w)")  # "2 ` ma túy …"
_FOOTNOTE = re.compile(r"^[!?]\s+(?=\w)")  # "! Bảo đảm …": a footnote's number read as a sign
_ROMAN = re.compile(r"^(?P<n>[IVX]{1,4}|HI|H)\.\s+(?P<rest>\S.*)$")
_READ = {"H": "II", "HI": "III"}
ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


_PAGE_GAP = (20, 120)  # the lines from one page number to the next


def _page_lines(raw: list[tuple[str, str]]) -> set[int]:
    """The lines that are a page's number (after the twenty-third set: a signed PDF's text, "… của cơ sở" / "" / "5" /
    "giáo dục; …"): a number alone after a blank line, the one before or after it in the run of pages a page away
    (1 more or less, 20 to 120 lines off), so that a table's numbers, one cell a line, are not taken."""
    alone = {k: int(t.strip()) for k, (t, _where) in enumerate(raw)
             if re.fullmatch(r"\d{1,3}", t.strip()) and k > 0 and not raw[k - 1][0].strip()}
    return {k for k, n in alone.items() if any(
        _PAGE_GAP[0] <= abs(j - k) <= _PAGE_GAP[1] and m - n == (1 if j > k else -1) for j, m in alone.items())}


def _mixed_heading(t: str) -> bool:
    """A section's heading in running case, "II. Giải pháp thực hiện": short, its words opening in upper case, no
    sentence's end."""
    m = _ROMAN.match(t)
    return bool(m) and len(t) < 100 and m.group("rest")[0].isupper() and not _END.search(t)


def _next_numeral(raw: list[tuple[str, str]], k: int) -> int:
    """The value of the next section heading's numeral after line ``k`` (0 when none is read right)."""
    for text, _where in raw[k + 1:]:
        m = _ROMAN.match(text.strip())
        if m and _mixed_heading(text.strip()) and m.group("n") in ROMAN_VALUES:
            return ROMAN_VALUES[m.group("n")]
    return 0


def page_noise(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines without a page number glued onto a sentence's rest or alone between two pages, with the footnotes
    found inside a sentence moved after its end (kept, not dropped: they stay in the draft as lines of their own), and
    with "H." / "HI." read as the section numeral that follows the one before."""
    pages = _page_lines(raw)
    raw = [line for k, line in enumerate(raw) if k not in pages]
    out: list[tuple[str, str]] = []
    moved: list[tuple[str, str]] = []  # footnotes waiting for the end of the sentence they cut
    last = 0  # the last section numeral
    last_mixed = 0  # the last section numeral of a heading in lower and upper case ("II. Giải pháp thực hiện")
    k = 0
    while k < len(raw):
        text, where = raw[k]
        t = text.strip()
        prev = out[-1][0].strip() if out else ""
        if moved and t and not _lower(t):
            out += moved  # the sentence ended on the line before
            moved = []
        glued = _PAGE_NUMBER.match(t)
        if glued and prev and not _END.search(prev) and _lower(t[glued.end():]):
            text, t = t[glued.end():], t[glued.end():]
        elif _FOOTNOTE.match(t) and prev and not _END.search(prev):
            j = k
            while j < len(raw) and _FOOTNOTE.match(raw[j][0].strip()):
                j += 1
            if j < len(raw) and _lower(raw[j][0].strip()):
                moved += raw[k:j]  # the footnotes between the sentence and its rest
                k = j
                continue
        m = _ROMAN.match(t)
        if m and m.group("rest") == m.group("rest").upper() and len(t) < 120:
            n = m.group("n")
            if n in _READ and ROMAN_VALUES[_READ[n]] == last + 1:
                text, n = f"{_READ[n]}. {m.group('rest')}", _READ[n]
            last = ROMAN_VALUES.get(n, last)
        elif m and _mixed_heading(t):
            n = m.group("n")
            # (no later numeral read right: "II. Công tác cấp phát …" / "HI. Công tác báo cáo" / "Phần II: Tổ chức …")
            if n in _READ and ROMAN_VALUES[_READ[n]] == last_mixed + 1 and _next_numeral(raw, k) in (last_mixed + 2, 0):
                text, n = f"{_READ[n]}. {m.group('rest')}", _READ[n]
        if m and _mixed_heading(t):
            last_mixed = ROMAN_VALUES.get(n, last_mixed)
        out.append((text, where))
        if moved and _END.search(t):
            out += moved
            moved = []
        k += 1
    return out + moved


# "… Chỉ thị số 18-" / "CT/TU ngày …", "… Thông tư số 29/2012/TT-" / "BGDĐT ngày …": a document's number cut at its dash
_NUMBER_CUT = re.compile(r"(?:\d|/[A-ZĐ]{1,6})-$")
_NUMBER_REST = re.compile(r"^[A-ZĐ]{2,8}(?:/[A-ZĐ]{1,8})?(?=[\s,;.]|$)")
_MARKER = re.compile(r"^(?:[IVXLH]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ]|§)[.)]\s|^[-+•*]")
# a line that opens a part of the plan, never the rest of a sentence
# ("Thứ bảy, …" an item; "UBND Thành phố ban hành …" a body opening a sentence; "Đồng Tháp, ngày …" a place and day)
_OPENS = re.compile(r"^(?:(?:Căn cứ|Thực hiện|Nơi nhận|Kính gửi|Phần|PHẦN|Trên đây|UBND|HĐND|MTTQ|BCĐ)\b|KT\.|TM\.|"
                    r"Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b|[^,]{2,30}, ngày\b)")


def ocr_goes_on(prev: str, cur: str) -> bool:
    """Whether the printed line ``cur`` goes on the sentence of ``prev`` in a scan read by OCR, one printed line a
    line (after the twenty-eighth set), when ``cur`` opens in upper case: a document's number cut at its dash, or
    running text (a line as long as a printed one, 75 characters or more, with no sentence's end and no heading's
    numeral) going on with a word in capitals ("… tổ chức thực hiện" / "Đề án tại các nhà trường. …", "… từ 800 học
    sinh" / "(25 lớp) trở lên …")."""
    if not prev or not cur or "|" in prev + cur:
        return False
    if _NUMBER_CUT.search(prev) and _NUMBER_REST.match(cur):
        return True
    return len(prev) >= 75 and prev[-1].isalpha() and not prev.isupper() and not _MARKER.match(prev) \
        and (cur[0].isupper() or cur[0] == "(" and cur[1:2].isalnum()) and not cur.isupper() \
        and not _MARKER.match(cur) and not _OPENS.match(cur) and not re.match(r"\(\s*Chi tiết|\(\s*Chỉ tiết", cur)
