"""``newsgold pages add``: saved HTML files and WARC records become un-annotated documents."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgold.render import render
from newsgold.sources import read_sources
from newsgold.validate import check_corpus

from annotate_testdata import snapshot

ARTICLE = """<!doctype html>
<html lang="en-gb"><head><title>Ignored title | Site</title>
<meta property="og:title" content="Harbour  bridge reopens">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://www.harbour-news.example/local/bridge-reopens.html">
</head><body><nav>Home | Local</nav>
<article><h1>Harbour bridge reopens</h1><p>The bridge reopened on Tuesday, the council said.</p>
</article><footer>© Harbour News</footer></body></html>"""

NO_LANGUAGE = """<html><head><title>Kein Titel</title>
<meta property="og:url" content="https://zeitung.example/artikel/brücke">
</head><body><p>Die Brücke ist wieder offen.</p></body></html>"""

LATIN1 = ('<html lang="fr"><head><meta charset="windows-1252"><title>Caf\xe9</title>'
          '<link rel="canonical" href="https://journal.example/cafe"></head>'
          '<body><p>Le caf\xe9 \u2013 enfin rouvert.</p></body></html>').encode("cp1252")


def _warc(path, records):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))


def _pages(tmp_path):
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "bridge.html").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "brucke.htm").write_text(NO_LANGUAGE, encoding="utf-8")
    (folder / "cafe.html").write_bytes(LATIN1)
    (folder / "notes.txt").write_text("not a page")
    _warc(folder / "crawl.warc.gz", [
        ("https://wire.example/world/summit-ends", "200 OK", "text/html; charset=utf-8",
         '<html lang="en"><body><h1>Summit ends</h1><p>Leaders left Geneva.</p></body></html>'
         .encode()),
        ("https://wire.example/missing", "404 Not Found", "text/html", b"<p>Not found</p>"),
        ("https://wire.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
    ])
    return folder


def test_pages_become_unannotated_valid_documents(cli, tmp_path):
    annotations = tmp_path / "annotations"
    folder = _pages(tmp_path)
    result = cli("pages", "add", folder, "--annotations", annotations, "--language", "de",
                 "--layout", "article")
    assert result.exit_code == 0, result.output
    assert "4 pages added, 1 skipped, 0 failed" in result.output
    assert "record https://wire.example/missing: HTTP status 404, skipped" in result.output

    files, errors = read_sources(annotations)
    assert errors == [] and list(check_corpus(files)) == []
    docs = {f.document.url: f.document for f in files}
    assert set(docs) == {"https://www.harbour-news.example/local/bridge-reopens.html",
                         "https://zeitung.example/artikel/brücke", "https://journal.example/cafe",
                         "https://wire.example/world/summit-ends"}
    for doc in docs.values():
        assert doc.annotated == frozenset() and not (doc.segments or doc.entities or doc.quotes)
        assert doc.text == render(doc.html).text
        assert (annotations / "html" / f"{doc.id}.html").read_text(encoding="utf-8") == doc.html
        assert doc.source == "added" and doc.layout == "article"
    bridge = docs["https://www.harbour-news.example/local/bridge-reopens.html"]
    assert (bridge.id, bridge.site, bridge.language, bridge.published, bridge.title) == \
        ("harbour-news-bridge-reopens", "harbour-news.example", "en-GB", "2024-03-05",
         "Harbour bridge reopens")
    assert docs["https://zeitung.example/artikel/brücke"].language == "de"
    assert "Le café – enfin rouvert." in docs["https://journal.example/cafe"].text
    assert "\nannotated: []\n" in (annotations / "gold" / f"{bridge.id}.txt").read_text()


def test_adding_again_changes_nothing_and_a_missing_language_fails(cli, tmp_path):
    annotations = tmp_path / "annotations"
    folder = _pages(tmp_path)
    assert cli("pages", "add", folder, "--annotations", annotations,
               "--language", "de").exit_code == 0
    before = snapshot(annotations)
    again = cli("pages", "add", folder, "--annotations", annotations, "--language", "de")
    assert again.exit_code == 0
    assert "0 pages added, 5 skipped" in again.output
    assert snapshot(annotations) == before

    failed = cli("pages", "add", folder / "sub" / "brucke.htm", "--annotations",
                 tmp_path / "other")
    assert failed.exit_code == 1
    assert "brucke.htm: the page declares no language; pass --language" in failed.output


def test_same_id_for_another_page_gets_a_suffix(cli, tmp_path):
    annotations = tmp_path / "annotations"
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("Tuesday", "Wednesday")
                      .replace("local/bridge", "archive/bridge"), encoding="utf-8")
    result = cli("pages", "add", first, second, "--annotations", annotations)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (annotations / "gold").iterdir()) == \
        ["harbour-news-bridge-reopens-2.txt", "harbour-news-bridge-reopens.txt"]
