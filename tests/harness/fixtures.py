"""Synthetic documents and small extractors for the harness tests (offsets found by search)."""

from __future__ import annotations

import ctypes
import os
import time
from dataclasses import replace
from pathlib import Path

from newsgold.extractors.base import Extractor, Page, Prediction
from newsgold.schema import LAYERS, Document, Entity, Segment

NAMES = ("Ana Ruiz", "Tom Berg", "Lena Vogt", "Omar Haddad", "Mia Chen", "Paul Weber")
SITES = ("alpha.example", "beta.example", "gamma.example")


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_document(i: int) -> Document:
    """Navigation, a title, two body paragraphs naming two people, a share line."""
    first, second = NAMES[i % len(NAMES)], NAMES[(i + 2) % len(NAMES)]
    nav = f"Home | World | Sport | Page {i}"
    title = f"Council votes on budget number {i}"
    body1 = (f"{first} said the council would publish the full budget for district {i} "
             "before the end of the month, after a long debate in the chamber.")
    body2 = (f"The opposition leader {second} called the plan rushed and asked for "
             f"another review of items {i} and {i + 1} next week.")
    share = "Share this article on social media"
    text = "\n\n".join((nav, title, body1, body2, share))
    segments = [Segment(*_find(text, nav), "navigation"), Segment(*_find(text, title), "title"),
                Segment(*_find(text, body1), "body"), Segment(*_find(text, body2), "body"),
                Segment(*_find(text, share), "share")]
    entities = [Entity(*_find(text, first), "PERSON"), Entity(*_find(text, second), "PERSON")]
    html = None if i % 3 == 2 else f"<html><body><p>{body1}</p><p>{body2}</p></body></html>"
    return Document(id=f"doc-{i:03d}", url=f"https://{SITES[i % 3]}/a/{i}", site=SITES[i % 3],
                    layout="liveblog" if i % 4 == 0 else "article",
                    language="de" if i % 5 == 0 else "en", published=None, title=title,
                    source="original", license="CC-BY-4.0", topic=None, text=text, html=html,
                    segments=tuple(sorted(segments)), entities=tuple(sorted(entities)),
                    annotated=frozenset(LAYERS))


def make_documents(n: int = 12, without_entities: tuple[int, ...] = ()) -> list[Document]:
    """``n`` documents; those at ``without_entities`` have no gold entity layer."""
    docs = [make_document(i) for i in range(n)]
    for i in without_entities:
        docs[i] = replace(docs[i], entities=(), annotated=frozenset(LAYERS) - {"entities"})
    return docs


def paragraphs(text: str) -> str:
    """The long paragraphs of a text (the synthetic body)."""
    return "\n\n".join(p for p in text.split("\n\n") if len(p) > 60)


class Paragraphs(Extractor):
    """A decent boilerplate remover and name finder for the synthetic pages."""

    name = "test-paragraphs"
    tasks = frozenset({"boilerplate", "entities"})

    def version(self) -> str:
        return "1.0"

    def extract(self, page: Page) -> Prediction:
        entities = []
        for name in NAMES:
            start = page.text.find(name)
            if start >= 0:
                entities.append(Entity(start, start + len(name), "PERSON"))
        return Prediction(page.id, main_text=paragraphs(page.text), entities=tuple(entities))


class Nothing(Extractor):
    """Finds nothing at all."""

    name = "test-nothing"
    tasks = frozenset({"boilerplate", "entities"})

    def extract(self, page: Page) -> Prediction:
        return Prediction(page.id, main_text="", entities=())


class Counting(Paragraphs):
    """``Paragraphs`` that appends each page id it is called on to a file."""

    name = "test-counting"

    def __init__(self, calls: Path, version: str = "1.0") -> None:
        self.calls, self._version = Path(calls), version

    def version(self) -> str:
        return self._version

    def extract(self, page: Page) -> Prediction:
        with self.calls.open("a", encoding="utf-8") as fh:
            fh.write(page.id + "\n")
        return super().extract(page)


def calls(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split() if path.exists() else []


class Misbehaving(Paragraphs):
    """Fails in a different way on chosen pages: ``faults`` maps page id to a fault."""

    name = "test-misbehaving"

    def __init__(self, faults: dict[str, str]) -> None:
        self.faults = faults

    def extract(self, page: Page):
        fault = self.faults.get(page.id)
        if fault == "raise":
            raise RuntimeError(f"cannot parse {page.id}")
        if fault == "hang":
            time.sleep(3600)
        if fault == "exit":
            os._exit(7)
        if fault == "segfault":
            ctypes.string_at(0)
        if fault == "wrong-type":
            return {"main_text": "not a Prediction"}
        if fault == "out-of-range":
            return Prediction(page.id, main_text="", entities=(Entity(0, 10**6, "PERSON"),))
        if fault == "unpicklable":
            class Local(str):
                """A str the parent process cannot unpickle."""

            return Prediction(page.id, main_text=Local("text"), entities=())
        if fault == "bad-label":
            return Prediction(page.id, main_text="", entities=(Entity(0, 4, "PERSONA"),))
        return super().extract(page)


class HtmlReader(Paragraphs):
    """Reads HTML: not applicable to pages without it; records its calls."""

    name = "test-html"
    tasks = frozenset({"boilerplate"})
    input = "html"

    def __init__(self, calls: Path) -> None:
        self.calls = Path(calls)

    def extract(self, page: Page) -> Prediction:
        assert page.html is not None
        with self.calls.open("a", encoding="utf-8") as fh:
            fh.write(page.id + "\n")
        return Prediction(page.id, main_text=paragraphs(page.text))


class Segmenter(Extractor):
    """Predicts typed segments (span form): long paragraphs are body, the rest navigation."""

    name = "test-segmenter"
    tasks = frozenset({"boilerplate"})

    def extract(self, page: Page) -> Prediction:
        segments, start = [], 0
        for part in page.text.split("\n\n"):
            kind = "body" if len(part) > 60 else "navigation"
            segments.append(Segment(start, start + len(part), kind))
            start += len(part) + 2
        return Prediction(page.id, segments=tuple(segments))
