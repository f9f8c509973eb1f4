"""``run_leaderboard``: a second run is served from the prediction cache, extractor objects run
in worker processes, ties share a rank."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.lb_extractors import CALLS_ENV, FailsOnGerman
from newsgold.leaderboard import boards, run_leaderboard

GERMAN_PAGE = "wire-de-leipzig-klangmuseum-2026-03-14"


def calls(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split() if path.exists() else []
    path.unlink(missing_ok=True)
    return sorted(lines)


def test_a_second_run_is_served_from_the_cache(small_corpus: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "calls.txt"
    monkeypatch.setenv(CALLS_ENV, str(log))
    spec = ["leaderboard.lb_extractors:FailsOnGerman", "baseline-lines"]
    first = run_leaderboard(spec, corpus=small_corpus, cache=tmp_path / "cache", workers=2,
                            resamples=20)
    assert len(calls(log)) == 4
    second = run_leaderboard(spec, corpus=small_corpus, cache=tmp_path / "cache", workers=2,
                             resamples=20)
    # Only the failed page runs again: failures are never cached.
    assert calls(log) == [GERMAN_PAGE]
    statuses = {p.doc_id: p.status for p in second.run("test-fails-on-german").result.pages}
    assert statuses.pop(GERMAN_PAGE) == "error" and set(statuses.values()) == {"cached"}
    assert {p.status for p in second.run("baseline-lines").result.pages} == {"cached"}
    for board in first.boards():
        assert first.table(board) == second.table(board)
    # Runtimes measured by the first run are remembered for the cached pages.
    runtime = second.run("test-fails-on-german").runtime()
    assert runtime["timed_pages"] == 4
    remembered = first.run("test-fails-on-german").page_seconds
    assert {k: v for k, v in second.run("test-fails-on-german").page_seconds.items()
            if k != GERMAN_PAGE} == {k: v for k, v in remembered.items() if k != GERMAN_PAGE}


class Copy(FailsOnGerman):
    """The same output under another name (defined here: it reaches the worker processes by
    fork, never by pickling)."""

    name = "test-copy"


def test_objects_run_side_by_side_and_ties_share_a_rank(small_corpus: Path,
                                                        tmp_path: Path) -> None:
    lb = run_leaderboard([Copy(), FailsOnGerman(), "baseline-nothing"], corpus=small_corpus,
                         cache=False, workers=2, resamples=20)
    assert [r.name for r in lb.runs] == ["baseline-nothing", "test-copy", "test-fails-on-german"]
    assert all(r.error is None for r in lb.runs)
    rows = lb.table(boards()[0])
    assert [(r.rank, r.extractor) for r in rows] == [
        (1, "test-copy"), (1, "test-fails-on-german"), (3, "baseline-nothing")]
    assert rows[0].value == rows[1].value > rows[2].value
    assert lb.tasks == ("boilerplate", "entities", "quotes")
    # baseline-nothing predicts (no) segments, so the segment board has it alone
    assert [b.slug for b in lb.boards()] == ["aeb", "lcs", "segments"]
