"""Decide whether a pair the rules call incompatible is a conflict: a logistic model over features
of the pair, fit on labelled cases (`claimcheck fit`), shipped as `rules/decision.json`.

The rules say whether two claims *could not both hold if they were about one thing* (intervals
disjoint, stances opposite, dates apart, values differ). Whether they are about one thing is
what no fixed similarity floor decides well; the model weighs every clue of it at once and gives
a calibrated probability, which `--min-confidence` cuts."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.dates import minutes_apart
from checker.kinds import (EARLIER_WORDS, Finding, Pair, _comparable_times, _different_sets, in_story_week,
                           _different_subjects, different_sources, event_figures_differ, _interval)
from checker.models import Claim, DateValue, Quantity
from checker.wordnet import different_kinds, verbs_related

# The features, in the order the model's weights follow. Each says one thing about the pair.
FEATURES = (
    "content_similarity",      # cosine of what the two claims say, figures and dates taken out
    "subject_similarity",      # cosine of their subjects
    "value_similarity",        # cosine of the counted nouns (figures) or the values (attributes)
    "word_overlap",            # share of content words the two claims have in common
    "same_measure",            # both figures count one measure (deaths, seats, fee)
    "other_measure",           # both figures have a measure, and they differ
    "counts_measure",          # one figure names its measure itself ("the 52,000-seat venue")
    "both_counted",            # both figures name what they count
    "same_document",
    "same_sentence",
    "sentence_distance",       # log of the characters between the two sentences, same document
    "unattributed",            # one claim is the writer's own
    "same_time",               # both give a time, and it is one
    "one_time",                # only one gives a time
    "same_modality",
    "vague",                   # one figure is vague ("dozens")
    "gap",                     # log of how many times apart the nearest ends of two intervals are
    "rule_confidence",         # the rule's own score
    "denial",                  # the text reports a claim and its denial
    "opposite_predicates",     # one did X, the other its opposite
    "tension",                 # figures that barely overlap
    "scope",                   # one figure covering different sets
    "same_source",             # one speaker in one document, or the writer twice
    "times_apart",             # the texts put the two claims at different times
    "plan_against_fact",       # one is planned or expected, the other is not
    "revised_or_opinion",      # one is marked superseded, or an opinion
    "part_against_whole",      # one figure is part of another ("including six children")
    "updated",                 # one is marked as an update ("later rose to 24")
    "different_sets",          # "Syrian militants" against "foreign militants"
    "predicates_opposed",      # remain against leave, from the stance lexicon
    "same_predicate",          # one main verb
    "event_figures_differ",    # two dated events that give different readings
    "zero",                    # one figure is a zero ("no one was hurt")
    "hours_apart",             # log of the hours between two times of day given for one day
    "universal_against_count",  # "no lives were lost" against a count ("two people died")
    "counted_kinds_differ",    # the figures count different kinds of thing (WordNet: engines, people)
    "open_ended_date",         # a date that bounds a span ("since 2000", "by 2050"), not an event's day
    "digits_transposed",       # the same digits in another order ("83 votes" against "38 votes"): a typing slip
    "later_mention",           # log of how many claims of its kind precede the later-placed of the two in its document
    "later_position",          # the larger share of its document's claims of its kind that precede either claim
    "years_apart",             # log of the years between two dates that both name their year
    "quoted",                  # one claim stands in a direct quotation (a source's own words)
    "both_quoted",             # both do
    "days_apart_few",          # two calendar days one to three days apart ("late on Monday", "03:10 on Tuesday")
    "days_apart_weeks",        # two calendar days four to sixty days apart: rarely one event's
    "event_unnamed",           # a date that names nothing that happened on it ("Monday 11 November" alone)
    "same_unit",               # both figures are in one unit, once converted ("1,475 feet" and "650 metres")
    "description_against_act",  # one statement says what something is ("is not a small machine"), the other what happened
    "place_acts_related",      # two places of acts WordNet may call one ("set off from Kayar", "departed from Nouadhibou")
)

# What each feature tells a reader when it weighs toward a conflict: the words for a present (or
# high) value and for an absent (or low) one; None where that side says nothing worth reading.
FEATURE_EVIDENCE: dict[str, tuple[str | None, str | None]] = {
    "content_similarity": ("the claims say alike things", "the claims are worded apart"),
    "subject_similarity": ("said of alike subjects", "said of subjects worded apart"),
    "value_similarity": ("alike in what they count or name", "unlike in what they count or name"),
    "word_overlap": ("many words in common", "few words in common"),
    "same_measure": ("both count one measure", None),
    "other_measure": ("they count different measures", None),
    "counts_measure": ("one figure names its measure itself", None),
    "both_counted": ("both name what they count", "one does not name what it counts"),
    "same_document": ("in one document", "in two documents"),
    "same_sentence": ("in one sentence", None),
    "sentence_distance": ("far apart in the text", "close together in the text"),
    "unattributed": ("one is the writer's own", "both attributed to a source"),
    "same_time": ("both at one time", None),
    "one_time": ("only one gives a time", None),
    "same_modality": ("both told as fact, or both as plans", "one a plan or an opinion"),
    "vague": ("one figure is vague", "exact figures"),
    "gap": ("the figures lie far apart", "figures near enough to be rival estimates"),
    "rule_confidence": ("a close match for the rule", "a loose match for the rule"),
    "denial": ("a claim and its denial", None),
    "opposite_predicates": ("opposite outcomes", None),
    "tension": ("the figures barely overlap", None),
    "scope": ("one figure said to cover different sets", None),
    "same_source": ("one source", "two sources"),
    "times_apart": ("put at different times", None),
    "plan_against_fact": ("a plan against a fact", None),
    "revised_or_opinion": ("one is superseded or an opinion", None),
    "part_against_whole": ("one figure is part of another", None),
    "updated": ("one is marked as an update", None),
    "different_sets": ("different sets", None),
    "predicates_opposed": ("opposite predicates", None),
    "same_predicate": ("one verb", "different verbs"),
    "event_figures_differ": ("dated events with different readings", None),
    "zero": ("one figure is zero", None),
    "hours_apart": ("hours apart on one day", None),
    "universal_against_count": ("a claim of none against a count", None),
    "counted_kinds_differ": ("they count different kinds of thing", None),
    "open_ended_date": ("a date that bounds a span", None),
    "digits_transposed": ("the same digits in another order", None),
    "later_mention": ("many claims of its kind before it", "few claims of its kind before it"),
    "later_position": ("late in its document", "early in its document"),
    "years_apart": ("years apart", None),
    "quoted": ("in a direct quotation", "not in a direct quotation"),
    "both_quoted": ("both in direct quotations", None),
    "days_apart_few": ("one to three days apart", None),
    "days_apart_weeks": ("weeks apart", None),
    "event_unnamed": ("a date that names no event", "both dates name their event"),
    "same_unit": ("one unit", "different units"),
    "description_against_act": ("what something is against what happened", None),
    "place_acts_related": ("acts WordNet may call one", None),
}

MODEL_FILE = "decision.json"
# A feature weighs toward a conflict, for the evidence a report names, when it adds this much to the log-odds.
_EVIDENCE_PULL = 0.3


class RuleModel(BaseModel):
    """Standardised logistic regression for the pairs one rule flags."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    features: list[str]
    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float
    positives: int = Field(0, description="Labelled conflicts it was fit on.")
    negatives: int = Field(0, description="Labelled non-conflicts it was fit on.")

    @functools.cached_property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """mean, scale and weights as arrays, made once: a check scores thousands of pairs."""
        return np.array(self.mean), np.array(self.scale), np.array(self.weights)

    def pulls(self, features: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """For each feature, whether the pair's value is above the mean fit on, and what it adds to the log-odds."""
        mean, scale, weights = self.arrays
        x = np.array([features.get(name, 0.0) for name in self.features])
        return x > mean, (x - mean) / scale * weights


class DecisionModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = 1
    # Conflicts below this probability are not reported (`--min-confidence` overrides it).
    min_confidence: float = Field(0.5, ge=0, le=1)
    # By rule code. A rule with too few labelled pairs to fit has none and keeps its own confidence.
    rules: dict[str, RuleModel]
    fitted_on: list[str] = Field(default_factory=list, description="The case folders it was fit on.")
    cross_validation: dict = Field(default_factory=dict, description="Held-out-fold scores when it was fit.")

    def probability(self, code: str, features: dict[str, float]) -> float | None:
        """The probability that a pair the rule `code` flags is a conflict; None if no model for it."""
        model = self.rules.get(code)
        if model is None:
            return None
        score = float(model.pulls(features)[1].sum() + model.bias)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, score))))

    def evidence(self, code: str, features: dict[str, float], most: int = 3) -> list[str]:
        """In words, the features that weigh most toward a conflict for the rule `code`: what a reader
        can check first. Empty if the rule has no model."""
        model = self.rules.get(code)
        if model is None:
            return []
        above_mean, pull = model.pulls(features)
        words = []
        for n in np.argsort(-pull):
            if pull[n] < _EVIDENCE_PULL or len(words) == most:
                break
            phrase = FEATURE_EVIDENCE.get(model.features[n], (None, None))[0 if above_mean[n] else 1]
            if phrase is not None:
                words.append(phrase)
        return words


