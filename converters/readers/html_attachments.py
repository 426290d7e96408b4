"""Attachment links of a page → the 附件 list with URLs.

The document's 附件 lines name the attachments; the page links them, inside the text or in a 附件/相关附件
box beside it. Links are matched to the names the cleaning chain found, and the rest are added.
"""
from __future__ import annotations

import re

from ..model import Attachment, Metadata, Paragraph
from .html_blocks import Piece
from ..clean.shape import squeeze
from .html_text import FILE_LINK, strip

_ATTACHMENT_LINE = re.compile(r"^\s*(?:相关)?附\s*件")
_GENERIC = re.compile(r"^(?:点击|请)?(?:下载|查看|打开|附件)(?:附件|文件)?$")


def attachment_links(pieces: list[Piece]) -> list[Attachment]:
    """Links to files in the document, and links in 附件 lines anywhere on the page, in page order."""
    found: list[Attachment] = []
    for piece in pieces:
        block = piece.block
        if not isinstance(block, Paragraph):
            continue
        in_attachment_line = bool(_ATTACHMENT_LINE.match(block.text))
        for run in block.runs:
            name = run.text.strip()
            if not run.href or not name:
                continue
            if in_attachment_line or name.startswith("附件") or piece.zone is None and FILE_LINK.search(run.href):
                found.append(Attachment(_named(name, block.text), run.href))
    return found


def _named(link_text: str, line: str) -> str:
    """The attachment's name: the link text, or the line around it when the link only says 下载/查看."""
    if not _GENERIC.match(squeeze(link_text)):
        return link_text
    rest = strip(line.replace(link_text, "")).strip("（）()[]【】:：")
    return _ATTACHMENT_LINE.sub("", rest).strip(" ：:") or link_text


def merge(meta: Metadata, links: list[Attachment]) -> None:
    """Give the chain's attachments their URLs; links that match none of them are added after them."""
    links = list(links)
    for attachment in meta.attachments:
        name = squeeze(attachment.name)
        match = next((link for link in links if squeeze(link.name) in name or name in squeeze(link.name)), None)
        if match:
            attachment.url = attachment.url or match.url
            links.remove(match)
    meta.attachments.extend(links)
