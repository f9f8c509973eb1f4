"""html2text: the whole page as Markdown with links and images left out (the AEB benchmark's
settings; lines are wrapped at its default width). A converter, not an extractor."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class Html2Text(HtmlMainTextExtractor):
    name = "html2text"
    distributions = ("html2text",)
    modules = ("html2text",)

    def main_text(self, page: Page) -> str | None:
        from html2text import HTML2Text

        converter = HTML2Text()
        converter.ignore_links = True
        converter.ignore_images = True
        return converter.handle(page.html)