class DecisionModelError(ValueError):
    pass


def load_decision(path: Path) -> DecisionModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DecisionModelError(f"{path}: cannot be read ({exc.strerror})") from exc
    except ValueError as exc:
        raise DecisionModelError(f"{path}: not JSON ({exc})") from exc
    try:
        model = DecisionModel.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DecisionModelError(f"{path}: {where}: {first['msg']}") from exc
    for code, rule_model in model.rules.items():
        sizes = {len(rule_model.features), len(rule_model.mean), len(rule_model.scale), len(rule_model.weights)}
        if len(sizes) != 1:
            raise DecisionModelError(f"{path}: rules.{code}: features, mean, scale and weights differ in length")
        unknown = set(rule_model.features) - set(FEATURES)
        if unknown:
            raise DecisionModelError(f"{path}: rules.{code}: unknown features {sorted(unknown)}")
    return model


_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset("the and that said was were has have had for from with this its their his her they are not "
                  "but who which been will would about more than some into over after before".split())


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def _gap(a: Claim, b: Claim) -> float:
    """log of how many times apart the nearest ends of two figures' intervals are (0 if they meet)."""
    if a.quantity is None or b.quantity is None:
        return 0.0
    (lo_a, hi_a), (lo_b, hi_b) = _interval(a.quantity), _interval(b.quantity)
    if hi_a < lo_b:
        small, large = hi_a, lo_b
    elif hi_b < lo_a:
        small, large = hi_b, lo_a
    else:
        return 0.0
    if large == float("inf") or small <= 0:
        return 3.0  # a zero against a count: as far apart as figures get
    return min(3.0, math.log10(large / small) if large > small else 0.0)


