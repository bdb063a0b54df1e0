"""Generate a synthetic country of plan specs, with planted faults.

Deterministic: the same arguments give byte-identical files. Jurisdiction names
are real: the current structure (34 provinces, 3,321 communes, since 1 July
2025) comes from the ``vietnam-provinces`` package, the legacy structure (63
provinces and their districts) from ``vietnamadminunits``.

Each spec is ~100 lines: header, instrument, legal bases citing the parent,
two phases, five objectives with a target per phase, eight tasks with lead and
supporting agencies, responsibilities, a request to the Fatherland Front
(MTTQ), funding, a quantity with total and yearly average, and reports.

Known faults are planted and recorded in ``EXPECTED.json`` next to the specs:
a cycle (two leaves implementing each other, which also makes each the parent
of a plan at its own level), a duplicate plan id, three weaker targets (a
child target below its parent's for the same objective and phase), an unknown
parent and a percentage over 100. Each record gives the fault kind, the file
(relative to the manifest), the line and the plan. Every other spec is meant
to be clean: ``tests/test_bench_country.py`` checks that ``plandsl check``
finds exactly the planted faults.

Usage::

    python bench/gen_country.py --structure current --out bench/out/current
    python bench/gen_country.py --structure legacy --out bench/out/legacy
    python bench/gen_country.py --structure current --scale 10 --out bench/out/current-x10
    python bench/gen_country.py --provinces 3 --leaves 4 --out out/small   # 1 + 3 + 12
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "EXPECTED.json"
PERIOD = (2021, 2030)
PHASES = (("gd1", 2021, 2025, "Giai đoạn 2021-2025"), ("gd2", 2026, 2030, "Giai đoạn 2026-2030"))

# id, indicator, direction, national target per phase. All percentages so that
# targets at every level are comparable; one indicator improves downwards.
OBJECTIVES = (
    ("tro_giup", "Tỷ lệ đối tượng bảo trợ xã hội được trợ giúp, chăm sóc", "up", (90, 95)),
    ("dao_tao", "Tỷ lệ người làm công tác xã hội được đào tạo, bồi dưỡng nghiệp vụ", "up", (60, 80)),
    ("co_so", "Tỷ lệ cơ sở trợ giúp xã hội đạt tiêu chuẩn", "up", (70, 85)),
    ("tiep_can", "Tỷ lệ người có hoàn cảnh đặc biệt khó khăn được tiếp cận dịch vụ công tác xã hội", "up", (50, 70)),
    ("ngheo", "Tỷ lệ hộ nghèo đa chiều", "down", (4, 2)),
)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quân",
         "Sơn", "Thảo", "Trung", "Tuấn", "Vinh", "Yến")

TASKS = (
    ("tuyen_truyen", "Tuyên truyền, nâng cao nhận thức về công tác xã hội", ("tiep_can",)),
    ("dao_tao_nhan_luc", "Đào tạo, bồi dưỡng đội ngũ cán bộ, nhân viên, cộng tác viên công tác xã hội", ("dao_tao",)),
    ("nang_cap_co_so", "Củng cố, nâng cấp cơ sở trợ giúp xã hội", ("co_so",)),
    ("tro_giup_doi_tuong", "Rà soát, lập danh sách và trợ giúp đối tượng bảo trợ xã hội", ("tro_giup",)),
    ("giam_ngheo", "Lồng ghép công tác xã hội trong thực hiện chính sách giảm nghèo bền vững", ("ngheo",)),
    ("chuyen_doi_so", "Ứng dụng công nghệ thông tin, số hóa dữ liệu đối tượng", ("tro_giup", "tiep_can")),
    ("xa_hoi_hoa", "Huy động nguồn lực xã hội hóa cho công tác xã hội", ("co_so",)),
    ("kiem_tra", "Kiểm tra, giám sát, sơ kết, tổng kết việc thực hiện Kế hoạch", ("tro_giup",)),
)

LEVEL_WORDS = {"national": ("quốc_gia", "national"), "province": ("tỉnh", "province"),
               "district": ("huyện", "district"), "commune": ("xã", "commune")}


@dataclass
class Unit:
    """One jurisdiction and its plan."""

    level: str  # national | province | district | commune
    plan_id: str
    name: str  # e.g. "Tỉnh Quảng Ngãi"
    code: str
    rel: str  # file path relative to the output folder
    parent: "Unit | None" = None
    place: str = "Hà Nội"
    targets: dict = field(default_factory=dict)  # objective id -> (v1, v2)
    lang: str = "vi"
    era: str = "legacy"  # "current": issued after the 2025 reform, by the new units and agencies


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def short_name(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Quận ", "Huyện ", "Thị xã ", "Thị trấn "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def unit_kind(name: str) -> str:
    """'Tỉnh', 'Phường', 'Huyện' ... : the word before the proper name."""
    short = short_name(name)
    return name[: len(name) - len(short)].strip() or "Xã"


# ---------------------------------------------------------------- jurisdictions


def current_units(limit_provinces: int | None, limit_leaves: int | None) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(province name, code, [(commune name, code)]) from vietnam-provinces (34 provinces)."""
    from vietnam_provinces import Province, Ward

    wards: dict[int, list] = {}
    for w in Ward.iter_all():
        wards.setdefault(int(w.province_code), []).append(w)
    out = []
    for p in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        ws = sorted(wards.get(int(p.code), []), key=lambda w: int(w.code))
        name = p.name if p.name.startswith(("Thành phố ", "Tỉnh ")) else f"Tỉnh {p.name}"
        out.append((name, f"{int(p.code):02d}", [(w.name, f"{int(w.code):05d}") for w in ws][:limit_leaves]))
    return out[:limit_provinces]


