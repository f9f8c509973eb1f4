"""A small corpus built from real gold pages, and a headless Chromium driven by playwright.

Chromium is Debian's (/usr/bin/chromium, installed by scripts/install-browser.sh when missing);
playwright never downloads a browser. If Chromium cannot be started the tests fail: CI has it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support.corpus import copy_annotations

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: Real pages of several sites, languages and layouts, and the seed page (no HTML).
PAGES = ("broadcaster-ashcombe-footbridge-vote", "latestly-russia-china-2023-06-25",
         "wire-de-leipzig-klangmuseum-2026-03-14", "press-lumenval-irm-orion-rivemont",
         "photo-valdecastro-granizada-vinedos", "liveblog-caldmouth-port-strike",
         "court-kingsmere-athletic-treasurer", "tabloid-lotto-syndicate-court-2026-11-26",
         "paywall-brandt-werft-rettung")


def small_annotations(root: Path, pages=PAGES) -> Path:
    """An annotations folder holding only ``pages`` (gold text and page HTML)."""
    return copy_annotations(root, pages)


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pages of ``PAGES`` built into a temporary corpus."""
    from newsgold.build import build

    root = tmp_path_factory.mktemp("view-corpus")
    out = root / "corpus"
    build(small_annotations(root), out)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under playwright; installs it with the repository script if missing."""
    if not CHROMIUM.exists():
        subprocess.run(["bash", str(REPO / "scripts" / "install-browser.sh")], check=False)
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing and scripts/install-browser.sh could not install it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.fail(f"playwright is not installed (pip install -e '.[view]'): {exc}")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                  args=CHROMIUM_ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure fails the test
            pytest.fail(f"chromium could not be started: {exc}")
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    """A fresh browser tab; fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
