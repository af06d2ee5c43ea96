"""Group claims about the same subject: connected components of close pairs."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np

from checker.models import Claim, ClaimGroup


def components(edges: Iterable[tuple[Hashable, Hashable]], nodes: Iterable[Hashable] = ()) -> list[list[Hashable]]:
    """Connected components of a graph given by its edges (and any lone `nodes`), each listed in the
    order its members first appear."""
    parent: dict[Hashable, Hashable] = {}

    def root(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order: list[Hashable] = []
    for x in nodes:
        root(x)
        order.append(x)
    for x, y in edges:
        for z in (x, y):
            if z not in parent:
                order.append(z)
        parent[root(x)] = root(y)
    members: dict[Hashable, list[Hashable]] = {}
    for x in order:
        members.setdefault(root(x), []).append(x)
    return list(members.values())


def group_claims(claims: list[Claim], pairs: list[tuple[int, int]], content: np.ndarray,
                 threshold: float) -> list[ClaimGroup]:
    """Join claims whose content similarity is at least `threshold` into groups of two or more."""
    close = [(i, j) for i, j in pairs if float(content[i] @ content[j]) >= threshold]
    members = [sorted(m) for m in components(close, range(len(claims)))]
    groups: list[ClaimGroup] = []
    for indices in sorted((m for m in members if len(m) > 1), key=lambda m: (claims[m[0]].document, claims[m[0]].start)):
        sub = content[indices]
        sims = sub @ sub.T
        n = len(indices)
        cohesion = float((sims.sum() - n) / (n * (n - 1)))
        first = claims[indices[0]]
        groups.append(ClaimGroup(id=f"G{len(groups) + 1}", subject=first.subject or first.text[:60],
                                 claim_ids=[claims[i].id for i in indices], cohesion=round(cohesion, 3)))
    return groups
