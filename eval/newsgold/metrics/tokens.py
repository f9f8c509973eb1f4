"""The word tokenisation shared by the text metrics: AEB's ``\\w+`` rule."""

from __future__ import annotations

import re
from functools import lru_cache

#: Unicode word runs, case-sensitive; punctuation is dropped and unsegmented CJK runs are one token.
WORD = re.compile(r"\w+")


@lru_cache(maxsize=2048)
def words(text: str) -> tuple[str, ...]:
    """All ``\\w+`` tokens of ``text``, in order.

    Cached: the same gold text is scored for every system, and the same prediction by several
    metrics.
    """
    return tuple(WORD.findall(text))
