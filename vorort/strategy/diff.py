"""Word-level comparison of two texts for the side-by-side view of vision versions.

Changes are marked with <del>/<ins> *and* with visually hidden words ("gelöscht", "eingefügt"), so screen
readers announce them and nothing relies on colour or strike-through alone.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# A word (letters, digits, hyphens) or a single punctuation mark, with the whitespace after it.
_WORDS = re.compile(r"\s*(?:[\w-]+|[^\w\s])\s*|\s+")
_IS_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Diff:
    old: SafeString  # the older text, deletions marked
    new: SafeString  # the newer text, insertions marked
    changed: bool
    inserted: int  # number of inserted words (punctuation not counted)
    deleted: int  # number of deleted words


def _tokens(text: str) -> list[str]:
    return _WORDS.findall((text or "").replace("\r\n", "\n"))


def _plain(tokens: list[str]) -> str:
    return escape("".join(tokens)).replace("\n", "<br>\n")


def _marked(tag: str, css: str, label: str, tokens: list[str]) -> str:
    text = "".join(tokens)
    stripped = text.rstrip()
    trailing = text[len(stripped) :]
    return (
        f'<{tag} class="{css}"><span class="visually-hidden">[{escape(label)}: </span>'
        f'{escape(stripped).replace(chr(10), "<br>" + chr(10))}<span class="visually-hidden">]</span></{tag}>'
        f"{escape(trailing).replace(chr(10), '<br>' + chr(10))}"
    )


def word_diff(old: str, new: str) -> Diff:
    """Compare `old` and `new` word by word (whitespace changes alone do not count)."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in old_tokens], [t.strip() for t in new_tokens], autojunk=False
    )
    deleted_label, inserted_label = _("gelöscht"), _("eingefügt")
    left, right = [], []
    inserted = deleted = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(_plain(old_tokens[i1:i2]))
            right.append(_plain(new_tokens[j1:j2]))
            continue
        if i2 > i1:
            left.append(_marked("del", "diff-before", deleted_label, old_tokens[i1:i2]))
            deleted += sum(1 for token in old_tokens[i1:i2] if _IS_WORD.search(token))
        if j2 > j1:
            right.append(_marked("ins", "diff-after", inserted_label, new_tokens[j1:j2]))
            inserted += sum(1 for token in new_tokens[j1:j2] if _IS_WORD.search(token))
    return Diff(
        old=mark_safe("".join(left)),  # noqa: S308 - built from escaped text only
        new=mark_safe("".join(right)),  # noqa: S308
        changed=any(op != "equal" for op, *_rest in matcher.get_opcodes()),
        inserted=inserted,
        deleted=deleted,
    )
