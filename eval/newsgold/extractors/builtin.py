"""Built-in extractor adapters, by name, as lazy "module:attr" strings.

Listing them imports nothing heavy: every adapter imports its library inside ``extract``.
"""

_PKG = "newsgold.extractors"

BUILTINS: dict[str, str] = {
    # Main content from HTML (main_text).
    "trafilatura": f"{_PKG}.trafilatura_adapter:Trafilatura",
    "readability": f"{_PKG}.readability_adapter:Readability",
    "justext": f"{_PKG}.justext_adapter:JusText",
    "boilerpy3": f"{_PKG}.boilerpy3_adapter:BoilerPy3",
    "goose3": f"{_PKG}.goose3_adapter:Goose3",
    "newspaper4k": f"{_PKG}.newspaper_adapter:Newspaper4k",
    "resiliparse": f"{_PKG}.resiliparse_adapter:Resiliparse",
    "readabilipy": f"{_PKG}.readabilipy_adapter:ReadabiliPy",
    # Whole-page HTML-to-text converters (no boilerplate removal; low-end calibration).
    "inscriptis": f"{_PKG}.inscriptis_adapter:Inscriptis",
    "html-text": f"{_PKG}.html_text_adapter:HtmlText",
    "html2text": f"{_PKG}.html2text_adapter:Html2Text",
    # Boilerplate segments over the page text (also on pages without HTML).
    "baseline-lines": f"{_PKG}.baselines:LineBaseline",
    "baseline-everything": f"{_PKG}.baselines:EverythingBaseline",
    "baseline-nothing": f"{_PKG}.baselines:NothingBaseline",
    # Named entities.
    "spacy-sm": f"{_PKG}.spacy_adapter:SpacyEntities",
    "gazetteer": f"{_PKG}.gazetteer:GazetteerEntities",
    # Quotes.
    "quotes-typography": f"{_PKG}.quote_baseline:TypographyQuotes",
    "textacy": f"{_PKG}.textacy_adapter:TextacyQuotes",
}