def legacy_units(limit_provinces: int | None, limit_leaves: int | None) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(province name, code, [(district name, code)]) from vietnamadminunits (63 provinces)."""
    from vietnamadminunits.database.main import query

    rows = query("SELECT DISTINCT province, provinceCode, district, districtCode FROM admin_units_legacy "
                 "ORDER BY provinceCode, districtCode")
    provinces: dict[str, tuple[str, list]] = {}
    for r in rows:
        provinces.setdefault(r["provinceCode"], (r["province"], []))[1].append((r["district"], r["districtCode"]))
    out = [(name, code, ds[:limit_leaves]) for code, (name, ds) in sorted(provinces.items())]
    return out[:limit_provinces]


# ---------------------------------------------------------------- the country


def build_units(structure: str, limit_provinces: int | None, limit_leaves: int | None, scale: int) -> list[Unit]:
    leaf_level = "commune" if structure == "current" else "district"
    data = (current_units if structure == "current" else legacy_units)(limit_provinces, limit_leaves)
    nat = Unit("national", "ctxh_2030", "Việt Nam", "VN", "00_quoc_gia.plan")
    units = [nat]
    for pname, pcode, leaves in data:
        folder = f"{pcode}_{slug(short_name(pname))}"
        prov = Unit("province", f"ctxh_t{pcode}", pname, pcode, f"{folder}/tinh.plan", nat, short_name(pname))
        units.append(prov)
        for lname, lcode in leaves:
            for r in range(scale):
                suffix = "" if r == 0 else f"_r{r + 1}"
                prefix = "x" if leaf_level == "commune" else "h"
                sub = "xa" if leaf_level == "commune" else "huyen"
                units.append(Unit(leaf_level, f"ctxh_{prefix}{lcode}{suffix}", lname, lcode,
                                  f"{folder}/{sub}/{lcode}{suffix}.plan", prov, short_name(pname)))
    return units


def assign_targets(units: list[Unit], seed: int, structure: str) -> None:
    """Each plan's targets are at least as ambitious as its parent's (the clean case)."""
    for u in units:  # parents come before children in the list
        rng = random.Random(f"{seed}:targets:{u.plan_id}")
        if u.level != "national" and structure == "current":
            u.era = "current"
        u.lang = "en" if rng.random() < 0.1 else "vi"
        for oid, _, direction, national in OBJECTIVES:
            if u.parent is None:
                u.targets[oid] = national
                continue
            base = u.parent.targets[oid]
            if direction == "up":
                step = rng.choice((0, 0, 1, 2, 5))  # the same step for both phases keeps them monotonic
                u.targets[oid] = tuple(min(100, v + step) for v in base)
            else:
                step = rng.choice((0, 0, 0, 1))
                u.targets[oid] = tuple(max(0, v - step) for v in base)


# ---------------------------------------------------------------- writing specs


class Writer:
    """Writes one spec, keeping track of line numbers of interesting lines."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.marks: dict[str, int] = {}

    def kw(self, vi: str, en: str) -> str:
        return vi if self.lang == "vi" else en

    def add(self, text: str, mark: str | None = None) -> None:
        self.lines.append(text)
        if mark:
            self.marks[mark] = len(self.lines)


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def agencies(u: Unit) -> dict[str, str]:
    if u.level == "national":
        return {"ldtbxh": "Bộ Lao động - Thương binh và Xã hội", "yte": "Bộ Y tế", "taichinh": "Bộ Tài chính",
                "gddt": "Bộ Giáo dục và Đào tạo", "noivu": "Bộ Nội vụ", "khdt": "Bộ Kế hoạch và Đầu tư",
                "tttt": "Bộ Thông tin và Truyền thông", "congan": "Bộ Công an",
                "mttq": "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"}
    if u.level == "province" and u.era == "current":  # departments merged on 2025-03-01
        return {"ldtbxh": "Sở Nội vụ", "yte": "Sở Y tế", "taichinh": "Sở Tài chính",
                "gddt": "Sở Giáo dục và Đào tạo", "noivu": "Sở Nội vụ", "khdt": "Sở Tài chính",
                "tttt": "Sở Khoa học và Công nghệ", "congan": f"Công an {u.name[0].lower()}{u.name[1:]}",
                "mttq": f"Ủy ban Mặt trận Tổ quốc Việt Nam {u.name[0].lower()}{u.name[1:]}"}
    if u.level == "province":
        return {"ldtbxh": "Sở Lao động - Thương binh và Xã hội", "yte": "Sở Y tế", "taichinh": "Sở Tài chính",
                "gddt": "Sở Giáo dục và Đào tạo", "noivu": "Sở Nội vụ", "khdt": "Sở Kế hoạch và Đầu tư",
                "tttt": "Sở Thông tin và Truyền thông", "congan": f"Công an {u.name[0].lower()}{u.name[1:]}",
                "mttq": f"Ủy ban Mặt trận Tổ quốc Việt Nam {u.name[0].lower()}{u.name[1:]}"}
    short = short_name(u.name)
    kind = unit_kind(u.name).lower()
    if u.level == "district":
        return {"ldtbxh": "Phòng Lao động - Thương binh và Xã hội", "yte": "Trung tâm Y tế " + kind + " " + short,
                "taichinh": "Phòng Tài chính - Kế hoạch", "gddt": "Phòng Giáo dục và Đào tạo",
                "noivu": "Phòng Nội vụ", "khdt": "Phòng Tài chính - Kế hoạch", "tttt": "Phòng Văn hóa và Thông tin",
                "congan": f"Công an {kind} {short}", "mttq": f"Ủy ban Mặt trận Tổ quốc Việt Nam {kind} {short}"}
    return {"ldtbxh": "Phòng Văn hóa - Xã hội", "yte": f"Trạm Y tế {kind} {short}",
            "taichinh": "Phòng Kinh tế", "gddt": "Phòng Văn hóa - Xã hội", "noivu": "Văn phòng HĐND và UBND",
            "khdt": "Phòng Kinh tế", "tttt": "Trung tâm Phục vụ hành chính công",
            "congan": f"Công an {kind} {short}", "mttq": f"Ủy ban Mặt trận Tổ quốc Việt Nam {kind} {short}"}


