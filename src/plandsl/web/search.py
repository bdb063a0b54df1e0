"""The search box: diacritic-insensitive matching of plan names, codes, units and instrument numbers."""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """Lower case without diacritics: 'Quảng Ngãi' -> 'quang ngai' (đ -> d)."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def haystack(plan) -> str:
    inst = plan.instrument
    parts = [plan.id, plan.title, plan.kind, plan.jurisdiction, plan.jurisdiction_code, plan.issuer,
             inst.number if inst else None, plan.id.replace("_", " ")]
    return " | ".join(fold(p) for p in parts if p)


def search(snap, query: str, limit: int = 200) -> list[str]:
    """Plan ids whose name, code, unit or instrument number contain every word of ``query``."""
    words = fold(query).split()
    if not words:
        return []
    index = snap.search_index()
    hits = [pid for pid, hay in index if all(w in hay for w in words)]
    return hits[:limit]