def _written_digits(q: Quantity) -> str | None:
    """The significant digits of a figure as written ("23" of "£2.3 million"), for a single value."""
    if q.low is None or q.low != q.high:
        return None
    written = f"{abs(q.low) / (q.unit_factor or 1.0):.12g}"
    return None if "e" in written else written.replace(".", "").strip("0")


def _days_apart(a: DateValue | None, b: DateValue | None) -> int | None:
    """Days between two dates that name their month and day (a year left unnamed is taken as one)."""
    if a is None or b is None or None in (a.month, a.day, b.month, b.day):
        return None
    try:
        day_a = dt.date(a.year or _ANY_LEAP_YEAR, a.month, a.day)  # type: ignore[arg-type]
        day_b = dt.date(b.year or _ANY_LEAP_YEAR, b.month, b.day)  # type: ignore[arg-type]
    except ValueError:
        return None
    return abs((day_a - day_b).days)


_ANY_LEAP_YEAR = 2000  # so "29 February" with no year is a day


def digits_transposed(a: Quantity, b: Quantity) -> bool:
    """Two figures of one magnitude written with the same digits in another order: "78.4 per cent"
    and "87.4 percent" (but not 2,100 and 12,000)."""
    da, db = _written_digits(a), _written_digits(b)
    if not (da and db and len(da) >= 2 and da != db and sorted(da) == sorted(db)):
        return False
    return math.floor(math.log10(abs(a.low))) == math.floor(math.log10(abs(b.low)))  # type: ignore[arg-type]


