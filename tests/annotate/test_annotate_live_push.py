"""Push against a real Label Studio: project, tasks, gold and extractor predictions."""

from __future__ import annotations

from newsgold.annotate.config import labeling_config
from newsgold.markup import parse
from newsgold.records import text_sha256

from annotate_testdata import SEED_ID, SMALL_DOCS

EXTRACTOR_MODULE = '''
import re
from newsgold.extractors.base import Extractor, Prediction
from newsgold.schema import Entity


class CapitalisedWords(Extractor):
    """Every capitalised word is an ORG (a deliberately poor extractor)."""

    name = "capitalised"
    tasks = frozenset({"entities"})

    def version(self):
        return "0.1"

    def extract(self, page):
        words = re.finditer(r"\\b[A-Z][a-z]+\\b", page.text)
        return Prediction(page.id, entities=tuple(Entity(m.start(), m.end(), "ORG")
                                                  for m in words))
'''


def _predictions(ls, project_id):
    tasks = {t.data["doc_id"]: t for t in ls.tasks.list(project=project_id)}
    return tasks, {doc_id: {p.model_version: p for p in ls.predictions.list(task=t.id)}
                   for doc_id, t in tasks.items()}


def test_push_imports_tasks_with_gold_and_extractor_predictions(
        cli, ls, annotations, project_title, tmp_path, monkeypatch):
    (tmp_path / "capitalised_ext.py").write_text(EXTRACTOR_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    result = cli("annotate", "push", "--project", project_title, "--annotations", annotations,
                 "--gold", "predictions", "--prelabel", "capitalised_ext:CapitalisedWords")
    assert result.exit_code == 0, result.output
    assert "created project" in result.output
    project = next(p for p in ls.projects.list(title=project_title) if p.title == project_title)
    assert project.label_config.strip() == labeling_config().strip()

    tasks, predictions = _predictions(ls, project.id)
    assert sorted(tasks) == sorted([SEED_ID, *SMALL_DOCS])
    for doc_id, task in tasks.items():
        doc = parse((annotations / "gold" / f"{doc_id}.txt").read_text(encoding="utf-8"))
        assert task.data == {"text": doc.text, "doc_id": doc_id,
                             "text_sha256": text_sha256(doc.text)}
        assert set(predictions[doc_id]) == {"gold", "capitalised=0.1"}
        spans = [(r["value"]["start"], r["value"]["end"])
                 for r in predictions[doc_id]["capitalised=0.1"].result]
        assert spans and all(doc.text[s:e][0].isupper() and doc.text[s:e].isalpha()
                             for s, e in spans)
        gold_entities = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                         for r in predictions[doc_id]["gold"].result
                         if r.get("from_name") == "entity"}
        assert gold_entities == {(e.start, e.end, e.label) for e in doc.entities}

    again = cli("annotate", "push", "--project", project_title, "--annotations", annotations,
                "--gold", "predictions", "--prelabel", "capitalised_ext:CapitalisedWords")
    assert again.exit_code == 0, again.output
    assert "0 tasks imported" in again.output and "0 predictions" in again.output
    _, predictions_after = _predictions(ls, project.id)
    assert {d: sorted(p) for d, p in predictions_after.items()} == \
        {d: sorted(p) for d, p in predictions.items()}


def test_push_refuses_a_document_whose_text_changed(cli, ls_env, annotations, project_title):
    assert cli("annotate", "push", "--project", project_title, "--annotations", annotations,
               "--only", "tiny-*").exit_code == 0
    path = annotations / "gold" / "tiny-weather.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Monday", "Tuesday"),
                    encoding="utf-8")
    result = cli("annotate", "push", "--project", project_title, "--annotations", annotations,
                 "--only", "tiny-*")
    assert result.exit_code == 1
    assert "tiny-weather: the text changed since it was pushed" in result.output


def test_push_refuses_invalid_documents_before_touching_the_server(
        cli, ls, annotations, project_title):
    path = annotations / "gold" / "tiny-weather.txt"
    path.write_text(path.read_text(encoding="utf-8").replace('t="GPE">Brest', 't="CITY">Brest'),
                    encoding="utf-8")
    result = cli("annotate", "push", "--project", project_title, "--annotations", annotations)
    assert result.exit_code == 1
    assert "entity label 'CITY' is not in the schema" in result.output
    assert not [p for p in ls.projects.list(title=project_title) if p.title == project_title]


def test_push_without_credentials_names_the_variables(cli, annotations, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    result = cli("annotate", "push", "--project", "whatever", "--annotations", annotations)
    assert result.exit_code == 1
    assert "LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY" in result.output
