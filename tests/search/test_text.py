"""The German text pipeline shared by the index and the queries."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vorort.search.engines import ENGINES
from vorort.search.text import MAX_QUERY_WORDS, fold, index_tokens, query_groups


def tokens(query: str) -> list[list[list[str]]]:
    return [[[term.token for term in alternative] for alternative in group] for group in query_groups(query)]


@pytest.mark.parametrize(
    ("words", "token"),
    [
        (["Radweg", "Radwege", "Radwegen", "RADWEG"], "radweg"),
        (["Bürger", "Buerger", "Bürgerinnen", "Bürger*innen", "Bürger:innen", "Bürger_innen", "BürgerInnen"], "burg"),
        (["Straßen", "Strassen", "STRASSE", "Straße"], "strass"),
        (["Straßenbeleuchtung", "strassenbeleuchtung", "Strassenbeleuchtungen"], "strassenbeleucht"),
        (["Mobilität", "Mobilitaet", "mobilitat"], "mobilitat"),
        (["Pendler*innen", "Pendlerinnen", "Pendler", "Pendlern"], "pendl"),
    ],
)
def test_word_forms_meet_in_one_token(words, token):
    for word in words:
        assert index_tokens(word) == [token], word


def test_compounds_count_joined_and_by_parts():
    assert index_tokens("Rad-Weg") == ["radweg", "rad", "weg"]
    assert tokens("Rad-Weg") == [[["radweg"], ["rad", "weg"]]]
    assert tokens("E-Mobilität") == [[["emobilitat"]]]  # a one-letter part is no alternative


def test_stop_words_and_punctuation_vanish():
    assert index_tokens("Der Weg und die Brücke, für alle!") == ["weg", "bruck"]
    assert tokens("und oder die") == []


def test_fold_keeps_only_ascii_letters_and_digits():
    assert fold("Ärger-Öl_Übel ß é 2030") == "argerolubelsse2030"


def test_queries_are_cut_to_a_bounded_number_of_words():
    assert len(query_groups(" ".join(f"wort{n}" for n in range(100)))) == MAX_QUERY_WORDS
    assert query_groups("x" * 10_000) == []  # one junk token longer than any word


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_input_becomes_safe_tokens(text):
    groups = query_groups(text)
    for group in groups:
        for alternative in group:
            for term in alternative:
                assert re.fullmatch(r"[a-z0-9]+", term.token)
    for engine in ENGINES.values():
        expression = engine.expression(groups)
        assert re.fullmatch(r'[a-z0-9"*:|&() ANDOR]*', expression)
