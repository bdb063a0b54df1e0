"""The language server over raw stdio: bad positions get -32602, bad frames do not make it deaf (issue 17, item 10)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from plandsl.lsp.transport import FramedReader


def _frame(obj, extra: int = 0) -> bytes:
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % (len(body) + extra) + body


def _responses(stdout: bytes) -> dict:
    out, rest = {}, stdout
    while rest:
        head, _, rest = rest.partition(b"\r\n\r\n")
        length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        message = json.loads(rest[:length])
        rest = rest[length:]
        if "id" in message:
            out[message["id"]] = message
    return out


def _session(frames: list[bytes]) -> tuple[dict, str, int]:
    proc = subprocess.run([sys.executable, "-m", "plandsl", "lsp"], input=b"".join(frames), capture_output=True,
                          timeout=120)
    return _responses(proc.stdout), proc.stderr.decode("utf-8", "replace"), proc.returncode


URI = "file:///plandsl-frames/x.plan"  # never read from disk: the text comes with didOpen
OPEN = [
    _frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {}, "rootUri": None, "processId": None}}),
    _frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    _frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": URI, "languageId": "plandsl", "version": 1, "text": "plan a {\n}\n"}}}),
]
CLOSE = [_frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}), _frame({"jsonrpc": "2.0", "method": "exit"})]


def _hover(msg_id: int, line: int, character: int, extra: int = 0) -> bytes:
    return _frame({"jsonrpc": "2.0", "id": msg_id, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": URI}, "position": {"line": line, "character": character}}}, extra)


def test_negative_and_out_of_range_positions_get_invalid_params_and_no_traceback():
    got, err, code = _session(OPEN + [_hover(2, -1, 0), _hover(3, 0, -5), _hover(4, 500, 0),
                                      _hover(5, 2**40, 0), _hover(6, 0, 1)] + CLOSE)
    for msg_id in (2, 3, 4, 5):
        assert got[msg_id]["error"]["code"] == -32602, got[msg_id]
    assert "result" in got[6]  # a good request after the bad ones is answered
    assert got[99]["result"] is None and code == 0
    assert "Traceback" not in err


def test_a_too_long_content_length_does_not_make_the_server_deaf():
    got, err, code = _session(OPEN + [_hover(2, 0, 1, extra=300), _hover(3, 0, 1)] + CLOSE)
    assert 2 in got and 3 in got and got[99]["result"] is None
    assert code == 0 and "Traceback" not in err


def test_a_huge_content_length_on_the_last_frames_still_shuts_down():
    frames = OPEN + [_frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}, extra=10**9),
                     _frame({"jsonrpc": "2.0", "method": "exit"})]
    got, err, code = _session(frames)
    assert got[99]["result"] is None
    assert code == 0 and "Traceback" not in err


def test_garbage_body_is_one_line_on_stderr():
    bad = b"Content-Length: 12\r\n\r\n{not json!!}"
    got, err, code = _session(OPEN + [bad, _hover(2, 0, 1)] + CLOSE)
    assert 2 in got and code == 0
    assert "Traceback" not in err


class _Stream:
    def __init__(self, data: bytes, chunk: int = 7) -> None:
        self.data, self.chunk = data, chunk

    def read1(self, n: int) -> bytes:
        out, self.data = self.data[:min(n, self.chunk)], self.data[min(n, self.chunk):]
        return out


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_framed_reader_splits_at_the_next_header(chunk):
    first, second = b'{"a": 1}', b'{"b": 2}'
    data = b"Content-Length: 500\r\n\r\n" + first + b"Content-Length: 8\r\n\r\n" + second
    reader = FramedReader(_Stream(data, chunk))
    assert reader.readline_sync() == b"Content-Length: 500\r\n"
    assert reader.readline_sync() == b"\r\n"
    assert reader.read_body_sync(500) == first
    assert reader.readline_sync() == b"Content-Length: 8\r\n"
    assert reader.readline_sync() == b"\r\n"
    assert reader.read_body_sync(8) == second
    assert reader.readline_sync() == b""
