"""What the engine knows about one spec file: content digest, stat, parse summary, full parse."""

from __future__ import annotations

import os
import time
from typing import Any

from attrs import evolve

from plandsl.check import codec
from plandsl.check.env import content_digest
from plandsl.core.records import define

# A file whose mtime is this close to the moment it was read may have changed again within the
# file system's timestamp granularity: its stat record is not trusted, it is read and hashed again.
RACY_NS = 2_000_000_000


def header_sig(plan) -> str:
    """What the graph, the deviation step and the header-reading set rules see of a plan, as one string."""
    return codec.header_text(plan)


@define(slots=True)
class FileState:
    digest: str  # blake2b of the bytes ("" when the file could not be read, or not read yet: see stat_only)
    size: int = -1
    mtime_ns: int = -1
    seen_ns: int = 0  # when the bytes were read (for the racy-mtime rule)
    diagnostics: tuple = ()
    header: Any = None  # a header-only Plan, or the full plan once parsed; None: no plan
    header_sig: str | None = None  # None: no summary yet (neither from the cache nor parsed)
    result: Any = None  # the full ParseResult, once something needed it
    overlay: bool = False  # an editor's unsaved text
    data: bytes | None = None  # the bytes read, until they are parsed

    @classmethod
    def parsed(cls, result, digest: str, overlay: bool = False) -> "FileState":
        return cls(digest, diagnostics=result.diagnostics, header=result.plan, header_sig=header_sig(result.plan),
                   result=result, overlay=overlay, seen_ns=time.time_ns())

    def with_summary(self, diagnostics: tuple, header, sig: str) -> "FileState":
        return evolve(self, diagnostics=diagnostics, header=header, header_sig=sig, data=None)

    def with_result(self, result) -> "FileState":
        return evolve(self, diagnostics=result.diagnostics, header=result.plan, header_sig=header_sig(result.plan),
                      result=result, data=None)

    def trusted(self, st: os.stat_result) -> bool:
        return st.st_size == self.size and st.st_mtime_ns == self.mtime_ns and self.mtime_ns < self.seen_ns - RACY_NS


def absolute(path: str) -> str:
    """``os.path.abspath(path)``, without its normpath when ``path`` is already normal, as discovered
    paths are (POSIX; the stat records are looked up by it for every file of a run)."""
    if os.sep != "/" or not path or "//" in path or "/." in path or path[0] == "." or path[-1] == "/":
        return os.path.abspath(path)
    if path[0] == "/":
        return path
    cwd = os.getcwd()
    return cwd + path if cwd == "/" else cwd + "/" + path


def read_disk(path: str, old: FileState | None, stats: dict | None) -> FileState:
    """The file's state: ``old`` itself when its stat is unchanged, a state from the stored stat
    record (digest only) when that matches, else the bytes read and hashed."""
    try:
        st = os.stat(path)
    except OSError:
        return FileState("")
    if old is not None and not old.overlay and old.trusted(st):
        return old
    if stats is not None:
        rec = stats.get(absolute(path))
        if rec is not None:
            size, mtime, digest, seen = rec
            candidate = FileState(digest, size, mtime, seen)
            if candidate.trusted(st) and len(digest) == 40:
                return candidate
    seen_ns = time.time_ns()
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return FileState("")
    digest = content_digest(data)
    if old is not None and not old.overlay and old.digest == digest and old.header_sig is not None:
        return evolve(old, size=st.st_size, mtime_ns=st.st_mtime_ns, seen_ns=seen_ns)
    return FileState(digest, st.st_size, st.st_mtime_ns, seen_ns, data=data)


def stat_only(path: str) -> FileState:
    """The file's state from its stat alone, its digest to be taken when its bytes are read (a big first
    run with no stat records: the workers that parse the files hash them, see check.bulk)."""
    try:
        st = os.stat(path)
    except OSError:
        return FileState("")
    return FileState("", st.st_size, st.st_mtime_ns, time.time_ns())


def with_bytes(state: FileState, raw: bytes) -> FileState:
    """``state`` after its file's bytes ``raw`` were read (again): the digest taken if it was not yet, a new
    state not trusted next time if the bytes changed since it was taken."""
    digest = content_digest(raw)
    if not state.digest and state.size >= 0:
        return evolve(state, digest=digest)
    return state if digest == state.digest else FileState(digest, seen_ns=0)


def read_states(paths, states: dict[str, FileState]) -> dict[str, bytes]:
    """The bytes of the files ``paths`` (a state's own, else read again), by path; a state whose digest
    was not taken yet gets it, one whose file changed since gets a new state (see :func:`with_bytes`).
    Unreadable files are left out."""
    from plandsl.project.parallel import read_bytes

    out = {}
    for path in paths:
        state = states[path]
        raw = state.data if state.data is not None else read_bytes(path)
        if raw is None:
            continue
        if state.data is None:
            states[path] = with_bytes(state, raw)
        out[path] = raw
    return out
