"""Resiliparse: ``extract_plain_text(html, main_content=True)``, its main-content mode, as in the
AEB and WCEB benchmarks."""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class Resiliparse(HtmlMainTextExtractor):
    name = "resiliparse"
    distributions = ("resiliparse",)
    modules = ("resiliparse",)

    def main_text(self, page: Page) -> str | None:
        from resiliparse.extract.html2text import extract_plain_text

        return extract_plain_text(page.html, main_content=True)
