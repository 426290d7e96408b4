"""JSON reader: reads back the model written by the JSON writer."""
from __future__ import annotations

import json

from ..errors import InputError
from ..model import Document
from ..options import ReadOptions


def read(data: bytes, options: ReadOptions) -> Document:
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
        if not isinstance(parsed, dict):
            raise ValueError(f"expected an object, found {type(parsed).__name__}")
        return Document.from_dict(parsed)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"not a gwconv JSON document ({exc})") from None
