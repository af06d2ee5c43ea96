"""Put the stages together: documents -> claims -> embeddings -> groups -> conflicts -> report."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from checker import __version__
from checker.attributes import with_linked_places
from checker.compare import candidate_pairs, find_conflicts
from checker.decide import DecisionModel
from checker.embed import Embedder
from checker.extract import ClaimExtractor
from checker.group import group_claims
from checker.lexicon import Lexicon
from checker.models import Claim, Conflict, Document, DocumentInfo, Report
from checker.quantities import with_named_currencies
from checker.ruleset import RuleSpec

GROUP_THRESHOLD = 0.6
CLAIM_CACHE_DOCUMENTS = 2000


def read_together(claims: list[Claim], documents: list[Document]) -> list[Claim]:
    """The claims of `documents`, with what the documents say together: the places they put inside
    one another, and the one currency a bare "crowns" can be among those they name."""
    return with_named_currencies(with_linked_places(claims, [d.analysis_text for d in documents]))


@dataclass
class Checker:
    extractor: ClaimExtractor
    embedder: Embedder
    lexicon: Lexicon
    rules: list[RuleSpec]
    # Decides which incompatible pairs are conflicts; None keeps every pair a rule flags.
    decision: DecisionModel | None = None
    min_confidence: float | None = None
    # A warm process (`claimcheck serve`) keeps each document's claims by path and text here, so
    # a re-check reads only documents that changed.
    claim_cache: dict[tuple[str, str], list[Claim]] | None = None

    def extract(self, documents: list[Document], progress: Callable[[int, int], None] | None = None) -> list[Claim]:
        """Return the claims of every document, in document order."""
        claims: list[Claim] = []
        for n, doc in enumerate(documents, 1):
            key = (doc.path, doc.text)
            if self.claim_cache is not None and key in self.claim_cache:
                claims += self.claim_cache[key]
            else:
                found = self.extractor.extract(doc)
                if self.claim_cache is not None:
                    if len(self.claim_cache) >= CLAIM_CACHE_DOCUMENTS:
                        self.claim_cache.pop(next(iter(self.claim_cache)))  # the oldest
                    self.claim_cache[key] = found
                claims += found
            if progress:
                progress(n, len(documents))
        return read_together(claims, documents)

    def check(self, documents: list[Document], progress: Callable[[int, int], None] | None = None) -> Report:
        """Extract, embed, group and compare the claims of `documents`."""
        claims = self.extract(documents, progress)
        content, subjects, heads = embed_claims(claims, self.embedder)
        by_path = {d.path: d for d in documents}
        pairs = set(candidate_pairs(claims, content, subjects))
        conflicts = find_conflicts(claims, (content, subjects, heads), self.rules, self.lexicon, by_path, pairs,
                                   self.decision, self.min_confidence)
        groups = group_claims(claims, sorted(pairs), content, GROUP_THRESHOLD)
        conflicts = _with_groups(conflicts, groups)
        counts = {d.path: 0 for d in documents}
        for claim in claims:
            counts[claim.document] += 1
        return Report(
            tool_version=__version__,
            documents=[DocumentInfo(path=d.path, characters=len(d.text), claims=counts[d.path]) for d in documents],
            rules_run=[r.code for r in self.rules],
            groups=groups,
            conflicts=conflicts,
        )


def embedding_text(claim: Claim, sentence_figures: tuple[str, ...] = ()) -> str:
    """What a claim says, with its own figure or date taken out, so like subjects meet; and the other
    figures its sentence gives of what it counts, which are values, not subject ("12 people and 30
    people were hurt" says the same of both, so a line listing a thousand such figures embeds once)."""
    text = _without(claim.content or claim.text, sentence_figures)
    if claim.quantity is not None and claim.quantity.text:
        text = text.replace(claim.quantity.text, " ")
    if claim.date is not None:
        text = text.replace(claim.date.text, " ")
    return re.sub(r"\s+", " ", text).strip() or claim.text


@functools.lru_cache(maxsize=1024)
def _without(text: str, figures: tuple[str, ...]) -> str:
    """`text` with `figures` taken out where they stand as words of their own ("3" leaves "2023" and
    "C-3" alone); made once for all the figures of a list, which share it."""
    if not figures:
        return text
    return re.sub(r"(?<![\w.,-])(?:" + "|".join(map(re.escape, figures)) + r")(?![\w-]|[.,]\d)", " ", text)


def _figures_by_sentence(claims: list[Claim]) -> dict[tuple[str, int, str], tuple[str, ...]]:
    """The figures each sentence gives of each counted noun (by `_same_count_key`), longest first."""
    found: dict[tuple[str, int, str], set[str]] = {}
    for c in claims:
        if c.quantity is not None and c.quantity.text and c.quantity.counted:
            found.setdefault(_same_count_key(c), set()).add(c.quantity.text)
    return {k: tuple(sorted(v, key=lambda t: (-len(t), t))) for k, v in found.items()}


def _same_count_key(c: Claim) -> tuple[str, int, str]:
    counted = c.quantity.counted if c.quantity is not None and c.quantity.counted else ""
    return c.document, c.sentence_start, counted.lower()


def counted_head(claim: Claim) -> str:
    """The head noun of what a figure counts ("militants" in "Syrian militants"), an attribute's
    value ("Social Democrats"), what happened on a date ("certify result"), or ""."""
    if claim.attribute is not None:
        return claim.attribute.value
    if claim.kind == "date":
        return claim.predicate  # what happened on the date ("certify result", "see starlight")
    if claim.quantity is None or not claim.quantity.counted:
        return ""
    words = claim.quantity.counted.split()
    return words[-1].lower() if words else ""


def embed_claims(claims: list[Claim], embedder: Embedder) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Embed each distinct text once, in one batch: claim contents, subjects and counted heads."""
    figures = _figures_by_sentence(claims)
    contents = [embedding_text(c, figures.get(_same_count_key(c), ())) for c in claims]
    subjects = [(c.subject or content) for c, content in zip(claims, contents)]
    heads = [counted_head(c) or content for c, content in zip(claims, contents)]
    unique = sorted(set(contents) | set(subjects) | set(heads))
    if not unique:
        empty = np.zeros((0, 1), dtype=np.float32)
        return empty, empty, empty
    vectors = embedder.embed(unique)
    row = {t: i for i, t in enumerate(unique)}
    return (vectors[[row[t] for t in contents]], vectors[[row[t] for t in subjects]],
            vectors[[row[t] for t in heads]])


def _with_groups(conflicts: list[Conflict], groups: list) -> list[Conflict]:
    where = {cid: g.id for g in groups for cid in g.claim_ids}
    return [c.model_copy(update={"group": where.get(c.claims[0].claim_id)}) for c in conflicts]
