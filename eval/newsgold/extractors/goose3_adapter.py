"""goose3: ``cleaned_text`` of ``Goose().extract(raw_html=...)`` as in the AEB benchmark, with image
fetching explicitly off (its default) so that it never downloads anything; the language comes
from the page's own markup (goose3's default ``use_meta_language``).

Its output depends on the lxml version: goose3 wraps loose text into paragraphs with
``lxml.html.fromstring``, which makes ``<p>`` under lxml 5 but ``<span>`` under lxml 6, so fewer
paragraphs count as content (AEB F1 0.896 with lxml 5.4, 0.875 with lxml 6.1). ``version()``
therefore names lxml too; see benchmarks/results/aeb_adapters.md.
"""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor

GOOSE_CONFIG = {"enable_image_fetching": False}


class Goose3(HtmlMainTextExtractor):
    name = "goose3"
    distributions = ("goose3", "lxml")
    modules = ("goose3",)

    def main_text(self, page: Page) -> str | None:
        from goose3 import Goose

        with Goose(dict(GOOSE_CONFIG)) as goose:
            return goose.extract(raw_html=page.html).cleaned_text
