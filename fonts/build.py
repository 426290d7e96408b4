#!/usr/bin/env python3
"""Regenerate the shipped fonts in this folder from the open faces Debian packages.

ReportLab embeds TrueType outlines only, while the open CJK faces (Noto CJK, Fandol) are CFF-flavoured
OpenType. This script subsets each source face to the characters Chinese official documents need, converts
the cubic CFF outlines to quadratic TrueType ones (fontTools cu2qu), and renames the result to a family of its
own (GwFangsong …) so it never clashes with a system font of the same origin. The licence of each source is
copied next to the output.

It installs nothing. Install the sources first (Debian/Ubuntu):

    apt-get install fonts-noto-cjk fonts-noto-cjk-extra texlive-lang-chinese

then run `python fonts/build.py` (about two minutes). `--only GwFangsong` rebuilds one face.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
NOTO_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/opentype/noto-cjk"]
TEXLIVE_GLOB = "/usr/share/tex*/**/fandol/"
MAX_ERR = 2.0  # cu2qu tolerance in font units (of 1000/em): 0.03 pt at 16 pt, invisible in print
VERSION = "Version 1.000; gwconv build"


@dataclass(frozen=True)
class Face:
    family: str  # the name we ship it under
    source: str  # file name of the source face
    subfamily: str  # the face inside a .ttc, matched against its full name ("" for .otf)
    package: str  # Debian package that provides the source
    licence: str  # "OFL" or "GPL-FE"
    wide: bool = False  # the fallback face: every CJK ideograph the source has, not only the common set


FACES = [
    Face("GwXiaobiaosong", "NotoSerifCJK-Black.ttc", "Noto Serif CJK SC Black", "fonts-noto-cjk-extra", "OFL"),
    Face("GwFangsong", "FandolFang-Regular.otf", "", "texlive-lang-chinese", "GPL-FE"),
    Face("GwHeiti", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "fonts-noto-cjk", "OFL"),
    Face("GwKaiti", "FandolKai-Regular.otf", "", "texlive-lang-chinese", "GPL-FE"),
    Face("GwSongti", "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "fonts-noto-cjk", "OFL"),
    Face("GwFallback", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "fonts-noto-cjk", "OFL", wide=True),
]

# Ideograph blocks the fallback face keeps: URO, Extension A, B–F, compatibility ideographs (+ supplement).
WIDE_RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF), (0x2F800, 0x2FA1F)]
# Everything but ideographs that documents print: ASCII, Latin-1, general punctuation, number forms, arrows,
# enclosed numbers (①), box/geometric shapes (■ ○), CJK symbols and punctuation, fullwidth forms.
COMMON_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2190, 0x21FF),
                 (0x2460, 0x24FF), (0x2500, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3200, 0x32FF),
                 (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


def gb2312() -> set[int]:
    """Every character of GB 2312 (the 6763 hanzi plus its symbols), by decoding each double-byte code."""
    chars: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def common_charset() -> set[int]:
    """GB 2312 + the GBK characters seen in real notices (extra-chars.txt) + punctuation and Latin."""
    chars = gb2312()
    chars |= {ord(c) for c in (HERE / "extra-chars.txt").read_text(encoding="utf-8") if not c.isspace()}
    for lo, hi in COMMON_RANGES:
        chars.update(range(lo, hi + 1))
    return chars


def wide_charset() -> set[int]:
    chars = {c for lo, hi in WIDE_RANGES for c in range(lo, hi + 1)}
    for lo, hi in COMMON_RANGES:
        chars.update(range(lo, hi + 1))
    return chars


def find_source(face: Face) -> Path:
    candidates = [Path(d) / face.source for d in NOTO_DIRS]
    candidates += [Path(p) / face.source for p in glob.glob(TEXLIVE_GLOB, recursive=True)]
    for path in candidates:
        if path.is_file():
            return path
    sys.exit(f"{face.source} not found: install the Debian package {face.package}")


def open_face(path: Path, face: Face) -> TTFont:
    if path.suffix.lower() != ".ttc":
        return TTFont(path)
    for index, font in enumerate(TTCollection(path, lazy=True).fonts):
        if font["name"].getDebugName(4) == face.subfamily:
            return TTFont(path, fontNumber=index)
    sys.exit(f"{path} has no face named {face.subfamily!r}")


def subset_font(font: TTFont, unicodes: set[int]) -> None:
    options = subset.Options()
    options.hinting = False  # CFF hints do not survive conversion to glyf anyway
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["vert", "vrt2", "kern"]  # no locl: it would pull in the JP/KR/TC glyphs
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes & set(font.getBestCmap()))
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF outlines by quadratic TrueType ones (the fontTools otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID fonts have none worth keeping, and it saves space
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, family: str) -> None:
    """Give the face its own family name in every name record that carries one."""
    name = font["name"]
    keep = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 5, 6, 16, 17, 18, 21, 22, 25)]
    name.names = keep
    for nid, value in ((1, family), (2, "Regular"), (3, f"{family}-Regular;gwconv"), (4, family),
                       (5, VERSION), (6, f"{family}-Regular")):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)


def licence_text(face: Face, font: TTFont) -> str:
    copyright_line = font["name"].getDebugName(0) or ""
    head = (f"{face.family}.ttf is a subset of {face.source} ({face.subfamily or face.source}), converted to "
            f"TrueType outlines and renamed.\nSource copyright: {copyright_line}\n\n")
    if face.licence == "OFL":
        return head + _debian_licence("/usr/share/doc/fonts-noto-cjk/copyright", "SIL-1.1")
    docs = glob.glob("/usr/share/doc/texlive-doc/fonts/fandol/COPYING*") + glob.glob(
        "/usr/share/tex*/**/fandol/COPYING*", recursive=True)
    if not docs:
        sys.exit("Fandol licence (COPYING) not found: install texlive-lang-chinese (and texlive-fonts-extra-doc)")
    raw = Path(docs[0]).read_bytes()
    return head + (gzip.decompress(raw) if docs[0].endswith(".gz") else raw).decode("utf-8")


def _debian_licence(copyright_file: str, name: str) -> str:
    """The stand-alone `License: <name>` paragraph of a Debian copyright file, unindented."""
    lines = Path(copyright_file).read_text(encoding="utf-8").splitlines()
    start = next(i + 1 for i, line in enumerate(lines) if line == f"License: {name}" and (i == 0 or not lines[i - 1]))
    out = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        out.append("" if line.strip() == "." else line[1:])
    return "\n".join(out) + "\n"


def build(face: Face, out_dir: Path) -> Path:
    font = open_face(find_source(face), face)
    subset_font(font, wide_charset() - gb2312() if face.wide else common_charset())
    cff_to_glyf(font)
    licence = licence_text(face, font)
    rename(font, face.family)
    target = out_dir / f"{face.family}.ttf"
    font.save(target)
    (out_dir / f"{face.family}.LICENSE.txt").write_text(licence, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: this folder)")
    parser.add_argument("--only", action="append", help="build only this family (repeatable)")
    args = parser.parse_args(argv)
    for face in FACES:
        if args.only and face.family not in args.only:
            continue
        path = build(face, args.out)
        glyphs = len(TTFont(path, lazy=True).getBestCmap())
        print(f"{path.name}: {glyphs} characters, {path.stat().st_size / 2**20:.1f} MiB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
