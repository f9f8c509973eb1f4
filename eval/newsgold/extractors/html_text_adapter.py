"""html-text: the whole page's visible text (no boilerplate removal), as in the AEB benchmark.
A converter, not an extractor: it calibrates the low end of the scale."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class HtmlText(HtmlMainTextExtractor):
    name = "html-text"
    distributions = ("html-text", "lxml")
    modules = ("html_text",)

    def main_text(self, page: Page) -> str | None:
        import html_text

        return html_text.extract_text(page.html)
