"""Pull against a real Label Studio: human edits, diff and --accept, conflicts, bad exports."""

from __future__ import annotations

import json

from newsgold.markup import parse
from newsgold.validate import check_document

from annotate_testdata import snapshot


def _project(ls, title):
    return next(p for p in ls.projects.list(title=title) if p.title == title)


def _task(ls, project_id, doc_id):
    return next(t for t in ls.tasks.list(project=project_id) if t.data["doc_id"] == doc_id)


def _gold_prediction(ls, task_id):
    return next(p for p in ls.predictions.list(task=task_id) if p.model_version == "gold")


def _region(result, control, text, doc_text):
    """The result item of a region by control and (re-sliced) text."""
    return next(r for r in result if r.get("from_name") == control
                and doc_text[r["value"]["start"]:r["value"]["end"]] == text)


def _push(cli, annotations, title, *extra):
    result = cli("annotate", "push", "--project", title, "--annotations", annotations, *extra)
    assert result.exit_code == 0, result.output


def _report(annotations):
    return json.loads((annotations.parent / "reports" / "labelstudio-pull.json").read_text())


def test_human_edits_are_pulled_as_a_diff_and_written_only_with_accept(
        cli, ls, annotations, project_title):
    _push(cli, annotations, project_title, "--only", "tiny-minister", "--gold", "predictions")
    project = _project(ls, project_title)
    task = _task(ls, project.id, "tiny-minister")
    text = task.data["text"]
    prediction = _gold_prediction(ls, task.id)
    result = [dict(item, origin="prediction") for item in prediction.result
              if not (item.get("from_name") == "entity"
                      and text[item["value"]["start"]:item["value"]["end"]] == "Porto")]
    # A new region as the UI makes it: random id, origin manual, value.text collapsed.
    start = text.index("the bridge") + 4
    result.append({"id": "Xk3vQ9LmTa", "from_name": "entity", "to_name": "text",
                   "type": "labels", "origin": "manual",
                   "value": {"start": start, "end": start + 6, "text": "b r", "labels": ["FAC"]}})
    # The unmentioned speaker of quotation 2 becomes a SPEAKER region, but the relation is
    # drawn without choosing a label.
    q2 = _region(result, "quote", "work starts in May", text)
    result = [r for r in result if not (r.get("from_name") == "unmentioned_speaker"
                                        and r["id"] == q2["id"])]
    sp_start = text.index("Transport Agency")
    speaker = {"id": "Pq8sW2nRcZ", "from_name": "quote", "to_name": "text", "type": "labels",
               "origin": "manual", "value": {"start": sp_start, "end": sp_start + 16,
                                             "labels": ["SPEAKER"]}}
    name = {"id": "Pq8sW2nRcZ", "from_name": "speaker_name", "to_name": "text",
            "type": "textarea", "origin": "manual",
            "value": {"start": sp_start, "end": sp_start + 16, "text": ["Transport Agency"]}}
    relation = {"type": "relation", "from_id": q2["id"], "to_id": "Pq8sW2nRcZ",
                "direction": "right"}
    annotation = ls.annotations.create(id=task.id, result=result + [speaker, name, relation],
                                       lead_time=42.0, parent_prediction=prediction.id)
    before = snapshot(annotations)

    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--accept")
    assert pulled.exit_code == 1
    assert "relation" in pulled.output and "has no label" in pulled.output
    assert "nothing written" in pulled.output
    assert snapshot(annotations) == before
    unlabelled, orphan = _report(annotations)["conflicts"]
    assert unlabelled["task"] == task.id and unlabelled["doc_id"] == "tiny-minister"
    assert unlabelled["annotation"] == annotation.id and unlabelled["region"] == q2["id"]
    assert text[unlabelled["start"]:unlabelled["end"]] == unlabelled["text"] \
        == "work starts in May"
    assert "has no label" in unlabelled["reason"]
    assert orphan["region"] == "Pq8sW2nRcZ" and orphan["text"] == "Transport Agency"
    assert "SPEAKER region is linked to no QUOTE" in orphan["reason"]

    relation["labels"] = ["speaker"]
    ls.annotations.update(id=annotation.id, result=result + [speaker, name, relation])
    preview = cli("annotate", "pull", "--project", project_title, "--annotations", annotations)
    assert preview.exit_code == 0, preview.output
    assert "tiny-minister: segments +0 -0, entities +1 -1, quotes +1 -1" in preview.output
    assert "re-run with --accept" in preview.output
    assert snapshot(annotations) == before

    accepted = cli("annotate", "pull", "--project", project_title, "--annotations",
                   annotations, "--accept")
    assert accepted.exit_code == 0, accepted.output
    path = annotations / "gold" / "tiny-minister.txt"
    doc = parse(path.read_text(encoding="utf-8"), str(path))
    assert check_document(doc, str(path), doc.id) == []
    entities = {(doc.text[e.start:e.end], e.label) for e in doc.entities}
    assert ("bridge", "FAC") in entities and ("Porto", "GPE") not in entities
    (q,) = [q for q in doc.quotes if doc.text[q.start:q.end] == "work starts in May"]
    assert doc.text[q.speaker.start:q.speaker.end] == "Transport Agency"
    assert q.speaker_name == "Transport Agency"
    assert '<ng-sp g="2" name="Transport Agency"><ng-ent t="ORG">Transport Agency</ng-ent>' \
        in path.read_text(encoding="utf-8")
    others = {k: v for k, v in snapshot(annotations).items() if "tiny-minister" not in k}
    assert others == {k: v for k, v in before.items() if "tiny-minister" not in k}


