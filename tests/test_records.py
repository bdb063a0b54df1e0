"""plandsl.core.records: attrs classes with one shared __repr__ that reads as attrs' own.

attrs compiles a ``__repr__`` for every class it makes (about 30% of the cost of making one); plandsl's
classes share one instead. These tests hold that sharing to attrs' own text, and hold every class of
plandsl to the shared decorators.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import plandsl
from plandsl.core.records import attrs_repr, define, frozen

PKG = Path(plandsl.__file__).resolve().parent


def _pair(make_ours, make_attrs):
    def body(cls_name):
        return {"__annotations__": {"a": "int", "b": "object", "c": "object", "d": "object"},
                "b": attrs.field(default=None),
                "c": attrs.field(default="c", repr=False),
                "d": attrs.field(default=(), repr=lambda v: f"<{len(v)} items>")}

    ours = make_ours(type("Twin", (), body("Twin")))
    theirs = make_attrs(type("Twin", (), body("Twin")))
    return ours, theirs


values = st.recursive(st.none() | st.integers() | st.text(max_size=8) | st.decimals(allow_nan=False, places=2),
                      lambda inner: st.lists(inner, max_size=3).map(tuple), max_leaves=6)


@given(a=st.integers(), b=values, d=st.lists(st.integers(), max_size=4).map(tuple))
def test_the_shared_repr_reads_as_attrs_own(a, b, d):
    for ours_make, attrs_make in ((frozen, attrs.frozen), (define, attrs.define)):
        ours, theirs = _pair(ours_make, attrs_make)
        assert ours.__repr__ is attrs_repr
        assert repr(ours(a, b, "x", d)) == repr(theirs(a, b, "x", d))


def test_nested_records_and_cycles():
    @frozen
    class Leaf:
        value: Decimal

    @define
    class Node:
        leaf: Leaf
        other: object = None

    node = Node(Leaf(Decimal("80")))
    assert repr(node) == "Node(leaf=Leaf(value=Decimal('80')), other=None)"
    node.other = node  # a mutable record holding itself: no endless recursion
    assert repr(node) == "Node(leaf=Leaf(value=Decimal('80')), other=...)"


def test_an_own_repr_is_kept():
    @frozen
    class Own:
        a: int

        def __repr__(self):
            return "own"

    assert repr(Own(1)) == "own"


def test_every_plandsl_record_uses_the_shared_decorators():
    """No module makes attrs classes with attrs' own decorators (each would compile its own __repr__)."""
    direct = re.compile(r"^\s*(?:from attrs import[^\n]*\b(?:frozen|define|mutable)\b|@attrs?\.(?:frozen|define|mutable|s)\b)",
                        re.M)
    offenders = [str(p.relative_to(PKG)) for p in PKG.rglob("*.py")
                 if p.name != "records.py" and direct.search(p.read_text("utf-8"))]
    assert offenders == []
    # And the classes themselves: every attrs class of plandsl's core, language and check stages.
    seen = 0
    for prefix in ("plandsl.core", "plandsl.language", "plandsl.check", "plandsl.inherit", "plandsl.registry"):
        package = importlib.import_module(prefix)
        for info in pkgutil.walk_packages(package.__path__, prefix + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for obj in vars(module).values():
                if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == info.name:
                    seen += 1
                    own = obj.__dict__.get("__repr__")
                    generated = own is not None and own is not attrs_repr and \
                        getattr(getattr(own, "__code__", None), "co_filename", "").startswith("<attrs generated")
                    assert not generated, obj
    assert seen > 40
