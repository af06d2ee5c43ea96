"""Pair up claims about one subject and run every selected rule on each pair."""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from checker.dates import find_dates, find_times
from checker.decide import DecisionModel, pair_features
from checker.group import components
from checker.kinds import CONFLICT_KIND, KINDS, Finding, Pair, _opposed_predicates
from checker.lexicon import Lexicon
from checker.models import Claim, Conflict, ConflictClaim, Document, SEVERITY_RANK
from checker.numwords import TENS, UNITS
from checker.ruleset import RuleSpec
from checker.units import UNIT_FACTORS

# Above this many claims of one kind, each claim is compared with its nearest neighbours only.
NEIGHBOURS = 50


def candidate_pairs(claims: list[Claim], content: np.ndarray, subjects: np.ndarray) -> Iterator[tuple[int, int]]:
    """Yield index pairs (i < j) of claims of one kind: all of them, or in a large story each claim's
    nearest neighbours in meaning (blocking, so comparing stays linear in claims)."""
    by_kind: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        # NOTE: a statement about a figure ("that figure included ...") is compared with figures.
        block = "attribute" if claim.attribute is not None else "numeric" if claim.quantity is not None else claim.kind
        by_kind.setdefault(block, []).append(i)
        if block == "statement" and claim.scope_relation:
            by_kind.setdefault("numeric", []).append(i)  # "the figure covers both current and former customers"
    for indices in by_kind.values():
        idx = np.array(indices)
        for row_start in range(0, len(idx), 512):
            rows = idx[row_start:row_start + 512]
            keep = np.ones((len(rows), len(idx)), dtype=bool)
            if len(idx) > NEIGHBOURS:
                # NOTE: keep each claim's nearest neighbours only, so comparing stays linear in claims.
                sims = np.maximum(content[rows] @ content[idx].T, subjects[rows] @ subjects[idx].T)
                keep = _nearest(sims, rows, idx)
            for r, row in enumerate(rows):
                for c in np.nonzero(keep[r])[0]:
                    col = int(idx[c])
                    if col > row:
                        yield int(row), col


