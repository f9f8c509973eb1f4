"""Gold pushed to a real Label Studio, accepted unchanged and pulled back is byte-identical."""

from __future__ import annotations

import pytest

from annotate_testdata import snapshot


@pytest.mark.parametrize("gold_as", ["predictions", "annotations"])
def test_gold_round_trip_is_byte_identical(cli, ls, annotations, project_title, gold_as):
    before = snapshot(annotations)
    pushed = cli("annotate", "push", "--project", project_title, "--annotations", annotations,
                 "--gold", gold_as)
    assert pushed.exit_code == 0, pushed.output
    project = next(p for p in ls.projects.list(title=project_title) if p.title == project_title)
    tasks = list(ls.tasks.list(project=project.id))
    if gold_as == "predictions":
        for task in tasks:
            (prediction,) = ls.predictions.list(task=task.id)
            ls.annotations.create(id=task.id, result=prediction.result,
                                  parent_prediction=prediction.id)

    pulled = cli("annotate", "pull", "--project", project_title, "--annotations", annotations,
                 "--accept")
    assert pulled.exit_code == 0, pulled.output
    assert f"0 documents changed, {len(tasks)} unchanged" in pulled.output
    assert snapshot(annotations) == before
