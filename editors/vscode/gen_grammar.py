"""Regenerate syntaxes/plandsl.tmLanguage.json from the grammar's keyword table.

Run from the repository root after changing keywords or enum words:
    .venv/bin/python editors/vscode/gen_grammar.py
tests/test_lsp_editors.py fails when a keyword is missing from the JSON.
"""
import json
from plandsl.language.parser import keyword_table
from plandsl.language import model as m

B = r"(?<![\p{L}\p{N}_])"
E = r"(?![\p{L}\p{N}_])"
def alt(words):
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))
kws = [w for pair in keyword_table().values() for w in pair]
enums = [w for cls in (m.Level, m.Direction, m.Unit, m.Cycle, m.Aggregation) for e in cls for w in (e.en, e.vi)]
decl = ["objective", "task", "phase", "quantity", "waive", "adopt", "implements", "serves", "allow", "amends", "replaces",
        "no_target"]
decl_words = [w for k in decl for w in keyword_table()[k]]
doc = {
  "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
  "name": "plandsl",
  "scopeName": "source.plandsl",
  "fileTypes": ["plan"],
  "patterns": [{"include": "#comment"}, {"include": "#string"}, {"include": "#plan"},
               {"include": "#declaration"}, {"include": "#keyword"}, {"include": "#constant"},
               {"include": "#date"}, {"include": "#number"}, {"include": "#operator"}, {"include": "#punctuation"}],
  "repository": {
    "comment": {"name": "comment.line.number-sign.plandsl", "match": "#.*$"},
    "string": {"name": "string.quoted.double.plandsl", "begin": "\"", "end": "\"",
               "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.plandsl"}},
               "endCaptures": {"0": {"name": "punctuation.definition.string.end.plandsl"}},
               "patterns": [{"name": "constant.character.escape.plandsl", "match": r"\\."}]},
    "plan": {"match": B + "(" + alt(keyword_table()["plan"]) + r")\s+([\p{L}_][\p{L}\p{N}_]*)",
             "captures": {"1": {"name": "keyword.control.plan.plandsl"}, "2": {"name": "entity.name.type.plan.plandsl"}}},
    "declaration": {"match": B + "(" + alt(decl_words) + r")\s+([\p{L}_][\p{L}\p{N}_]*)",
                    "captures": {"1": {"name": "keyword.control.plandsl"},
                                 "2": {"name": "entity.name.function.plandsl"}}},
    "keyword": {"name": "keyword.control.plandsl", "match": B + "(?:" + alt(kws) + ")" + E},
    "constant": {"name": "constant.language.plandsl", "match": B + "(?:" + alt(enums) + ")" + E},
    "date": {"patterns": [
        {"name": "constant.other.date.plandsl", "match": r"(?<![\d_])\d{4}-\d{2}-\d{2}(?!\d)"},
        {"name": "constant.other.date.day-month.plandsl", "match": r"(?<![\d_])\d{1,2}/\d{1,2}(?!\d)"}]},
    "number": {"name": "constant.numeric.plandsl", "match": r"(?<![\p{L}\p{N}_])\d[\d_]*(?:\.\d+)?%?"},
    "operator": {"name": "keyword.operator.plandsl", "match": r">=|<=|≥|≤|=|\.\.|[+\-%]"},
    "punctuation": {"patterns": [{"name": "punctuation.section.block.plandsl", "match": "[{}]"},
                                 {"name": "punctuation.separator.comma.plandsl", "match": ","}]},
  },
}
with open("editors/vscode/syntaxes/plandsl.tmLanguage.json", "w", encoding="utf-8") as fh:
    json.dump(doc, fh, ensure_ascii=False, indent=2)
    fh.write("\n")
