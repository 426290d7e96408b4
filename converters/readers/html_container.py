"""Find the part of a page that holds the document.

Government CMS families put the text in containers with well-known ids and classes; those are tried first,
each accepted only when it really holds the page's prose (sites reuse generic names such as `.content` for
menus). Failing that, the deepest block holding most of the page's CJK prose is taken, and failing that the
whole body, leaving the line rules to sort it out. Lines of the document that CMS templates print just after
the container (signature, date, 附注) are taken along.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from lxml import etree

from .html_blocks import BLOCK_TAGS, element_lines
from .html_metadata import is_title_element
from .html_text import FILE_LINK, cjk_count, is_document_part, strip, text_content

# (attribute, value, specific?) in order of trust. Specific names are only ever used for article text.
KNOWN_CONTAINERS: tuple[tuple[str, str, bool], ...] = (
    ("id", "UCAP-CONTENT", True), ("class", "pages_content", True), ("class", "TRS_Editor", True),
    ("class", "TRS_UEDITOR", True), ("class", "trs_editor_view", True), ("class", "Custom_UnionStyle", True),
    ("id", "zoom", True), ("id", "Zoom", True), ("id", "fontzoom", True), ("class", "zfxxgk_zw_content", True),
    ("class", "article-content", True), ("class", "article_content", True), ("class", "wzy_text", True),
    ("class", "bt_content", True), ("class", "news_content", True), ("class", "con_text", True),
    ("id", "js_content", True), ("class", "xxgk_content", True), ("class", "zw_content", True),
    ("class", "v_news_content", True), ("id", "vsb_content", True), ("id", "vsb_content_2", True),
    ("class", "wp_articlecontent", True),
    ("id", "content", False), ("class", "content", False), ("tag", "article", False), ("tag", "main", False),
)
_CONTAINER_IDS = frozenset(value for attr, value, _ in KNOWN_CONTAINERS if attr == "id")
_CONTAINER_CLASSES = frozenset(value for attr, value, _ in KNOWN_CONTAINERS if attr == "class")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
SPECIFIC_SHARE = 0.3  # a named container must hold this share of the page's prose
GENERIC_SHARE = 0.5
DESCENT_SHARE = 0.75  # the fallback descends while one child holds this share of the prose
_DESCEND_INTO = frozenset("div section article main table tbody thead tr td center form font".split())
_SENTENCE = re.compile(r"[。；，！？：;,!?]")
# Class/id words of site chrome, checked inside the container on parts holding little of its prose: whole
# words of the name (split at - _ spaces and digits) or, for unambiguous ones, anywhere in it.
_CHROME_WORD = re.compile(r"(?:^|[-_\s\d])(?:qr|ewm|foot|footer|nav|navbar|menu|position|location|sidebar|related|"
                          r"xgwz|xgxx|xglj|prev|next|prevpage|nextpage|pagenav|print|toolbar|tools|login|search|"
                          r"banner|advert|ad|dayin|guanbi|close|gotop|backtop|fontsize|zihao|weixin|wechat|wx|gzh)"
                          r"(?:$|[-_\s\d])", re.I)
_CHROME_PART = re.compile(r"share|qrcode|erweima|copyright|crumb|fenxiang", re.I)
_CHROME_TAGS = frozenset(("nav", "header", "footer", "aside"))
CHROME_SHARE = 0.2
LINK_LIST_SHARE = 0.5  # a list whose text is at least this much link text is navigation
SPILLED_PROSE = 6  # CJK characters of sentences (outside links) a paragraph after the container needs to join it
ASCENT = 6  # ancestor levels searched for closing lines printed after the container
_FULL_STOP = ("。", "！", "？")


@dataclass
class Selection:
    """The elements whose text is the document, how they were found, and page-wide prose weights."""

    roots: list[etree._Element]
    how: str
    weights: dict[etree._Element, int] = field(repr=False, default_factory=dict)


@dataclass
class Survey:
    """What container selection and title finding look up about a page, gathered in one walk over it."""

    weights: dict[etree._Element, int]  # prose weight of each element of the body
    named: dict[tuple[str, str], list[etree._Element]]  # elements with a known container id or class
    titled: list[etree._Element]  # title-like elements of the whole page, in page order


def survey(root: etree._Element, body: etree._Element) -> Survey:
    """One walk over the page instead of one per question; no recursion.

    Prose weights: CJK characters of sentence-like text under each element of `body`. Text of links and of
    list items holding links (news lists with their summaries) does not count: it is never the document's.
    The weights of the open elements are kept on a stack (the parent's is the one below), so each element
    costs one dictionary store and no parent lookups.

    Known containers: by id, or by one of the class's words split at XML whitespace as XPath's
    normalize-space does; looked for in the whole page, as selection only takes those with a weight.
    """
    weights: dict[etree._Element, int] = {}
    named: dict[tuple[str, str], list[etree._Element]] = {}
    titled: list[etree._Element] = []
    open_weights: list[int] = []
    open_mutes: list[bool] = []
    muted = 0
    inside = body is root
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            tag, classes, id_ = el.tag, el.get("class"), el.get("id")
            if is_title_element(tag, classes, id_):
                titled.append(el)
            if id_ in _CONTAINER_IDS:
                named.setdefault(("id", id_), []).append(el)
            if classes:
                for word in _CONTAINER_CLASSES.intersection(_XML_SPACE.split(classes)):
                    named.setdefault(("class", word), []).append(el)
            inside = inside or el is body
            if inside:
                mutes = tag == "a" or tag == "li" and el.find(".//a") is not None
                muted += mutes
                open_mutes.append(mutes)
                open_weights.append(0 if muted else _weight(el.text))
        elif inside:
            muted -= open_mutes.pop()
            weight = weights[el] = open_weights.pop()
            if open_weights:
                open_weights[-1] += weight + (0 if muted else _weight(el.tail))
            if el is body:
                inside = False
    return Survey(weights, named, titled)


def _weight(text: str | None) -> int:
    if not text or not _SENTENCE.search(text):
        return 0
    return cjk_count(text)


def select(body: etree._Element, page: Survey) -> Selection:
    """Known containers in order of trust, then the densest prose block, then the whole body."""
    weights = page.weights
    total = weights.get(body, 0)
    for attr, value, specific in KNOWN_CONTAINERS:
        matches = body.iter(value) if attr == "tag" else page.named.get((attr, value), ())
        found = _best_match(matches, weights)
        if found is None:
            continue
        share = weights[found] / total if total else 1.0
        enough = share >= (SPECIFIC_SHARE if specific else GENERIC_SHARE) and (weights[found] or not total)
        if not enough and not (specific and _publishes_files(found)):
            continue
        root = found if specific else _descend(found, weights)
        how = f"{'#' if attr == 'id' else '.' if attr == 'class' else ''}{value}"
        return Selection(_with_trailing_parts(root, weights), how, weights)
    if total:
        root = _descend(body, weights)
        return Selection(_with_trailing_parts(root, weights), "densest prose block", weights)
    return Selection([body], "whole page", weights)


def _publishes_files(el: etree._Element) -> bool:
    """A named container holding little prose but images or file links: a notice published as scans or
    attachments, which is still the document."""
    return el.find(".//img") is not None or any(FILE_LINK.search(href) for href in el.xpath(".//a/@href"))


def _best_match(matches: Iterable[etree._Element], weights: dict) -> etree._Element | None:
    """The heaviest element matching; on a tie the first, which is the outer one of nested matches."""
    best = None
    for el in matches:
        if el in weights and (best is None or weights[el] > weights[best]):
            best = el
    if best is None:
        return None
    return best if weights[best] or text_content(best).strip() else None


def _descend(start: etree._Element, weights: dict) -> etree._Element:
    """The deepest block below `start` that still holds DESCENT_SHARE of its prose — but never a single
    paragraph (a block without lines inside it): one long paragraph does not make the rest chrome."""
    total = weights.get(start, 0)
    current = start
    while True:
        children = [c for c in current if c in weights and c.tag in _DESCEND_INTO]
        best = max(children, key=weights.__getitem__, default=None)
        if best is None or weights[best] < DESCENT_SHARE * total or not _holds_lines(best):
            return current
        current = best


def _holds_lines(el: etree._Element) -> bool:
    return any(isinstance(d.tag, str) and (d.tag in BLOCK_TAGS or d.tag == "br") for d in el.iterdescendants())


def _with_trailing_parts(root: etree._Element, weights: dict) -> list[etree._Element]:
    """`root` plus the following siblings (of it or of its ancestors) that hold only signature/date/附注-like
    lines, or prose paragraphs that broken markup (a stray closing tag) pushed out of the container."""
    roots = [root]
    anchor = root
    for _ in range(ASCENT):
        if anchor is None or anchor.tag in ("body", "html"):
            break
        for sibling in anchor.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            lines = [s for s in map(strip, element_lines(sibling)) if s]
            if not lines:
                continue
            spilled = sibling.tag == "p" and weights.get(sibling, 0) >= SPILLED_PROSE and lines[-1].endswith(_FULL_STOP)
            if not spilled and not _closing_lines(sibling):
                return roots
            roots.append(sibling)
        anchor = anchor.getparent()
    return roots


def chrome_within(selection: Selection) -> dict[etree._Element, str]:
    """Parts of the container that are site chrome by their tag or class/id, unless they hold its prose."""
    found: dict[etree._Element, str] = {}
    for root in selection.roots:
        limit = CHROME_SHARE * selection.weights.get(root, 0)
        walker = etree.iterwalk(root, events=("start",))
        for _, el in walker:
            tag = el.tag
            if el is root or not isinstance(tag, str):
                continue
            name = f"{el.get('class', '')} {el.get('id', '')}"
            # Most elements have neither class nor id, and the name patterns need a word.
            hint = tag in _CHROME_TAGS or name != " " and (_CHROME_WORD.search(name) or _CHROME_PART.search(name))
            if hint and selection.weights.get(el, 0) <= limit and not _closing_lines(el):
                found[el] = f"site chrome inside the container (<{tag} {el.get('class') or el.get('id') or ''}>)"
                walker.skip_subtree()
            elif tag in ("ul", "ol") and _link_list(el):
                found[el] = "list of links inside the container (menu or related articles)"
                walker.skip_subtree()
    return found


def _closing_lines(el: etree._Element) -> bool:
    """Signature, date, 附注 … only: a template's closing block, whatever its class says (article-foot …)."""
    lines = [s for s in map(strip, element_lines(el)) if s]
    return bool(lines) and all(is_document_part(s) for s in lines)


def _link_list(el: etree._Element) -> bool:
    """A list of two or more items whose text is mostly link text, none of them a file (an attachment list)."""
    text = strip(text_content(el))
    hrefs = el.xpath(".//a/@href")
    if len(el.findall("li")) < 2 or not hrefs or text.startswith("附件") or any(FILE_LINK.search(h) for h in hrefs):
        return False
    linked = sum(len(strip(text_content(a))) for a in el.iter("a"))
    return linked >= LINK_LIST_SHARE * len(text)
