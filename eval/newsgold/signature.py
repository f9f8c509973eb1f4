"""Reproducibility signatures: every choice that affects a reported number, in one line.

Full form (fields in this order)::

    aeb|view:body|data:newsgold@1.0.0#sha:59b2d20d|split:test|ext:trafilatura=2.0.0|bs:1000|seed:12345|v:0.1.0

* the metric's ``name``, then each of its ``params()`` as ``key:value`` in the metric's order;
* ``data``: corpus name, version and the first 8 hex digits of its content hash;
* ``split``, ``ext`` (extractor name and version);
* ``bs:N`` (bootstrap resamples: CIs, paired bootstrap), ``ar:N`` (approximate-randomisation
  trials) and ``seed``, when the number came from resampling;
* ``v``: the newsgold version that computed the number.

The short form abbreviates the fixed keys (``d``, ``s``, ``e``, ``r`` for the seed) and drops the
``sha:`` tag: ``aeb|view:body|d:newsgold@1.0.0#59b2d20d|s:test|e:trafilatura=2.0.0|bs:1000|r:12345|v:0.1.0``.
``parse_signature`` reads the full form back; ``resampling_signature`` gives the resampling fields
alone (e.g. ``bs:1000|ar:10000|seed:12345``) for a comparison of two signed results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import __version__
from .metrics.base import Metric

HASH_DIGITS = 8
_FULL = re.compile(
    r"data:(?P<corpus>[^@|]+)@(?P<corpus_version>[^#|]+)#sha:(?P<content_hash>[0-9a-f]+)"
    r"\|split:(?P<split>[^|]+)\|ext:(?P<extractor>[^=|]+)=(?P<extractor_version>[^|]+)"
    r"(?:\|bs:(?P<n_resamples>\d+))?(?:\|ar:(?P<n_trials>\d+))?(?:\|seed:(?P<seed>-?\d+))?"
    r"\|v:(?P<version>[^|]+)$")


def resampling_signature(n_resamples: int | None, n_trials: int | None, seed: int,
                         short: bool = False) -> str:
    """The resampling fields: ``bs:N`` and/or ``ar:N``, then the seed."""
    parts = [f"{key}:{n}" for key, n in (("bs", n_resamples), ("ar", n_trials)) if n is not None]
    return "|".join([*parts, f"{'r' if short else 'seed'}:{seed}"])


def _format_value(value: str | int | float) -> str:
    return repr(value) if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Signature:
    """The identity of one reported number (see module doc)."""

    metric: str
    params: tuple[tuple[str, str], ...]
    corpus_version: str
    content_hash: str
    split: str
    extractor: str
    extractor_version: str
    n_resamples: int | None = None
    n_trials: int | None = None
    seed: int | None = None
    corpus: str = "newsgold"
    version: str = __version__

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[0-9a-f]+", self.content_hash):
            raise ValueError(f"content hash {self.content_hash!r} is not lowercase hex")
        if (self.seed is None) != (self.n_resamples is None and self.n_trials is None):
            raise ValueError("a seed is given exactly when n_resamples or n_trials is")
        texts = [self.metric, self.corpus, self.corpus_version, self.split, self.extractor,
                 self.extractor_version, self.version, *(v for kv in self.params for v in kv)]
        bad = [t for t in texts if not t or "|" in t]
        if bad:
            raise ValueError(f"signature fields must be non-empty and free of '|': {bad[0]!r}")
        if any(":" in k for k, _ in self.params):
            raise ValueError(f"parameter names must not contain ':': {self.params!r}")
        for text, char in ((self.corpus, "@"), (self.corpus_version, "#"), (self.extractor, "=")):
            if char in text:
                raise ValueError(f"signature field {text!r} must not contain {char!r}")

    @classmethod
    def of(cls, metric: Metric, *, corpus_version: str, content_hash: str, split: str,
           extractor: str, extractor_version: str, n_resamples: int | None = None,
           n_trials: int | None = None, seed: int | None = None,
           corpus: str = "newsgold") -> "Signature":
        """The signature of a number computed by ``metric`` (its name and every parameter)."""
        params = tuple((k, _format_value(v)) for k, v in metric.params().items())
        return cls(metric.name, params, corpus_version, content_hash, split, extractor,
                   extractor_version, n_resamples, n_trials, seed, corpus)

    def format(self, short: bool = False) -> str:
        """The full form, or the short one."""
        sha = self.content_hash[:HASH_DIGITS]
        data = (f"d:{self.corpus}@{self.corpus_version}#{sha}" if short
                else f"data:{self.corpus}@{self.corpus_version}#sha:{sha}")
        parts = [self.metric, *(f"{k}:{v}" for k, v in self.params), data,
                 f"{'s' if short else 'split'}:{self.split}",
                 f"{'e' if short else 'ext'}:{self.extractor}={self.extractor_version}"]
        if self.seed is not None:
            parts.append(resampling_signature(self.n_resamples, self.n_trials, self.seed, short))
        parts.append(f"v:{self.version}")
        return "|".join(parts)

    def __str__(self) -> str:
        return self.format()


def parse_signature(text: str) -> Signature:
    """A full-form signature read back (the content hash keeps only its printed digits)."""
    head, sep, rest = text.partition("|data:")
    found = _FULL.match("data:" + rest) if sep else None
    if found is None:
        raise ValueError(f"not a full-form newsgold signature: {text!r}")
    metric, *params = head.split("|")
    pairs = []
    for param in params:
        key, colon, value = param.partition(":")
        if not colon:
            raise ValueError(f"signature parameter {param!r} is not key:value in {text!r}")
        pairs.append((key, value))
    f = found.groupdict()
    return Signature(metric, tuple(pairs), f["corpus_version"], f["content_hash"], f["split"],
                     f["extractor"], f["extractor_version"], *(
                         None if f[k] is None else int(f[k])
                         for k in ("n_resamples", "n_trials", "seed")), f["corpus"], f["version"])
