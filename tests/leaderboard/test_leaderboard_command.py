"""``newsgold leaderboard`` on a small real corpus: ranked tables, the three reports, failures,
pages left out, extractors not run, scores per language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgold.cli import main
from newsgold.harness import evaluate
from newsgold.signature import parse_signature

EXTRACTORS = ("baseline-everything,baseline-nothing,baseline-lines,trafilatura,gazetteer,"
              "quotes-typography,leaderboard.lb_extractors:FailsOnGerman,"
              "leaderboard.lb_extractors:NotInstalled")
SEED_PAGE = "latestly-russia-china-2023-06-25"
GERMAN_PAGE = "wire-de-leipzig-klangmuseum-2026-03-14"


def invoke(corpus: Path, out: Path, cache: Path, *args: str):
    return CliRunner().invoke(
        main, ["leaderboard", "--corpus", str(corpus), "--out", str(out), "--resamples", "50",
               *args], env={"NEWSGOLD_CACHE": str(cache), "COLUMNS": "200"}, prog_name="newsgold")


@pytest.fixture(scope="module")
def run(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("leaderboard")
    result = invoke(small_corpus, root / "reports", root / "cache", "--only", EXTRACTORS,
                    "--workers", "2")
    assert result.exit_code == 0, result.output
    data = json.loads((root / "reports" / "leaderboard.json").read_text(encoding="utf-8"))
    return result, root, data


def board(data: dict, slug: str) -> dict:
    return next(b for b in data["boards"] if b["slug"] == slug)


def test_three_reports_are_written(run) -> None:
    result, root, data = run
    for suffix in ("md", "json", "html"):
        assert f"wrote {root / 'reports' / f'leaderboard.{suffix}'}" in result.stderr
    assert data["kind"] == "newsgold.leaderboard" and data["dataset"]["documents"] == 4
    assert data["run"]["command_line"].startswith("newsgold leaderboard --corpus")


def test_every_board_is_sorted_by_its_score(run) -> None:
    _, _, data = run
    assert [b["slug"] for b in data["boards"]] == [
        "aeb", "lcs", "segments", "entities-ontonotes", "entities-conll", "quotes-e2e",
        "quotes-content"]
    for b in data["boards"]:
        values = [r["value"] for r in b["rows"]]
        assert values == sorted(values, reverse=True), b["slug"]
        assert [r["rank"] for r in b["rows"]] == list(range(1, len(values) + 1))
    aeb = board(data, "aeb")["rows"]
    assert aeb[-1]["extractor"] == "baseline-nothing" and aeb[-1]["value"] == 0
    assert {r["extractor"] for r in board(data, "segments")["rows"]} == {
        "baseline-everything", "baseline-nothing", "baseline-lines"}


def test_scores_are_those_of_the_harness(run, small_corpus: Path) -> None:
    _, root, data = run
    for name in ("trafilatura", "gazetteer"):
        result = evaluate(name, corpus=small_corpus, resamples=50, cache=root / "cache")
        for b in data["boards"]:
            row = next((r for r in b["rows"] if r["extractor"] == name), None)
            if row is None:
                continue
            score = result.score(b["metric"])
            assert row["value"] == score.values[b["key"]]
            assert (row["ci_low"], row["ci_high"]) == (score.ci[b["key"]].low,
                                                       score.ci[b["key"]].high)
            assert row["signature"] == score.signature


def test_signatures_short_in_tables_full_in_footnotes(run) -> None:
    _, root, data = run
    markdown = (root / "reports" / "leaderboard.md").read_text(encoding="utf-8")
    for b in data["boards"]:
        for row in b["rows"]:
            signature = parse_signature(row["signature"])
            assert (signature.extractor, signature.extractor_version) == (row["extractor"],
                                                                          row["version"])
            assert signature.n_resamples == 50 and signature.split == "test"
            assert row["signature_short"].replace("|", "\\|") in markdown
            assert f"]: `{row['signature']}`" in markdown


def test_a_failing_extractor_shows_its_failures(run) -> None:
    result, root, data = run
    extractor = next(e for e in data["extractors"] if e["name"] == "test-fails-on-german")
    failed = extractor["problems"]["error"]
    assert failed["count"] == 1
    assert failed["pages"] == [{"doc_id": GERMAN_PAGE, "language": "de",
                                "error": f"RuntimeError: cannot read German page {GERMAN_PAGE}"}]
    row = next(r for r in board(data, "aeb")["rows"] if r["extractor"] == "test-fails-on-german")
    assert row["failed"] == 1 and row["n"] == 4
    assert row["by_language"]["de"] == {"value": 0.0, "n": 1}
    for report in ("md", "html"):
        text = (root / "reports" / f"leaderboard.{report}").read_text(encoding="utf-8")
        assert f"cannot read German page {GERMAN_PAGE}" in text
    assert "cannot read German page" in result.stdout


def test_pages_an_extractor_cannot_read_are_counted_not_scored(run) -> None:
    _, root, data = run
    rows = {r["extractor"]: r for r in board(data, "aeb")["rows"]}
    assert (rows["trafilatura"]["n"], rows["trafilatura"]["not_applicable"]) == (3, 1)
    assert (rows["baseline-lines"]["n"], rows["baseline-lines"]["not_applicable"]) == (4, 0)
    trafilatura = next(e for e in data["extractors"] if e["name"] == "trafilatura")
    assert trafilatura["problems"]["not_applicable"]["pages"][0]["doc_id"] == SEED_PAGE
    markdown = (root / "reports" / "leaderboard.md").read_text(encoding="utf-8")
    assert re.search(rf"\| trafilatura \| n/a \| 1 \| {SEED_PAGE}: ", markdown)


def test_extractors_not_run_are_listed_with_the_reason(run) -> None:
    _, root, data = run
    assert data["skipped"] == [{
        "name": "leaderboard.lb_extractors:NotInstalled",
        "reason": "not available: leaderboard.lb_extractors:NotInstalled is not available here; "
                  "pip install a-library-that-is-not-here"}]
    markdown = (root / "reports" / "leaderboard.md").read_text(encoding="utf-8")
    assert "## Extractors not run" in markdown and "a-library-that-is-not-here" in markdown


def test_scores_per_language_and_layout(run) -> None:
    _, root, data = run
    gazetteer = next(r for r in board(data, "entities-ontonotes")["rows"])
    assert set(gazetteer["by_language"]) == {"de", "en", "es", "fr"}
    assert sum(g["n"] for g in gazetteer["by_layout"].values()) == 4
    markdown = (root / "reports" / "leaderboard.md").read_text(encoding="utf-8")
    assert "### Named entities: Strict F1, OntoNotes types, by language" in markdown
    assert "| extractor | de | en | es | fr |" in markdown


def test_the_html_report_is_self_contained_with_plots(run) -> None:
    _, root, _ = run
    page = (root / "reports" / "leaderboard.html").read_text(encoding="utf-8")
    # precision-recall per task, heatmaps per task by language and layout, runtime
    assert page.count("<svg") == 3 + 3 * 2 + 1
    assert "<script" not in page and not re.search(r"(src|href)=[\"']?https?:", page)


def test_a_run_that_fails_is_reported_and_sets_the_status(small_corpus: Path,
                                                          tmp_path: Path) -> None:
    result = invoke(small_corpus, tmp_path / "out", tmp_path / "cache", "--only",
                    "baseline-nothing,leaderboard.lb_extractors:RejectsCorpus", "--workers", "1",
                    "--quiet")
    assert result.exit_code == 1
    assert "test-rejects-corpus failed: ValueError: these predictions are for another corpus" \
        in result.stderr
    data = json.loads((tmp_path / "out" / "leaderboard.json").read_text(encoding="utf-8"))
    failed = next(e for e in data["extractors"] if e["name"] == "test-rejects-corpus")
    assert failed["error"].startswith("ValueError: these predictions are for another corpus")
    assert all(r["extractor"] != "test-rejects-corpus" for b in data["boards"] for r in b["rows"])
    markdown = (tmp_path / "out" / "leaderboard.md").read_text(encoding="utf-8")
    assert "| test-rejects-corpus | run failed |" in markdown


def test_an_unknown_name_is_a_usage_error(small_corpus: Path, tmp_path: Path) -> None:
    result = invoke(small_corpus, tmp_path / "out", tmp_path / "cache", "--only", "trafilatra")
    assert result.exit_code != 0 and "did you mean 'trafilatura'" in result.output
    assert not (tmp_path / "out").exists()
