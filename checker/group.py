"""Group claims about the same subject: connected components of close pairs."""

from __future__ import annotations

import numpy as np

from checker.models import Claim, ClaimGroup


def group_claims(claims: list[Claim], pairs: list[tuple[int, int]], content: np.ndarray,
                 threshold: float) -> list[ClaimGroup]:
    """Join claims whose content similarity is at least `threshold` into groups of two or more."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        if float(content[i] @ content[j]) >= threshold:
            parent[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in range(len(claims)):
        members.setdefault(root(i), []).append(i)
    groups: list[ClaimGroup] = []
    for indices in sorted((m for m in members.values() if len(m) > 1), key=lambda m: (claims[m[0]].document, claims[m[0]].start)):
        sub = content[indices]
        sims = sub @ sub.T
        n = len(indices)
        cohesion = float((sims.sum() - n) / (n * (n - 1)))
        first = claims[indices[0]]
        groups.append(ClaimGroup(id=f"G{len(groups) + 1}", subject=first.subject or first.text[:60],
                                 claim_ids=[claims[i].id for i in indices], cohesion=round(cohesion, 3)))
    return groups
