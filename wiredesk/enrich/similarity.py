"""Near-duplicate detection: MinHash signatures and LSH band keys, then an exact check.

A story's text (headline + body, plain) becomes word 3-shingles; ``datasketch.MinHash``
turns them into a signature, and the signature is cut into LSH bands with the parameters
``datasketch.MinHashLSH`` chooses for ``THRESHOLD``. Stories that share a band key are
candidates (the keys are stored in the database, so candidates are one indexed query);
``is_same_story`` then compares the real shingle sets, so a candidate is never a match by
chance.

Pure: no Django, no database, no network.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
# LSH candidate threshold (estimated Jaccard). Low on purpose: an agency's rewrite of
# another's story often shares under half its shingles; the exact check decides.
THRESHOLD = 0.2
SHINGLE = 3
# The exact check: Jaccard of shingle sets, or containment of the shorter text in the
# longer (an agency that rewrites a story often adds or drops a paragraph).
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.7
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word ``size``-grams of ``text``, case-folded, punctuation ignored."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(shingle_set: set[str]) -> MinHash:
    # imported here: datasketch (numpy, scipy) costs ~0.3 s, and every `wiredesk` command
    # imports this module through the signal handlers, most without ever hashing
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode() for s in shingle_set])
    return minhash


@cache
def _bands() -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return tuple(lsh.hashranges)


def band_keys(shingle_set: set[str]) -> list[str]:
    """The LSH band keys of a text's shingles: equal keys make two stories candidates."""
    if not shingle_set:
        return []
    values = signature(shingle_set).hashvalues
    keys = []
    for number, (start, end) in enumerate(_bands()):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8).hexdigest()
        keys.append(f"{number}:{digest}")
    return keys


def resemblance(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def is_same_story(a: set[str], b: set[str]) -> bool:
    """The exact check after LSH: do the two texts tell the same story?"""
    jaccard, containment = resemblance(a, b)
    return jaccard >= MIN_JACCARD or containment >= MIN_CONTAINMENT


def choose_primary(copies: list[tuple[int, str, float]], preferred: list[str]) -> int:
    """The id of the copy readers get: by ``preferred`` agency order, then the earliest.

    ``copies`` are ``(id, agency slug, timestamp)``; agencies not in ``preferred`` come last.
    """
    rank = {slug: i for i, slug in enumerate(preferred)}
    return min(copies, key=lambda c: (rank.get(c[1], len(rank)), c[2], c[0]))[0]
