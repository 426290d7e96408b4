"""Atomic output: write to a temporary file beside the target, then rename, so no reader ever sees half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputExists


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; outputs get the usual permissions (0666 minus the umask).
FILE_MODE = 0o666 & ~_umask()


def write_bytes(path: str | os.PathLike, data: bytes, overwrite: bool = False) -> None:
    target = Path(path)
    if target.exists() and not overwrite:
        raise OutputExists("output exists (use --overwrite to replace it)", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:64]}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
