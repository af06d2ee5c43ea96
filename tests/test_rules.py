"""Rule files: loading, validation errors that name file and key, and every rule's own examples."""

from __future__ import annotations

import shutil

import pytest

from checker.errors import CheckerError
from checker.lexicon import load_lexicon
from checker.rule_examples import rule_flags
from checker.ruleset import SHIPPED_RULES, find_rule, load_rule, load_rules, select_rules

SHIPPED = load_rules([SHIPPED_RULES])

GOOD_RULE = """
code = "ZZZ901"
name = "test-rule"
kind = "numeric"
severity = "warning"
message = "{source_a} vs {source_b}"
[doc]
flags = "x"
why = "y"
not_flagged = "z"
[examples]
fail = [["a"]]
pass = [["b"]]
"""


def test_rules_shipped_load_with_unique_codes():
    codes = [r.code for r in SHIPPED]
    assert len(codes) == len(set(codes)) >= 7


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.code)
def test_rules_have_examples_and_docs(rule):
    assert rule.examples.fail and rule.examples.pass_
    assert rule.doc.flags.strip() and rule.doc.why.strip() and rule.doc.not_flagged.strip()


@pytest.mark.parametrize(
    ("rule", "texts", "flagged"),
    [(r, t, True) for r in SHIPPED for t in r.examples.fail] + [(r, t, False) for r in SHIPPED for t in r.examples.pass_],
    ids=lambda x: getattr(x, "code", None) or (str(x)[:40] if isinstance(x, list) else str(x)),
)
def test_rules_examples_hold(checker, rule, texts, flagged):
    assert rule_flags(checker, rule, texts) is flagged


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda s: s.replace('severity = "warning"', 'severity = "fatal"'), "key 'severity'"),
        (lambda s: s.replace('kind = "numeric"', 'kind = "numerical"'), "unknown kind 'numerical'"),
        (lambda s: s + "\n[params]\ntolerence = 0.1\n", "key 'params.tolerence'"),
        (lambda s: s.replace('code = "ZZZ901"', 'code = "bad"'), "key 'code'"),
        (lambda s: s.replace("name = ", "nmae = "), "key 'nmae'"),
        (lambda s: s.replace("{source_b}", "{speaker_b}"), "unknown placeholder"),
        (lambda s: s.replace('[examples]\nfail = [["a"]]\npass = [["b"]]', ""), "key 'examples'"),
        (lambda s: s.replace('"x"', '"x'), "not valid TOML"),
    ],
)
def test_rules_malformed_file_names_file_and_key(tmp_path, edit, fragment):
    path = tmp_path / "bad.toml"
    path.write_text(edit(GOOD_RULE), encoding="utf-8")
    with pytest.raises(CheckerError) as info:
        load_rule(path)
    assert str(path) in info.value.message and fragment in info.value.message
    assert info.value.hint


def test_rules_user_folder_extends_shipped(tmp_path):
    (tmp_path / "ZZZ901.toml").write_text(GOOD_RULE, encoding="utf-8")
    rules = load_rules([SHIPPED_RULES, tmp_path])
    assert find_rule(rules, "ZZZ901").path.endswith("ZZZ901.toml")


def test_rules_user_folder_cannot_reuse_code(tmp_path):
    (tmp_path / "dup.toml").write_text(GOOD_RULE.replace("ZZZ901", SHIPPED[0].code), encoding="utf-8")
    with pytest.raises(CheckerError, match="already used"):
        load_rules([SHIPPED_RULES, tmp_path])


@pytest.mark.parametrize(("select", "ignore", "expected"), [(["NUM"], None, {"NUM101", "NUM102"}),
                                                            (["POL"], ["POL203"], {"POL201", "POL202"})])
def test_rules_select_and_ignore(select, ignore, expected):
    assert {r.code for r in select_rules(SHIPPED, select, ignore)} == expected


@pytest.mark.parametrize("kind", sorted(__import__("checker.kinds", fromlist=["KINDS"]).KINDS))
def test_rules_readme_lists_every_parameter(kind):
    from checker.kinds import KINDS
    from tests.conftest import ROOT

    readme = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    (row,) = [line for line in readme.splitlines() if line.startswith(f"| {kind} |")]
    assert all(f"`{name}`" in row for name in KINDS[kind].params.model_fields)


