"""Atoms of the canonical printer (strings, numbers, years, dates) and its lookup helpers."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Iterable

from plandsl.language.printer_index import Stmt


def quote(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{body}"'


def number(value: Decimal | int) -> str:
    d = Decimal(value)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    if len(whole) >= 5:
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = "_".join(groups)
    return sign + whole + ("." + frac if frac else "")


def year(value: int) -> str:
    return f"{value:04d}"


def date(value: dt.date) -> str:
    return value.isoformat()


def _ref(phase: str | int) -> str:
    return year(phase) if isinstance(phase, int) else phase


class _Groups:
    """The written statements of one block, by rule, for looking up comments."""

    def __init__(self, block: Stmt | None) -> None:
        self.block = block

    def all(self, rule: str) -> list[Stmt]:
        return self.block.group(rule) if self.block is not None else []

    def one(self, rule: str) -> list[Stmt]:
        return self.all(rule)[:1]

    def nth(self, rule: str, i: int) -> list[Stmt]:
        items = self.all(rule)
        return [items[i]] if i < len(items) else []


def _unique(stmts: Iterable[Stmt | None]) -> list[Stmt]:
    out: list[Stmt] = []
    for s in stmts:
        if s is not None and all(s is not o for o in out):
            out.append(s)
    return out
