"""Whatever the input, reading never fails and no line disappears without a removal record."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import converters
from conftest import shared_dir
from helpers_extract import DATA, body_lines, norm

_POOL = sorted({line.strip() for path in [*(shared_dir() / "seeds").glob("*.txt"), *DATA.glob("*.txt")]
                if path.suffix == ".txt" and "gbk" not in path.name
                for line in path.read_text(encoding="utf-8").split("\n") if line.strip()})


def _accounted(text: str) -> None:
    doc = converters.read(text.encode("utf-8"), "text")
    outs = "".join(body_lines(converters.render(doc, "md").decode("utf-8")))
    removed = {r.line for r in doc.removed}
    for n, line in enumerate(text.split("\n"), 1):
        line = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", line)  # dropped with a warning
        if line.strip() and n not in removed:
            assert norm(line) in outs, (n, line)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=25))
def test_every_line_is_kept_or_recorded(lines):
    _accounted("\n".join(lines))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("一二、（）()1.。，,:：各局抄送附件印发年月日是关于通知首页>二维码\n 　\x01"), min_size=1, max_size=200))
def test_arbitrary_text_reads(text):
    if text.strip("\x01 \n　"):
        _accounted(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=25))
def test_keep_boilerplate_loses_no_line(lines):
    doc = converters.read("\n".join(lines).encode("utf-8"), "text", converters.ReadOptions(keep_boilerplate=True))
    outs = "".join(body_lines(converters.render(doc, "md").decode("utf-8")))
    assert [line for line in lines if norm(line) not in outs] == []
