"""The shortcuts that make `plandsl migrate` fast on a country change nothing in its output.

Agency decisions are shared by every plan's rebaser of a run (AgencyRebaser's memo); new drafts are
flushed to disk together at the end instead of one fsync each; review messages are wrapped once.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from country import gen_module

from plandsl.language.model import Level
from plandsl.migrate import output as out
from plandsl.migrate import run as run_module
from plandsl.migrate.agencies import AgencyRebaser
from plandsl.migrate.run import migrate

ON = dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def legacy_country(tmp_path_factory):
    root = tmp_path_factory.mktemp("migrate") / "legacy"
    gen_module().generate(root, "legacy", seed=7, provinces=5, leaves=6)
    return root


def _outputs(root, tmp):
    result = migrate([str(root)], ON, districts="split")
    targets = out.plan_targets(result, [str(root)], tmp, None)
    return ([(str(p), d.text) for p, d in targets], out.report_json(result, targets),
            out.report_markdown(result, targets))


def test_shared_agency_decisions_give_the_same_drafts(legacy_country, tmp_path, monkeypatch):
    shared = _outputs(legacy_country, tmp_path)
    assert len(shared[0]) > 20 and any("# review:" in text for _p, text in shared[0])

    def own_memo(self, plan):  # every plan's rebaser decides on its own, as before
        return AgencyRebaser(self.registry, self.on, run_module._Context.domain_text(plan))

    monkeypatch.setattr(run_module._Context, "rebaser", own_memo)
    assert _outputs(legacy_country, tmp_path) == shared


def test_a_rebaser_with_a_shared_memo_decides_as_one_alone():
    from plandsl.registry.agencies import AgencyRegistry

    registry = AgencyRegistry.load()
    names = ["Sở Lao động - Thương binh và Xã hội", "Sở Kế hoạch và Đầu tư", "Sở Y tế",
             "Phòng Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông", "Ủy ban nhân dân huyện"]
    subjects = ["", "giải quyết việc làm cho lao động", "bảo vệ trẻ em", "chuyển đổi số"]
    domains = ["", "Kế hoạch thực hiện công tác xã hội", "Chương trình giảm nghèo bền vững"]
    memo: dict = {}
    for domain in domains:
        for name in names:
            for subject in subjects:
                for level in (None, Level.PROVINCE, Level.DISTRICT):
                    alone = AgencyRebaser(registry, ON, domain).decide(name, level, subject)
                    assert AgencyRebaser(registry, ON, domain, memo).decide(name, level, subject) == alone
    assert any(k[0] == "decide" for k in memo)


def test_new_files_are_flushed_together_and_replaced_files_each(tmp_path, monkeypatch):
    calls: list[tuple[str, bool]] = []
    syncs: list[int] = []
    real = out.write_atomic

    def spy(path, data, *, overwrite, durable=True):
        calls.append((path.name, durable))
        real(path, data, overwrite=overwrite, durable=durable)

    monkeypatch.setattr(out, "write_atomic", spy)
    monkeypatch.setattr(os, "sync", lambda: syncs.append(1))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "old.plan").write_text("old", encoding="utf-8")
    files = [(tmp_path / "a" / "x.plan", "x"), (tmp_path / "a" / "y.plan", "y"), (tmp_path / "b" / "old.plan", "new")]
    assert out.write_files(files, force=True) == []
    assert calls == [("x.plan", False), ("y.plan", False), ("old.plan", True)]
    assert syncs == [1]
    assert [(p.read_text(encoding="utf-8")) for p, _t in files] == ["x", "y", "new"]
    calls.clear()
    assert out.write_files([(tmp_path / "b" / "old.plan", "newer")], force=True) == []
    assert calls == [("old.plan", True)] and syncs == [1]  # nothing new: no sync
