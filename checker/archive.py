"""A newsroom's archive kept as claims: index published stories once, then check drafts against it.

The store is a folder: one SQLite file (stories, their claims with speaker, stance, figures and
dates, and the claims' embeddings as float16) and an approximate nearest-neighbour index of the
claims' content vectors (hnswlib). SQLite is the record; the neighbour index is rebuilt from it
where they differ, so an interrupted run resumes without duplicates or loss."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from checker import errors
from checker.errors import CheckerError
from checker.models import Claim, Document

STORE_FILE = "claims.sqlite"
INDEX_FILE = "content.hnsw"
LOCK_FILE = "index.lock"
# 2: claims carry their place among their kind in the document (the decision reads it).
STORE_FORMAT = 2
# hnswlib settings: recall@10 of 0.92 to 1.0 on 20k to 200k vectors (benchmarks/results/ann.md).
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 100
HNSW_EF_SEARCH = 64
# Each draft claim meets this many archived claims nearest in meaning.
NEIGHBOURS = 20
DOC_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Story:
    """One archived story: its id, publication date (ISO, may be unknown), source and text."""

    id: str
    date: str | None
    source: str | None
    text: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.date}\x00{self.source}\x00{self.text}".encode()).hexdigest()[:24]

    def document(self) -> Document:
        from checker.ingest import document_from_text

        return document_from_text(self.id, self.text)


def read_archive(paths: list[Path], warn: Callable[[str], None]) -> Iterator[Story]:
    """The stories in each path: a folder of .txt/.md files (id: the path inside the folder; date:
    the dateline's, when it gives a year), or a JSON Lines file of {id, date, source, text}."""
    for path in paths:
        if path.is_dir():
            yield from _folder_stories(path, warn)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _jsonl_stories(path)
        elif not path.exists():
            raise CheckerError(errors.E101_MISSING, f"{path}: no such file or folder", "check the path")
        else:
            raise CheckerError(errors.E701_ARCHIVE, f"{path}: not a folder or a .jsonl file",
                               "give a folder of .txt/.md stories or a JSON Lines file of {id, date, source, text}")


def _folder_stories(folder: Path, warn: Callable[[str], None]) -> Iterator[Story]:
    from checker.dates import find_dateline
    from checker.ingest import read_document

    for file in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES):
        doc = read_document(str(file), warn)
        filed = find_dateline(doc.text)
        date = filed.date.isoformat() if filed.date is not None and filed.year_known else None
        yield Story(id=file.relative_to(folder).as_posix(), date=date, source=folder.name, text=doc.text)


def _jsonl_stories(path: Path) -> Iterator[Story]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise CheckerError(errors.E105_UNREADABLE, f"{path}: cannot be read ({exc.strerror})", "check its permissions") from None
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise CheckerError(errors.E701_ARCHIVE, f"{where}: not JSON ({exc})",
                                   "each line must be one object {id, date, source, text}") from None
            except UnicodeDecodeError:
                raise CheckerError(errors.E701_ARCHIVE, f"{where}: not UTF-8", "save the file as UTF-8") from None
            if not isinstance(item, dict) or not isinstance(item.get("id"), (str, int)) or not isinstance(item.get("text"), str):
                raise CheckerError(errors.E701_ARCHIVE, f"{where}: needs an object with an 'id' and a 'text'",
                                   "each line must be one object {id, date, source, text}")
            date = item.get("date")
            if date is not None:
                try:
                    date = dt.date.fromisoformat(str(date)[:10]).isoformat()
                except ValueError:
                    raise CheckerError(errors.E701_ARCHIVE, f"{where}: date {date!r} is not YYYY-MM-DD",
                                       "write dates as ISO dates, or leave them out") from None
            source = item.get("source")
            yield Story(id=str(item["id"]), date=date, source=str(source) if source is not None else None, text=item["text"])


@dataclass(frozen=True)
class ArchivedClaim:
    row: int
    claim: Claim
    story: str
    date: str | None
    source: str | None


