"""Shared fixtures: the real parser and model (loaded once), a fake embedder, documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from checker.decide import MODEL_FILE, load_decision
from checker.embed import SentenceTransformerEmbedder
from checker.extract import ClaimExtractor
from checker.ingest import mask_markdown
from checker.lexicon import Lexicon, load_lexicon
from checker.models import Document
from checker.nlp import load_parser
from checker.pipeline import Checker
from checker.ruleset import SHIPPED_RULES, load_rules

ROOT = Path(__file__).resolve().parent.parent
# A copy of the seed story and its labels, so the suite runs on a clone with nothing beside it.
SEED = ROOT / "tests" / "data" / "seed" / "raqqa.txt"
SEED_GOLD = ROOT / "tests" / "data" / "seed" / "gold.json"


class HashingEmbedder:
    """Deterministic bag-of-words vectors, for unit tests of the comparison logic only."""

    name = "hashing-test-embedder"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                digest = hashlib.md5(word.strip(".,;:!?\"'“”").encode()).digest()
                out[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon(SHIPPED_RULES)


@pytest.fixture(scope="session")
def extractor(lexicon: Lexicon) -> ClaimExtractor:
    return ClaimExtractor(load_parser(), lexicon)


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def checker(extractor: ClaimExtractor, embedder: SentenceTransformerEmbedder, lexicon: Lexicon) -> Checker:
    return Checker(extractor, embedder, lexicon, load_rules([SHIPPED_RULES]), load_decision(SHIPPED_RULES / MODEL_FILE))


@pytest.fixture()
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def make_doc():
    def make(text: str, path: str = "doc.txt") -> Document:
        analysis = mask_markdown(text) if path.endswith(".md") else text
        return Document(path=path, text=text, analysis_text=analysis, markdown=path.endswith(".md"))

    return make


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
