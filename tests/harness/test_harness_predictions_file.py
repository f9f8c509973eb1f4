"""Predictions files: the published format, missing documents, and errors naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.fixtures import Paragraphs, make_documents
from newsgold.extractors.base import Page
from newsgold.extractors.predictions_file import SCHEMA_PATH, PredictionsFile, \
    PredictionsFileError
from newsgold.extractors.wire import prediction_to_json
from newsgold.harness import evaluate
from newsgold.schema import ENTITY_LABELS, QUOTE_KINDS, SEGMENT_KINDS

HEADER = {"newsgold": 1, "name": "file-system", "version": "3", "tasks": ["boilerplate",
                                                                            "entities"]}


def _write(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def _paragraph_lines(docs) -> list[dict]:
    extractor = Paragraphs()
    return [prediction_to_json(extractor.extract(Page(d.id, d.url, d.language, d.text, d.html)))
            for d in docs]


def test_a_file_scores_like_the_extractor_that_wrote_it(tmp_path: Path) -> None:
    docs = make_documents(10)
    path = _write(tmp_path / "p.jsonl", [HEADER, ""] + _paragraph_lines(docs)[::-1])
    result = evaluate(PredictionsFile(path), documents=docs, resamples=50)
    assert result.run.cache is None  # files are never cached
    assert result.extractor.source == f"predictions: {path}"
    reference = evaluate(Paragraphs(), documents=docs, resamples=50, cache=False)
    assert [s.values for s in result.scores] == [s.values for s in reference.scores]


def test_a_missing_document_is_an_empty_prediction_and_reported(tmp_path: Path) -> None:
    docs = make_documents(6)
    lines = _paragraph_lines(docs)
    path = _write(tmp_path / "p.jsonl", [HEADER] + lines[:2] + lines[3:])
    result = evaluate(PredictionsFile(path), documents=docs, resamples=50)
    missing = next(p for p in result.pages if p.doc_id == docs[2].id)
    assert missing.status == "error" and "no prediction in" in missing.error
    assert missing.prediction.main_text == "" and missing.prediction.entities == ()
    assert all(p.status == "ok" for p in result.pages if p is not missing)


@pytest.mark.parametrize("bad_line, message", [
    ("{not json", "Expecting property name"),
    ('["a list"]', "must be a JSON object"),
    ('{"id": "doc-000", "main_text": 3}', "main_text must be a string"),
    ('{"id": "doc-000", "entities": [{"start": "0", "end": 4, "label": "PERSON"}]}',
     "entities[0].start must be an integer"),
    ('{"id": "doc-000", "main_text": "", "colour": "red"}', "unknown key(s) colour"),
    ('{"main_text": ""}', "prediction.id must be a string"),
])
def test_a_malformed_line_is_an_error_naming_file_and_line(tmp_path: Path, bad_line: str,
                                                           message: str) -> None:
    path = _write(tmp_path / "p.jsonl", [HEADER, {"id": "doc-001", "main_text": ""}, bad_line])
    with pytest.raises(PredictionsFileError) as error:
        PredictionsFile(path)
    assert str(error.value).startswith(f"{path}:3: ")
    assert message in str(error.value)


def test_header_duplicate_and_unknown_ids_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(PredictionsFileError, match=r"p\.jsonl:1: .*first line must be"):
        PredictionsFile(_write(tmp_path / "p.jsonl", [{"id": "doc-000", "main_text": ""}]))
    with pytest.raises(PredictionsFileError, match=r"p\.jsonl:1: empty file"):
        PredictionsFile(_write(tmp_path / "p.jsonl", []))
    twice = _write(tmp_path / "p.jsonl", [HEADER, {"id": "doc-000", "main_text": ""}, "",
                                          {"id": "doc-000", "main_text": "x"}])
    with pytest.raises(PredictionsFileError, match=r"p\.jsonl:4: .*already predicted on line 2"):
        PredictionsFile(twice)
    stranger = _write(tmp_path / "p.jsonl", [HEADER, {"id": "doc-000", "main_text": ""},
                                             {"id": "doc-999", "main_text": ""}])
    with pytest.raises(PredictionsFileError, match=r"p\.jsonl:3: unknown document id 'doc-999'"):
        evaluate(PredictionsFile(stranger), documents=make_documents(3), resamples=10)


def test_spans_out_of_range_fail_that_document_naming_the_line(tmp_path: Path) -> None:
    docs = make_documents(3)
    lines = _paragraph_lines(docs)
    lines[1]["entities"] = [{"start": 0, "end": 10**6, "label": "PERSON"}]
    path = _write(tmp_path / "p.jsonl", [HEADER] + lines)
    result = evaluate(PredictionsFile(path), documents=docs, resamples=10)
    failed = {p.doc_id: p.error for p in result.failures}
    assert list(failed) == [docs[1].id]
    assert f"{path}:3: entities[0]: span [0, 1000000) is out of range" in failed[docs[1].id]


def test_the_published_schema_agrees_with_the_reader(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    defs = schema["$defs"]
    assert defs["segment"]["properties"]["kind"]["enum"] == list(SEGMENT_KINDS)
    assert defs["entity"]["properties"]["label"]["enum"] == list(ENTITY_LABELS)
    assert defs["quote"]["properties"]["kind"]["enum"] == list(QUOTE_KINDS)
    validator = jsonschema.Draft202012Validator(schema)
    quote = {"start": 1, "end": 5, "kind": "direct", "group": "g", "speaker": None,
             "speaker_name": None, "cue": {"start": 6, "end": 9}}
    good = [HEADER, {"id": "doc-000", "main_text": "", "quotes": [quote]},
            {"id": "doc-001", "segments": [{"start": 0, "end": 4, "kind": "body"}],
             "entities": None}]
    bad = [{"id": "doc-000", "main_text": 3}, {"id": "doc-000", "colour": "red"},
           {"id": "doc-000", "entities": [{"start": 0, "end": 4, "label": "PER"}]},
           {"id": "doc-000", "quotes": [{**quote, "group": None}]},
           {**HEADER, "version": ""}, {**HEADER, "tasks": ["summaries"]}]
    for obj in good:
        assert validator.is_valid(obj), obj
    for obj in bad:
        assert not validator.is_valid(obj), obj
    # the reader agrees line by line
    assert PredictionsFile(_write(tmp_path / "good.jsonl", good)).name == "file-system"
    for i, obj in enumerate(bad):
        lines = [HEADER, obj] if "newsgold" not in obj else [obj]
        path = _write(tmp_path / f"bad{i}.jsonl", lines)
        try:
            reader = PredictionsFile(path)
        except PredictionsFileError:
            continue
        doc = make_documents(1)[0]
        with pytest.raises(PredictionsFileError, match=rf"bad{i}\.jsonl:2: "):
            reader.extract(Page(obj["id"], doc.url, "en", doc.text, None))