class ArchiveStore:
    """The claims of an archive on disk. Open one writer at a time (`lock()`); readers need no lock."""

    def __init__(self, folder: Path, model: str, create: bool = False) -> None:
        self.folder, self.model = folder, model
        database = folder / STORE_FILE
        existed = database.is_file()
        if folder.exists() and not folder.is_dir():
            raise CheckerError(errors.E702_STORE, f"{folder}: a file, not a store folder",
                               "give a folder (it is made if missing)")
        if not existed:
            if not create:
                raise CheckerError(errors.E702_STORE, f"{folder}: no claim archive here ({STORE_FILE} is missing)",
                                   "build one with: claimcheck index ARCHIVE... --store " + str(folder))
            folder.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(database)
            if existed and not self.db.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone():
                self.db.close()  # someone else's database: left exactly as it was
                raise CheckerError(errors.E702_STORE, f"{database}: not a claim archive",
                                   "give the folder `claimcheck index --store` wrote, or index into a new folder")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, date TEXT, source TEXT, digest TEXT, text TEXT);"
                "CREATE TABLE IF NOT EXISTS claims (row INTEGER PRIMARY KEY AUTOINCREMENT, story TEXT NOT NULL, claim TEXT NOT NULL,"
                " content BLOB NOT NULL, subject BLOB NOT NULL, head BLOB NOT NULL);"
                "CREATE INDEX IF NOT EXISTS claims_story ON claims (story);")
            meta = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise CheckerError(errors.E702_STORE, f"{database}: not a claim archive ({exc})",
                               "give the folder `claimcheck index --store` wrote, or index into a new folder") from None
        if not meta:
            with self.db:
                self.db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", str(STORE_FORMAT)), ("model", model)])
        elif meta.get("format") != str(STORE_FORMAT) or meta.get("model") != model:
            raise CheckerError(errors.E702_STORE, f"{folder}: indexed with {meta.get('model')} (format {meta.get('format')}), "
                               f"not {model} (format {STORE_FORMAT})", "index the archive again into a new folder")
        self._index = None
        self._lock_handle = None

    # -- writing ------------------------------------------------------------------------------

    def lock(self) -> None:
        """Take the store for writing; a second indexer fails at once rather than interleave."""
        self._lock_handle = (self.folder / LOCK_FILE).open("w")
        try:
            fcntl.flock(self._lock_handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CheckerError(errors.E702_STORE, f"{self.folder}: another `claimcheck index` is writing this store",
                               "wait for it to finish") from None

    def digests(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, digest FROM stories"))

    def add(self, batch: list[tuple[Story, list[Claim], tuple[np.ndarray, np.ndarray, np.ndarray]]]) -> None:
        """Store stories with their claims and vectors, replacing earlier versions: one transaction, so
        a story is in the store whole or not at all."""
        rows: list[tuple[int, np.ndarray]] = []
        with self.db:
            for story, claims, (content, subjects, heads) in batch:
                old = [r for (r,) in self.db.execute("SELECT row FROM claims WHERE story = ?", (story.id,))]
                self.db.execute("DELETE FROM claims WHERE story = ?", (story.id,))
                self.db.execute("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?)",
                                (story.id, story.date, story.source, story.digest, story.text))
                for claim, c, s, h in zip(claims, content, subjects, heads):
                    cur = self.db.execute("INSERT INTO claims (story, claim, content, subject, head) VALUES (?, ?, ?, ?, ?)",
                                          (story.id, claim.model_dump_json(), _blob(c), _blob(s), _blob(h)))
                    rows.append((int(cur.lastrowid), c))  # type: ignore[arg-type]
                if old and self._index is not None:
                    for r in old:
                        self._mark_deleted(r)
        index = self.index()
        if rows:
            _ensure_room(index, len(rows))
            index.add_items(np.stack([v for _, v in rows]).astype(np.float32), np.array([r for r, _ in rows]))

    def save(self) -> None:
        """Write the neighbour index beside the database (atomically: a crash leaves the old one)."""
        if self._index is None:
            return
        tmp = self.folder / f"{INDEX_FILE}.{os.getpid()}.tmp"
        self._index.save_index(str(tmp))
        os.replace(tmp, self.folder / INDEX_FILE)

    # -- reading ------------------------------------------------------------------------------

    def index(self):
        """The neighbour index, loaded and brought in line with the database (claims added or
        removed since it was last saved)."""
        if self._index is not None:
            return self._index
        import hnswlib

        index = hnswlib.Index(space="ip", dim=self._dimension())
        path = self.folder / INDEX_FILE
        if path.is_file():
            try:
                index.load_index(str(path), allow_replace_deleted=False)
            except RuntimeError:
                index = hnswlib.Index(space="ip", dim=self._dimension())  # unreadable: rebuilt from the database
                index.init_index(max_elements=1024, ef_construction=HNSW_EF_CONSTRUCTION, M=HNSW_M)
        else:
            index.init_index(max_elements=1024, ef_construction=HNSW_EF_CONSTRUCTION, M=HNSW_M)
        index.set_ef(HNSW_EF_SEARCH)
        self._index = index
        # Rows are never reused (AUTOINCREMENT): a label the database lacks is a claim since replaced.
        stored = {r for (r,) in self.db.execute("SELECT row FROM claims")}
        present = set(index.get_ids_list())
        for r in present - stored:
            self._mark_deleted(r)
        missing = sorted(stored - present)
        for chunk in self._by_rows("SELECT row, content FROM claims WHERE row IN ({rows})", missing):
            _ensure_room(index, len(chunk))
            index.add_items(np.stack([_vector(b) for _, b in chunk]), np.array([r for r, _ in chunk]))
        return index

    def _by_rows(self, sql: str, rows: list[int]) -> Iterator[list[tuple]]:
        """`sql` run for the claim rows in chunks small enough for any SQLite's variable limit (999)."""
        for start in range(0, len(rows), 900):
            chunk = rows[start:start + 900]
            yield self.db.execute(sql.format(rows=",".join("?" * len(chunk))), chunk).fetchall()

    def _mark_deleted(self, row: int) -> None:
        try:
            self.index().mark_deleted(row)
        except RuntimeError:
            pass  # not in the index, or marked already

    def _dimension(self) -> int:
        row = self.db.execute("SELECT content FROM claims LIMIT 1").fetchone()
        return len(_vector(row[0])) if row else 384

    def stories(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]

    def claims(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]

    def neighbours(self, vectors: np.ndarray, k: int = NEIGHBOURS) -> list[list[int]]:
        """The rows of the `k` archived claims nearest in meaning to each vector."""
        index = self.index()
        k = min(k, self.claims())
        if k == 0 or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        labels, _ = index.knn_query(vectors.astype(np.float32), k=k)
        return [[int(r) for r in row] for row in labels]

    def fetch(self, rows: Iterable[int]) -> tuple[list[ArchivedClaim], tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Archived claims by row, with their stories' date and source, and their vectors."""
        found: list[ArchivedClaim] = []
        vectors: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for chunk in self._by_rows("SELECT claims.row, claims.story, claims.claim, content, subject, head, date, source "
                                   "FROM claims JOIN stories ON stories.id = claims.story WHERE claims.row IN ({rows}) "
                                   "ORDER BY claims.row", sorted(set(rows))):
            for row, story, claim, c, s, h, date, source in chunk:
                found.append(ArchivedClaim(row, Claim.model_validate_json(claim), story, date, source))
                vectors.append((_vector(c), _vector(s), _vector(h)))
        if not vectors:
            empty = np.zeros((0, self._dimension()), dtype=np.float32)
            return found, (empty, empty, empty)
        return found, tuple(np.stack(v) for v in zip(*vectors))  # type: ignore[return-value]

    def story(self, story_id: str) -> Story:
        date, source, text = self.db.execute("SELECT date, source, text FROM stories WHERE id = ?", (story_id,)).fetchone()
        return Story(story_id, date, source, text)

    def close(self) -> None:
        self.db.close()
        if self._lock_handle is not None:
            self._lock_handle.close()


def _blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def _vector(blob: bytes) -> np.ndarray:
    v = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    return v / (np.linalg.norm(v) or 1.0)


def _ensure_room(index, extra: int) -> None:
    needed = index.get_current_count() + extra
    if needed > index.get_max_elements():
        index.resize_index(max(needed, 2 * index.get_max_elements()))


# -- indexing --------------------------------------------------------------------------------

@dataclass
class IndexCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0


def read_batch(checker, stories: list[Story]) -> list[tuple[Story, list[Claim], tuple[np.ndarray, np.ndarray, np.ndarray]]]:
    """Extract and embed the claims of a batch of stories: the work of indexing, wherever it runs."""
    from checker.pipeline import embed_claims

    claims = checker.extract([s.document() for s in stories])
    content, subjects, heads = embed_claims(claims, checker.embedder)
    out = []
    for story in stories:
        rows = [i for i, c in enumerate(claims) if c.document == story.id]
        out.append((story, [claims[i] for i in rows], (content[rows], subjects[rows], heads[rows])))
    return out


def pending(store: ArchiveStore, stories: Iterable[Story], counts: IndexCounts) -> Iterator[Story]:
    """The stories that are new or changed since they were indexed; the rest are counted unchanged."""
    known = store.digests()
    seen: set[str] = set()
    for story in stories:
        if story.id in seen:
            continue  # the first of two stories with one id wins, as a re-run would keep it
        seen.add(story.id)
        old = known.get(story.id)
        if old == story.digest:
            counts.unchanged += 1
            continue
        if old is None:
            counts.added += 1
        else:
            counts.updated += 1
        yield story


def batches(stories: Iterable[Story], size: int) -> Iterator[list[Story]]:
    batch: list[Story] = []
    for story in stories:
        batch.append(story)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def store_batch(store: ArchiveStore, read: list, counts: IndexCounts, n: int, save_every: int,
                progress: Callable[[int], None] | None) -> None:
    """Store the `n`th batch read, saving the neighbour index every `save_every` batches."""
    store.add(read)
    counts.claims += sum(len(c) for _, c, _ in read)
    if n % save_every == 0:
        store.save()
    if progress:
        progress(len(read))


def index_archive(checker, store: ArchiveStore, stories: Iterable[Story], batch_size: int = 16,
                  progress: Callable[[int], None] | None = None, save_every: int = 20) -> IndexCounts:
    """Index new and changed stories in this process, one stored batch at a time."""
    counts = IndexCounts()
    for n, batch in enumerate(batches(pending(store, stories, counts), batch_size), 1):
        store_batch(store, read_batch(checker, batch), counts, n, save_every, progress)
    store.save()
    return counts


# -- checking a draft ------------------------------------------------------------------------

def archive_conflicts(checker, drafts: list[Document], store: ArchiveStore,
                      k: int = NEIGHBOURS) -> tuple[list, list[Document]]:
    """The disagreements between the drafts' claims and the archive's claims about the same thing,
    and the archived stories they cite.

    Each draft claim meets its `k` nearest archived claims; the rules and the decision model judge
    the pairs as in any check. An archived claim that a later archived story contradicts (a toll
    that rose, a date moved) was updated, and is no rival to the draft."""
    from checker.compare import build_disagreement, decide, disagreements, rule_candidates
    from checker.pipeline import embed_claims

    own = checker.extract(drafts)
    vectors = embed_claims(own, checker.embedder)
    near = store.neighbours(vectors[0], k)
    archived, stored = store.fetch(r for rows in near for r in rows)
    if not archived:
        return [], []
    claims = own + [a.claim for a in archived]
    all_vectors = tuple(np.concatenate([v, s]) for v, s in zip(vectors, stored))
    at = {a.row: len(own) + n for n, a in enumerate(archived)}
    pairs = {(i, at[r]) for i, rows in enumerate(near) for r in rows}
    # Archived claims near one draft claim are compared with each other too: that is how an update shows.
    for rows in near:
        idx = sorted(at[r] for r in rows)
        pairs |= {(x, y) for n, x in enumerate(idx) for y in idx[n + 1:]}
    found = rule_candidates(claims, all_vectors, checker.rules, checker.lexicon, pairs)  # type: ignore[arg-type]
    accepted = decide(found, checker.decision, checker.min_confidence, claims)
    story_of = {len(own) + n: a for n, a in enumerate(archived)}
    superseded = set()
    for cand, _ in accepted:
        a, b = story_of.get(cand.i), story_of.get(cand.j)
        if a is not None and b is not None and a.story != b.story and a.date and b.date and a.date != b.date:
            superseded.add(cand.i if a.date < b.date else cand.j)
    kept = [(cand, p) for cand, p in accepted
            if (cand.i < len(own)) != (cand.j < len(own)) and not {cand.i, cand.j} & superseded]
    cited = sorted({story_of[x].story for cand, _ in kept for x in (cand.i, cand.j) if x in story_of})
    stories = [store.story(story).document() for story in cited]
    documents = {d.path: d for d in stories} | {d.path: d for d in drafts}
    by_claim = {a.claim.id: a for a in archived}
    conflicts = []
    for group in disagreements(kept, claims):
        conflict = build_disagreement(group, claims, documents, checker.decision)
        sides = [c.model_copy(update={"archived": {"id": a.story, "date": a.date, "source": a.source}})
                 if (a := by_claim.get(c.claim_id)) is not None else c for c in conflict.claims]
        # The draft's claims first: a CI annotation points at the draft, not at the archive.
        conflicts.append(conflict.model_copy(update={"claims": sorted(sides, key=lambda c: c.archived is not None)}))
    return conflicts, stories


# -- indexing on a cluster -------------------------------------------------------------------

def extraction_checker():
    """What indexing needs of the pipeline: the parser, the lexicon and the embedder (no rules)."""
    from checker.embed import load_embedder
    from checker.extract import ClaimExtractor
    from checker.lexicon import load_lexicon
    from checker.nlp import load_parser
    from checker.pipeline import Checker
    from checker.ruleset import SHIPPED_RULES

    lexicon = load_lexicon(SHIPPED_RULES)
    return Checker(ClaimExtractor(load_parser(), lexicon), load_embedder(), lexicon, [])


class StoryReader:
    """A Ray actor: loads the models once, then reads batches of stories (`read_batch`)."""

    def __init__(self) -> None:
        self.checker = extraction_checker()

    def read(self, stories: list[Story]):
        return read_batch(self.checker, stories)


def index_archive_on_ray(store: ArchiveStore, stories: Iterable[Story], workers: int, batch_size: int = 16,
                         progress: Callable[[int], None] | None = None, address: str | None = None,
                         save_every: int = 20) -> IndexCounts:
    """Index on Ray: stories partitioned into batches, read by `workers` actors, each result stored
    by this process as it comes (one writer, batched). The same `read_batch` and `store.add` as
    `index_archive`, so the store holds the same claims either way."""
    try:
        import ray
    except ImportError:
        raise CheckerError(errors.E703_CLUSTER, "indexing with --workers needs Ray, which is not installed",
                           "pip install 'claimcheck[cluster]', or index with --workers 1") from None
    started = not ray.is_initialized()
    if started:
        try:
            ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                     log_to_driver=False, configure_logging=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise CheckerError(errors.E703_CLUSTER, f"cannot start or reach the Ray cluster ({exc})",
                               "check --ray-address, or leave it out for a local cluster") from None
    try:
        readers = [ray.remote(num_cpus=1)(StoryReader).remote() for _ in range(workers)]
        counts = IndexCounts()
        todo = batches(pending(store, stories, counts), batch_size)
        running: dict = {}
        idle = list(readers)
        stored = 0
        while True:
            while idle:  # at most one batch in flight per reader: the archive is read as it goes
                batch = next(todo, None)
                if batch is None:
                    break
                reader = idle.pop()
                running[reader.read.remote(batch)] = reader
            if not running:
                break
            (done,), _ = ray.wait(list(running), num_returns=1)
            idle.append(running.pop(done))
            stored += 1
            store_batch(store, ray.get(done), counts, stored, save_every, progress)
        store.save()
        return counts
    finally:
        if started:
            ray.shutdown()
