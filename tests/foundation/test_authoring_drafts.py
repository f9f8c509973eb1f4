"""Compiling annotated HTML drafts: markers stripped, offsets computed, text unchanged."""

from __future__ import annotations

import pytest

from newsgold.authoring import compile_draft
from newsgold.markup import MarkupError, parse
from newsgold.render import render_text

FRONT = ("---\nid: draft-test\nurl: https://x.example/a\nsite: x.example\nlayout: test\n"
         "language: en\npublished: '2026-01-01'\ntitle: T\nsource: original\n"
         "license: CC-BY-4.0\ntopic: local\n---\n")
HTML = """<!DOCTYPE html><html><head><title>T</title><script>x()</script></head><body>
<nav data-seg="navigation"><a href="/">Home</a> <a href="/b">News</a></nav>
<article><h1 data-seg="title">Bridge in <ng-ent t="GPE">Dunmore</ng-ent> opens</h1>
<div data-seg="body"><p>“<ng-q g="a" k="direct">It is done,</ng-q>” <ng-sp g="a" name="Ana Ruiz"><ng-ent t="PERSON">Ana Ruiz</ng-ent></ng-sp> <ng-cue g="a">said</ng-cue>. <ng-seg k="promo">Get our app.</ng-seg></p>
<p class="also" data-seg="related">Also Read | Dam closes</p></div></article>
<footer data-seg="footer">© News</footer></body></html>
"""


def test_draft_compiles_to_clean_page_and_gold():
    page, gold = compile_draft(FRONT + HTML, "draft.html")
    assert "ng-" not in page and "data-seg" not in page
    doc = parse(gold, "gold", html=page)
    assert doc.text == render_text(page)
    spans = {(doc.text[s.start:s.end], s.kind) for s in doc.segments}
    assert spans == {("Home News", "navigation"), ("Bridge in Dunmore opens", "title"),
                     ("“It is done,” Ana Ruiz said.", "body"), ("Get our app.", "promo"),
                     ("Also Read | Dam closes", "related"), ("© News", "footer")}
    (q,) = doc.quotes
    assert doc.text[q.start:q.end] == "It is done,"
    assert (q.speaker_name, q.group) == ("Ana Ruiz", "1")
    assert doc.text[q.cue.start:q.cue.end] == "said"


def test_text_outside_every_segment_is_an_error():
    html = HTML.replace('<footer data-seg="footer">', "<footer>")
    with pytest.raises(MarkupError, match="in no segment"):
        compile_draft(FRONT + html, "draft.html")