def issuer(u: Unit) -> str:
    if u.level == "national":
        return "Thủ tướng Chính phủ"
    return f"Ủy ban nhân dân {u.name[0].lower()}{u.name[1:]}"


def instrument(u: Unit, seed: int) -> tuple[str, str]:
    """The number and date (ISO) of the instrument issuing a unit's plan."""
    if u.level == "national":
        return "112/QĐ-TTg", "2021-01-22"
    rng = random.Random(f"{seed}:instrument:{u.plan_id}")
    if u.era == "current":  # after the 2025 reform: two-level local government from 2025-07-01
        year, month = 2025, {"province": 8, "commune": 9}[u.level]
    else:
        year, month = (2021, 4) if u.level == "province" else (2021, 9)
    return f"{rng.randint(10, 999)}/KH-UBND", f"{year}-{month:02d}-{rng.randint(2, 28):02d}"


# The Fatherland Front (mttq) is a mass organisation: it is requested, never assigned a task.
TASK_AGENCIES = (("tttt", ("ldtbxh", "gddt")), ("ldtbxh", ("noivu", "taichinh")), ("ldtbxh", ("khdt", "taichinh")),
                 ("ldtbxh", ("yte", "congan")), ("ldtbxh", ("khdt",)), ("tttt", ("ldtbxh", "congan")),
                 ("ldtbxh", ("khdt", "taichinh")), ("ldtbxh", ("noivu",)))
