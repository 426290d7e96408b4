"""A fontconfig file that maps the customary Chinese face names in our DOCX files to real faces on Linux.

A DOCX names 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 and 宋体, which Linux machines lack; LibreOffice then
collapses every face into one fallback and the layout no longer shows 黑体 headings or a 小标宋 title. Pointing
FONTCONFIG_FILE at this file while rendering maps each name to the shipped open face of its role, or, where the
shipped fonts are absent, to the closest system face (Fandol and Noto CJK).

    python -m converters.writers.docx.fontconfig /tmp/gw-fonts.conf
    FONTCONFIG_FILE=/tmp/gw-fonts.conf soffice --headless --convert-to pdf notice.docx
"""
from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from ...layout.profile import Profile, load
from .fonts import ROLES, find_shipped, shipped_dirs

# Open system faces per role when the shipped fonts are missing: Debian's fonts-noto-cjk(-extra) and the
# Fandol fonts of texlive-lang-chinese (the only free Simplified 仿宋 and 楷体).
SYSTEM_FACES = {
    "xiaobiaosong": "Noto Serif CJK SC Black",
    "fangsong": "FandolFang",
    "heiti": "Noto Sans CJK SC",
    "kaiti": "FandolKai",
    "songti": "Noto Serif CJK SC",
}
SYSTEM_DIRS = (Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
               Path("/usr/share/texmf/fonts/opentype/public/fandol"))


def targets(profile: Profile, font_dirs: tuple[Path, ...] = ()) -> dict[str, str]:
    """Role → the real family the customary names resolve to."""
    out = {}
    for role in ROLES:
        shipped = profile.entry(f"fonts.{role}").get("shipped")
        out[role] = shipped if shipped and find_shipped(shipped, font_dirs) else SYSTEM_FACES[role]
    return out


def fonts_conf(profile: Profile, font_dirs: tuple[Path, ...] = (), cache_dir: Path | None = None) -> str:
    """The text of a fonts.conf that includes the system configuration and adds the role mappings."""
    dirs = [d for d in (*font_dirs, *shipped_dirs()[:1], *SYSTEM_DIRS) if d.is_dir()]
    parts = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', "<fontconfig>",
             '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>']
    parts += [f"  <dir>{escape(str(d.resolve()))}</dir>" for d in dirs]
    if cache_dir is not None:
        parts.append(f"  <cachedir>{escape(str(cache_dir))}</cachedir>")
    for role, family in targets(profile, font_dirs).items():
        entry = profile.entry(f"fonts.{role}")
        names = list(entry.value if isinstance(entry.value, list) else [entry.value])
        if entry.get("shipped") and entry.get("shipped") != family:
            names.append(entry.get("shipped"))
        for name in names:
            parts += ['  <match target="pattern">',
                      f'    <test name="family"><string>{escape(name)}</string></test>',
                      f'    <edit name="family" mode="assign" binding="strong"><string>{escape(family)}</string></edit>',
                      "  </match>"]
    parts.append("</fontconfig>")
    return "\n".join(parts) + "\n"


def write_fonts_conf(path: Path, profile: Profile | None = None, font_dirs: tuple[Path, ...] = (),
                     cache_dir: Path | None = None) -> Path:
    path = Path(path)
    path.write_text(fonts_conf(profile or load(), font_dirs, cache_dir), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m converters.writers.docx.fontconfig OUTPUT.conf", file=sys.stderr)
        return 2
    path = write_fonts_conf(Path(argv[0]))
    print(f"wrote {path}; render with FONTCONFIG_FILE={path} soffice --headless --convert-to pdf FILE.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
