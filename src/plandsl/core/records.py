"""plandsl's attrs class decorators: ``frozen`` and ``define``, with one shared ``__repr__``.

They are ``attrs.frozen`` and ``attrs.define`` with the same arguments, except that attrs does not write a
``__repr__`` for each class: every class gets :func:`attrs_repr`, which gives the same text as attrs' own
(``Target(year=2025, value=Decimal('80'))``; a field with ``repr=False`` is left out, one with a callable
``repr`` shown through it). attrs compiles the ``__repr__`` it writes for each class, about 30% of the cost of
making a class; plandsl makes about a hundred of them at import, and a one-commune re-check of the country
imports some sixty (docs/BENCHMARKS.md). A class that defines its own ``__repr__`` keeps it.

Every module of plandsl takes these decorators from here, not from attrs (tests/test_architecture.py).
"""

from __future__ import annotations

import threading

import attrs

__all__ = ["attrs_repr", "define", "frozen"]

_working = threading.local()  # the objects whose repr is being written, per thread (a cycle shows as "...")


def attrs_repr(self) -> str:
    """``ClassName(field=value, ...)``, as attrs writes it."""
    seen = getattr(_working, "ids", None)
    if seen is None:
        seen = _working.ids = set()
    if id(self) in seen:
        return "..."
    seen.add(id(self))
    try:
        parts = []
        for a in attrs.fields(type(self)):
            if a.repr is False:
                continue
            value = getattr(self, a.name, attrs.NOTHING)
            parts.append(f"{a.name}={(a.repr if callable(a.repr) else repr)(value)}")
        name = type(self).__qualname__.rsplit(">.", 1)[-1]
        return f"{name}({', '.join(parts)})"
    finally:
        seen.discard(id(self))


def _with_repr(make, maybe_cls, kwargs):
    own_repr = kwargs.get("repr")
    kwargs.setdefault("repr", False)

    def wrap(cls):
        defines_repr = "__repr__" in cls.__dict__
        made = make(cls, **kwargs)
        if own_repr is None and not defines_repr:
            made.__repr__ = attrs_repr
        return made

    return wrap if maybe_cls is None else wrap(maybe_cls)


def frozen(maybe_cls=None, **kwargs):
    """``attrs.frozen`` with the shared ``__repr__``."""
    return _with_repr(attrs.frozen, maybe_cls, kwargs)


def define(maybe_cls=None, **kwargs):
    """``attrs.define`` with the shared ``__repr__``."""
    return _with_repr(attrs.define, maybe_cls, kwargs)
