"""AEBMetric reproduces the published article-extraction-benchmark table; the AEB reader's rules."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from newsgold import aeb

AEB = Path(__file__).resolve().parents[2] / ".." / "shared" / "external" / "aeb"

#: Published F1, precision, recall and accuracy per file in ``output/``: the latest table of
#: scrapinghub/article-extraction-benchmark README.rst at commit 4a3bc97 (2026-03-01); rows marked
#: (a) and (b) there come from its "previous evaluation" and "initial evaluation, November 2019"
#: tables. Transcribed in /work/shared/notes/boilerplate-eval.md section 1.2.
PUBLISHED: dict[str, tuple[float, float, float, float]] = {
    "august": (0.471, 0.312, 0.955, 0.000),
    "beautifulsoup": (0.665, 0.499, 0.994, 0.000),
    "boilerpipe_rs": (0.739, 0.761, 0.717, 0.000),
    "dom_smoothie": (0.865, 0.785, 0.963, 0.055),
    "fast_html2md": (0.515, 0.351, 0.967, 0.000),
    "go_domdistiller": (0.927, 0.901, 0.956, 0.061),
    "go_readability": (0.934, 0.900, 0.971, 0.188),
    "go_readability_fork": (0.947, 0.914, 0.982, 0.166),
    "go_trafilatura": (0.960, 0.940, 0.980, 0.287),
    "goose3": (0.896, 0.940, 0.856, 0.232),
    "html-text": (0.665, 0.500, 0.994, 0.000),
    "html2md_rs": (0.150, 0.142, 0.160, 0.000),
    "html2text": (0.662, 0.499, 0.983, 0.000),
    "html2text_rs": (0.438, 0.283, 0.965, 0.000),
    "inscriptis": (0.679, 0.517, 0.992, 0.000),
    "justext": (0.804, 0.858, 0.756, 0.088),
    "llm_readability": (0.829, 0.851, 0.809, 0.077),
    "mdka": (0.435, 0.285, 0.914, 0.000),
    "nanohtml2text": (0.469, 0.309, 0.973, 0.000),
    "readability": (0.922, 0.913, 0.931, 0.315),
    "readability_js": (0.947, 0.914, 0.982, 0.166),
    "readability_rs": (0.873, 0.906, 0.843, 0.227),
    "readabilityrs": (0.832, 0.745, 0.943, 0.028),
    "readable_readability": (0.884, 0.886, 0.881, 0.177),
    "rs_trafilatura": (0.970, 0.951, 0.990, 0.287),
    "trafilatura": (0.958, 0.938, 0.978, 0.293),
    "newspaper": (0.949, 0.964, 0.934, 0.326),  # (a)
    "news_please": (0.948, 0.964, 0.933, 0.326),  # (a)
    "AutoExtract": (0.970, 0.984, 0.956, 0.470),  # (b)
    "Diffbot": (0.951, 0.958, 0.944, 0.348),  # (b)
    "boilerpipe": (0.860, 0.850, 0.870, 0.006),  # (b)
    "dragnet": (0.907, 0.925, 0.889, 0.221),  # (b)
}


@pytest.fixture(scope="module")
def aeb_root() -> Path:
    if not AEB.is_dir():
        pytest.skip("../shared/external/aeb is not present")
    return AEB


@pytest.fixture(scope="module")
def gold(aeb_root: Path) -> aeb.AEBGold:
    return aeb.read_gold(aeb_root)


def test_every_published_file_is_present(aeb_root: Path) -> None:
    assert {p.stem for p in (aeb_root / "output").glob("*.json")} == set(PUBLISHED)


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published_scores_are_reproduced(aeb_root: Path, gold: aeb.AEBGold, name: str) -> None:
    system = aeb.read_system(aeb_root / "output" / f"{name}.json", gold)
    scores = aeb.score_pairs(aeb.system_pairs(gold, system))
    got = tuple(round(scores[k], 3) for k in ("f1", "precision", "recall", "accuracy"))
    assert got == PUBLISHED[name]


def test_gold_ids_are_url_hashes_and_pages_read(aeb_root: Path, gold: aeb.AEBGold) -> None:
    assert len(gold.ids) == 181
    doc_id = gold.ids[0]
    assert hashlib.sha256(gold.urls[doc_id].encode("utf-8")).hexdigest() == doc_id
    assert "<" in aeb.read_html(aeb_root, doc_id)


def _write_copy(root: Path, outputs: dict[str, object]) -> None:
    (root / "output").mkdir(parents=True)
    (root / "html").mkdir()
    truth = {"a1": {"articleBody": "one two three four five", "url": "u1"},
             "b2": {"articleBody": "six seven", "url": "u2"}}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (root / "html" / "a1.html.gz").write_bytes(gzip.compress("<p>é</p>".encode("utf-8")))
    for name, data in outputs.items():
        (root / "output" / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_legacy_and_wrapped_files_and_missing_bodies(tmp_path: Path) -> None:
    _write_copy(tmp_path, {
        "legacy": {"a1": {"articleBody": "one two three four five"}, "b2": {}},
        "wrapped": {"version": "1.2", "output": {"a1": {"articleBody": None},
                                                 "b2": {"articleBody": "six seven"}}},
        # Top-level keys other than exactly {version, output}: read as legacy ids.
        "lookalike": {"version": {"articleBody": "x"}, "output": {"articleBody": "y"}},
    })
    gold = aeb.read_gold(tmp_path)
    legacy = aeb.read_system(tmp_path / "output" / "legacy.json", gold)
    wrapped = aeb.read_system(tmp_path / "output" / "wrapped.json", gold)
    assert (legacy.version, legacy.bodies["b2"]) == (None, "")
    assert (wrapped.version, wrapped.bodies["a1"], wrapped.bodies["b2"]) == ("1.2", "", "six seven")
    assert aeb.read_html(tmp_path, "a1") == "<p>é</p>"
    with pytest.raises(ValueError, match="lookalike.json: ids differ"):
        aeb.read_system(tmp_path / "output" / "lookalike.json", gold)


def test_id_mismatch_names_the_file(tmp_path: Path) -> None:
    _write_copy(tmp_path, {"short": {"a1": {"articleBody": "x"}}})
    gold = aeb.read_gold(tmp_path)
    with pytest.raises(ValueError, match=r"short\.json: ids differ .*1 missing, e\.g\. \['b2'\]"):
        aeb.read_systems(tmp_path, gold)


def test_raw_pairs_are_scored_by_the_corpus_metric() -> None:
    scores = aeb.score_pairs([("one two three four five", "one two three four five"),
                              ("six seven", "")])
    # Document 2's empty prediction is left out of precision and adds 0 to recall.
    assert scores == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "accuracy": 0.5}
    assert aeb.pair_stats([]).shape == (0, 5)
