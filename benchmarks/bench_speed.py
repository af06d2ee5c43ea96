"""Where the time goes: a cold check of the seed story, warm throughput, and scaling with documents.

    python benchmarks/bench_speed.py [--stories 1000] [--sizes 1,10,100,1000]

Every figure is a real run on this machine; nothing is estimated.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"  # the throughput stories come from ../shared (the dev cases)
SEED = ROOT / "tests" / "data" / "seed" / "raqqa.txt"

COLD_STAGES = r"""
import json, sys, time
t0 = time.perf_counter()
from checker.cli import app  # the CLI module alone: what --help costs
t_cli = time.perf_counter()
import checker.extract, checker.pipeline
t_parser_import = time.perf_counter()
from checker.embed import load_embedder
from checker.extract import ClaimExtractor
from checker.lexicon import load_lexicon
from checker.nlp import load_parser
from checker.pipeline import Checker, embed_claims
from checker.compare import find_conflicts
from checker.ruleset import SHIPPED_RULES, load_rules
from checker.ingest import read_document
from checker.decide import MODEL_FILE, load_decision
lexicon = load_lexicon(SHIPPED_RULES)
parser = load_parser()
t_parser_load = time.perf_counter()
embedder = load_embedder()
t_model_load = time.perf_counter()
rules = load_rules([SHIPPED_RULES])
decision = load_decision(SHIPPED_RULES / MODEL_FILE)
checker = Checker(ClaimExtractor(parser, lexicon), embedder, lexicon, rules, decision)
doc = read_document(sys.argv[1], lambda m: None)
claims = checker.extract([doc])
t_extract = time.perf_counter()
vectors = embed_claims(claims, embedder)
t_embed = time.perf_counter()
conflicts = find_conflicts(claims, vectors, rules, lexicon, {doc.path: doc}, decision=decision)
t_detect = time.perf_counter()
print(json.dumps({"import claimcheck CLI": t_cli - t0, "import spaCy and the extractor": t_parser_import - t_cli,
                  "load the spaCy pipeline": t_parser_load - t_parser_import,
                  "import and load the embedding backend": t_model_load - t_parser_load,
                  "extract claims": t_extract - t_model_load, "embed claims": t_embed - t_extract,
                  "compare claims": t_detect - t_embed, "claims": len(claims), "conflicts": len(conflicts),
                  "backend": type(embedder).__name__}))
"""

BACKENDS = ("sentence-transformers", "onnx")


def cold(seed: Path) -> None:
    import os

    python_start = min(_wall([sys.executable, "-c", "pass"]) for _ in range(3))
    exe = str(Path(sys.executable).parent / "claimcheck")
    stages, end_to_end = {}, {}
    for backend in BACKENDS:
        env = {**os.environ, "CLAIMCHECK_BACKEND": backend}
        stages[backend] = json.loads(subprocess.run([sys.executable, "-c", COLD_STAGES, str(seed)], capture_output=True,
                                                    text=True, check=True, cwd=ROOT, env=env).stdout)
        end_to_end[backend] = min(_wall([exe, "check", "--format", "json", str(seed)], env) for _ in range(3))
    help_time = min(_wall([exe, "--help"]) for _ in range(3))
    print("## Cold check of the seed story, by embedding backend\n")
    print(f"| stage | {' | '.join(BACKENDS)} |\n|---|{'---|' * len(BACKENDS)}")
    print(f"| Python start | {' | '.join(f'{python_start:.2f}' for _ in BACKENDS)} |")
    for name, value in stages[BACKENDS[0]].items():
        if isinstance(value, float):
            print(f"| {name} | {' | '.join(f'{stages[b][name]:.2f}' for b in BACKENDS)} |")
    print(f"| **`claimcheck check --format json raqqa.txt`, end to end** | "
          f"{' | '.join(f'**{end_to_end[b]:.2f}**' for b in BACKENDS)} |\n")
    ref, fast = end_to_end[BACKENDS[0]], end_to_end[BACKENDS[1]]
    print(f"ONNX Runtime against sentence-transformers: {fast / ref:.2f} of the time ({ref / fast:.1f}x faster); "
          f"conflicts {stages['onnx']['conflicts']} and {stages['sentence-transformers']['conflicts']}, "
          f"claims {stages['onnx']['claims']}. `claimcheck --help`: {help_time:.2f} s.\n")


SPACY_PARTS = r"""
import json, sys, time
import checker.nlp, spacy
from checker.nlp import SPACY_MODEL
text = open(sys.argv[1], encoding="utf-8").read()
out = {}
for left_out in ["", "ner", "lemmatizer", "parser"]:
    load = parse = float("inf")
    for _ in range(3):
        t = time.perf_counter(); nlp = spacy.load(SPACY_MODEL, exclude=[left_out] if left_out else [])
        t1 = time.perf_counter(); nlp(text); t2 = time.perf_counter()
        load, parse = min(load, t1 - t), min(parse, t2 - t1)
    out[left_out] = [load, parse]
