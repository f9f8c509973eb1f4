"""``newsgold leaderboard --dataset aeb`` on real benchmark pages hydrated from ../shared (the
test skips when that copy is absent): all three layers have gold there."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from leaderboard.lb_corpus import REPO, copy_annotations
from newsgold.cli import main

AEB_PAGES = 3


def test_leaderboard_on_hydrated_aeb_pages(aeb_source: Path, tmp_path: Path) -> None:
    from newsgold.build import build
    from newsgold.hydrate import hydrate_aeb

    ann = copy_annotations(tmp_path, ("broadcaster-ashcombe-footbridge-vote",))
    (ann / "aeb").mkdir()
    for path in sorted((REPO / "annotations" / "aeb").glob("*.json"))[:AEB_PAGES]:
        shutil.copy(path, ann / "aeb")
    corpus = tmp_path / "corpus"
    build(ann, corpus)
    assert hydrate_aeb(ann, aeb_source, corpus).written == AEB_PAGES
    result = CliRunner().invoke(
        main, ["leaderboard", "--dataset", "aeb", "--corpus", str(corpus), "--only",
               "trafilatura,baseline-lines,gazetteer", "--out", str(tmp_path / "out"),
               "--resamples", "20", "--quiet"],
        env={"NEWSGOLD_CACHE": str(tmp_path / "cache")}, prog_name="newsgold")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "leaderboard-aeb.html", "leaderboard-aeb.json", "leaderboard-aeb.md"]
    data = json.loads((tmp_path / "out" / "leaderboard-aeb.json").read_text(encoding="utf-8"))
    assert (data["dataset"]["config"], data["dataset"]["documents"]) == ("aeb", AEB_PAGES)
    assert data["tasks"] == ["boilerplate", "entities", "quotes"]
    assert data["skipped"] == []
    assert {b["task"] for b in data["boards"]} == {"boilerplate", "entities"}  # no quote system
    boards = {b["metric"]: b for b in data["boards"]}
    rows = {r["extractor"]: r for r in boards["aeb(view=body)"]["rows"]}
    assert set(rows) == {"trafilatura", "baseline-lines"}
    assert all(r["n"] == AEB_PAGES and r["failed"] == 0 for r in rows.values())
    [gazetteer] = boards["entities(mode=strict,labels=ontonotes)"]["rows"]
    assert gazetteer["extractor"] == "gazetteer" and gazetteer["n"] == AEB_PAGES
