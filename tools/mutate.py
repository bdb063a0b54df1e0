"""Mutation testing of plandsl's core modules, one AST change at a time (issue #19).

    .venv/bin/python tools/mutate.py resolve            # one target (see TARGETS)
    .venv/bin/python tools/mutate.py resolve ambition -j 2 --json out/mutants.json
    .venv/bin/python tools/mutate.py resolve --list     # the mutants, without running anything
    .venv/bin/python tools/mutate.py resolve --only 12,40   # re-run some mutants
    .venv/bin/python tools/mutate.py resolve --tests tests/test_resolve.py   # other tests

Each mutant changes one node of one module: a comparison (``<`` to ``<=`` and to ``>``,
``==`` to ``!=``, ``is`` to ``is not``, ``in`` to ``not in``), ``and``/``or``, a dropped
``not``, an arithmetic operator (``+``/``-``, ``*``/``/``) or a dropped unary minus, an
integer constant plus one, ``True``/``False``, or a statement replaced by ``pass``
(``return``, ``continue``, ``break``, ``raise``, a ``yield`` or a call made for its
effect). Docstrings, annotations, strings and ``__all__`` are left alone, and so is a
``return None`` that ends a function (dropping it cannot change anything).

The module's own tests (TARGETS) then run against the mutant with ``pytest -x``. A
mutant is killed when a test fails or the run exceeds the timeout (three times the
unmutated run, plus 20 s); it survives when every test passes.

The shared checkout is never written: every worker copies ``src/`` into a private
temporary folder (``grammar/``, ``templates/`` and ``specs/`` are linked), writes the mutant
there and runs pytest with ``PYTHONPATH`` on the copy and the folder as working
directory. The copy is deleted at the end. Not run in CI: a target takes minutes.
docs/TESTING.md records the scores and judges every surviving mutant.
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib.util
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YAML = "tests/test_rules_yaml.py"

# name: (module, functions to mutate or None for the whole module, pytest arguments).
# The dedicated unit and property tests come first: with -x they kill most mutants fastest.
TARGETS: dict[str, tuple[str, tuple[str, ...] | None, list[str]]] = {
    "resolve": ("plandsl.inherit.resolve", None,
                ["tests/test_resolve.py", "tests/test_ambition.py", "tests/test_language_constructs.py", YAML, "-k",
                 "not test_rule_case or AM001 or CS002 or CS004 or CS007 or CV001"]),
    "ambition": ("plandsl.rules.ambition", None,
                 ["tests/test_ambition.py", YAML, "-k", "not test_rule_case or AM001"]),
    "consistency": ("plandsl.rules.consistency", None,
                    ["tests/test_consistency.py", YAML, "-k", "not test_rule_case or CS00"]),
    "engine": ("plandsl.rules.engine", None,
               ["tests/test_rules_engine.py", "tests/test_config_graph.py", YAML,
                "-k", "not test_rule_case or AL00 or AM001"]),
    "graph": ("plandsl.inherit.graph", None,
              ["tests/test_graph_fast.py", "tests/test_resolve.py", "tests/test_config_graph.py",
               "tests/test_language_constructs.py", YAML, "-k", "not test_rule_case or GR00"]),
    "agencies-matching": ("plandsl.registry.agencies",
                          ("_tokens", "_key", "_strip_place", "normalise_agency", "AgencyRegistry.resolve",
                           "AgencyRegistry._resolve", "AgencyRegistry._strip_bare_place", "AgencyRegistry._pick",
                           "AgencyRegistry.match", "AgencyRegistry._match", "AgencyRegistry.status_of",
                           "AgencyRegistry._judge", "AgencyRegistry._unknown"),
                          ["tests/test_registry_agencies.py"]),
    "render-context": ("plandsl.render.context", None, ["tests/test_render.py", "tests/test_render_cli.py"]),
}

_BOUNDARY = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_REVERSE = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}
_NEGATE = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
           ast.In: ast.NotIn, ast.NotIn: ast.In}
_ARITH = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
           ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in", ast.Add: "+", ast.Sub: "-",
           ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.And: "and", ast.Or: "or"}


@dataclass
class Mutant:
    index: int
    line: int
    operator: str
    description: str
    function: str
    code: str = ""  # the mutated line as written
    status: str = "pending"  # killed, timeout, survived, error
    seconds: float = 0.0
    killed_by: str = ""


# ------------------------------------------------------------------ finding mutants


class _Points(ast.NodeVisitor):
    """Every mutation point of a module, in a fixed order: (node, operator, description, make)."""

    def __init__(self, functions: tuple[str, ...] | None) -> None:
        self.functions = functions
        self.scope: list[str] = []
        self.points: list[tuple[ast.AST, str, str, object]] = []
        self.last_returns: set[ast.AST] = set()

    def _active(self) -> bool:
        if self.functions is None:
            return True
        name = ".".join(self.scope)
        return any(name == f or name.startswith(f + ".") for f in self.functions)

    def _add(self, node, operator, description, make) -> None:
        if self._active():
            self.points.append((node, operator, description, make))

    # scopes and what is never mutated
    def visit_ClassDef(self, node):
        self.scope.append(node.name)
        self._body(node)
        self.scope.pop()

    def visit_FunctionDef(self, node):
        self.scope.append(node.name)
        last = node.body[-1]
        if isinstance(last, ast.Return) and (last.value is None or (
                isinstance(last.value, ast.Constant) and last.value.value is None)):
            self.last_returns.add(last)  # `return None` ending a function: dropping it changes nothing
        for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(d)
        self._body(node)
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _body(self, node):
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]  # the docstring
        for stmt in body:
            self.visit(stmt)

    def visit_Module(self, node):
        self._body(node)

    def visit_ImportFrom(self, node):
        pass

    def visit_Import(self, node):
        pass

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self.visit(node.value)

    def visit_Assign(self, node):
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                self.visit(v.value)

    # expressions
    def visit_Compare(self, node):
        for i, op in enumerate(node.ops):
            kind = type(op)
            for table, name in ((_BOUNDARY, "boundary"), (_REVERSE, "reverse"), (_NEGATE, "negate")):
                if kind in table:
                    new = table[kind]
                    self._add(node, f"compare-{name}", f"`{_SYMBOL[kind]}` -> `{_SYMBOL[new]}`",
                              lambda n, i=i, new=new: _with_op(n, i, new))
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        self._add(node, "boolean", f"`{_SYMBOL[type(node.op)]}` -> `{_SYMBOL[new]}`",
                  lambda n, new=new: ast.BoolOp(new(), n.values))
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.Not):
            self._add(node, "drop-not", "`not x` -> `x`", lambda n: n.operand)
        elif isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant):
            self._add(node, "drop-minus", "`-x` -> `x`", lambda n: n.operand)
        self.generic_visit(node)

    def visit_BinOp(self, node):
        kind = type(node.op)
        if kind in _ARITH:
            new = _ARITH[kind]
            self._add(node, "arithmetic", f"`{_SYMBOL[kind]}` -> `{_SYMBOL[new]}`",
                      lambda n, new=new: ast.BinOp(n.left, new(), n.right))
        self.generic_visit(node)

    def visit_Constant(self, node):
        v = node.value
        if isinstance(v, bool):
            self._add(node, "constant", f"`{v}` -> `{not v}`", lambda n: ast.Constant(not n.value))
        elif isinstance(v, (int, float)):
            self._add(node, "constant", f"`{v}` -> `{v + 1}`", lambda n: ast.Constant(n.value + 1))

    # statements
    def _drop(self, node, what):
        self._add(node, "drop-statement", f"`{what}` -> `pass`", lambda n: ast.Pass())

    def visit_Return(self, node):
        if node not in self.last_returns:
            self._drop(node, "return")
        self.generic_visit(node)

    def visit_Continue(self, node):
        self._drop(node, "continue")

    def visit_Break(self, node):
        self._drop(node, "break")

    def visit_Raise(self, node):
        self._drop(node, "raise")
        self.generic_visit(node)

    def visit_Expr(self, node):
        if isinstance(node.value, (ast.Yield, ast.YieldFrom)):
            self._drop(node, "yield")
        elif isinstance(node.value, ast.Call):
            self._drop(node, "call")
        self.generic_visit(node)


def _with_op(node: ast.Compare, i: int, new) -> ast.Compare:
    ops = list(node.ops)
    ops[i] = new()
    return ast.Compare(node.left, ops, node.comparators)


def find_mutants(source: str, functions: tuple[str, ...] | None) -> list[Mutant]:
    visitor = _Points(functions)
    visitor.visit(ast.parse(source))
    lines = source.splitlines()
    out = []
    for i, (node, operator, description, _) in enumerate(visitor.points):
        scope = _scope_of(source, node.lineno)
        out.append(Mutant(i, node.lineno, operator, description, scope, lines[node.lineno - 1].strip()))
    return out


def _scope_of(source: str, line: int) -> str:
    best = ""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node.lineno <= line <= (node.end_lineno or node.lineno):
            if not best or node.lineno >= best[0]:
                best = (node.lineno, node.name)
    return best[1] if best else "<module>"


def mutant_source(source: str, index: int, functions: tuple[str, ...] | None) -> str:
    """The module's text with mutation ``index`` applied (everything else byte for byte)."""
    tree = ast.parse(source)
    visitor = _Points(functions)
    visitor.visit(tree)
    node, _, _, make = visitor.points[index]
    new = make(copy.deepcopy(node))
    expected = _replace_in_tree(tree, node, new)
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    data = source.encode("utf-8")
    start = offsets[node.lineno - 1] + node.col_offset
    end = offsets[node.end_lineno - 1] + node.end_col_offset
    text = "pass" if isinstance(new, ast.stmt) else f"({ast.unparse(new)})"
    patched = (data[:start] + text.encode("utf-8") + data[end:]).decode("utf-8")
    try:
        if ast.dump(ast.parse(patched)) == ast.dump(expected):
            return patched
    except SyntaxError:
        pass
    return ast.unparse(expected) + "\n"  # positions inside f-strings can be off: rewrite the whole module