print(json.dumps(out))
"""

# What extraction reads from each component: leaving one out loses these.
SPACY_USES = {"ner": "speakers' names and organisations, places, nationalities, parties",
              "lemmatizer": "speech, denial and measure verbs by lemma",
              "parser": "subjects of speech verbs, negation scope, counted nouns, sentences"}


def spacy_components(seed: Path) -> None:
    """Load and parse time of the seed story with each spaCy component left out: what each costs."""
    times = json.loads(subprocess.run([sys.executable, "-c", SPACY_PARTS, str(seed)], capture_output=True,
                                      text=True, check=True, cwd=ROOT).stdout)
    print("## spaCy components (best of three, seconds)\n")
    print("| pipeline | load | parse the seed story | what extraction reads from the part left out |\n|---|---|---|---|")
    for left_out, (load, parse) in times.items():
        name = f"without {left_out}" if left_out else "all components (used)"
        print(f"| {name} | {load:.2f} | {parse:.2f} | {SPACY_USES.get(left_out, '')} |")
    print()


def _wall(argv: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, cwd=ROOT, env=env)
    return time.perf_counter() - start


def stories(count: int) -> list[list[tuple[str, str]]]:
    """The dev cases' stories, then variants of them (figures, days and names shuffled) up to `count`."""
    base = []
    for case in sorted(p for p in (EVAL / "dev").iterdir() if p.is_dir()):
        base.append([(d.name, d.read_text(encoding="utf-8")) for d in sorted(case.iterdir())
                     if d.suffix in (".txt", ".md")])
    rng = random.Random(7)
    out = list(base)
    while len(out) < count:
        story = rng.choice(base)
        out.append([(name, _vary(text, rng)) for name, text in story])
    return out[:count]


def _vary(text: str, rng: random.Random) -> str:
    """Other figures (scaled), years (moved by up to three) and weekdays (shuffled)."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    def other(m: re.Match) -> str:
        n = int(m.group(0))
        if 1900 <= n <= 2099 and len(m.group(0)) == 4:
            return str(n + rng.randint(-3, 3))
        return str(max(1, int(n * rng.uniform(0.5, 1.5))))

    text = re.sub(r"\b\d{2,5}\b", other, text)
    return re.sub("|".join(days), lambda m: rng.choice(days), text)


class TimedEmbedder:
    def __init__(self, inner) -> None:
        self.inner, self.name, self.seconds, self.texts = inner, inner.name, 0.0, 0

    def embed(self, texts):
        start = time.perf_counter()
        out = self.inner.embed(texts)
        self.seconds += time.perf_counter() - start
        self.texts += len(texts)
        return out


def _checker(embedder=None):
    from checker.decide import MODEL_FILE, load_decision
    from checker.embed import load_embedder
    from checker.extract import ClaimExtractor
    from checker.lexicon import load_lexicon
    from checker.nlp import load_parser
    from checker.pipeline import Checker
    from checker.ruleset import SHIPPED_RULES, load_rules

    lexicon = load_lexicon(SHIPPED_RULES)
    return Checker(ClaimExtractor(load_parser(), lexicon), embedder or load_embedder(), lexicon,
                   load_rules([SHIPPED_RULES]), load_decision(SHIPPED_RULES / MODEL_FILE))


def warm(count: int) -> None:
    from checker.embed import load_embedder
    from checker.models import Document

    batch = stories(count)
    print(f"## Warm throughput on {len(batch)} stories ({sum(len(s) for s in batch)} documents)\n")
    print("| backend | stories/s | claims/s | share of time embedding |\n|---|---|---|---|")
    rates = {}
    for backend in BACKENDS:
        checker = _checker(TimedEmbedder(load_embedder(backend)))
        start = time.perf_counter()
        claims = 0
        for story in batch:
            docs = [Document(path=n, text=t, analysis_text=t) for n, t in story]
            report = checker.check(docs)
            claims += sum(d.claims for d in report.documents)
        total = time.perf_counter() - start
        rates[backend] = claims / total
        print(f"| {backend} | {len(batch) / total:.1f} | {claims / total:.0f} | {checker.embedder.seconds / total:.0%} |")
    print(f"\nClaims per second, ONNX Runtime against sentence-transformers: "
          f"{rates['onnx'] / rates['sentence-transformers']:.2f}x.\n")


def warm_recheck(seed: Path) -> None:
    """`claimcheck serve`'s path: a draft checked once, then unchanged, then with one sentence edited."""
    from checker.models import Document
    from checker.serve import warm as warm_desk

    desk = warm_desk(_checker())
    text = seed.read_text(encoding="utf-8")
    edited = text.replace("more than 130 people", "more than 140 people", 1)
    assert edited != text
    timings = {}
    for label, body in (("first check", text), ("re-check, unchanged", text), ("re-check, one sentence edited", edited)):
        start = time.perf_counter()
        desk.check([Document(path="raqqa.txt", text=body, analysis_text=body)])
        timings[label] = time.perf_counter() - start
    print("## Warm re-checks of the seed story (`claimcheck serve`)\n")
    print("| request | seconds |\n|---|---|")
    for label, seconds in timings.items():
        print(f"| {label} | {seconds:.2f} |")
    print()


