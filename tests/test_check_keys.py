"""The engine's keys and paths: shortcuts that must give exactly what the plain library call gives."""

from __future__ import annotations

import hashlib
import os

from hypothesis import given
from hypothesis import strategies as st

from plandsl.check.env import run_key
from plandsl.check.files import absolute

_PART = st.text(st.sampled_from("ab./ăđ\udcff\u0300x"), min_size=0, max_size=8)


def _run_key_by_fsencode(env: bytes, discovered: list[str], files: list[tuple[str, str]]) -> str:
    """run_key as it was written first: one os.fsencode per path."""
    h = hashlib.blake2b(env, digest_size=20)
    for text in discovered:
        h.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    h.update(b"".join([os.fsencode(path) + b"\0" + digest.encode() + b"\x1e" for path, digest in files]))
    return h.hexdigest()


@given(st.lists(st.tuples(_PART, st.text("0123456789abcdef", min_size=40, max_size=40)), max_size=6))
def test_run_key_is_the_key_of_the_paths_as_the_file_system_encodes_them(files):
    """Stored checks keep their keys: encoding all paths at once equals one os.fsencode per path (even
    for a name with bytes that are not UTF-8, read as surrogates)."""
    assert run_key(b"env", ["[]"], files) == _run_key_by_fsencode(b"env", ["[]"], files)


@given(st.lists(st.sampled_from(["a", "b.plan", ".", "..", "", ".h", "ă"]), max_size=5), st.booleans())
def test_absolute_is_abspath(parts, rooted):
    path = ("/" if rooted else "") + "/".join(parts)
    assert absolute(path or ".") == os.path.abspath(path or ".")