# Report deadlines (day): each level reports before the level above it does.
REPORT_DAY = {"national": 20, "province": 15, "district": 10, "commune": 5}


def write_spec(u: Unit, seed: int, faults: dict[str, object]) -> Writer:
    rng = random.Random(f"{seed}:spec:{u.plan_id}")
    w = Writer(u.lang)
    k = w.kw
    ag = agencies(u)
    number, date = instrument(u, seed)
    plan_id = faults.get("duplicate_of", u.plan_id)
    where = "cả nước" if u.level == "national" else u.name
    w.add(f"# Kế hoạch thực hiện Chương trình phát triển công tác xã hội - {where}")
    w.add(f"{k('kế_hoạch', 'plan')} {plan_id} {{", mark="id")
    w.add(f"  {k('loại', 'kind')} {q('Chương trình' if u.level == 'national' else 'Kế hoạch')}")
    title = ("Chương trình phát triển công tác xã hội giai đoạn 2021-2030" if u.level == "national" else
             f"Kế hoạch thực hiện Chương trình phát triển công tác xã hội giai đoạn 2021-2030 trên địa bàn {u.name}")
    w.add(f"  {k('tên', 'title')} {q(title)}")
    w.add(f"  {k('cấp', 'level')} {LEVEL_WORDS[u.level][0 if u.lang == 'vi' else 1]}")
    w.add(f"  {k('địa_bàn', 'jurisdiction')} {q(u.name)} {k('mã', 'code')} {q(u.code)}")
    w.add(f"  {k('cơ_quan_ban_hành', 'issuer')} {q(issuer(u))}")
    w.add(f"  {k('văn_bản', 'instrument')} {q(number)} {k('ngày', 'dated')} {date} {{")
    w.add(f"    {k('địa_danh', 'place')} {q(u.place)}")
    signer = "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG" if u.level == "national" else "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    w.add(f"    {k('thẩm_quyền_ký', 'signer')} {q(signer)}")
    w.add(f"    {k('người_ký', 'signatory')} {q(person(rng))}")
    w.add(f"    {k('tờ_trình', 'proposal')} {q(f'{rng.randint(1, 200)}/TTr-LĐTBXH')} {k('ngày', 'dated')} "
          f"{date[:8]}{max(1, int(date[8:]) - 1):02d} {k('của', 'by')} {q(ag['ldtbxh'])}")
    w.add("  }")
    w.add(f"  {k('căn_cứ', 'basis')} {q('Luật Tổ chức chính quyền địa phương')} {k('ngày', 'dated')} 2015-06-19")
    w.add(f"  {k('căn_cứ', 'basis')} {q('Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương')} "
          f"{k('ngày', 'dated')} 2019-11-22")
    if u.parent is not None:
        p = u.parent
        pdoc = "Quyết định phê duyệt Chương trình phát triển công tác xã hội giai đoạn 2021-2030" if p.level == "national" \
            else f"Kế hoạch thực hiện Chương trình phát triển công tác xã hội của {issuer(p)}"
        pnum, pdate = instrument(p, seed)
        w.add(f"  {k('căn_cứ', 'basis')} {q(pdoc)} {k('số', 'number')} {q(pnum)} {k('ngày', 'dated')} {pdate}")
    w.add(f"  {k('thời_kỳ', 'period')} {PERIOD[0]}..{PERIOD[1]}")
    for pid, a, b, label in PHASES:
        w.add(f"  {k('giai_đoạn', 'phase')} {pid} {a}..{b} {q(label)}")
    parents = faults.get("parents")
    if parents is None and u.parent is not None:
        parents = [u.parent.plan_id]
    if parents:
        w.add(f"  {k('thực_hiện', 'implements')} {', '.join(parents)}", mark="implements")
    w.add(f"  {k('mục_tiêu_chung', 'general')} {q('Phát triển công tác xã hội trở thành nghề chuyên nghiệp, góp phần bảo đảm an sinh xã hội ' + ('trên địa bàn ' + u.name if u.parent else 'trên cả nước'))}")
    for oid, indicator, direction, _ in OBJECTIVES:
        w.add(f"  {k('mục_tiêu', 'objective')} {oid} {{")
        w.add(f"    {k('chỉ_số', 'indicator')} {q(indicator)}")
        w.add(f"    {k('đơn_vị', 'unit')} %")
        w.add(f"    {k('chiều', 'direction')} {k('tăng', 'up') if direction == 'up' else k('giảm', 'down')}")
        w.add(f"    {k('cách_tổng_hợp', 'aggregate')} {k('tỷ_lệ', 'share')}")
        cmp = ">=" if direction == "up" else "<="
        for (pid, *_), value in zip(PHASES, faults.get("targets", {}).get(oid, u.targets[oid])):
            w.add(f"    {k('chỉ_tiêu', 'target')} {pid} {cmp} {value}%", mark=f"target:{oid}:{pid}")
        w.add("  }")
    for i, (tid, text, serves) in enumerate(TASKS):
        lead, supports = TASK_AGENCIES[i]
        w.add(f"  {k('nhiệm_vụ', 'task')} {tid} {{")
        w.add(f"    {k('nội_dung', 'text')} {q(text)}")
        w.add(f"    {k('chủ_trì', 'lead')} {q(ag[lead])}")
        names = list(dict.fromkeys(ag[s] for s in supports if ag[s] != ag[lead]))
        if names:
            w.add(f"    {k('phối_hợp', 'support')} {', '.join(q(n) for n in names)}")
        w.add(f"    {k('thời_hạn', 'due')} {rng.choice((2025, 2030, 2025))} {k('phục_vụ', 'serves')} {', '.join(serves)}")
        w.add("  }")
    for key, duties in (("ldtbxh", ("Chủ trì, hướng dẫn, đôn đốc triển khai Kế hoạch", "Tổng hợp, báo cáo kết quả thực hiện")),
                        ("taichinh", ("Tham mưu bố trí kinh phí thực hiện Kế hoạch",)),
                        ("yte", ("Phối hợp chăm sóc sức khỏe cho đối tượng bảo trợ xã hội",)),
                        ("tttt", ("Đẩy mạnh tuyên truyền về công tác xã hội",))):
        body = " ".join(f"{k('nội_dung', 'text')} {q(d)}" for d in duties)
        w.add(f"  {k('trách_nhiệm', 'responsibility')} {q(ag[key])} {{ {body} }}")
    w.add(f"  {k('đề_nghị', 'request')} {q(ag['mttq'])} {{")
    w.add(f"    {k('nội_dung', 'text')} {q('Tuyên truyền, vận động các tầng lớp nhân dân tham gia thực hiện Kế hoạch')}")
    w.add(f"    {k('nội_dung', 'text')} {q('Giám sát việc thực hiện chính sách trợ giúp xã hội')}")
    w.add("  }")
    scale = {"national": 100_000_000, "province": 1_000_000, "district": 100_000, "commune": 10_000}[u.level]
    amount = rng.randint(5, 50) * scale * 1000
    w.add(f"  {k('kinh_phí', 'funding')} {q('Ngân sách nhà nước theo phân cấp hiện hành')} {k('số_tiền', 'amount')} {amount:_} {{")
    w.add(f"    {k('nội_dung', 'text')} {q('Lồng ghép trong dự toán chi thường xuyên hằng năm của các cơ quan, đơn vị')}")
    w.add("  }")
    w.add(f"  {k('kinh_phí', 'funding')} {q('Nguồn xã hội hóa và các nguồn hợp pháp khác')}")
    average = rng.randint(2, 40) * {"national": 1000, "province": 50, "district": 5, "commune": 1}[u.level]
    w.add(f"  {k('số_lượng', 'quantity')} nguoi_dao_tao {q('Người làm công tác xã hội được đào tạo, bồi dưỡng')} "
          f"{k('tổng', 'total')} {average * 5} {k('trong', 'over')} 5 {k('năm', 'years')} {k('bình_quân', 'average')} {average}")
    to = "Thủ tướng Chính phủ" if u.parent is None else issuer(u.parent)
    w.add(f"  {k('báo_cáo', 'report')} {k('sáu_tháng', 'semiannual')} {k('trước', 'before')} {REPORT_DAY[u.level]}/6 {k('gửi', 'to')} {q(to)}")
    w.add(f"  {k('báo_cáo', 'report')} {k('hằng_năm', 'annual')} {k('trước', 'before')} {REPORT_DAY[u.level]}/12 {k('gửi', 'to')} {q(to)}")
    recipients = [to, ag["ldtbxh"], ag["taichinh"], ag["mttq"], "Lưu: VT"]
    w.add(f"  {k('nơi_nhận', 'recipients')} {', '.join(q(r) for r in recipients)}")
    w.add("}")
    return w


