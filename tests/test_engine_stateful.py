"""Random edit sequences (hypothesis stateful testing): the engine kept alive between edits, and a
fresh engine reading the cache store (as ``plandsl check`` does), give the findings of a clean full run."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from plandsl.check.engine import Engine

from country import gen_module

ROOT = Path(__file__).resolve().parents[1]
_TEMPLATE: list[Path] = []


def _template() -> Path:
    if not _TEMPLATE:
        out = Path(tempfile.mkdtemp(prefix="plandsl-stateful-")) / "c"
        gen_module().generate(out, "current", seed=7, provinces=1, leaves=9)
        _TEMPLATE.append(out)
    return _TEMPLATE[0]


_PARSED: dict = {}


def full_run(paths: list[str]) -> list:
    """The reference: every stage once, no engine, no cache (parses memoised by path and bytes)."""
    from plandsl.inherit.resolve import resolve
    from plandsl.language.parser import parse_bytes
    from plandsl.project.config import load_config
    from plandsl.project.loader import SpecSet, discover_checked
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES
    from plandsl.rules.engine import run_rules

    files, diags = discover_checked(paths)
    results = []
    for path in files:
        data = Path(path).read_bytes()
        if (path, data) not in _PARSED:
            _PARSED[(path, data)] = parse_bytes(data, path)
        results.append(_PARSED[(path, data)])
    specs = SpecSet(tuple(results), tuple(diags))
    load_all()
    config = load_config(None, known_codes=set(RULES))
    return list(specs.all_diagnostics + config.diagnostics + tuple(run_rules(specs, resolve(specs), config)))


_TARGET = re.compile(r"((?:chỉ_tiêu|target) gd1 >= )(\d+)(%)")
_PARENT = re.compile(r"((?:thực_hiện|implements) )(\w+)")
IDS = ["ctxh_2030", "ctxh_t01", "ctxh_x00004", "ctxh_x00025", "ctxh_x00070", "ctxh_khong_ton_tai"]


class EditSequences(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="plandsl-edits-"))
        self.root = self.tmp / "c"
        shutil.copytree(_template(), self.root)
        self.files = sorted(str(p) for p in self.root.rglob("*.plan"))
        self.original = {p: Path(p).read_text("utf-8") for p in self.files}
        self.engine = Engine.open([str(self.root)], jobs=1, cache=self.tmp / "cache")

    def teardown(self):
        if hasattr(self, "tmp"):
            try:
                assert list(self.engine.check().diagnostics) == full_run([str(self.root)])
            finally:
                self.engine.db.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _write(self, path: str, text: str, overlay: bool) -> None:
        Path(path).write_text(text, "utf-8")
        self.engine.update(path, text if overlay else None)

    def _text(self, path: str) -> str:
        p = Path(path)
        return p.read_text("utf-8") if p.exists() else self.original[path]

    @rule(i=st.integers(0, 20), value=st.integers(0, 150), overlay=st.booleans())
    def set_target(self, i, value, overlay):
        path = self.files[i % len(self.files)]
        self._write(path, _TARGET.sub(lambda m: f"{m[1]}{value}{m[3]}", self._text(path), count=1), overlay)

    @rule(i=st.integers(0, 20), parent=st.sampled_from(IDS), overlay=st.booleans())
    def set_parent(self, i, parent, overlay):
        path = self.files[i % len(self.files)]
        self._write(path, _PARENT.sub(lambda m: f"{m[1]}{parent}", self._text(path), count=1), overlay)

    @rule(i=st.integers(0, 20), overlay=st.booleans())
    def comment(self, i, overlay):
        path = self.files[i % len(self.files)]
        self._write(path, self._text(path) + "# sửa\n", overlay)

    @rule(i=st.integers(0, 20), overlay=st.booleans())
    def break_syntax(self, i, overlay):
        path = self.files[i % len(self.files)]
        self._write(path, self._text(path).replace("{", "{{", 1), overlay)

    @rule(i=st.integers(0, 20), code=st.sampled_from(["AM001", "GR002", "GR003", "CS001"]), overlay=st.booleans())
    def add_allow(self, i, code, overlay):
        path = self.files[i % len(self.files)]
        text = self._text(path).rstrip("\n")
        if text.endswith("}"):
            self._write(path, text[:-1] + f'  chấp_nhận {code} "Lý do"\n}}\n', overlay)

    @rule(i=st.integers(0, 20), overlay=st.booleans())
    def restore(self, i, overlay):
        path = self.files[i % len(self.files)]
        self._write(path, self.original[path], overlay)

    @rule(i=st.integers(0, 20), how=st.sampled_from(["remove", "update"]))
    def delete(self, i, how):
        path = self.files[i % len(self.files)]
        Path(path).unlink(missing_ok=True)
        if how == "remove":
            self.engine.remove(path)
        else:
            self.engine.update(path)

    @rule(i=st.integers(0, 20), overlay=st.booleans())
    def copy_to_new_file(self, i, overlay):
        source = self.files[i % len(self.files)]
        target = str(self.root / "00_copy.plan")  # sorts first: its id wins a duplicate
        if target not in self.original:
            self.original[target] = self._text(source)
            self.files.append(target)
        self._write(target, self._text(source), overlay)

    @rule()
    def refresh(self):
        self.engine.refresh()

    @invariant()
    def alive_engine_equals_a_full_run(self):
        if hasattr(self, "engine"):
            full = full_run([str(self.root)])
            assert list(self.engine.check().diagnostics) == full
            for path in self.files[:4] + self.files[-2:]:  # and per file, as the editors ask
                assert self.engine.diagnostics_for(path) == [d for d in full if d.span and d.span.path == path]

    @precondition(lambda self: hasattr(self, "engine"))
    @rule()
    def check_fresh_engine_from_the_store(self):
        fresh = Engine.open([str(self.root)], jobs=1, cache=self.tmp / "cache")
        try:
            assert list(fresh.check().diagnostics) == full_run([str(self.root)])
        finally:
            fresh.db.close()

    @precondition(lambda self: hasattr(self, "engine"))
    @rule(i=st.integers(0, 20), value=st.integers(0, 150))
    def fresh_engines_around_a_saved_edit(self, i, value):
        """``plandsl check``, an edit saved, ``plandsl check`` again: the second run patches the first's
        stored result when it can (check.patch), in whatever state the random steps left the set."""
        self.check_fresh_engine_from_the_store()
        self.set_target(i, value, False)
        self.check_fresh_engine_from_the_store()


EditSequences.TestCase.settings = settings(max_examples=8, stateful_step_count=8, deadline=None)
test_edit_sequences = EditSequences.TestCase
