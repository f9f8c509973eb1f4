"""The Label Studio labeling config, generated from the schema (never edited by hand).

One ``Text`` (``$text``, character granularity) with three ``Labels`` controls:

* ``segment``: the segment kinds (content kinds green, boilerplate kinds grey);
* ``entity``: the OntoNotes entity labels;
* ``quote``: the quotation roles ``QUOTE`` (a content part), ``SPEAKER`` and ``CUE``.

Relations: ``speaker`` (QUOTE to SPEAKER), ``cue`` (QUOTE to CUE) and ``continues`` (a QUOTE part to
the next part of the same quotation). Per region: the quote kind (``quote_kind``, Choices on QUOTE
regions), the resolved speaker name (``speaker_name``, TextArea on SPEAKER regions) and, for a
speaker the text never mentions, ``unmentioned_speaker`` (TextArea on QUOTE regions).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..schema import BOILERPLATE_KINDS, CONTENT_KINDS, ENTITY_LABELS, QUOTE_KINDS

TEXT = "text"
SEGMENT = "segment"
ENTITY = "entity"
QUOTE = "quote"
QUOTE_KIND = "quote_kind"
SPEAKER_NAME = "speaker_name"
UNMENTIONED_SPEAKER = "unmentioned_speaker"
#: Labels of the ``quote`` control.
ROLE_QUOTE, ROLE_SPEAKER, ROLE_CUE = "QUOTE", "SPEAKER", "CUE"
QUOTE_ROLES = (ROLE_QUOTE, ROLE_SPEAKER, ROLE_CUE)
#: Relation labels.
REL_SPEAKER, REL_CUE, REL_CONTINUES = "speaker", "cue", "continues"
RELATIONS = (REL_SPEAKER, REL_CUE, REL_CONTINUES)

_CONTENT_COLOURS = ("#2e7d32", "#43a047", "#66bb6a", "#1b5e20", "#81c784", "#388e3c", "#a5d6a7")
_BOILERPLATE_COLOURS = ("#616161", "#757575", "#9e9e9e", "#8d6e63", "#90a4ae", "#bdbdbd",
                        "#78909c", "#a1887f", "#546e7a", "#6d4c41", "#424242")
_ENTITY_COLOURS = ("#1e88e5", "#8e24aa", "#6d4c41", "#e53935", "#fb8c00", "#00897b",
                   "#3949ab", "#d81b60", "#c0ca33", "#5e35b1", "#00acc1")
_ROLE_COLOURS = {ROLE_QUOTE: "#fdd835", ROLE_SPEAKER: "#f4511e", ROLE_CUE: "#26a69a"}


def _labels(view: ET.Element, name: str, values: tuple[str, ...], colours: tuple[str, ...]) -> None:
    control = ET.SubElement(view, "Labels", name=name, toName=TEXT, choice="single")
    for value, colour in zip(values, colours, strict=True):
        ET.SubElement(control, "Label", value=value, background=colour)


def labeling_config() -> str:
    """The labeling config XML for the current schema (deterministic text, ends with a newline)."""
    view = ET.Element("View")
    ET.SubElement(view, "Header", value="$doc_id", size="5")
    _labels(view, SEGMENT, CONTENT_KINDS + BOILERPLATE_KINDS,
            _CONTENT_COLOURS[:len(CONTENT_KINDS)] + _BOILERPLATE_COLOURS[:len(BOILERPLATE_KINDS)])
    _labels(view, ENTITY, ENTITY_LABELS, _ENTITY_COLOURS[:len(ENTITY_LABELS)])
    _labels(view, QUOTE, QUOTE_ROLES, tuple(_ROLE_COLOURS[r] for r in QUOTE_ROLES))
    relations = ET.SubElement(view, "Relations")
    for value in RELATIONS:
        ET.SubElement(relations, "Relation", value=value)
    ET.SubElement(view, "Text", name=TEXT, value=f"${TEXT}", granularity="symbol")
    kinds = ET.SubElement(view, "Choices", name=QUOTE_KIND, toName=TEXT, perRegion="true",
                          whenTagName=QUOTE, whenLabelValue=ROLE_QUOTE, choice="single",
                          showInline="true", required="true")
    for kind in QUOTE_KINDS:
        ET.SubElement(kinds, "Choice", value=kind)
    ET.SubElement(view, "TextArea", name=SPEAKER_NAME, toName=TEXT, perRegion="true",
                  whenTagName=QUOTE, whenLabelValue=ROLE_SPEAKER, maxSubmissions="1",
                  editable="true", required="true", placeholder="Who is speaking (resolved name)")
    ET.SubElement(view, "TextArea", name=UNMENTIONED_SPEAKER, toName=TEXT, perRegion="true",
                  whenTagName=QUOTE, whenLabelValue=ROLE_QUOTE, maxSubmissions="1",
                  editable="true", placeholder="Speaker not mentioned in the text (optional)")
    ET.indent(view, space="  ")
    return ET.tostring(view, encoding="unicode") + "\n"
