"""Fonts per layout role: finding them, registering them with ReportLab once, and checking coverage.

The layout profile names five roles (小标宋, 仿宋, 黑体, 楷体, 宋体) with the customary Chinese face names and
the open face shipped for each (`[fonts]` in gbt9704.toml). A licensed face the user points at — a folder given
as `WriteOptions.font_dirs` (`--font-dir`) or in the environment variable GWCONV_FONT_DIR — takes precedence
for its role when its family name or file name is one of the role's customary names. Characters a role face
lacks are drawn from the other shipped faces and finally from the wide fallback face, so rare characters in
names print; a character no face has is reported to the caller instead of being drawn as an empty box.
"""
from __future__ import annotations

import os
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont as ToolsFont, TTLibError
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from .errors import FormatNotAvailable
from .layout.profile import Profile

ENV_VAR = "GWCONV_FONT_DIR"
FALLBACK = "GwFallback"
# Where the shipped .ttf files live: package data in an installed copy, the repository's fonts/ in a checkout.
SHIPPED_DIRS = (Path(__file__).parent / "fontdata", Path(__file__).resolve().parents[1] / "fonts")
# File names the customary faces are distributed under (their family names are matched as well).
KNOWN_FILES: dict[str, tuple[str, ...]] = {
    "xiaobiaosong": ("fzxbsjw", "fzxbsk", "方正小标宋简体", "方正小标宋_gbk"),
    "fangsong": ("fs_gb2312", "仿宋_gb2312", "simfang", "仿宋"),
    "heiti": ("simhei", "黑体"),
    "kaiti": ("kai_gb2312", "楷体_gb2312", "simkai", "楷体"),
    "songti": ("simsun", "宋体"),
}
# Roles whose faces cover all of GB 2312; tried, in order, for a character the requested role's face lacks.
BACKUP_ROLES = ("songti", "heiti")
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
_REGISTERED: dict[str, Path] = {}  # ReportLab's registry is per process; so is this record of it


class FontsMissing(FormatNotAvailable):
    """The shipped fonts are not where the package expects them (a broken installation): no PDF can be made."""


def shipped_dir() -> Path:
    for folder in SHIPPED_DIRS:
        if (folder / f"{FALLBACK}.ttf").is_file():
            return folder
    raise FontsMissing(f"shipped fonts not found (looked in {', '.join(map(str, SHIPPED_DIRS))}); reinstall gwconv")


def roles(profile: Profile) -> dict[str, str]:
    """Role → shipped family name, from the profile's `[fonts]` entries that name a shipped face."""
    out = {}
    for path in profile.entries:
        if path.startswith("fonts.") and profile.entry(path).get("shipped"):
            out[path.split(".", 1)[1]] = profile.entry(path).get("shipped")
    return out


def shipped_files(profile: Profile) -> dict[str, Path]:
    """Role → path of the shipped TrueType file (also used to embed the open faces in DOCX)."""
    folder = shipped_dir()
    return {role: folder / f"{family}.ttf" for role, family in roles(profile).items()}


@dataclass
class FontSet:
    """The registered ReportLab font of each role, and which characters every registered font has."""

    by_role: dict[str, str]  # role → registered font name
    files: dict[str, Path]  # registered font name → file
    coverage: dict[str, dict[int, int]]  # registered font name → its cmap
    notes: list[str] = field(default_factory=list)  # user fonts that could not be used, and why

    def __post_init__(self) -> None:
        backups = [self.by_role[r] for r in BACKUP_ROLES if r in self.by_role] + [FALLBACK]
        self._chains = {role: tuple((self.coverage[n], n) for n in dict.fromkeys([name, *backups]))
                        for role, name in self.by_role.items()}

    def font_for(self, role: str, char: str) -> str | None:
        """The face that draws `char` in `role`: the role's own face, a full GB 2312 face, then the fallback."""
        code = ord(char)
        for cmap, name in self._chains[role]:
            if code in cmap:
                return name
        return None


def font_dirs(extra: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """User font folders in precedence order: those given explicitly, then GWCONV_FONT_DIR (os.pathsep list)."""
    env = tuple(Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p)
    return tuple(Path(p) for p in extra) + env


def load(profile: Profile, extra_dirs: tuple[Path, ...] = ()) -> FontSet:
    """The font set for a profile and user folders; fonts are read and registered once per process."""
    return _load(profile, font_dirs(extra_dirs))


@lru_cache(maxsize=8)
def _load(profile: Profile, dirs: tuple[Path, ...]) -> FontSet:
    notes: list[str] = []
    chosen = shipped_files(profile)
    user = _user_faces(profile, dirs, notes)
    by_role: dict[str, str] = {}
    files: dict[str, Path] = {}
    for role, path in chosen.items():
        name = _register_user(role, user[role], notes) if role in user else None
        if name is None:
            name = _register(path.stem, path)
        by_role[role] = name
        files[name] = _REGISTERED[name]
    files[FALLBACK] = shipped_dir() / f"{FALLBACK}.ttf"
    _register(FALLBACK, files[FALLBACK])
    coverage = {name: pdfmetrics.getFont(name).face.charToGlyph for name in files}
    return FontSet(by_role, files, coverage, notes)


def _register(name: str, path: Path, index: int = 0) -> str:
    """Register a TrueType face under `name` unless it already is (registration is per process)."""
    if name not in _REGISTERED:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        _REGISTERED[name] = path
    return name


def _register_user(role: str, face: tuple[Path, int], notes: list[str]) -> str | None:
    path, index = face
    try:
        return _register(f"User-{role}-{zlib.crc32(str(path.resolve()).encode()):08x}-{index}", path, index)
    except (TTFError, OSError, ValueError) as exc:
        notes.append(f"{path}: cannot use it for {role} ({exc}); using the shipped face")
        return None


def _user_faces(profile: Profile, dirs: tuple[Path, ...], notes: list[str]) -> dict[str, tuple[Path, int]]:
    """Role → (file, face index) of the first user font matching one of the role's customary names."""
    wanted = {role: _wanted_names(profile, role) for role in roles(profile)}
    found: dict[str, tuple[Path, int]] = {}
    for folder in dirs:
        if not folder.is_dir():
            notes.append(f"{folder}: font folder not found")
            continue
        for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES):
            for index, names in _face_names(path, notes):
                for role, keys in wanted.items():
                    if role not in found and (names & keys or _norm(path.stem) in keys):
                        found[role] = (path, index)
    return found


def _wanted_names(profile: Profile, role: str) -> set[str]:
    value = profile.value(f"fonts.{role}")
    names = [value] if isinstance(value, str) else list(value)
    return {_norm(n) for n in names} | set(KNOWN_FILES.get(role, ()))


def _face_names(path: Path, notes: list[str]) -> list[tuple[int, set[str]]]:
    """Every face in a font file with its family and full names (all languages); CFF faces are skipped."""
    try:
        fonts = TTCollection(path, lazy=True).fonts if path.suffix.lower() == ".ttc" else [ToolsFont(path, lazy=True)]
    except (TTLibError, OSError, AssertionError) as exc:
        notes.append(f"{path}: not a readable font ({exc})")
        return []
    out = []
    for index, font in enumerate(fonts):
        if "glyf" not in font:
            notes.append(f"{path}: has CFF outlines, which PDF embedding needs as TrueType; convert it (fonts/build.py)")
            continue
        out.append((index, {_norm(r.toUnicode()) for r in font["name"].names if r.nameID in (1, 4, 16)}))
    return out


def _norm(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().lower()
