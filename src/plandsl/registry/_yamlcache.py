"""The registry's YAML files (agencies.yaml, unit_changes.yaml), read once per content.

Importing PyYAML and parsing agencies.yaml cost ~35 ms, most of the registry's
share of a one-file re-check; the same value as JSON text in the cache store
reads in ~1 ms. The stored text is keyed by the file's bytes, so an edited file
is parsed again; it is plain JSON, read with ``json.loads`` (nothing executes),
and a row that does not decode is parsed from the YAML again. Dates become
ISO strings in the stored form: the readers of these files take either
(``_date``/``_d``/``_as_date``). Only plain values are stored; anything else
(a YAML type JSON cannot hold as it is) is parsed from the YAML every time.
Off with ``plandsl check --no-cache`` (``jurisdictions.DISK_CACHE``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from plandsl.core.hashing import blake2b

NAMESPACE = "registry-yaml"


class BadYAML(ValueError):
    """The file is not valid YAML (the parser's message)."""


class _NotPlain(ValueError):
    pass


def _plain(value):
    """``value`` with dates as ISO strings; raises _NotPlain for anything JSON would change."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is dt.date:
        return value.isoformat()
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict and all(type(k) is str for k in value):
        return {k: _plain(v) for k, v in value.items()}
    raise _NotPlain(type(value).__name__)


def load(path: Path):
    """The parsed content of the YAML file ``path`` (dates may be ISO strings)."""
    from plandsl.registry import jurisdictions

    data = path.read_bytes()
    if not jurisdictions.DISK_CACHE:
        return _parse(data)
    from plandsl.core.cachedb import CacheDB

    ns = f"{NAMESPACE}:{path.name}"
    key = blake2b(b"yaml-as-json-1\0" + data, digest_size=20).hexdigest()
    db = CacheDB()
    try:
        text = db.get(ns, key)
        if text is not None:
            try:
                return json.loads(text)
            except ValueError:
                pass
        value = _parse(data)
        try:
            db.put(ns, key, json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")))
            db.commit(keep={ns: [key]}, limit=1)
        except _NotPlain:
            pass
        return value
    finally:
        db.close()


def _parse(data: bytes):
    import yaml

    try:
        return yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: safe
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BadYAML(str(exc)) from None
