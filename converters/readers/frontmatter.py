"""YAML front matter of a Markdown document: split it off, parse it, check each key's type, build Metadata.

A draft states in the front matter what its body cannot (发文机关标志, 发文字号, 密级 …) and may state the parts
too. Mistakes get a one-line error naming the line and the key, because a list where a string belongs would
otherwise surface much later as a broken layout. Unknown keys are kept in `metadata.extra`, never an error.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, fields
from typing import Any

import yaml

from ..errors import InputError
from ..model import Attachment, Metadata

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TEXT_KEYS = frozenset(f.name for f in fields(Metadata) if f.type in ("str | None", str)) | {"profile"}
DIRECTIVES = ("embedded", "recognise_parts")  # keys about the file, not metadata of the document


@dataclass
class FrontMatter:
    """The parsed front matter: the outer document's mapping, and where the body starts (offset, 0-based line)."""

    mapping: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    body_line: int = 0


_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split(text: str) -> FrontMatter:
    """Parse `---` … `---` (or `...`) at the very start of the file, and say where the body starts."""
    if not text.startswith("---\n"):
        return FrontMatter()
    close = _CLOSE.search(text, 4)
    if not close:
        raise InputError("front matter opened by '---' on line 1 is never closed by a '---' line")
    yaml_text = text[4:close.start()]
    body_start = text.find("\n", close.end())
    body_start = len(text) if body_start < 0 else body_start + 1
    return FrontMatter(parse(yaml_text), body_start, text.count("\n", 0, body_start))


def parse(yaml_text: str) -> dict[str, Any]:
    try:
        data = yaml.load(yaml_text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise InputError(f"front matter is not valid YAML ({where}{problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"front matter line 2: expected 'key: value' lines, found a {_kind(data)}")
    _check(data, yaml_text, [], top=True)
    return data


def _check(data: dict[Any, Any], yaml_text: str, path: list[Any], top: bool) -> None:
    for key, value in data.items():
        where = [*path, key]
        if key in TEXT_KEYS:
            if isinstance(value, (list, dict, bool)):
                _fail(yaml_text, where, f"must be text, not a {_kind(value)}")
        elif key == "attachments":
            items = value if isinstance(value, list) else [value]
            for n, item in enumerate(items):
                if isinstance(item, dict):
                    if not isinstance(item.get("name"), str) or not isinstance(item.get("url"), (str, type(None))):
                        _fail(yaml_text, [*where, n], "an attachment is a name or a mapping with 'name' and 'url' text")
                elif isinstance(item, (list, bool)) or item is None:
                    _fail(yaml_text, [*where, n], f"an attachment must be text, not a {_kind(item)}")
        elif key == "site":
            if not isinstance(value, dict) or any(isinstance(v, (list, dict)) for v in value.values()):
                _fail(yaml_text, where, "must be a mapping of labels to text")
        elif key == "embedded":
            if not isinstance(value, list) or not all(isinstance(v, dict) or v is None for v in value):
                _fail(yaml_text, where, "must be a list of mappings, one per embedded document")
            for n, sub in enumerate(value):
                _check(sub or {}, yaml_text, [*where, n], top=False)
        elif key == "recognise_parts" and top and not isinstance(value, bool):
            _fail(yaml_text, where, "must be true or false")


def _kind(value: Any) -> str:
    return {list: "list", dict: "mapping", bool: "true/false value"}.get(type(value), type(value).__name__)


def _fail(yaml_text: str, path: list[Any], problem: str) -> None:
    key = ".".join(str(p) for p in path)
    raise InputError(f"front matter line {_line_of(yaml_text, path)}: key '{key}' {problem}")


def _line_of(yaml_text: str, path: list[Any]) -> int:
    """1-based file line of the key (or list item) at `path`; the opening `---` is line 1."""
    node = yaml.compose(yaml_text, Loader=_Loader)
    mark = node.start_mark
    for step in path:
        if isinstance(node, yaml.MappingNode):
            key, node = next((k, v) for k, v in node.value if k.value == str(step))
            mark = key.start_mark
        elif isinstance(node, yaml.SequenceNode):
            node = node.value[step]
            mark = node.start_mark
    return mark.line + 2


def metadata(mapping: dict[str, Any], title_line: str | None, source: str | None) -> Metadata:
    """Metadata from one document's mapping; `title_line` is the body's `#` title, used when `title` is absent."""
    meta = Metadata(title=title_line, source=source)
    known = {f.name for f in fields(Metadata)}
    for key, value in mapping.items():
        if key in DIRECTIVES:
            continue
        if key == "attachments":
            items = value if isinstance(value, list) else [value]
            meta.attachments = [Attachment(i["name"], i.get("url")) if isinstance(i, dict) else Attachment(_text(i))
                                for i in items]
        elif key == "site":
            meta.site = {str(k): _text(v) for k, v in value.items()}
        elif key in known and key != "extra":
            setattr(meta, key, None if value is None else _text(value))
        else:
            meta.extra[str(key)] = _plain(value)
    return meta


def _text(value: Any) -> str:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return "" if value is None else str(value)


def _plain(value: Any) -> Any:
    """Unknown values kept as they are, except YAML dates, which become ISO text so JSON can carry them."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
