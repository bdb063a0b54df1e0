"""LSP latency on a whole country: a stdio JSON-RPC client for ``plandsl lsp``.

Opens one commune spec of the country workspace, then sends ``edits`` changes,
each changing a target's value (not only a comment), and times each change to
the ``publishDiagnostics`` for that file; after each change it times a hover on
the changed target. Used by bench/run.py; run alone with::

    .venv/bin/python bench/lsp_latency.py bench/out/current
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
TARGET = re.compile(r"((?:chỉ_tiêu|target) \w+ >= )(\d+)")


class Client:
    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen([str(BIN / "plandsl"), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd=cwd, env=env)
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False) -> int | None:
        msg: dict = {"jsonrpc": "2.0", "method": method, "params": params}
        rid = None
        if request:
            self.next_id += 1
            rid = msg["id"] = self.next_id
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return rid

    def read(self) -> dict:
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def wait(self, pred) -> dict:
        while True:
            msg = self.read()
            if pred(msg):
                return msg

    def close(self) -> None:
        try:
            rid = self.send("shutdown", {}, request=True)
            self.wait(lambda m: m.get("id") == rid)
            self.send("exit", {})
            self.proc.wait(timeout=30)
        except Exception:  # noqa: BLE001 - best effort
            self.proc.kill()


def measure(country: Path, edits: int = 20, env: dict[str, str] | None = None) -> dict:
    country = country.resolve()
    communes = sorted(country.glob("*/xa/*.plan")) or sorted(country.glob("*/huyen/*.plan"))
    spec = communes[len(communes) // 2]
    uri = spec.as_uri()
    text = spec.read_text("utf-8")
    found = TARGET.search(text)
    assert found, spec
    line = text[: found.start()].count("\n")
    client = Client(country, env)
    try:
        t0 = time.perf_counter()
        rid = client.send("initialize", {"processId": os.getpid(), "rootUri": country.as_uri(),
                                         "capabilities": {}, "workspaceFolders": [
                                             {"uri": country.as_uri(), "name": "country"}]}, request=True)
        client.wait(lambda m: m.get("id") == rid)
        client.send("initialized", {})
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plandsl", "version": 1,
                                                              "text": text}})
        client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        opened = time.perf_counter() - t0
        changes, hovers = [], []
        for i in range(edits):
            new = text[: found.start(2)] + str(30 + i) + text[found.end(2):]
            t = time.perf_counter()
            client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": i + 2},
                                                   "contentChanges": [{"text": new}]})
            client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
            changes.append(time.perf_counter() - t)
            t = time.perf_counter()
            rid = client.send("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": 6}}, request=True)
            answer = client.wait(lambda m: m.get("id") == rid)
            hovers.append(time.perf_counter() - t)
            assert answer.get("result"), answer
    finally:
        client.close()
    return {"LSP open (workspace scan + first diagnostics)": opened,
            "LSP keystroke -> diagnostics, min": min(changes),
            "LSP keystroke -> diagnostics, median": statistics.median(changes),
            "LSP hover, min": min(hovers), "LSP hover, median": statistics.median(hovers),
            "LSP edits measured": edits}


if __name__ == "__main__":
    for name, value in measure(Path(sys.argv[1])).items():
        print(f"{name:50} {value * 1000:10.1f} ms" if isinstance(value, float) else f"{name:50} {value}")
