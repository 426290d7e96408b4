"""The Python API: read, write and convert. The CLI is a thin layer over these."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Union

from . import readers, writers
from .atomic import write_bytes
from .errors import ConversionError, FormatNotAvailable, InputError
from .model import Document
from .options import ReadOptions, WriteOptions

PathLike = Union[str, os.PathLike]


def input_format(name: str | None, data: bytes | None = None) -> str:
    """Format from a file name's extension, else sniffed from the content."""
    if name:
        fmt = readers.EXTENSIONS.get(Path(name).suffix.lower())
        if fmt:
            return fmt
    head = (data or b"")[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<div" in head:
        return "html"
    if head.startswith(b"---\n") or head.startswith(b"# "):
        return "markdown"
    return "text"


def output_format(name: str) -> str:
    fmt = writers.EXTENSIONS.get(Path(name).suffix.lower())
    if not fmt:
        raise FormatNotAvailable(f"cannot tell the output format from {name!r}; give -t md|json|docx|pdf")
    return fmt


def read_bytes(data: bytes, fmt: str | None = None, options: ReadOptions | None = None, name: str | None = None) -> Document:
    options = options or ReadOptions(source=name)
    fmt = fmt or input_format(name, data)
    try:
        return readers.get_reader(fmt).read(data, options)
    except ConversionError as exc:
        if exc.path is None and name:
            raise type(exc)(exc.message, name) from None
        raise


def read(source: PathLike | bytes, fmt: str | None = None, options: ReadOptions | None = None) -> Document:
    """Read a document from a path, from bytes, or from a string of text (a str that is not an existing path)."""
    if isinstance(source, bytes):
        return read_bytes(source, fmt, options)
    if isinstance(source, str) and ("\n" in source or len(source) > 4096 or not Path(source).is_file()):
        if _names_a_file(source):
            raise InputError("no such file", source)
        return read_bytes(source.encode("utf-8"), fmt or "text", options)
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), str(path)) from None
    options = options or ReadOptions(source=str(path))
    return read_bytes(data, fmt, options, name=str(path))


def _names_a_file(text: str) -> bool:
    """A one-line string ending in a known input extension is a path that is missing, not a notice's text."""
    return "\n" not in text and Path(text.strip()).suffix.lower() in readers.EXTENSIONS


def render(doc: Document, fmt: str, options: WriteOptions | None = None) -> bytes:
    return writers.get_writer(fmt).render(doc, options or WriteOptions())


def write(doc: Document, target: PathLike | BinaryIO, fmt: str | None = None, options: WriteOptions | None = None,
          overwrite: bool = False) -> None:
    """Write `doc` to a path (atomically), to '-' (stdout) or to a binary stream."""
    if hasattr(target, "write"):
        data = render(doc, fmt or "md", options)
        if isinstance(target, io.TextIOBase):  # a text stream takes the text formats only
            if (fmt or "md") not in ("md", "json"):
                raise FormatNotAvailable(f"{fmt} is binary and cannot be written to a text stream")
            target.write(data.decode("utf-8"))
        else:
            target.write(data)  # type: ignore[union-attr]
        return
    if str(target) == "-":
        sys.stdout.buffer.write(render(doc, fmt or "md", options))
        sys.stdout.buffer.flush()
        return
    fmt = fmt or output_format(str(target))
    write_bytes(target, render(doc, fmt, options), overwrite=overwrite)


def convert(src: PathLike | bytes, dst: PathLike | BinaryIO, fmt: str | None = None, read_options: ReadOptions | None = None,
            write_options: WriteOptions | None = None, overwrite: bool = False) -> Document:
    doc = read(src, options=read_options)
    write(doc, dst, fmt, write_options, overwrite=overwrite)
    return doc
