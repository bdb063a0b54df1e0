"""Agency registry: agencies.yaml schema and dates, and matching of real names from the seed plans."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
import yaml

from plandsl.language.model import Level
from plandsl.registry.agencies import AGENCIES_YAML, SCHEMA_JSON, AgencyRegistry, normalise_agency
from plandsl.registry.model import RegistryError

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # ../shared/seeds beside the repository
D2021 = dt.date(2021, 4, 19)
D2026 = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(AGENCIES_YAML.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reg() -> AgencyRegistry:
    return AgencyRegistry.load()


# ------------------------------------------------------------------ the data file
def test_yaml_matches_schema(raw):
    jsonschema = pytest.importorskip("jsonschema")
    as_json = json.loads(json.dumps(raw, default=str))  # YAML dates -> ISO strings
    jsonschema.validate(as_json, json.loads(SCHEMA_JSON.read_text(encoding="utf-8")))


def test_schema_rejects_a_string_assignable(raw):
    jsonschema = pytest.importorskip("jsonschema")
    bad = json.loads(json.dumps(raw, default=str))
    bad["types"][0]["assignable"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json.loads(SCHEMA_JSON.read_text(encoding="utf-8")))


def test_ids_unique_and_successors_exist_and_dates_ordered(reg):
    ids = [t.id for t in reg.types]
    assert len(ids) == len(set(ids))
    for t in reg.types:
        assert isinstance(t.assignable, bool)
        if t.valid_from and t.valid_to:
            assert t.valid_from <= t.valid_to, t.id
        if t.successor:
            succ = reg.get(t.successor.id)
            assert succ is not None, t.id
            assert t.valid_to is not None and t.valid_to < t.successor.date, t.id
            assert t.successor.date == t.valid_to + dt.timedelta(days=1), t.id
            assert succ.valid_from is None or succ.valid_from <= t.successor.date, t.id
            assert succ.valid_to is None or succ.valid_to >= t.successor.date, t.id
            assert isinstance(t.successor.verified, bool)
        for other, _ in t.also_to:
            assert reg.get(other) is not None, t.id


def test_spellings_do_not_collide_across_types(reg):
    """Two types may share a matching key only when the level tells them apart."""
    for key, entries in reg.keys().items():
        claims: dict[Level, set[str]] = {}
        for t, lv in entries:
            for level in ([lv] if lv else t.levels):
                claims.setdefault(level, set()).add(t.id)
        assert all(len(ids) == 1 for ids in claims.values()), (key, claims)


def test_variants_are_not_split_by_yaml_commas(raw):
    for t in raw["types"]:
        for v in t.get("variants", []) + list(t["names"].values()):
            assert isinstance(v, str) and len(v) >= 2, (t["id"], v)


def test_mass_organisations_are_request_only(reg):
    for t in reg.types:
        if t.kind in ("mass_org", "party", "elected"):
            assert t.assignable is False, t.id


def test_2025_reform_dates(reg):
    assert reg.get("so-ldtbxh").valid_to == dt.date(2025, 2, 28)
    assert reg.get("so-ldtbxh").successor.id == "so-noi-vu"
    assert reg.get("so-khdt").successor.id == "so-tai-chinh"
    assert reg.get("so-tttt").successor.id == "so-khcn"
    assert reg.get("bo-ldtbxh").successor.id == "bo-noi-vu"
    assert reg.get("phong-ldtbxh").successor.id == "phong-noi-vu"
    assert reg.get("ubnd-cap-huyen").valid_to == dt.date(2025, 6, 30)


def test_broken_file_is_a_clean_error(tmp_path):
    bad = tmp_path / "agencies.yaml"
    bad.write_text("version: 1\ntypes:\n  - id: x\n    kind: government\n    names: {province: Sở X}\n"
                   "    assignable: true\n    valid_to: 2025-02-28\n"
                   "    successor: {id: missing, date: 2025-03-01, verified: false}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="unknown type 'missing'"):
        AgencyRegistry.load(bad)


@pytest.mark.parametrize("pattern", ["^(unclosed", "a)|(?:b"])
def test_a_bad_pattern_is_a_clean_error_on_loading_or_on_first_use(tmp_path, pattern):
    """A pattern that does not compile is named in a RegistryError: on loading when the patterns cannot
    be combined into the quick test, else when the quick test first matches (they are compiled lazily)."""
    path = tmp_path / "agencies.yaml"
    path.write_text("version: 1\ntypes:\n  - id: x\n    kind: government\n    names: {province: Sở X}\n"
                    f"    assignable: true\n    patterns: ['{pattern}']\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="bad pattern"):
        AgencyRegistry.load(path).resolve("b")


def test_collective_patterns_compile_when_first_needed_and_resolve():
    reg = AgencyRegistry.load(AGENCIES_YAML)  # a fresh one: the shared registry may have compiled them
    assert reg.resolve("Sở Y tế", Level.PROVINCE)[0].id == "so-y-te"
    assert reg._compiled is None  # no name so far needed the patterns one by one
    assert reg.resolve("các bộ, ngành")[0].id == "bo-nganh"
    assert reg.resolve("Ủy ban nhân dân các xã, phường")[0].id == "ubnd-cap-xa"
    assert reg.resolve("Ủy ban nhân dân các tỉnh, thành phố")[0].id == "ubnd-cac-tinh"


# ------------------------------------------------------------------ matching
def test_defunct_in_2026_with_successor(reg):
    m = reg.match("Sở Lao động - Thương binh và Xã hội", Level.PROVINCE, D2026)
    assert m.status == "defunct"
    assert m.successor_name == "Sở Nội vụ" and m.successor_date == dt.date(2025, 3, 1)
    assert m.current.id == "so-noi-vu" and m.verified is False and m.instrument
    assert ("Sở Y tế", "bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội") in m.also_to


def test_typo_of_a_defunct_department_suggests_it_and_its_successor(reg):
    m = reg.match("Sở Lao động - Thương binh và Xã hud", "province", D2026)
    assert m.status == "unknown"
    assert m.hint == "Did you mean 'Sở Lao động - Thương binh và Xã hội'?"
    assert m.suggestion.status == "defunct" and m.suggestion.successor_name == "Sở Nội vụ"


def test_the_suggestion_index_is_made_only_for_an_unknown_name():
    """Known names never need the spellings' suggestion index, so a check of one commune that names only
    known bodies does not make it (~2 ms of making the registry); the first unknown name makes it."""
    fresh = AgencyRegistry(AgencyRegistry.load().types)
    assert fresh.match("Sở Y tế", "province", D2026).status == "known"
    assert fresh.resolve("Phòng Văn hóa - Xã hội", Level.COMMUNE) is not None
    assert fresh._display_index is None
    m = fresh.match("Sở Lao động - Thương binh và Xã hud", "province", D2026)
    assert m.hint == "Did you mean 'Sở Lao động - Thương binh và Xã hội'?"
    assert fresh._display_index is not None


def test_mat_tran_typo(reg):
    m = reg.match("Ủy ban Mật trận Tổ quốc", "province", D2021)
    assert m.status == "unknown"
    assert "Ủy ban Mặt trận Tổ quốc" in m.hint
    assert m.suggestion.id == "mttq" and m.suggestion.assignable is False


@pytest.mark.parametrize("name, level, expected", [
    ("Sở LĐTBXH", "province", "so-ldtbxh"),
    ("Sở LĐ-TB&XH", "province", "so-ldtbxh"),
    ("Sở Lao động – Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("Sở Lao động-Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("Sở Y tế tỉnh Quảng Ngãi", "province", "so-y-te"),
    ("Giám đốc Sở Kế hoạch và Đầu tư", "province", "so-khdt"),
    ("Thủ trưởng Sở Tư pháp", "province", "so-tu-phap"),
    ("phòng Lao động – Thương binh và Xã hội", "district", "phong-ldtbxh"),
    ("Phòng LĐTB&XH huyện", "district", "phong-ldtbxh"),
    ("Trưởng phòng Giáo dục và Đào tạo huyện An Lão", "district", "phong-gddt"),
    ("Công an tỉnh", "province", "cong-an"),
    ("Công an huyện", "district", "cong-an-huyen"),
    ("Uỷ ban nhân dân tỉnh", "province", "ubnd"),
    ("Ủy ban nhân dân huyện", "district", "ubnd-huyen"),
    ("Hội LHPN huyện", "district", "hoi-lhpn"),
    ("Bộ Lao động – Thương binh và Xã hội", "national", "bo-ldtbxh"),
    ("Bộ LĐ-TB&XH", "ministry", "bo-ldtbxh"),
])
def test_variants_resolve(reg, name, level, expected):
    m = reg.match(name, level, D2021)
    assert (m.status, m.id) == ("known", expected)


@pytest.mark.parametrize("name, expected", [
    ("các sở, ban, ngành", "so-ban-nganh"),
    ("Các Sở, ban ngành liên quan", "so-ban-nganh"),
    ("các cơ quan, đơn vị liên quan", "co-quan-lien-quan"),
    ("UBND các huyện, thành phố", "ubnd-cap-huyen"),
    ("Ủy ban nhân dân các huyện, thị xã và thành phố", "ubnd-cap-huyen"),
    ("các tổ chức chính trị - xã hội", "to-chuc-ctxh"),
    ("UBND các xã, phường, thị trấn", "ubnd-cap-xa"),
])
def test_collective_references(reg, name, expected):
    m = reg.match(name, "province", D2021)
    assert (m.status, m.id, m.collective) == ("known", expected, True)


def test_district_committees_collective_is_defunct_after_june_2025(reg):
    m = reg.match("UBND các huyện, thành phố", "province", D2026)
    assert m.status == "defunct" and m.current.id == "ubnd-cap-xa"


def test_wrong_level(reg):
    m = reg.match("Phòng Tư pháp", "province", D2021)
    assert m.status == "wrong_level" and m.id == "phong-tu-phap"
    assert reg.match("Sở Y tế", "district", D2021).status == "wrong_level"
    assert reg.match("Sở Y tế", None, D2021).status == "known"


def test_not_yet(reg):
    assert reg.match("Sở Nông nghiệp và Môi trường", "province", D2021).status == "not_yet"


def test_district_department_after_the_reform_has_no_current_successor(reg):
    m = reg.match("Phòng LĐTBXH", "district", D2026)
    assert m.status == "defunct" and m.successor_name == "Phòng Nội vụ" and m.current is None


def test_unrelated_text_is_unknown_without_suggestion(reg):
    m = reg.match("Sở ABC", "province", D2021)
    assert m.status == "unknown" and m.hint is None


def test_assignable(reg):
    assert reg.match("Sở Nội vụ", "province").assignable is True
    assert reg.match("Hội Nông dân tỉnh", "province").assignable is False
    assert reg.match("Tỉnh Đoàn TNCS Hồ Chí Minh", "province").assignable is False


def test_normalise_agency_strips_place_and_reports_level():
    key, level = normalise_agency("Sở Lao động- Thương binh và Xã hội tỉnh Vĩnh Long")
    assert key == normalise_agency("SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI")[0]
    assert level is Level.PROVINCE


# ------------------------------------------------------------------ the seeds
# (seed file, exact text in the seed, level of the plan, expected id or "typo")
SEED_NAMES = [
    ("000", "Giám đốc Sở Lao động - Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("000", "Sở Nội vụ", "province", "so-noi-vu"),
    ("000", "Sở Giáo dục và Đào tạo", "province", "so-gddt"),
    ("000", "SỞ GIÁO DỤC VÀ ĐÀO TẠO QUẢNG NGÃI", "province", "so-gddt"),
    ("000", "Sở Tư pháp", "province", "so-tu-phap"),
    ("000", "Sở Tài chính", "province", "so-tai-chinh"),
    ("000", "Sở Thông tin và Truyền thông", "province", "so-tttt"),
    ("000", "Sở Kế hoạch và Đầu tư", "province", "so-khdt"),
    ("000", "Sở Y tế", "province", "so-y-te"),
    ("000", "Công an tỉnh", "province", "cong-an"),
    ("000", "Sở Lao động- Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("000", "Ủy ban nhân dân các huyện, thị xã, thành phố", "province", "ubnd-cap-huyen"),
    ("000", "Ủy ban Mật trận Tổ quốc Việt Nam tỉnh", "province", "typo"),
    ("000", "Chánh Văn phòng UBND tỉnh", "province", "vp-ubnd-tinh"),
    ("000", "Chủ tịch UBND các huyện, thị xã, thành phố", "province", "ubnd-cap-huyen"),
    ("000", "Thủ trưởng các cơ quan, đơn vị có liên quan", "province", "co-quan-lien-quan"),
    ("000", "Bộ Lao động – Thương binh và Xã hội", None, "bo-ldtbxh"),
    ("000", "Cục Bảo trợ xã hội", None, "cuc-btxh"),
    ("000", "Thường trực Tỉnh ủy", "province", "tinh-uy"),
    ("000", "Thường trực HĐND tỉnh", "province", "hdnd"),
    ("000", "Ủy ban MTTQ Việt Nam tỉnh", "province", "mttq"),
    ("000", "Ban Tuyên giáo Tỉnh ủy", "province", "ban-tuyen-giao-tinh-uy"),
    ("000", "Các tổ chức chính trị - xã hội tỉnh", "province", "to-chuc-ctxh"),
    ("000", "Đài PT và TH tỉnh", "province", "dai-ptth-tinh"),
    ("000", "Báo Quảng Ngãi", "province", "bao-tinh"),
    ("000", "các sở, ban ngành", "province", "so-ban-nganh"),
    ("001", "phòng Lao động – Thương binh và Xã hội", "district", "phong-ldtbxh"),
    ("001", "Công an huyện", "district", "cong-an-huyen"),
    ("001", "Phòng Lao động - Thương binh và Xã hội huyện", "district", "phong-ldtbxh"),
    ("001", "Các cơ quan, đơn vị, địa phương liên quan", "district", "co-quan-lien-quan"),
    ("002", "Sở Lao động – Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("002", "Bộ Lao động – Thương binh và Xã hội", None, "bo-ldtbxh"),
    ("002", "Sở Thông tin và Truyền thông", "province", "so-tttt"),
    ("002", "Lao động – Thương binh và Xã hội", "province", "typo"),  # "Sở" left out in 2.3
    ("002", "UBND các huyện, thành phố", "province", "ubnd-cap-huyen"),
    ("002", "Ủy ban Mặt trận Tổ quốc tỉnh", "province", "mttq"),
    ("002", "Lao động – Thương binh Xã hội", "province", "typo"),  # as in "Sở Lao động – Thương binh Xã hội"
    ("002", "Ủy ban nhân dân các huyện, thành phố", "province", "ubnd-cap-huyen"),
    ("002", "các tổ chức chính trị – xã hội các cấp", "province", "to-chuc-ctxh"),
    ("002", "Các ngành chức năng liên quan", "province", "so-ban-nganh"),
    ("003", "Sở Lao động - Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("003", "Bộ Lao động, Thương binh và Xã hội", None, "bo-ldtbxh"),
    ("003", "Đài Phát thanh và Truyền hình tỉnh", "province", "dai-ptth-tinh"),
    ("003", "Báo Hà Nam", "province", "bao-tinh"),
    ("003", "Hội Nông dân tỉnh", "province", "hoi-nong-dan"),
    ("003", "Hội Liên hiệp Phụ nữ tỉnh", "province", "hoi-lhpn"),
    ("003", "Hội Cựu chiến binh tỉnh", "province", "hoi-ccb"),
    ("003", "Tỉnh Đoàn TNCS Hồ Chí Minh", "province", "doan-tncs"),
    ("003", "Ủy ban nhân dân các huyện, thành phố", "province", "ubnd-cap-huyen"),
    ("003", "Các Sở, Ban, ngành, các hội, đoàn thể", "province", "so-ban-nganh"),
    ("003", "Các cơ quan thông tấn báo chí truyền thông", "province", "bao-chi"),
    ("004", "Sở Lao động - Thương binh và Xã hội", "province", "so-ldtbxh"),
    ("004", "Sở Lao động- Thương binh và Xã hội tỉnh Vĩnh Long", "province", "so-ldtbxh"),
    ("004", "Sở Kế hoạch và Đầu tư", "province", "so-khdt"),
    ("004", "Các Sở, ngành liên quan", "province", "so-ban-nganh"),
    ("004", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Long", "province", "mttq"),
    ("004", "Ủy ban nhân dân các huyện, thị xã và thành phố", "province", "ubnd-cap-huyen"),
    ("004", "Bộ Lao động- Thương binh và Xã hội", None, "bo-ldtbxh"),
]


def _seed_text(prefix: str) -> str:
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"seed {prefix} not available under {SEEDS}")
    text = unicodedata.normalize("NFC", files[0].read_text(encoding="utf-8"))
    return " ".join(text.split())


@pytest.mark.parametrize("seed, name, level, expected", SEED_NAMES, ids=[f"{s}:{n}" for s, n, _, _ in SEED_NAMES])
def test_seed_names_resolve_or_are_real_typos(reg, seed, name, level, expected):
    assert name in _seed_text(seed), "the name must be copied from the seed"
    m = reg.match(name, level, D2021)
    if expected == "typo":
        assert m.status == "unknown" and m.hint and m.hint.startswith("Did you mean")
    else:
        assert (m.status, m.id) == ("known", expected), m


@pytest.mark.parametrize("name, expected", [
    # "đặc khu" is a commune-level unit from 2025-07-01 (Vân Đồn, Cô Tô, Côn Đảo, Phú Quốc ...)
    ("Công an đặc khu Vân Đồn", "cong-an"),
    ("Trạm Y tế đặc khu Cô Tô", "tram-y-te-xa"),
    ("Ủy ban nhân dân đặc khu Phú Quốc", "ubnd"),
    # a commune or ward named "Hội …" is a place, although "xã hội" (social) is not one
    ("Trạm Y tế xã Hội Hoan", "tram-y-te-xa"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Hội Hoan", "mttq"),
    ("Hội Liên hiệp Phụ nữ xã Hội Thịnh", "hoi-lhpn"),
    ("Phòng Văn hóa - Xã hội xã Hội Thịnh", "phong-vhxh-xa"),
    ("Phòng Văn hóa - Xã hội", "phong-vhxh-xa"),
    ("Phòng Văn hóa - Xã hội xã Hòa An", "phong-vhxh-xa"),
    ("Công an phường Hội An Tây", "cong-an"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam phường Hội Phú", "mttq"),
])
def test_commune_bodies_named_with_their_commune(reg, name, expected):
    m = reg.match(name, "commune", D2026)
    assert (m.status, m.id) == ("known", expected)
    assert normalise_agency(name)[1] in (Level.COMMUNE, None)


def test_social_in_a_body_name_is_not_a_commune(reg):
    """"xã hội" (social) stays part of the name: "Sở Lao động - Thương binh và Xã hội" is not a Sở of a
    commune called "hội", whatever its case."""
    for name in ("Sở Lao động - Thương binh và Xã hội", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                 "Sở Lao động - Thương binh và xã hội tỉnh Hà Nam"):
        assert reg.match(name, "province", D2021).id == "so-ldtbxh", name
