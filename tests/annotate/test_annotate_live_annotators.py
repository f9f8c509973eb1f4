"""Several annotators on a real Label Studio: disagreement, agreement figures, adjudication."""

from __future__ import annotations

import json
import uuid

from newsgold.markup import parse

from annotate_testdata import snapshot


def _setup(cli, ls, annotations, title):
    result = cli("annotate", "push", "--project", title, "--annotations", annotations,
                 "--only", "tiny-weather", "--gold", "predictions", "--overlap", "3")
    assert result.exit_code == 0, result.output
    project = next(p for p in ls.projects.list(title=title) if p.title == title)
    assert ls.projects.get(id=project.id).maximum_annotations == 3
    (task,) = list(ls.tasks.list(project=project.id))
    prediction = next(p for p in ls.predictions.list(task=task.id) if p.model_version == "gold")
    tag = uuid.uuid4().hex[:8]
    users = {role: ls.users.create(username=f"{role}-{tag}", email=f"{role}-{tag}@example.org")
             for role in ("alice", "bob", "carol", "judge")}
    return task, prediction.result, users


def _bobs_version(result, text):
    """Bob drops the entity Brest and calls the quotation mixed."""
    out = []
    for item in result:
        span = item.get("value", {})
        if item.get("from_name") == "entity" and text[span["start"]:span["end"]] == "Brest":
            continue
        if item.get("from_name") == "quote_kind":
            item = {**item, "value": {**span, "choices": ["mixed"]}}
        out.append(item)
    return out


def test_two_annotators_disagreements_are_listed_then_an_adjudicator_decides(cli, ls, annotations,
                                                             project_title):
    task, gold_result, users = _setup(cli, ls, annotations, project_title)
    text = task.data["text"]
    bob_result = _bobs_version(gold_result, text)
    ls.annotations.create(id=task.id, result=gold_result, completed_by=users["alice"].id)
    ls.annotations.create(id=task.id, result=bob_result, completed_by=users["bob"].id)
    before = snapshot(annotations)

    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations)
    assert pulled.exit_code == 0, pulled.output
    assert "re-run with --accept" in pulled.output
    assert snapshot(annotations) == before
    report = json.loads((annotations.parent / "reports" / "labelstudio-pull.json").read_text())
    assert report["conflicts"] == []
    disputes = {(c["text"], c["reason"].split(":")[0]) for c in report["review"]}
    assert ("Brest", "annotators disagree on this entity (GPE)") in disputes
    assert ("more rain is expected",
            "annotators disagree on this quote (indirect, speaker 'Météo-France')") in disputes
    assert ("more rain is expected",
            "annotators disagree on this quote (mixed, speaker 'Météo-France')") in disputes

    doc = parse(before["gold/tiny-weather.txt"].decode())
    n = len(doc.entities)
    figures = cli("annotate", "agreement", "--project", project_title, "--format", "json")
    assert figures.exit_code == 0, figures.output
    (pair,) = json.loads(figures.stdout)["pairs"]
    assert {pair["a"], pair["b"]} == {users["alice"].email, users["bob"].email}
    assert pair["segment_kappa"] == 1.0
    assert pair["entity_f1"] == 2 * (n - 1) / (2 * n - 1)
    assert pair["quote_f1"] == 1.0 and pair["speaker_agreement"] == 1.0
    markdown = cli("annotate", "agreement", "--project", project_title, "--format", "markdown")
    assert markdown.stdout.startswith("| annotators | documents | segment κ |")

    ls.annotations.create(id=task.id, result=bob_result, completed_by=users["judge"].id)
    judged = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--adjudicator", users["judge"].email, "--accept")
    assert judged.exit_code == 0, judged.output
    assert "tiny-weather: segments +0 -0, entities +0 -1, quotes +1 -1" in judged.output
    written = parse((annotations / "gold" / "tiny-weather.txt").read_text(encoding="utf-8"))
    assert "Brest" not in {written.text[e.start:e.end] for e in written.entities}
    assert {q.kind for q in written.quotes} == {"mixed"}


def test_a_majority_of_three_annotators_wins_without_an_adjudicator(cli, ls, annotations,
                                                                    project_title):
    task, gold_result, users = _setup(cli, ls, annotations, project_title)
    bob_result = _bobs_version(gold_result, task.data["text"])
    ls.annotations.create(id=task.id, result=bob_result, completed_by=users["alice"].id)
    ls.annotations.create(id=task.id, result=gold_result, completed_by=users["bob"].id)
    ls.annotations.create(id=task.id, result=bob_result, completed_by=users["carol"].id)
    # An annotator's earlier, cancelled (skipped) annotation does not count.
    ls.annotations.create(id=task.id, result=gold_result, completed_by=users["judge"].id,
                          was_cancelled=True)

    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--accept")
    assert pulled.exit_code == 0, pulled.output
    bob, brest = users["bob"].email, task.data["text"].index("Brest")
    assert f"review: task {task.id} (tiny-weather) [{brest}, {brest + 5}) 'Brest': annotators " \
        f"disagree on this entity (GPE): 1 of 3 ({bob}) have it" in pulled.output
    written = parse((annotations / "gold" / "tiny-weather.txt").read_text(encoding="utf-8"))
    assert "Brest" not in {written.text[e.start:e.end] for e in written.entities}
    assert {q.kind for q in written.quotes} == {"mixed"}
