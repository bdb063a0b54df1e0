"""The registry's YAML files read through the cache store as JSON (registry/_yamlcache.py)."""

from __future__ import annotations

import sqlite3

import pytest

from plandsl.registry import _yamlcache, jurisdictions
from plandsl.registry.agencies import AGENCIES_YAML, _build_type, _load
from plandsl.registry.units import UNIT_CHANGES_YAML


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDSL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(jurisdictions, "DISK_CACHE", True)
    return tmp_path / "cache" / "cache.sqlite3"


def _rows(db_file) -> int:
    with sqlite3.connect(db_file) as db:
        return db.execute("SELECT count(*) FROM entries WHERE ns LIKE 'registry-yaml:%'").fetchone()[0]


@pytest.mark.parametrize("path", [AGENCIES_YAML, UNIT_CHANGES_YAML])
def test_the_stored_value_reads_as_the_yaml(store, path):
    parsed = _yamlcache._parse(path.read_bytes())
    first = _yamlcache.load(path)  # parsed, and stored
    assert first == parsed
    assert _rows(store) == 1
    second = _yamlcache.load(path)  # from the store: dates as ISO strings, the rest equal
    assert second == _yamlcache._plain(parsed)


def test_the_agency_registry_is_the_same_either_way(store):
    from_yaml = tuple(_build_type(raw) for raw in _yamlcache._parse(AGENCIES_YAML.read_bytes())["types"])
    _load(AGENCIES_YAML)
    assert _rows(store) == 1
    assert _load(AGENCIES_YAML).types == from_yaml  # the second read comes from the store


def test_an_edited_file_is_parsed_again_and_a_damaged_row_is_a_miss(store, tmp_path):
    path = tmp_path / "reg.yaml"
    path.write_text("types:\n  - id: a\n    valid_from: 2025-07-01\n", "utf-8")
    assert _yamlcache.load(path) == {"types": [{"id": "a", "valid_from": _yamlcache._parse(b"d: 2025-07-01")["d"]}]}
    path.write_text("types:\n  - id: b\n", "utf-8")
    assert _yamlcache.load(path) == {"types": [{"id": "b"}]}
    with sqlite3.connect(store) as db:
        db.execute("UPDATE entries SET value = 'x' || value WHERE ns LIKE 'registry-yaml:%'")
    assert _yamlcache.load(path) == {"types": [{"id": "b"}]}


def test_values_json_would_change_are_not_stored(store, tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text("names:\n  1: một\n", "utf-8")  # an integer key: JSON would make it a string
    assert _yamlcache.load(path) == {"names": {1: "một"}}
    assert _yamlcache.load(path) == {"names": {1: "một"}}
    assert _rows(store) == 0


def test_bad_yaml_is_a_plain_error(store, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("types: [\n", "utf-8")
    with pytest.raises(_yamlcache.BadYAML):
        _yamlcache.load(path)


def test_no_cache_reads_no_store(store, monkeypatch):
    monkeypatch.setattr(jurisdictions, "DISK_CACHE", False)
    assert _yamlcache.load(UNIT_CHANGES_YAML) == _yamlcache._parse(UNIT_CHANGES_YAML.read_bytes())
    assert not store.exists()
