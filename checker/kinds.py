"""One compare function per rule kind: given two claims about one subject, do they conflict?"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from checker.attributes import PLACE_CLASSES, known_places, linked_by_the_texts, same_value
from checker.dates import PERIOD_NOUNS, dates_disagree, names_a_day
from checker.models import Attribute, Claim, Quantity

POSITIVE = {"asserted", "reported", "hedged"}
NEGATIVE = {"negated", "denied"}

# Words that put a claim before the story's own time ("before the evacuation", "initially").
EARLIER_WORDS = ["before", "earlier", "previous", "previously", "ago", "initially", "at first", "first", "originally",
                 "last"]


@dataclass(frozen=True)
class Pair:
    """Two claims and how close they are in meaning."""

    a: Claim
    b: Claim
    content_similarity: float
    subject_similarity: float
    # For figures: how alike the counted things' head nouns are; for attributes: the two values.
    value_similarity: float = 0.0
    attribute: tuple[str, str, str] | None = None  # (class, value in a, value in b)
    # One figure counts its measure itself ("the 52,000-seat venue"), so the other's counted noun
    # ("62,000 spectators") need not match it.
    counts_measure: bool = False


@dataclass(frozen=True)
class Finding:
    """Why two claims conflict, in the words the rule's message template uses."""

    confidence: float
    value_a: str
    value_b: str
    detail: str


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumericParams(_Params):
    # Rival estimates of one figure seldom differ more than this many times.
    max_ratio: float = Field(20.0, gt=1)
    # Vague amounts ("dozens", "several") are read but not set against other figures.
    compare_vague: bool = False
    # Report figures that overlap by less than this share of the narrower interval, as tension.
    tension_overlap: float = Field(0.0, ge=0, le=1)


class PolarityParams(_Params):
    allow_same_speaker: bool = True


class OppositeParams(_Params):
    min_subject_similarity: float = Field(0.0, ge=0, le=1)
    min_similarity: float = Field(0.0, ge=0, le=1)
    allow_same_speaker: bool = True


class DenialParams(_Params):
    pass


class DateParams(_Params):
    min_similarity: float = Field(0.0, ge=0, le=1)


class AttributeParams(_Params):
    # How alike the frames must be ("built in ___" and "___-built").
    min_similarity: float = Field(0.0, ge=0, le=1)
    max_value_similarity: float = Field(0.75, ge=0, le=1)
    # Classes whose values conflict only when said of one and the same thing ("the winner").
    same_anchor_classes: list[str] = Field(default_factory=lambda: ["person", "place"])
    min_same_anchor_similarity: float = Field(0.0, ge=0, le=1)
    # Classes whose value belongs to the thing described, whatever the frame says.
    anchor_classes: list[str] = Field(default_factory=lambda: ["party"])
    # With the same frame word, how alike the things described must be.
    min_anchor_similarity: float = Field(0.0, ge=0, le=1)
    classes: list[str] = Field(default_factory=lambda: ["party", "origin", "person", "place", "side"])


class ScopeParams(_Params):
    min_similarity: float = Field(0.0, ge=0, le=1)


def different_sources(a: Claim, b: Claim) -> bool:
    return (a.document, a.speaker_key or "") != (b.document, b.speaker_key or "")


_CALENDAR = re.compile(rf"\b(?:{'|'.join(m.lower() for m in calendar.month_name[1:])}|(?:19|20)\d\d)\b")


_AT_NO_TIME = re.compile(r"\b(?:at no (?:point|time|stage)|never|at any (?:point|time|stage))\b", re.I)


def _comparable_times(a: Claim, b: Claim, earlier_words: list[str]) -> bool:
    """False when the texts put two claims at different times."""
    if a.kind == b.kind == "statement" and (_AT_NO_TIME.search(a.text) or _AT_NO_TIME.search(b.text)):
        return True  # "at no point did the vessel use its water cannon" speaks of every time
    ta, tb = a.time_frame or "", b.time_frame or ""
    if ta and tb:
        if ta == tb or set(ta.split(" / ")) & set(tb.split(" / ")):
            return True
        # "14 May 2025" and "on Wednesday" in a story filed that Wednesday are one day
        return bool(a.when and b.when and not _earlier(ta, earlier_words) and not _earlier(tb, earlier_words)
                    and names_a_day(a.when) and names_a_day(b.when) and not dates_disagree(a.when, b.when))
    # "lost 38 percent since 2000" runs up to the story's own time: a span from a date is not another time
    marks = (ta or tb).split(" / ")
    spans = [m for m in marks if m.startswith("since")]
    one = " / ".join(m for m in marks if not any(m in span for span in spans))
    # An earlier time, or a month or year named on one side only, is another time than the story's;
    # but the year a plan comes true ("expected to open in 2027") dates the plan, not the figure,
    # and a day of the week the story was filed in is the story's own time.
    planned = a.modality == b.modality == "planned"
    if _earlier(one, earlier_words):
        return False
    return not (_CALENDAR.search(one) and not planned and not in_story_week(a if ta else b))


