"""The answer key of a page quiz, obfuscated so that it is not readable in the page source.

This is obfuscation, not encryption: the page must be able to grade on its own, so everything
needed to decode is in the page. The point is that a learner reading the HTML source does not
see the answers or the feedback at a glance.

The scheme is small and fully specified, so that `quizzes/static/decodia-quiz.js` can decode
it with plain JavaScript on any origin. It needs no secure-context API (`crypto.subtle` is
missing on a school's plain-HTTP server), only `TextEncoder`, `TextDecoder`, `atob` and
`Math.imul`:

1. `data` as compact JSON (sorted keys, UTF-8, non-ASCII kept as is);
2. seed = FNV-1a 32-bit hash of the UTF-8 bytes of `salt` (offset 0x811C9DC5, prime 0x01000193);
3. keystream = successive outputs of mulberry32 from that seed, each 32-bit output giving
   4 bytes, least significant byte first;
4. each JSON byte XOR the keystream byte at the same position, then standard base64 (padded).
"""
from __future__ import annotations

import base64
import json

MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    """JavaScript's Math.imul on unsigned 32-bit values: the low 32 bits of the product."""
    return (a * b) & MASK


def fnv1a32(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = _imul(h ^ b, 0x01000193)
    return h


def keystream(salt: str, n: int) -> bytes:
    """The first `n` bytes of the mulberry32 stream seeded with FNV-1a(salt)."""
    state = fnv1a32(salt.encode("utf-8"))
    out = bytearray()
    while len(out) < n:
        state = (state + 0x6D2B79F5) & MASK
        t = _imul(state ^ (state >> 15), state | 1)
        t = ((t + _imul(t ^ (t >> 7), t | 61)) & MASK) ^ t
        word = t ^ (t >> 14)
        out += word.to_bytes(4, "little")
    return bytes(out[:n])


def _xor(raw: bytes, salt: str) -> bytes:
    return bytes(b ^ k for b, k in zip(raw, keystream(salt, len(raw))))


def obfuscate(data: dict, salt: str) -> str:
    """`data` as JSON, XOR-ed with a stream derived from `salt`, in base64: not readable in the page source."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(_xor(raw, salt)).decode("ascii")


def reveal(blob: str, salt: str) -> dict:
    """The inverse of `obfuscate`; `decodia-quiz.js` does the same in the page."""
    return json.loads(_xor(base64.b64decode(blob), salt).decode("utf-8"))
