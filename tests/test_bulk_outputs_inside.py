"""converters/paths.py `inside`/`below`: which output paths a bulk run may write (symbolic links followed)."""
from __future__ import annotations

import os

from converters.paths import below, inside


def test_paths_below_the_root_are_inside_even_before_they_exist(tmp_path):
    root = tmp_path / "out"
    assert inside(root, root / "a" / "b.md")
    assert inside(root, root)


def test_a_sibling_sharing_the_root_name_as_prefix_is_outside(tmp_path):
    assert not inside(tmp_path / "out", tmp_path / "outside" / "x.md")
    assert not inside(tmp_path / "out", tmp_path / "x.md")


def test_dot_dot_and_symbolic_links_are_resolved(tmp_path):
    root = tmp_path / "out"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (root / "link").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "alias").symlink_to(root)
    assert not inside(root, root / "sub" / ".." / ".." / "x.md")
    assert not inside(root, root / "link" / "x.md")
    assert inside(root, tmp_path / "alias" / "sub" / "x.md")


def test_relative_paths_resolve_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert inside("out", "out/a.md")
    assert not inside("out", "a.md")


def test_below_takes_the_resolved_root_and_the_file_system_root_holds_everything(tmp_path):
    real = os.path.realpath(tmp_path)
    assert below(real, tmp_path / "x" / "y.md")
    assert below("/", tmp_path / "x.md")