def _nearest(sims: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """For each row, its NEIGHBOURS most similar columns, exactly so many however many tie (a list of
    figures worded alike embeds alike, and a cut by value would keep every one of them); of claims
    equally alike, those nearer in the text (claims are in text order) come first."""
    keep = np.zeros(sims.shape, dtype=bool)
    apart = np.abs(rows[:, None] - columns[None, :]) / (len(columns) + 1)
    top = np.argpartition(apart * 1e-6 - sims, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS]
    np.put_along_axis(keep, top, True, axis=1)
    return keep


def same_key_pairs(claims: list[Claim], content: np.ndarray,
                   key: Callable[[Claim], str | None]) -> set[tuple[int, int]]:
    """Claims that `key` puts together, compared however differently they are worded; a large
    group keeps each claim's nearest neighbours, so comparing stays linear."""
    groups: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        k = key(claim)
        if k:
            groups.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for indices in groups.values():
        idx = np.array(indices)
        for row_start in range(0, len(idx), 512):
            rows = idx[row_start:row_start + 512]
            sims = content[rows] @ content[idx].T
            if len(idx) > NEIGHBOURS:
                sims = np.where(_nearest(sims, rows, idx), sims, -np.inf)
            for r, row in enumerate(rows):
                for c in np.nonzero(np.isfinite(sims[r]))[0]:
                    col = int(idx[c])
                    if col != row:
                        pairs.add((min(int(row), col), max(int(row), col)))
    return pairs


def _measure_key(claim: Claim) -> str | None:
    """ "none is seriously hurt" and "two suffered serious injuries" count one measure. Only a zero
    is paired this way: it says nothing else that wording could match, and any count contradicts it."""
    return claim.measure if claim.kind == "numeric" else None


def _zero_measure_pairs(claims: list[Claim], content: np.ndarray) -> set[tuple[int, int]]:
    zero = {i for i, c in enumerate(claims) if c.quantity is not None and c.quantity.high == 0}
    if not zero:
        return set()
    return {(i, j) for i, j in same_key_pairs(claims, content, _measure_key) if i in zero or j in zero}


def _frame_key(claim: Claim) -> str | None:
    """ "built in Italy" and "the German-built Aurelia-2" give a value through one frame word."""
    if claim.attribute is None or not claim.attribute.frame:
        return None
    if claim.attribute.cls == "side":
        return "side"  # who attacked, and who denies a part in it, are said in many words
    return f"{claim.attribute.cls}:{claim.attribute.frame.split()[0]}"


def nearby_figure_pairs(claims: list[Claim]) -> set[tuple[int, int]]:
    """Figures in the same or the next sentence of one document ("Police said ... Organisers said ..."),
    compared whatever their wording; there are only a few per sentence."""
    by_sentence: dict[tuple[str, int], list[int]] = {}
    ends: dict[tuple[str, int], int] = {}
    for i, claim in enumerate(claims):
        if claim.kind == "numeric":
            key = (claim.document, claim.sentence_start)
            by_sentence.setdefault(key, []).append(i)
            ends[key] = claim.sentence_end
    keys = sorted(by_sentence)
    pairs: set[tuple[int, int]] = set()
    for n, key in enumerate(keys):
        group = list(by_sentence[key])
        nxt = keys[n + 1] if n + 1 < len(keys) else None
        if nxt is not None and nxt[0] == key[0] and nxt[1] - ends[key] <= 3:
            group += by_sentence[nxt]
        group.sort(key=lambda i: claims[i].start)
        # Each figure meets the NEIGHBOURS figures that follow it, so a list of thousands stays linear.
        pairs |= {(min(a, b), max(a, b)) for k, a in enumerate(group) for b in group[k + 1:k + 1 + NEIGHBOURS]}
    return pairs


def comparison_pairs(claims: list[Claim], content: np.ndarray, subjects: np.ndarray,
                     candidates: set[tuple[int, int]] | None = None) -> set[tuple[int, int]]:
    """Every pair of claims the rules look at: close in meaning, a denial and what it denies,
    figures in neighbouring sentences, a zero and the counts of its measure, and values given
    through one frame word."""
    by_id = {c.id: i for i, c in enumerate(claims)}
    pairs = set(candidates) if candidates is not None else set(candidate_pairs(claims, content, subjects))
    pairs |= {tuple(sorted((i, by_id[c.denies]))) for i, c in enumerate(claims) if c.denies in by_id}  # type: ignore[misc]
    return (pairs | nearby_figure_pairs(claims) | _zero_measure_pairs(claims, content)
            | same_key_pairs(claims, content, _frame_key))


@dataclass(frozen=True)
class RuleCandidate:
    """A pair of claims (indices into the claims) that a rule finds incompatible, with its features."""

    i: int
    j: int
    rule: RuleSpec
    finding: Finding
    features: dict[str, float]

    @property
    def kind(self) -> str:
        return CONFLICT_KIND[self.rule.kind]


def rule_candidates(claims: list[Claim], vectors: tuple[np.ndarray, np.ndarray, np.ndarray], rules: list[RuleSpec],
                    lexicon: Lexicon, candidates: set[tuple[int, int]] | None = None) -> list[RuleCandidate]:
    """Every pair of claims that some rule finds incompatible, once per rule.

    `vectors` holds the embeddings of each claim's content, subject and counted head; `candidates`
    the pairs `candidate_pairs` gives, when the caller has them already."""
    content, subjects, heads = vectors
    opposites = [(set(a.split("|")), set(b.split("|"))) for a, b in lexicon.stance.opposite_predicates]
    parsed = [(rule, rule.parsed_params()) for rule in rules]
    measure_words = {m: {w.lower() for w in words} for m, words in lexicon.measures.measures.items()}
    universal_negative = _universal_negative(tuple(lexicon.quantities.zero_words))
    universal = [bool(universal_negative.search(c.text)) for c in claims]
    counts = [not u and _counts_things(_without_dates(c.text)) for c, u in zip(claims, universal)] \
        if any(universal) else [False] * len(claims)
    sides = _sides_named(claims)
    found: list[RuleCandidate] = []
    for i, j in sorted(comparison_pairs(claims, content, subjects, candidates)):
        a, b = claims[i], claims[j]
        if _overlap(a, b) or a.headline or b.headline:
            continue  # a headline sums up its own story; its claims are read in the body
        if a.table_row is not None and b.table_row is not None and a.document == b.document:
            continue  # a table sets its figures side by side, each of its own row and column
        # "a rebel spokesman denied its fighters were involved" does not deny a strike by government forces
        other_side = bool(sides.get(i) and sides.get(j) and not sides[i] & sides[j])
        attribute = None
        if a.attribute is not None and b.attribute is not None and a.attribute.cls == b.attribute.cls:
            attribute = (a.attribute.cls, a.attribute.value, b.attribute.value)
        pair = Pair(a, b, float(content[i] @ content[j]), float(subjects[i] @ subjects[j]),
                    value_similarity=float(heads[i] @ heads[j]), attribute=attribute,
                    counts_measure=_counts_the_measure(a, b, measure_words))
        for rule, params in parsed:
            spec = KINDS[rule.kind]
            if a.kind not in spec.claim_kinds or b.kind not in spec.claim_kinds:
                continue
            if other_side and rule.kind in ("polarity", "denial"):
                continue
            finding = (spec.compare(pair, params, opposites) if rule.kind in ("opposite", "polarity")
                       else spec.compare(pair, params))
            if finding is not None:
                opposed = _opposed_predicates(a, b, opposites)
                counterexample = (universal[i] and counts[j]) or (universal[j] and counts[i])
                found.append(RuleCandidate(i, j, rule, finding,
                                           pair_features(pair, rule.kind, finding, opposed, counterexample)))
    return found


def _sides_named(claims: list[Claim]) -> dict[int, set[str]]:
    """For each claim that names sides of a conflict (who struck, who denies a part in it), those sides:
    the values of the side claims its span overlaps."""
    by_document: dict[str, list[tuple[int, int, str]]] = {}
    for c in claims:
        if c.attribute is not None and c.attribute.cls == "side":
            by_document.setdefault(c.document, []).append((c.start, c.end, c.attribute.value))
    if not by_document:
        return {}
    for spans in by_document.values():
        spans.sort()
    longest = {doc: max(e - s for s, e, _ in spans) for doc, spans in by_document.items()}
    starts = {doc: [s for s, _, _ in spans] for doc, spans in by_document.items()}
    named: dict[int, set[str]] = {}
    for k, c in enumerate(claims):
        spans = by_document.get(c.document)
        if spans is None:
            continue
        # the side claims that start before this one ends and late enough to reach into it
        lo = bisect.bisect_left(starts[c.document], c.start - longest[c.document])
        hi = bisect.bisect_left(starts[c.document], c.end)
        values = {value for start, end, value in spans[lo:hi] if end > c.start}
        if values:
            named[k] = values
    return named


_CARDINAL = re.compile(rf"\b(?:\d[\d,.]*|{'|'.join(sorted((w for w, n in UNITS.items() if n), key=len, reverse=True))}"
                       rf"|{'|'.join(TENS)})\b", re.I)


# Units that measure a thing's size, not how many things or how long: "at a depth of 10 km" is no
# counterexample to "nobody was killed", as "for 10 minutes" may be to "at no point".
_MEASUREMENT_AFTER = re.compile(
    r"[\s-]*(?:{})\b".format("|".join(sorted((re.escape(w) for unit, forms in UNIT_FACTORS.items()
                                             if unit not in ("second", "percent", "percentage point") for w in forms),
                                            key=len, reverse=True))), re.I)


def _counts_things(text: str) -> bool:
    """Whether `text` gives a number of something: a cardinal that is not a size or a distance."""
    return any(not _MEASUREMENT_AFTER.match(text, m.end()) for m in _CARDINAL.finditer(text))


def _without_dates(text: str) -> str:
    """The text with its dates and clock times blanked: "closed at 6 p.m. on Saturday" counts nothing."""
    spans = [(d.start, d.end) for d in find_dates(text)] + find_times(text)
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


@functools.lru_cache(maxsize=8)
def _universal_negative(zero_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "no lives were lost", "none is seriously hurt": the lexicon's words for a zero, and "no"."""
    words = sorted({*zero_words, "no"}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w).replace(chr(92) + ' ', chr(92) + 's+') for w in words)})\b", re.I)


