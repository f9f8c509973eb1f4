"""The generated site in a real headless Chromium, opened from file://: highlighted outcomes equal
the scorer's counts, the index filters and sorts, the keyboard reaches a page, the page renders."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgold.cli import main
from newsgold.corpus import load_corpus, load_documents
from newsgold.extractors.predictions_file import PredictionsFile
from newsgold.harness import evaluate
from newsgold.harness.results import EvalResult
from newsgold.view import build_site

from view.conftest import REPO, small_annotations
from view.support import Combo, png_pixels, write_predictions

ENTITIES = "entities(mode=strict,labels=ontonotes)"
QUOTES, LCS = "quotes(threshold=0.5)", "lcs(view=body)"

#: Counts of the highlighted spans and words of an open page, read from the DOM.
SHOWN = """() => {
  const count = (sel) => document.querySelectorAll(sel).length;
  const words = (sel) => Array.from(document.querySelectorAll(sel))
      .reduce((n, el) => n + Number(el.dataset.n), 0);
  const layer = (name, side, outcome) =>
      count(`.text-wrap[data-layer=${name}] mark.${side}[data-outcome${outcome}][data-first]`);
  return {
    ent_cor: layer("entities", "gold", "=match"), ent_wrong: layer("entities", "gold", "^=wrong"),
    ent_mis: layer("entities", "gold", "=miss"), ent_spu: layer("entities", "pred", "=spurious"),
    q_right: layer("quotes", "gold", "=match"), q_wrong: layer("quotes", "gold", "=wrong-speaker"),
    q_mis: layer("quotes", "gold", "=miss"), q_spu: layer("quotes", "pred", "=spurious"),
    kept: words(".diff [data-outcome=kept]"), extra: words(".diff [data-outcome=extra]"),
    dropped: words(".diff [data-outcome=dropped]"),
    page_kept: words("#boilerplate .page-text:not(.diff) [data-outcome=kept][data-first]"),
    page_dropped: words("#boilerplate .page-text:not(.diff) [data-outcome=dropped][data-first]"),
    page_extra: words("#boilerplate .page-text:not(.diff) [data-outcome=extra][data-first]"),
    connectors: count(".text-wrap[data-layer=quotes] svg path.connector"),
    with_speaker: count(".text-wrap[data-layer=quotes] mark[data-speaker][data-first]"),
    data: Object.assign({}, document.querySelector("main").dataset),
  };
}"""


def scorer_counts(result: EvalResult, doc_id: str) -> dict[str, dict[str, float]]:
    """The harness's per-document statistics of each metric, by name."""
    return {row.metric: dict(zip(result.score(row.metric).stat_names, row.stats))
            for row in result.documents if row.doc_id == doc_id}


def expected(stats: dict[str, dict[str, float]]) -> dict[str, float]:
    """What the page must highlight, from the scorer's statistics."""
    out: dict[str, float] = {}
    if ENTITIES in stats:
        e = stats[ENTITIES]
        out.update(ent_cor=e["cor"], ent_wrong=e["inc"] + e["par"], ent_mis=e["mis"],
                   ent_spu=e["spu"])
    if QUOTES in stats:
        q = stats[QUOTES]
        right = q["speaker_correct"] + q["no_speaker_correct"]
        out.update(q_right=right, q_wrong=q["tp"] - right, q_mis=q["gold"] - q["tp"],
                   q_spu=q["pred"] - q["tp"])
    if LCS in stats:
        b = stats[LCS]
        out.update(kept=b["lcs"], extra=b["pred_tokens"] - b["lcs"],
                   dropped=b["gold_tokens"] - b["lcs"])
    return out


def open_page(page, site: Path, doc_id: str) -> dict:
    page.goto((site / "pages" / f"{doc_id}.html").as_uri())
    return page.evaluate(SHOWN)


