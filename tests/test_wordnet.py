"""What kind of thing a counted noun names, from WordNet's noun database."""

from __future__ import annotations

import pytest

from checker.attributes import same_value
from checker.wordnet import (different_kinds, noun_kinds, place_names, read_noun_kinds, read_place_names,
                             read_verb_files, read_verb_senses, tells_or_perceives, verbs_related)
from tests.conftest import ROOT


def test_wordnet_database_files_are_read_into_kinds_and_plurals():
    kinds, irregular = read_noun_kinds(ROOT / "tests" / "data" / "wordnet")
    assert kinds == {"engine": frozenset({6}), "person": frozenset({18}), "people": frozenset({14})}
    assert irregular == {"people": ("person",)}


def test_wordnet_place_names_and_the_adjectives_that_pertain_to_places():
    names = read_place_names(ROOT / "tests" / "data" / "wordnet")
    # a place under each of its names; an adjective gives the place pointed at, then its synonyms;
    # "large" points at an engine, which is no place
    assert names == {"denmark": ("denmark", "kingdom of denmark"), "kingdom of denmark": ("kingdom of denmark", "denmark"),
                     "danish": ("denmark", "kingdom of denmark")}


def test_wordnet_verb_senses_reach_their_hypernyms():
    verbs = read_verb_senses(ROOT / "tests" / "data" / "wordnet")
    assert verbs["depart"] == (frozenset({"02015598"}), frozenset({"02015598", "02009433"}))
    assert verbs["set off"][0] == frozenset({"02015598", "00000100"})  # a phrasal verb, with spaces
    assert verbs["leave"] == (frozenset({"02009433"}), frozenset({"02009433"}))


def test_wordnet_verb_files_are_those_of_the_commonest_sense():
    # "set off" is first a departure (verb.motion, 38), only then an explosion (verb.contact, 35)
    assert read_verb_files(ROOT / "tests" / "data" / "wordnet") == {"depart": 38, "leave": 38, "set off": 38,
                                                                    "report": 32}


def test_wordnet_table_keeps_place_adjectives(tmp_path, monkeypatch):
    from checker import wordnet

    table = wordnet.write_noun_kinds(tmp_path / "kinds.tsv", ROOT / "tests" / "data" / "wordnet")
    monkeypatch.setattr(wordnet, "noun_kinds_file", lambda: table)
    wordnet._table.cache_clear()
    try:
        assert place_names("Danish") == ("denmark", "kingdom of denmark")
        assert place_names("Engine") == ()
        assert verbs_related("set off", "leave") and not verbs_related("set off", "engine")
        assert tells_or_perceives("report") and not tells_or_perceives("leave") and not tells_or_perceives("engine")
    finally:
        wordnet._table.cache_clear()


# The tests below read the WordNet that .ci/setup fetches (Debian's wordnet-base).
@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("fire engines", "people", True),   # artifacts, persons
        ("livestock", "people", True),      # animals, persons
        ("children", "people", False),      # a part of the whole
        ("families", "evacuees", False),    # a group of people and persons: one kind
        ("wounded", "civilians", False),
        ("Estrians", "people", False),      # unknown to WordNet: not told apart
        (None, "people", False),
    ],
)
def test_wordnet_tells_counted_kinds_apart(a, b, differ):
    assert different_kinds(a, b) is differ


def test_wordnet_plural_forms_find_their_lemma():
    assert noun_kinds("engines") == noun_kinds("engine")
    assert noun_kinds("women") == noun_kinds("woman")


def test_wordnet_damaged_table_falls_back_to_the_database(tmp_path, monkeypatch):
    from checker import wordnet

    damaged = tmp_path / "noun-kinds.tsv"
    damaged.write_text("engine\tnot-a-number\n", encoding="utf-8")
    monkeypatch.setattr(wordnet, "noun_kinds_file", lambda: damaged)
    monkeypatch.setattr(wordnet, "wordnet_folder", lambda: ROOT / "tests" / "data" / "wordnet")
    wordnet._table.cache_clear()
    wordnet.noun_kinds.cache_clear()
    try:
        assert wordnet.noun_kinds("engines") == frozenset({6})
    finally:
        wordnet._table.cache_clear()
        wordnet.noun_kinds.cache_clear()


# With the WordNet .ci/setup fetches: a nationality and its country are one origin however unlike
# their spellings, and two countries are two however alike their adjectives sound.
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("French", "France", True),
        ("Danish", "Denmark", True),
        ("Dutch", "Netherlands", True),    # the gazetteer's "The Netherlands", without its article
        ("Polish", "Poland", True),
        ("American", "United States", True),  # by the synonyms of the place WordNet points at ("America")
        ("Britain", "United Kingdom", True),   # a country under another of its names
        ("Holland", "Dutch", True),
        ("British", "Britain", True),  # the island WordNet points at is also a name of the country
        ("British", "United Kingdom", True),
        ("English", "Scottish", False),  # nations of the country, not the country
        ("Danish", "Norwegian", False),
        ("Austrian", "Australia", False),
    ],
)
def test_nationality_and_country_are_one_origin(a, b, same):
    assert same_value("origin", a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("set off", "depart", True),    # one sense
        ("touch down", "set down", True),
        ("establish", "open", True),
        ("start", "start", True),
        ("sentence", "start", False),   # two acts
        ("manufacture", "cast", False),
    ],
)
def test_wordnet_verbs_that_may_tell_one_act(a, b, related):
    assert verbs_related(a, b) is related


def test_wordnet_prepare_replaces_a_table_of_an_earlier_layout(tmp_path, monkeypatch):
    from checker import attributes, embed, wordnet
    from checker.cli import prepare_command

    (tmp_path / "cities.tsv").write_text("")
    (tmp_path / "model.onnx").write_text("")
    stale = tmp_path / "noun-kinds-wordnet-3.0-4.tsv"
    stale.write_text("old\t1\n")
    table = tmp_path / f"noun-kinds-wordnet-3.0-{wordnet.TABLE_FORMAT}.tsv"
    monkeypatch.setattr(attributes, "city_index_file", lambda: tmp_path / "cities.tsv")
    monkeypatch.setattr(embed, "onnx_model_file", lambda: tmp_path / "model.onnx")
    monkeypatch.setattr(wordnet, "noun_kinds_file", lambda: table)
    monkeypatch.setattr(wordnet, "wordnet_folder", lambda: ROOT / "tests" / "data" / "wordnet")
    prepare_command(force=False)
    assert table.is_file() and not stale.exists()
    assert "~set off\t" in table.read_text()  # the verbs, beside the nouns
