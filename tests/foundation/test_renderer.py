"""The pinned HTML-to-text renderer and its map back to HTML elements."""

from __future__ import annotations

from newsgold.render import render, render_text


def page(body: str, head: str = "<title>T</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_blocks_are_separated_by_one_blank_line():
    assert render_text(page("<h1>A</h1><div><p>B</p><p>C</p></div>")) == "A\n\nB\n\nC"


def test_head_scripts_styles_and_hidden_elements_produce_no_text():
    html = page("<script>var x=1</script><style>p{}</style><noscript>js</noscript>"
                "<template><p>t</p></template><p hidden>h</p><p>Kept</p>",
                head="<title>Title</title><meta name=x content=y>")
    assert render_text(html) == "Kept"


def test_inline_whitespace_collapses_and_br_breaks_lines():
    assert render_text(page("<p>  a \n\t b <b> c</b>  <br> d </p>")) == "a b c\nd"


def test_nbsp_is_kept_and_entities_decoded():
    assert render_text(page("<p>«&nbsp;Oui&nbsp;» &amp; non</p>")) == "«\u00a0Oui\u00a0» & non"


def test_pre_keeps_whitespace():
    assert render_text(page("<pre>a  b\n c</pre>")) == "a  b\n c"


def test_offsets_map_back_to_elements():
    r = render(page("<nav><a href='/'>Home</a></nav><article><p>Hello <em>world</em></p></article>"))
    assert r.text == "Home\n\nHello world"
    assert r.element_at(0) == "/html/body/nav/a"
    assert r.element_at(r.text.index("Hello")) == "/html/body/article/p"
    assert r.element_at(r.text.index("world")) == "/html/body/article/p/em"
    assert r.element_at(4) is None  # the blank line the renderer inserts


def test_rendering_is_deterministic():
    html = page("<div>x<p>y</p>z</div>" * 50)
    assert render_text(html) == render_text(html)