def test_bad_exports_are_rejected_with_clear_messages_and_nothing_written(
        cli, ls, annotations, project_title, tmp_path):
    _push(cli, annotations, project_title, "--gold", "predictions")
    project = _project(ls, project_title)
    weather = _task(ls, project.id, "tiny-weather")
    minister = _task(ls, project.id, "tiny-minister")
    seed = _task(ls, project.id, "latestly-russia-china-2023-06-25")
    n = len(weather.data["text"])
    w_result = _gold_prediction(ls, weather.id).result
    ls.annotations.create(id=weather.id, result=w_result + [
        {"id": "past-end", "from_name": "entity", "to_name": "text", "type": "labels",
         "value": {"start": n - 3, "end": n + 7, "labels": ["GPE"]}}])
    m_result = _gold_prediction(ls, minister.id).result
    porto = _region(m_result, "entity", "Porto", minister.data["text"])
    m_result = [dict(r, value={**r["value"], "labels": ["CITY"]}) if r is porto else r
                for r in m_result]
    ls.annotations.create(id=minister.id, result=m_result)
    s_result = _gold_prediction(ls, seed.id).result
    quote = next(r for r in s_result if r.get("type") == "labels"
                 and r["value"]["labels"] == ["QUOTE"])
    ls.annotations.create(id=seed.id, result=s_result + [
        {"type": "relation", "from_id": quote["id"], "to_id": "gone-region",
         "direction": "right", "labels": ["speaker"]}])
    before = snapshot(annotations)

    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--accept")
    assert pulled.exit_code == 1
    assert snapshot(annotations) == before
    out = pulled.output
    assert f"span [{n - 3}, {n + 7}) is empty or outside the text (length {n})" in out
    assert "unknown entity label 'CITY'" in out
    assert "points to a region that does not exist: 'gone-region'" in out
    conflicts = {c["doc_id"]: c for c in _report(annotations)["conflicts"]}
    assert set(conflicts) == {"tiny-weather", "tiny-minister", "latestly-russia-china-2023-06-25"}
    assert conflicts["tiny-weather"]["region"] == "past-end"
    assert conflicts["tiny-weather"]["text"] == weather.data["text"][n - 3:]
    assert conflicts["tiny-minister"]["region"] == porto["id"]
    assert conflicts["tiny-minister"]["text"] == "Porto"
    assert conflicts["latestly-russia-china-2023-06-25"]["task"] == seed.id

    # The same export read from a file gives the same verdict.
    from newsgold.annotate.client import snapshot_export

    export = tmp_path / "export.json"
    export.write_text(json.dumps(snapshot_export(ls, project.id)))
    offline = cli("annotate", "pull", "--export", export, "--annotations", annotations,
                  "--accept")
    assert offline.exit_code == 1 and snapshot(annotations) == before
    assert len(_report(annotations)["conflicts"]) == 3


def test_partial_writes_only_documents_without_conflicts(cli, ls, annotations, project_title):
    _push(cli, annotations, project_title, "--only", "tiny-*", "--gold", "predictions")
    project = _project(ls, project_title)
    weather = _task(ls, project.id, "tiny-weather")
    minister = _task(ls, project.id, "tiny-minister")
    w_result = [r for r in _gold_prediction(ls, weather.id).result
                if not (r.get("from_name") == "entity"
                        and weather.data["text"][r["value"]["start"]:r["value"]["end"]] == "Brest")]
    ls.annotations.create(id=weather.id, result=w_result)
    m_result = [r for r in _gold_prediction(ls, minister.id).result
                if r.get("from_name") != "quote_kind"]
    ls.annotations.create(id=minister.id, result=m_result)
    before = snapshot(annotations)

    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--accept", "--partial")
    assert pulled.exit_code == 1
    assert "QUOTE region has no quote_kind" in pulled.output
    after = snapshot(annotations)
    assert after["gold/tiny-minister.txt"] == before["gold/tiny-minister.txt"]
    assert after["gold/tiny-weather.txt"] != before["gold/tiny-weather.txt"]
    assert "Brest" not in {parse(after["gold/tiny-weather.txt"].decode()).text[e.start:e.end]
                           for e in parse(after["gold/tiny-weather.txt"].decode()).entities}


def test_a_task_text_changed_in_label_studio_is_a_conflict(cli, ls, annotations, project_title):
    _push(cli, annotations, project_title, "--only", "tiny-weather", "--gold", "predictions")
    project = _project(ls, project_title)
    task = _task(ls, project.id, "tiny-weather")
    ls.annotations.create(id=task.id, result=_gold_prediction(ls, task.id).result)
    ls.tasks.update(id=str(task.id), data={**task.data, "text": task.data["text"] + " edited"})
    before = snapshot(annotations)
    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--accept")
    assert pulled.exit_code == 1
    assert "data.text does not match data.text_sha256" in pulled.output
    assert snapshot(annotations) == before
