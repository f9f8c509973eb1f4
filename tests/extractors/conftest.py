"""Pages the built-in adapters run on, and a guard that records any network use.

The pages are the seed (real text, no HTML) and small news pages written for these tests (in
``pages/``: an article with navigation, cookie banner, share bar, related links, newsletter and
footer; a German regional story; a wire-aggregator page with "Also Read |" teasers).
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from newsgold.extractors.base import Page
from newsgold.markup import parse
from newsgold.render import render_text

REPO = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
SEED_ID = "latestly-russia-china-2023-06-25"

#: file stem -> (url, language)
HTML_PAGES = {
    "coastal-courier-flood-barrier": ("https://coastal.example/news/2025/flood-barrier", "en"),
    "rheinblatt-strassenbahn": ("https://rheinblatt.example/lokales/strassenbahn", "de"),
    "wirewatch-port-strike": ("https://wirewatch.example/business/port-strike", "en"),
}


def html_page(stem: str) -> Page:
    url, language = HTML_PAGES[stem]
    html = (PAGES / f"{stem}.html").read_text(encoding="utf-8")
    return Page(id=stem, url=url, language=language, text=render_text(html), html=html)


@pytest.fixture(scope="session")
def seed_doc():
    path = REPO / "annotations" / "gold" / f"{SEED_ID}.txt"
    return parse(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(scope="session")
def seed_page(seed_doc) -> Page:
    return Page(seed_doc.id, seed_doc.url, seed_doc.language, seed_doc.text, None)


@pytest.fixture(scope="session")
def html_pages() -> dict[str, Page]:
    return {stem: html_page(stem) for stem in HTML_PAGES}


@pytest.fixture(scope="session")
def all_pages(seed_page, html_pages) -> list[Page]:
    return [seed_page, *html_pages.values()]


@pytest.fixture
def network_attempts(monkeypatch) -> list:
    """Make every connect and name lookup fail, and record it (the test asserts it stays empty)."""
    attempts: list = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append((what, args[1:] if what == "connect" else args[:2]))
            raise OSError(f"network use in a test: {what} {args!r}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    return attempts
