"""The real specs under specs/ parse cleanly and say what their source documents say."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from plandsl.language.model import Comparator, Cycle, Level, Mode, Plan, Unit
from plandsl.language.parser import parse_file

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
SEEDS = ROOT.parent / "shared" / "seeds"

SPEC_FILES = sorted(SPECS.rglob("*.plan"))

EXPECTED = {
    "ctxh-2021-2030/national.plan": "ctxh_112",
    "ctxh-2021-2030/quang-ngai.plan": "qng_ctxh_2021",
    "ctxh-2021-2030/an-lao.plan": "anlao_ctxh_2021",
    "ctxh-2010-2020/national.plan": "de_an_32",
    "ctxh-2010-2020/ministry-1305.plan": "kh_1305",
    "ctxh-2010-2020/ministry-990.plan": "kh_990",
    "ctxh-2010-2020/lang-son.plan": "ls_ctxh_2011",
    "ctxh-2010-2020/ha-nam.plan": "hnm_ctxh_2020",
    "tgxh-2017-2030/national.plan": "tgxh_488",
    "tgxh-2017-2030/vinh-long.plan": "vlg_tgxh_2018",
}


def load(rel: str) -> Plan:
    result = parse_file(str(SPECS / rel))
    assert result.diagnostics == (), [str(d) for d in result.diagnostics]
    assert result.plan is not None
    return result.plan


def targets(plan: Plan, objective_id: str) -> dict:
    """Targets of one objective as {phase: (comparator, value, base_year)}."""
    obj = plan.objective(objective_id)
    assert obj is not None, f"{plan.id} has no objective {objective_id}"
    return {t.phase: (t.comparator, t.value, t.base_year) for t in obj.targets}


def squash(text: str) -> str:
    """NFC (seed 004 is not NFC), whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


GE = Comparator.AT_LEAST


