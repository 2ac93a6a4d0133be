"""Text helpers for documents: strip what no document format can carry, shorten for headers and contents."""

from __future__ import annotations

import re

# C0 controls except tab, line feed and carriage return; DEL and C1 controls; lone surrogates; non-characters.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(value) -> str:
    """`value` as text without control characters (except tab and line feed), surrogates and non-characters.

    python-docx refuses such characters and PDF viewers show them as boxes; a carriage return becomes a line
    feed, so Windows line ends survive as paragraphs."""
    if value is None:
        return ""
    return _UNWANTED.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))


def shorten(value, limit: int) -> str:
    """One line of at most `limit` characters, cut at a space where possible, with "…" if cut."""
    text = " ".join(clean(value).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"
