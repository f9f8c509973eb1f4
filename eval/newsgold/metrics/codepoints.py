"""Texts as arrays of code points, and per-code-point character classes, for the compiled kernels.

The classes are read off this Python's own ``re`` module, run over every code point, so a kernel
that looks them up agrees with ``re`` on every character (``\\w`` is what ``tokens.WORD``
matches; ``\\s`` is ``str.isspace``, what ``str.split()`` splits on).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from .memo import last_batch
from .tokens import WORD

_CODE_POINTS = 0x110000


def _table(pattern: str) -> np.ndarray:
    """Per code point: does ``pattern`` (a character class with ``+``) match it?"""
    every = np.arange(_CODE_POINTS, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    table = np.zeros(_CODE_POINTS, dtype=np.bool_)
    for run in re.finditer(pattern, every):
        table[run.start():run.end()] = True
    return table


@lru_cache(maxsize=None)
def word_table() -> np.ndarray:
    """Per code point: is it a ``\\w`` character (``tokens.WORD``)?"""
    return _table(WORD.pattern)


@lru_cache(maxsize=None)
def space_table() -> np.ndarray:
    """Per code point: is it whitespace (``\\s``, ``str.isspace``)?"""
    return _table(r"\s+")


def char_table(chars: str) -> np.ndarray:
    """Per code point: is it one of ``chars``?"""
    table = np.zeros(_CODE_POINTS, dtype=np.bool_)
    table[[ord(c) for c in chars]] = True
    return table


def encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """All texts in one code-point array, and where each text starts in it (plus the total)."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate([[0], np.cumsum(lengths)])
    joined = "".join(texts).encode("utf-32-le", "surrogatepass")
    return np.frombuffer(joined, dtype=np.uint32), starts


def page_codepoints(pairs: Sequence[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """``encode`` of the gold page texts of a batch of (gold, prediction) pairs (remembered for
    the batch, see ``memo``)."""
    return last_batch("page codepoints", pairs, lambda: encode([gold.text for gold, _ in pairs]))
