"""The shipped fonts and font discovery: TrueType outlines, own names, licences, coverage, user precedence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from converters import fonts
from converters.layout import profile as profiles

PROFILE = profiles.load()
SHIPPED = fonts.shipped_files(PROFILE)


def gb2312_hanzi() -> list[str]:
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def test_every_role_has_a_truetype_face_named_as_the_profile_says():
    assert set(SHIPPED) == {"xiaobiaosong", "fangsong", "heiti", "kaiti", "songti"}
    for role, path in SHIPPED.items():
        font = TTFont(path, lazy=True)
        assert "glyf" in font and "CFF " not in font, path  # ReportLab embeds TrueType outlines only
        assert font["name"].getDebugName(1) == PROFILE.entry(f"fonts.{role}").get("shipped") == path.stem
        assert font["OS/2"].fsType & 0x2 == 0  # embedding not restricted
        assert (path.parent / f"{path.stem}.LICENSE.txt").is_file()


def test_licences_match_the_sources():
    folder = fonts.shipped_dir()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "GwHeiti.LICENSE.txt").read_text(encoding="utf-8")
    fandol = (folder / "GwFangsong.LICENSE.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in fandol and "if you create a document which uses this font" in fandol


def test_fonts_folder_stays_small():
    total = sum(p.stat().st_size for p in fonts.shipped_dir().glob("*.ttf"))
    assert total < 28 * 2**20


def test_every_gb2312_hanzi_prints_in_every_role():
    fs = fonts.load(PROFILE)
    for role in SHIPPED:
        missing = [c for c in gb2312_hanzi() if fs.font_for(role, c) is None]
        assert not missing, (role, missing[:10])
    own = fs.coverage["GwSongti"]
    assert all(ord(c) in own for c in gb2312_hanzi())  # the Noto-based faces have GB 2312 complete themselves


def test_characters_of_the_shared_samples_are_covered_by_the_body_face(shared):
    fs = fonts.load(PROFILE)
    chars = set()
    for path in [*(shared / "seeds").glob("*.txt"), *(shared / "samples-html").glob("*.html")]:
        chars |= set(path.read_text(encoding="utf-8", errors="replace"))
    printable = {c for c in chars if c.isprintable() and not c.isspace() and c != "\ufffd"}
    missing = sorted(c for c in printable if fs.font_for("fangsong", c) is None)
    assert not missing


def test_fallback_draws_rare_name_characters():
    fs = fonts.load(PROFILE)
    for char in "𠮷堃喆䶮":  # Extension B, GBK-only, GBK-only, Extension A
        assert fs.font_for("fangsong", char) is not None, char
    assert fs.font_for("fangsong", "𠮷") == fonts.FALLBACK
    assert fs.font_for("fangsong", chr(0x2A6D6)) is None  # last Extension B code point: no open face has it


def _renamed_copy(src: Path, dest: Path, family: str) -> Path:
    font = TTFont(src)
    font["name"].names = [r for r in font["name"].names if r.nameID not in (1, 4, 16)]
    for nid in (1, 4):
        font["name"].setName(family, nid, 3, 1, 0x804)  # a Windows record in Chinese, as licensed faces have
    font.save(dest)
    return dest


def test_user_font_takes_precedence_by_family_name(tmp_path):
    licensed = _renamed_copy(SHIPPED["heiti"], tmp_path / "fs.ttf", "仿宋_GB2312")
    fs = fonts.load(PROFILE, (tmp_path,))
    name = fs.by_role["fangsong"]
    assert fs.files[name] == licensed
    assert fs.by_role["heiti"] == "GwHeiti"  # other roles keep the shipped faces


def test_user_font_found_by_file_name_and_environment(tmp_path, monkeypatch):
    shutil.copy(SHIPPED["songti"], tmp_path / "simkai.ttf")
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path))
    fs = fonts.load(PROFILE)
    assert fs.files[fs.by_role["kaiti"]] == tmp_path / "simkai.ttf"


def test_explicit_folder_wins_over_environment(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SHIPPED["songti"], tmp_path / "a" / "simhei.ttf")
    shutil.copy(SHIPPED["kaiti"], tmp_path / "b" / "simhei.ttf")
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "b"))
    fs = fonts.load(PROFILE, (tmp_path / "a",))
    assert fs.files[fs.by_role["heiti"]] == tmp_path / "a" / "simhei.ttf"


def test_unusable_user_fonts_are_reported_not_fatal(tmp_path):
    cff = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf")
    if cff.is_file():
        shutil.copy(cff, tmp_path / "仿宋_GB2312.otf")
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    fs = fonts.load(PROFILE, (tmp_path, tmp_path / "missing"))
    assert fs.by_role["fangsong"] == "GwFangsong"
    notes = "\n".join(fs.notes)
    assert "broken.ttf: not a readable font" in notes and "font folder not found" in notes
    if cff.is_file():
        assert "CFF outlines" in notes


def test_fonts_are_registered_once_per_configuration():
    assert fonts.load(PROFILE) is fonts.load(PROFILE)


@pytest.mark.parametrize("role", sorted(SHIPPED))
def test_shipped_files_are_package_data(role):
    # The installed package reads them from converters/fontdata (a link to fonts/ in the repository).
    assert (Path(fonts.__file__).parent / "fontdata" / f"{SHIPPED[role].stem}.ttf").is_file()


def test_missing_shipped_fonts_give_a_one_line_error(monkeypatch, tmp_path):
    from converters.errors import ConversionError

    monkeypatch.setattr(fonts, "SHIPPED_DIRS", (tmp_path,))
    with pytest.raises(ConversionError, match="shipped fonts not found") as info:
        fonts.shipped_dir()
    assert "\n" not in str(info.value)
