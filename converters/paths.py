"""Output names derived from input names (file names, archive members, crawl URLs) that stay inside the output root.

An input name is untrusted: it may hold '../', an absolute path, a drive letter, control characters, a name
Windows reserves (CON, NUL …) or more bytes than a file system allows. Every component is made safe on its own,
so the joined path can only ever point below the output directory.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import PurePosixPath

MAX_NAME_BYTES = 255  # the usual per-component limit (ext4, XFS, APFS, NTFS in UTF-16 units is larger)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*\\/]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_component(name: str, suffix: str = "") -> str:
    """One path component: unsafe characters replaced, never '.', '..' or a reserved name, and with `suffix`
    appended still within MAX_NAME_BYTES (a long name is cut and given a short hash so cut names stay distinct)."""
    name = _UNSAFE.sub("_", name).strip().rstrip(".")
    if name in ("", ".", ".."):
        name = "_"
    if name.startswith("."):
        name = "_" + name[1:]
    if _RESERVED.match(name):
        name = "_" + name
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    if len(name.encode("utf-8")) > room:
        digest = "~" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
        name = _cut(name, room - len(digest)) + digest
    return name + suffix


def safe_relative(name: str, suffix: str = "") -> PurePosixPath:
    """A relative path below the output root for an input name with '/' or '\\' separators (a URL path or a
    member name); `suffix` goes on the last component."""
    parts = [p for p in re.split(r"[\\/]+", name) if p not in ("", ".")]
    if not parts:
        parts = ["_"]
    safe = [safe_component(p) for p in parts[:-1]] + [safe_component(parts[-1], suffix)]
    return PurePosixPath(*safe)


def inside(root: str | os.PathLike, target: str | os.PathLike) -> bool:
    """True when `target` resolves (symbolic links followed) to a path below `root`."""
    return OutputRoot(root).holds(target)


class OutputRoot:
    """An output directory that checks, for many outputs, that each resolves (symbolic links followed) below it.

    A bulk run checks every output, and outputs come directory by directory: the root and the last output's
    directory are resolved once, so an ordinary output costs one lstat instead of one per path component.
    """

    def __init__(self, root: str | os.PathLike):
        self.path = root
        self._real = os.path.realpath(root)
        self._prefix = self._real.rstrip(os.sep) + os.sep
        self._directory: str | None = None
        self._real_directory = ""

    def holds(self, target: str | os.PathLike) -> bool:
        directory, name = os.path.split(os.fspath(target))
        if directory != self._directory:
            self._directory, self._real_directory = directory, os.path.realpath(directory)
        real = os.path.join(self._real_directory, name)
        if name in ("", ".", "..") or os.path.islink(real):
            real = os.path.realpath(target)
        return real == self._real or real.startswith(self._prefix)


def _cut(text: str, max_bytes: int) -> str:
    """The longest prefix of `text` that fits in `max_bytes` of UTF-8, never splitting a character."""
    return text.encode("utf-8")[:max(max_bytes, 1)].decode("utf-8", errors="ignore") or "_"
