"""Text helpers for documents: strip what no document format can carry, shorten for headers and contents."""

from __future__ import annotations

from vorort.core.text import clean

__all__ = ["clean", "shorten"]


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
