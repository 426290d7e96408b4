"""The Markdown writer's front matter is exactly what yaml's own safe dumper writes for the same mapping."""
from __future__ import annotations

import pytest
import yaml

from converters.model import Document, Metadata, Paragraph, Run
from converters.writers import markdown

AWKWARD = ["", "yes", "null", "~", "1", "0x1F", "2021-02-25", "a: b", "- x", "#c", "'q'", '"d"', "&a", "*b", "!t",
           "line\nbreak", " lead", "trail ", "[x]", "{y}", "%p", "@at", "\u3000全角", "慈教〔2021〕1号"]


def _front(doc: Document) -> str:
    text = markdown.render(doc).decode("utf-8")
    assert text.startswith("---\n")
    return text[4:text.index("\n---\n", 3) + 1]


def _expected(doc: Document) -> str:
    return yaml.dump(markdown.front_matter(doc), Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False,
                     width=1 << 20)


@pytest.mark.parametrize("value", AWKWARD)
def test_string_values_are_written_as_yaml_writes_them(value):
    doc = Document(Metadata(doc_number=value, site={"索引号": value}, extra={"profile": value}), [Paragraph([Run("正文")])])
    assert _front(doc) == _expected(doc)
    assert yaml.safe_load(_front(doc))["doc_number"] == value


def test_a_list_given_twice_keeps_its_anchor_and_other_types_keep_their_form():
    shared = ["甲", "乙"]
    doc = Document(Metadata(title="标题", extra={"a": shared, "b": shared, "n": 3, "flag": True, "none": None}))
    front = _front(doc)
    assert front == _expected(doc)
    assert "&id001" in front and "*id001" in front
    assert yaml.safe_load(front)["b"] == ["甲", "乙"]
