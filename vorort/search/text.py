"""German text for the search index and for queries: one pipeline for both, so they always meet.

A word is lower-cased, stemmed with the Snowball German stemmer (PyStemmer) and folded to ASCII: umlauts lose
their dots and ß becomes ss. The stemmer reads ae/oe/ue as ä/ö/ü, so "Buerger", "Bürger", "Bürgerinnen" and
"Bürger*innen" all become "burg", "Straßen" and "Strassen" both "strass". Gender forms (Bürger*innen,
Bürger:innen, Bürger_innen, BürgerInnen) are joined into one word first. A hyphenated compound ("Rad-Weg",
"E-Mobilität") counts as its joined form and as its parts. Everything else that is not a letter or a digit
separates words; nothing of the input survives except [a-z0-9] tokens.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

import Stemmer

# Longest query the search looks at, in characters, and most words it combines: longer input is cut, not refused.
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 12
# Longer "words" are junk (hashes, URLs run together) and are not indexed.
MAX_TOKEN_CHARS = 40
# Shorter query tokens match only exactly: a one- or two-letter prefix would match half the index.
MIN_PREFIX_CHARS = 3

_GENDER = re.compile(r"([^\W\d_])[*:_/·]([iI]n(?:nen)?)\b")
_GENDER_CAMEL = re.compile(r"([a-zäöüß])In(nen)?\b")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": ""})
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ẞ": "ss"})
_NOT_TOKEN = re.compile(r"[^a-z0-9]")

# The Snowball German stop-word list, folded; these words carry no meaning in a search.
_STOP_WORDS = """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern
    anderr anders auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine deinem deinen
    deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich die
    dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer
    eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures
    fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
    ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine
    keinem keinen keiner keines konnen konnte man manche manchem manchen mancher manches mein meine meinem
    meinen meiner meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
    seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte
    sondern sonst uber um und uns unsere unserem unseren unser unseres unter viel vom von vor wahrend war waren
    warst was weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird
    wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """One stemmer per thread: PyStemmer objects must not be shared between threads."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("german")
    return stemmer


def fold(word: str) -> str:
    """Lower case, umlauts without dots, ß as ss, accents dropped; only [a-z0-9] remains."""
    word = word.lower().translate(_FOLD)
    word = "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))
    return _NOT_TOKEN.sub("", word)


def _is_stop_word(word: str) -> bool:
    return fold(word) in STOP_WORDS


def stem(word: str) -> str:
    """The index form of one word: stemmed, then folded. Empty for junk."""
    token = fold(_stemmer().stemWord(word.lower()))
    return token if len(token) <= MAX_TOKEN_CHARS else ""


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_HYPHENS)
    text = _GENDER_CAMEL.sub(lambda m: f"{m.group(1)}in{m.group(2) or ''}", text)
    return _GENDER.sub(lambda m: m.group(1) + m.group(2).lower(), text)


@dataclass(frozen=True)
class Word:
    """One word of the input: its surface form, its token, and for a compound the tokens of its parts."""

    surface: str
    token: str
    parts: tuple[str, ...] = ()


def words(text: str) -> list[Word]:
    """The meaningful words of `text`, in order, without stop words."""
    result = []
    for match in _WORD.finditer(_prepare(text or "")):
        surface = match.group(0)
        pieces = [piece for piece in surface.split("-") if piece]
        if len(pieces) == 1:
            if _is_stop_word(surface):
                continue
            token = stem(surface)
            if token:
                result.append(Word(surface, token))
            continue
        token = stem("".join(pieces))
        parts = tuple(part for part in (stem(piece) for piece in pieces if not _is_stop_word(piece)) if len(part) >= 2)
        if token:
            result.append(Word(surface, token, parts))
    return result


def index_tokens(text: str) -> list[str]:
    """Tokens to store for `text`: each word, and a compound's parts after its joined form."""
    tokens = []
    for word in words(text):
        tokens.append(word.token)
        tokens.extend(part for part in word.parts if part != word.token)
    return tokens


def index_text(*texts: str) -> str:
    return " ".join(token for text in texts if text for token in index_tokens(text))


@dataclass(frozen=True)
class Term:
    token: str
    prefix: bool


# A query is a list of groups, all of which must match. A group lists alternatives (a compound's joined form, or
# all of its parts); an alternative is a list of terms that must all match.
Alternative = tuple[Term, ...]
Group = tuple[Alternative, ...]


def _term(token: str) -> Term:
    return Term(token, prefix=len(token) >= MIN_PREFIX_CHARS)


def query_groups(query: str) -> list[Group]:
    """The sanitised form of a user's query: only [a-z0-9] tokens survive, at most MAX_QUERY_WORDS groups."""
    groups: list[Group] = []
    for word in words((query or "")[:MAX_QUERY_CHARS]):
        if len(word.token) < 2 and not word.token.isdigit():
            continue
        alternatives: list[Alternative] = [(_term(word.token),)]
        if len(word.parts) > 1:
            alternatives.append(tuple(_term(part) for part in word.parts))
        group = tuple(alternatives)
        if group not in groups:
            groups.append(group)
        if len(groups) == MAX_QUERY_WORDS:
            break
    return groups
