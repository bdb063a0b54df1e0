"""The one cache store: an SQLite file of plain values that can always be rebuilt.

Everything plandsl keeps between runs (per-file parse summaries, per-plan
findings, the registry's unit index, file stat records) lives in one file::

    <root>/.plandsl-cache/cache.sqlite3

``<root>`` is the nearest folder, walking up from the current folder, that
holds ``plandsl.toml`` or ``pyproject.toml`` (where the configuration comes
from), else the current folder; ``PLANDSL_CACHE_DIR`` overrides the folder.

Security and robustness (the cache may come from someone else: a shared folder,
a repository that ships it):

- values are text (JSON written by plandsl) or plain integers; nothing read is
  ever unpickled, evaluated or imported. Readers (the callers) validate every
  value and treat anything unexpected as a miss;
- a damaged or foreign database file (not SQLite, truncated, wrong schema,
  any ``sqlite3.Error``) is a miss: it is moved aside and a fresh one is made;
  the store never raises to its caller;
- any other file in the cache folder (for instance a ``*.pkl`` left by an old
  plandsl, or planted there) is never read.

Writes are best-effort: a read-only disk only costs speed. The file uses WAL
mode, so readers (the language server, the web workspace) and one writer (a
CLI run) can work at the same time.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Iterable

from plandsl.core.hashing import blake2b

CACHE_DIRNAME = ".plandsl-cache"
ENV_CACHE_DIR = "PLANDSL_CACHE_DIR"
DB_NAME = "cache.sqlite3"
# 2: every value carries a checksum of its namespace, key and text.
# 3: values in a rowid table, looked up through its (ns, key) index: in a WITHOUT ROWID table a row's whole
#    text is read at each comparison of the key search when it overflows its page, so reading one 30 KB
#    value took 1-3 ms instead of 0.06 ms, and the last check's 0.5 MB value far more.
SCHEMA_VERSION = 3
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by plandsl; it can be deleted at any time.\n"


# The stores with an open connection, closed when the process ends (see close_all).
_OPEN: "weakref.WeakSet[CacheDB]" = weakref.WeakSet()
# The database files this process has opened and checked (set up, schema, pages read), by path and pid, with
# the file's identity (device, inode) then. Another store of the same file (the registry's, the unit index's:
# a one-commune check opened four) connects without checking it again, ~1.5 ms each, unless the file was
# replaced meanwhile. A damaged file still shows at the first query that reads it (see _fail).
_CHECKED: dict[tuple[int, str], tuple[int, int]] = {}


def close_all() -> None:
    """Close every connection this process opened.

    The last connection to close moves the write-ahead log into the database file and deletes it. A
    process that ends with its connection open (a CLI run keeps its store until it exits) leaves the log
    behind, growing with every run (28 MB after twenty one-commune re-checks), and the next process to
    open the file reads the whole log to rebuild its index (~17 ms) and then reads the rows through it.
    A forked worker never closes its parent's connections (it ends with ``os._exit`` anyway).
    """
    pid = os.getpid()
    for store in list(_OPEN):
        if store._pid == pid:
            store.close()


atexit.register(close_all)


def default_root(start: Path | None = None) -> Path:
    """``.plandsl-cache`` in the nearest project folder (see the module docstring)."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "plandsl.toml").is_file() or (folder / "pyproject.toml").is_file():
            return folder / CACHE_DIRNAME
    return here / CACHE_DIRNAME


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                                    used INTEGER NOT NULL, PRIMARY KEY (ns, key));
CREATE TABLE IF NOT EXISTS stats (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                                  digest TEXT NOT NULL, seen_ns INTEGER NOT NULL) WITHOUT ROWID;
"""


class CacheDB:
    """Text values by (namespace, key), and file stat records. Never raises ``sqlite3.Error``.

    ``get``/``get_many`` return ``str`` values (or nothing); the caller decodes
    and validates them. ``put_many``/``put_stats`` are grouped into one
    transaction per :meth:`commit`.
    """

    def __init__(self, root: str | os.PathLike | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.path = self.root / DB_NAME
        self._conn: sqlite3.Connection | None = None
        self._broken = False
        self._pending: list[tuple[str, str, str]] = []
        self._pending_stats: list[tuple[str, int, int, str, int]] = []
        self._pid = os.getpid()

    # -- connection -----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self._broken:
            return self._conn
        for attempt in range(2):
            try:
                self._conn = self._open()
                self._pid = os.getpid()
                _OPEN.add(self)
                return self._conn
            except (sqlite3.Error, OSError, ValueError):
                self._close()
                if attempt == 0:
                    self._set_aside()
        self._broken = True
        return None

    def _open(self) -> sqlite3.Connection:
        self.root.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            try:
                tag.write_text(_TAG, encoding="utf-8")
            except OSError:
                pass
        conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
        key = (os.getpid(), str(self.path))
        try:
            st = os.stat(self.path)
            identity = (st.st_dev, st.st_ino)
        except OSError:
            identity = None
        if identity is not None and _CHECKED.get(key) == identity:
            try:
                conn.execute("PRAGMA synchronous=OFF")  # a connection's own setting (WAL mode is the file's)
            except BaseException:
                conn.close()
                raise
            return conn
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")  # a cache: losing the last writes only costs speed
            conn.executescript(_SCHEMA)
            row = conn.execute("SELECT value FROM meta WHERE name='schema'").fetchone()
            if row is None:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                raise sqlite3.DatabaseError("foreign schema")
            conn.execute("SELECT count(*) FROM stats").fetchone()  # touches the pages: damage shows here
            st = os.stat(self.path)
        except BaseException:
            conn.close()
            raise
        _CHECKED[key] = (st.st_dev, st.st_ino)
        return conn

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
        self._conn = None

    def _set_aside(self) -> None:
        """Remove a damaged database (and its WAL files) so a fresh one can be made."""
        _CHECKED.pop((os.getpid(), str(self.path)), None)
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(str(self.path) + suffix)
            except OSError:
                pass

    def _fail(self) -> None:
        """A query failed: the file is damaged. Start again with an empty store."""
        self._close()
        self._set_aside()
        self._pending.clear()
        self._pending_stats.clear()

    def close(self) -> None:
        self._close()

    # -- values ---------------------------------------------------------------
    def get(self, ns: str, key: str) -> str | None:
        """The value under (``ns``, ``key``), or None when it is absent, damaged or unreadable."""
        try:
            return self.get_present(ns, key)
        except ValueError:
            return None

    def get_present(self, ns: str, key: str) -> str | None:
        """Like :meth:`get`, but a row that is there and damaged raises ValueError instead of reading as
        absent (for readers to whom an absent row is an answer, such as the unit index's rows)."""
        conn = self._connect()
        if conn is None:
            raise ValueError("the cache store cannot be read")
        try:
            row = conn.execute("SELECT value FROM entries WHERE ns=? AND key=?", (ns, key)).fetchone()
        except (sqlite3.Error, UnicodeDecodeError, ValueError):
            self._fail()
            raise ValueError("the cache store is damaged") from None
        if row is None:
            return None
        value = _checked(ns, key, row[0])
        if value is None:
            raise ValueError("a damaged row in the cache store")
        return value

    def get_many(self, ns: str, keys: Iterable[str]) -> dict[str, str]:
        """Values of the ``keys`` present (text only)."""
        conn = self._connect()
        wanted = list(dict.fromkeys(keys))
        if conn is None or not wanted:
            return {}
        out: dict[str, str] = {}
        try:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for key, value in conn.execute(
                        f"SELECT key, value FROM entries WHERE ns=? AND key IN ({marks})", (ns, *chunk)):
                    text = _checked(ns, key, value) if isinstance(key, str) else None
                    if text is not None:
                        out[key] = text
        except (sqlite3.Error, UnicodeDecodeError, ValueError):  # damaged or crafted: a miss, rebuilt
            self._fail()
            return {}
        return out

    def put(self, ns: str, key: str, value: str) -> None:
        self._pending.append((ns, key, _checksum(ns, key, value) + value))

    def stats(self) -> dict[str, tuple[int, int, str, int]]:
        """Every stat record: path -> (size, mtime_ns, digest, seen_ns). Rows of the wrong types are left out."""
        conn = self._connect()
        if conn is None:
            return {}
        try:
            # The types are checked by SQLite (typeof), not per row in Python: a third of the time of
            # a one-file re-check's reading of some 3,000 records.
            rows = conn.execute(
                "SELECT path, size, mtime_ns, digest, seen_ns FROM stats WHERE typeof(path)='text' AND "
                "typeof(size)='integer' AND typeof(mtime_ns)='integer' AND typeof(digest)='text' AND "
                "typeof(seen_ns)='integer'").fetchall()
            out = {path: (size, mtime, digest, seen) for path, size, mtime, digest, seen in rows}
        except (sqlite3.Error, UnicodeDecodeError, ValueError):  # damaged or crafted: a miss, rebuilt
            self._fail()
            return {}
        return out

    def put_stat(self, path: str, size: int, mtime_ns: int, digest: str, seen_ns: int) -> None:
        self._pending_stats.append((path, size, mtime_ns, digest, seen_ns))

    @property
    def pending(self) -> bool:
        """Whether anything was put since the last commit."""
        return bool(self._pending or self._pending_stats)

    def commit(self, keep: dict[str, Iterable[str]] | None = None, limit: int = 4,
               floor: dict[str, int] | None = None) -> None:
        """Write what was put. ``keep``: per namespace, the keys in use now (an iterable; one with a
        length is iterated only when needed). When a namespace holds more than ``limit`` times that many
        entries (and, where ``floor`` names it, more than that many too), the others are dropped: all of
        them, or, in a namespace with a floor, the oldest written first, down to half that allowance.

        A floor is for the rows of many files or plans (parse summaries, findings): two sets of specs
        checked from one project folder (a province's folder and the whole country, the CLI on one and
        the web workspace on the other) share the store, and a check of the small one must not drop the
        large one's rows, which would make its next check a full one."""
        if not self._pending and not self._pending_stats and not keep:
            return
        conn = self._connect()
        if conn is None:
            return
        now = time.time_ns()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                             [(ns, k, v, now) for ns, k, v in self._pending])
            conn.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?)", self._pending_stats)
            for ns, keys in (keep or {}).items():
                if not hasattr(keys, "__len__"):
                    keys = list(keys)
                least = (floor or {}).get(ns, 0)
                allowed = max(limit * len(keys), least) + 64
                (count,) = conn.execute("SELECT count(*) FROM entries WHERE ns=?", (ns,)).fetchone()
                if count > allowed:  # only then are the keys listed (they may be computed lazily)
                    self._prune(conn, ns, keys, (allowed - len(keys)) // 2 if least else 0)
            conn.execute("COMMIT")
        except sqlite3.OperationalError:  # locked by another writer, read-only disk, full disk: skip
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        except (sqlite3.Error, UnicodeDecodeError, ValueError):  # damaged or crafted: a miss, rebuilt
            self._fail()
        finally:
            self._pending.clear()
            self._pending_stats.clear()

    @staticmethod
    def _prune(conn: sqlite3.Connection, ns: str, keys: Iterable[str], others: int) -> None:
        """Drop the entries of ``ns`` not under ``keys`` but the ``others`` written last."""
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep_keys (key TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM keep_keys")
        conn.executemany("INSERT OR IGNORE INTO keep_keys VALUES (?)", [(k,) for k in keys])
        if not others:
            conn.execute("DELETE FROM entries WHERE ns=? AND key NOT IN (SELECT key FROM keep_keys)", (ns,))
            return
        conn.execute("DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries WHERE ns=? AND key NOT IN "
                     "(SELECT key FROM keep_keys) ORDER BY used DESC, rowid DESC LIMIT -1 OFFSET ?)", (ns, others))


def _checksum(ns: str, key: str, value: str) -> str:
    """16 hex digits over the namespace, key and value: a damaged byte anywhere in a row (a disk
    error, a bad copy) makes the row a miss instead of a wrong message or path on screen."""
    h = blake2b(digest_size=8)
    h.update(f"{ns}\0{key}\0".encode("utf-8", "surrogatepass"))
    h.update(value.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _checked(ns: str, key: str, stored) -> str | None:
    """The value of a stored row, or None when it is not text or its checksum does not match."""
    if not isinstance(stored, str) or len(stored) < 16:
        return None
    value = stored[16:]
    return value if stored[:16] == _checksum(ns, key, value) else None


def clear(root: str | os.PathLike | None = None) -> None:
    """Delete the cache store."""
    store = CacheDB(root)
    store._set_aside()
