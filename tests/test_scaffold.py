"""`plandsl new`: a child spec scaffolded from a real parent passes check."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandsl.cli import main
from plandsl.core.diagnostics import Severity
from plandsl.language.printer import format_text
from plandsl.project.loader import load
from plandsl.language.model import Level
from plandsl.language.parser import parse_text
from plandsl.author.scaffold import ScaffoldError, map_agency, scaffold, slug

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
NATIONAL = SPECS / "ctxh-2021-2030" / "national.plan"

pytestmark = pytest.mark.skipif(not NATIONAL.exists(), reason="needs specs/ctxh-2021-2030/national.plan")


@pytest.fixture(scope="module")
def specs():
    return load([str(SPECS)])


@pytest.fixture(scope="module")
def child_text(specs):
    return scaffold(specs, "ctxh_112", Level.PROVINCE, "Tỉnh Gia Lai")


def test_child_copies_the_parent(specs, child_text):
    parent = specs.by_id()["ctxh_112"]
    result = parse_text(child_text, "child.plan")
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == []
    child = result.plan
    assert child.id == "tinh_gia_lai_ctxh_112" and child.level is Level.PROVINCE
    assert [p.plan_id for p in child.parents] == ["ctxh_112"]
    assert child.period == parent.period and child.phases == parent.phases
    assert child.bases[0].number == parent.instrument.number and child.bases[0].date == parent.instrument.date
    assert child.instrument is None and "# TODO: instrument" in child_text
    # Every parent objective is written out with the same id and the parent's targets.
    assert [o.id for o in child.objectives] == [o.id for o in parent.objectives]
    for mine, theirs in zip(child.objectives, parent.objectives):
        assert mine.targets == theirs.targets and mine.unit == theirs.unit
    assert [t.id for t in child.all_tasks()] == [t.id for t in parent.all_tasks()]


def test_leads_are_mapped_to_the_child_level(specs, child_text):
    parent = specs.by_id()["ctxh_112"]
    child = parse_text(child_text).plan
    parent_leads = {a.name for t in parent.all_tasks() for a in t.leads}
    child_leads = {a.name for t in child.all_tasks() for a in t.leads}
    assert "Bộ Lao động - Thương binh và Xã hội" in parent_leads
    # Mapped to the province level, then to the bodies in force today (the new plan's date):
    # Sở Lao động - Thương binh và Xã hội was merged into Sở Nội vụ on 2025-03-01.
    assert "Sở Lao động - Thương binh và Xã hội" not in child_leads
    assert "Sở Nội vụ" in child_leads
    assert not any(name.startswith("Bộ ") for name in child_leads)


def test_map_agency():
    assert map_agency("Bộ Lao động - Thương binh và Xã hội", Level.NATIONAL, Level.PROVINCE) == \
        "Sở Lao động - Thương binh và Xã hội"
    assert map_agency("Sở Lao động - Thương binh và Xã hội", Level.PROVINCE, Level.DISTRICT) == \
        "Phòng Lao động - Thương binh và Xã hội"
    assert map_agency("Bộ Công an", Level.NATIONAL, Level.PROVINCE) == "Công an tỉnh"
    assert map_agency("Phòng Y tế", Level.DISTRICT, Level.COMMUNE) == "Ủy ban nhân dân xã"
    assert slug("Tỉnh Quảng Ngãi") == "tinh_quang_ngai" and slug("Đắk Lắk") == "dak_lak"


def test_scaffold_is_formatted_and_checks_clean(tmp_path, child_text):
    assert format_text(child_text).formatted == child_text
    out = tmp_path / "child.plan"
    out.write_text(child_text, "utf-8")
    from plandsl.check.pipeline import check_paths

    result = check_paths([str(SPECS), str(out)])
    mine = [d for d in result.diagnostics if d.span is not None and d.span.path == str(out)]
    assert [d for d in mine if d.severity is Severity.ERROR] == []


def test_bad_requests(specs):
    with pytest.raises(ScaffoldError, match="no plan 'ctxh_11'.*ctxh_112"):
        scaffold(specs, "ctxh_11", Level.PROVINCE, "Tỉnh Bình Định")
    with pytest.raises(ScaffoldError, match="cannot implement"):
        scaffold(specs, "qng_ctxh_2021", Level.PROVINCE, "Tỉnh Bình Định")


def test_new_command(tmp_path, capsys):
    out = tmp_path / "bd.plan"
    args = ["new", "--from", "ctxh_112", "--level", "tỉnh", "--jurisdiction", "Tỉnh Gia Lai",
            "--lang", "vi", "-o", str(out), str(SPECS)]
    assert main(args) == 0
    text = out.read_text("utf-8")
    assert "kế_hoạch tinh_gia_lai_ctxh_112 {" in text and "  thực_hiện ctxh_112\n" in text
    out.write_text("mine", "utf-8")
    assert main(args) == 1  # refuses to overwrite
    assert out.read_text("utf-8") == "mine"
    assert "already exists" in capsys.readouterr().err
    assert main(args + ["--force"]) == 0 and out.read_text("utf-8") == text
    assert main(["new", "--from", "nope", "--level", "province", "--jurisdiction", "X", "-o",
                 str(tmp_path / "n.plan"), str(SPECS)]) == 1
    assert not (tmp_path / "n.plan").exists()


def test_write_atomic(tmp_path):
    from plandsl.core.fsutil import write_atomic

    target = tmp_path / "a.plan"
    write_atomic(target, "kế_hoạch\n", overwrite=False)
    assert target.read_bytes() == "kế_hoạch\n".encode("utf-8")
    with pytest.raises(FileExistsError, match="already exists"):
        write_atomic(target, b"other", overwrite=False)
    assert target.read_bytes() == "kế_hoạch\n".encode("utf-8")
    target.chmod(0o640)
    write_atomic(target, b"new\r\n", overwrite=True)
    assert target.read_bytes() == b"new\r\n" and (target.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.plan"]  # no temporary files left


# ------------------------------------------------------------------ jurisdiction and agencies checked


def test_jurisdiction_is_looked_up_on_the_plans_date(specs):
    import datetime as dt

    today = dt.date(2026, 1, 1)
    warnings: list[str] = []
    text = scaffold(specs, "ctxh_112", Level.PROVINCE, "Tinh Quang Ngai", on_date=today, warn=warnings.append)
    plan = parse_text(text).plan
    assert plan.jurisdiction == "Tỉnh Quảng Ngãi" and plan.jurisdiction_code == "51"
    assert plan.title.endswith("trên địa bàn tỉnh Quảng Ngãi") and plan.id == "tinh_quang_ngai_ctxh_112"
    assert len(warnings) == 1 and "Tinh Quang Ngai" in warnings[0] and "Tỉnh Quảng Ngãi" in warnings[0]
    warnings.clear()
    scaffold(specs, "ctxh_112", Level.PROVINCE, "Tỉnh Quảng Ngãi", on_date=today, warn=warnings.append)
    assert warnings == []
    with pytest.raises(ScaffoldError, match="Tinh Quang Nga'.*Tỉnh Quảng Ngãi"):
        scaffold(specs, "ctxh_112", Level.PROVINCE, "Tinh Quang Nga", on_date=today)
    with pytest.raises(ScaffoldError, match="Xã Tân Hiệp, "):  # ambiguous: asks for the province
        scaffold(specs, "qng_ctxh_2021", Level.COMMUNE, "Tân Hiệp", on_date=today)
    with pytest.raises(ScaffoldError, match="Tỉnh Gia Lai"):  # merged into Gia Lai on 2025-07-01
        scaffold(specs, "ctxh_112", Level.PROVINCE, "Tỉnh Bình Định", on_date=today)
    with pytest.raises(ScaffoldError, match="district level.*--level commune"):
        scaffold(specs, "qng_ctxh_2021", Level.DISTRICT, "Huyện Ba Tơ", on_date=today)
    # Before the reform the district and Bình Định exist.
    old = parse_text(scaffold(specs, "ctxh_112", Level.PROVINCE, "Bình Định", on_date=dt.date(2021, 6, 1))).plan
    assert old.jurisdiction == "Tỉnh Bình Định"


def test_new_command_refuses_a_bad_jurisdiction(tmp_path, capsys):
    out = tmp_path / "x.plan"
    base = ["new", "--from", "ctxh_112", "-o", str(out), str(SPECS)]
    assert main(base + ["--level", "tỉnh", "--jurisdiction", "Tinh Quang Nga"]) == 1
    assert "Tỉnh Quảng Ngãi" in capsys.readouterr().err and not out.exists()
    assert main(base + ["--level", "huyện", "--jurisdiction", "Huyện Ba Tơ"]) == 1
    assert "--level commune" in capsys.readouterr().err and not out.exists()
    assert main(base + ["--level", "tỉnh", "--jurisdiction", "Tinh Quang Ngai"]) == 0
    assert "Tỉnh Quảng Ngãi" in capsys.readouterr().err
    assert 'jurisdiction "Tỉnh Quảng Ngãi"' in out.read_text("utf-8")


def _check_clean(tmp_path, text):
    from plandsl.check.pipeline import check_paths

    out = tmp_path / "child.plan"
    out.write_text(text, "utf-8")
    result = check_paths([str(SPECS), str(out)])
    return [d for d in result.diagnostics if d.span is not None and d.span.path == str(out)]


def test_no_support_repeats_the_lead(tmp_path, child_text):
    child = parse_text(child_text).plan
    for task in child.all_tasks():
        assert not {a.name for a in task.leads} & {a.name for a in task.supports}, task.id
    mine = _check_clean(tmp_path, child_text)
    assert [d for d in mine if d.code == "AG003"] == []


def test_responsibility_leads_become_task_leads(tmp_path, specs):
    text = scaffold(specs, "qng_ctxh_2021", Level.COMMUNE, "Xã Ba Tơ")
    child = parse_text(text).plan
    parent = specs.by_id()["qng_ctxh_2021"]
    named = {t for r in parent.responsibilities for t in r.lead_tasks}
    tasks = {t.id: t for t in child.all_tasks()}
    assert named and named <= set(tasks) and all(tasks[t].leads for t in named)
    mine = _check_clean(tmp_path, text)
    assert [d for d in mine if d.severity is Severity.ERROR] == []
    assert [d for d in mine if d.code in ("AG001", "AG003")] == []
