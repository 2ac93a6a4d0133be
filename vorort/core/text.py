"""Plain-text hygiene shared by every output that cannot carry control characters (PDF, DOCX, iCalendar, Atom)."""

from __future__ import annotations

import re

# C0 controls except tab, line feed and carriage return; DEL and C1 controls; lone surrogates; non-characters.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(value) -> str:
    """`value` as text without control characters (except tab and line feed), surrogates and non-characters.

    XML, python-docx and iCalendar refuse such characters and PDF viewers show them as boxes; a carriage return
    becomes a line feed, so Windows line ends survive as paragraphs."""
    if value is None:
        return ""
    return _UNWANTED.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
