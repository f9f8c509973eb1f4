"""The built-in table: every name resolves to an adapter that declares the contract."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsgold.extractors.base import TASKS, Extractor
from newsgold.extractors.builtin import BUILTINS
from newsgold.extractors.registry import import_target

HTML_MAIN_TEXT = {"trafilatura", "readability", "justext", "boilerpy3", "goose3", "newspaper4k",
                  "inscriptis", "html-text", "resiliparse", "html2text", "readabilipy"}
TEXT_SEGMENTS = {"baseline-lines", "baseline-everything", "baseline-nothing"}
ENTITIES = {"spacy-sm", "gazetteer"}
QUOTES = {"quotes-typography", "textacy"}


def test_every_adapter_of_the_brief_is_built_in():
    assert set(BUILTINS) == HTML_MAIN_TEXT | TEXT_SEGMENTS | ENTITIES | QUOTES


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_adapter_declares_the_contract(name):
    cls = import_target(BUILTINS[name])
    assert issubclass(cls, Extractor)
    assert cls.name == name == name.lower()
    assert cls.tasks <= set(TASKS) and cls.tasks
    expected_task = ("boilerplate" if name in HTML_MAIN_TEXT | TEXT_SEGMENTS
                     else "entities" if name in ENTITIES else "quotes")
    assert cls.tasks == {expected_task}
    assert cls.input == ("html" if name in HTML_MAIN_TEXT else "text")
    assert "extractors" in cls.install_hint()


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_available_adapters_name_their_library_version(name):
    cls = import_target(BUILTINS[name])
    if not cls.is_available():
        pytest.skip(f"{name}: the extractors extra is not installed")
    version = cls().version()
    assert version and version[0].isalnum() and " " not in version


def test_listing_the_built_ins_imports_no_extraction_library():
    code = ("import sys\n"
            "from newsgold.extractors.registry import ExtractorRegistry\n"
            "from newsgold.extractors.builtin import BUILTINS\n"
            "rows = ExtractorRegistry(BUILTINS, group=None).listing()\n"
            "assert len(rows) == len(BUILTINS), rows\n"
            "heavy = {'trafilatura', 'readability', 'justext', 'boilerpy3', 'goose3',\n"
            "         'newspaper', 'inscriptis', 'html_text', 'resiliparse', 'html2text',\n"
            "         'readabilipy',\n"
            "         'spacy', 'textacy', 'nltk'}\n"
            "print(sorted(heavy & set(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
