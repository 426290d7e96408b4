"""Atomic output: write to a temporary file beside the target, then rename, so no reader ever sees half a file.

A bulk run writes one file per document, so the few system calls of a write are a real share of its cost: the
temporary file is created in one call, with the permissions any new file gets (0666 minus the umask), instead of
a private file plus a chmod; and its directory is created only when the create finds it missing.
"""
from __future__ import annotations

import itertools
import os
from pathlib import Path

from .errors import OutputExists

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_serial = itertools.count()


def write_bytes(path: str | os.PathLike, data: bytes, overwrite: bool = False) -> None:
    target = os.fspath(path)
    if not overwrite and os.path.exists(target):
        raise OutputExists("output exists (use --overwrite to replace it)", str(Path(target)))
    fd, tmp = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _create_temporary(target: str) -> tuple[int, str]:
    """Create and open `.<name>.<pid>-<serial>.part` beside `target`. The name is unique among running processes;
    O_EXCL makes a name left by a dead process with the same pid fail, and the next serial number is tried. At most
    32 characters of the target's name (128 bytes of UTF-8) keep the temporary name within the 255-byte limit."""
    directory, name = os.path.split(target)
    while True:
        tmp = os.path.join(directory, f".{name[:32]}.{os.getpid()}-{next(_serial)}.part")
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            os.makedirs(directory, exist_ok=True)  # the first output of its directory
