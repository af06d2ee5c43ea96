"""The claim archive: indexing stories, resuming, re-indexing, and checking drafts against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.archive import (STORE_FILE, ArchiveStore, IndexCounts, Story, archive_conflicts, index_archive, pending,
                             read_archive, read_batch)
from checker.cli import app
from checker.errors import CheckerError

STORIES = [
    Story("blast-1", "2026-11-20", "Wire", "At least 29 people were killed in the blast at the Brenmouth chemical plant, "
                                           "police said on Monday."),
    Story("blast-2", "2026-11-22", "Wire", "The death toll from the blast at the Brenmouth chemical plant rose to 35, "
                                           "police said on Wednesday."),
    Story("stadium", "2026-11-21", "Daily", "The new stadium in Carlton will hold 52,000 spectators, the council said."),
    Story("minister", "2026-11-19", "Daily", "The health minister said the new hospital wing would open in March."),
]
DRAFT = "The blast at the Brenmouth chemical plant killed 41 people, police said on Thursday."


def _store(tmp_path: Path, checker) -> ArchiveStore:
    return ArchiveStore(tmp_path / "store", checker.embedder.name, create=True)


def test_archive_index_stores_each_story_once_and_reindexes_only_changes(tmp_path, checker):
    store = _store(tmp_path, checker)
    counts = index_archive(checker, store, STORIES, batch_size=3)
    assert (counts.added, counts.updated, counts.unchanged) == (4, 0, 0)
    claims = store.claims()
    assert store.stories() == 4 and claims == counts.claims > 0

    again = index_archive(checker, store, STORIES)
    assert (again.added, again.updated, again.unchanged, store.claims()) == (0, 0, 4, claims)

    first = STORIES[0]
    changed = [Story(first.id, first.date, first.source, first.text.replace("29", "31"))] + STORIES[1:]
    third = index_archive(checker, store, changed)
    assert (third.added, third.updated, third.unchanged) == (0, 1, 3)
    assert store.claims() == claims  # the old version's claims are gone, not kept beside the new
    texts = [a.claim.text for a in store.fetch(range(1, 10_000))[0] if a.story == "blast-1"]
    assert any("31" in t for t in texts) and not any("29" in t for t in texts)


def test_archive_interrupted_index_resumes_without_duplicates_or_loss(tmp_path, checker):
    store = _store(tmp_path, checker)
    store.add(read_batch(checker, STORIES[:2]))  # stored, but the neighbour index never saved: a crash
    store.close()

    reopened = ArchiveStore(tmp_path / "store", checker.embedder.name)
    counts = index_archive(checker, reopened, STORIES)
    assert (counts.added, counts.unchanged) == (2, 2)
    rows = [r for (r,) in reopened.db.execute("SELECT row FROM claims")]
    found = {r for near in reopened.neighbours(
        read_batch(checker, STORIES)[0][2][0], k=len(rows)) for r in near}
    assert found == set(rows)  # every stored claim is in the neighbour index, once
    assert len(rows) == len(set(rows))


def test_archive_check_reports_the_latest_archived_figure_with_its_story(tmp_path, checker, make_doc):
    store = _store(tmp_path, checker)
    index_archive(checker, store, STORIES)
    conflicts, _ = archive_conflicts(checker, [make_doc(DRAFT, "draft.txt")], store)
    assert len(conflicts) == 1
    draft_side, archived_side = conflicts[0].claims
    assert draft_side.document == "draft.txt" and "41" in draft_side.text
    assert archived_side.archived == {"id": "blast-2", "date": "2026-11-22", "source": "Wire"}
    # 29 was the toll before blast-2 updated it: no rival to the draft.
    assert not any("29" in c.text for conflict in conflicts for c in conflict.claims)


def test_archive_consistent_draft_has_no_conflict(tmp_path, checker, make_doc):
    store = _store(tmp_path, checker)
    index_archive(checker, store, STORIES)
    draft = make_doc("The new stadium in Carlton will hold 52,000 spectators, officials said.", "draft.txt")
    assert archive_conflicts(checker, [draft], store)[0] == []


def test_archive_reads_folders_and_json_lines(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "one.txt").write_text("LONDON, March 6, 2024 - Ten people were hurt.", encoding="utf-8")
    (folder / "two.md").write_text("# Title\n\nNo one was hurt.", encoding="utf-8")
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps({"id": 7, "date": "2024-03-07T10:00:00", "source": "Wire", "text": "x"}) + "\n\n",
                     encoding="utf-8")
    stories = list(read_archive([folder, lines], lambda m: None))
    assert [(s.id, s.date, s.source) for s in stories] == [
        ("one.txt", "2024-03-06", "stories"), ("two.md", None, "stories"), ("7", "2024-03-07", "Wire")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON"),
        (json.dumps({"id": "a"}), "needs an object with an 'id' and a 'text'"),
        (json.dumps({"id": "a", "text": "x", "date": "last week"}), "is not YYYY-MM-DD"),
    ],
)
def test_archive_bad_json_lines_say_where_and_what(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "fine"}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CheckerError) as err:
        list(read_archive([path], lambda m: None))
    assert err.value.code == "E701" and f"{path}:2" in err.value.message and message in err.value.message


def test_archive_store_refuses_a_second_writer_and_a_missing_store(tmp_path, checker):
    first = _store(tmp_path, checker)
    first.lock()
    second = ArchiveStore(tmp_path / "store", checker.embedder.name)
    with pytest.raises(CheckerError, match="another `claimcheck index`"):
        second.lock()
    with pytest.raises(CheckerError, match="no claim archive here"):
        ArchiveStore(tmp_path / "nowhere", checker.embedder.name)
    with pytest.raises(CheckerError, match="indexed with"):
        ArchiveStore(tmp_path / "store", "another-model")


def test_archive_store_of_an_older_format_is_refused_with_what_to_do(tmp_path, checker):
    import sqlite3

    _store(tmp_path, checker)
    with sqlite3.connect(tmp_path / "store" / STORE_FILE) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'format'")
    with pytest.raises(CheckerError, match="format 1") as refused:
        ArchiveStore(tmp_path / "store", checker.embedder.name)
    assert "index the archive again" in refused.value.hint


def test_archive_pending_keeps_the_first_of_two_stories_with_one_id():
    counts = IndexCounts()

    class Empty:
        def digests(self):
            return {}

    twice = [STORIES[0], Story(STORIES[0].id, None, None, "other text")]
    assert [s.text for s in pending(Empty(), twice, counts)] == [STORIES[0].text]  # type: ignore[arg-type]


def test_archive_cli_index_then_check_json(tmp_path):
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps(s.__dict__) + "\n" for s in STORIES), encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("# Blast\n\n" + DRAFT + "\n", encoding="utf-8")
    runner = CliRunner()
    indexed = runner.invoke(app, ["index", str(archive), "--store", str(tmp_path / "store")])
    assert indexed.exit_code == 0, indexed.output
    checked = runner.invoke(app, ["check", "--format", "json", str(draft), "--archive", str(tmp_path / "store")])
    assert checked.exit_code == 1
    report = json.loads(checked.stdout)
    (conflict,) = report["conflicts"]
    assert conflict["claims"][0]["document"] == str(draft)
    assert conflict["claims"][1]["archived"]["id"] == "blast-2"

    missing = runner.invoke(app, ["check", str(draft), "--archive", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "E702" in missing.stderr


def test_archive_ray_path_stores_the_same_claims_as_one_process(tmp_path):
    ray = pytest.importorskip("ray")
    from checker.archive import extraction_checker, index_archive_on_ray

    local = extraction_checker()
    one = ArchiveStore(tmp_path / "one", local.embedder.name, create=True)
    index_archive(local, one, STORIES, batch_size=1)
    many = ArchiveStore(tmp_path / "many", local.embedder.name, create=True)
    counts = index_archive_on_ray(many, STORIES, workers=2, batch_size=1)
    assert counts.added == len(STORIES) and not ray.is_initialized()

    def claims(store):
        return sorted((a.story, a.claim.model_dump_json()) for a in store.fetch(range(1, 10_000))[0])

    assert claims(many) == claims(one)


def test_archive_leaves_a_foreign_database_and_a_file_untouched(tmp_path, checker):
    import sqlite3

    folder = tmp_path / "store"
    folder.mkdir()
    with sqlite3.connect(folder / "claims.sqlite") as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    before = (folder / "claims.sqlite").read_bytes()
    with pytest.raises(CheckerError, match="not a claim archive"):
        ArchiveStore(folder, checker.embedder.name, create=True)
    assert (folder / "claims.sqlite").read_bytes() == before
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    with pytest.raises(CheckerError, match="a file, not a store folder"):
        ArchiveStore(tmp_path / "file", checker.embedder.name, create=True)
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine"


def test_archive_ray_errors_are_clear(tmp_path, monkeypatch):
    import sys

    from checker.archive import index_archive_on_ray

    store = ArchiveStore(tmp_path / "store", "all-MiniLM-L6-v2", create=True)
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    with pytest.raises(CheckerError) as err:
        index_archive_on_ray(store, STORIES, workers=2)
    assert err.value.code == "E703" and "claimcheck[cluster]" in err.value.hint
