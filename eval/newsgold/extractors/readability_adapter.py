"""readability-lxml (a Python port of Arc90 Readability): ``Document(html).summary()`` gives the
article HTML, turned into text with html-text exactly as the AEB benchmark does."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class Readability(HtmlMainTextExtractor):
    name = "readability"
    distributions = ("readability-lxml", "html-text", "lxml")
    modules = ("readability", "html_text")

    def main_text(self, page: Page) -> str | None:
        import html_text
        from readability import Document

        return html_text.extract_text(Document(page.html).summary(html_partial=True))
