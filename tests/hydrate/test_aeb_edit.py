"""Editing the benchmark pages' standoff annotations as marked text: export, edit, import."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsgold.aeb_edit import EditError, export_pages, import_pages
from newsgold.markup import parse

REPO = Path(__file__).resolve().parents[2]
PAGE = "aeb-042bb7b5feda"


@pytest.fixture(scope="module")
def aeb_root() -> Path:
    root = REPO.parent / "shared" / "external" / "aeb"
    if not root.is_dir():
        pytest.skip("../shared/external/aeb is not present")
    return root


@pytest.fixture
def annotations(tmp_path: Path) -> Path:
    folder = tmp_path / "aeb"
    folder.mkdir()
    for path in sorted((REPO / "annotations" / "aeb").glob("*.json"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def _export(annotations: Path, aeb_root: Path, tmp_path: Path, blank: bool = False) -> Path:
    page = sorted(annotations.glob("*.json"))[0].stem
    [edited] = export_pages(annotations, aeb_root, tmp_path / "work", {page}, start_blank=blank)
    return edited


def _first_body_word(marked: str) -> re.Match:
    return re.search(r'<ng-seg k="body">(\w+)', marked)


def test_an_unedited_export_imports_byte_identical(annotations: Path, aeb_root: Path, tmp_path: Path):
    edited = _export(annotations, aeb_root, tmp_path)
    target = annotations / f"{edited.stem}.json"
    before = target.read_bytes()
    [result] = import_pages([edited], annotations, aeb_root)
    assert result.path == target and result.before == result.after
    assert target.read_bytes() == before


def test_an_added_entity_reaches_the_standoff_file(annotations: Path, aeb_root: Path, tmp_path: Path):
    edited = _export(annotations, aeb_root, tmp_path, blank=True)  # no entities yet
    marked = edited.read_text(encoding="utf-8")
    word = _first_body_word(marked)
    edited.write_text(marked[:word.start(1)] + f'<ng-ent t="ORG">{word[1]}</ng-ent>'
                      + marked[word.end(1):], encoding="utf-8")
    [result] = import_pages([edited], annotations, aeb_root)
    assert result.after["entities"] == 1
    doc = parse(export_pages(annotations, aeb_root, tmp_path / "again", {edited.stem})[0]
                .read_text(encoding="utf-8"))
    assert [doc.text[e.start:e.end] for e in doc.entities] == [word[1]]


def test_changed_text_is_refused_naming_the_offset(annotations: Path, aeb_root: Path, tmp_path: Path):
    edited = _export(annotations, aeb_root, tmp_path)
    target = annotations / f"{edited.stem}.json"
    before = target.read_bytes()
    marked = edited.read_text(encoding="utf-8")
    word = _first_body_word(marked)
    edited.write_text(marked[:word.start(1)] + "X" + marked[word.start(1):], encoding="utf-8")
    with pytest.raises(EditError, match=rf"{edited.stem}: the text without tags differs from the "
                                        r"page at offset \d+"):
        import_pages([edited], annotations, aeb_root)
    assert target.read_bytes() == before


def test_one_bad_file_means_nothing_is_written(annotations: Path, aeb_root: Path, tmp_path: Path):
    pages = {p.stem for p in annotations.glob("*.json")}
    good, bad = export_pages(annotations, aeb_root, tmp_path / "work", set(sorted(pages)[:2]),
                             start_blank=True)
    word = _first_body_word(good.read_text(encoding="utf-8"))
    good.write_text(good.read_text(encoding="utf-8").replace(
        word[0], f'<ng-seg k="body"><ng-ent t="ORG">{word[1]}</ng-ent>', 1), encoding="utf-8")
    marked = bad.read_text(encoding="utf-8")
    boilerplate = re.search(r'<ng-seg k="other">(\w+)', marked)
    bad.write_text(marked[:boilerplate.start(1)] + f'<ng-ent t="ORG">{boilerplate[1]}</ng-ent>'
                   + marked[boilerplate.end(1):], encoding="utf-8")
    before = {p.name: p.read_bytes() for p in annotations.glob("*.json")}
    with pytest.raises(EditError, match=rf"1 problem\(s\); nothing written:\n.*{bad.name}.*"
                                        r"content"):
        import_pages([good, bad], annotations, aeb_root)
    assert {p.name: p.read_bytes() for p in annotations.glob("*.json")} == before


def test_a_blank_second_pass_starts_from_the_body_and_lands_in_its_own_folder(
        annotations: Path, aeb_root: Path, tmp_path: Path):
    edited = _export(annotations, aeb_root, tmp_path, blank=True)
    doc = parse(edited.read_text(encoding="utf-8"))
    first = parse(export_pages(annotations, aeb_root, tmp_path / "first", {edited.stem})[0]
                  .read_text(encoding="utf-8"))
    assert {s.kind for s in doc.segments} == {"body", "other"}
    assert [s for s in doc.segments if s.kind == "body"] == \
        [s for s in first.segments if s.kind == "body"]
    assert doc.entities == () and doc.quotes == () and doc.content_text("body") == first.content_text("body")
    reference = (annotations / f"{edited.stem}.json").read_bytes()
    [result] = import_pages([edited], annotations, aeb_root, annotations / "second-pass")
    assert result.path == annotations / "second-pass" / f"{edited.stem}.json"
    assert result.before == {} and (annotations / f"{edited.stem}.json").read_bytes() == reference


def test_an_unknown_page_is_refused(annotations: Path, aeb_root: Path, tmp_path: Path):
    edited = _export(annotations, aeb_root, tmp_path)
    renamed = edited.read_text(encoding="utf-8").replace(f"id: {edited.stem}", "id: aeb-000000000000", 1)
    edited.write_text(renamed, encoding="utf-8")
    with pytest.raises(EditError, match="aeb-000000000000 has no annotation file"):
        import_pages([edited], annotations, aeb_root)
