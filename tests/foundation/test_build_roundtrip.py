"""Sources -> build -> load_dataset round trip, determinism, staleness and the cache guard."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from newsgold.build import BuildError, build, stale_files
from newsgold.corpus import load_corpus, load_documents
from newsgold.markup import serialize
from newsgold.records import features
from newsgold.sources import read_sources

from support.docs import good_document

REPO = Path(__file__).resolve().parents[2]


def make_annotations(root: Path, n_extra: int) -> Path:
    """A private annotations folder: the real sources plus n_extra small documents."""
    ann = root / "annotations"
    shutil.copytree(REPO / "annotations", ann)
    for i in range(n_extra):
        doc = good_document(id=f"test-doc-{i}", layout=f"layout-{i % 2}")
        (ann / "gold" / f"{doc.id}.txt").write_text(serialize(doc), encoding="utf-8")
    return ann


@pytest.fixture()
def annotations(tmp_path: Path) -> Path:
    return make_annotations(tmp_path, 6)


def test_round_trip_preserves_every_span_and_feature(annotations: Path, tmp_path: Path):
    out = tmp_path / "corpus"
    result = build(annotations, out)
    data = load_corpus(out)
    assert set(data) == {"dev", "test"}
    for split in data.values():
        assert split.features == features()
    files, _ = read_sources(annotations)
    expected = {f.document.id: f.document for f in files}
    loaded = load_documents(path=out)
    assert result.documents == len(loaded) == len(expected)
    for doc in loaded:
        source = expected[doc.id]
        assert doc == replace(source, annotated=doc.annotated)
        assert doc.annotated == source.annotated


def test_same_sources_give_byte_identical_output(annotations: Path, tmp_path: Path):
    a, b = tmp_path / "a" / "corpus", tmp_path / "b" / "corpus"
    a.parent.mkdir()
    b.parent.mkdir()
    build(annotations, a)
    build(annotations, b)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_rebuild_is_never_served_stale_from_the_cache(tmp_path: Path):
    ann = make_annotations(tmp_path, 6)
    out = tmp_path / "corpus"
    build(ann, out)
    before = sum(len(s) for s in load_corpus(out).values())
    doc = good_document(id="test-doc-late")
    (ann / "gold" / f"{doc.id}.txt").write_text(serialize(doc), encoding="utf-8")
    build(ann, out)
    assert sum(len(s) for s in load_corpus(out).values()) == before + 1


def test_invalid_sources_write_nothing(annotations: Path, tmp_path: Path):
    bad = good_document(id="test-doc-bad", entities=())
    bad = replace(bad, segments=bad.segments[:1])  # leaves text uncovered
    (annotations / "gold" / "test-doc-bad.txt").write_text(serialize(bad), encoding="utf-8")
    out = tmp_path / "corpus"
    with pytest.raises(BuildError, match="segment-coverage"):
        build(annotations, out)
    assert not out.exists()


def test_committed_corpus_is_up_to_date():
    stale = stale_files(REPO / "annotations", REPO / "corpus")
    assert stale == [], f"corpus/ is stale ({stale}); run `newsgold build`"
