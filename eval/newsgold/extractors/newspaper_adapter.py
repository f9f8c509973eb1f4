"""newspaper4k: ``Article.parse()`` on the page's HTML as in the AEB benchmark (the URL is given,
the language is detected from the markup), with ``fetch_images=False`` (its default is to
download images) and no meta-refresh following. ``Article.nlp()`` is never called.

Japanese pages need tinysegmenter (installed by the ``extractors`` extra). Korean pages need NLTK
and its ``punkt_tab`` data, which is not on PyPI and is never downloaded here: they fail
(``ImportError`` without NLTK, ``LookupError`` without the data), and the harness reports the
page's error.
"""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class Newspaper4k(HtmlMainTextExtractor):
    name = "newspaper4k"
    distributions = ("newspaper4k", "lxml", "tinysegmenter")
    modules = ("newspaper",)

    def main_text(self, page: Page) -> str | None:
        from newspaper import Article

        article = Article(page.url, fetch_images=False, follow_meta_refresh=False)
        article.download(input_html=page.html)
        article.parse()
        return article.text
