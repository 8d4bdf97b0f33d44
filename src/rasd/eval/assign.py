"""Maximum-weight one-to-one assignment (Hungarian algorithm, O(n³)) for small matrices.

``assign(weights)`` takes a rows × cols matrix of non-negative integer weights (0 = may not
pair) and returns the ``(row, col)`` pairs of a maximum-weight matching that have weight > 0.
"""

from __future__ import annotations


def assign(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Pairs ``(row, col)`` of a maximum-total-weight matching, zero-weight pairs left out."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    transpose = n_rows > n_cols
    w = [list(col) for col in zip(*weights, strict=True)] if transpose else weights
    n, m = len(w), len(w[0])  # n <= m
    top = max(max(r) for r in w)
    cost = [[top - x for x in row] for row in w]  # minimise cost == maximise weight
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = []
    for j in range(1, m + 1):
        if p[j] and w[p[j] - 1][j - 1] > 0:
            pairs.append((j - 1, p[j] - 1) if transpose else (p[j] - 1, j - 1))
    return sorted(pairs)