def in_story_week(claim: Claim) -> bool:
    """A claim dated within the week the story was filed speaks of the story's own time."""
    return claim.days_before_filing is not None and 0 <= claim.days_before_filing < 7


# "the first half", "its first week": a period, not an earlier telling ("last year" is earlier)
_PERIOD_AFTER = rf"(?!\s+{PERIOD_NOUNS}\b)"


def _earlier(time_frame: str, earlier_words: list[str]) -> bool:
    if not (time_frame and earlier_words):
        return False
    return _earlier_pattern(tuple(earlier_words)).search(time_frame) is not None


@functools.lru_cache(maxsize=16)
def _earlier_pattern(earlier_words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the words that mark an earlier time: it is tried for every pair of claims."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" + (_PERIOD_AFTER if w == "first" else "") for w in earlier_words))


_FIRST_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _interval(q: Quantity) -> tuple[float, float]:
    """The interval a figure allows once its tolerance and the precision it is written to apply."""
    lo = q.low if q.low is not None else float("-inf")
    hi = q.high if q.high is not None else float("inf")
    slack = 0.0
    m = _FIRST_NUMBER.search(q.text)
    if m and q.qualifier in ("exact", "range"):
        written = float(m.group(0).replace(",", ""))
        scale = (q.low or q.high or written) / written if written else 1.0
        slack = 0.5 * 10 ** -len(m.group(1) or "") * abs(scale)
    elif q.qualifier in ("exact", "range"):
        slack = 0.5
    lo = lo * (1 - q.tolerance) - slack if lo > 0 else lo
    return lo, hi * (1 + q.tolerance) + slack


def _far_apart(lo_a: float, hi_a: float, lo_b: float, hi_b: float, max_ratio: float) -> bool:
    """True when the nearest ends of two intervals differ by more than `max_ratio` times."""
    if hi_a < lo_b:
        small, large = hi_a, lo_b
    else:
        small, large = hi_b, lo_a
    return small > 0 and large / small > max_ratio


def _show(q: Quantity) -> str:
    return q.text.strip(" “”\"")


_FUNCTION_WORDS = {"the", "a", "an", "no", "more", "than", "less", "fewer", "some", "about", "all", "only", "few",
                   "at", "least", "most", "up", "to", "nearly", "almost", "around", "over", "under", "of", "and",
                   "their", "its", "his", "her", "other", "any", "those", "these", "this", "that"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "who", "which", "one", "ones"}


