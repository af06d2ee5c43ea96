"""The decision model: loading, its probabilities, fitting by case, and one report per disagreement."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.decide import FEATURES, MODEL_FILE, DecisionModel, DecisionModelError, RuleModel, load_decision
from checker.fit import CaseError, collect, cross_validate, find_cases, fit_model, folds_by_case, load_case
from checker.models import Claim, DateValue, Quantity
from checker.ruleset import SHIPPED_RULES
from tests.conftest import ROOT

CASES = ROOT / "tests" / "data" / "cases"


def _one_feature_model(weight: float) -> DecisionModel:
    n = len(FEATURES)
    weights = [0.0] * n
    weights[FEATURES.index("content_similarity")] = weight
    return DecisionModel(rules={"NUM101": RuleModel(features=list(FEATURES), mean=[0.0] * n, scale=[1.0] * n,
                                                     weights=weights, bias=0.0)})


def test_decision_shipped_model_loads_with_every_feature_known():
    model = load_decision(SHIPPED_RULES / MODEL_FILE)
    assert {"NUM101", "POL201", "DAT301", "ATT401"} <= set(model.rules)
    assert 0 < model.min_confidence < 1
    assert model.cross_validation["scores"]["all"]["gold"] > 0  # it records how it was measured


def test_decision_probability_follows_the_weights():
    rising = _one_feature_model(2.0)
    low = rising.probability("NUM101", {"content_similarity": 0.1})
    high = rising.probability("NUM101", {"content_similarity": 0.9})
    assert 0 < low < high < 1
    assert rising.probability("DAT301", {"content_similarity": 0.9}) is None  # no model for the rule


@pytest.mark.parametrize(
    ("a", "b", "transposed"),
    [("83", "38", True), ("78.4", "87.4", True), ("2.3e6", "3.2e6", True), ("83", "83", False), ("10", "100", False),
     ("5", "5.0", False), ("120", "310", False), ("2100", "12000", False)],
)
def test_decision_digits_in_another_order_are_a_transposition(a, b, transposed):
    from checker.decide import digits_transposed

    qa, qb = (Quantity(text=v, low=float(v), high=float(v), qualifier="exact") for v in (a, b))
    assert digits_transposed(qa, qb) is transposed


def _date_features(a: DateValue, b: DateValue) -> dict[str, float]:
    """The decision's features for two date claims with these values."""
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair

    claims = [Claim(id=f"d{n}", document="a.txt", start=0, end=4, text=v.text, kind="date", speaker=None,
                    stance="asserted", date=v) for n, v in enumerate((a, b))]
    return pair_features(Pair(*claims, 0.5, 0.5), "date", Finding(0.5, "", "", ""))


def test_decision_years_apart_reads_only_dates_that_name_their_year():
    def years_apart(a: int | None, b: int | None) -> float:
        return _date_features(DateValue(text="a", year=a, month=6), DateValue(text="b", year=b, month=6))["years_apart"]

    assert years_apart(2015, 2017) > years_apart(2016, 2017) > 0
    assert years_apart(None, 2017) == 0.0


@pytest.mark.parametrize(
    ("day_a", "day_b", "few", "weeks"),
    [((5, 11), (4, 11), 1.0, 0.0), ((5, 11), (20, 11), 0.0, 1.0), ((5, 11), (5, 11), 0.0, 0.0),
     ((5, 11), (5, 6), 0.0, 0.0), ((5, 11), None, 0.0, 0.0)],
)
def test_decision_days_apart_reads_two_calendar_days(day_a, day_b, few, weeks):
    def value(day: tuple[int, int] | None) -> DateValue:
        return DateValue(text="date", day=day[0], month=day[1]) if day else DateValue(text="Monday", weekday=0)

    features = _date_features(value(day_a), value(day_b))
    assert (features["days_apart_few"], features["days_apart_weeks"]) == (few, weeks)