# ---------------------------------------------------------------- faults


def plant_faults(units: list[Unit], seed: int) -> dict[str, dict]:
    """Choose leaves to carry each planted fault: plan id -> fault settings."""
    leaves = [u for u in units if u.level in ("commune", "district")]
    if len(leaves) < 9:
        raise SystemExit("gen_country: at least 9 leaf plans are needed to plant the faults")
    rng = random.Random(f"{seed}:faults")
    chosen = rng.sample(leaves, 9)
    cyc_a, cyc_b, dup_a, dup_b, weak1, weak2, weak3, unknown, over = chosen
    plan: dict[str, dict] = {}
    # A two-plan cycle: each implements the other. Both state the same targets,
    # so that no weaker-target finding arises between them.
    plan[cyc_a.plan_id] = {"kind": "cycle", "parents": [cyc_b.plan_id], "partner": cyc_b.plan_id}
    plan[cyc_b.plan_id] = {"kind": "cycle", "parents": [cyc_a.plan_id], "partner": cyc_a.plan_id}
    cyc_b.targets = dict(cyc_a.targets)
    # Duplicate id: the later file (by path) reuses the earlier one's id.
    first, second = sorted((dup_a, dup_b), key=lambda u: u.rel)
    plan[second.plan_id] = {"kind": "duplicate-id", "duplicate_of": first.plan_id, "first": first}
    for weak, oid in zip((weak1, weak2, weak3), ("tro_giup", "dao_tao", "ngheo")):
        parent_v = weak.parent.targets[oid]
        worse = (parent_v[0] - 10, parent_v[1]) if oid != "ngheo" else (parent_v[0] + 3, parent_v[1])
        plan[weak.plan_id] = {"kind": "weaker-target", "targets": {oid: worse}, "objective": oid, "phase": "gd1"}
    plan[unknown.plan_id] = {"kind": "unknown-parent", "parents": ["ctxh_khong_ton_tai"]}
    v1, _ = over.targets["tiep_can"]
    plan[over.plan_id] = {"kind": "percent-over-100", "targets": {"tiep_can": (v1, 105)}, "objective": "tiep_can",
                          "phase": "gd2"}
    return plan


