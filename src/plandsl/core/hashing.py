"""BLAKE2b, the one hash of plandsl's cache keys and digests, without loading OpenSSL.

``import hashlib`` loads OpenSSL's bindings (``_hashlib``) at once: 4-6 ms and ~11 million instructions of every
run, a check of one changed commune included. BLAKE2b is built into CPython (``_blake2``); ``hashlib.blake2b``
is that same function. A Python built without it falls back to hashlib's.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython builds it in
    from hashlib import blake2b

__all__ = ["blake2b"]
