"""Agreement figures and adjudication on documents built in the test."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sklearn.metrics import cohen_kappa_score

from newsgold.annotate.adjudicate import adjudicate
from newsgold.annotate.agreement import agreement, char_labels, kappa, pair_agreement
from newsgold.markup import parse, serialize
from newsgold.schema import Segment

from annotate_testdata import SEED, SEED_ID, small_doc_source


@pytest.fixture
def seed():
    return parse(SEED.read_text(encoding="utf-8"))


def _variant(doc):
    """Another annotator: drops two entities, relabels a segment, renames one speaker."""
    entities = doc.entities[2:]
    first = doc.segments[0]
    segments = (Segment(first.start, first.end, "promo"),) + doc.segments[1:]
    target = doc.quotes[-1]
    quotes = tuple(replace(q, speaker_name="Someone else") if q.group == target.group else q
                   for q in doc.quotes)
    return doc.with_layers(entities=entities, segments=segments, quotes=quotes)


def test_identical_versions_agree_perfectly(seed):
    row = pair_agreement("a", "b", [(seed, seed)])
    assert (row.segment_kappa, row.entity_f1, row.quote_f1, row.speaker_agreement) == \
        (1.0, 1.0, 1.0, 1.0)


def test_figures_follow_the_differences(seed):
    other = _variant(seed)
    row = pair_agreement("a", "b", [(seed, other)])
    n = len(seed.entities)
    assert row.entity_f1 == 2 * (n - 2) / (2 * n - 2)
    assert row.quote_f1 == 1.0
    renamed = sum(1 for q in seed.quotes if q.group == seed.quotes[-1].group)
    assert row.speaker_agreement == (len(seed.quotes) - renamed) / len(seed.quotes)
    assert row.segment_kappa == pytest.approx(cohen_kappa_score(char_labels(seed),
                                                                char_labels(other)))
    assert 0 < row.segment_kappa < 1


def test_kappa_edge_cases():
    assert kappa([], []) is None
    assert kappa(["body"] * 3, ["body"] * 3) == 1.0


def test_layers_not_annotated_by_both_are_not_compared(seed):
    bare = replace(seed, segments=(), entities=(), quotes=(), annotated=frozenset({"quotes"}))
    row = pair_agreement("a", "b", [(seed, bare.with_layers(quotes=seed.quotes))])
    assert (row.segment_kappa, row.entity_f1, row.quote_f1) == (None, None, 1.0)


def test_agreement_pairs_every_two_annotators(seed):
    rows = agreement({SEED_ID: {"x": seed, "y": seed, "z": _variant(seed)}})
    assert [(r.a, r.b) for r in rows] == [("x", "y"), ("x", "z"), ("y", "z")]
    assert rows[0].entity_f1 == 1.0 and rows[1].entity_f1 < 1.0


def test_adjudicator_wins_and_majority_decides(seed):
    other = _variant(seed)
    doc, disputes = adjudicate({"a": seed, "b": other, "judge": other}, adjudicators={"judge"})
    assert doc == other and disputes == []
    doc, disputes = adjudicate({"a": seed, "b": other, "c": other})
    assert serialize(doc) == serialize(other)
    dropped = set(seed.entities) - set(other.entities)
    assert {(d.start, d.end) for d in disputes if d.layer == "entities"} == \
        {(e.start, e.end) for e in dropped}
    assert all(d.votes == 1 and d.annotators == ("a",) for d in disputes)
    doc, disputes = adjudicate({"a": seed, "b": other})
    assert set(doc.entities) == set(other.entities)
    assert {d.annotators for d in disputes} == {("a",), ("b",)}


def test_offline_agreement_command_compares_second_pass_with_gold(cli, tmp_path, seed):
    annotations = tmp_path / "annotations"
    for folder, doc in (("gold", seed), ("second-pass", _variant(seed))):
        (annotations / folder).mkdir(parents=True)
        (annotations / folder / f"{SEED_ID}.txt").write_text(serialize(doc), encoding="utf-8")
    (annotations / "gold" / "tiny-weather.txt").write_text(small_doc_source("tiny-weather"))
    text = cli("annotate", "agreement", "--annotations", annotations)
    assert text.exit_code == 0, text.output
    assert "gold vs second-pass" in text.stdout and "agreement of" in text.stderr
    out = tmp_path / "agreement.md"
    markdown = cli("annotate", "agreement", "--annotations", annotations, "--format",
                   "markdown", "--output", out)
    assert markdown.exit_code == 0
    lines = markdown.stdout.splitlines()
    assert lines[0] == "| annotators | documents | segment κ | entity F1 | quote F1 | " \
                       "speaker agreement |"
    row = pair_agreement("gold", "second-pass", [(seed, _variant(seed))])
    assert lines[2].startswith(f"| gold vs second-pass | 1 | {row.segment_kappa:.3f} ")
    assert out.read_text() == markdown.stdout
    data = json.loads(cli("annotate", "agreement", "--annotations", annotations, "--format",
                          "json").stdout)
    assert data["pairs"][0]["entity_f1"] == row.entity_f1


def test_offline_agreement_without_a_second_pass_fails_clearly(cli, tmp_path):
    annotations = tmp_path / "annotations"
    (annotations / "gold").mkdir(parents=True)
    result = cli("annotate", "agreement", "--annotations", annotations)
    assert result.exit_code == 1
    assert "no document has two annotations to compare" in result.output
