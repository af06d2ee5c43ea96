"""Nearest-neighbour libraries for the claim archive, measured on clustered unit vectors of the
embedding's size (384): build time, query time and recall@10 against exact search.

    python benchmarks/bench_ann.py N     (needs: pip install usearch)

hnswlib was chosen from this run (benchmarks/results/ann.md): it built 2.8 times faster than
usearch at 200,000 vectors and answered queries faster at the same recall.
"""
import sys
import time

import numpy as np

DIM = 384


def clustered_vectors(n: int, rng: np.random.Generator) -> np.ndarray:
    """Unit vectors around n/20 centres: sentence embeddings of one archive cluster by subject."""
    centres = rng.normal(size=(max(1, n // 20), DIM)).astype(np.float32)
    x = centres[rng.integers(0, len(centres), n)] + 0.5 * rng.normal(size=(n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def main(n: int) -> None:
    rng = np.random.default_rng(0)
    x = clustered_vectors(n, rng)
    q = x[rng.integers(0, n, 200)] + 0.05 * rng.normal(size=(200, DIM)).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    truth = np.argsort(-(q @ x.T), axis=1)[:, :10]

    def recall(found) -> float:
        return float(np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth)]))

    import hnswlib

    start = time.perf_counter()
    index = hnswlib.Index(space="ip", dim=DIM)
    index.init_index(max_elements=n, ef_construction=100, M=16)
    index.add_items(x, np.arange(n))
    build = time.perf_counter() - start
    index.set_ef(64)
    start = time.perf_counter()
    labels, _ = index.knn_query(q, k=10)
    query = (time.perf_counter() - start) / len(q)
    print(f"hnswlib n={n} build {build:.1f}s query {query * 1e3:.2f}ms recall@10 {recall(labels):.3f}")

    from usearch.index import Index

    start = time.perf_counter()
    other = Index(ndim=DIM, metric="cos", dtype="f32")
    other.add(np.arange(n), x)
    build = time.perf_counter() - start
    start = time.perf_counter()
    matches = other.search(q, 10)
    query = (time.perf_counter() - start) / len(q)
    print(f"usearch n={n} build {build:.1f}s query {query * 1e3:.2f}ms recall@10 {recall(matches.keys):.3f}")

    start = time.perf_counter()
    np.argpartition(-(q @ x.T), 10, axis=1)[:, :10]
    print(f"numpy exact n={n} query {(time.perf_counter() - start) / len(q) * 1e3:.2f}ms")


if __name__ == "__main__":
    main(int(sys.argv[1]))