@pytest.fixture(scope="module")
def combo_site(small_corpus: Path, tmp_path_factory) -> tuple[EvalResult, Path]:
    """A Python extractor object doing all three tasks, evaluated on every page (both splits)
    and viewed through the API."""
    docs = load_documents(path=small_corpus)
    result = evaluate(Combo(), documents=docs, resamples=20, cache=False)
    out = tmp_path_factory.mktemp("combo") / "site"
    build_site(result, docs, out)
    return result, out


@pytest.fixture(scope="module")
def file_site(small_corpus: Path, tmp_path_factory) -> tuple[EvalResult, Path]:
    """A predictions file (plain-text main text and quotes) viewed with `newsgold view`."""
    root = tmp_path_factory.mktemp("file")
    path = write_predictions(root / "predictions.jsonl", load_documents(path=small_corpus))
    out = root / "site"
    run = CliRunner().invoke(main, ["view", "--predictions", str(path), "--corpus",
                                    str(small_corpus), "--out", str(out), "--resamples", "20",
                                    "--quiet"])
    assert run.exit_code == 0, run.output
    return evaluate(PredictionsFile(path), corpus=small_corpus, resamples=20), out


def test_highlights_equal_the_scorer_counts_for_a_python_extractor(page, combo_site):
    result, site = combo_site
    assert len(result.pages) >= 5
    for report in result.pages:
        shown = open_page(page, site, report.doc_id)
        want = expected(scorer_counts(result, report.doc_id))
        assert set(want) == {"ent_cor", "ent_wrong", "ent_mis", "ent_spu", "q_right", "q_wrong",
                             "q_mis", "q_spu", "kept", "extra", "dropped"}
        assert {k: shown[k] for k in want} == want, report.doc_id
        # The line baseline's main text is its segments' text, so every word is placed on the
        # page text too.
        assert (shown["page_kept"], shown["page_extra"], shown["page_dropped"]) \
            == (want["kept"], want["extra"], want["dropped"]), report.doc_id
        data = shown["data"]
        assert (int(data["entitiesMis"]), int(data["entitiesSpu"]), int(data["quotesMis"]),
                int(data["quotesSpu"]), int(data["boilerplateDropped"])) \
            == (want["ent_mis"], want["ent_spu"], want["q_mis"], want["q_spu"], want["dropped"])
        assert shown["connectors"] == shown["with_speaker"]


def test_highlights_equal_the_scorer_counts_for_a_predictions_file(page, file_site):
    result, site = file_site
    assert result.tasks == ("boilerplate", "quotes")
    for report in result.pages:
        shown = open_page(page, site, report.doc_id)
        want = expected(scorer_counts(result, report.doc_id))
        assert {k: shown[k] for k in want} == want, report.doc_id
        assert shown["ent_cor"] == shown["ent_mis"] == 0  # no entity section
        # A plain-text extraction cannot be placed on the page: only gold words are marked there.
        assert (shown["page_kept"], shown["page_dropped"], shown["page_extra"]) \
            == (want["kept"], want["dropped"], 0)


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "#pages tbody tr:not([hidden]) th[data-value]", "cells => cells.map(c => c.dataset.value)")