@pytest.mark.parametrize(
    ("text", "anchor_word", "unit", "measure"),
    [
        ("The death toll stood at 29 on Tuesday morning", "29", None, "deaths"),
        ("at least 41 people were killed, the agency said", "41", None, "deaths"),
        ("killed 12 and injured 40 others", "40", None, "injuries"),
        # the participle names the measure as the past tense does
        ("hit a crowded market, killing 23 civilians", "23", None, "deaths"),
        ("swept across the north, leaving 300 people homeless", "300", None, "displaced"),
        ("Turnout was 61.2 percent", "61.2", None, "turnout"),
        ("It is designed to operate for seven years.", "seven", "second", "service_life"),
        ("The council approved $480 million for the stadium", "480", "USD", None),
        # a figure in a unit the measure does not take is no figure of it
        ("two people died: a nine-year-old girl and a man", "nine", "second", None),
        ("dead fish along a seven-mile stretch", "seven", "metre", None),
        ("30 percent of those killed were children", "30", "percent", "deaths"),
    ],
)
def test_rules_lexicon_names_the_measure(lexicon, text, anchor_word, unit, measure):
    assert lexicon.measures.measure_of(text, text.index(anchor_word), unit) == measure


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Stuttgart", "German", True),  # a city is the country it lies in
        ("Munich", "Germany", True),
        ("Austria", "Australia", False),  # a shared beginning is not one country
        ("Austrian", "Austria", True),
        ("Italian", "Italy", True),
        ("Dublin", "Stockholm", False),
        ("Polish", "Hungarian", False),
    ],
)
def test_rules_place_values_use_the_gazetteer(a, b, same):
    from checker.attributes import same_value

    assert same_value("origin", a, b) is same
    assert same_value("origin", b, a) is same


@pytest.mark.parametrize(
    ("cls", "a", "b", "same"),
    [
        # a name and its fuller form are one person
        ("person", "Liam", "Liam Whitcombe", True), ("person", "Whitcombe", "Liam Whitcombe", True),
        ("person", "Tomas Ruiz", "Jonas Okafor", False), ("person", "Liam Whitcombe", "Liam Okafor", False),
        # a party with and without "Party" is one party
        ("party", "Labour", "Labour Party", True), ("party", "the Greens", "Green Party", True),
        ("party", "Democrats", "Social Democrats", False), ("party", "Centre Party", "Liberal People's Party", False),
    ],
)
def test_rules_names_of_one_person_or_party(cls, a, b, same):
    from checker.attributes import same_value

    assert same_value(cls, a, b) is same
    assert same_value(cls, b, a) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Kourou", "Europe's spaceport in Kourou", True), ("tea stall in Block D-2", "cooking area in Block C-7", False),
     ("Athens and Thessaloniki", "golf club near Patras", False), ("Harran airfield", "Tamar bridge crossing", False)],
)
def test_rules_a_place_named_inside_another_is_the_same_place(a, b, same):
    from checker.attributes import same_value

    assert same_value("place", a, b) is same
    assert same_value("place", b, a) is same


def test_rules_city_index_written_by_prepare_reads_back_as_the_gazetteer(tmp_path, monkeypatch):
    from checker import attributes

    built = attributes.build_city_index()
    target = attributes.write_city_index(tmp_path / "cities.tsv")
    monkeypatch.setattr(attributes, "city_index_file", lambda: target)
    attributes._city_countries.cache_clear()
    try:
        assert attributes._city_countries() == built
        assert "DE" in built["stuttgart"]
    finally:
        attributes._city_countries.cache_clear()
    assert not list(tmp_path.glob("*.tmp"))  # written whole, then renamed


@pytest.mark.parametrize(
    ("frame", "comparable"),
    [
        ("since / since 2000", True),  # a span up to the story's time: "lost 38 percent since 2000"
        ("since / 3 february / since 3 february", True),  # the date a span runs from is not another time
        ("in 2019", False),            # a year on one side only is another time
        ("last year", False),
        (None, True),
    ],
)
def test_figures_compared_only_at_one_time(frame, comparable):
    from checker.kinds import EARLIER_WORDS, _comparable_times
    from checker.models import Claim

    def claim(n: int, time_frame: str | None) -> Claim:
        return Claim(id=f"c{n}", document="a.txt", start=0, end=1, text="x", kind="numeric", speaker=None,
                     stance="asserted", time_frame=time_frame)

    assert _comparable_times(claim(0, frame), claim(1, None), EARLIER_WORDS) is comparable


