"""Half-open span arithmetic of the data model, consistent with the metrics' matcher."""

from __future__ import annotations

from newsgold.schema import ONTONOTES_TO_CONLL, ENTITY_LABELS, Span, to_conll


def test_half_open_overlap():
    assert Span(3, 8).overlaps(Span(7, 9))
    assert not Span(3, 8).overlaps(Span(8, 9))  # touching spans share no code point
    assert not Span(5, 5).overlaps(Span(3, 8))  # an empty span overlaps nothing
    assert Span(3, 8).contains(Span(4, 8)) and len(Span(3, 8)) == 5


def test_conll_mapping_is_total_and_fixed():
    assert set(ONTONOTES_TO_CONLL) == set(ENTITY_LABELS)
    assert [to_conll(x) for x in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "LAW")] == \
        ["PER", "ORG", "LOC", "LOC", "LOC", "MISC", "MISC"]
