"""The numbers Word draws in front of its automatically numbered paragraphs ("1.", "1.2.", "a)", "-").

python-docx gives a paragraph's text without them, and the importer reads a plan's structure from them (tasks
"1.", sub-tasks "a)", items "-"). The numbering part of the package says, for each list (``w:num``) and level,
the number format (decimal, letters, Roman numerals, a bullet) and the label's pattern ("%1.", "%1.%2.", "%1)");
a paragraph is in a list by its own properties (``w:numPr``) or by its style's. Counters run per list definition
(``w:abstractNum``), a list that restarts (``w:startOverride``) starting again, and a level's counter restarts
when a higher level moves on, as Word shows them.
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Bullets drawn in symbol fonts (Symbol, Wingdings) are private-use characters: read as the dash a typed list has.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf02d": "-", "\uf0d8": "•", "\uf0fc": "•", "o": "•", "": "-"}


def _val(element, tag: str) -> str | None:
    found = element.find(f"{_W}{tag}") if element is not None else None
    return found.get(f"{_W}val") if found is not None else None


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _format(fmt: str, n: int) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt in ("upperLetter",):
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """The labels of a document's numbered paragraphs, computed in reading order (``label`` once per paragraph)."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[str, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[str, int]]] = {}  # numId -> (abstractNumId, ilvl -> start override)
        self.styles: dict[str, tuple[str, str]] = {}  # paragraph style id -> (numId, ilvl)
        self.counts: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> counter
        self.started: set[str] = set()  # lists whose start overrides were applied
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            for an in root.findall(f"{_W}abstractNum"):
                levels = {}
                for lvl in an.findall(f"{_W}lvl"):
                    start = _val(lvl, "start")
                    levels[lvl.get(f"{_W}ilvl")] = (_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                                                    int(start) if start and start.isdigit() else 1)
                self.levels[an.get(f"{_W}abstractNumId")] = levels
            for num in root.findall(f"{_W}num"):
                overrides = {}
                for o in num.findall(f"{_W}lvlOverride"):
                    start = _val(o, "startOverride")
                    if start and start.isdigit() and (o.get(f"{_W}ilvl") or "").isdigit():
                        overrides[o.get(f"{_W}ilvl")] = int(start)
                self.nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId") or "", overrides)
        try:
            styles = document.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        if styles is not None:
            for style in styles.findall(f"{_W}style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None and _val(num_pr, "numId"):
                    self.styles[style.get(f"{_W}styleId")] = (_val(num_pr, "numId"), _val(num_pr, "ilvl") or "0")

    def label(self, p) -> str:
        """The number drawn before paragraph ``p`` (a ``w:p`` element), "" when it has none (or when the numbering
        part says something this reader cannot use: a damaged file loses its numbers, never its text)."""
        try:
            return self._label(p)
        except (ValueError, TypeError, KeyError):
            return ""

    def _label(self, p) -> str:
        if not self.levels:
            return ""
        ppr = p.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id = ilvl = None
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        if num_id is None:
            style = _val(ppr, "pStyle")
            if style in self.styles:
                num_id, style_lvl = self.styles[style]
                ilvl = ilvl or style_lvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        ilvl = ilvl or "0"
        if ilvl not in levels:
            return ""
        counts = self.counts.setdefault(abstract, {})
        if overrides and num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counts[int(lv)] = start - 1
        level = int(ilvl)
        fmt, text, start = levels[ilvl]
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a level's counter restarts when a higher level moves on
        if fmt == "bullet":
            return _BULLETS.get(text, text)
        if fmt == "none":
            return ""
        out = text
        for k in range(level, -1, -1):  # "%1.%2." (from the deepest, so that "%1" does not eat "%10")
            lv_fmt, _text, lv_start = levels.get(str(k), ("decimal", "", 1))
            out = out.replace(f"%{k + 1}", _format(lv_fmt, counts.get(k, lv_start)))
        return out.strip()
