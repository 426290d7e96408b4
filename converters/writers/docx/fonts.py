"""Font faces for the DOCX: the customary Chinese names by default, the shipped open faces when embedding."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from docx.document import Document as DocxDocument

from ...layout.profile import Profile

ROLES = ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti")


def faces(profile: Profile, embed: bool) -> dict[str, str]:
    """Role → face name. The first customary name (仿宋_GB2312 …) opens right on office PCs; with embedding the
    document names the shipped faces it carries, so every reader shows exactly the embedded glyphs."""
    out = {}
    for role in ROLES:
        entry = profile.entry(f"fonts.{role}")
        names = entry.value if isinstance(entry.value, list) else [entry.value]
        out[role] = entry.get("shipped") if embed and entry.get("shipped") else names[0]
    return out


def embed(out: DocxDocument, faces: dict[str, str], font_dirs: tuple[Path, ...]) -> None:
    raise NotImplementedError


def shipped_dirs() -> tuple[Path, ...]:
    """Where the shipped open fonts live: fonts/ in a checkout, converters/fonts/ in an installed package."""
    package = Path(__file__).resolve().parents[2]
    return tuple(d for d in (package / "fonts", package.parent / "fonts") if d.is_dir())


@lru_cache(maxsize=None)
def _families(directory: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(directory.glob("*.[tToO][tT][fF]")):
        try:
            name = TTFont(path, lazy=True, fontNumber=0)["name"]
        except Exception:  # an unreadable file is not a font we can use; others in the directory still are
            continue
        family = name.getDebugName(16) or name.getDebugName(1)
        if family:
            out.setdefault(family, path)
    return out


def find_shipped(family: str, font_dirs: tuple[Path, ...] = ()) -> Path | None:
    """The file of `family` in the user's font directories or the shipped ones, if present."""
    for directory in (*font_dirs, *shipped_dirs()):
        path = _families(Path(directory)).get(family)
        if path:
            return path
    return None
