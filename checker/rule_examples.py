"""Run each rule's own pass and fail examples through the whole pipeline."""

from __future__ import annotations

from checker.models import Document
from checker.pipeline import Checker
from checker.ruleset import RuleSpec


def example_documents(texts: list[str]) -> list[Document]:
    """Turn an example (a list of texts) into documents named doc1.txt, doc2.txt, ..."""
    return [Document(path=f"doc{i}.txt", text=t, analysis_text=t) for i, t in enumerate(texts, 1)]


def rule_flags(checker: Checker, rule: RuleSpec, texts: list[str]) -> bool:
    """True when `rule` alone reports a conflict on the example `texts`."""
    solo = Checker(checker.extractor, checker.embedder, checker.lexicon, [rule], checker.decision, checker.min_confidence)
    report = solo.check(example_documents(texts))
    return any(c.code == rule.code for c in report.conflicts)


def run_examples(checker: Checker) -> list[str]:
    """Return one line per example that the rule gets wrong."""
    failures: list[str] = []
    for rule in checker.rules:
        for texts in rule.examples.fail:
            if not rule_flags(checker, rule, texts):
                failures.append(f"{rule.code} {rule.path}: fail example not flagged: {texts[0][:70]!r}")
        for texts in rule.examples.pass_:
            if rule_flags(checker, rule, texts):
                failures.append(f"{rule.code} {rule.path}: pass example flagged: {texts[0][:70]!r}")
    return failures


def known_false_alarms(checker: Checker) -> list[str]:
    """One line per documented false alarm, saying whether it is still one."""
    lines: list[str] = []
    for rule in checker.rules:
        for texts in rule.examples.known_false_alarms:
            state = "still flagged" if rule_flags(checker, rule, texts) else "no longer flagged: move it to pass"
            lines.append(f"{rule.code} known false alarm, {state}: {texts[0][:70]!r}")
    return lines