def _replace_in_tree(tree: ast.AST, old: ast.AST, new: ast.AST) -> ast.AST:
    class Swap(ast.NodeTransformer):
        def visit(self, node):
            if node is old:
                return new
            return super().visit(node)

    return Swap().visit(tree)  # a fresh tree of the caller's: changed in place


# ------------------------------------------------------------------ running


# The fork server: one process per worker imports pytest and the third-party libraries once
# (never plandsl), then forks a child per mutant that runs pytest and imports plandsl afresh
# from the copy. Third-party imports are most of a test run's start-up.
_SERVER = r"""
import json, os, sys
import pytest, _pytest.python, hypothesis, lark, yaml, attrs, jinja2, click, rich, rapidfuzz  # not networkx: tests check it stays unloaded
assert not [m for m in sys.modules if m == "plandsl" or m.startswith("plandsl.")]
for line in sys.stdin:
    args, out = json.loads(line)
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            code = int(pytest.main(args))
        except BaseException:
            code = 99
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


class Workspace:
    """A private copy of src/ with grammar/ and templates/ linked; the shared tree is only read."""

    def __init__(self, base: Path, n: int) -> None:
        self.dir = base / f"w{n}"
        self.src = self.dir / "src"
        self.child: int | None = None
        shutil.copytree(ROOT / "src", self.src, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in ("grammar", "templates", "specs"):  # read only; specs for tests that load "specs"
            (self.dir / name).symlink_to(ROOT / name, target_is_directory=True)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(self.src)], check=True)
        env = dict(os.environ, PYTHONPATH=str(self.src), PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        self.server = subprocess.Popen([sys.executable, "-c", _SERVER], cwd=self.dir, env=env, text=True,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def close(self) -> None:
        self.stop()
        if self.server.poll() is None:
            self.server.stdin.close()
            self.server.wait()

    def stop(self) -> None:
        """Kill the running test process and its children (its own session)."""
        if self.child is not None:
            try:
                os.killpg(self.child, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def module_path(self, module: str) -> Path:
        return self.src.joinpath(*module.split(".")).with_suffix(".py")

    def write(self, module: str, text: str) -> None:
        path = self.module_path(module)
        path.write_text(text, "utf-8")
        cached = Path(importlib.util.cache_from_source(str(path)))
        cached.unlink(missing_ok=True)  # never a stale .pyc of another mutant (same size, same second)

    def run(self, tests: list[str], timeout: float | None) -> tuple[str, float, str]:
        args = ["-x", "-q", "-p", "no:cacheprovider", "--no-header", "--hypothesis-seed=0", "-o", "addopts=",
                *[_abs(a) for a in tests]]
        out = self.dir / "pytest.out"
        shutil.rmtree(self.dir / ".hypothesis", ignore_errors=True)  # no examples carried between mutants
        t0 = time.perf_counter()
        self.server.stdin.write(json.dumps([args, str(out)]) + "\n")
        self.server.stdin.flush()
        self.child = int(self.server.stdout.readline())
        timer = threading.Timer(timeout, self.stop) if timeout else None
        if timer:
            timer.start()
        try:
            code = int(self.server.stdout.readline())
        finally:
            if timer:
                timer.cancel()
            self.child = None
        seconds = time.perf_counter() - t0
        text = out.read_text("utf-8", errors="replace") if out.exists() else ""
        if code == -signal.SIGKILL:
            return "timeout", seconds, ""
        if code == 0:
            return "survived", seconds, ""
        if code == 1:
            failed = next((ln.split(" ", 1)[1] for ln in text.splitlines() if ln.startswith("FAILED ")), "")
            return "killed", seconds, failed.split(" - ")[0]
        return "error", seconds, text[-400:]  # collection error, crash: the mutant broke an import


def _abs(arg: str) -> str:
    return str(ROOT / arg) if arg.startswith("tests/") else arg


def _existing(tests: list[str]) -> list[str]:
    """The target's pytest arguments without test files that do not exist (yet)."""
    missing = [a for a in tests if a.startswith("tests/") and not (ROOT / a.split("::")[0]).exists()]
    for a in missing:
        print(f"mutate: {a} does not exist; running without it", file=sys.stderr)
    return [a for a in tests if a not in missing]


