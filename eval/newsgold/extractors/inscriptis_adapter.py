"""inscriptis: the whole page as layout-aware text (no boilerplate removal), as in the AEB
benchmark. A converter, not an extractor: it calibrates the low end of the scale."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class Inscriptis(HtmlMainTextExtractor):
    name = "inscriptis"
    distributions = ("inscriptis", "lxml")
    modules = ("inscriptis",)

    def main_text(self, page: Page) -> str | None:
        from inscriptis import get_text

        return get_text(page.html)