@pytest.mark.parametrize(
    ("counted", "subjects", "different"),
    [
        # a figure's subject is its measure ("colleagues take"): not a noun phrase to split
        (("colleagues", "workers"), ("colleagues take", "workers take"), 0.0),
        (("Syrian militants", "foreign militants"), ("militants leave", "militants leave"), 1.0),
        (None, ("Syrian militants", "foreign militants"), 1.0),  # statements: their subjects
    ],
)
def test_decision_different_sets_reads_counted_things_and_statement_subjects(counted, subjects, different):
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair

    def claim(n: int) -> Claim:
        quantity = Quantity(text="4", low=4 + n, high=4 + n, qualifier="exact", counted=counted[n]) if counted else None
        return Claim(id=f"c{n}", document="a.txt", start=0, end=1, text="x", speaker=None, stance="asserted",
                     kind="numeric" if counted else "statement", quantity=quantity, subject=subjects[n])

    features = pair_features(Pair(claim(0), claim(1), 0.5, 0.5), "numeric", Finding(0.5, "", "", ""))
    assert features["different_sets"] == different


def _figure_features(a: Quantity, b: Quantity) -> dict[str, float]:
    """The decision's features for two figures."""
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair

    claims = [Claim(id=f"q{n}", document="a.txt", start=0, end=len(q.text), text=q.text, kind="numeric",
                    speaker=None, stance="asserted", quantity=q) for n, q in enumerate((a, b))]
    return pair_features(Pair(*claims, 0.5, 0.5), "numeric", Finding(0.5, "", "", ""))


def test_decision_transposed_digits_must_count_one_kind_of_thing():
    def figure(value: float, counted: str) -> Quantity:
        return Quantity(text=f"{value:,.0f} {counted}", low=value, high=value, qualifier="exact", counted=counted)

    assert _figure_features(figure(2100, "families"), figure(1200, "families"))["digits_transposed"] == 1.0
    # shelters are things and families are people: two figures, not one mistyped
    assert _figure_features(figure(2100, "shelters"), figure(1200, "families"))["digits_transposed"] == 0.0


def test_decision_same_unit_reads_converted_units():
    feet = Quantity(text="1,475 feet", low=449.6, high=449.6, qualifier="exact", unit="metre", unit_factor=0.3048)
    metres = Quantity(text="650 metres", low=650, high=650, qualifier="exact", unit="metre")
    people = Quantity(text="650 people", low=650, high=650, qualifier="exact", counted="people")
    assert _figure_features(feet, metres)["same_unit"] == 1.0
    assert _figure_features(people, metres)["same_unit"] == 0.0
    assert _figure_features(people, people)["same_unit"] == 0.0  # no unit: what they count says, not this


@pytest.mark.parametrize(
    ("predicates", "description"),
    [(("be", "carry"), 1.0), (("exist", "confirm"), 0.0), (("be", "be"), 0.0), (("leave", "remain"), 0.0)],
)
def test_decision_notes_a_description_against_an_act(predicates, description):
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair

    claims = [Claim(id=f"s{n}", document="a.txt", start=0, end=1, text="x", kind="statement", speaker=None,
                    stance="asserted", predicate=p) for n, p in enumerate(predicates)]
    features = pair_features(Pair(*claims, 0.5, 0.5), "polarity", Finding(0.5, "", "", ""))
    assert features["description_against_act"] == description


@pytest.mark.parametrize(
    ("frames", "cls", "acts", "related"),
    [(("set off from", "depart from"), "place", True, 1.0), (("start at", "sentence at"), "place", True, 0.0),
     (("build in", "build in"), "origin", True, 0.0),   # an origin is no act's place
     (("bank of", "surround in"), "place", False, 0.0)],  # "the north bank of": a noun, though "bank" is a verb too
)
def test_decision_notes_places_of_acts_that_may_be_one(frames, cls, acts, related):
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair
    from checker.models import Attribute

    claims = [Claim(id=f"s{n}", document="a.txt", start=0, end=1, text="x", kind="statement", speaker=None,
                    stance="asserted", attribute=Attribute(cls=cls, value=v, frame=f, anchor="boat", act=acts))
              for n, (f, v) in enumerate(zip(frames, ("Kayar", "Nouadhibou")))]
    pair = Pair(*claims, 0.5, 0.5, attribute=(cls, "Kayar", "Nouadhibou"))
    assert pair_features(pair, "attribute", Finding(0.5, "", "", ""))["place_acts_related"] == related