def check_isolation(ws: Workspace) -> None:
    env = dict(os.environ, PYTHONPATH=str(ws.src))
    out = subprocess.run([sys.executable, "-c", "import plandsl; print(plandsl.__file__)"], cwd=ws.dir, env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    if not Path(out).resolve().is_relative_to(ws.src.resolve()):
        sys.exit(f"mutate: the copy is not imported first ({out}); refusing to run")


def run_target(name: str, args, base: Path) -> dict:
    module, functions, tests = TARGETS[name]
    if args.tests:
        tests = args.tests
    tests = _existing(tests)
    source = (ROOT / "src").joinpath(*module.split(".")).with_suffix(".py").read_text("utf-8")
    mutants = find_mutants(source, functions)
    if args.only:
        wanted = {int(i) for i in args.only.split(",")}
        mutants = [m for m in mutants if m.index in wanted]
    if args.sample > 1:  # every Nth mutant: a quicker estimate of the score
        mutants = [m for m in mutants if m.index % args.sample == 0]
    if args.list:
        for m in mutants:
            print(f"{name} #{m.index:3d} line {m.line:4d} {m.function:24s} {m.operator:17s} {m.description}")
        return {"target": name, "module": module, "mutants": [asdict(m) for m in mutants]}
    workspaces = [Workspace(base / name, i) for i in range(args.jobs)]
    check_isolation(workspaces[0])
    status, base_seconds, detail = workspaces[0].run(tests, None)
    if status != "survived":
        for ws in workspaces:
            ws.close()
        sys.exit(f"mutate: {name}: the tests fail without any mutant ({status}): {detail}")
    timeout = 3 * base_seconds + 20
    print(f"{name}: {len(mutants)} mutants of {module}; unmutated tests {base_seconds:.1f}s", flush=True)
    todo: queue.Queue[Mutant] = queue.Queue()
    for m in mutants:
        todo.put(m)
    lock = threading.Lock()

    def work(ws: Workspace) -> None:
        while True:
            try:
                m = todo.get_nowait()
            except queue.Empty:
                return
            ws.write(module, mutant_source(source, m.index, functions))
            m.status, m.seconds, m.killed_by = ws.run(tests, timeout)
            ws.write(module, source)
            with lock:
                mark = {"killed": ".", "timeout": "T", "error": "E", "survived": "S"}[m.status]
                print(mark, end="" if m.status != "survived" else
                      f" #{m.index} line {m.line} {m.operator} {m.description}\n", flush=True)

    stopping = threading.Event()

    def guarded(ws: Workspace) -> None:
        if not stopping.is_set():
            work(ws)

    threads = [threading.Thread(target=guarded, args=(ws,), daemon=True) for ws in workspaces]
    for t in threads:
        t.start()
    try:
        while any(t.is_alive() for t in threads):
            time.sleep(0.5)
    except KeyboardInterrupt:
        stopping.set()
        while not todo.empty():
            todo.get_nowait()
        for ws in workspaces:
            ws.stop()
            ws.server.kill()
        raise
    for ws in workspaces:
        ws.close()
    print()
    killed = sum(m.status != "survived" for m in mutants)
    score = 100 * killed / len(mutants) if mutants else 100.0
    print(f"{name}: {len(mutants)} mutants, {killed} killed, {len(mutants) - killed} survived: {score:.0f}%")
    return {"target": name, "module": module, "functions": functions, "tests": tests,
            "unmutated_seconds": round(base_seconds, 1), "mutants": [asdict(m) for m in mutants],
            "killed": killed, "survived": len(mutants) - killed, "score": round(score, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("targets", nargs="+", choices=sorted(TARGETS), metavar="TARGET",
                    help=f"one of: {', '.join(sorted(TARGETS))}")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="parallel workers (each with its own copy)")
    ap.add_argument("--list", action="store_true", help="list the mutants and stop")
    ap.add_argument("--only", help="comma-separated mutant numbers")
    ap.add_argument("--sample", type=int, default=1, metavar="N",
                    help="run only every Nth mutant (numbers 0, N, 2N ...): an estimate, faster")
    ap.add_argument("--tests", nargs="+", help="pytest arguments instead of the target's tests")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)  # `kill PID` cleans up like Ctrl-C
    results = []
    with tempfile.TemporaryDirectory(prefix="plandsl-mutate-") as tmp:
        for name in args.targets:
            results.append(run_target(name, args, Path(tmp)))
    if not args.list:
        print("\n| target | module | mutants | killed | survived | score |\n|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['target']} | `{r['module']}` | {len(r['mutants'])} | {r['killed']} | {r['survived']} "
                  f"| {r['score']:.0f}% |")
        for r in results:
            for m in r["mutants"]:
                if m["status"] == "survived":
                    print(f"survivor {r['target']} #{m['index']} line {m['line']} ({m['function']}) "
                          f"{m['operator']}: {m['description']} in: {m['code']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