def _word_stems(words: str | None) -> list[str]:
    """The words of a phrase that say what it is, lowercased and without a plural "s"."""
    return [w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", words or "") if w.lower() not in _FUNCTION_WORDS]


def _head(words: str | None) -> tuple[str, set[str]]:
    parts = _word_stems(words)
    if not parts:
        return "", set()
    return parts[-1], set(parts[:-1])


def _different_sets(a: Quantity, b: Quantity) -> bool:
    """ "Syrian militants" and "foreign militants" are different sets of militants."""
    head_a, mods_a = _head(a.counted)
    head_b, mods_b = _head(b.counted)
    return bool(head_a and head_a == head_b and mods_a and mods_b and not (mods_a & mods_b))


def _held_by_others(a: Claim, b: Claim) -> bool:
    """Two figures said to be of two holders of one kind ("the Civic Union took 36 seats", "the
    Social Alliance will have 41 seats"): names of one entity label that share no word."""
    return bool(a.holder and b.holder and a.holder_label == b.holder_label
                and not set(a.holder.lower().split()) & set(b.holder.lower().split()))


def _part_of_whole(whole: Claim, part: Claim) -> bool:
    """A figure named as a whole ("of the 120 seats", "the 120-seat chamber") against one a named holder
    has of it ("the Civic Union took 36 seats"): a share, not a rival count."""
    return whole.whole and whole.holder is None and part.holder is not None


def numeric_disagreement(pair: Pair, params: NumericParams) -> Finding | None:
    """Figures in one unit whose intervals cannot overlap once tolerances are applied. Whether the two
    count one thing, at one time, from two sources is for the decision model (checker/decide.py)."""
    a, b = pair.a, pair.b
    qa, qb = a.quantity, b.quantity
    if a.kind != "numeric" or b.kind != "numeric" or qa is None or qb is None or qa.unit != qb.unit:
        return None
    if not params.compare_vague and "vague" in (qa.qualifier, qb.qualifier):
        return None
    if not _comparable_times(a, b, EARLIER_WORDS):
        return None  # figures are rivals only for one time
    if _held_by_others(a, b) or _part_of_whole(a, b) or _part_of_whole(b, a):
        return None  # each country's own toll, each party's share of the chamber: no rivals
    if qa.unit == "score":
        if qa.counted and qb.counted and qa.counted != qb.counted:
            return Finding(0.8, qa.counted, qb.counted, "different scores")
        return None
    (lo_a, hi_a), (lo_b, hi_b) = _interval(qa), _interval(qb)
    overlap = min(hi_a, hi_b) - max(lo_a, lo_b)
    similarity = max(pair.content_similarity, pair.subject_similarity)
    if params.tension_overlap > 0:
        narrow = min(hi_a - lo_a, hi_b - lo_b)
        if overlap <= 0 or narrow == float("inf") or narrow <= 0 or overlap / narrow >= params.tension_overlap:
            return None
        return Finding(0.5, _show(qa), _show(qb), "the figures barely overlap")
    if overlap > 0:
        return None
    if _far_apart(lo_a, hi_a, lo_b, hi_b, params.max_ratio):
        return None  # 20,000 marchers and 12 dead are not two estimates of one thing
    return Finding(min(1.0, 0.4 + similarity), _show(qa), _show(qb), "the figures cannot both hold")


def _opposed_predicates(a: Claim, b: Claim, opposites: list[tuple[set[str], set[str]]]) -> bool:
    return any((a.predicate in one and b.predicate in other) or (a.predicate in other and b.predicate in one)
               for one, other in opposites)


def polarity_opposed(pair: Pair, params: PolarityParams, opposites: list[tuple[set[str], set[str]]]) -> Finding | None:
    """One source asserts what another negates or denies."""
    a, b = pair.a, pair.b
    if a.kind != "statement" or b.kind != "statement":
        return None
    if a.attribute is not None and b.attribute is not None:
        return _side_disowned(a, b, a.attribute, b.attribute)
    if a.attribute or b.attribute:
        return None
    if _opposed_predicates(a, b, opposites):
        return None  # denying that fighters left agrees with saying they remained
    if not ((a.stance in POSITIVE and b.stance in NEGATIVE) or (a.stance in NEGATIVE and b.stance in POSITIVE)):
        return None
    if not different_sources(a, b) and not params.allow_same_speaker:
        return None
    if a.document == b.document and a.sentence_start == b.sentence_start:
        return None
    if not _comparable_times(a, b, EARLIER_WORDS):
        return None  # "had not crossed during the operation" and "has sent troops since the truce"
    score = (pair.content_similarity + pair.subject_similarity) / 2
    neg = a if a.stance in NEGATIVE else b
    return Finding(score, a.stance, b.stance, f"{neg.stance} by {neg.speaker or 'the author'}")


def opposite_predicates(pair: Pair, params: OppositeParams, opposites: list[tuple[set[str], set[str]]]) -> Finding | None:
    """One source says the subject did X, another that it did the opposite (remain against leave)."""
    a, b = pair.a, pair.b
    if a.kind != "statement" or b.kind != "statement" or (a.document == b.document and a.sentence_start == b.sentence_start):
        return None
    if a.attribute or b.attribute:
        return None
    if not different_sources(a, b) and not params.allow_same_speaker:
        return None
    if (a.stance in NEGATIVE) != (b.stance in NEGATIVE):
        return None
    if (a.modality == "planned") != (b.modality == "planned"):
        return None  # "will remain open" is a plan; "was closed on Saturday" what happened
    if pair.subject_similarity < params.min_subject_similarity or pair.content_similarity < params.min_similarity:
        return None
    if _opposed_predicates(a, b, opposites) and not _different_subjects(a.subject, b.subject) \
            and _share_a_word(a.subject, b.subject):
        return Finding(pair.subject_similarity, a.predicate, b.predicate, "opposite outcomes")
    return None


def _share_a_word(a: str | None, b: str | None) -> bool:
    """Two subjects that name one thing share a word ("the Karsu border crossing", "the Karsu
    crossing"); "revenue rose" and "operating profit fell" are about two things. A subject with no
    content word (a pronoun) may be anything."""
    return _one_thing(_content_words(a), _content_words(b))


def _one_thing(words_a: set[str], words_b: set[str], named: bool = False) -> bool:
    """Whether two phrases' words may name one thing: they share a word, or one names nothing (which
    may be anything, unless `named` asks that both name it)."""
    if not words_a or not words_b:
        return not named
    return bool(words_a & words_b)


def _content_words(words: str | None) -> set[str]:
    return set(_word_stems(words)) - _PRONOUNS


def _different_subjects(a: str, b: str) -> bool:
    """ "Syrian militants left" and "foreign militants remained" are about different people."""
    head_a, mods_a = _head(a)
    head_b, mods_b = _head(b)
    return bool(head_a and head_a == head_b and mods_a and mods_b and not (mods_a & mods_b))


def denial_of_claim(pair: Pair, params: DenialParams) -> Finding | None:
    """The text reports a claim and, in the same breath, its denial by someone else."""
    a, b = pair.a, pair.b
    if a.denies == b.id or b.denies == a.id:
        return Finding(0.9, a.stance, b.stance, "a reported claim and its denial")
    return None


def date_disagreement(pair: Pair, params: DateParams) -> Finding | None:
    """Different dates or weekdays; whether for one event is for the decision model."""
    a, b = pair.a, pair.b
    if a.kind != "date" or b.kind != "date" or a.date is None or b.date is None:
        return None
    if pair.content_similarity < params.min_similarity:
        return None
    if not dates_disagree(a.date, b.date) or event_figures_differ(a, b):
        return None  # two readings ("11.2 metres on Thursday", "10.6 metres on Saturday") are two events
    return Finding(pair.content_similarity, a.date.text, b.date.text, "different dates for one event")


def event_figures_differ(a: Claim, b: Claim) -> bool:
    """ "peaked at 11.2 metres on Thursday", "flowing at 10.6 metres on Saturday": two readings. A
    rounded figure ("some 140 people") and one it rounds ("143 people") are one reading."""
    figures_a, figures_b = _event_figures(a.content), _event_figures(b.content)
    return bool(figures_a and figures_b and not any(_one_reading(x, y) for x in figures_a for y in figures_b))


def _one_reading(a: tuple[float, bool], b: tuple[float, bool]) -> bool:
    (x, rough_x), (y, rough_y) = a, b
    if x == y:
        return True
    return (rough_x or rough_y) and abs(x - y) <= APPROXIMATE_TOLERANCE * max(abs(x), abs(y))


# How far an approximate figure ("about", "some") may be from the one it rounds; quantities.toml
# gives "about" and "around" this tolerance.
APPROXIMATE_TOLERANCE = 0.1
_EVENT_FIGURE = re.compile(r"(?:\b(?P<rough>about|around|some|nearly|almost|approximately|roughly)\s+)?"
                           r"(?P<figure>\d[\d,]*(?:\.\d+)?)", re.I)


@functools.lru_cache(maxsize=4096)
def _event_figures(event: str | None) -> frozenset[tuple[float, bool]]:
    """The figures written in the words of a dated event, and whether each is rounded (cached:
    every pair of claims asks)."""
    return frozenset((float(m.group("figure").replace(",", "")), bool(m.group("rough")))
                     for m in _EVENT_FIGURE.finditer(event or ""))


def attribute_values_differ(pair: Pair, params: AttributeParams) -> Finding | None:
    """Different categorical values (party, nationality, place, person, side) for one thing."""
    if pair.attribute is None:
        return None
    cls, va, vb = pair.attribute
    # The frame ("built in", "candidate") or the thing described ("Maria Keller") must match.
    similarity = max(pair.content_similarity, pair.subject_similarity)
    frame_a, frame_b = pair.a.attribute.frame.split(), pair.b.attribute.frame.split()  # type: ignore[union-attr]
    if cls in params.anchor_classes:
        # A party belongs to a person: the same person with two parties is a conflict, whatever the wording.
        similarity = max(similarity, pair.subject_similarity)
    if frame_a and frame_b and frame_a[0] == frame_b[0] and pair.subject_similarity >= params.min_anchor_similarity:
        # "built in Italy" and "German-built": one frame, said of things that may be one.
        similarity = max(similarity, params.min_similarity)
    one_event = _one_event(pair.a.attribute, pair.b.attribute)  # type: ignore[arg-type]
    if one_event:
        similarity = max(similarity, params.min_similarity)
    if cls not in params.classes or similarity < params.min_similarity:
        return None
    if cls in ("side", "cause") and not _same_target(pair.a.attribute, pair.b.attribute):  # type: ignore[arg-type]
        # "shelled the airport" and "attacked a convoy": two attacks, not one told twice; "flights
        # were cancelled because of strong winds", "trains were delayed because of a signal failure"
        return None
    if cls == "party" and not _same_target(pair.a.attribute, pair.b.attribute, named=True):  # type: ignore[arg-type]
        return None  # "Labour won the election" and "the Nationalists took 44.1 percent": two parties, two results
    if cls in params.same_anchor_classes and pair.subject_similarity < params.min_same_anchor_similarity \
            and not one_event:
        return None  # "Keller won 52 percent", "Brandt took 31.8 percent": two people, two results
    if same_value(cls, va, vb) or (pair.value_similarity > params.max_value_similarity
                                   and not known_places(cls, va, vb)):
        return None
    if cls in PLACE_CLASSES and linked_by_the_texts(pair.a.attribute, pair.b.attribute):  # type: ignore[arg-type]
        return None  # "fighting in eastern Velmora" and "in East Tarn", told of "Velmora's East Tarn province"
    return Finding(similarity, va, vb, f"different {cls}")


def _side_disowned(a: Claim, b: Claim, va: Attribute, vb: Attribute) -> Finding | None:
    """ "An air strike by government forces" against "the government denied its aircraft were involved"."""
    if va.cls != "side" or vb.cls != "side" or va.value != vb.value:
        return None
    if (a.stance in NEGATIVE) == (b.stance in NEGATIVE):
        return None
    neg = a if a.stance in NEGATIVE else b
    return Finding(0.8, a.stance, b.stance, f"{neg.stance} by {neg.speaker or 'the author'}")


def _same_target(a: Attribute, b: Attribute, named: bool = False) -> bool:
    """Whether two attacks name one target ("a crowded market", "a busy market"), two causes one
    effect ("the outage", "the outage at Telcora"), or two parties one person ("Rask"). With `named`,
    both must name what they describe."""
    words_a, words_b = ({w.rstrip("s") for w in re.findall(r"[a-z]+", v.anchor.lower())} for v in (a, b))
    return _one_thing(words_a, words_b, named)


def _one_event(a: Attribute, b: Attribute) -> bool:
    """ "20,000 marched from Victoria Square" and "the march set off from University Square": one
    names as a thing the event the other tells with its verb, and both place it with the same word."""
    frame_a, frame_b = a.frame.split(), b.frame.split()
    if len(frame_a) < 2 or len(frame_b) < 2 or frame_a[-1] != frame_b[-1]:
        return False
    anchor_a, anchor_b = a.anchor.lower().split()[-1:], b.anchor.lower().split()[-1:]
    return bool(set(anchor_a) & set(frame_b[:-1]) or set(anchor_b) & set(frame_a[:-1]))


def scope_differs(pair: Pair, params: ScopeParams) -> Finding | None:
    """The same figure said to cover different sets: "plus their families" against "including them"."""
    a, b = pair.a, pair.b
    found = _same_figure_scope_differs(pair, params)
    if found is None and any(c.kind == "statement" and c.scope_relation for c in (a, b)):
        return _coverage_differs(a, b)
    return found


def _same_figure_scope_differs(pair: Pair, params: ScopeParams) -> Finding | None:
    a, b = pair.a, pair.b
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or not different_sources(a, b) or qa.unit != qb.unit:
        return None
    if qa.low is None or qb.low is None or abs(qa.low - qb.low) > 1e-6 * max(abs(qa.low), 1):
        return None
    if pair.subject_similarity < params.min_similarity and pair.content_similarity < params.min_similarity:
        return None
    rel = {a.scope_relation, b.scope_relation}
    if "restrictive" in rel and rel & {"inclusive", "additive", "total"}:
        narrow, wide = (a, b) if a.scope_relation == "restrictive" else (b, a)
        return Finding(0.7, a.scope_set or "", b.scope_set or "",
                       f"one counts {narrow.scope_set} of it, the other {wide.scope_set or 'more'}")
    if rel == {"inclusive", "additive"}:
        inc = a if a.scope_relation == "inclusive" else b
        return Finding(0.8, a.scope_relation or "", b.scope_relation or "", f"one counts {inc.scope_set} inside the figure, the other on top")
    if rel == {"inclusive", None}:
        inc, other = (a, b) if a.scope_relation == "inclusive" else (b, a)
        head_set, mods_set = _head(_first_noun_phrase(inc.scope_set or ""))
        head_other, mods_other = _head((other.quantity.counted if other.quantity else "") or "")
        if head_set and head_set == head_other and mods_set and mods_other and not (mods_set & mods_other):
            return Finding(0.7, other.quantity.counted or "", inc.scope_set or "", "the figure is said to cover a different set")
    if len(rel - {None}) == 1 and None in rel and "vague" not in (qa.qualifier, qb.qualifier):
        # "8,500 homes in Glenmoor alone" against "8,500 households in Glenmoor and Kirkbride": one
        # source bounds the set the same figure covers, the other does not; whether that is a
        # different set is for the decision model. Two "a few" are not one figure.
        bounded = a if a.scope_relation else b
        return Finding(0.4, a.scope_set or _show(qa), b.scope_set or _show(qb),
                       f"one counts {bounded.scope_relation} {bounded.scope_set or ''}".strip())
    return None


def _coverage_differs(a: Claim, b: Claim) -> Finding | None:
    """A statement of what a figure covers ("counts only pupils sitting for the first time") against
    another source's ("calculated across all candidates"), or against a figure it bounds otherwise."""
    if not different_sources(a, b):
        return None
    if a.kind == "numeric" or b.kind == "numeric":
        statement, figure = (a, b) if b.kind == "numeric" else (b, a)
        if not _speaks_of(statement, figure):
            return None
    rel = {a.scope_relation, b.scope_relation}
    if a.scope_relation and b.scope_relation:
        if "restrictive" in rel and rel & {"inclusive", "additive", "total"} or rel == {"inclusive", "additive"}:
            return Finding(0.6, a.scope_set or "", b.scope_set or "", "the two say the figure covers different sets")
        return None
    if a.kind == "statement" and b.kind == "statement":
        return None
    bounded = a if a.scope_relation else b
    return Finding(0.4, a.scope_set or a.text, b.scope_set or b.text, f"one says it covers {bounded.scope_set}")


def _speaks_of(statement: Claim, figure: Claim) -> bool:
    """Whether a statement of what a figure covers speaks of this figure: it names what the figure
    counts ("covers both current customers and former customers": "1.9 million current customers"),
    and the figure it refers to ("that figure"), if any, is this one."""
    if figure.quantity is None:
        return False
    said, q = statement.quantity, figure.quantity
    if said is not None and (said.low, said.high) != (q.low, q.high):
        return False
    head, _ = _head(q.counted)
    head_set, mods_set = _head(statement.scope_set)
    return bool(head) and head in mods_set | {head_set}


def _first_noun_phrase(text: str) -> str:
    words = re.findall(r"[A-Za-z]+", text)
    stop = {"still", "awaiting", "who", "which", "that", "in", "at", "from", "with", "had", "have", "were", "was"}
    out: list[str] = []
    for w in words:
        if w.lower() in stop:
            break
        out.append(w)
    return " ".join(out[:4])


@dataclass(frozen=True)
class KindSpec:
    params: type[_Params]
    compare: Callable[..., Finding | None]
    claim_kinds: frozenset[str]


KINDS: Mapping[str, KindSpec] = {
    "numeric": KindSpec(NumericParams, numeric_disagreement, frozenset({"numeric"})),
    "polarity": KindSpec(PolarityParams, polarity_opposed, frozenset({"statement"})),
    "opposite": KindSpec(OppositeParams, opposite_predicates, frozenset({"statement"})),
    "denial": KindSpec(DenialParams, denial_of_claim, frozenset({"statement"})),
    "date": KindSpec(DateParams, date_disagreement, frozenset({"date"})),
    "attribute": KindSpec(AttributeParams, attribute_values_differ, frozenset({"statement"})),
    "scope": KindSpec(ScopeParams, scope_differs, frozenset({"numeric", "statement"})),
}

# The report's conflict kind for each rule kind.
CONFLICT_KIND: Mapping[str, str] = {
    "numeric": "numeric", "polarity": "polarity", "opposite": "polarity", "denial": "polarity",
    "date": "date", "attribute": "attribute", "scope": "scope",
}