def decide(found: list[RuleCandidate], decision: DecisionModel | None,
           min_confidence: float | None = None, claims: list[Claim] | None = None) -> list[tuple[RuleCandidate, float]]:
    """The candidates the decision model accepts, one per pair of claims (the most likely), with
    their probability. Without a model, every candidate is kept at the rule's own confidence.
    Given the claims, one disagreement read several ways (as figures and as statements, over the
    same two places) is judged on all its readings: each is evidence, combined as a noisy-or."""
    cut = min_confidence if min_confidence is not None else decision.min_confidence if decision else 0.0
    probs = []
    for cand in found:
        p = decision.probability(cand.rule.code, cand.features) if decision is not None else None
        probs.append(cand.finding.confidence if p is None else p)
    if claims is not None and decision is not None:
        probs = _combined_readings(found, probs, claims)
    best: dict[tuple[int, int], tuple[RuleCandidate, float]] = {}
    for cand, p in zip(found, probs):
        if p < cut:
            continue
        old = best.get((cand.i, cand.j))
        if old is None or (p, SEVERITY_RANK[cand.rule.severity]) > (old[1], SEVERITY_RANK[old[0].rule.severity]):
            best[(cand.i, cand.j)] = (cand, p)
    return [best[k] for k in sorted(best)]


