"""The extractor registry: built-ins, module:attr, entry-point plug-ins, names and errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.fixtures import Paragraphs
from newsgold.cli import main
from newsgold.extractors.registry import DuplicateExtractorError, ExtractorContractError, \
    ExtractorRegistry, ExtractorUnavailableError, UnknownExtractorError, get_extractor

BUILTINS = {"paragraphs": "harness.fixtures:Paragraphs", "nothing": "harness.fixtures:Nothing"}

PLUGIN = """\
from newsgold.extractors.base import Extractor, Prediction

class {cls}(Extractor):
    name = "{name}"
    tasks = frozenset({{"entities"}})

    def version(self):
        return "{version}"

    def extract(self, page):
        return Prediction(page.id, entities=())
"""


def _distribution(site: Path, dist: str, version: str, entry_points: dict[str, str]) -> None:
    """An installed distribution: a module and its dist-info with ``newsgold.extractors``."""
    info = site / f"{dist}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    lines = "".join(f"{name} = {target}\n" for name, target in entry_points.items())
    (info / "entry_points.txt").write_text(f"[newsgold.extractors]\n{lines}")
    (site / f"{dist}.py").write_text(PLUGIN.format(cls="Plug", name=f"{dist}-plug",
                                                   version=version))


def test_unknown_names_suggest_close_ones() -> None:
    registry = ExtractorRegistry(BUILTINS, group=None)
    with pytest.raises(UnknownExtractorError, match="did you mean 'paragraphs'"):
        registry.create("paragraph")
    with pytest.raises(UnknownExtractorError,
                       match=r"unknown extractor 'zzz' \(known: nothing, paragraphs\)$"):
        registry.create("zzz")


def test_builtins_are_imported_only_when_asked_for(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "lazy_adapter.py").write_text(PLUGIN.format(cls="Lazy", name="lazy",
                                                            version="1"))
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = ExtractorRegistry({"lazy": "lazy_adapter:Lazy"}, group=None)
    assert registry.names() == ["lazy"] and "lazy_adapter" not in sys.modules
    extractor = registry.create("lazy")
    assert extractor.name == "lazy" and "lazy_adapter" in sys.modules
    monkeypatch.delitem(sys.modules, "lazy_adapter")


def test_module_attr_strings_classes_factories_and_instances(monkeypatch) -> None:
    registry = ExtractorRegistry({}, group=None)
    assert isinstance(registry.create("harness.fixtures:Paragraphs"), Paragraphs)
    registry.register("factory", lambda: Paragraphs())
    registry.register("instance", Paragraphs())
    assert isinstance(registry.create("factory"), Paragraphs)
    assert isinstance(registry.create("instance"), Paragraphs)
    with pytest.raises(UnknownExtractorError, match="no module 'harness.nowhere'"):
        registry.create("harness.nowhere:Thing")
    with pytest.raises(UnknownExtractorError, match="has no attribute 'Nowhere'"):
        registry.create("harness.fixtures:Nowhere")
    with pytest.raises(ExtractorContractError, match="cannot be called without arguments"):
        registry.create("harness.fixtures:paragraphs")  # a function of one argument
    with pytest.raises(ExtractorContractError, match="`tasks` must be a non-empty subset"):
        registry.create("harness.fixtures:NAMES")  # a tuple
    extractor, info = get_extractor("harness.fixtures:Paragraphs")
    assert isinstance(extractor, Paragraphs)
    assert (info.name, info.version, info.source) == ("test-paragraphs", "1.0",
                                                      "harness.fixtures:Paragraphs")


def test_a_missing_dependency_makes_an_extractor_unavailable(tmp_path: Path,
                                                             monkeypatch) -> None:
    (tmp_path / "needs_lib.py").write_text("import a_library_nobody_installed\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = ExtractorRegistry({"needy": "needs_lib:Thing", **BUILTINS}, group=None)
    with pytest.raises(ExtractorUnavailableError, match="a_library_nobody_installed"):
        registry.create("needy")
    rows = {row.name: row for row in registry.listing()}
    assert not rows["needy"].available and "a_library_nobody_installed" in rows["needy"].problem
    assert rows["paragraphs"].available and rows["paragraphs"].version == "1.0"
    assert rows["paragraphs"].where == "harness.fixtures:Paragraphs"
    assert rows["paragraphs"].origin == "built-in"


def test_entry_point_plugins_are_read_lazily_and_builtins_win(tmp_path: Path,
                                                              monkeypatch) -> None:
    registry = ExtractorRegistry(BUILTINS)  # built before the plug-in is installed
    _distribution(tmp_path, "ngplug", "1.2", {"plug": "ngplug:Plug",
                                              "paragraphs": "ngplug:Plug"})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(UserWarning, match="shadowed by the built-in"):
        names = registry.names()
    assert {"plug", "paragraphs", "nothing"} <= set(names)
    assert registry.entry("plug").origin == "plug-in (ngplug 1.2)"
    assert "ngplug" not in sys.modules
    plugin = registry.create("plug")
    assert (plugin.name, plugin.version()) == ("ngplug-plug", "1.2")
    assert isinstance(registry.create("paragraphs"), Paragraphs)  # the built-in
    monkeypatch.delitem(sys.modules, "ngplug")


def test_duplicate_names_raise(tmp_path: Path, monkeypatch) -> None:
    _distribution(tmp_path, "ngone", "1.0", {"twin": "ngone:Plug"})
    _distribution(tmp_path, "ngtwo", "2.0", {"twin": "ngtwo:Plug"})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(DuplicateExtractorError, match="'twin' is claimed by plug-in"):
        ExtractorRegistry({}).names()
    registry = ExtractorRegistry(BUILTINS, group=None)
    with pytest.raises(DuplicateExtractorError, match="'nothing' is already registered"):
        registry.register("nothing", Paragraphs)


def test_the_extractors_command_lists_names_origins_and_versions() -> None:
    result = CliRunner().invoke(main, ["extractors", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    from newsgold.extractors.builtin import BUILTINS as REAL

    assert {row["name"] for row in rows} >= set(REAL)
    for row in rows:
        assert set(row) == {"name", "where", "origin", "available", "version", "tasks", "input",
                            "problem"}
        assert row["available"] == (row["version"] is not None)
        if row["name"] in REAL:
            assert row["where"] == REAL[row["name"]] and row["origin"] == "built-in"


def test_a_duck_typed_object_is_an_extractor() -> None:
    class Duck:
        name, tasks, input = "duck", ("entities",), "text"

        def extract(self, page):
            raise NotImplementedError

    _, info = get_extractor(Duck())
    assert (info.name, info.version, info.tasks) == ("duck", "0", ("entities",))
    with pytest.raises(ExtractorContractError, match="`input` must be 'html' or 'text'"):
        get_extractor(type("Odd", (Duck,), {"input": "pdf"})())


def test_evaluate_takes_a_registered_name(monkeypatch) -> None:
    from harness.fixtures import make_documents
    from newsgold.extractors import registry as registry_module
    from newsgold.harness import evaluate

    monkeypatch.setattr(registry_module, "_DEFAULT", ExtractorRegistry(BUILTINS, group=None))
    result = evaluate("paragraphs", documents=make_documents(4), resamples=10, cache=False)
    assert (result.extractor.name, result.extractor.source) == ("test-paragraphs",
                                                                "harness.fixtures:Paragraphs")
    assert {p.status for p in result.pages} == {"ok"}