def test_index_filters_and_sorts(page, combo_site):
    result, site = combo_site
    page.goto((site / "index.html").as_uri())
    ids = sorted(p.doc_id for p in result.pages)
    assert visible_rows(page) == ids
    page.fill("#filter-text", "court")
    assert visible_rows(page) == [i for i in ids if "court" in i]
    assert page.inner_text("#row-count") == f"{len(visible_rows(page))} of {len(ids)} pages"
    page.click("#filter-reset")
    site_of = {p.doc_id: p.site for p in result.pages}
    chosen = site_of[ids[0]]
    page.select_option("#filter-site", chosen)
    assert visible_rows(page) == [i for i in ids if site_of[i] == chosen]
    page.click("#filter-reset")
    # "Score below": the entity F1 of each page, from the harness.
    column = [s.metric for s in result.scores].index(ENTITIES)
    page.select_option("#score-column", str(column))
    f1 = {row.doc_id: row.values["f1"] for row in result.documents if row.metric == ENTITIES}
    threshold = statistics.median(v for v in f1.values() if v is not None)
    page.fill("#score-below", str(threshold))
    below = [i for i in ids if f1.get(i) is not None and f1[i] < threshold]
    assert below and visible_rows(page) == below
    page.click("#filter-reset")
    # Sorting by that column: ascending, then descending on a second click.
    header = page.locator(f'#pages thead th[data-score="{column}"]')
    header.locator("button").click()
    order = sorted(ids, key=lambda i: (f1[i] is None, f1[i] or 0))
    assert [f1[i] for i in visible_rows(page)] == [f1[i] for i in order]
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    values = [f1[i] for i in visible_rows(page) if f1[i] is not None]
    assert values == sorted(values, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"


def test_keyboard_reaches_and_opens_a_page(page, combo_site):
    _, site = combo_site
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.dataset.href || null")
        if href:
            break
    assert href and href.startswith("pages/"), "Tab never reached a page row"
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.href")
    assert second != href and second.startswith("pages/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + second)
    assert page.evaluate("document.querySelector('main').dataset.docId") in second


def test_focusing_a_quote_highlights_its_speaker_and_arrow(page, combo_site):
    result, site = combo_site
    doc_id = "broadcaster-ashcombe-footbridge-vote"
    page.goto((site / "pages" / f"{doc_id}.html").as_uri())
    quote = page.locator(".text-wrap[data-layer=quotes] mark.gold[data-speaker][data-first]").first
    quote.focus()
    speaker = quote.get_attribute("data-speaker")
    ref = quote.get_attribute("data-ref")
    assert "is-active" in page.locator(f"#{speaker}").get_attribute("class")
    assert page.locator(f'path.connector.is-active[data-from="{ref}"]').count() == 1
    page.keyboard.press("Tab")
    assert page.locator(f'path.connector.is-active[data-from="{ref}"]').count() == 0


def test_screenshot_is_not_blank(page, combo_site, tmp_path: Path):
    _, site = combo_site
    page.goto((site / "pages" / "broadcaster-ashcombe-footbridge-vote.html").as_uri())
    page.locator("#entities-heading").scroll_into_view_if_needed()
    shot = tmp_path / "entities.png"
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 640, "height": 360})
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (640, 360)
    values = [v for row in rows[::4] for v in row[::7]]
    assert statistics.pvariance(values) > 100
    assert len(set(values)) > 20


def test_aeb_pages_show_the_scorers_counts_on_every_layer(page, tmp_path: Path):
    """Hydrated AEB pages (gold for all three layers): the viewer's counts are the scorer's."""
    aeb_root = REPO.parent / "shared" / "external" / "aeb"
    if not aeb_root.is_dir():
        pytest.skip("../shared/external/aeb is not present")
    from newsgold.build import build
    from newsgold.hydrate import hydrate_aeb

    ann = small_annotations(tmp_path, PAGES_FOR_AEB)
    (ann / "aeb").mkdir()
    for path in sorted((REPO / "annotations" / "aeb").glob("*.json"))[:6]:
        shutil.copy(path, ann / "aeb")
    corpus = tmp_path / "corpus"
    build(ann, corpus)
    hydrate_aeb(ann, aeb_root, corpus)
    docs = load_documents(path=corpus, dataset="aeb")
    split = next(iter(load_corpus(corpus, dataset="aeb")))
    result = evaluate(Combo(), split=split, dataset="aeb", corpus=corpus, resamples=20,
                      cache=False)
    out = tmp_path / "site"
    build_site(result, docs, out)
    assert result.pages
    for report in result.pages:
        shown = open_page(page, out, report.doc_id)
        want = expected(scorer_counts(result, report.doc_id))
        assert {"kept", "extra", "dropped", "ent_mis", "q_mis"} <= set(want)
        assert {k: shown[k] for k in want} == want, report.doc_id
        assert "no gold entities" not in page.locator("#entities").inner_text()


PAGES_FOR_AEB = ("broadcaster-ashcombe-footbridge-vote", "latestly-russia-china-2023-06-25")
