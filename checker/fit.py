"""Fit the decision model on labelled cases, and measure it by cross-validation by case.

A case is a folder of documents (.txt, .md) with a gold.json naming the conflicts a careful
fact-checker flags and look-alike pairs they would not (docs/cases.md). Every pair that a rule
finds incompatible is a training example: a conflict when its two claims overlap the two quotes of
a labelled conflict, otherwise not. Scores count as the shared scorer does: a report matches a
labelled conflict when two of its claims overlap the two quotes."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from checker.compare import RuleCandidate, decide, disagreements, rule_candidates
from checker.decide import FEATURES, DecisionModel, RuleModel
from checker.models import Claim

KINDS = ("numeric", "polarity", "date", "attribute", "scope")
DOC_SUFFIXES = (".txt", ".md")

Span = tuple[str, int, int]


class CaseError(ValueError):
    pass


@dataclass
class LabelledCase:
    name: str
    folder: Path
    docs: list[str]
    conflicts: list[tuple[str, Span, Span]]  # (kind, a, b)
    consistent: list[tuple[Span, Span]]


@dataclass
class CaseCandidates:
    """A case's claims and the pairs the rules find incompatible: what fitting and scoring need."""

    case: LabelledCase
    claims: list[Claim]
    found: list[RuleCandidate] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)


def find_cases(folders: list[Path]) -> list[Path]:
    """Case folders: each given folder that holds gold.json, or its sub-folders that do."""
    out: list[Path] = []
    for folder in folders:
        if (folder / "gold.json").is_file():
            out.append(folder)
        elif folder.is_dir():
            out += sorted(p for p in folder.iterdir() if (p / "gold.json").is_file())
        else:
            raise CaseError(f"{folder}: not a folder")
    if not out:
        raise CaseError(f"no case folders (folders holding gold.json) in {', '.join(map(str, folders))}")
    return out


def load_case(folder: Path) -> LabelledCase:
    docs = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix in DOC_SUFFIXES)
    if not docs:
        raise CaseError(f"{folder}: no .txt or .md documents")
    texts = {}
    for d in docs:
        try:
            texts[d] = (folder / d).read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaseError(f"{folder / d}: not UTF-8 ({exc})") from exc
    try:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseError(f"{folder / 'gold.json'}: {exc}") from exc
    if not isinstance(gold, dict):
        raise CaseError(f"{folder / 'gold.json'}: needs an object with 'conflicts' and 'consistent'")

    def locate(side: object, where: str) -> Span:
        if not (isinstance(side, dict) and isinstance(side.get("doc"), str) and isinstance(side.get("quote"), str)
                and side["quote"]):
            raise CaseError(f"{folder / 'gold.json'}: {where}: needs {{\"doc\": ..., \"quote\": ...}}")
        doc, quote = side["doc"], side["quote"]
        if doc not in texts:
            raise CaseError(f"{folder / 'gold.json'}: {where}: {doc!r} is not a document of the case")
        start = texts[doc].find(quote)
        if start < 0:
            raise CaseError(f"{folder / 'gold.json'}: {where}: quote {quote!r} not found in {doc}")
        return doc, start, start + len(quote)

    conflicts, consistent = [], []
    for n, item in enumerate(gold.get("conflicts", [])):
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in KINDS:
            raise CaseError(f"{folder / 'gold.json'}: conflicts[{n}]: kind must be one of {', '.join(KINDS)}")
        conflicts.append((kind, locate(item.get("a"), f"conflicts[{n}].a"), locate(item.get("b"), f"conflicts[{n}].b")))
    for n, item in enumerate(gold.get("consistent", [])):
        if not isinstance(item, dict):
            raise CaseError(f"{folder / 'gold.json'}: consistent[{n}]: not an object")
        consistent.append((locate(item.get("a"), f"consistent[{n}].a"), locate(item.get("b"), f"consistent[{n}].b")))
    return LabelledCase(folder.name, folder, docs, conflicts, consistent)


def _overlaps(claim: Claim, span: Span) -> bool:
    return claim.document == span[0] and claim.start < span[2] and span[1] < claim.end


def matches(claims: list[Claim], a: Span, b: Span) -> bool:
    """Two distinct claims, one over each quote (either order), as the shared scorer counts."""
    return any(_overlaps(x, a) and _overlaps(y, b) for i, x in enumerate(claims) for j, y in enumerate(claims)
               if i != j)


