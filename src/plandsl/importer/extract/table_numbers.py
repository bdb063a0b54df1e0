"""Row numbers of a task table numbered under its groups ("1." / "Rà soát, hoàn thiện thể chế" / "1.1" / … / "1.2" /
…, "2. Đẩy mạnh nghiên cứu …" / "2.1" / …), as the gazette's appendices number them: the group's number is given as
a roman one and each row's as its place in the group ("1.2" as "2"), the way the task table reader numbers groups and
rows. The cells are only read so; the lines keep their text."""

from __future__ import annotations

import re

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
_SUB = re.compile(r"(?P<g>\d{1,2})\.(?P<k>\d{1,2})\.?")
_GROUP_ALONE = re.compile(r"(?P<g>\d{1,2})\.?")
_GROUP_NAMED = re.compile(r"(?P<g>\d{1,2})\.\s+(?P<name>\S.*)")


def by_group(cells: list[str]) -> list[str]:
    """``cells`` with a numbered group's number as a roman one and its rows' "g.k" as "k"; unchanged when no row is
    numbered "g.1" right after its group."""
    out = list(cells)
    group = None
    changed = False
    for i, cell in enumerate(cells):
        sub = _SUB.fullmatch(cell)
        if sub and group is not None and int(sub.group("g")) == group:
            out[i] = str(int(sub.group("k")))
            continue
        alone, named = _GROUP_ALONE.fullmatch(cell), _GROUP_NAMED.fullmatch(cell)
        g = int((alone or named).group("g")) if alone or named else None
        if g is None or not 0 < g <= len(_ROMAN):
            continue
        # the group's first row comes right after its name: "1." / its name / "1.1", or "2. Đẩy mạnh …" / "2.1"
        first = cells[i + 2:i + 3] if alone else cells[i + 1:i + 2]
        if first and _SUB.fullmatch(first[0]) and first[0].rstrip(".") == f"{g}.1":
            group, changed = g, True
            out[i] = _ROMAN[g - 1] if alone else f"{_ROMAN[g - 1]}. {named.group('name')}"
    return out if changed else cells
