"""``newsgold eval`` and ``newsgold compare`` on a corpus built from the repository's sources."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.fixtures import make_documents
from newsgold.cli import main
from newsgold.harness import load_result
from newsgold.paths import corpus_dir

NOTHING_SH = """#!/bin/sh
echo '{"newsgold": 1, "name": "sh-nothing", "version": "1", "tasks": ["boilerplate"]}'
while read -r line; do
  id=$(printf '%s' "$line" | sed -e 's/^{"id": "\\([^"]*\\)".*/\\1/')
  printf '{"id": "%s", "main_text": ""}\\n' "$id"
done
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus folder (Parquet with the corpus features) of the synthetic documents."""
    from datasets import Dataset

    from newsgold.records import features, to_row

    out = tmp_path_factory.mktemp("synthetic") / "corpus"
    (out / "data").mkdir(parents=True)
    rows, feats = [to_row(d) for d in make_documents(12)], features()
    Dataset.from_dict({k: [r[k] for r in rows] for k in feats}, features=feats).to_parquet(
        str(out / "data" / "test-00000-of-00001.parquet"))
    return out


def _eval(corpus: Path, tmp_path: Path, *args: str):
    runner = CliRunner()
    result = runner.invoke(main, ["eval", *args, "--corpus", str(corpus), "--resamples", "50",
                                  "--cache-dir", str(tmp_path / "cache"), "--quiet"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result


def test_eval_writes_a_run_record_with_the_environment(corpus: Path, tmp_path: Path) -> None:
    out = _eval(corpus, tmp_path, "harness.fixtures:Paragraphs", "--format", "json",
                "--output", str(tmp_path / "run.json"))
    assert "wrote" in out.output
    record = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert record["dataset"]["documents"] == len(record["pages"]) == 12
    assert record["extractor"]["source"] == "harness.fixtures:Paragraphs"
    run = record["run"]
    assert "harness.fixtures:Paragraphs" in run["command_line"]
    assert {"python", "platform", "packages", "seed", "resamples"} <= set(run)
    assert run["packages"]["newsgold"]
    assert load_result(tmp_path / "run.json").extractor.name == "test-paragraphs"


def test_eval_formats(corpus: Path, tmp_path: Path) -> None:
    table = _eval(corpus, tmp_path, "harness.fixtures:Paragraphs", "--per-doc", "--by", "site")
    assert "aeb(view=body)" in table.output and "by site" in table.output
    rows = list(csv.DictReader(io.StringIO(
        _eval(corpus, tmp_path, "harness.fixtures:Paragraphs", "--format", "csv").output)))
    assert {r["metric"] for r in rows} >= {"aeb(view=body)", "lcs(view=body)"}
    assert all(r["signature"] for r in rows)
    per_doc = list(csv.DictReader(io.StringIO(_eval(
        corpus, tmp_path, "harness.fixtures:Paragraphs", "--format", "csv", "--per-doc").output)))
    assert {"doc_id", "site", "status", "metric", "key", "value"} <= set(per_doc[0])
    markdown = _eval(corpus, tmp_path, "harness.fixtures:Paragraphs", "--format", "markdown",
                     "--task", "entities").output
    assert markdown.startswith("### test-paragraphs 1.0 on newsgold")
    assert "entities(mode=strict,labels=ontonotes)" in markdown and "aeb(" not in markdown


def test_eval_a_command_and_a_predictions_file_then_compare(corpus: Path,
                                                            tmp_path: Path) -> None:
    script = tmp_path / "nothing.sh"
    script.write_text(NOTHING_SH, encoding="utf-8")
    script.chmod(0o755)
    _eval(corpus, tmp_path, "--command", str(script), "--record", str(tmp_path / "sh.json"))
    record = load_result(tmp_path / "sh.json")
    assert {p.status for p in record.pages} == {"ok"}
    lines = [{"newsgold": 1, "name": "file-nothing", "version": "1", "tasks": ["boilerplate"]}]
    lines += [{"id": p.doc_id, "main_text": ""} for p in record.pages]
    predictions = tmp_path / "nothing.jsonl"
    predictions.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    _eval(corpus, tmp_path, "--predictions", str(predictions), "--record",
          str(tmp_path / "file.json"))
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "sh.json"),
                                       str(tmp_path / "file.json"), "--format", "json",
                                       "--resamples", "50", "--trials", "50"])
    assert result.exit_code == 0, result.output
    comparison = json.loads(result.output)
    assert comparison["a"]["name"] == "sh-nothing" and comparison["b"]["name"] == "file-nothing"
    assert all(c["bootstrap"]["delta"] == 0 and c["randomization"]["p_value"] == 1
               for c in comparison["comparisons"])


def test_usage_errors_are_one_line(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(main, ["eval", "trafilatur", "--corpus", str(corpus)])
    assert unknown.exit_code == 1 and "did you mean 'trafilatura'" in unknown.output
    assert "Traceback" not in unknown.output
    both = runner.invoke(main, ["eval", "trafilatura", "--command", "cat"])
    assert both.exit_code == 2 and "exactly one of" in both.output
    split = runner.invoke(main, ["eval", "harness.fixtures:Paragraphs", "--corpus", str(corpus),
                                 "--split", "nosuch", "--no-cache"])
    assert split.exit_code == 1 and "no split 'nosuch'" in split.output


def test_the_bundled_corpus_is_named_by_its_card(tmp_path: Path) -> None:
    card = corpus_dir() / "README.md"
    if not card.is_file():
        pytest.skip("no built corpus/ in this checkout")
    out = _eval(corpus_dir(), tmp_path, "harness.fixtures:Nothing", "--format", "json")
    dataset = json.loads(out.output)["dataset"]
    header = card.read_text(encoding="utf-8").split("---")[1]
    assert f"content_sha256: {dataset['content_sha256']}" in header
    assert f"version: {dataset['version']}" in header