# ---------------------------------------------------------------- main


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


def generate(out: Path, structure: str = "current", seed: int = 7, scale: int = 1,
             provinces: int | None = None, leaves: int | None = None, actuals: bool = False) -> dict:
    """Write the country under ``out`` and return the manifest (also written to EXPECTED.json)."""
    units = build_units(structure, provinces, leaves, scale)
    assign_targets(units, seed, structure)
    faults = plant_faults(units, seed)
    if out.exists():
        if not (out / MANIFEST).exists():
            raise SystemExit(f"gen_country: refusing to overwrite {out}: it is not a generated country")
        shutil.rmtree(out)
    records = []
    marks: dict[str, dict[str, int]] = {}
    for u in units:
        f = faults.get(u.plan_id, {})
        w = write_spec(u, seed, f)
        marks[u.plan_id] = w.marks
        atomic_write(out / u.rel, "\n".join(w.lines) + "\n")
    by_id = {u.plan_id: u for u in units}
    for pid, f in sorted(faults.items()):
        u = by_id[pid]
        kind = f["kind"]
        rec = {"kind": kind, "file": u.rel, "plan": pid}
        if kind == "cycle":
            # The two leaves are also parents at their own level, but a link inside a cycle
            # reports the cycle only (the root cause), not GR005 as well.
            rec.update(line=marks[pid]["implements"], partner=f["partner"])
        elif kind == "duplicate-id":
            first = f["first"]
            rec.update(line=marks[pid]["id"], plan=first.plan_id,
                       related={"file": first.rel, "line": marks[first.plan_id]["id"]})
        elif kind == "unknown-parent":
            rec.update(line=marks[pid]["implements"], parent=f["parents"][0])
        else:
            oid, phase = f["objective"], f["phase"]
            rec.update(line=marks[pid][f"target:{oid}:{phase}"], objective=oid, phase=phase)
            if kind == "weaker-target":
                parent = u.parent
                rec["related"] = {"file": parent.rel, "line": marks[parent.plan_id][f"target:{oid}:{phase}"]}
        records.append(rec)
    counts: dict[str, int] = {}
    for u in units:
        counts[u.level] = counts.get(u.level, 0) + 1
    manifest = {"structure": structure, "seed": seed, "scale": scale, "files": len(units), "counts": counts,
                "faults": sorted(records, key=lambda r: (r["file"], r["line"]))}
    atomic_write(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    if actuals:  # actual figures 2021-2025 with planted anomalies (bench/gen_actuals.py)
        import importlib.util

        spec = importlib.util.spec_from_file_location("gen_actuals", Path(__file__).resolve().parent / "gen_actuals.py")
        gen_actuals = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(gen_actuals)
        gen_actuals.generate_actuals(out, units, OBJECTIVES, seed)
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--structure", choices=("current", "legacy"), default="current")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default bench/out/<structure>)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", type=int, default=1, help="repeat every leaf plan N times")
    ap.add_argument("--provinces", type=int, default=None, help="keep only the first N provinces")
    ap.add_argument("--leaves", type=int, default=None, help="keep only the first N leaves per province")
    ap.add_argument("--actuals", action="store_true", help="also write actuals/*.csv (bench/gen_actuals.py)")
    args = ap.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent / "out" / (
        args.structure + (f"-x{args.scale}" if args.scale != 1 else ""))
    manifest = generate(out, args.structure, args.seed, args.scale, args.provinces, args.leaves, args.actuals)
    print(f"wrote {manifest['files']} specs ({', '.join(f'{v} {k}' for k, v in manifest['counts'].items())}) "
          f"and {len(manifest['faults'])} planted faults to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
