"""converters/atomic.py: complete files only, the usual permissions, no clobbering unless asked."""
from __future__ import annotations

import itertools
import os
import stat

import pytest

from converters import atomic
from converters.errors import OutputExists


def test_missing_directories_are_created_and_no_temporary_file_stays(tmp_path):
    target = tmp_path / "a" / "b" / "out.md"
    atomic.write_bytes(target, b"text")
    assert target.read_bytes() == b"text"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.md"]


def test_an_existing_output_is_kept_unless_overwrite(tmp_path):
    target = tmp_path / "out.md"
    target.write_bytes(b"old")
    with pytest.raises(OutputExists) as info:
        atomic.write_bytes(target, b"new")
    assert info.value.path == str(target)
    assert target.read_bytes() == b"old"
    atomic.write_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_get_the_permissions_of_any_new_file(tmp_path, mask, mode):
    previous = os.umask(mask)
    try:
        atomic.write_bytes(tmp_path / "out.md", b"text")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.md").stat().st_mode) == mode


def test_a_temporary_name_left_by_a_dead_process_is_not_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_serial", itertools.count())
    stale = tmp_path / f".out.md.{os.getpid()}-0.part"
    stale.write_bytes(b"half a file")
    atomic.write_bytes(tmp_path / "out.md", b"text")
    assert (tmp_path / "out.md").read_bytes() == b"text"
    assert stale.read_bytes() == b"half a file"


def test_a_failed_write_removes_its_temporary_file(tmp_path, monkeypatch):
    class Broken:
        def __init__(self, fd, mode):
            os.close(fd)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", Broken)
    with pytest.raises(OSError):
        atomic.write_bytes(tmp_path / "out.md", b"text")
    assert list(tmp_path.iterdir()) == []


def test_a_name_of_the_longest_allowed_length_can_be_written(tmp_path):
    name = "𠀀" * 63 + ".md"  # 255 bytes of UTF-8, the longest name safe_component gives
    assert len(name.encode("utf-8")) == 255
    atomic.write_bytes(tmp_path / name, b"text")
    assert (tmp_path / name).read_bytes() == b"text"
