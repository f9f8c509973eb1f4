"""Extractor output as Label Studio predictions (``push --prelabel EXTRACTOR``)."""

from __future__ import annotations

from typing import Any

from ..extractors.base import Page
from ..extractors.registry import ExtractorInfo, extractor_info, get_extractor
from ..extractors.wire import InvalidPrediction, check_prediction
from ..schema import LAYERS, Document
from .convert import to_results


class Prelabeler:
    """Runs one extractor over pages; its predictions carry ``model_version = name=version``."""

    def __init__(self, extractor: Any, info: ExtractorInfo | None = None) -> None:
        self.extractor = extractor
        self.info = info or extractor_info(extractor)
        self.model_version = f"{self.info.name}={self.info.version}"

    @classmethod
    def from_spec(cls, spec: str) -> "Prelabeler":
        """From a registered name or a ``module:attr`` string (see ``newsgold.extractors``)."""
        return cls(*get_extractor(spec))

    def results(self, page: Page) -> tuple[list[dict] | None, str | None]:
        """The page's prediction as result items, or None and why there is none."""
        name = self.model_version
        if self.info.input == "html" and page.html is None:
            return None, f"{page.id}: {name} reads HTML and the page has none; no prediction"
        try:
            pred = check_prediction(self.extractor.extract(page), page, self.info.tasks)
        except InvalidPrediction as exc:
            return None, f"{page.id}: {name} gave an invalid prediction ({exc}); no prediction"
        except Exception as exc:  # noqa: BLE001 - an extractor crash skips only this page
            return None, f"{page.id}: {name} failed ({type(exc).__name__}: {exc}); no prediction"
        layers = [layer for layer in LAYERS if getattr(pred, layer) is not None]
        doc = Document(id=page.id, url=page.url, site="", layout="", language=page.language,
                       published=None, title="", source="", license="", topic=None,
                       text=page.text, segments=pred.segments or (),
                       entities=pred.entities or (), quotes=pred.quotes or (),
                       annotated=frozenset(layers))
        return to_results(doc), None
