"""A corpus of five real gold pages (four in the test split: English without HTML, German,
French, Spanish), built into a temporary folder once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.lb_corpus import REPO, copy_annotations

SHARED = REPO / ".." / "shared"


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgold.build import build

    root = tmp_path_factory.mktemp("leaderboard-corpus")
    build(copy_annotations(root), root / "corpus")
    return root / "corpus"


@pytest.fixture(scope="session")
def aeb_source() -> Path:
    """The public article-extraction-benchmark copy in ../shared; skips when absent."""
    path = SHARED / "external" / "aeb"
    if not path.is_dir():
        pytest.skip("../shared/external/aeb is not present")
    return path