def collect(checker, case: LabelledCase) -> CaseCandidates:
    """The case's claims and every pair the checker's rules find incompatible, labelled."""
    from checker.ingest import read_document
    from checker.pipeline import embed_claims

    docs = [read_document(str(case.folder / d), lambda m: None).model_copy(update={"path": d}) for d in case.docs]
    claims = checker.extract(docs)
    vectors = embed_claims(claims, checker.embedder)
    found = rule_candidates(claims, vectors, checker.rules, checker.lexicon)
    labels = [int(any(matches([claims[c.i], claims[c.j]], a, b) for _, a, b in case.conflicts)) for c in found]
    return CaseCandidates(case, claims, found, labels)


# A rule with fewer labelled conflicts than this among its pairs keeps its own confidence: a few
# examples would fit noise.
MIN_POSITIVES = 10


def fit_model(data: list[CaseCandidates], regularisation: float = 0.3, min_confidence: float = 0.5) -> DecisionModel:
    """A logistic model per rule over the standardised pair features."""
    from sklearn.linear_model import LogisticRegression

    by_rule: dict[str, list[tuple[dict[str, float], int]]] = {}
    for d in data:
        for cand, label in zip(d.found, d.labels):
            by_rule.setdefault(cand.rule.code, []).append((cand.features, label))
    models: dict[str, RuleModel] = {}
    for code, rows in sorted(by_rule.items()):
        y = np.array([label for _, label in rows])
        if y.sum() < MIN_POSITIVES or y.sum() == len(y):
            continue
        x = np.array([[f[name] for name in FEATURES] for f, _ in rows])
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=regularisation, max_iter=2000).fit((x - mean) / scale, y)
        models[code] = RuleModel(features=list(FEATURES), mean=mean.round(6).tolist(), scale=scale.round(6).tolist(),
                                 weights=model.coef_[0].round(6).tolist(), bias=round(float(model.intercept_[0]), 6),
                                 positives=int(y.sum()), negatives=int(len(y) - y.sum()))
    return DecisionModel(min_confidence=min_confidence, rules=models, fitted_on=sorted(d.case.name for d in data))


@dataclass
class Tally:
    """Counts as the shared scorer keeps them, per kind."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    hit: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    reported: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    true: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    on_consistent: int = 0
    repeats: int = 1  # cross-validation rounds pooled in the counts; scores() gives counts per round

    def add(self, other: "Tally") -> None:
        for name in ("gold", "hit", "reported", "true"):
            for k, v in getattr(other, name).items():
                getattr(self, name)[k] += v
        self.on_consistent += other.on_consistent

    def scores(self) -> dict[str, dict[str, float | int]]:
        out: dict[str, dict[str, float | int]] = {}
        for k in (*KINDS, "all"):
            gold = sum(self.gold.values()) if k == "all" else self.gold[k]
            hit = sum(self.hit.values()) if k == "all" else self.hit[k]
            rep = sum(self.reported.values()) if k == "all" else self.reported[k]
            true = sum(self.true.values()) if k == "all" else self.true[k]
            out[k] = {"precision": round(true / rep, 3) if rep else 1.0, "recall": round(hit / gold, 3) if gold else 1.0,
                      "reported": self._per_round(rep), "true": self._per_round(true), "gold": self._per_round(gold),
                      "hit": self._per_round(hit)}
        out["all"]["on_consistent"] = self._per_round(self.on_consistent)
        return out

    def _per_round(self, count: int) -> float | int:
        return count if self.repeats == 1 else round(count / self.repeats, 1)


def score_case(data: CaseCandidates, model: DecisionModel | None, min_confidence: float | None = None) -> Tally:
    """Report the case's disagreements under `model` and count them against its labels."""
    return _tally(data, decide(data.found, model, min_confidence, data.claims))


def score_case_at(data: CaseCandidates, model: DecisionModel, thresholds: tuple[float, ...]) -> dict[float, Tally]:
    """`score_case` at each threshold, deciding once: a pair accepted at one cut is accepted, as the
    same reading, at every lower cut."""
    accepted = decide(data.found, model, min(thresholds), data.claims)
    return {t: _tally(data, [(cand, p) for cand, p in accepted if p >= t]) for t in thresholds}


