"""Coverage-guided fuzzing of the parser and the formatter with atheris (optional).

Properties checked on every input (any bytes):

* parsing never raises; a failed parse always gives a located diagnostic;
* a spec that formats, formats to text that parses without errors and
  formats to itself again (fmt is idempotent);
* no control character reaches the terminal excerpt of a diagnostic.

Run it (see fuzz/README.md)::

    pip install atheris
    mkdir -p fuzz/corpus/parser
    python fuzz/fuzz_parser.py fuzz/corpus/parser specs/ -max_total_time=3600

``test_one_input`` is also run over the seed corpus by tests/test_fuzz_targets.py,
without atheris, so the target cannot rot.
"""

from __future__ import annotations

import sys


def test_one_input(data: bytes) -> None:
    from plandsl.core.diagnostics import has_errors
    from plandsl.core.safetext import CONTROL
    from plandsl.language.parser import parse_bytes
    from plandsl.language.printer import format_bytes
    from plandsl.report.formats import format_text

    result = parse_bytes(data, "fuzz.plan")
    if result.plan is None:
        assert result.diagnostics, "a failed parse must say why"
        assert all(d.span is not None and d.span.line >= 1 and d.span.col >= 1 for d in result.diagnostics)
    shown = format_text(result.diagnostics, {"fuzz.plan": result.text} if result.text is not None else {})
    assert not CONTROL.search(shown), "a control character would reach the terminal"
    formatted = format_bytes(data, "fuzz.plan")
    if formatted.ok:
        again = parse_bytes(formatted.formatted.encode("utf-8"), "fuzz.plan")
        assert again.plan is not None and not has_errors(again.diagnostics), "fmt output does not parse"
        twice = format_bytes(formatted.formatted.encode("utf-8"), "fuzz.plan")
        assert twice.formatted == formatted.formatted, "fmt is not idempotent"


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        import plandsl.language.parser  # noqa: F401
        import plandsl.language.printer  # noqa: F401
        import plandsl.language.source  # noqa: F401
        import plandsl.language.transform  # noqa: F401
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