def pair_features(pair: Pair, rule_kind: str, finding: Finding, predicates_opposed: bool = False,
                  universal_against_count: bool = False) -> dict[str, float]:
    """The features of a pair that the rule of `rule_kind` found incompatible. Where each claim
    stands among its document's claims of its kind counts: news leads with what it reports, and
    sources dispute what they lead with."""
    a, b = pair.a, pair.b
    qa, qb = a.quantity, b.quantity
    wa, wb = _words(a.content or a.text), _words(b.content or b.text)
    same_doc = a.document == b.document
    distance = 0.0
    if same_doc:
        first, second = (a, b) if a.sentence_start <= b.sentence_start else (b, a)
        distance = math.log1p(max(0, second.sentence_start - first.sentence_end))
    ta, tb = a.time_frame or "", b.time_frame or ""
    days = _days_apart(a.date, b.date)
    kinds_differ = bool(qa and qb and different_kinds(qa.counted, qb.counted))
    return {
        "content_similarity": pair.content_similarity,
        "subject_similarity": pair.subject_similarity,
        "value_similarity": pair.value_similarity,
        "word_overlap": len(wa & wb) / len(wa | wb) if wa | wb else 0.0,
        "same_measure": float(a.measure is not None and a.measure == b.measure),
        "other_measure": float(a.measure is not None and b.measure is not None and a.measure != b.measure),
        "counts_measure": float(pair.counts_measure),
        "both_counted": float(bool(qa and qb and qa.counted and qb.counted)),
        "same_document": float(same_doc),
        "same_sentence": float(same_doc and a.sentence_start == b.sentence_start),
        "sentence_distance": distance if same_doc else 10.0,
        "unattributed": float(a.speaker_key is None or b.speaker_key is None),
        "same_time": float(bool(ta and tb and (ta == tb or set(ta.split(" / ")) & set(tb.split(" / "))))),
        # a time in the week the story was filed is the story's own time, as no time is
        "one_time": float(bool(ta) != bool(tb) and not in_story_week(a if ta else b)),
        "same_modality": float(a.modality == b.modality),
        "vague": float(any(q is not None and q.qualifier == "vague" for q in (qa, qb))),
        "gap": _gap(a, b),
        "rule_confidence": finding.confidence,
        "denial": float(rule_kind == "denial"),
        "opposite_predicates": float(rule_kind == "opposite"),
        "tension": float(rule_kind == "numeric" and finding.detail == "the figures barely overlap"),
        "scope": float(rule_kind == "scope"),
        "same_source": float(not different_sources(a, b)),
        "times_apart": float(not _comparable_times(a, b, EARLIER_WORDS)),
        "plan_against_fact": float((a.modality == "planned") != (b.modality == "planned")),
        "revised_or_opinion": float(bool({a.modality, b.modality} & {"revised", "opinion"})),
        "part_against_whole": float((a.modality == "part") != (b.modality == "part")),
        "updated": float(a.updated or b.updated),
        # A figure's subject is its measure ("workers take"), not a noun phrase to split into head and modifiers.
        "different_sets": float(bool(qa and qb and _different_sets(qa, qb))
                                or (qa is None and qb is None and _different_subjects(a.subject, b.subject))),
        "predicates_opposed": float(predicates_opposed),
        "same_predicate": float(bool(a.predicate) and a.predicate == b.predicate),
        "event_figures_differ": float(event_figures_differ(a, b)),
        "zero": float(any(q is not None and q.high == 0 for q in (qa, qb))),
        "hours_apart": math.log1p(minutes_apart(a.date, b.date) / 60) if a.date and b.date else 0.0,
        "universal_against_count": float(universal_against_count),
        "counted_kinds_differ": float(kinds_differ),
        "description_against_act": float(a.kind == b.kind == "statement" and a.predicate != b.predicate
                                         and "be" in (a.predicate, b.predicate)),
        "open_ended_date": float(any(c.kind == "date" and _opens_span(c.text) for c in (a, b))),
        # A slip of the keys leaves the figure counting what it counted: "2,100 shelters" and "1,200 families" are two figures.
        "digits_transposed": float(bool(qa and qb and digits_transposed(qa, qb)) and not kinds_differ),
        "later_mention": math.log1p(max(a.place_in_document, b.place_in_document)),
        "later_position": max(c.place_in_document / c.kind_in_document for c in (a, b)),
        "years_apart": math.log1p(abs(a.date.year - b.date.year))
        if a.date and b.date and a.date.year and b.date.year else 0.0,
        "quoted": float(a.quoted or b.quoted),
        "both_quoted": float(a.quoted and b.quoted),
        "days_apart_few": float(days is not None and 1 <= days <= 3),
        "days_apart_weeks": float(days is not None and 4 <= days <= 60),
        "event_unnamed": float(any(c.kind == "date" and c.content.strip() == c.text.strip() for c in (a, b))),
        "same_unit": float(bool(qa and qb and qa.unit is not None and qa.unit == qb.unit)),
        "place_acts_related": float(rule_kind == "attribute" and pair.attribute is not None
                                    and pair.attribute[0] == "place" and _acts_related(a, b)),
    }


def _acts_related(a: Claim, b: Claim) -> bool:
    """Whether the verbs that place two values ("set off from", "depart from") may tell one act; a
    noun's frame ("the north bank of") tells none, though WordNet has a verb "bank"."""
    if not (a.attribute and b.attribute and a.attribute.act and b.attribute.act):
        return False
    frame_a, frame_b = a.attribute.frame.split(), b.attribute.frame.split()
    if len(frame_a) < 2 or len(frame_b) < 2:
        return False
    return verbs_related(" ".join(frame_a[:-1]), " ".join(frame_b[:-1]))


# English prepositions that make a date one end of a span rather than the day something happened.
_SPAN_BOUNDS = frozenset({"since", "by", "before", "until", "till", "after", "from", "through", "ahead"})


def _opens_span(text: str) -> bool:
    words = text.lower().split(maxsplit=1)
    return bool(words) and words[0] in _SPAN_BOUNDS

