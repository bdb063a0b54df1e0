"""The unit index built slot by slot (registry/_unitindex.py) answers exactly as the index built whole.

The reference is the eager build as it was before the index became lazy (:func:`_eager_reference`,
kept here verbatim apart from names): every unit under every key, in the same order. The public
lookups are then asked a broad sample on a fresh slot index and on the eager one, and must agree,
answer for answer (matches and their order, status, hints, suggestions).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plandsl.language.model import Level
from plandsl.registry import _unitdata
from plandsl.registry import jurisdictions as J
from plandsl.registry._unitindex import TYPE_WORDS, Index, SlotIndex, fold_key, key, place_keys_of, split_type
from plandsl.registry.normalize import strip_accents, words

BEFORE = dt.date(2021, 1, 1)
AFTER = dt.date(2026, 1, 1)
P, D, C = Level.PROVINCE, Level.DISTRICT, Level.COMMUNE


def _eager_reference() -> Index:
    """The whole index as ``jurisdictions._build_index`` built it before slots (commit cb9332c)."""
    current = _unitdata.load_current()
    legacy, aliases = _unitdata.load_legacy(current)
    exact: dict = {}
    folded: dict = {}
    by_code: dict = {}
    for u in (*current, *legacy):
        slot = (u.legacy, u.level)
        exact.setdefault(slot, {}).setdefault(key(u.name), []).append(u)
        fk = fold_key(u.name)
        folded.setdefault(slot, {}).setdefault(fk, []).append(u)
        by_code[(u.legacy, u.level, u.code)] = u
        if u.legacy and u.level is Level.PROVINCE:
            for alias in aliases.get(f"p{u.code}", []):
                if alias != fk and u not in folded[slot].get(alias, []):
                    folded[slot].setdefault(alias, []).append(u)
    for u in current:
        if u.level is Level.PROVINCE:
            for alias, found in list(folded[(True, Level.PROVINCE)].items()):
                if any(f.name == u.name for f in found):
                    folded[(False, Level.PROVINCE)].setdefault(alias, [])
                    if u not in folded[(False, Level.PROVINCE)][alias]:
                        folded[(False, Level.PROVINCE)][alias].append(u)
    return Index((*current, *legacy), exact, folded, by_code)


@pytest.fixture(scope="module")
def eager() -> Index:
    return _eager_reference()


@pytest.fixture
def use(monkeypatch):
    """use(index): the lookups answer from ``index`` (their memos cleared)."""
    def _use(index) -> None:
        monkeypatch.setattr(J, "_index", lambda: index)
        J._search.cache_clear()
        J.place_keys.cache_clear()

    yield _use
    J._search.cache_clear()
    J.place_keys.cache_clear()


def _current_through_the_api() -> list:
    """``_unitdata.load_current`` as it was (commit cb9332c): the package's public API."""
    from vietnam_provinces import Province, VietNamDivisionType, Ward

    from plandsl.registry.model import UnitMatch

    units = []
    names: dict[int, tuple[str, str]] = {}
    for p in Province.iter_all():
        city = p.division_type is VietNamDivisionType.THANH_PHO_TRUNG_UONG
        short = p.name[len("Thành phố "):] if p.name.startswith("Thành phố ") else p.name
        full = p.name if city else f"Tỉnh {p.name}"
        code = f"{int(p.code):02d}"
        names[int(p.code)] = (code, full)
        units.append(UnitMatch(code=code, name=full, short_name=short, level=Level.PROVINCE,
                               kind="Thành phố" if city else "Tỉnh", legacy=False,
                               province_code=code, province_name=full))
    for w in Ward.iter_all():
        pcode, pname = names[int(w.province_code)]
        kind = w.division_type.value.capitalize()
        short = w.name[len(kind) + 1:] if w.name.lower().startswith(kind.lower() + " ") else w.name
        units.append(UnitMatch(code=f"{int(w.code):05d}", name=w.name, short_name=short, level=Level.COMMUNE,
                               kind=kind, legacy=False, province_code=pcode, province_name=pname))
    return units


