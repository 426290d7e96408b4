"""JSON reader: reads back the model written by the JSON writer."""
from __future__ import annotations

import json

from ..errors import InputError
from ..model import Document
from ..options import ReadOptions


def read(data: bytes, options: ReadOptions) -> Document:
    try:
        return Document.from_dict(json.loads(data.decode("utf-8-sig")))
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"not a gwconv JSON document ({exc})") from None
