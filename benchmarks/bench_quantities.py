"""claimcheck's figure reader against quantulum3, on peer test suites and on the seed story.

    python benchmarks/bench_quantities.py [--suites ../shared/eval/quantities] [--seed ../shared/eval/seed/raqqa/raqqa.txt]

A case is right when every figure the suite expects is found where the suite says it is, with the
same numbers as written (the ends of its interval, in the unit it is written in; "more than 500"
and "about 300-400" keep the numbers 500 and 300, 400), and, where the suite expects nothing, when
nothing is found. Figures a suite does not ask about are not counted either way: the suites are
split by category (ages, currencies) and leave the other figures in their sentences unlabeled, so
where a category's suite expects nothing ("All 70 of us" in the currency suite), a case is wrong
only when a figure of that category is found (a sum of money there), for both readers alike.
quantulum3 runs rule-based, as it does without scikit-learn (its pickled classifier does not load
under scikit-learn 1.9). Times are per 1,000 sentences, reading only (no parsing, no model).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.modules.setdefault("sklearn", None)  # type: ignore[arg-type]  # quantulum3 then runs rule-based

from checker.dates import find_dates, find_times  # noqa: E402
from checker.lexicon import load_lexicon  # noqa: E402
from checker.quantities import find_quantities  # noqa: E402
from checker.ruleset import SHIPPED_RULES  # noqa: E402
from checker.units import is_currency  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_SUITES = HERE.parent.parent / "shared" / "eval" / "quantities"
DEFAULT_SEED = HERE.parent.parent / "shared" / "eval" / "seed" / "raqqa" / "raqqa.txt"
Interval = tuple[float | None, float | None]
Found = tuple[str, Interval, tuple[int, int], str]
# What kind of figure each category's suite asks about; the other suites ask about any figure.
CATEGORY_KINDS = {"currency": {"currency"}, "percent": {"percent"}, "dimension": {"dimension", "time"},
                  "age": {"time"}, "number": {"number"}, "numberrange": {"number"}}


def claimcheck_reader():
    lexicon = load_lexicon(SHIPPED_RULES).quantities

    def read(text: str) -> list[tuple[str, Interval]]:
        skip = [(d.start, d.end) for d in find_dates(text)] + find_times(text)
        out = []
        for found in find_quantities(text, lexicon, skip):
            q = found.quantity
            if found.score:
                continue
            f = q.unit_factor or 1.0
            low = q.low / f if q.low is not None else None
            high = q.high / f if q.high is not None else None
            if q.qualifier == "approximate" and low is not None and high is not None:
                # "nearly 2,000" is read as 1,800..2,000 and "just over half" as 50..52.5: the figure written
                if _close(low, high * (1 - q.tolerance)):
                    low = high
                elif _close(high, low * (1 + q.tolerance)):
                    high = low
            out.append((text[found.start:found.end], (low, high), (found.start, found.end), _claimcheck_kind(q.unit)))
        return out

    return read


def _claimcheck_kind(unit: str | None) -> str:
    if unit is None:
        return "number"
    if unit == "percent":
        return "percent"
    if unit == "second":
        return "time"
    if unit == "degree":
        return "temperature"  # claimcheck reads degrees as Celsius; the Recognizers suites test temperature apart
    return "currency" if is_currency(unit) else "dimension"


def _quantulum_kind(unit) -> str:
    entity = unit.entity.name
    if unit.name == "percentage":
        return "percent"
    if entity in ("currency", "time", "temperature"):
        return entity
    return "number" if entity == "dimensionless" else "dimension"


def quantulum_reader():
    from quantulum3 import parser

    def read(text: str) -> list[tuple[str, Interval]]:
        out = []
        for q in parser.parse(text):
            span = tuple(q.span)
            kind = _quantulum_kind(q.unit)
            if q.uncertainty:
                out.append((q.surface, (q.value - q.uncertainty, q.value + q.uncertainty), span, kind))
            else:
                out.append((q.surface, (q.value, q.value), span, kind))
        return out

    return read


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _written(interval: Interval) -> list[float]:
    return sorted({v for v in interval if v is not None})


def _expected_span(text: str, item: dict) -> tuple[int, int]:
    if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
        return item["start"], item["end"] + 1  # the suite's end is inclusive
    start = text.find(item["surface"])
    return (start, start + len(item["surface"])) if start >= 0 else (0, len(text))


def case_right(text: str, found: list[Found], expected: list[dict], category: str) -> bool:
    if not expected:
        kinds = CATEGORY_KINDS.get(category)
        return not [f for f in found if kinds is None or f[3] in kinds]
    for item in expected:
        s0, s1 = _expected_span(text, item)
        want = _written((item.get("low"), item.get("high")))
        if not any(f0 < s1 and s0 < f1 and len(_written(iv)) == len(want)
                   and all(_close(a, b) for a, b in zip(_written(iv), want)) for _, iv, (f0, f1), _ in found):
            return False
    return True


def category_of(path: Path) -> str:
    return path.stem.replace("recognizers_en_", "").replace("quantulum3_en", "quantulum3")


def run_suites(suites: Path, readers: dict) -> dict[str, dict[str, list[bool]]]:
    results: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    times: dict[str, float] = defaultdict(float)
    sentences = 0
    for path in sorted(suites.glob("*.jsonl")):
        category = category_of(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            sentences += 1
            for name, read in readers.items():
                start = time.perf_counter()
                try:
                    found = read(case["text"])
                except Exception:  # noqa: BLE001 - a crash counts as a wrong answer
                    found = [("<crash>", (None, None), (0, 0), "number")]
                times[name] += time.perf_counter() - start
                right = case_right(case["text"], found, case["expected"], category)
                results[name][category].append(right)
                if all(item.get("low") is not None or item.get("high") is not None for item in case["expected"]):
                    results[name][f"{category} (figures only)"].append(right)
    results["_time"] = {name: [t / sentences * 1000] for name, t in times.items()}  # type: ignore[assignment]
    return results


def seed_table(seed: Path, readers: dict) -> list[str]:
    probes = ["no more than 200-300", "about 300-400 fighters", "275 Syrian militants", "dozens of captured",
              "more than 130 people", "four months of battle", "a few more towns"]
    text = seed.read_text(encoding="utf-8")
    rows = []
    for probe in probes:
        start = text.index(probe)
        sentence_start = text.rfind("\n", 0, start) + 1
        sentence_end = text.find("\n", start)
        sentence = text[sentence_start:sentence_end]
        cells = []
        p0 = start - sentence_start
        p1 = p0 + len(probe)
        for read in readers.values():
            hits = [f"{surface!r} [{lo}, {hi}]" for surface, (lo, hi), (f0, f1), _ in read(sentence) if f0 < p1 and p0 < f1]
            cells.append("; ".join(hits) or "nothing")
        rows.append(f"| {probe} | " + " | ".join(cells) + " |")
    return rows


def show_misses(suites: Path, category: str, read) -> None:
    for path in sorted(suites.glob("*.jsonl")):
        if category_of(path) != category:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            found = read(case["text"])
            if not case_right(case["text"], found, case["expected"], category):
                want = [(e["surface"], e.get("low"), e.get("high")) for e in case["expected"]]
                print(f"{case['text'][:90]!r}\n    want {want}\n    got  {[(s, lo, hi) for s, (lo, hi), _, _ in found]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--suites", type=Path, default=DEFAULT_SUITES)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--misses", metavar="CATEGORY", help="list claimcheck's wrong cases in CATEGORY and stop")
    args = ap.parse_args()
    readers = {"claimcheck": claimcheck_reader(), "quantulum3": quantulum_reader()}
    if args.misses:
        show_misses(args.suites, args.misses, readers["claimcheck"])
        return
    results = run_suites(args.suites, readers)
    categories = sorted(c for c in results["claimcheck"] if "(" not in c)
    print("| category | cases | claimcheck | quantulum3 |")
    print("|---|---|---|---|")
    for category in categories:
        row = [category, str(len(results["claimcheck"][category]))]
        for name in readers:
            right = results[name][category]
            row.append(f"{sum(right) / len(right):.1%}")
        print("| " + " | ".join(row) + " |")
    print("\nLeaving out the cases that expect a unit word with no number (\"dollar\", \"percentage\"):\n")
    print("| category | cases | claimcheck | quantulum3 |")
    print("|---|---|---|---|")
    for category in categories:
        key = f"{category} (figures only)"
        row = [category, str(len(results["claimcheck"][key]))]
        row += [f"{sum(results[name][key]) / len(results[name][key]):.1%}" for name in readers]
        print("| " + " | ".join(row) + " |")
    timing = results["_time"]
    print("\nms per 1,000 sentences: " + ", ".join(f"{n} {timing[n][0] * 1000:.0f}" for n in readers))
    if args.seed.is_file():
        print("\nSeed story figures (interval as read):\n")
        print("| figure | claimcheck | quantulum3 |")
        print("|---|---|---|")
        print("\n".join(seed_table(args.seed, readers)))


if __name__ == "__main__":
    main()
