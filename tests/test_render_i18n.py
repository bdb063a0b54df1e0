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


def test_an_agency_heading_starts_with_a_capital(tmp_path):
    """An agency named in lower case ("phòng Lao động …", as in the An Lão text) heads its section capitalised."""
    from plandsl.render import render

    (tmp_path / "x.plan").write_text("""plan p_x {
  title "Kế hoạch thực hiện Chương trình X"
  level district
  jurisdiction "Huyện An Lão"
  instrument "57/KH-UBND" dated 2021-05-18 {
    signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    signatory "Nguyễn Văn A"
  }
  responsibility "phòng Lao động – Thương binh và Xã hội" {
    text "Chủ trì triển khai Kế hoạch."
  }
}
""", "utf-8")
    result = render(load([str(tmp_path)]), "p_x", "md", "plan")
    assert result.ok, result.diagnostics
    md = result.data.decode("utf-8")
    assert "### 1. Phòng Lao động" in md and "### 1. phòng" not in md
