"""Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), plus DEL and the
C1 controls, which broken dumps carry and which hold no text. One definition for every reader and writer, since
lxml and python-docx raise on them and ReportLab draws them as boxes."""
from __future__ import annotations

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def strip_forbidden(text: str) -> tuple[str, int]:
    """`text` without forbidden characters, and how many were removed."""
    return FORBIDDEN.subn("", text)