def _combined_readings(found: list[RuleCandidate], probs: list[float], claims: list[Claim]) -> list[float]:
    """Each candidate's probability with those of the other candidates over the same two places."""
    combined = list(probs)
    for n, partners in enumerate(_same_places(found, claims)):
        if len(partners) > 1:
            miss = 1.0
            for m in partners:
                miss *= 1.0 - probs[m]
            combined[n] = 1.0 - miss
    return combined


def _same_places(found: list[RuleCandidate], claims: list[Claim]) -> list[set[int]]:
    """For each candidate, the candidates (itself among them) whose two claims overlap its two: one
    disagreement read several ways, as figures and as statements."""
    at: dict[tuple[int, int], list[int]] = {}
    for n, cand in enumerate(found):
        at.setdefault((min(cand.i, cand.j), max(cand.i, cand.j)), []).append(n)
    overlapping = _overlapping_claims(claims, {k for pair in at for k in pair})
    return [{m for k in overlapping[cand.i] for x in overlapping[cand.j] for m in at.get((min(k, x), max(k, x)), ())}
            for cand in found]


def _overlapping_claims(claims: list[Claim], wanted: set[int]) -> dict[int, list[int]]:
    """For each wanted claim, the wanted claims whose spans overlap it (itself among them)."""
    by_document: dict[str, list[int]] = {}
    for k in sorted(wanted, key=lambda k: claims[k].start):
        by_document.setdefault(claims[k].document, []).append(k)
    out: dict[int, list[int]] = {k: [] for k in wanted}
    for members in by_document.values():
        open_: list[int] = []
        for k in members:  # in order of start: sweep, keeping the claims not yet ended
            open_ = [o for o in open_ if claims[o].end > claims[k].start]
            for o in open_:
                out[o].append(k)
                out[k].append(o)
            out[k].append(k)
            open_.append(k)
    return out


