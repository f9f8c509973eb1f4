"""Small extractors for the leaderboard tests, importable as ``leaderboard.lb_extractors:NAME``."""

from __future__ import annotations

import os
from pathlib import Path

from newsgold.extractors.base import Extractor, Page, Prediction

#: When set, every ``extract`` call appends the page id to this file (calls made in any process).
CALLS_ENV = "NEWSGOLD_TEST_LEADERBOARD_CALLS"


def record_call(page: Page) -> None:
    path = os.environ.get(CALLS_ENV)
    if path:
        with Path(path).open("a", encoding="utf-8") as fh:
            fh.write(page.id + "\n")


class FailsOnGerman(Extractor):
    """Keeps the page's long paragraphs as the article; raises on German pages."""

    name = "test-fails-on-german"
    tasks = frozenset({"boilerplate"})

    def version(self) -> str:
        return "1"

    def extract(self, page: Page) -> Prediction:
        record_call(page)
        if page.language == "de":
            raise RuntimeError(f"cannot read German page {page.id}")
        text = "\n\n".join(p for p in page.text.split("\n\n") if len(p) > 200)
        return Prediction(page.id, main_text=text)


class RejectsCorpus(Extractor):
    """Refuses the whole split before any page runs (as a predictions file for another corpus
    does), so its run fails."""

    name = "test-rejects-corpus"
    tasks = frozenset({"boilerplate"})

    def check_ids(self, ids) -> None:
        raise ValueError("these predictions are for another corpus")

    def extract(self, page: Page) -> Prediction:
        return Prediction(page.id, main_text="")


class NotInstalled(Extractor):
    """An extractor whose library is missing."""

    name = "test-not-installed"
    tasks = frozenset({"entities"})

    @classmethod
    def is_available(cls) -> bool:
        return False

    @classmethod
    def install_hint(cls) -> str:
        return "pip install a-library-that-is-not-here"

    def extract(self, page: Page) -> Prediction:
        raise AssertionError("never called")
