"""Load administrative units from the installed packages (slow-ish; called once, lazily).

* Current structure (from 2025-07-01): 34 provinces and 3,321 communes from
  ``vietnam_provinces`` (official codes; its data file, the same as its public
  ``Province``/``Ward`` API).
* Legacy structure (before 2025-07-01): 63 provinces, districts and communes
  from ``vietnamadminunits``' dataset (table ``admin_units_legacy``, the same
  table its public ``database.get_data`` reads), and its 2025 conversion table
  (``converter_2025.json``, the data behind ``convert_address``) for the
  legacy -> current successors.

The data files are opened directly instead of importing the packages, because
importing vietnamadminunits parses all of its JSON up front (~0.6 s), and
importing vietnam_provinces builds an enum of every ward code (~0.08 s).
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

from plandsl.language.model import Level
from plandsl.registry.model import RegistryError, UnitMatch


def _vau_data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RegistryError("the package 'vietnamadminunits' is not installed; legacy units are unavailable")
    folder = Path(list(spec.submodule_search_locations)[0]) / "data"
    if not (folder / "dataset.db").is_file() or not (folder / "converter_2025.json").is_file():
        raise RegistryError(f"vietnamadminunits data files are missing from {folder}")
    return folder


def _strip_city(name: str) -> str:
    return name[len("Thành phố "):] if name.startswith("Thành phố ") else name


_CITY = "thành phố trung ương"  # the value of VietNamDivisionType.THANH_PHO_TRUNG_UONG


def _current_units(provinces, wards) -> list[UnitMatch]:
    """``provinces``: (name, code, division type); ``wards``: (name, code, division type, province code)."""
    units: list[UnitMatch] = []
    names: dict[int, tuple[str, str]] = {}
    for name, number, division_type in provinces:
        city = division_type == _CITY
        short = _strip_city(name)
        full = name if city else f"Tỉnh {name}"
        code = f"{int(number):02d}"
        names[int(number)] = (code, full)
        units.append(UnitMatch(code=code, name=full, short_name=short, level=Level.PROVINCE,
                               kind="Thành phố" if city else "Tỉnh", legacy=False,
                               province_code=code, province_name=full))
    for name, number, division_type, province in wards:
        pcode, pname = names[int(province)]
        kind = division_type.capitalize()
        short = name[len(kind) + 1:] if name.lower().startswith(kind.lower() + " ") else name
        units.append(UnitMatch(code=f"{int(number):05d}", name=name, short_name=short, level=Level.COMMUNE,
                               kind=kind, legacy=False, province_code=pcode, province_name=pname))
    return units


def load_current_api() -> list[UnitMatch]:
    """The current units through vietnam_provinces' ``Province``/``Ward`` API (importing it builds an
    enum of the 3,321 ward codes: ~0.08 s)."""
    from vietnam_provinces import Province, Ward

    return _current_units(((p.name, p.code, p.division_type.value) for p in Province.iter_all()),
                          ((w.name, w.code, w.division_type.value, w.province_code) for w in Ward.iter_all()))


def load_current() -> list[UnitMatch]:
    """The current units, read from vietnam_provinces' ``data/nested-divisions.json`` (the file its
    ``NESTED_DIVISIONS_JSON_PATH`` names: the same provinces and wards in the same order as the API,
    tests/test_unitindex.py) without importing the package; through the API when the file is not there."""
    spec = importlib.util.find_spec("vietnam_provinces")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "nested-divisions.json" if (
        spec is not None and spec.submodule_search_locations) else None
    if path is None or not path.is_file():
        return load_current_api()
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return _current_units(((p["name"], p["code"], p["division_type"]) for p in data),
                          ((w["name"], w["code"], w["division_type"], p["code"]) for p in data for w in p["wards"]))


_UPPER_COLUMNS = ("province, provinceShort, provinceCode, provinceKey, provinceKeywords, "
                  "district, districtShort, districtType, districtCode, districtKey, districtKeywords")


def _open() -> tuple[dict, sqlite3.Connection]:
    folder = _vau_data_dir()
    with open(folder / "converter_2025.json", encoding="utf-8") as fh:
        conv = json.load(fh)
    return conv, sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True)


class _Upper:
    """Builds the legacy provinces and districts from rows (first row of each wins) and their aliases."""

    def __init__(self, current: list[UnitMatch], conv: dict, new_prov_code: dict[str, str]) -> None:
        self.current_by_code = {(u.level, u.code): u for u in current}
        self.new_prov_code = new_prov_code
        self.old_to_new_prov: dict[str, str] = {}
        for new_key, old_keys in conv["DICT_PROVINCE"].items():
            for old in old_keys:
                self.old_to_new_prov[old] = new_key
        self.units: list[UnitMatch] = []
        self.aliases: dict[str, list[str]] = {}
        self.seen_p: set[str] = set()
        self.seen_d: set[str] = set()

    def add(self, row, out: list[UnitMatch]) -> tuple[dict, UnitMatch | None]:
        """Append the row's province and district to ``out`` when first seen; the successor province."""
        prov, prov_short, pcode, pkey, pkws, dist, dist_short, dtype, dcode, _dkey, _dkws = row
        succ_p = self.current_by_code.get(
            (Level.PROVINCE, self.new_prov_code.get(self.old_to_new_prov.get(pkey, ""), "")))
        sp = dict(successor_province_code=succ_p.code if succ_p else None,
                  successor_province_name=succ_p.name if succ_p else None)
        if pcode not in self.seen_p:
            self.seen_p.add(pcode)
            out.append(UnitMatch(code=pcode, name=prov, short_name=prov_short, level=Level.PROVINCE,
                                 kind="Thành phố" if prov.startswith("Thành phố") else "Tỉnh", legacy=True,
                                 province_code=pcode, province_name=prov,
                                 successor_code=sp["successor_province_code"],
                                 successor_name=sp["successor_province_name"],
                                 successor_level=Level.PROVINCE if succ_p else None, **sp))
            self.aliases[f"p{pcode}"] = json.loads(pkws or "[]")
        if dcode and dcode not in self.seen_d:
            self.seen_d.add(dcode)
            out.append(UnitMatch(code=dcode, name=dist, short_name=dist_short, level=Level.DISTRICT,
                                 kind=dtype, legacy=True, province_code=pcode, province_name=prov,
                                 district_code=dcode, district_name=dist,
                                 successor_code=sp["successor_province_code"],
                                 successor_name=sp["successor_province_name"],
                                 successor_level=Level.PROVINCE if succ_p else None, **sp))
        return sp, succ_p


