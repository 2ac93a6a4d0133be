"""Does a new partner's name resemble one already registered? ("Stadtwerke Beckum GmbH" ≈ "Stadtwerke Beckum")

Names are normalised first: lower case, umlauts and ß spelled out (ä → ae, ß → ss), other accents dropped,
punctuation removed, and legal forms at the end dropped (GmbH, gGmbH, e. V., AG, KG, GmbH & Co. KG, eG, UG
(haftungsbeschränkt), AöR, …). Two normalised names are similar when they are equal, when one contains the other
as whole words (at least four letters), or when difflib's ratio is at least 0.85.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import TypeVar

THRESHOLD = 0.85
MIN_CONTAINED = 4

_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Abbreviations written with dots and spaces ("e. V.", "e.G.", "g.G.m.b.H.") joined into one word first.
_DOTTED = [
    (re.compile(r"\bg\s*\.?\s*g\s*\.?\s*m\s*\.?\s*b\s*\.?\s*h\b\.?"), " ggmbh "),
    (re.compile(r"\bg\s*\.\s*m\s*\.\s*b\s*\.\s*h\b\.?"), " gmbh "),
    (re.compile(r"\be\s*\.\s*v\b\.?"), " ev "),
    (re.compile(r"\be\s*\.\s*g\b\.?"), " eg "),
    (re.compile(r"\ba\s*\.?\s*oe\s*\.?\s*r\b\.?"), " aoer "),
    (re.compile(r"\bk\s*\.?\s*d\s*\.?\s*oe\s*\.?\s*r\b\.?"), " kdoer "),
]
_NOT_WORD = re.compile(r"[^a-z0-9]+")
LEGAL_FORMS = frozenset(
    {
        "gmbh",
        "ggmbh",
        "mbh",
        "ag",
        "kg",
        "kgaa",
        "ohg",
        "gbr",
        "eg",
        "ev",
        "ug",
        "haftungsbeschraenkt",
        "se",
        "co",
        "aoer",
        "kdoer",
        "partg",
        "partgmbb",
        "mbb",
        "ltd",
        "inc",
    }
)

T = TypeVar("T")


def normalise(name: str) -> str:
    """The comparable form of a name: "Stadtwerke Beckum GmbH & Co. KG" → "stadtwerke beckum"."""
    text = str(name).lower().translate(_SPELLED_OUT)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for pattern, replacement in _DOTTED:
        text = pattern.sub(replacement, text)
    words = [word for word in _NOT_WORD.split(text) if word]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def similar(first: str, second: str) -> bool:
    """Whether two names (raw, not yet normalised) probably mean the same organisation."""
    a, b = normalise(first), normalise(second)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= MIN_CONTAINED and f" {shorter} " in f" {longer} ":
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= THRESHOLD


def similar_to(name: str, candidates: Iterable[tuple[T, str]]) -> list[T]:
    """The items of (item, name) pairs whose name resembles `name`, in the given order."""
    return [item for item, other in candidates if similar(name, other)]
