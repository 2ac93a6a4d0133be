"""Text the municipality writes (introduction, privacy notice) may carry a little formatting; it is cleaned
with an allowlist (nh3) when stored and again when shown. Citizens' text is always plain and escaped."""

from __future__ import annotations

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_rich_text(value: str) -> str:
    """Keep only allowlisted tags and attributes; links get rel="noopener noreferrer nofollow"."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_rich_text(value: str) -> SafeString:
    """HTML for a stored rich text: plain text gets paragraphs, markup is cleaned once more."""
    if not value:
        return mark_safe("")  # noqa: S308 - empty
    if "<" not in value:
        return linebreaks(value, autoescape=True)
    return mark_safe(clean_rich_text(value))  # noqa: S308 - cleaned with the allowlist above