def disagreements(accepted: list[tuple[RuleCandidate, float]],
                  claims: list[Claim] | None = None) -> list[list[tuple[RuleCandidate, float]]]:
    """Accepted pairs joined into disagreements: pairs of one conflict kind that share a claim are one
    disagreement (29 dead, 41 dead and "about 40" dead are one report, not three). Given the claims,
    two pairs over the same two places are one too, of one kind or two ("Nobody was hurt" against
    "two marchers were injured" is one report, whether read as figures or as statements; a strike
    "by government forces" against the government's denial, read as sentences and as the sides
    they name)."""
    edges = [((cand.kind, cand.i), (cand.kind, cand.j)) for cand, _ in accepted]
    if claims is not None:
        found = [cand for cand, _ in accepted]
        for n, partners in enumerate(_same_places(found, claims)):
            p = found[n]
            edges += [((p.kind, p.i), (found[m].kind, found[m].i)) for m in sorted(partners) if m > n]
    group_of = {node: n for n, members in enumerate(components(edges)) for node in members}
    groups: dict[int, list[tuple[RuleCandidate, float]]] = {}
    for item, (first, _) in zip(accepted, edges):
        groups.setdefault(group_of[first], []).append(item)
    return list(groups.values())


def find_conflicts(claims: list[Claim], vectors: tuple[np.ndarray, np.ndarray, np.ndarray], rules: list[RuleSpec],
                   lexicon: Lexicon, documents: dict[str, Document], candidates: set[tuple[int, int]] | None = None,
                   decision: DecisionModel | None = None, min_confidence: float | None = None) -> list[Conflict]:
    """Return the disagreements that `rules` and the `decision` model find among `claims`: one conflict
    per disagreement, listing every claim in it."""
    found = rule_candidates(claims, vectors, rules, lexicon, candidates)
    accepted = decide(found, decision, min_confidence, claims)
    conflicts = [build_disagreement(group, claims, documents, decision) for group in disagreements(accepted, claims)]
    return sorted(conflicts, key=_order)


def _counts_the_measure(a: Claim, b: Claim, measure_words: dict[str, set[str]]) -> bool:
    """ "the 52,000-seat venue" counts seats, the measure itself, written onto the figure: any figure of that
    measure ("will seat 62,000 spectators") counts the same thing, whatever noun it names."""
    if a.measure is None or a.measure != b.measure:
        return False
    words = measure_words.get(a.measure, set())
    return any(c.quantity is not None and c.quantity.counted and c.quantity.counted.lower() in words
               and f"-{c.quantity.counted.lower()}" in c.text.lower() for c in (a, b))


def _overlap(a: Claim, b: Claim) -> bool:
    return a.document == b.document and a.start < b.end and b.start < a.end


def _inside(a: Claim, b: Claim) -> bool:
    """`a` lies within `b` (and is not the same span)."""
    return a.document == b.document and b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _order(c: Conflict) -> tuple[str, int, str, int, str]:
    first, second = c.claims[0], c.claims[1]
    return first.document, first.start, second.document, second.start, c.code


def source_name(claim: Claim, documents: dict[str, Document]) -> str:
    speaker = claim.speaker or "the author"
    return f"{speaker} ({claim.document})" if len(documents) > 1 else speaker


def build_conflict(rule: RuleSpec, finding: Finding, a: Claim, b: Claim, documents: dict[str, Document]) -> Conflict:
    if (a.document, a.start) > (b.document, b.start):
        a, b = b, a
        finding = Finding(finding.confidence, finding.value_b, finding.value_a, finding.detail)
    source_a, source_b = source_name(a, documents), source_name(b, documents)
    fields = {
        "source_a": source_a, "source_b": source_b, "quote_a": _quote(a.text), "quote_b": _quote(b.text),
        "value_a": finding.value_a, "value_b": finding.value_b, "subject": a.subject or b.subject,
        "detail": finding.detail,
    }
    message = rule.message.format(**fields)
    reason = f"{a.speaker or 'the author'}: {_quote(a.text, 60)}; {b.speaker or 'the author'}: {_quote(b.text, 60)}"
    return Conflict(
        code=rule.code, rule=rule.name, kind=CONFLICT_KIND[rule.kind], severity=rule.severity,  # type: ignore[arg-type]
        confidence=round(finding.confidence, 3), message=message, reason=reason,
        fingerprint=fingerprint(rule.code, a, b),
        claims=[_conflict_claim(a, documents), _conflict_claim(b, documents)],
    )


