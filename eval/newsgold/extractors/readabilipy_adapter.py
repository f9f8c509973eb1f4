"""ReadabiliPy in its pure-Python mode (``use_readability=False``): the page simplified by its
own rules, as the ``plain_text`` paragraphs joined by blank lines.

The JavaScript mode (Mozilla Readability.js) is deliberately not used: it needs Node and runs
``npm install`` inside site-packages on first use, and silently falls back to this mode when that
fails, so results would depend on the machine. The Python mode does no boilerplate scoring,
so it keeps most page furniture.
"""

from __future__ import annotations

from .base import Page
from .library import HtmlMainTextExtractor


class ReadabiliPy(HtmlMainTextExtractor):
    name = "readabilipy"
    distributions = ("readabilipy",)
    modules = ("readabilipy",)

    def main_text(self, page: Page) -> str | None:
        from readabilipy import simple_json_from_html_string

        article = simple_json_from_html_string(page.html, use_readability=False)
        return "\n\n".join(p["text"] for p in article.get("plain_text") or [])
