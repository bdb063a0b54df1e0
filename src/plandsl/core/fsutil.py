"""Small file-system helpers shared by commands that write files."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from plandsl.core.i18n import N_


def write_atomic(path: str | os.PathLike, data: bytes | str, *, overwrite: bool, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically.

    The data goes to a temporary file in the same folder, is flushed to disk and
    then moved over ``path`` with ``os.replace``, so readers never see a half
    written file. ``str`` data is written as UTF-8 exactly as given (no newline
    translation). Unless ``overwrite`` is true an existing ``path`` is left alone
    and :class:`FileExistsError` is raised; a file that appears between the
    check and the move is still never clobbered by a non-overwriting call.
    ``durable=False`` skips the fsync, for caches that can always be rebuilt.

    A symbolic link is resolved first: the file it points to is replaced (and
    keeps its permission bits) while the link stays a link. A link loop or a
    link whose target's folder is missing raises :class:`OSError`;
    a dangling link creates the file it points to.
    """
    target = Path(path)
    if target.is_symlink():
        if _is_loop(target):
            raise OSError(errno.ELOOP, "a symbolic link loop", str(target))
        target = Path(os.path.realpath(target))
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} already exists (use --force to overwrite it)")
    folder = target.parent if str(target.parent) else Path(".")
    import tempfile  # only writes need it (~4 ms to import: random, shutil)

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if target.exists():
            # Keep the permissions of the file being replaced.
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if overwrite:
            os.replace(tmp, target)
        else:
            # link() fails if the target appeared meanwhile; fall back to replace
            # on file systems without hard links.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise FileExistsError(f"{target} already exists (use --force to overwrite it)") from None
            except OSError:
                os.replace(tmp, target)
            else:
                os.unlink(tmp)
            tmp = ""
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def _is_loop(path: Path) -> bool:
    """Whether resolving the symbolic link ``path`` runs into a loop."""
    try:
        os.path.realpath(path, strict=True)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def describe_missing(path: str | os.PathLike) -> str:
    """Why ``path`` cannot be opened, in plain words: a link loop, a dangling link, or nothing there."""
    from plandsl.core.i18n import _

    p = Path(path)
    if p.is_symlink():
        if _is_loop(p):
            return _("{path} is a symbolic link loop (it points back to itself)").format(path=path)
        return _("{path} is a symbolic link to {target}, which does not exist").format(
            path=path, target=os.readlink(p))
    return _("no such file or folder: {path}").format(path=path)


# The reasons a file operation fails that planners meet, in plain words (the OS's own text,
# ``strerror``, is in English whatever the language of messages).
_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("it already exists"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ELOOP: N_("a symbolic link loop"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EBUSY: N_("the file is in use"),
    errno.EADDRINUSE: N_("the address is already in use"),
    errno.EADDRNOTAVAIL: N_("the address is not available on this machine"),
}


def os_reason(exc: BaseException) -> str:
    """Why an operating-system call failed, in the language of messages (the OS's text otherwise)."""
    from plandsl.core.i18n import _

    reason = _OS_REASONS.get(getattr(exc, "errno", None))
    if reason is not None:
        return _(reason)
    return getattr(exc, "strerror", None) or str(exc)