def build_disagreement(group: list[tuple[RuleCandidate, float]], claims: list[Claim],
                       documents: dict[str, Document], decision: DecisionModel | None = None) -> Conflict:
    """One conflict for a disagreement: the rule of its most likely pair names it, and the decision
    model's evidence for that pair is told in words; every claim in it is listed with its source and
    value (the claim matrix)."""
    lead, confidence = max(group, key=lambda item: (item[1], SEVERITY_RANK[item[0].rule.severity]))
    a, b = claims[lead.i], claims[lead.j]
    conflict = build_conflict(lead.rule, lead.finding, a, b, documents)
    if decision is not None:
        conflict = conflict.model_copy(update={"evidence": decision.evidence(lead.rule.code, lead.features)})
    members = sorted({k for cand, _ in group for k in (cand.i, cand.j)}, key=lambda k: (claims[k].document, claims[k].start))
    # A claim inside another member ("Nobody" in "Nobody was hurt") is listed once, as the larger.
    members = [k for k in members if not any(m != k and _inside(claims[k], claims[m]) for m in members)]
    if len(members) == 2:
        return conflict.model_copy(update={"confidence": round(confidence, 3)})
    parts = [f"{source_name(claims[k], documents)}: {_value(claims[k])}" for k in members]
    message = f"{len(members)} claims disagree on {_topic(a, b)}: " + "; ".join(parts)
    reason = "; ".join(f"{claims[k].speaker or 'the author'}: {_quote(claims[k].text, 60)}" for k in members)
    sides = sorted(f"{claims[k].speaker_key or ''}|{normalise_quote(claims[k].text)}" for k in members)
    return conflict.model_copy(update={
        "confidence": round(confidence, 3), "message": message, "reason": reason,
        "fingerprint": hashlib.sha256("\x00".join([lead.rule.code, *sides]).encode()).hexdigest()[:20],
        "claims": [_conflict_claim(claims[k], documents) for k in members],
    })


def _topic(a: Claim, b: Claim) -> str:
    """What a disagreement is about, in words a reader takes in at a glance: a figure's measure or
    what it counts ("deaths", "how many people"), a date's event, else the claims' subject."""
    if a.quantity is not None or b.quantity is not None:
        measure = a.measure or b.measure
        if measure:
            return f"the figure for {measure.replace('_', ' ')}"
        counted = next((q.counted for q in (a.quantity, b.quantity) if q is not None and q.counted), None)
        if counted and counted.replace(" ", "").isalpha():
            return f"how many {counted}"
    if a.date is not None and b.date is not None:
        event = _quote(a.content or a.text, 40)
        first, _, rest = event.partition(" ")
        return f"when {first.lower() if first in ('A', 'An', 'The') else first} {rest}".rstrip()
    return a.subject or b.subject or _quote(a.text, 40)


def _value(claim: Claim) -> str:
    """What one claim gives: its figure, date or value, else its stance and words."""
    if claim.quantity is not None:
        return _quote(claim.quantity.text, 40)
    if claim.date is not None:
        return _quote(claim.date.text, 40)
    if claim.attribute is not None:
        return claim.attribute.value
    return f"“{_quote(claim.text, 50)}” ({claim.stance})"


def _quote(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _conflict_claim(claim: Claim, documents: dict[str, Document]) -> ConflictClaim:
    line, column = documents[claim.document].line_col(claim.start)
    return ConflictClaim(document=claim.document, start=claim.start, end=claim.end, line=line, column=column,
                         text=claim.text, speaker=claim.speaker, stance=claim.stance, claim_id=claim.id)


def normalise_quote(text: str) -> str:
    return re.sub(r"[^a-z0-9%$€£]+", " ", text.lower()).strip()


def fingerprint(code: str, a: Claim, b: Claim) -> str:
    """A fingerprint of the conflict that survives edits elsewhere in the documents."""
    sides = sorted(f"{a_.speaker_key or ''}|{normalise_quote(a_.text)}" for a_ in (a, b))
    return hashlib.sha256("\x00".join([code, *sides]).encode()).hexdigest()[:20]
