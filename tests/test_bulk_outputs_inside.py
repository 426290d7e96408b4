"""converters/paths.py `inside`/`below`: which output paths a bulk run may write (symbolic links followed)."""
from __future__ import annotations

from converters.paths import OutputRoot, inside


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


def test_the_file_system_root_holds_everything(tmp_path):
    assert inside("/", tmp_path / "x.md")


def test_one_output_root_checks_many_outputs_link_by_link(tmp_path):
    """The checker keeps the last directory's resolution, yet a link made later in that directory is still seen
    (each output's own name is checked), and so is a directory that is a link (each new directory is resolved)."""
    root = tmp_path / "out"
    (root / "a").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    outputs = OutputRoot(root)
    assert outputs.holds(root / "a" / "1.md")
    (root / "a" / "2.md").symlink_to(tmp_path / "elsewhere" / "2.md")
    assert not outputs.holds(root / "a" / "2.md")
    assert outputs.holds(root / "a" / "3.md")
    (root / "b").symlink_to(tmp_path / "elsewhere")
    assert not outputs.holds(root / "b" / "1.md")
    assert not outputs.holds(root / "a" / ".." / ".." / "x.md")
    assert outputs.holds(root / "a" / ".." / "b.md")
