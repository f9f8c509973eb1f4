"""The HTML adapters on real library calls: article text in, page furniture out."""

from __future__ import annotations

import pytest

from newsgold.extractors.builtin import BUILTINS
from newsgold.extractors.registry import import_target
from newsgold.extractors.wire import check_prediction

#: Library warnings that are not ours to fix: ReadabiliPy 0.3.0 calls a deprecated BeautifulSoup
#: method; newspaper4k warns at import when NLTK (optional, unused here) is absent.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Call to deprecated method findAll:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:nltk is not installed:UserWarning"),
]

#: Main-content extractors: the body stays, the footer goes.
EXTRACTORS = ["trafilatura", "readability", "justext", "boilerpy3", "goose3", "newspaper4k",
              "resiliparse"]
#: Whole-page converters (and ReadabiliPy's Python mode, which only simplifies): keep everything.
CONVERTERS = ["inscriptis", "html-text", "html2text", "readabilipy"]

FIRST_BODY_SENTENCE = {
    "coastal-courier-flood-barrier": "Councillors in Port Elling voted on Tuesday",
    "rheinblatt-strassenbahn": "Nach jahrelangem Streit hat der Stadtrat",
    "wirewatch-port-strike": "Dock workers at the port of Rotterdam returned to work",
}
LAST_BODY_SENTENCE = {
    "coastal-courier-flood-barrier": "We just want to know that it will not happen again",
    "rheinblatt-strassenbahn": "teilte ein Sprecher des Unternehmens mit",
    "wirewatch-port-strike": "cost the Dutch economy about 40 million euros",
}
FOOTER = {
    "coastal-courier-flood-barrier": "All rights reserved",
    "rheinblatt-strassenbahn": "Rheinblatt Verlag GmbH",
    "wirewatch-port-strike": "All rights reserved",
}


def adapter(name: str):
    cls = import_target(BUILTINS[name])
    if not cls.is_available():
        pytest.skip(f"{name}: the extractors extra is not installed")
    return cls()


def squeeze(text: str) -> str:
    """Whitespace-normalised text (html2text wraps lines)."""
    return " ".join(text.split())


@pytest.mark.parametrize("stem", sorted(FIRST_BODY_SENTENCE))
@pytest.mark.parametrize("name", EXTRACTORS)
def test_extractor_keeps_the_story_and_drops_the_footer(name, stem, html_pages, network_attempts):
    page = html_pages[stem]
    pred = check_prediction(adapter(name).extract(page), page, {"boilerplate"})
    assert pred.segments is None and pred.entities is None and pred.quotes is None
    text = squeeze(pred.main_text)
    assert FIRST_BODY_SENTENCE[stem] in text
    assert LAST_BODY_SENTENCE[stem] in text
    assert FOOTER[stem] not in text
    assert network_attempts == []


@pytest.mark.parametrize("name", CONVERTERS)
def test_converter_keeps_the_whole_page(name, html_pages, network_attempts):
    page = html_pages["coastal-courier-flood-barrier"]
    text = squeeze(adapter(name).extract(page).main_text)
    assert "Councillors in Port Elling voted on Tuesday" in text
    assert "All rights reserved" in text
    assert network_attempts == []


@pytest.mark.parametrize("name", EXTRACTORS + CONVERTERS)
def test_html_adapter_refuses_a_page_without_html(name, seed_page):
    with pytest.raises(ValueError, match=f"{seed_page.id}.*no HTML"):
        adapter(name).extract(seed_page)


def test_justext_picks_the_stoplist_of_the_page_language():
    justext_adapter = pytest.importorskip("newsgold.extractors.justext_adapter")
    pytest.importorskip("justext")
    assert justext_adapter.stoplist_name("de") == "German"
    assert justext_adapter.stoplist_name("pt-BR") == "Portuguese"
    assert justext_adapter.stoplist_name("nb") == "Norwegian_Bokmal"
    assert justext_adapter.stoplist_name("zz") is None
    union = justext_adapter.stoplist("zz")
    assert justext_adapter.stoplist("en") < union and justext_adapter.stoplist("de") < union


def test_justext_on_an_unknown_language_uses_the_union_of_stoplists(html_pages):
    page = html_pages["rheinblatt-strassenbahn"]
    unknown = type(page)(page.id, page.url, "und", page.text, page.html)
    text = adapter("justext").extract(unknown).main_text
    assert FIRST_BODY_SENTENCE[page.id] in text
