"""`newsgold view` from a run record (with and without its predictions), a plug-in name or
module:attr, and a command; the counts written on each page equal the harness's statistics."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgold.cli import main
from newsgold.extractors.command import CommandExtractor
from newsgold.harness import evaluate, load_result
from newsgold.harness.results import EvalResult

ENTITIES = "entities(mode=strict,labels=ontonotes)"
QUOTES, LCS = "quotes(threshold=0.5)", "lcs(view=body)"

#: An HTML-reading command: the long paragraphs of the page text.
COMMAND = '''
import json, sys
print(json.dumps({"newsgold": 1, "name": "py-paragraphs", "version": "1",
                  "tasks": ["boilerplate"], "input": "html"}), flush=True)
for line in sys.stdin:
    page = json.loads(line)
    text = "\\n\\n".join(p for p in page["text"].split("\\n\\n") if len(p) > 80)
    print(json.dumps({"id": page["id"], "main_text": text}), flush=True)
'''


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def page_data(site: Path, doc_id: str) -> dict[str, str]:
    """The data attributes of a page's <main>."""
    html = (site / "pages" / f"{doc_id}.html").read_text(encoding="utf-8")
    tag = re.search(r"<main [^>]*>", html).group(0)
    return dict(re.findall(r'data-([a-z_-]+)="([^"]*)"', tag))


def assert_pages_match(result: EvalResult, site: Path) -> None:
    """Every scored page shows the harness's counts for its strict entity, quote and LCS stats."""
    for row in result.documents:
        stats = dict(zip(result.score(row.metric).stat_names, row.stats))
        data = page_data(site, row.doc_id)
        if row.metric == ENTITIES:
            shown = [int(data[f"entities-{k}"]) for k in ("mis", "spu", "cor")]
            assert shown == [stats["mis"], stats["spu"], stats["cor"]]
        elif row.metric == QUOTES:
            assert (int(data["quotes-gold"]), int(data["quotes-pred"]), int(data["quotes-tp"])) \
                == (stats["gold"], stats["pred"], stats["tp"])
        elif row.metric == LCS:
            assert (int(data["boilerplate-kept"]), int(data["boilerplate-dropped"])) \
                == (stats["lcs"], stats["gold_tokens"] - stats["lcs"])
    assert {p.doc_id for p in result.pages} \
        == {p.stem for p in (site / "pages").glob("*.html")}


@pytest.mark.parametrize("keep", [True, False])
def test_a_run_record_is_viewed_with_its_own_scores(small_corpus: Path, tmp_path: Path,
                                                    keep: bool):
    record = tmp_path / "run.json"
    invoke("eval", "view.support:Combo", "--corpus", str(small_corpus), "--record", str(record),
           "--resamples", "20", "--no-cache", "--format", "json", "--output",
           str(tmp_path / "report.json"), *(["--keep-predictions"] if keep else []))
    out = invoke("view", str(record), "--out", str(tmp_path / "site"), "--no-cache")
    assert ("has no predictions: ran view.support:Combo again" in out) is not keep
    result = load_result(record)
    assert_pages_match(result, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "view.support:Combo" in index
    assert not any("differ from those of the prediction shown" in p.read_text(encoding="utf-8")
                   for p in (tmp_path / "site" / "pages").glob("*.html"))


def test_a_registered_extractor_by_name(small_corpus: Path, tmp_path: Path):
    invoke("view", "--extractor", "baseline-lines", "--corpus", str(small_corpus), "--out",
           str(tmp_path / "site"), "--resamples", "20", "--no-cache", "--split", "dev")
    result = evaluate("baseline-lines", split="dev", corpus=small_corpus, resamples=20,
                      cache=False)
    assert_pages_match(result, tmp_path / "site")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "dev" in html and "baseline-lines" in html


def test_a_command_and_pages_it_cannot_read(small_corpus: Path, tmp_path: Path):
    script = tmp_path / "paragraphs.py"
    script.write_text(COMMAND, encoding="utf-8")
    command = f"{sys.executable} {script}"
    invoke("view", "--command", command, "--corpus", str(small_corpus), "--out",
           str(tmp_path / "site"), "--resamples", "20", "--no-cache")
    result = evaluate(CommandExtractor(command), corpus=small_corpus, resamples=20, cache=False)
    assert_pages_match(result, tmp_path / "site")
    skipped = [p.doc_id for p in result.pages if p.status == "not_applicable"]
    for doc_id in skipped:  # the seed page has no HTML
        assert page_data(tmp_path / "site", doc_id)["status"] == "not_applicable"
        assert "not applicable" in (tmp_path / "site" / "pages" / f"{doc_id}.html").read_text(
            encoding="utf-8")


def test_bad_invocations_say_what_is_wrong(small_corpus: Path, tmp_path: Path):
    runner = CliRunner()
    both = runner.invoke(main, ["view", "--extractor", "baseline-lines", "--predictions",
                                str(Path(__file__))])
    assert both.exit_code == 2 and "exactly one of" in both.output
    record = tmp_path / "run.json"
    invoke("eval", "baseline-lines", "--corpus", str(small_corpus), "--record", str(record),
           "--resamples", "20", "--no-cache", "--format", "json", "--output",
           str(tmp_path / "report.json"))
    fixed = runner.invoke(main, ["view", str(record), "--split", "dev"])
    assert fixed.exit_code == 2 and "--split" in fixed.output
    unknown = runner.invoke(main, ["view", "--extractor", "baseline-lnes", "--corpus",
                                   str(small_corpus), "--out", str(tmp_path / "x")])
    assert unknown.exit_code == 1 and "did you mean" in unknown.output
