"""python-docx's built-in template, stripped of what would show through in an official document."""
from __future__ import annotations

import docx
from docx.document import Document as DocxDocument

_DROP = ("stylesWithEffects",  # a Word 2010 copy of the styles with theme fonts that would compete with ours
         "thumbnail")  # the template's preview picture


def new_document() -> DocxDocument:
    out = docx.Document()
    for rels in (out.part.rels, out.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _DROP:
                rels.pop(rid)
    return out
