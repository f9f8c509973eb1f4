"""jusText: non-boilerplate paragraphs, with the stop-list of the page's language.

Parameters are those of the AEB and trafilatura benchmarks (length_low 50, length_high 200,
stopwords_low 0.1, stopwords_high 0.2, max_link_density 0.2, max_heading_distance 200,
no_headings True). The page's language tag (``de``, ``pt-BR``...) is matched to jusText's
stop-list names through Babel's English language names; a language without a stop-list gets the
union of all stop-lists, so that non-English pages are not emptied by the English list (with
which AEB's run returned nothing on all 8 non-Latin-script pages).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from .base import Page
from .library import HtmlMainTextExtractor

JUSTEXT_PARAMETERS = dict(length_low=50, length_high=200, stopwords_low=0.1, stopwords_high=0.2,
                          max_link_density=0.2, max_heading_distance=200, no_headings=True)


def _ascii_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "_")


@cache
def stoplist_name(language: str) -> str | None:
    """jusText's stop-list name for a BCP-47 language tag, or None when it has none."""
    import babel
    import justext

    code = language.replace("_", "-").split("-")[0].lower()
    try:
        english_name = babel.Locale("en").languages.get(code)
    except (ValueError, babel.UnknownLocaleError):
        english_name = None
    if not english_name:
        return None
    name = _ascii_name(english_name)
    return name if name in justext.get_stoplists() else None


@cache
def stoplist(language: str) -> frozenset[str]:
    """The stop-words used for a page in ``language`` (the union of all lists if it has none)."""
    import justext

    name = stoplist_name(language)
    if name is not None:
        return frozenset(justext.get_stoplist(name))
    return frozenset().union(*(justext.get_stoplist(n) for n in justext.get_stoplists()))


class JusText(HtmlMainTextExtractor):
    name = "justext"
    distributions = ("justext", "lxml", "babel")
    modules = ("justext", "babel")

    def main_text(self, page: Page) -> str | None:
        import justext

        paragraphs = justext.justext(page.html, stoplist(page.language), **JUSTEXT_PARAMETERS)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)
