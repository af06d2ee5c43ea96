"""Score claimcheck on labeled cases in one process (the model loads once).

    python benchmarks/eval_inprocess.py ../shared/eval/dev [--verbose]

Gives the same numbers as ../shared/eval/score.py, which starts claimcheck once per case.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from checker.cli import _build_checker, _rule_folders
from checker.ingest import read_document
from checker.ruleset import load_rules


def _load_scorer(cases: Path):
    for folder in [cases, *cases.parents]:
        candidate = folder / "score.py"
        if candidate.is_file():
            spec = importlib.util.spec_from_file_location("score", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            return module
    sys.exit("score.py not found next to the cases")


def _pair_sims(checker, docs) -> dict:
    from checker.pipeline import embed_claims

    claims = checker.extract(docs)
    content, subjects, _ = embed_claims(claims, checker.embedder)
    out = {}
    for i, a in enumerate(claims):
        for j, b in enumerate(claims):
            if i < j:
                out[tuple(sorted((a.id, b.id)))] = f"c={content[i] @ content[j]:.2f} s={subjects[i] @ subjects[j]:.2f}"
    return out


def _diagnose(checker, docs, gold) -> None:
    from checker.pipeline import embed_claims

    claims = checker.extract(docs)
    content, subjects, _ = embed_claims(claims, checker.embedder)

    def under(side):
        doc, s, e = side
        return [i for i, c in enumerate(claims) if c.document == doc and c.start < e and s < c.end]

    for i in under(gold["a"]):
        for j in under(gold["b"]):
            a, b = claims[i], claims[j]
            qa = f"{a.quantity.low},{a.quantity.high},{a.quantity.unit},{a.quantity.counted}" if a.quantity else ""
            qb = f"{b.quantity.low},{b.quantity.high},{b.quantity.unit},{b.quantity.counted}" if b.quantity else ""
            print(f"      c={content[i] @ content[j]:.2f} s={subjects[i] @ subjects[j]:.2f} "
                  f"{a.kind}/{a.stance}/{a.speaker}/{a.modality}/{a.time_frame}/{qa} |{a.text[:50]}|  vs  "
                  f"{b.kind}/{b.stance}/{b.speaker}/{b.modality}/{b.time_frame}/{qb} |{b.text[:50]}|")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--diagnose", action="store_true", help="show the claims under each missed gold pair")
    args = ap.parse_args()
    cases_dir = Path(args.cases).resolve()
    score = _load_scorer(cases_dir)
    checker = _build_checker(load_rules(_rule_folders(None)), None)
    totals = dict(gold=0, hit=0, reported=0, tp=0, consistent=0)
    for case_dir in score.find_cases(cases_dir):
        case = score.load_case(case_dir)
        docs = [read_document(str(case_dir / d), lambda m: None) for d in case["docs"]]
        docs = [d.model_copy(update={"path": name}) for d, name in zip(docs, case["docs"])]
        report = checker.check(docs)
        sims = _pair_sims(checker, docs) if args.verbose else {}
        reported = [[(c.document, c.start, c.end) for c in conflict.claims] for conflict in report.conflicts]
        hits, labels = score.score_case(case, reported)
        totals["gold"] += len(hits)
        totals["hit"] += sum(hits)
        totals["reported"] += len(labels)
        totals["tp"] += labels.count("TP")
        totals["consistent"] += labels.count("FP-consistent")
        if args.verbose:
            print(f"== {case['name']}")
            for conflict, lab in zip(report.conflicts, labels):
                sides = "  <->  ".join(score.snippet(case, (c.document, c.start, c.end)) for c in conflict.claims)
                key = tuple(sorted(c.claim_id for c in conflict.claims))
                print(f"   {lab:13} {conflict.code} conf={conflict.confidence} {sims.get(key, '')} {sides}")
            for g, h in zip(case["conflicts"], hits):
                if not h:
                    print(f"   {'MISSED':13} [{g['kind']}] {score.snippet(case, g['a'])}  <->  {score.snippet(case, g['b'])}")
                    if args.diagnose:
                        _diagnose(checker, docs, g)
    p = totals["tp"] / totals["reported"] if totals["reported"] else 1.0
    r = totals["hit"] / totals["gold"] if totals["gold"] else 1.0
    print(f"reported={totals['reported']} tp={totals['tp']} on-consistent={totals['consistent']} "
          f"hit={totals['hit']}/{totals['gold']} precision={p:.3f} recall={r:.3f}")


if __name__ == "__main__":
    main()
