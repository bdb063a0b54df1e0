"""Every render diagnostic (message and hint) goes through the translation helper `_()`."""

from __future__ import annotations

import attrs

from plandsl.language.model import Level
from plandsl.project.loader import load
from plandsl.render import validate

SPEC = """plan p_x {
  instrument "57/KH-UBND" dated 2021-05-18 {
  }
}
"""


def test_validate_messages_are_translated(tmp_path, monkeypatch):
    (tmp_path / "x.plan").write_text(SPEC, "utf-8")
    plan = load([str(tmp_path)]).by_id()["p_x"]
    plan = attrs.evolve(plan, level=Level.PROVINCE, jurisdiction=None)
    monkeypatch.setattr(validate, "_", lambda s: "«" + s + "»")
    for draft in (False, True):
        diags = validate.validate(plan, ("decision", "plan"), compare=True, draft=draft)
        codes = {d.code for d in diags}
        assert {"RND004", "RND005", "RND006", "RND007", "RND008", "RND009"} <= codes, codes
        for d in diags:
            assert d.message.startswith("«"), d
            assert d.hint is None or d.hint.startswith("«"), d
