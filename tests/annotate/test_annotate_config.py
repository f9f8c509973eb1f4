"""The committed labeling config is the generator's output and covers the whole schema."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsgold.annotate import config as C
from newsgold.schema import ENTITY_LABELS, QUOTE_KINDS, SEGMENT_KINDS

from annotate_testdata import REPO

COMMITTED = REPO / "annotations" / "labelstudio" / "config.xml"


def test_committed_config_equals_the_generated_one():
    assert COMMITTED.read_text(encoding="utf-8") == C.labeling_config(), \
        "run `newsgold annotate config --write`"


def test_config_has_every_schema_label_and_the_quote_structure():
    view = ET.fromstring(C.labeling_config())
    labels = {el.get("name"): [lab.get("value") for lab in el] for el in view.iter("Labels")}
    assert labels == {C.SEGMENT: list(SEGMENT_KINDS), C.ENTITY: list(ENTITY_LABELS),
                      C.QUOTE: list(C.QUOTE_ROLES)}
    assert all(el.get("toName") == C.TEXT for el in view.iter("Labels"))
    assert [r.get("value") for r in view.iter("Relation")] == list(C.RELATIONS)
    (kinds,) = view.iter("Choices")
    assert (kinds.get("name"), kinds.get("perRegion"), kinds.get("whenLabelValue")) == \
        (C.QUOTE_KIND, "true", C.ROLE_QUOTE)
    assert [c.get("value") for c in kinds] == list(QUOTE_KINDS)
    areas = {a.get("name"): a.get("whenLabelValue") for a in view.iter("TextArea")}
    assert areas == {C.SPEAKER_NAME: C.ROLE_SPEAKER, C.UNMENTIONED_SPEAKER: C.ROLE_QUOTE}
    (text,) = view.iter("Text")
    assert text.get("value") == "$text" and text.get("granularity") == "symbol"


def test_config_command_check_detects_a_stale_file(cli, tmp_path):
    annotations = tmp_path / "annotations"
    assert cli("annotate", "config", "--annotations", annotations, "--check").exit_code == 1
    assert cli("annotate", "config", "--annotations", annotations, "--write").exit_code == 0
    assert cli("annotate", "config", "--annotations", annotations, "--check").exit_code == 0
    path = annotations / "labelstudio" / "config.xml"
    path.write_text(path.read_text().replace('value="PERSON"', 'value="PER"'))
    assert cli("annotate", "config", "--annotations", annotations, "--check").exit_code == 1