# ---------------------------------------------------------------- every spec


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(SPECS)))
def test_spec_parses_without_diagnostics(path: Path) -> None:
    result = parse_file(str(path))
    assert result.diagnostics == (), [str(d) for d in result.diagnostics]
    assert result.plan is not None


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(SPECS)))
def test_spec_is_nfc(path: Path) -> None:
    text = path.read_text("utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_every_expected_spec_exists_with_its_id() -> None:
    found = {str(p.relative_to(SPECS)): parse_file(str(p)).plan.id for p in SPEC_FILES}
    for rel, plan_id in EXPECTED.items():
        assert found.get(rel) == plan_id, rel


def test_plan_ids_are_unique() -> None:
    ids = [parse_file(str(p)).plan.id for p in SPEC_FILES]
    assert len(ids) == len(set(ids))


def test_every_parent_reference_resolves() -> None:
    plans = {p.id: p for p in (parse_file(str(f)).plan for f in SPEC_FILES)}
    for plan in plans.values():
        for parent in plan.parents:
            assert parent.plan_id in plans, f"{plan.id} implements unknown {parent.plan_id}"
            assert plans[parent.plan_id].level.rank < plan.level.rank


def test_every_served_objective_exists_in_the_plan_or_its_parents() -> None:
    plans = {p.id: p for p in (parse_file(str(f)).plan for f in SPEC_FILES)}
    for plan in plans.values():
        known = {o.id for o in plan.objectives} | {a.objective_id for a in plan.adoptions}
        for task in plan.all_tasks():
            for objective_id in task.serves:
                assert objective_id in known, f"{plan.id}.{task.id} serves unknown {objective_id}"


def test_keyword_sets() -> None:
    vi = {"ctxh-2021-2030/an-lao.plan", "ctxh-2010-2020/ha-nam.plan"}
    for rel in EXPECTED:
        assert load(rel).lang == ("vi" if rel in vi else "en"), rel


# ---------------------------------------------------------------- 112/QĐ-TTg chain

CTXH_OBJECTIVES = {"staffing", "trained", "facilities", "counselled", "children"}


def test_national_112() -> None:
    plan = load("ctxh-2021-2030/national.plan")
    assert plan.level is Level.NATIONAL
    assert plan.instrument.number == "112/QĐ-TTg"
    assert plan.instrument.date == dt.date(2021, 1, 22)
    assert plan.period == (2021, 2030)
    assert [(p.id, p.start, p.end) for p in plan.phases] == [("p1", 2021, 2025), ("p2", 2026, 2030)]
    assert {o.id for o in plan.objectives} == CTXH_OBJECTIVES
    # Confirmed figures (see the spec's header for sources).
    assert targets(plan, "staffing") == {"p1": (GE, 60, None), "p2": (GE, 90, None)}
    assert targets(plan, "trained")["p1"] == (GE, 30, None)
    assert targets(plan, "facilities") == {"p1": (GE, 50, None), "p2": (GE, 60, None)}
    assert targets(plan, "counselled") == {"p1": (None, 20, 2020), "p2": (None, 30, 2025)}
    assert targets(plan, "children")["p1"] == (GE, 85, None)
    assert len(plan.tasks) == 7


def test_quang_ngai_objectives_and_targets() -> None:
    plan = load("ctxh-2021-2030/quang-ngai.plan")
    assert plan.level is Level.PROVINCE
    assert [p.plan_id for p in plan.parents] == ["ctxh_112"]
    assert {o.id for o in plan.objectives} == CTXH_OBJECTIVES
    assert targets(plan, "staffing") == {"p1": (GE, 50, None), "p2": (GE, 80, None)}
    assert targets(plan, "trained") == {"p1": (GE, 60, None), "p2": (GE, 100, None)}
    assert targets(plan, "facilities") == {"p1": (GE, 50, None), "p2": (GE, 60, None)}
    assert targets(plan, "counselled") == {"p1": (None, 20, 2020), "p2": (None, 30, 2025)}
    assert targets(plan, "children") == {"p1": (GE, 90, None), "p2": (GE, 95, None)}
    for obj in plan.objectives:
        assert obj.unit is Unit.PERCENT and obj.indicator


def test_quang_ngai_instrument_and_structure() -> None:
    plan = load("ctxh-2021-2030/quang-ngai.plan")
    inst = plan.instrument
    assert (inst.number, inst.date, inst.place) == ("255/QĐ-UBND", dt.date(2021, 4, 19), "Quảng Ngãi")
    assert inst.signer == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and inst.signatory == "Võ Phiên"
    assert (inst.proposal.number, inst.proposal.date) == ("23/TTr-SLĐTBXH", dt.date(2021, 3, 31))
    assert [b.number for b in plan.bases if b.number] == ["112/QĐ-TTg"]
    assert len(plan.tasks) == 8                       # II.1 - II.8
    assert len(plan.all_tasks()) == 21                # with a), b), c) and dashes
    assigned = [r for r in plan.responsibilities if r.mode is Mode.ASSIGN]
    requested = [r for r in plan.responsibilities if r.mode is Mode.REQUEST]
    assert len(assigned) == 10 and len(requested) == 1   # Điều 2.1 - 2.10, 2.11
    assert len(plan.recipients) == 12
    quantities = {q.id: (q.total, q.years, q.average) for q in plan.quantities}
    assert quantities == {"degree_training": (100, 10, 10), "skills_training": (1000, 10, 100)}


def test_quang_ngai_keeps_seed_damage() -> None:
    plan = load("ctxh-2021-2030/quang-ngai.plan")
    requested = [r for r in plan.responsibilities if r.mode is Mode.REQUEST]
    assert "Mật trận" in requested[0].agency.name
    duties = " ".join(t.value for r in plan.responsibilities for t in r.duties)
    assert "để xuất xây dựng mạng lưới" in duties


def test_an_lao() -> None:
    plan = load("ctxh-2021-2030/an-lao.plan")
    assert plan.lang == "vi"
    assert plan.level is Level.DISTRICT
    assert plan.jurisdiction == "Huyện An Lão"
    assert [p.plan_id for p in plan.parents] == ["ctxh_112"]
    assert (plan.instrument.number, plan.instrument.date) == ("57/KH-UBND", dt.date(2021, 5, 18))
    assert plan.period == (2021, 2025)
    assert {o.id for o in plan.objectives} == CTXH_OBJECTIVES
    # The document's own (weaker) 2025 targets.
    assert targets(plan, "staffing") == {2025: (GE, 50, None)}
    assert targets(plan, "trained") == {2025: (GE, 25, None)}
    assert targets(plan, "facilities") == {2025: (GE, 40, None)}
    assert targets(plan, "counselled") == {2025: (None, 15, 2020)}
    assert targets(plan, "children") == {2025: (GE, 85, None)}
    assert len(plan.tasks) == 7                       # "Thứ nhất" ... "Thứ bảy"
    reports = {(r.cycle, r.day, r.month, r.to.name) for r in plan.reports}
    office = "Phòng Lao động - Thương binh và Xã hội huyện"
    assert reports == {(Cycle.SEMIANNUAL, 10, 6, office), (Cycle.ANNUAL, 10, 12, office),
                       (Cycle.MIDTERM, None, None, office), (Cycle.FINAL, None, None, office),
                       (Cycle.AD_HOC, None, None, office)}


def test_an_lao_comment_names_binh_dinh() -> None:
    text = (SPECS / "ctxh-2021-2030/an-lao.plan").read_text("utf-8")
    assert "Bình Định" in text


# ---------------------------------------------------------------- Đề án 32 chain


def test_national_32_and_ministry_plans() -> None:
    national = load("ctxh-2010-2020/national.plan")
    assert (national.instrument.number, national.instrument.date) == ("32/2010/QĐ-TTg", dt.date(2010, 3, 25))
    assert national.period == (2010, 2020)
    assert targets(national, "trained") == {"p1": (GE, 50, None), "p2": (GE, 70, None)}

    m1305 = load("ctxh-2010-2020/ministry-1305.plan")
    m990 = load("ctxh-2010-2020/ministry-990.plan")
    for plan, number, date, period in (
        (m1305, "1305/QĐ-LĐTBXH", dt.date(2010, 10, 22), (2010, 2015)),
        (m990, "990/QĐ-LĐTBXH", dt.date(2016, 7, 22), (2016, 2020)),
    ):
        assert plan.level is Level.MINISTRY
        assert [p.plan_id for p in plan.parents] == ["de_an_32"]
        assert (plan.instrument.number, plan.instrument.date, plan.period) == (number, date, period)
        assert {a.objective_id for a in plan.adoptions} == {o.id for o in national.objectives}


def test_lang_son() -> None:
    plan = load("ctxh-2010-2020/lang-son.plan")
    assert plan.level is Level.PROVINCE
    assert [p.plan_id for p in plan.parents] == ["de_an_32", "kh_1305"]
    inst = plan.instrument
    assert (inst.number, inst.date, inst.signatory) == ("411/QĐ-UBND", dt.date(2011, 3, 22), "Tô Hùng Khoa")
    assert (inst.proposal.number, inst.proposal.date) == ("143/TTr-SLĐTBXH", dt.date(2011, 3, 15))
    assert [b.number for b in plan.bases if b.number] == ["32/2010/QĐ-TTg", "1305/QĐ-LĐTBXH"]
    assert plan.period == (2011, 2015)
    assert targets(plan, "trained") == {"p1": (GE, 50, None)}
    assert plan.objective("legal") is None            # dropped: the checker reports it
    assert len(plan.tasks) == 7                       # 2.1 - 2.7
    for task in plan.tasks:
        assert len(task.leads) == 1, task.id          # every activity names one chủ trì
    assert plan.tasks[2].leads[0].name == "Lao động – Thương binh và Xã hội"   # as written
    assert [(f.amount, f.source) for f in plan.fundings] == [
        (Decimal(15_000_000_000), "Nguồn hỗ trợ từ trung ương và ngân sách địa phương")]
    quantities = {q.id: (q.total, q.years, q.average) for q in plan.quantities}
    assert quantities == {"degree_training": (120, 5, 24), "skills_training": (348, 5, 70)}
    requested = [r.agency.name for r in plan.responsibilities if r.mode is Mode.REQUEST]
    assert requested == ["Ủy ban Mặt trận Tổ quốc tỉnh"]


def test_lang_son_keeps_seed_damage() -> None:
    plan = load("ctxh-2010-2020/lang-son.plan")
    texts = " ".join([t.text or "" for t in plan.all_tasks()]
                     + [d.value for r in plan.responsibilities for d in r.duties])
    for damaged in ("cụng tác", "xó hội", "gia đỡnh", "chương trỡnh", "mó số", "viờn chức", "phỏt triển"):
        assert damaged in texts, damaged


def test_ha_nam() -> None:
    plan = load("ctxh-2010-2020/ha-nam.plan")
    assert plan.lang == "vi"
    assert plan.level is Level.PROVINCE
    assert [p.plan_id for p in plan.parents] == ["de_an_32", "kh_990"]
    assert plan.instrument is None                    # the seed gives no number or date
    assert plan.bases == ()  # "Thực hiện Quyết định số 32/2010/QĐ-TTg …; Quyết định số 990/QĐ-LĐTBXH …"
    assert [r.number for r in plan.implementing] == ["32/2010/QĐ-TTg", "990/QĐ-LĐTBXH"]
    assert targets(plan, "trained") == {"p2": (GE, 70, None)}
    assert len(plan.tasks) == 5                       # II.1 - II.5
    requested = [r for r in plan.responsibilities if r.mode is Mode.REQUEST]
    assert len(requested) == 1 and "Hội Nông dân tỉnh" in requested[0].agency.name
    assert [(q.total, q.years) for q in plan.quantities] == [(1000, 5)]


# ---------------------------------------------------------------- 488/QĐ-TTg chain


def test_tgxh_488_and_vinh_long() -> None:
    national = load("tgxh-2017-2030/national.plan")
    assert (national.instrument.number, national.instrument.date) == ("488/QĐ-TTg", dt.date(2017, 4, 14))
    assert national.vision == 2030

    plan = load("tgxh-2017-2030/vinh-long.plan")
    assert [p.plan_id for p in plan.parents] == ["tgxh_488"]
    inst = plan.instrument
    assert (inst.number, inst.date) == ("18/KH-SLĐTBXH", dt.date(2018, 4, 13))
    # The Sở's plan, approved by a decision of the Chủ tịch UBND tỉnh, which carries the signature.
    assert plan.issuer.startswith("Sở Lao động") and plan.authority == "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long"
    assert (plan.approval.by, plan.approval.signatory) == ("Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long", "Lữ Quang Ngời")
    assert (plan.approval.proposal.number, plan.approval.proposal.date) == ("78/TTr-SLĐTBXH", dt.date(2018, 4, 13))
    assert "488/QĐ-TTg" in [b.number for b in plan.bases]
    assert [r.number for r in plan.implementing] == ["2144/LĐTBXH-BTXH"]  # "Thực hiện Công văn số …"
    assert (plan.period, plan.vision) == ((2018, 2025), 2030)
    assert targets(national, "emergency") == {"p1": (GE, 100, None), "p2": (GE, 100, None), 2030: (GE, 100, None)}
    (held,) = plan.objective("emergency").targets  # "100% … hằng năm" in every phase: maintained
    assert (held.maintain, held.phase, held.through, held.value) == (True, 2018, 2030, 100)
    for p in (national, plan):
        assert targets(p, "services") == {"p1": (GE, 50, None), "p2": (GE, 70, None), 2030: (GE, 90, None)}
        assert targets(p, "comprehensive") == {"p1": (GE, 10, None), "p2": (GE, 30, None), 2030: (GE, 50, None)}
    assert len(plan.tasks) == 6                       # III.1 - III.6
    requested = [r for r in plan.responsibilities if r.mode is Mode.REQUEST]
    assert len(requested) == 1 and "Mặt trận" in requested[0].agency.name


# ---------------------------------------------------------------- faithful to the seeds

SEED_OF = {
    "ctxh-2021-2030/quang-ngai.plan": "000_a7ad0b52bbad5d6d.txt",
    "ctxh-2021-2030/an-lao.plan": "001_4e92dafdfbb2aef4.txt",
    "ctxh-2010-2020/lang-son.plan": "002_52abd5cfbeb1d39e.txt",
    "ctxh-2010-2020/ha-nam.plan": "003_504fae44cc88ca02.txt",
    "tgxh-2017-2030/vinh-long.plan": "004_933f96f0d1eedc94.txt",
}


@pytest.mark.parametrize("rel", sorted(SEED_OF))
def test_agency_names_and_duties_are_copied_from_the_seed(rel: str) -> None:
    seed = SEEDS / SEED_OF[rel]
    if not seed.exists():
        pytest.skip("seed texts not available")
    source = squash(seed.read_text("utf-8")).lower()
    plan = load(rel)
    for r in plan.responsibilities:
        for duty in r.duties:
            # Duties are copied verbatim, give or take a leading dash, the case of the
            # first letter (where the agency name was the subject) and a final stop.
            assert squash(duty.value).rstrip(".").lower() in source, (r.agency.name, duty.value[:60])
    for task in plan.all_tasks():
        for agency in task.leads + task.supports:
            assert agency.name.lower() in source, (task.id, agency.name)


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.relative_to(SPECS).as_posix())
def test_shipped_specs_are_formatted(path) -> None:
    """The shipped specs are in canonical layout: `plandsl fmt --check specs/` passes."""
    from plandsl.language.printer import format_bytes

    data = path.read_bytes()
    result = format_bytes(data, str(path))
    assert result.formatted is not None and result.formatted.encode("utf-8") == data
