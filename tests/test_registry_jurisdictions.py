"""Jurisdiction registry: real units from vietnam-provinces and vietnamadminunits."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from plandsl.language.model import Level
from plandsl.registry import jurisdictions as J

BEFORE = dt.date(2021, 5, 18)  # An Lão's Kế hoạch 57/KH-UBND
AFTER = dt.date(2026, 1, 1)


def test_counts_match_the_packages():
    assert len(list(J.iter_units(Level.PROVINCE))) == 34
    assert len(list(J.iter_units(Level.COMMUNE))) == 3321
    assert len(list(J.iter_units(Level.PROVINCE, legacy=True))) == 63
    assert list(J.iter_units(Level.DISTRICT)) == []  # no districts from 2025-07-01
    assert len(list(J.iter_units(Level.DISTRICT, legacy=True))) > 600


def test_an_lao_is_ambiguous_without_province():
    result = J.lookup("Huyện An Lão", "district", BEFORE)
    assert result.status == "ambiguous"
    assert sorted(u.province_name for u in result.matches) == ["Thành phố Hải Phòng", "Tỉnh Bình Định"]
    assert J.find_unit("Huyện An Lão", "district", BEFORE) is None
    districts = [u for u in J.candidates("An Lão") if u.level is Level.DISTRICT]
    assert len(districts) == 2


@pytest.mark.parametrize("query, province", [
    ("Huyện An Lão, Tỉnh Bình Định", None),
    ("huyện an lão tỉnh bình định", None),
    ("An Lão", "Bình Định"),
    ("Huyện An Lão", "Tỉnh Bình Định"),
    ("Huyện An Lão", "Gia Lai"),  # the current province that took Bình Định in
])
def test_an_lao_of_binh_dinh_is_now_in_gia_lai(query, province):
    unit = J.find_unit(query, "district", BEFORE, province=province)
    assert unit is not None
    assert (unit.code, unit.legacy, unit.province_name) == ("542", True, "Tỉnh Bình Định")
    assert unit.successor_name == "Tỉnh Gia Lai" and unit.renamed


def test_agrees_with_vietnamadminunits_public_conversion():
    from vietnamadminunits import convert_address

    converted = convert_address("Huyện An Lão, Tỉnh Bình Định")
    unit = J.find_unit("Huyện An Lão, Tỉnh Bình Định", "district", BEFORE)
    assert converted.province == unit.successor_name


def test_province_names_with_and_without_prefix():
    assert J.find_unit("Tỉnh Quảng Ngãi", "province", AFTER).code == "51"
    assert J.find_unit("Quảng Ngãi", on_date=AFTER).level is Level.PROVINCE  # the province before the city
    assert J.find_unit("TỈNH QUẢNG NGÃI", "province", BEFORE).legacy
    assert J.find_unit("Thành phố Quảng Ngãi", on_date=BEFORE).level is Level.DISTRICT
    assert J.find_unit("Khánh Hoà", "province", AFTER).name == "Tỉnh Khánh Hòa"  # old tone placement
    assert J.find_unit("TP. Hồ Chí Minh", "province", AFTER).code == "79"


def test_nfd_input_is_accepted():
    import unicodedata

    assert J.find_unit(unicodedata.normalize("NFD", "Tỉnh Lạng Sơn"), "province", BEFORE).code == "20"


def test_codes_depend_on_the_date():
    assert J.find_by_code("52", "province", BEFORE).name == "Tỉnh Bình Định"
    assert J.find_by_code("52", "province", AFTER).name == "Tỉnh Gia Lai"
    assert J.lookup("542", "district", BEFORE).unit.name == "Huyện An Lão"


def test_merged_province_is_defunct_after_the_reform():
    result = J.lookup("Tỉnh Bình Định", "province", AFTER)
    assert result.status == "defunct"
    assert result.matches[0].successor_name == "Tỉnh Gia Lai"
    assert "Gia Lai" in result.hint
    assert J.lookup("Huyện An Lão, Tỉnh Bình Định", "district", AFTER).status == "defunct"


def test_kon_tum_went_into_quang_ngai():
    assert J.find_unit("Kon Tum", "province", BEFORE).successor_name == "Tỉnh Quảng Ngãi"


def test_current_commune_before_the_reform_is_not_yet():
    # Phường Quy Nhơn (Gia Lai) is a current commune name; the legacy Quy Nhơn was a city (district level).
    result = J.lookup("Phường Quy Nhơn", "commune", BEFORE)
    assert result.status == "not_yet"


def test_unknown_unit_gets_did_you_mean():
    result = J.lookup("Tỉnh Quảng Ngải", "province", AFTER)
    # accent slips are matched, but flagged as approximate
    assert result.status == "found" and result.approximate
    result = J.lookup("Tỉnh Quang Ngà", "province", AFTER)
    assert result.status == "not_found" and "Quảng Ngãi" in (result.hint or "")


def test_contains_detects_a_district_in_the_wrong_province():
    assert J.contains("Tỉnh Quảng Ngãi", "Huyện An Lão", BEFORE, "district") is False
    assert J.contains("Tỉnh Bình Định", "Huyện An Lão", BEFORE, "district") is True
    assert J.contains("Thành phố Hải Phòng", "Huyện An Lão", BEFORE, "district") is True
    assert J.contains("Tỉnh Gia Lai", "Huyện An Lão, Tỉnh Bình Định", None, "district") is True
    assert J.contains("Tỉnh Không Có", "Huyện An Lão", BEFORE) is None


def test_legacy_commune_successor():
    unit = J.find_unit("Thị trấn An Lão, Huyện An Lão, Tỉnh Bình Định", "commune", BEFORE)
    assert unit is not None and unit.successor_name == "Xã An Lão" and unit.successor_province_name == "Tỉnh Gia Lai"


def test_bad_level_is_a_clean_error():
    with pytest.raises(ValueError):
        J.lookup("Quảng Ngãi", "galaxy")


def test_plandsl_import_does_not_load_unit_packages():
    code = ("import sys, plandsl, plandsl.cli, plandsl.registry, plandsl.registry.jurisdictions, "
            "plandsl.registry.agencies; "
            "print(sorted(m for m in ('vietnam_provinces', 'vietnamadminunits', 'yaml', 'rapidfuzz') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _clear(j) -> None:
    j._index.cache_clear()
    j._full_index.cache_clear()
    j._search.cache_clear()
    j.place_keys.cache_clear()
    j._TO_STORE.clear()


def test_unit_index_disk_cache_is_used_and_damage_is_rebuilt(tmp_path, monkeypatch):
    import sqlite3

    from plandsl.registry import _unitcache
    from plandsl.registry import jurisdictions as j
    from plandsl.registry._unitindex import SlotIndex

    monkeypatch.setenv("PLANDSL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(j, "DISK_CACHE", True)
    _clear(j)
    db = tmp_path / "cache.sqlite3"

    def stored(value: str | None = None) -> str:
        with sqlite3.connect(db) as conn:
            if value is not None:
                conn.execute("UPDATE entries SET value=? WHERE ns=?", (value, _unitcache.NAMESPACE))
            return conn.execute("SELECT value FROM entries WHERE ns=?", (_unitcache.NAMESPACE,)).fetchone()[0]

    try:
        built = j._full_index()
        good = stored()
        _clear(j)
        assert j._full_index() == built  # read back from the store
        units = good.index('"units":[[') + len('"units":[[')
        for damage in ("", "garbage", good[:100], good.replace('"PROVINCE"', '"NOPE"', 1),
                       good[:units] + "1," + good[units + 1:], '{"units":[],"exact":{},"folded":{}}'):
            stored(damage)
            _clear(j)
            assert j._full_index() == built
        monkeypatch.setattr(j, "DISK_CACHE", False)
        db.unlink()
        _clear(j)
        index = j._index()  # without the store: built slot by slot, the same when every slot is built
        assert isinstance(index, SlotIndex) and index.whole() == built and not db.exists()
    finally:
        _clear(j)


QUERIES = [("Huyện An Lão", "district", None), ("Huyện An Lão, Tỉnh Bình Định", "district", None),
           ("Tỉnh Bình Định", "province", "2021-06-01"), ("Tỉnh Gia Lai", "province", "2026-01-01"),
           ("Xã Phượng Dực", "commune", None), ("Thành phố Huế", None, None), ("hn", "province", None),
           ("Quảng Ngãi", None, "2021-01-01"), ("Không Có Nơi Này", "commune", None), ("51", "province", None)]


def _answers(j, queries=QUERIES) -> list:
    import datetime as dt

    out = []
    for name, level, on in queries:
        on_date = dt.date.fromisoformat(on) if on else None
        out.append((j.lookup(name, level, on_date), j.candidates(name, level, on_date),
                    j.find_by_code("542", "district", dt.date(2021, 1, 1))))
    return out


def test_lazy_unit_index_answers_as_the_whole_index(tmp_path, monkeypatch):
    import os
    import sqlite3

    from plandsl.registry import _unitcache
    from plandsl.registry import jurisdictions as j

    monkeypatch.setenv("PLANDSL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(j, "DISK_CACHE", False)
    _clear(j)
    try:
        expected = _answers(j)
        places = j.place_keys()
        monkeypatch.setattr(j, "DISK_CACHE", True)
        _clear(j)
        j._index()  # built slot by slot: nothing stored yet
        assert j.index_to_store()
        j.store_index()  # stores the whole index, with one row per lookup key (a check does this when it suits)
        assert not j.index_to_store()
        _clear(j)
        index = j._index()
        assert isinstance(index, _unitcache.LazyIndex)
        found = [q for q in QUERIES if q[0] != "Không Có Nơi Này"]
        assert _answers(j, found) == [a for q, a in zip(QUERIES, expected) if q in found]
        assert j.place_keys() == places and "quảngngãi" in places  # (agency names ending in a place)
        assert index._whole is None  # looked up row by row, the whole index never read
        assert _answers(j) == expected  # a unit not found: the suggestions read the whole index
        # In a forked process the lookups open their own connection.
        _clear(j)
        j._index()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            ok = _answers(j) == expected and j._index()._pid == os.getpid()
            os.write(write, b"1" if ok else b"0")
            os._exit(0)
        os.waitpid(pid, 0)
        assert os.read(read, 1) == b"1"
        # A damaged row: the whole index answers instead.
        with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
            conn.execute("UPDATE entries SET value='[[\"x\"]]' WHERE ns=? AND key NOT LIKE '%|complete'",
                         (_unitcache.KEYS_NAMESPACE,))
        _clear(j)
        assert _answers(j) == expected
        assert j._index()._whole is not None
    finally:
        _clear(j)


def test_a_partly_built_unit_index_stores_its_slots_and_falls_back_for_the_others(tmp_path, monkeypatch):
    """A first check of a current-era country builds the current communes and provinces, not the legacy
    communes: it stores the lookups of the slots it built (not ~10k legacy communes built just to store
    them), and a later lookup in a slot not stored reads the whole index, with the same answers."""
    import sqlite3

    from plandsl.registry import _unitcache
    from plandsl.registry import jurisdictions as j

    monkeypatch.setenv("PLANDSL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(j, "DISK_CACHE", False)
    _clear(j)
    try:
        expected = _answers(j)
        monkeypatch.setattr(j, "DISK_CACHE", True)
        _clear(j)
        today = dt.date(2026, 1, 1)
        current = j.lookup("Xã Phượng Dực", "commune", today), j.lookup("Tỉnh Gia Lai", "province", today)
        built = j._index().built_slots()
        assert (True, Level.COMMUNE) not in built and (False, Level.COMMUNE) in built
        j.store_index()
        with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
            rows = dict(conn.execute("SELECT key, value FROM entries WHERE ns=?", (_unitcache.KEYS_NAMESPACE,)))
            whole = conn.execute("SELECT count(*) FROM entries WHERE ns=?", (_unitcache.NAMESPACE,)).fetchone()[0]
        from plandsl.core.cachedb import CacheDB

        db = CacheDB()
        marker = db.get(_unitcache.KEYS_NAMESPACE, f"{_unitcache.index_key()}|complete")
        db.close()
        assert marker == ",".join(_unitcache._slot(s) for s in built) and whole == 0
        assert not any('"c|1:COMMUNE|' in v for v in rows.values())  # no legacy commune stored
        _clear(j)
        index = j._index()
        assert isinstance(index, _unitcache.LazyIndex)
        assert (j.lookup("Xã Phượng Dực", "commune", today), j.lookup("Tỉnh Gia Lai", "province", today)) == current
        assert index._whole is None  # the stored slots answered row by row
        assert _answers(j) == expected  # legacy communes and suggestions: the whole index
        assert index._whole is not None
    finally:
        _clear(j)
