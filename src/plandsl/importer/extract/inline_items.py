"""A body named inline over items numbered inside its paragraph (after the twenty-first held-out set):

    1. Cục X: (1) Chủ trì, phối hợp với … ; (2) Gửi giấy mời …; (3) Chủ trì xây dựng …
    2. Văn phòng: (1) Chủ trì chuẩn bị …

The numbers "(1)" … "(8)" are the items' markers; a scan's OCR prints them as superscripts or glues them to the word
("#", "#'", "®", "Š)'", "9", "3)", "?)"). Such a paragraph, with its lines up to the next numbered heading, is read as
the body's heading ("1. Cục X") over one "-" item a number, so the items are tasks and the body leads those that say
"chủ trì" (``body_heads``). Only when it reads surely: the first item's marker right after the body's colon, and at
least three items, each opened by a marker after ";" or "." and before a capital."""

from __future__ import annotations

import re

import attrs

from plandsl.importer.extract.body_heads import body_name
from plandsl.importer.extract.zones import Zoned

# An item's number: "(1)", "3)", or OCR's reading of a superscript number ("#", "#'", "®", "Š)'", "9", ")", "?)", "'").
_MARK = r"(?:\(?\d{1,2}\)['’]?|[#®©°*?'’`)]{1,3}|[^\W\d_]\)['’]?|\d)"
_CAP = r"(?=[A-ZĐÀ-Ỹ])"
_HEAD = re.compile(r"^(?P<body>[^:;.()]{2,60}):\s*" + _MARK + r"\s*" + _CAP)
_SPLIT = re.compile(r"(?<=[;.])\s*" + _MARK + r"\s*" + _CAP)
_DOTTED = re.compile(r"^(?:\d+\.)+\s")  # "2. V01: …": the next heading ("3) …" goes on with the paragraph)


# "3. Phương thức tuyển sinh 3.1 Tuyển thẳng": a heading and its first sub-heading on one line (a PDF's text, after the
# twenty-ninth set), split where the line's own number goes on with ".1"
_FIRST_SUB = re.compile(r"^(?P<head>[^.;:]{3,80}?)\s+(?P<sub>(?P<n>\d{1,2})\.1\.?)\s+(?P<rest>[A-ZĐÀ-Ỹ][^.;:]{0,80})$")


def _split_first_sub(z: Zoned) -> list[Zoned]:
    m = _FIRST_SUB.match(z.rest) if z.zone == "tasks" and z.style == "num1" else None
    if m is None or m.group("n") != z.marker.rstrip(".)"):
        return [z]
    return [attrs.evolve(z, rest=m.group("head")),
            attrs.evolve(z, style="num2", marker=m.group("sub").rstrip("."), rest=m.group("rest").strip())]


def inline_items(zoned: list[Zoned]) -> list[Zoned]:
    """``zoned`` with each such paragraph of the tasks read as its body's heading over its numbered items, and a
    heading with its first sub-heading on one line read as the two."""
    zoned = [y for z in zoned for y in _split_first_sub(z)]
    out: list[Zoned] = []
    k = 0
    while k < len(zoned):
        z = zoned[k]
        m = _HEAD.match(z.rest) if z.zone == "tasks" and z.style in ("num1", "num2") else None
        if m is None or not body_name(m.group("body")):
            out.append(z)
            k += 1
            continue
        j = k + 1
        while j < len(zoned) and zoned[j].zone == "tasks" and (
                zoned[j].style is None or zoned[j].style.startswith("num") and not _DOTTED.match(zoned[j].line.text)):
            j += 1
        # each line's text, with the place it starts at in the joined paragraph
        parts = [(z, z.rest[m.end():])] + [(y, y.line.text.strip()) for y in zoned[k + 1:j]]
        joined, starts = "", []
        for y, text in parts:
            joined = f"{joined} {text}" if joined else text
            starts.append((len(joined) - len(text), y))
        cuts = [0] + [s.end() for s in _SPLIT.finditer(joined)]
        items = [joined[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(joined)])]
        items = [re.sub(r"(?:[;.]\s*" + _MARK + r"?|\s+['’`])\s*$", "", item).strip(" ;") for item in items]
        if len(items) < 3 or not all(items):
            out.append(z)
            k += 1
            continue
        out.append(attrs.evolve(z, rest=m.group("body").strip()))
        for a, item in zip(cuts, items):
            where = [y for start, y in starts if start <= a][-1]
            out.append(attrs.evolve(where, style="dash", marker="-", rest=item))
        k = j
    return out
