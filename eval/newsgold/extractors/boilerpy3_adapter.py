"""boilerpy3 (a Python port of Boilerpipe): its ``ArticleExtractor``, as in the AEB benchmark."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class BoilerPy3(HtmlMainTextExtractor):
    name = "boilerpy3"
    distributions = ("boilerpy3",)
    modules = ("boilerpy3",)

    def main_text(self, page: Page) -> str | None:
        from boilerpy3 import extractors

        return extractors.ArticleExtractor().get_content(page.html)
