"""The claim archive: index throughput, size per story, draft-check latency as the archive grows,
and indexing on Ray with 1, 2 and 4 workers.

    python benchmarks/bench_archive.py [--stories 1000] [--sizes 1000,10000] [--ray-stories 64] [--workers 1,2,4]

`--ray-stories 0` leaves the Ray section out.

Stories come from ../shared/eval (train and dev), then variants of them with other figures and
days. The first `--stories` are indexed for real (extraction and embedding); larger archives are
grown from those stories' stored claims with their figures scaled, so the check meets an archive
of that many stories without hours of extraction. Every figure is a real run on this machine.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"


def generated_stories(count: int):
    from bench_speed import _vary  # the same variants (figures and days shuffled) as the speed benchmark

    from checker.archive import Story

    base = []
    for split in ("train", "dev"):
        for case in sorted(p for p in (EVAL / split).iterdir() if p.is_dir()):
            for doc in sorted(case.iterdir()):
                if doc.suffix in (".txt", ".md"):
                    base.append((f"{case.name}/{doc.name}", doc.read_text(encoding="utf-8")))
    rng = random.Random(7)
    out = []
    for n in range(count):
        name, text = base[n % len(base)]
        if n >= len(base):
            text = _vary(text, rng)
        day = 1 + n % 28
        out.append(Story(f"{n:06d}-{name}", f"2026-{1 + n // 28 % 12:02d}-{day:02d}", "Wire", text))
    return out


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
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--ray-stories", type=int, default=64)
    ap.add_argument("--workers", default="1,2,4")
    args = ap.parse_args()
    from checker.archive import extraction_checker
    from checker.decide import MODEL_FILE, load_decision
    from checker.ruleset import SHIPPED_RULES, load_rules

    work = Path(tempfile.mkdtemp(prefix="claimcheck-archive-"))
    stories = generated_stories(args.stories)
    if args.ray_stories:  # first: the workers import the code as it is when the run starts
        ray_section(stories[:args.ray_stories], work, [int(w) for w in args.workers.split(",")])

    store, counts, seconds = index_real(stories, work / "real")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the write-ahead log folded into the database
    per_story = _size(work / "real") / max(1, store.stories())
    print(f"## Indexing {store.stories()} stories in one process\n")
    print("| stories | claims | seconds | stories/s | claims/s | store size per story (KB) |\n|---|---|---|---|---|---|")
    print(f"| {store.stories()} | {counts.claims} | {seconds:.0f} | {store.stories() / seconds:.2f} | "
          f"{counts.claims / seconds:.1f} | {per_story / 1024:.1f} |\n", flush=True)

    checker = extraction_checker()
    checker.rules = load_rules([SHIPPED_RULES])
    checker.decision = load_decision(SHIPPED_RULES / MODEL_FILE)
    drafts = [s.document() for s in generated_stories(args.stories + 20)[-20:]]
    print("## Checking a draft against the archive (median of 20 drafts)\n")
    print("| archived stories | archived claims | grow seconds | draft check (ms) | disagreements found |\n|---|---|---|---|---|")
    for size in [int(s) for s in args.sizes.split(",")]:
        grown, grow_seconds = grow(store, work / f"grown-{size}", size)
        latency, found = draft_latency(grown, drafts, checker)
        print(f"| {grown.stories()} | {grown.claims()} | {grow_seconds:.0f} | {latency * 1000:.0f} | {found} |", flush=True)
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
