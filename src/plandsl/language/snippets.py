"""Pieces of spec syntax quoted in hints, in the keyword set of the spec they are about.

A hint that tells the planner what to write (`allow AM001 on staffing "<reason>"`)
must be written in the keywords of the file: a spec in Vietnamese keywords gets
`chấp_nhận AM001 cho staffing "<lý do>"`. The keyword set follows the spec, not the
language of messages, so the placeholders in angle brackets follow it too (they are
words the planner replaces in the spec, which is written in Vietnamese anyway).
"""

from __future__ import annotations

import re

#: Placeholder words (``<reason>``) in a Vietnamese-keyword spec.
_PLACEHOLDERS_VI = {
    "reason": "lý do",
    "agency": "cơ quan",
    "parent": "mã kế hoạch cấp trên",
    "text": "nội dung",
}

# A template is read as: {placeholders} (and {{ }}), <placeholder words>, "quoted text" and words.
_TOKEN = re.compile(r'\{\{|\}\}|\{[^{}]*\}|<[^<>"]+>|"[^"]*"|[A-Za-z_]+')


def _vi_keywords() -> dict[str, str]:
    from plandsl.language.parser import keyword_table

    return {en: vi for en, vi in keyword_table().values()}


def keyword(word: str, lang: str | None) -> str:
    """One keyword (its English spelling) in the keyword set ``lang``."""
    if lang != "vi":
        return word
    return _vi_keywords().get(word, word)


def snippet(template: str, lang: str | None, **values: object) -> str:
    """``template`` (spec syntax in English keywords) in the keyword set ``lang``.

    Words of the template that are keywords are spelled in the set; ``<word>``
    placeholders are translated for a Vietnamese-keyword spec; ``{name}``
    placeholders are filled with ``values`` afterwards, untouched (ids, codes, names).
    Quoted text is kept, except for a ``<placeholder>`` inside it.
    """
    if lang == "vi":
        table = _vi_keywords()

        def spell(mt: re.Match[str]) -> str:
            tok = mt.group(0)
            if tok.startswith("{") or tok.startswith("}"):
                return tok
            if tok.startswith("<"):
                return "<" + _PLACEHOLDERS_VI.get(tok[1:-1], tok[1:-1]) + ">"
            if tok.startswith('"'):
                return re.sub(r"<([^<>]+)>", lambda p: "<" + _PLACEHOLDERS_VI.get(p.group(1), p.group(1)) + ">", tok)
            return table.get(tok, tok)

        template = _TOKEN.sub(spell, template)
    return template.format(**values)
