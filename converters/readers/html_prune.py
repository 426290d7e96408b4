"""Take out of the tree what a reader never shows: scripts, styles, comments, embedded frames, form controls
and hidden elements. Nothing is executed or fetched; each dropped part is recorded with its reason.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from lxml import etree

from ..model import Removal
from .html_records import removal
from .html_text import text_content

RULE = "html_prune"
# Elements whose content is code, embedded resources or controls, never document text.
_NEVER_TEXT = {
    "script": "script", "style": "style sheet", "noscript": "script fallback", "template": "template",
    "iframe": "embedded frame (not fetched)", "frame": "embedded frame (not fetched)", "frameset": "frame set",
    "object": "embedded object (not fetched)", "embed": "embedded object (not fetched)", "applet": "applet",
    "svg": "vector graphic", "canvas": "canvas", "select": "form control", "button": "form control",
    "input": "form control", "textarea": "form control", "datalist": "form control", "audio": "media",
    "video": "media", "link": "resource link", "meta": "meta tag in the body",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A short form without a sentence is a search box or a login bar; others wrap the page (ASP.NET, VSB CMS).
SMALL_FORM = 200
_SENTENCE_END = re.compile(r"[。！？]")


def prune(root: etree._Element) -> list[Removal]:
    """Drop never-text elements and comments, then small forms and hidden elements; return the records.

    Two passes, so that whether a hidden element holds most of the page (and is then kept: some templates
    hide the text for a script to reveal) is judged on the page's text, not on the size of its scripts.
    """
    records = _drop_all(root.iter(etree.Comment, etree.PI, *_NEVER_TEXT), _never_text)
    text_chars = len(text_content(root))
    # Every element the second judge could condemn: forms, and elements with a hidden or style attribute.
    maybe_out_of_view = (el for el in root.iter(etree.Element)
                         if el.get("style") is not None or el.get("hidden") is not None or el.tag == "form")
    return records + _drop_all(maybe_out_of_view, lambda el: _out_of_view(el, text_chars))


def _drop_all(candidates: Iterable[etree._Element], judge: Callable[[etree._Element], str | None]) -> list[Removal]:
    """Drop the outermost candidates the judge condemns (what is inside a dropped element goes with it).

    Candidates (every node the judge could condemn) come in document order, so one inside a dropped element
    is inside the last one dropped, and only when that one has children; judging candidates rather than
    walking every node keeps the per-node work in C."""
    doomed: list[tuple[etree._Element, str]] = []
    for el in candidates:
        if doomed and len(doomed[-1][0]) and _inside(el, doomed[-1][0]):
            continue
        reason = judge(el)
        if reason:
            doomed.append((el, reason))
    records = []
    for el, reason in doomed:
        text = _describe(el)
        if text:
            records.append(removal(text, reason, RULE, el.sourceline))
        _drop(el)
    return records


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _never_text(el: etree._Element) -> str | None:
    tag = el.tag
    if tag is etree.Comment:
        return "HTML comment"
    if not isinstance(tag, str):
        return "processing instruction"
    if tag == "meta" and el.getparent() is not None and el.getparent().tag == "head":
        return None
    return _NEVER_TEXT.get(tag)


def _out_of_view(el: etree._Element, text_chars: int) -> str | None:
    if el.tag in ("html", "head", "body", "title"):
        return None
    if el.tag == "form":
        text = text_content(el).strip()
        return "form (search or login box)" if len(text) < SMALL_FORM and not _SENTENCE_END.search(text) else None
    if _hidden(el) and len(text_content(el)) < 0.5 * text_chars:
        return "hidden element"
    return None


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style", "")) is not None


def _describe(el: etree._Element) -> str:
    """What the record shows: the element's text, else the resource it pointed at."""
    text = el.text if el.tag is etree.Comment or el.tag in ("script", "style") else text_content(el)
    text = (text or "").strip()
    if text:
        return text
    src = el.get("src") or el.get("data") or el.get("href")
    return f"<{el.tag} {src}>" if src and isinstance(el.tag, str) and el.tag not in ("link", "meta") else ""


def _drop(el: etree._Element) -> None:
    """Remove `el` but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
