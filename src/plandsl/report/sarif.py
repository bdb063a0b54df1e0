"""SARIF 2.1.0 output, for code-scanning dashboards and CI annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from plandsl import __version__
from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _, docstring_paragraphs, translate_text

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _location(span, message: str | None = None) -> dict:
    loc = {
        "physicalLocation": {
            "artifactLocation": {"uri": Path(span.path).as_posix()},
            "region": {
                "startLine": max(span.line, 1),
                "startColumn": max(span.col, 1),
                "endLine": max(span.end_line, span.line, 1),
                "endColumn": max(span.end_col, 1),
            },
        }
    }
    if message:
        loc["message"] = {"text": message}
    return loc


def to_sarif(diagnostics: Iterable[Diagnostic]) -> str:
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES

    load_all()
    diags = list(diagnostics)
    codes = sorted({d.code for d in diags} | set(RULES))
    rules = []
    for code in codes:
        cls = RULES.get(code)
        rule = {"id": code, "name": cls.name if cls else code,
                "shortDescription": {"text": " ".join(_(_first_paragraph(cls)).split()) if cls else code}}
        if cls:
            # The rule's document in the language of messages, one paragraph at a time through the catalog.
            rule["fullDescription"] = {"text": " ".join(translate_text(cls.__doc__ or "").split())}
            rule["defaultConfiguration"] = {"level": _LEVEL[cls.severity]}
        rules.append(rule)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for d in diags:
        text = d.message + (" " + _("Hint: {hint}").format(hint=d.hint) if d.hint else "")
        result = {"ruleId": d.code, "ruleIndex": index[d.code], "level": _LEVEL[d.severity],
                  "message": {"text": text}}
        if d.span:
            result["locations"] = [_location(d.span)]
        if d.related:
            result["relatedLocations"] = [dict(_location(r.span, r.message), id=i) for i, r in enumerate(d.related)]
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "plandsl", "version": __version__,
                                "informationUri": "https://pypi.org/project/plandsl/", "rules": rules}},
            "results": results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _first_paragraph(cls) -> str:
    import inspect

    paragraphs = docstring_paragraphs(inspect.cleandoc(cls.__doc__ or ""))
    return paragraphs[0] if paragraphs else ""