@pytest.mark.parametrize(("content", "unnamed"), [("Monday 11 November", 1.0), ("The board met", 0.0)])
def test_decision_notes_a_date_that_names_no_event(content, unnamed):
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair

    value = DateValue(text="Monday 11 November", day=11, month=11)
    claims = [Claim(id=f"d{n}", document="a.txt", start=0, end=18, text=value.text, kind="date", speaker=None,
                    stance="asserted", date=value, content=c) for n, c in enumerate((content, "The board met"))]
    features = pair_features(Pair(*claims, 0.5, 0.5), "date", Finding(0.5, "", "", ""))
    assert features["event_unnamed"] == unnamed


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "not JSON"),
        ('{"rules": {"NUM101": {"features": ["gap"], "mean": [0], "scale": [1, 2], "weights": [1], "bias": 0}}}',
         "differ in length"),
        ('{"rules": {"NUM101": {"features": ["colour"], "mean": [0], "scale": [1], "weights": [1], "bias": 0}}}',
         "unknown features"),
        ('{"rules": {}, "min_confidence": 3}', "min_confidence"),
    ],
)
def test_decision_malformed_file_is_named_in_the_error(tmp_path, text, fragment):
    path = tmp_path / "decision.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DecisionModelError, match=fragment) as info:
        load_decision(path)
    assert str(path) in str(info.value)


