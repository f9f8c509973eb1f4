"""The prediction cache: a re-run calls the extractor for no page it has seen."""

from __future__ import annotations

from pathlib import Path

from harness.fixtures import Counting, Misbehaving, calls, make_documents
from newsgold.extractors.base import Page, Prediction
from newsgold.harness import evaluate
from newsgold.harness.cache import MAX_SHARDS, PredictionCache, default_cache_dir, encode


def test_a_rerun_is_served_from_the_cache(tmp_path: Path) -> None:
    docs, log, cache = make_documents(10), tmp_path / "calls.txt", tmp_path / "cache"
    first = evaluate(Counting(log), documents=docs, workers=2, cache=cache, resamples=30,
                     progress=True)
    assert sorted(calls(log)) == [d.id for d in docs]
    assert {p.status for p in first.pages} == {"ok"}
    second = evaluate(Counting(log), documents=docs, workers=2, cache=cache, resamples=30)
    assert len(calls(log)) == len(docs)  # not called again
    assert {p.status for p in second.pages} == {"cached"}
    assert [s.to_dict() for s in second.scores] == [s.to_dict() for s in first.scores]
    assert [p.prediction for p in second.pages] == [p.prediction for p in first.pages]


def test_the_cache_key_is_name_version_and_page(tmp_path: Path) -> None:
    docs, log, cache = make_documents(4), tmp_path / "calls.txt", tmp_path / "cache"
    evaluate(Counting(log), documents=docs, cache=cache, resamples=10)
    evaluate(Counting(log, version="2.0"), documents=docs, cache=cache, resamples=10)
    assert len(calls(log)) == 2 * len(docs)  # a new version recomputes everything
    changed = [docs[0].__class__(**{**docs[0].__dict__, "text": docs[0].text + " "})] + docs[1:]
    result = evaluate(Counting(log), documents=changed, cache=cache, resamples=10)
    assert calls(log)[2 * len(docs):] == [docs[0].id]  # only the page whose text changed
    assert [p.status for p in result.pages] == ["ok"] + ["cached"] * (len(docs) - 1)


def test_failed_pages_are_not_cached(tmp_path: Path) -> None:
    docs, cache = make_documents(3), tmp_path / "cache"
    evaluate(Misbehaving({"doc-001": "raise"}), documents=docs, cache=cache, resamples=10)
    again = evaluate(Misbehaving({}), documents=docs, cache=cache, resamples=10)
    assert [p.status for p in again.pages] == ["cached", "ok", "cached"]


def test_damaged_shards_are_misses_and_many_shards_are_merged(tmp_path: Path) -> None:
    pages = [Page(f"p{i}", "u", "en", f"text {i}", None) for i in range(2 * MAX_SHARDS)]
    folder = PredictionCache(tmp_path, "sys", "1").folder
    for page in pages:  # one run, one shard
        cache = PredictionCache(tmp_path, "sys", "1")
        cache.put(cache.key(page), encode(Prediction(page.id, main_text=page.text)))
        cache.flush()
        assert len(list(folder.glob("*.shard"))) <= MAX_SHARDS + 1
    damaged = PredictionCache(tmp_path, "sys", "1").key(pages[0])
    (folder / "zz-damaged.shard").write_text(f"{damaged}\t{{\"id\": \n", encoding="utf-8")
    reread = PredictionCache(tmp_path, "sys", "1")
    assert reread.get(pages[0]) is None  # a damaged entry is a miss
    assert [reread.get(p) for p in pages[1:]] == [Prediction(p.id, main_text=p.text)
                                                  for p in pages[1:]]
    assert reread.get(Page("new", "u", "en", "unseen", None)) is None


def test_the_cache_folder_comes_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSGOLD_CACHE", str(tmp_path / "elsewhere"))
    assert default_cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("NEWSGOLD_CACHE")
    assert default_cache_dir() == Path(".cache/newsgold/predictions")