def test_the_current_units_read_from_the_data_file_are_those_of_the_api(monkeypatch):
    expected = _current_through_the_api()
    assert len(expected) == 34 + 3321
    assert _unitdata.load_current() == expected  # every field, in the same order
    assert _unitdata.load_current_api() == expected
    # Without the data file, the API answers.
    real_is_file = Path.is_file
    monkeypatch.setattr(Path, "is_file", lambda self: self.name != "nested-divisions.json" and real_is_file(self))
    assert _unitdata.load_current() == expected


def _split_type_as_it_was(tokens: list[str]) -> tuple[tuple[str, ...], list[str]]:
    for prefix, kinds in TYPE_WORDS:
        n = len(prefix)
        if tuple(tokens[:n]) == prefix and len(tokens) > n:
            return kinds, tokens[n:]
    return (), tokens


def test_type_words_split_as_before(eager):
    names = [u.name for u in eager.units] + [f"{w} {u.short_name}" for u in eager.units[::50]
                                           for w in ("tp", "tx", "tt", "thành phố trực thuộc trung ương")]
    names += ["", "xã", "thị xã", "thành phố", "Thành phố Trực Thuộc", "tp. Huế", "đặc khu", "huyện huyện"]
    for name in names:
        tokens = words(name)
        assert split_type(tokens) == _split_type_as_it_was(tokens), name


def test_the_upper_legacy_rows_are_those_of_the_whole_read():
    current = _unitdata.load_current()
    legacy, aliases = _unitdata.load_legacy(current)
    upper, upper_aliases = _unitdata.load_legacy_upper(current)
    assert upper == [u for u in legacy if u.level is not Level.COMMUNE] and len(upper) > 600
    assert upper_aliases == aliases and aliases["p01"]


def test_every_slot_built_is_the_eager_index(eager):
    whole = SlotIndex().whole()
    assert whole.units == eager.units
    assert whole.by_code == eager.by_code
    for mine, theirs in ((whole.exact, eager.exact), (whole.folded, eager.folded)):
        assert set(mine) == set(theirs)
        for slot in theirs:  # every key, with its units in the same order
            assert mine[slot] == theirs[slot], slot
    assert place_keys_of(whole.units) == place_keys_of(eager.units)
    assert eager.folded[(False, P)]["hn"] and eager.folded[(True, P)]["hn"]  # aliases on both eras


def _sample(eager: Index) -> dict[str, list[tuple]]:
    """Queries by group: (function, args)."""
    cur_c = eager.units_of(False, C)
    cur_p = eager.units_of(False, P)
    old_p = eager.units_of(True, P)
    old_d = eager.units_of(True, D)
    old_c = eager.units_of(True, C)[::40]
    groups: dict[str, list[tuple]] = {}
    groups["current communes"] = (
        [("lookup", u.name, "commune", AFTER) for u in cur_c]
        + [("lookup", f"{u.name}, {u.province_name}", "commune", AFTER) for u in cur_c[::3]]
        + [("lookup", f"{u.kind} {strip_accents(u.short_name)}", "commune", AFTER) for u in cur_c[::5]]
        + [("lookup", strip_accents(u.name).lower(), "commune", AFTER) for u in cur_c[::97]]  # 'xa': no type
        + [("lookup", u.name, None, AFTER) for u in cur_c[::7]]
        + [("lookup", u.name, "commune", None) for u in cur_c[::11]]
        + [("lookup", u.name, "commune", BEFORE) for u in cur_c[::19]]  # some not yet
        + [("lookup", u.short_name, "commune", AFTER, u.province_name) for u in cur_c[::13]]
        + [("find_by_code", u.code, "commune", AFTER) for u in cur_c[::17]])
    groups["provinces"] = [
        (fn, name, level, on) for u in (*cur_p, *old_p) for name in (u.name, u.short_name, strip_accents(u.name))
        for level in ("province", None) for on in (BEFORE, AFTER, None) for fn in ("lookup", "candidates")]
    groups["provinces"] += [("find_by_code", u.code, "province", on) for u in (*cur_p, *old_p)
                            for on in (BEFORE, AFTER, None)]
    groups["districts"] = (
        [("lookup", u.name, "district", on) for u in old_d for on in (BEFORE, AFTER)]
        + [("lookup", f"{u.name}, {u.province_name}", "district", BEFORE) for u in old_d]
        + [("lookup", strip_accents(u.short_name), "district", None) for u in old_d[::4]]
        + [("candidates", u.short_name, None, None) for u in old_d[::9]]
        + [("find_by_code", u.code, None, BEFORE) for u in old_d[::9]])
    groups["legacy communes"] = (
        [("lookup", u.name, "commune", on) for u in old_c for on in (BEFORE, AFTER)]
        + [("lookup", f"{u.name}, {u.district_name}, {u.province_name}", "commune", BEFORE) for u in old_c]
        + [("lookup", f"{u.kind} {strip_accents(u.short_name)}", None, None) for u in old_c[::3]]
        + [("lookup", strip_accents(u.name), "commune", None) for u in old_c[::25]]
        + [("find_by_code", u.code, "commune", BEFORE) for u in old_c[::5]]
        + [("find_by_code", u.code, None, None) for u in old_c[::5]])
    unknown = ["Xã Không Có Nơi Này", "Huyện Không Tên", "Tỉnh Bình Địn", "Phường Hoàn Kiếmm", "Xa Phuong Duc",
               "Huyện An Laõ", "Quảng Ngai", "Thành phố Hà Nộii", "12345", "999"]
    groups["unknown names, suggestions"] = [
        ("lookup", name, level, on) for name in unknown for level in ("commune", "district", "province", None)
        for on in (BEFORE, AFTER, None)]
    groups["containment and listings"] = (
        [("contains", p.name, u.name, on, "commune") for p, u in zip(cur_p * 9, cur_c[::10]) for on in (AFTER, None)]
        + [("contains", u.province_name, u.name, BEFORE, "district") for u in old_d[::5]]
        + [("contains", "Tỉnh Gia Lai", u.name, None, "district") for u in old_d[::5]]
        + [("iter_units", level, legacy, province) for level in ("province", "district", "commune")
           for legacy in (False, True) for province in (None, "Gia Lai", "Tỉnh Bình Định", "01", "Hà Nội")]
        + [("place_keys",)])
    return groups