def load_legacy_upper(current: list[UnitMatch]) -> tuple[list[UnitMatch], dict[str, list[str]]]:
    """The legacy provinces and districts of :func:`load_legacy`, in its order, and the same aliases,
    without building (or fetching) the ~10k communes: one row per district, its first."""
    conv, con = _open()
    try:
        new_prov_code = dict(con.execute("SELECT provinceKey, provinceCode FROM admin_units").fetchall())
        # A bare column next to MIN() comes from the row holding the minimum (SQLite), and a plain scan
        # (load_legacy) reads rows in rowid order: the first row of each district, in the scan's order.
        rows = con.execute(f"SELECT {_UPPER_COLUMNS}, MIN(rowid) FROM admin_units_legacy "
                           "GROUP BY provinceCode, districtCode ORDER BY MIN(rowid)").fetchall()
    finally:
        con.close()
    upper = _Upper(current, conv, new_prov_code)
    units: list[UnitMatch] = []
    for row in rows:
        upper.add(row[:11], units)
    return units, upper.aliases


def load_legacy(current: list[UnitMatch]) -> tuple[list[UnitMatch], dict[str, list[str]]]:
    """Legacy units with their successors, and alias keywords (accent-free) by unit code key."""
    conv, con = _open()
    try:
        # Keys of the current structure -> official codes.
        new_prov_code: dict[str, str] = {}
        new_ward_code: dict[tuple[str, str], str] = {}
        for pkey, pcode, wkey, wcode in con.execute(
                "SELECT provinceKey, provinceCode, wardKey, wardCode FROM admin_units"):
            new_prov_code[pkey] = pcode
            new_ward_code[(pkey, wkey)] = wcode
        rows = con.execute(
            f"SELECT {_UPPER_COLUMNS}, ward, wardShort, wardType, wardCode, wardKey FROM admin_units_legacy").fetchall()
    finally:
        con.close()

    # "oldprov_olddist_oldward" -> (new province key, new ward key, split?)
    ward_succ: dict[str, tuple[str, str, bool]] = {}
    for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, olds in wards.items():
            for old in olds:
                ward_succ[old] = (new_pkey, new_wkey, False)
    for new_pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in olds.items():
            default = next((o["newWardKey"] for o in options if o.get("isDefaultNewWard")), None)
            if default:
                ward_succ[old] = (new_pkey, default, True)

    upper = _Upper(current, conv, new_prov_code)
    current_by_code = upper.current_by_code
    units: list[UnitMatch] = []
    for row in rows:
        sp, succ_p = upper.add(row[:11], units)
        prov, pcode, pkey, dist, dcode, dkey = row[0], row[2], row[3], row[5], row[8], row[9]
        ward, ward_short, wtype, wcode, wkey = row[11:]
        if wcode:
            succ = ward_succ.get(f"{pkey}_{dkey}_{wkey}")
            new_w = current_by_code.get((Level.COMMUNE, new_ward_code.get((succ[0], succ[1]), ""))) if succ else None
            units.append(UnitMatch(code=wcode, name=ward, short_name=ward_short, level=Level.COMMUNE,
                                   kind=wtype, legacy=True, province_code=pcode, province_name=prov,
                                   district_code=dcode, district_name=dist,
                                   successor_code=new_w.code if new_w else sp["successor_province_code"],
                                   successor_name=new_w.name if new_w else sp["successor_province_name"],
                                   successor_level=(Level.COMMUNE if new_w else Level.PROVINCE) if succ_p else None,
                                   successor_split=bool(succ and succ[2]), **sp))
    return units, upper.aliases
