"""Signatures: golden strings, round trip, and a change for every parameter change."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgold import __version__
from newsgold.metrics import AEBMetric, EntityMetric, LCSMetric, QuoteMetric, SegmentMetric
from newsgold.signature import Signature, parse_signature, resampling_signature

HASH = "59b2d20d" + "e3" * 28
COMMON = dict(corpus_version="1.0.0", content_hash=HASH, split="test", extractor="trafilatura",
              extractor_version="2.0.0")


def test_golden_full_and_short_forms() -> None:
    sig = Signature.of(AEBMetric(), **COMMON, n_resamples=1000, seed=12345)
    assert sig.version == __version__ == "0.1.0"
    assert str(sig) == ("aeb|view:body|data:newsgold@1.0.0#sha:59b2d20d|split:test|"
                        "ext:trafilatura=2.0.0|bs:1000|seed:12345|v:0.1.0")
    assert sig.format(short=True) == ("aeb|view:body|d:newsgold@1.0.0#59b2d20d|s:test|"
                                      "e:trafilatura=2.0.0|bs:1000|r:12345|v:0.1.0")


@pytest.mark.parametrize(("metric", "head"), [
    (LCSMetric(view="article"), "lcs|view:article"),
    (SegmentMetric(), "segments|view:body"),
    (EntityMetric(mode="partial", labels="conll"), "entities|mode:partial|labels:conll"),
    (QuoteMetric(threshold=0.5), "quotes|threshold:0.5"),
])
def test_golden_metric_fragments(metric, head: str) -> None:
    sig = Signature.of(metric, **COMMON)
    assert str(sig) == (f"{head}|data:newsgold@1.0.0#sha:59b2d20d|split:test|"
                        "ext:trafilatura=2.0.0|v:0.1.0")


def test_golden_comparison_fragment() -> None:
    sig = Signature.of(EntityMetric(), **COMMON, n_resamples=1000, n_trials=10000, seed=7)
    assert str(sig).endswith("|ext:trafilatura=2.0.0|bs:1000|ar:10000|seed:7|v:0.1.0")
    assert resampling_signature(1000, 10000, 12345) == "bs:1000|ar:10000|seed:12345"
    assert resampling_signature(None, 10000, 1, short=True) == "ar:10000|r:1"


def test_parse_round_trip() -> None:
    sig = Signature.of(QuoteMetric(threshold=0.75), **COMMON, n_trials=500, seed=3)
    parsed = parse_signature(str(sig))
    assert parsed == replace(sig, content_hash=HASH[:8])
    assert str(parsed) == str(sig)
    with pytest.raises(ValueError, match="not a full-form"):
        parse_signature(sig.format(short=True))


@pytest.mark.parametrize("bad", [
    dict(content_hash="XYZ"), dict(split="te|st"), dict(extractor="a=b"), dict(seed=1),
    dict(corpus_version="1#2"), dict(params=(("a:b", "c"),)), dict(extractor_version=""),
])
def test_invalid_fields_are_rejected(bad: dict) -> None:
    sig = Signature.of(AEBMetric(), **COMMON)
    with pytest.raises(ValueError):
        replace(sig, **bad)


texts = st.text(alphabet="abcdefghij0123456789.-_", min_size=1, max_size=6)
hashes = st.text(alphabet="0123456789abcdef", min_size=8, max_size=8)
counts = st.one_of(st.none(), st.integers(1, 10**6))
signatures = st.builds(
    Signature, metric=texts,
    params=st.lists(st.tuples(texts, texts), max_size=3, unique_by=lambda kv: kv[0]).map(tuple),
    corpus_version=texts, content_hash=hashes, split=texts, extractor=texts,
    extractor_version=texts, n_resamples=st.just(1000), n_trials=counts, seed=st.integers(0, 99),
    corpus=texts, version=texts)


@settings(max_examples=200, deadline=None)
@given(signatures, st.data())
def test_every_field_change_changes_the_signature(sig: Signature, data) -> None:
    assert parse_signature(str(sig)) == sig
    name = data.draw(st.sampled_from([f.name for f in fields(Signature)]))
    strategy = {"params": st.lists(st.tuples(texts, texts), max_size=3,
                                   unique_by=lambda kv: kv[0]).map(tuple),
                "content_hash": hashes, "n_resamples": st.integers(1, 10**6),
                "n_trials": counts, "seed": st.integers(0, 99)}.get(name, texts)
    value = data.draw(strategy.filter(lambda v: v != getattr(sig, name)))
    changed = replace(sig, **{name: value})
    assert str(changed) != str(sig)
    assert changed.format(short=True) != sig.format(short=True)


@pytest.mark.parametrize("metric", [AEBMetric(view="article"), EntityMetric(labels="conll"),
                                    EntityMetric(mode="type"), QuoteMetric(threshold=0.6)])
def test_metric_parameters_reach_the_signature(metric) -> None:
    default = {"aeb": AEBMetric(), "entities": EntityMetric(), "quotes": QuoteMetric()}[metric.name]
    assert str(Signature.of(metric, **COMMON)) != str(Signature.of(default, **COMMON))
