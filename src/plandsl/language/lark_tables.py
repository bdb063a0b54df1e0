"""The Lark parsers of the spec language, made from parse tables shipped with plandsl.

grammar/plan.lark is the definition of the language. Building Lark's LALR
tables from it takes about half a second, so plandsl ships them, generated
from the grammar, in ``_lark_tables.py`` (a plain Python literal:
``python -m plandsl.language.lark_tables`` writes it again after a change of
the grammar; ``tests/test_lark_tables.py`` fails until it is).

Lark's own cache (its ``cache`` option) is never used: it keeps the
parser as a pickle in the shared temporary folder under a predictable name
and unpickles it on the next start, so anyone who can write there could run
code as the user. Nothing plandsl reads from disk may run code.

When the shipped tables do not match the grammar and the installed Lark (a
grammar being edited, another Lark release), the parser is built from the
grammar, without any cache: slower, never wrong.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lark import Lark

GRAMMAR_FILE = "plan.lark"
# The options every plandsl parser shares; ``keep_all_tokens`` (the formatter's tree) is set per parser.
OPTIONS = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": True}
MODULE = "_lark_tables.py"


@cache
def grammar_text() -> str:
    """The text of grammar/plan.lark, the definition of the language (read once: the keyword table, the tables'
    signature, each parser's lexer callbacks and the outline all read it)."""
    from plandsl.core.data import data_dir

    return (data_dir("grammar") / GRAMMAR_FILE).read_text("utf-8")


def signature(grammar: str | None = None) -> str:
    """What the tables are made from: the grammar's text and the options (Lark's version is kept apart,
    ``LARK``: another release of Lark builds the parser itself, but the tables are not out of date)."""
    from plandsl.core.hashing import blake2b

    text = grammar if grammar is not None else grammar_text()
    h = blake2b(digest_size=16)
    for part in (text, repr(sorted(OPTIONS.items()))):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _fitting_module():
    """The shipped tables' module when it was made from this grammar (by any Lark release), else None."""
    try:
        from plandsl.language import _lark_tables as shipped
    except ImportError:
        return None
    return shipped if getattr(shipped, "SIGNATURE", None) == signature() else None


def _shipped():
    """(DATA, MEMO) of the shipped tables when they were made from this grammar by the installed Lark;
    else None."""
    import lark

    shipped = _fitting_module()
    if shipped is None or getattr(shipped, "LARK", None) != lark.__version__:
        return None
    return shipped.DATA, shipped.MEMO


def load(*, transformer=None, lexer_callbacks: dict | None = None, keep_all_tokens: bool = False,
         plugins: dict | None = None) -> "Lark":
    """A parser of the spec grammar with these options, from the shipped tables when they fit.

    The tables drop punctuation from the tree (``keep_all_tokens`` changes the grammar's rules, not
    only an option): a parser that keeps every token (the formatter's rare second route, see
    ``printer_index.SourceIndex``) is built from the grammar."""
    from lark import Lark

    found = None if keep_all_tokens else _shipped()
    extra = {"_plugins": plugins} if plugins else {}
    if found is not None:
        data, memo = found
        return Lark._load_from_dict(data, memo, transformer=transformer, lexer_callbacks=lexer_callbacks or {},
                                    **extra)
    return Lark(grammar_text(), transformer=transformer, lexer_callbacks=lexer_callbacks or {},
                keep_all_tokens=keep_all_tokens, **OPTIONS, **extra)


def generate() -> str:
    """The text of ``_lark_tables.py`` for the current grammar and Lark."""
    import lark
    from lark import Lark
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    grammar = grammar_text()
    data, memo = Lark(grammar, **OPTIONS).memo_serialize([TerminalDef, Rule])
    data["options"] = {k: v for k, v in data["options"].items()
                       if k not in ("transformer", "lexer_callbacks", "postlex", "_plugins", "tree_class")}
    # One line per table: a generated file, reviewed through its signature and tests, not its diff.
    return (
        '"""Lark parse tables of grammar/plan.lark (generated: do not edit).\n\n'
        "Written by ``python -m plandsl.language.lark_tables``; see that module.\n"
        '"""\n\n'
        f"SIGNATURE = {signature(grammar)!r}\n"
        f"LARK = {lark.__version__!r}\n\n"
        f"DATA = {data!r}\n\n"
        f"MEMO = {memo!r}\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Write the tables (``--check``: only say whether the shipped ones fit the grammar)."""
    import argparse
    from pathlib import Path

    from plandsl.core.fsutil import write_atomic

    ap = argparse.ArgumentParser(prog="python -m plandsl.language.lark_tables", description=main.__doc__)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.check:  # the tables fit the grammar (made by another Lark, they are not used, and not stale)
        ok = _fitting_module() is not None
        print("the shipped parse tables fit the grammar" if ok else "the shipped parse tables are out of date")
        return 0 if ok else 1
    path = Path(__file__).with_name(MODULE)
    write_atomic(path, generate(), overwrite=True)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
