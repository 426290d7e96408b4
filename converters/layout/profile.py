"""Layout profiles: every length, font and colour of the official-document layout as data.

A profile is a TOML file whose values are tables `{value, clause, strength, note}` (see gbt9704.toml). Writers
read `profile.value("page.margin_top_mm")` or attribute paths (`profile.page.margin_top_mm`); nothing about
millimetres or fonts is hard-coded in writer logic. A unit's own file overrides keys of the default, with a
plain value or a table, so a deviation is one line.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConversionError

BUILTIN_DIR = Path(__file__).parent
DEFAULT = "gbt9704"


@dataclass(frozen=True)
class Entry:
    value: Any
    clause: str = ""
    strength: str = ""
    note: str = ""
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.extra).get(key, default)


class _Section:
    def __init__(self, profile: "Profile", prefix: str):
        self._profile, self._prefix = profile, prefix

    def __getattr__(self, key: str) -> Any:
        return self._profile.value(f"{self._prefix}.{key}")


class Profile:
    """A loaded profile: `value(path)`, `entry(path)` (with clause and strength), attribute access by section."""

    def __init__(self, name: str, entries: dict[str, Entry]):
        self.name = name
        self.entries = entries

    def entry(self, path: str) -> Entry:
        try:
            return self.entries[path]
        except KeyError:
            raise KeyError(f"layout profile {self.name!r} has no value {path!r}") from None

    def value(self, path: str) -> Any:
        return self.entry(path).value

    def heading_face(self, level: int) -> tuple[str, bool]:
        """Face role and boldness of heading level `level` (§7.3.3), shared by headings and the run-in leads of
        their level in every writer; levels past 4 (一是 leads) take level 4's."""
        level = min(max(level, 1), 4)
        return self.value(f"headings.level{level}_font"), level == 3 and bool(self.value("headings.level3_bold"))

    def __getattr__(self, section: str) -> _Section:
        if section.startswith("_") or not any(k.startswith(section + ".") for k in self.entries):
            raise AttributeError(section)
        return _Section(self, section)


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for key, val in data.items():
        path = f"{prefix}{key}"
        if isinstance(val, dict) and "value" in val:
            rest = {k: v for k, v in val.items() if k not in ("value", "clause", "strength", "note")}
            out[path] = Entry(val["value"], str(val.get("clause", "")), str(val.get("strength", "")), str(val.get("note", "")),
                              tuple(sorted(rest.items())))
        elif isinstance(val, dict):
            out.update(_flatten(val, path + "."))
        elif prefix:  # a plain value inside a section: an override without clause
            out[path] = Entry(val)
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConversionError(f"cannot read layout profile: {exc}", str(path)) from None


@lru_cache(maxsize=16)
def load(name_or_path: str | Path | None = None) -> Profile:
    """Load the default profile, a built-in one by name, or a user TOML file laid over the default."""
    base = _read(BUILTIN_DIR / f"{DEFAULT}.toml")
    entries = _flatten(base)
    if name_or_path is None or str(name_or_path) == DEFAULT:
        return Profile(base.get("name", DEFAULT), entries)
    path = Path(name_or_path)
    if not path.suffix and (BUILTIN_DIR / f"{name_or_path}.toml").exists():
        path = BUILTIN_DIR / f"{name_or_path}.toml"
    data = _read(path)
    for key, entry in _flatten(data).items():
        if key not in entries:
            raise ConversionError(f"unknown layout key {key!r}", str(path))
        old = entries[key]
        entries[key] = entry if entry.clause else Entry(entry.value, old.clause, "override", old.note, old.extra)
    return Profile(data.get("name", path.stem), entries)


def for_document(requested: str | Path | None, extra: dict[str, Any], source: str | None) -> Profile:
    """The profile a writer should use: the one asked for on the command line, else the document's own
    (`profile:` in a Markdown draft's front matter, a relative path taken from the draft's folder), else the default."""
    chosen = requested or extra.get("profile")
    if chosen and not requested and source and not Path(str(chosen)).is_absolute() and Path(str(chosen)).suffix:
        chosen = Path(source).parent / str(chosen)
    return load(chosen)
