"""English UI: the language switch, and a complete, compiled English catalogue."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z_]\w*\))?[sd]|%%")


def _unquote(text: str) -> str:
    return ast.literal_eval(text.strip())


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file as gettext writes it, without the header and obsolete (`#~`) entries.

    Each entry: msgid, msgid_plural (or None), msgstr (one item, or one per plural form), flags.
    """
    entries = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry = {"msgid": None, "msgid_plural": None, "msgstr": [], "flags": set()}
        target = None  # (key, index) the continuation lines belong to
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                key, index = target
                if index is None:
                    entry[key] += _unquote(line)
                else:
                    entry[key][index] += _unquote(line)
            else:
                keyword, _, value = line.partition(" ")
                if keyword.startswith("msgstr"):
                    entry["msgstr"].append(_unquote(value))
                    target = ("msgstr", len(entry["msgstr"]) - 1)
                else:  # msgid, msgid_plural, msgctxt
                    entry[keyword] = _unquote(value)
                    target = (keyword, None)
        if entry["msgid"]:  # skips the header (msgid "") and blocks of obsolete entries only
            entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def po_entries():
    return read_po(PO_FILE)


@pytest.mark.django_db
def test_login_page_is_german_by_default(client):
    response = client.get("/anmelden/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Anmelden</h1>" in html
    assert '<html lang="de">' in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_login_page_in_english_by_accept_language(client):
    response = client.get("/anmelden/", headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Log in</h1>" in html
    assert "Forgot your password?" in html
    assert "<h1>Anmelden</h1>" not in html


@pytest.mark.django_db
def test_language_switch_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/anmelden/"}, follow=True)
    assert response.status_code == 200
    assert "<h1>Log in</h1>" in response.content.decode()
    # The choice sticks for later requests, whatever the browser prefers.
    html = client.get("/anmelden/", headers={"accept-language": "de"}).content.decode()
    assert "<h1>Log in</h1>" in html

    response = client.post("/i18n/setlang/", {"language": "de", "next": "/anmelden/"}, follow=True)
    assert "<h1>Anmelden</h1>" in response.content.decode()


def test_catalogue_covers_a_real_share_of_the_app(po_entries):
    assert len(po_entries) > 1000
    assert {"Anmelden", "Maßnahme", "Kommune", "Handlungsfeld"} <= {e["msgid"] for e in po_entries}


def test_every_entry_is_translated(po_entries):
    untranslated = [e["msgid"] for e in po_entries if not e["msgstr"] or not all(s.strip() for s in e["msgstr"])]
    assert untranslated == []
    fuzzy = [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]]
    assert fuzzy == []
    plural = [e for e in po_entries if e["msgid_plural"] is not None]
    assert plural and all(len(e["msgstr"]) == 2 for e in plural)


def test_translations_keep_their_placeholders(po_entries):
    wrong = []
    for e in po_entries:
        sources = [e["msgid"], e["msgid_plural"]] if e["msgid_plural"] is not None else [e["msgid"]]
        for source, target in zip(sources, e["msgstr"], strict=False):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
                wrong.append((source, target))
    assert wrong == []


def test_compiled_catalogue_matches_the_po_file(po_entries):
    """django.mo is compiled from the current django.po (run `make messages` after editing it)."""
    with MO_FILE.open("rb") as fp:
        catalog = gettext.GNUTranslations(fp)._catalog
    stale = []
    for e in po_entries:
        if e["msgid_plural"] is None:
            if catalog.get(e["msgid"]) != e["msgstr"][0]:
                stale.append(e["msgid"])
        elif [catalog.get((e["msgid"], i)) for i in range(len(e["msgstr"]))] != e["msgstr"]:
            stale.append(e["msgid"])
    assert stale == []