def _ask(query: tuple):
    fn, *args = query
    found = getattr(J, fn)(*args)
    return tuple(found) if fn == "iter_units" else found


def _answers(queries: list[tuple]) -> list:
    out = []
    for q in queries:
        try:
            out.append(_ask(q))
        except Exception as exc:  # noqa: BLE001 - an error is an answer too, and must be the same
            out.append((type(exc).__name__, str(exc)))
    return out


def test_slot_index_answers_as_the_eager_index(eager, use):
    groups = _sample(eager)
    assert sum(map(len, groups.values())) > 8000
    expected = {}
    for name, queries in groups.items():
        use(eager)
        expected[name] = _answers(queries)
        use(SlotIndex())  # fresh: each group starts with nothing built
        got = _answers(queries)
        assert [q for q, a, b in zip(queries, expected[name], got) if a != b] == [], name
    statuses = {a.status for answers in expected.values() for a in answers if isinstance(a, J.UnitLookup)}
    assert statuses == {"found", "ambiguous", "not_found", "defunct", "not_yet"}
    assert any(a.hint and a.hint.endswith("?") for a in expected["unknown names, suggestions"])
    # All groups on one index, in another order: the order slots are built in does not matter.
    use(SlotIndex())
    for name in reversed(list(groups)):
        got = _answers(groups[name])
        assert [q for q, a, b in zip(groups[name], expected[name], got) if a != b] == [], name


def test_a_current_era_commune_check_leaves_the_legacy_communes_unbuilt(use):
    index = SlotIndex()
    use(index)
    found = J.lookup("Xã Yên Minh, Tỉnh Tuyên Quang", "commune", AFTER)
    assert found.status == "found" and found.unit.code == "00820"
    assert J.contains("Tỉnh Tuyên Quang", found.unit, AFTER) is True
    assert J.lookup("Tỉnh Tuyên Quang", "province", AFTER).status == "found"
    assert "tuyênquang" in J.place_keys() and "anlão" in J.place_keys()  # both eras' districts too
    assert len(list(J.iter_units("commune"))) == 3321
    assert (True, C) not in index._built and index._legacy is None
    # A name that falls through to the other era, or a legacy commune by code, builds them.
    assert J.lookup("Phường Phúc Xá", "commune", AFTER).status == "defunct"
    assert (True, C) in index._built