def _tally(data: CaseCandidates, accepted: list[tuple[RuleCandidate, float]]) -> Tally:
    tally = Tally()
    groups = disagreements(accepted, data.claims)
    reports = [[data.claims[k] for k in sorted({x for cand, _ in group for x in (cand.i, cand.j)})] for group in groups]
    kinds = [max(group, key=lambda item: item[1])[0].kind for group in groups]
    for kind, a, b in data.case.conflicts:
        tally.gold[kind] += 1
        tally.hit[kind] += any(matches(r, a, b) for r in reports)
    for kind, report in zip(kinds, reports):
        tally.reported[kind] += 1
        if any(matches(report, a, b) for _, a, b in data.case.conflicts):
            tally.true[kind] += 1
        elif any(matches(report, a, b) for a, b in data.case.consistent):
            tally.on_consistent += 1
    return tally


def folds_by_case(names: list[str], folds: int, seed: int = 0) -> list[set[str]]:
    order = sorted(names)
    random.Random(seed).shuffle(order)
    return [set(order[k::folds]) for k in range(folds)]


THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7)


def cross_validate(data: list[CaseCandidates], folds: int = 5, regularisation: float = 0.3,
                   thresholds: tuple[float, ...] = THRESHOLDS, seed: int = 0, repeats: int = 1,
                   progress: Callable[[int, int], None] | None = None) -> dict[float, Tally]:
    """Fit on all folds but one and score the one held out, for each fold (no case both fits and
    scores); the held-out tallies at each threshold. With `repeats`, the cases are split again
    (seeds `seed`, `seed` + 1, ...) and the rounds pooled: one split's luck moves F0.5 by 0.03."""
    tallies = {t: Tally(repeats=repeats) for t in thresholds}
    names = [d.case.name for d in data]
    rounds = [folds_by_case(names, min(folds, len(data)), seed + r) for r in range(repeats)]
    step = 0
    for parts in rounds:
        for held_out in parts:
            model = fit_model([d for d in data if d.case.name not in held_out], regularisation)
            for d in data:
                if d.case.name in held_out:
                    for t, tally in score_case_at(d, model, thresholds).items():
                        tallies[t].add(tally)
            step += 1
            if progress:
                progress(step, len(parts) * repeats)
    return tallies


def f_beta(tally: Tally, beta: float = 0.5) -> float:
    """Held-out F-beta over all kinds; beta 0.5 weighs precision twice as much as recall, as a desk
    that reads every flag would."""
    s = tally.scores()["all"]
    p, r = s["precision"], s["recall"]
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


# Held-out F0.5 this close to the best counts as level: one split of the cases alone moves it more.
F_TOLERANCE = 0.01


def best_threshold(tallies: dict[float, Tally]) -> float:
    """The highest threshold whose held-out F0.5 is within F_TOLERANCE of the best: where the
    curve is flat, the cut that reports less, so a reader meets fewer false alarms for the same
    balance."""
    best = max(f_beta(t) for t in tallies.values())
    return max(t for t, tally in tallies.items() if f_beta(tally) >= best - F_TOLERANCE)


REGULARISATIONS = (0.1, 0.3, 1.0)


def choose_settings(data: list[CaseCandidates], folds: int, regularisations: tuple[float, ...] = REGULARISATIONS,
                    repeats: int = 1, progress: Callable[[int, int], None] | None = None
                    ) -> tuple[float, float, dict[float, Tally]]:
    """The regularisation with the best held-out F0.5 at any cut, its cut (`best_threshold`), and the
    held-out tallies at every cut for it. Both are chosen on the same folds that score them, so the
    figures lean optimistic by that choice. Regularisations are compared on their best F0.5, not at
    the cut then taken: a flat curve is no mark against a model."""
    best: tuple[float, float, dict[float, Tally]] | None = None
    best_f = -1.0
    for n, c in enumerate(regularisations, 1):
        tallies = cross_validate(data, folds, c, repeats=repeats)
        top = max(f_beta(t) for t in tallies.values())
        if top > best_f:
            best, best_f = (c, best_threshold(tallies), tallies), top
        if progress:
            progress(n, len(regularisations))
    assert best is not None
    return best


@dataclass
class NestedResult:
    """The whole fitting procedure scored held out, and the settings it chose for each outer fold."""

    tally: Tally
    settings: list[tuple[float, float]]  # (regularisation, cut) per outer fold, in order