def test_cli_check_with_a_malformed_decision_exits_2(tmp_path):
    bad = tmp_path / "decision.json"
    bad.write_text("[]", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Police said 12 people died.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "checker", "check", "--decision", str(bad), str(doc)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "E403" in run.stderr and "Traceback" not in run.stderr and run.stdout == ""


def test_fit_cases_are_read_and_labelled(checker):
    cases = [load_case(folder) for folder in find_cases([CASES])]
    assert [c.name for c in cases] == ["bridge_vote", "fire_toll"]
    data = {c.name: collect(checker, c) for c in cases}
    fire = data["fire_toll"]
    positives = [(fire.claims[c.i].text, fire.claims[c.j].text) for c, y in zip(fire.found, fire.labels) if y]
    assert any("12" in a + b and "30" in a + b for a, b in positives)
    assert all(set(c.features) == set(FEATURES) for d in data.values() for c in d.found)


def test_fit_case_with_a_missing_quote_is_an_error(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    (case / "a.txt").write_text("Police said 12 people died.", encoding="utf-8")
    (case / "gold.json").write_text(json.dumps({"description": "x", "conflicts": [
        {"kind": "numeric", "a": {"doc": "a.txt", "quote": "12 people"}, "b": {"doc": "a.txt", "quote": "40 people"}}],
        "consistent": []}), encoding="utf-8")
    with pytest.raises(CaseError, match="'40 people' not found"):
        load_case(case)


def test_fit_folds_split_cases_without_overlap():
    names = [f"case{n}" for n in range(11)]
    parts = folds_by_case(names, 4)
    assert sorted(n for p in parts for n in p) == sorted(names)
    assert all(not (a & b) for i, a in enumerate(parts) for b in parts[i + 1:])


def _tally(precision: float, recall: float):
    from checker.fit import Tally

    tally = Tally()
    tally.gold["numeric"], tally.hit["numeric"] = 1000, round(recall * 1000)
    tally.reported["numeric"], tally.true["numeric"] = 1000, round(precision * 1000)
    return tally


def test_fit_regularisations_are_compared_on_their_best_held_out_score(monkeypatch):
    import checker.fit as fit

    curves = {  # held-out (precision, recall) at cuts 0.25 and 0.3
        0.3: {0.25: _tally(0.70, 0.50), 0.3: _tally(0.72, 0.44)},  # best F0.5 0.648, flat: 0.639 at 0.3
        1.0: {0.25: _tally(0.70, 0.49), 0.3: _tally(0.60, 0.40)},  # best F0.5 0.645, then falls away
    }
    monkeypatch.setattr(fit, "cross_validate", lambda data, folds, c, repeats=1: curves[c])
    chosen, cut, _ = fit.choose_settings([], 5, (0.3, 1.0))
    assert (chosen, cut) == (0.3, 0.3)  # the better model; its flat curve lets it report less


def test_fit_scores_every_cut_from_one_decision(checker, monkeypatch):
    import checker.fit as fit

    data = [collect(checker, load_case(folder)) for folder in find_cases([CASES])]
    monkeypatch.setattr("checker.fit.MIN_POSITIVES", 1)
    model = fit_model(data + data, regularisation=1.0)
    counts = lambda t: (t.gold, t.hit, t.reported, t.true, t.on_consistent)  # noqa: E731
    for d in data:
        at = fit.score_case_at(d, model, fit.THRESHOLDS)
        assert all(counts(at[t]) == counts(fit.score_case(d, model, t)) for t in fit.THRESHOLDS)


def test_fit_nested_chooses_settings_without_the_fold_it_scores(monkeypatch):
    import checker.fit as fit

    data = [fit.CaseCandidates(fit.LabelledCase(f"case{n}", Path("."), [], [], []), []) for n in range(6)]
    chosen_on, scored = [], []

    def choose(train, folds, regularisations, repeats=1):
        chosen_on.append({d.case.name for d in train})
        return 0.3, 0.1 * len(chosen_on), {}

    monkeypatch.setattr(fit, "choose_settings", choose)
    monkeypatch.setattr(fit, "fit_model", lambda train, c: frozenset(d.case.name for d in train))
    monkeypatch.setattr(fit, "score_case", lambda d, model, cut: scored.append((d.case.name, model, cut)) or fit.Tally())
    result = fit.nested_cross_validate(data, folds=3, regularisations=(0.3,), repeats=2)
    assert len(result.settings) == len(chosen_on) == 6 and len(scored) == 12  # every case scored once per round
    for name, fitted_on, cut in scored:
        assert name not in fitted_on  # neither the model nor the cut saw the case it scores
        assert fitted_on in chosen_on and cut == pytest.approx(0.1 * (chosen_on.index(fitted_on) + 1))


def test_fit_learning_curve_fits_growing_parts_of_each_training_fold(monkeypatch):
    import checker.fit as fit

    data = [fit.CaseCandidates(fit.LabelledCase(f"case{n}", Path("."), [], [], []), []) for n in range(9)]
    fitted: list[tuple[str, ...]] = []
    monkeypatch.setattr(fit, "fit_model",
                        lambda train, c: fitted.append(tuple(d.case.name for d in train)) or fitted[-1])
    scored: list[tuple[str, tuple[str, ...]]] = []
    monkeypatch.setattr(fit, "score_case_at", lambda d, model, cuts: scored.append((d.case.name, model))
                        or {t: fit.Tally() for t in cuts})
    points = fit.learning_curve(data, folds=3, shares=(1 / 3, 2 / 3, 1.0), repeats=2)
    assert [p.cases for p in points] == [2.0, 4.0, 6.0]  # of the six cases each fold leaves to fit on
    assert all(name not in model for name, model in scored)  # no model scores a case it was fit on
    assert len(scored) == 9 * 3 * 2  # every case, at every share, once per round
    for fold in range(0, len(fitted), 3):  # each share of one fold is part of the next
        small, middle, whole = fitted[fold:fold + 3]
        assert set(small) <= set(middle) <= set(whole)


def test_fit_model_round_trips_through_its_file(checker, tmp_path, monkeypatch):
    data = [collect(checker, load_case(folder)) for folder in find_cases([CASES])]
    # Two copies of each case under other names, so every fold has both labels to learn from.
    data += [dataclasses.replace(d, case=dataclasses.replace(d.case, name=d.case.name + "-copy")) for d in data]
    monkeypatch.setattr("checker.fit.MIN_POSITIVES", 1)  # the test cases hold only a few conflicts
    model = fit_model(data, regularisation=1.0, min_confidence=0.4)
    assert "NUM101" in model.rules
    path = tmp_path / "decision.json"
    path.write_text(model.model_dump_json(), encoding="utf-8")
    again = load_decision(path)
    cand = next(c for d in data for c in d.found if c.kind == "numeric")
    assert again.probability("NUM101", cand.features) == pytest.approx(model.probability("NUM101", cand.features))
    tallies = cross_validate(data, folds=2, regularisation=1.0, thresholds=(0.4,))
    assert tallies[0.4].scores()["numeric"]["gold"] == 4
    # Rounds split the cases anew and pool their counts; the scores give counts per round.
    pooled = cross_validate(data, folds=2, regularisation=1.0, thresholds=(0.4,), repeats=3)
    assert pooled[0.4].gold["numeric"] == 12 and pooled[0.4].scores()["numeric"]["gold"] == 4
    assert len({frozenset(map(frozenset, folds_by_case([d.case.name for d in data], 2, seed))) for seed in range(3)}) > 1


def test_disagreement_among_three_sources_is_one_report(checker, make_doc):
    docs = [make_doc("The ministry said 12 people died in the warehouse fire on Tuesday.", "ministry.txt"),
            make_doc("Hospital officials said 30 people died in the warehouse fire on Tuesday.", "hospital.txt"),
            make_doc("The fire brigade said 55 people died in the warehouse fire on Tuesday.", "brigade.txt")]
    report = checker.check(docs)
    numeric = [c for c in report.conflicts if c.kind == "numeric"]
    assert len(numeric) == 1, [c.message for c in numeric]
    assert {c.document for c in numeric[0].claims} == {"ministry.txt", "hospital.txt", "brigade.txt"}
    assert all(s in numeric[0].message for s in ("12", "30", "55"))
    assert numeric[0].message.startswith("3 claims disagree on the figure for deaths:")  # its measure, named


def test_disagreement_read_as_sentences_and_as_sides_is_one_report(checker, make_doc):
    docs = [make_doc("An air strike by government forces hit a hospital on Monday, doctors said.", "doctors.txt"),
            make_doc("A government spokesman denied that its aircraft had been involved.", "government.txt")]
    report = checker.check(docs)
    assert len(report.conflicts) == 1, [c.message for c in report.conflicts]
    assert {c.document for c in report.conflicts[0].claims} == {"doctors.txt", "government.txt"}


def test_statement_of_what_a_figure_covers_meets_the_figure(checker, make_doc):
    regulator = make_doc("The regulator said the personal data of approximately 1.9 million current customers "
                         "was copied.", "regulator.txt")
    covers = make_doc("The company said the 1.9 million figure covers both current customers and former customers.",
                      "company.txt")
    other = make_doc("The company said the 2.9 million figure covers both current customers and former customers.",
                     "other.txt")
    flagged = checker.check([regulator, covers]).conflicts
    assert [c.kind for c in flagged] == ["scope"]
    assert {c.document for c in flagged[0].claims} == {"regulator.txt", "company.txt"}
    # it speaks of another figure: whatever else that is, it is no bound on the regulator's 1.9 million
    assert [c for c in checker.check([regulator, other]).conflicts if c.kind == "scope"] == []


def test_min_confidence_trades_reports(checker, seed_text, make_doc):
    doc = [make_doc(seed_text, "raqqa.txt")]
    everything = dataclasses.replace(checker, min_confidence=0.0).check(doc).conflicts
    default = checker.check(doc).conflicts
    none = dataclasses.replace(checker, min_confidence=1.0).check(doc).conflicts
    assert len(none) == 0 < len(default)
    claims = lambda conflicts: {(c.document, c.start) for x in conflicts for c in x.claims}  # noqa: E731
    assert claims(default) <= claims(everything)


def test_cli_fit_prints_held_out_scores_and_writes_a_model(tmp_path):
    out = tmp_path / "desk.json"
    run = subprocess.run([sys.executable, "-m", "checker", "fit", str(CASES), "--folds", "2", "--output", str(out),
                          "--nested", "--learning-curve", "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    printed = json.loads(run.stdout)
    assert printed["scores"]["all"]["gold"] == 2
    # --learning-curve: held-out scores of models fit on a growing share of each training fold
    curve = printed["learning_curve"]
    assert [p["share"] for p in curve] == [0.25, 0.5, 0.75, 1.0]
    assert all(set(p) == {"share", "cases", "min_confidence", "precision", "recall", "f0.5"} for p in curve)
    assert curve[0]["cases"] <= curve[-1]["cases"] == 1.0  # two cases, two folds: one case to fit on
    # --nested: the whole procedure held out, with the settings each outer fold chose
    assert printed["nested"]["scores"]["all"]["gold"] == 2 and len(printed["nested"]["settings"]) == 2 * 5
    # the trade-off --min-confidence makes, held out, at each cut; the chosen cut among them
    assert f"{printed['min_confidence']:.2f}" in printed["by_cut"]
    assert all(set(v) == {"precision", "recall", "f0.5"} for v in printed["by_cut"].values())
    assert load_decision(out).cross_validation["by_cut"] == printed["by_cut"]
    again = subprocess.run([sys.executable, "-m", "checker", "fit", str(CASES), "--output", str(out)],
                           capture_output=True, text=True)
    assert again.returncode == 2 and "exists" in again.stderr  # nothing the user has is overwritten


def test_disagreement_is_named_by_what_it_is_about():
    from checker.compare import _topic
    from checker.models import Claim, DateValue, Quantity

    def claim(n: int, **fields) -> Claim:
        return Claim(id=f"c{n}", document="a.txt", start=0, end=1, text="x", kind="numeric", speaker=None,
                     stance="asserted", **fields)

    people = Quantity(text="41", low=41, high=41, qualifier="exact", counted="people")
    assert _topic(claim(0, quantity=people, subject="people kill"), claim(1, quantity=people)) == "how many people"
    assert _topic(claim(0, quantity=people, measure="service_life"), claim(1, quantity=people)) == \
        "the figure for service life"
    launch = DateValue(text="on Monday", weekday=0)
    assert _topic(claim(0, date=launch, content="The rocket lifted off"), claim(1, date=launch)) == \
        "when the rocket lifted off"


@pytest.mark.parametrize(
    ("days_before_filing", "one_time"),
    [(0, 0.0), (3, 0.0),  # the week the story was filed: the story's own time, as no time is
     (20, 1.0), (None, 1.0)],  # an earlier day, or a time not placed against the dateline
)
def test_decision_a_time_in_the_story_week_is_the_story_time(days_before_filing, one_time):
    from checker.decide import pair_features
    from checker.kinds import Finding, Pair

    dated = Claim(id="a", document="a.txt", start=0, end=2, text="41", kind="numeric", speaker=None, stance="asserted",
                  quantity=Quantity(text="41", low=41, high=41, qualifier="exact"), time_frame="on tuesday",
                  days_before_filing=days_before_filing)
    undated = Claim(id="b", document="b.txt", start=0, end=2, text="29", kind="numeric", speaker=None,
                    stance="asserted", quantity=Quantity(text="29", low=29, high=29, qualifier="exact"))
    features = pair_features(Pair(dated, undated, 0.5, 0.5), "numeric", Finding(0.5, "", "", ""))
    assert features["one_time"] == one_time


def test_cli_fit_on_one_case_says_its_scores_are_the_rules_own():
    run = subprocess.run([sys.executable, "-m", "checker", "fit", str(CASES / "fire_toll"), "--folds", "2",
                          "--repeats", "1", "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "one case" in run.stderr and "label more cases" in run.stderr
    assert json.loads(run.stdout)["scores"]["all"]["gold"] == 1  # stdout stays the JSON alone


def test_decision_evidence_names_what_weighs_toward_the_conflict():
    from checker.decide import FEATURE_EVIDENCE

    names = ["same_measure", "same_source", "content_similarity", "vague"]
    rule = RuleModel(features=names, mean=[0.5, 0.5, 0.5, 0.5], scale=[0.5, 0.5, 0.2, 0.5],
                     weights=[1.0, -2.0, 0.05, 1.0], bias=0.0)
    model = DecisionModel(rules={"NUM101": rule})
    features = {"same_measure": 1.0, "same_source": 0.0, "content_similarity": 0.9, "vague": 0.0}
    # two sources pull most (+2), one measure next (+1); the similarity barely pulls, and exact figures pull away
    assert model.evidence("NUM101", features) == ["two sources", "both count one measure"]
    assert model.evidence("NUM101", features, most=1) == ["two sources"]
    assert model.evidence("DAT301", features) == []  # no fitted model, nothing to tell
    assert set(FEATURE_EVIDENCE) == set(FEATURES)  # every feature can be told in words
    assert all(any(words) for words in FEATURE_EVIDENCE.values())


def test_report_tells_the_evidence_for_each_conflict(checker, make_doc):
    from checker.report import evidence_line, render_text

    docs = [make_doc("The ministry said 12 people died in the warehouse fire on Tuesday.", "ministry.txt"),
            make_doc("Hospital officials said 30 people died in the warehouse fire on Tuesday.", "hospital.txt")]
    report = checker.check(docs)
    conflict = next(c for c in report.conflicts if c.kind == "numeric")
    assert conflict.evidence and len(conflict.evidence) <= 3
    assert f"\n  confidence {conflict.confidence:.2f}; evidence: " + "; ".join(conflict.evidence) in render_text(report)
    assert evidence_line(conflict) in render_text(report)
    assert json.loads(report.model_dump_json())["conflicts"][0]["evidence"] == conflict.evidence