def test_figures_on_days_the_dateline_resolves_are_compared_by_day(extractor, make_doc):
    from checker.kinds import EARLIER_WORDS, _comparable_times

    def figure(text: str, path: str):
        return next(c for c in extractor.extract(make_doc(text, path)) if c.kind == "numeric")

    release = figure("Madrid, 14 May 2025 - The Council of Ministers today approved state aid of EUR 340 million "
                     "for the plant.", "release.txt")
    wire = figure("MADRID, May 14, 2025 (Wire) - Spain's government on Wednesday approved a 430 million euro "
                  "subsidy for the plant.", "wire.txt")
    later = figure("MADRID, May 14, 2025 (Wire) - Spain's government on Friday 9 May approved a 430 million euro "
                   "subsidy for the plant.", "later.txt")
    no_time = figure("MADRID, May 20, 2025 (Wire) - The plant will employ 3,000 people.", "plant.txt")
    assert release.days_before_filing == 0 and wire.when.day == 14
    assert _comparable_times(release, wire, EARLIER_WORDS)  # 14 May 2025 was that Wednesday
    assert not _comparable_times(release, later, EARLIER_WORDS)
    assert _comparable_times(later, no_time, EARLIER_WORDS)  # a day of the week it was filed in
    assert later.days_before_filing == 5


def test_a_claim_for_no_time_at_all_meets_a_claim_at_any_time():
    from checker.kinds import EARLIER_WORDS, _comparable_times
    from checker.models import Claim

    def claim(n: int, text: str, time_frame: str | None) -> Claim:
        return Claim(id=f"c{n}", document="a.txt", start=0, end=len(text), text=text, kind="statement", speaker=None,
                     stance="asserted", time_frame=time_frame)

    blasted = claim(0, "The vessel blasted the boat with water cannon before the collision", "before the collision")
    assert _comparable_times(blasted, claim(1, "At no point did the vessel use its water cannon", None), EARLIER_WORDS)
    assert not _comparable_times(blasted, claim(2, "The vessel used its water cannon", None), EARLIER_WORDS)


@pytest.mark.parametrize(
    ("event_a", "event_b", "differ"),
    [
        ("the river peaked at 11.2 metres", "the river was flowing at 10.6 metres", True),  # two readings
        ("a boat carrying some 140 people arrived", "a cayuco with 143 people arrived", False),  # one, rounded
        ("a boat carrying 140 people arrived", "a cayuco with 143 people arrived", True),
    ],
)
def test_dated_events_with_different_figures_are_two_readings(event_a, event_b, differ):
    from checker.kinds import event_figures_differ
    from checker.models import Claim

    def claim(n: int, content: str) -> Claim:
        return Claim(id=f"c{n}", document="a.txt", start=0, end=1, text="on Monday", kind="date", speaker=None,
                     stance="asserted", content=content)

    assert event_figures_differ(claim(0, event_a), claim(1, event_b)) is differ


def _attribute_pairs(checker, make_doc, texts):
    from checker.compare import rule_candidates
    from checker.pipeline import embed_claims

    claims = checker.extract([make_doc(t, f"{n}.txt") for n, t in enumerate(texts)])
    found = rule_candidates(claims, embed_claims(claims, checker.embedder), checker.rules, checker.lexicon)
    return [(claims[f.i].text, claims[f.j].text) for f in found if f.rule.code == "ATT401"]


def test_rules_place_the_texts_put_inside_another_is_not_a_rival(checker, make_doc):
    a = "More than 6,000 people have fled the fighting in eastern Velmora, the agency said."
    b = "More than 6,000 people have fled the fighting in East Tarn, officials said."
    assert _attribute_pairs(checker, make_doc, [a, b])  # two places, as far as the texts say
    assert not _attribute_pairs(checker, make_doc, [a, b + " Velmora's East Tarn province borders Dastan."])


def test_rules_places_the_texts_link():
    from checker.attributes import places_the_texts_link

    linked = places_the_texts_link(["Velmora's East Tarn province", "a farm at Oosterbroek, in the municipality of "
                                    "Veldhoven-Oost", "The depot on Mill Lane in Brennock"])
    assert {"East", "Tarn"} <= linked["Velmora"] and "Veldhoven-Oost" in linked["Oosterbroek"]
    assert "Brennock" in linked["Lane"] and "The" not in linked["Brennock"]


def test_rules_lexicon_units_must_name_a_measure(tmp_path):
    shutil.copytree(SHIPPED_RULES / "lexicon", tmp_path / "lexicon")
    path = tmp_path / "lexicon" / "measures.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'harvest = ["any"]\n', encoding="utf-8")
    with pytest.raises(CheckerError) as info:
        load_lexicon(tmp_path)
    assert "harvest" in info.value.message and str(path) in info.value.message
