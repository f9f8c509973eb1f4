"""Isolation: a page that raises, hangs, crashes its process or returns garbage costs that page."""

from __future__ import annotations

import pytest

from harness.fixtures import HtmlReader, Misbehaving, Paragraphs, calls, make_documents
from newsgold.harness import evaluate

FAULTS = {"doc-001": "raise", "doc-002": "hang", "doc-003": "exit", "doc-004": "segfault",
          "doc-005": "wrong-type", "doc-006": "out-of-range", "doc-007": "bad-label",
          "doc-008": "unpicklable"}
EXPECTED_ERROR = {"raise": "cannot parse doc-001", "hang": "timed out after 1s",
                  "exit": "exited with code 7", "segfault": "killed by SIGSEGV",
                  "wrong-type": "must return a Prediction", "out-of-range": "out of range",
                  "bad-label": "unknown label 'PERSONA'",
                  "unpicklable": "cannot return the prediction"}


@pytest.mark.parametrize("workers", [1, 3])
def test_each_fault_costs_its_page_only(workers: int) -> None:
    docs = make_documents(10)
    result = evaluate(Misbehaving(FAULTS), documents=docs, workers=workers, timeout=1.0,
                      resamples=20, cache=False)
    status = {p.doc_id: p for p in result.pages}
    for doc_id, fault in FAULTS.items():
        assert status[doc_id].status == "error", doc_id
        assert EXPECTED_ERROR[fault] in status[doc_id].error, (doc_id, status[doc_id].error)
        assert status[doc_id].prediction.main_text == ""  # scored as empty
    healthy = [d.id for d in docs if d.id not in FAULTS]
    assert all(status[i].status == "ok" for i in healthy)
    assert {p.doc_id for p in result.failures} == set(FAULTS)

    # the failed pages count as empty predictions: the scores equal those of a run whose
    # extractor returned nothing on exactly those pages
    class EmptyOnFaults(Paragraphs):
        def extract(self, page):
            pred = super().extract(page)
            if page.id in FAULTS:
                return type(pred)(page.id, main_text="", entities=())
            return pred

    reference = evaluate(EmptyOnFaults(), documents=docs, resamples=20, cache=False)
    assert [s.values for s in result.scores] == [s.values for s in reference.scores]


def test_html_extractor_is_not_applicable_to_pages_without_html(tmp_path) -> None:
    docs = make_documents(9)
    log = tmp_path / "calls.txt"
    result = evaluate(HtmlReader(log), documents=docs, resamples=20, cache=False)
    without_html = {d.id for d in docs if d.html is None}
    assert without_html and set(calls(log)) == {d.id for d in docs} - without_html
    assert {p.doc_id for p in result.not_applicable} == without_html
    for score in result.scores:
        assert score.not_applicable == len(without_html)
        assert score.n == len(docs) - len(without_html)
    scored = {d.doc_id for d in result.documents}
    assert not scored & without_html
    # left out, not scored 0: the same numbers as on the pages with HTML alone
    alone = evaluate(HtmlReader(tmp_path / "again.txt"),
                     documents=[d for d in docs if d.html is not None], resamples=20, cache=False)
    assert [s.values for s in result.scores] == [s.values for s in alone.scores]