def nested_cross_validate(data: list[CaseCandidates], folds: int = 5,
                          regularisations: tuple[float, ...] = REGULARISATIONS, repeats: int = 1, seed: int = 0,
                          progress: Callable[[int, int], None] | None = None) -> NestedResult:
    """Score `choose_settings` itself held out: for each outer fold, the regularisation and the cut
    are chosen by cross-validation on the other folds alone (`repeats` rounds, as `fit` chooses), the
    model is fit on them, and the fold is scored at that cut; `repeats` outer rounds are pooled. No
    held-out case informs any choice, so unlike `choose_settings`'s own figures these carry no
    optimism from choosing; they cost about `folds` times as many fits."""
    tally = Tally(repeats=repeats)
    settings: list[tuple[float, float]] = []
    names = [d.case.name for d in data]
    total = min(folds, len(data)) * repeats
    for r in range(repeats):
        for held_out in folds_by_case(names, min(folds, len(data)), seed + r):
            train = [d for d in data if d.case.name not in held_out]
            chosen, cut, _ = choose_settings(train, folds, regularisations, repeats)
            model = fit_model(train, chosen)
            for d in data:
                if d.case.name in held_out:
                    tally.add(score_case(d, model, cut))
            settings.append((chosen, cut))
            if progress:
                progress(len(settings), total)
    return NestedResult(tally, settings)


# Shares of each training fold the learning curve fits on.
LEARNING_SHARES = (0.25, 0.5, 0.75, 1.0)


@dataclass
class LearningPoint:
    """Held-out tallies at every cut for models fit on one share of each training fold."""

    share: float
    cases: float  # cases fit on, the mean over folds
    tallies: dict[float, Tally]

    def summary(self) -> dict[str, float]:
        """The cut with the best held-out F0.5, with that F0.5 and precision and recall over all kinds there."""
        cut = max(self.tallies, key=lambda t: f_beta(self.tallies[t]))
        scores = self.tallies[cut].scores()["all"]
        return {"share": self.share, "cases": round(self.cases, 1), "min_confidence": cut,
                "precision": scores["precision"], "recall": scores["recall"],
                "f0.5": round(f_beta(self.tallies[cut]), 3)}


def learning_curve(data: list[CaseCandidates], folds: int = 5, regularisation: float = 0.3,
                   shares: tuple[float, ...] = LEARNING_SHARES, repeats: int = 1, seed: int = 0,
                   progress: Callable[[int, int], None] | None = None) -> list[LearningPoint]:
    """Held-out scores of models fit on a share of each training fold's cases, every share scored on
    the same held-out folds and each smaller share part of the larger: whether labelling more cases
    would pay. A curve still rising at the full share says more cases are worth more than any setting."""
    names = [d.case.name for d in data]
    k = min(folds, len(data))
    tallies = {s: {t: Tally(repeats=repeats) for t in THRESHOLDS} for s in shares}
    sizes: dict[float, list[int]] = {s: [] for s in shares}
    step = 0
    for r in range(repeats):
        for n, held_out in enumerate(folds_by_case(names, k, seed + r)):
            train = sorted((d for d in data if d.case.name not in held_out), key=lambda d: d.case.name)
            random.Random((seed + r) * k + n).shuffle(train)
            for share in shares:
                part = train[:max(1, round(len(train) * share))]
                sizes[share].append(len(part))
                model = fit_model(part, regularisation)
                for d in data:
                    if d.case.name in held_out:
                        for t, tally in score_case_at(d, model, THRESHOLDS).items():
                            tallies[share][t].add(tally)
            step += 1
            if progress:
                progress(step, k * repeats)
    return [LearningPoint(s, sum(sizes[s]) / len(sizes[s]), tallies[s]) for s in shares]


def trade_off(tallies: dict[float, Tally]) -> dict[str, dict[str, float]]:
    """Held-out precision, recall and F0.5 over all kinds at each cut: what `--min-confidence` trades."""
    out: dict[str, dict[str, float]] = {}
    for cut, tally in sorted(tallies.items()):
        s = tally.scores()["all"]
        out[f"{cut:.2f}"] = {"precision": s["precision"], "recall": s["recall"], "f0.5": round(f_beta(tally), 3)}
    return out
