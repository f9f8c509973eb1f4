"""trafilatura (https://trafilatura.readthedocs.io): main text with its default ("standard")
settings and comments excluded, as in the AEB and trafilatura benchmarks."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class Trafilatura(HtmlMainTextExtractor):
    name = "trafilatura"
    distributions = ("trafilatura", "lxml")
    modules = ("trafilatura",)

    def main_text(self, page: Page) -> str | None:
        import trafilatura

        return trafilatura.extract(page.html, include_comments=False)
