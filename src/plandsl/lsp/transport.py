"""The language server's stdio transport, hardened against malformed frames and params.

* A request whose params do not fit its type (a negative position, a line
  number past 2^31) is answered with JSON-RPC error -32602 (invalid params),
  and so is a position past the end of the open document. Nothing is printed
  to stderr but one line.
* A frame whose ``Content-Length`` is longer than its body does not make the
  server deaf: the body ends where the JSON value ends, or where the next
  ``Content-Length:`` header starts, and the bytes after it are read as the
  next frame. A length longer than what is ever sent ends at end of input,
  where the server exits cleanly.
* Log records from pygls are one line each, without tracebacks.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import threading
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCRequestMessage

INVALID_PARAMS = -32602
_HEADER = re.compile(rb"Content-Length: \d+\r\n")
_CHUNK = 65536

logger = logging.getLogger(__name__)


class _Ignored:
    """Stands for a message that was answered (or dropped) while it was being read."""

    jsonrpc = "2.0"


class SafeProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):
        if not isinstance(data, dict) or "jsonrpc" not in data:
            return data
        if "method" in data and "error" not in data and "result" not in data:
            kind = self.get_message_type(data["method"])
            if kind is None and "id" in data:
                kind = JsonRPCRequestMessage
            if kind is not None:
                try:
                    return self._converter.structure(data, kind)
                except Exception as exc:  # noqa: BLE001 - any mismatch is the client's params
                    if "id" in data:
                        self._send_response(data["id"], error=types.ResponseError(
                            code=INVALID_PARAMS, message=f"invalid params for {data['method']}: {_first_line(exc)}"))
                    logger.warning("invalid params for %s: %s", data["method"], _first_line(exc))
                    return _Ignored()
        return super().structure_message(data)

    def handle_message(self, message):
        if isinstance(message, _Ignored):
            return None
        return super().handle_message(message)

    def _handle_request(self, msg_id, method_name, params):
        problem = self._position_problem(params)
        if problem is not None:
            self._send_response(msg_id, error=types.ResponseError(code=INVALID_PARAMS, message=problem))
            return None
        return super()._handle_request(msg_id, method_name, params)

    def _position_problem(self, params: Any) -> str | None:
        position = getattr(params, "position", None)
        document = getattr(params, "text_document", None)
        if position is None or document is None or not hasattr(document, "uri"):
            return None
        try:
            doc = self._server.workspace.get_text_document(document.uri)
            lines = doc.lines
        except Exception:  # noqa: BLE001 - a document we cannot read: let the handler say so
            return None
        if position.line > len(lines):
            return f"position {position.line}:{position.character} is past the end of the document ({len(lines)} lines)"
        return None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class FramedReader:
    """Reads LSP frames from a binary stream, recovering from a Content-Length that is too long."""

    def __init__(self, stream: BinaryIO, executor=None) -> None:
        self.stream = stream
        self.executor = executor
        self.buffer = bytearray()
        self.eof = False

    def _more(self, limit: int = _CHUNK) -> bool:
        if self.eof:
            return False
        read1 = getattr(self.stream, "read1", None)
        chunk = read1(limit) if read1 is not None else self.stream.read(1)
        if not chunk:
            self.eof = True
            return False
        self.buffer += chunk
        return True

    def readline_sync(self) -> bytes:
        while b"\n" not in self.buffer:
            if not self._more():
                out = bytes(self.buffer)
                self.buffer.clear()
                return out
        end = self.buffer.index(b"\n") + 1
        out = bytes(self.buffer[:end])
        del self.buffer[:end]
        return out

    def read_body_sync(self, length: int) -> bytes:
        while True:
            body = bytes(self.buffer[:length])
            boundary = _HEADER.search(body)
            if boundary is not None and boundary.start() == 0:
                return b" "  # an empty body: not JSON (logged), and the header is read next
            if boundary is not None:
                # The next frame's header: this body was shorter than its Content-Length said.
                del self.buffer[:boundary.start()]
                return body[:boundary.start()]
            if len(body) >= length:
                del self.buffer[:length]
                return body
            if body.rstrip().endswith(b"}") and _complete_json(body):
                del self.buffer[:len(body)]
                return body
            if not self._more(min(_CHUNK, length - len(body))):
                self.buffer.clear()
                return body

    # pygls' reader interface
    def readline(self):
        return asyncio.get_running_loop().run_in_executor(self.executor, self.readline_sync)

    def readexactly(self, n: int):
        return asyncio.get_running_loop().run_in_executor(self.executor, self.read_body_sync, n)


def _complete_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


class _OneLine(logging.Formatter):
    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        return ""

    def formatStack(self, stack_info) -> str:  # noqa: N802
        return ""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return super().format(record).splitlines()[0] if record.getMessage() else ""


def quiet_logging() -> None:
    """pygls and plandsl.lsp log one line per record to stderr, warnings and up, no tracebacks."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine("plandsl lsp: %(levelname)s: %(message)s"))
    for name in ("pygls", "plandsl.lsp"):
        log = logging.getLogger(name)
        log.handlers[:] = [handler]
        log.setLevel(logging.WARNING)
        log.propagate = False


def serve_stdio(server, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """Run ``server`` (a pygls LanguageServer with SafeProtocol) over stdio with the framed reader."""
    from pygls.io_ import StdoutWriter, run_async

    quiet_logging()
    server._stop_event = threading.Event()
    reader = FramedReader(stdin or sys.stdin.buffer, server.thread_pool)
    server.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
    try:
        asyncio.run(run_async(stop_event=server._stop_event, reader=reader, protocol=server.protocol,
                              logger=logging.getLogger("pygls.io_"), error_handler=server.report_server_error))
    except BrokenPipeError:
        pass
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()
