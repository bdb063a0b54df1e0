"""Per-rule severity configuration, the graph command and explain."""

from __future__ import annotations

from plandsl.cli import main
from plandsl.core.diagnostics import Severity
from plandsl.project.loader import load
from plandsl.check.pipeline import check_specs


def _am001(result):
    return [d for d in result.diagnostics if d.code == "AM001"]


def test_default_severity(chain):
    (d,) = _am001(check_specs(load(["specs"])))
    assert d.severity is Severity.ERROR


def test_plandsl_toml_changes_severity(chain):
    (chain / "plandsl.toml").write_text('[rules]\nAM001 = "warning"\n', "utf-8")
    (d,) = _am001(check_specs(load(["specs"])))
    assert d.severity is Severity.WARNING


def test_pyproject_can_turn_a_rule_off(chain):
    (chain / "pyproject.toml").write_text('[tool.plandsl.rules]\nAM001 = "off"\n', "utf-8")
    assert _am001(check_specs(load(["specs"]))) == []


def test_bad_configuration_is_reported(chain):
    (chain / "plandsl.toml").write_text('[rules]\nAM01 = "warning"\nGR002 = "loud"\n', "utf-8")
    codes = {(d.code, d.hint) for d in check_specs(load(["specs"])).diagnostics if d.code.startswith("CFG")}
    assert ("CFG002", "Did you mean 'AM001'?") in codes
    assert any(code == "CFG003" for code, _ in codes)


def test_graph_formats(chain, capsys):
    assert main(["graph", "specs"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["nat (national, 112/QĐ-TTg, 2021-2025)", "└── dist (district, 2021-2025)"]
    assert main(["graph", "--format", "dot", "specs"]) == 0
    assert '"nat" -> "dist";' in capsys.readouterr().out
    assert main(["graph", "--format", "mermaid", "specs"]) == 0
    assert "nat --> dist" in capsys.readouterr().out


def test_graph_output_refuses_to_overwrite(chain, capsys):
    (chain / "g.dot").write_text("mine", "utf-8")
    assert main(["graph", "--format", "dot", "-o", "g.dot", "specs"]) == 1
    assert (chain / "g.dot").read_text("utf-8") == "mine"
    assert main(["graph", "--format", "dot", "-o", "g.dot", "--force", "specs"]) == 0
    assert (chain / "g.dot").read_text("utf-8").startswith("digraph")


def test_explain_shows_the_provenance_chain(chain, capsys):
    assert main(["explain", "dist", "specs"]) == 0
    out = capsys.readouterr().out
    assert "objective trained [%]: adapted (own targets)" in out
    assert "target 2025: ≥ 25%" in out
    assert "set in dist at specs/dist.plan:5:23" in out
    assert "overrides ≥ 60% in nat 112/QĐ-TTg at specs/nat.plan:5:43" in out


def test_explain_unknown_plan_suggests(chain, capsys):
    assert main(["explain", "dsit", "specs"]) == 1
    assert "Did you mean 'dist'?" in capsys.readouterr().err


def test_graph_labels_without_an_instrument_and_with_quotes():
    import attrs

    from plandsl.inherit.graph import build_graph, to_dot, to_mermaid
    from plandsl.language.model import Instrument, Plan
    import datetime as dt

    plain = Plan("a_plan")
    quoted = Plan("b_plan", instrument=Instrument('12/"KH"<b>', dt.date(2021, 1, 1)))
    pg = build_graph([attrs.evolve(plain, span=attrs.evolve(plain.span, path="a.plan")),
                      attrs.evolve(quoted, span=attrs.evolve(quoted.span, path="b.plan"))])
    mermaid = to_mermaid(pg)
    assert '  a_plan["a_plan"]' in mermaid  # no empty second line
    assert 'b_plan<br/>12/#quot;KH#quot;#lt;b#gt;' in mermaid
    dot = to_dot(pg)
    assert '"a_plan" [label="a_plan"];' in dot and r'12/\"KH\"<b>' in dot