SCALE_RUN = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from bench_speed import _checker, stories
from checker.models import Document
from checker.compare import comparison_pairs
from checker.pipeline import embed_claims
n = int(sys.argv[1])
docs = [Document(path=f"{i}-{name}", text=t, analysis_text=t) for i, story in enumerate(stories(n)) for name, t in story][:n]
checker = _checker()
start = time.perf_counter()
report = checker.check(docs)
seconds = time.perf_counter() - start
claims = checker.extract(docs)
pairs = len(comparison_pairs(claims, *embed_claims(claims, checker.embedder)[:2]))
print(json.dumps({"n": n, "seconds": seconds, "claims": len(claims), "pairs": pairs,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def scaling(sizes: list[int]) -> None:
    print("## One check over many documents\n")
    print("| documents | claims | seconds | pairs compared | pairs per claim | peak memory (MB) |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        out = subprocess.run([sys.executable, "-c", SCALE_RUN, str(n), str(HERE)], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout
        row = json.loads(out.strip().splitlines()[-1])
        print(f"| {row['n']} | {row['claims']} | {row['seconds']:.1f} | {row['pairs']} | "
              f"{row['pairs'] / max(row['claims'], 1):.1f} | {row['rss_mb']:.0f} |")
    print()


def dense_line(sizes: list[int], check_up_to: int) -> None:
    """One line listing many figures (a table pasted as prose): extracting and checking should grow
    with the figures, not with their square."""
    import tempfile

    print("## One line listing many figures\n")
    print("| figures in the line | `extract` seconds | `check` seconds |\n|---|---|---|")
    rng = random.Random(1)
    claimcheck = str(Path(sys.executable).parent / "claimcheck")
    for n in sizes:
        line = ", ".join(f"{rng.randint(2, 9000)} people" for _ in range(n))
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(f"Officials said {line} were affected.\n")
        extract = _wall([claimcheck, "extract", "--format", "json", f.name])
        check = f"{_wall([claimcheck, 'check', '--format', 'json', f.name]):.1f}" if n <= check_up_to else "not run"
        Path(f.name).unlink()
        print(f"| {n} | {extract:.1f} | {check} |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--sizes", default="1,10,100,1000")
    ap.add_argument("--dense", default="250,500,1000,2000", help="figures in one line, for dense_line")
    ap.add_argument("--dense-check-up-to", type=int, default=2000)
    ap.add_argument("--only", choices=["dense"], help="run one section alone")
    args = ap.parse_args()
    dense = [int(s) for s in args.dense.split(",")]
    if args.only == "dense":
        dense_line(dense, args.dense_check_up_to)
        return
    cold(SEED)
    spacy_components(SEED)
    warm_recheck(SEED)
    warm(args.stories)
    scaling([int(s) for s in args.sizes.split(",")])
    dense_line(dense, args.dense_check_up_to)


if __name__ == "__main__":
    main()
