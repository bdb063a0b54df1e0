"""`plandsl registry` command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from plandsl.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["registry", *args])


def test_units_json_lists_both_an_lao_districts():
    result = run("units", "Huyện An Lão", "--level", "district", "--date", "2021-05-18", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["status"] == "ambiguous"
    assert {u["successor_name"] for u in data["units"]} == {"Tỉnh Gia Lai", "Thành phố Hải Phòng"}


def test_units_plain_table_when_not_a_terminal():
    result = run("units", "--legacy")
    assert result.exit_code == 0
    assert "63 units" in result.output and "Tỉnh Bình Định" in result.output and "\x1b[" not in result.output


def test_unknown_unit_exits_1_with_hint():
    result = run("units", "Tỉnh Quang Ngà", "--level", "province", "--date", "2026-01-01")
    assert result.exit_code == 1 and "Quảng Ngãi" in result.output


def test_agency_defunct_in_2026():
    result = run("agencies", "Sở LĐ-TB&XH tỉnh Quảng Ngãi", "--level", "province", "--date", "2026-01-01",
                 "--format", "json")
    assert result.exit_code == 0
    [m] = json.loads(result.output)
    assert (m["status"], m["successor_name"], m["verified"]) == ("defunct", "Sở Nội vụ", False)


def test_agency_list_for_district_level():
    result = run("agencies", "--level", "district", "--date", "2021-01-01")
    assert result.exit_code == 0 and "Phòng Lao động - Thương binh và Xã hội" in result.output
    assert "Sở Y tế " not in result.output


def test_bad_date_is_a_usage_error():
    result = run("units", "--date", "19/4/2021")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_found_unit_has_no_did_you_mean_and_statuses_are_translated(monkeypatch):
    result = run("units", "Quang Ngai", "--level", "province", "--date", "2026-01-01")
    assert result.exit_code == 0 and "Tỉnh Quảng Ngãi" in result.output
    assert "Did you mean" not in result.output
    import plandsl.cli.registry as registry_cli

    monkeypatch.setattr(registry_cli, "_", lambda text: f"<{text}>")
    result = run("units", "Quang Ngai", "--level", "province", "--date", "2026-01-01")
    assert "<found>: Quang Ngai" in result.output
    result = run("agencies", "Sở LĐ-TB&XH tỉnh Quảng Ngãi", "--level", "province", "--date", "2026-01-01")
    assert "<defunct>" in result.output
