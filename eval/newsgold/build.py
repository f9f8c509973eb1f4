"""Compile the gold sources in ``annotations/`` into the Hugging Face dataset in ``corpus/``.

Same sources give byte-identical output. The card records the content hash of the rows, so a
rebuild with different data always changes the README, which is what the ``datasets`` cache key
covers (a rebuild can never be served stale from the cache).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .atomic import write_bytes
from .records import content_hash, features, to_row
from .render import RENDERER_VERSION
from .schema import SCHEMA_VERSION, SPLITS, Document
from .sources import SourceFile, read_sources
from .splits import assign_splits
from .stats import corpus_stats, markdown_tables
from .validate import check_corpus

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")


HYDRATED = "aeb"  # corpus/aeb/ is written by `newsgold hydrate aeb`, never committed


class BuildError(Exception):
    """The sources do not validate; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the gold sources:\n" + "\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    documents: int
    content_sha256: str
    version: str
    files: tuple[str, ...]


def load_meta(annotations: Path) -> dict:
    """The corpus metadata (name, version, licence, card prose) from ``annotations/corpus.yaml``."""
    return yaml.safe_load((annotations / "corpus.yaml").read_text(encoding="utf-8"))


def parquet_bytes(rows: list[dict]) -> tuple[bytes, int]:
    """One split as Parquet (features embedded in the schema metadata), and its Arrow size."""
    from datasets import Dataset

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "split.parquet"
        feats = features()
        columns = {name: [row[name] for row in rows] for name in feats}
        dataset = Dataset.from_dict(columns, features=feats)
        dataset.to_parquet(str(path))
        return path.read_bytes(), dataset.data.nbytes


def _card_yaml(meta: dict, split_rows: dict[str, list[dict]], sizes: dict[str, int],
               digest: str, aeb_digest: str) -> str:
    info = {
        "config_name": "default",
        "features": features()._to_yaml_list(),
        "splits": [{"name": s, "num_bytes": sizes[s], "num_examples": len(rows)}
                   for s, rows in split_rows.items()],
    }
    header = {
        "pretty_name": meta["pretty_name"],
        "license": meta["license_id"],
        "language": sorted({r["language"].split("-")[0] for rows in split_rows.values()
                            for r in rows}),
        # Language-model agents annotated every page and wrote the original pages (see the card).
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found", "machine-generated"],
        "multilinguality": "multilingual",
        "size_categories": ["n<1K"],
        "source_datasets": ["original"],
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["news", "boilerplate-removal", "main-content-extraction",
                 "quotation-attribution", "named-entity-recognition"],
        # Each config's description names the data it holds: `datasets` keys its cache on the
        # config entries, not on the data files, so a rebuild must change them.
        "configs": [{
            "config_name": "default",
            "default": True,
            "version": meta["version"],
            "description": f"newsgold {meta['version']}, content sha256 {digest}",
            "data_files": [{"split": s, "path": f"data/{s}-*"} for s in split_rows],
        }, {
            # Real pages annotated in annotations/aeb/, rebuilt locally by `newsgold hydrate aeb`.
            "config_name": "aeb",
            "version": meta["version"],
            "description": f"newsgold {meta['version']}, aeb annotations sha256 {aeb_digest}",
            "data_files": [{"split": "test", "path": "aeb/test-*"}],
        }],
        "dataset_info": [info],
        "newsgold": {"version": meta["version"], "content_sha256": digest,
                     "aeb_annotations_sha256": aeb_digest,
                     "schema": SCHEMA_VERSION, "renderer": RENDERER_VERSION},
    }
    return yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100)


def _card(meta: dict, docs: list[Document], splits: dict[str, str],
          split_rows: dict[str, list[dict]], sizes: dict[str, int], digest: str,
          annotations: Path) -> str:
    body = (annotations / "CARD.md").read_text(encoding="utf-8")
    values = {
        "agreement": _agreement(annotations),
        "aeb_stats": _aeb_stats(annotations),
        "aeb_agreement": _aeb_agreement(annotations),
        "version": meta["version"], "content_sha256": digest, "schema": SCHEMA_VERSION,
        "renderer": RENDERER_VERSION, "stats": markdown_tables(corpus_stats(docs, splits)),
        "documents": str(len(docs)),
        **{f"{s}_size": str(len(split_rows.get(s, []))) for s in SPLITS},
    }
    for key, value in values.items():
        body = body.replace("{{" + key + "}}", value)
    aeb_digest = _files_digest(sorted((annotations / "aeb").glob("*.json")))
    return "---\n" + _card_yaml(meta, split_rows, sizes, digest, aeb_digest) + "---\n\n" + body


def _agreement(annotations: Path) -> str:
    """Agreement of the gold with the independent second pass, as a Markdown table."""
    from .annotate.agreement import agreement, to_markdown
    from .annotate.versions import offline_versions

    versions, problems = offline_versions(annotations, "second-pass")
    if problems:
        raise BuildError(problems)
    return to_markdown(agreement(versions)) if versions else "(no second pass yet)"


def _aeb_stats(annotations: Path) -> str:
    """Counts per layer of the committed aeb annotations, as a Markdown table."""
    from collections import Counter

    pages, segments, layers = 0, Counter(), Counter()
    entities = quotes = 0
    for path in sorted((annotations / HYDRATED).glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        pages += 1
        layers.update(meta["annotated"])
        segments.update(kind for _, _, kind in meta["segments"])
        entities += len(meta["entities"])
        quotes += len(meta["quotes"])
    rows = [("pages", pages)] + [(f"pages with gold {layer}", layers[layer])
                                 for layer in ("segments", "entities", "quotes")]
    rows += [("entity mentions", entities), ("quote spans", quotes)]
    rows += [(f"segments: {kind}", n) for kind, n in sorted(segments.items())]
    return "| | count |\n|---|---:|\n" + "\n".join(f"| {k} | {v:,} |" for k, v in rows)


def _aeb_agreement(annotations: Path) -> str:
    """The table written by ``newsgold aeb agreement --write`` (it needs the public pages)."""
    from .hydrate import AGREEMENT_FILE

    path = annotations / HYDRATED / AGREEMENT_FILE
    return path.read_text(encoding="utf-8").rstrip("\n") if path.is_file() else "(no second pass yet)"


def _files_digest(paths: list[Path]) -> str:
    """SHA-256 over file names and contents (names the committed AEB annotations)."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def check_sources(annotations: Path) -> tuple[list[SourceFile], list[str]]:
    """Read and validate the sources; return them and every problem found."""
    files, errors = read_sources(annotations)
    problems: list[str] = list(errors)
    problems += [str(v) for v in check_corpus(files)]
    return files, problems


def build(annotations: Path, out: Path) -> BuildResult:
    """Validate the sources and write the dataset directory (card + Parquet), atomically."""
    files, problems = check_sources(annotations)
    if problems:
        raise BuildError(problems)
    meta = load_meta(annotations)
    docs = sorted((f.document for f in files), key=lambda d: d.id)
    splits = assign_splits(docs)
    split_rows = {s: [to_row(d) for d in docs if splits[d.id] == s] for s in SPLITS}
    split_rows = {s: rows for s, rows in split_rows.items() if rows}  # an empty split cannot load
    digest = content_hash([r for rows in split_rows.values() for r in rows])
    written: dict[str, bytes] = {}
    sizes: dict[str, int] = {}
    for s, rows in split_rows.items():
        written[f"data/{s}-00000-of-00001.parquet"], sizes[s] = parquet_bytes(rows)
    written["README.md"] = _card(meta, docs, splits, split_rows, sizes, digest,
                                 annotations).encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.build-"))
    stage.chmod(0o755)
    try:
        for name, data in written.items():
            write_bytes(stage / name, data)
        if (out / HYDRATED).exists():  # locally hydrated pages are not built here: keep them
            (out / HYDRATED).rename(stage / HYDRATED)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            stage.rename(out)
            shutil.rmtree(old)
        else:
            stage.rename(out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return BuildResult(len(docs), digest, meta["version"], tuple(sorted(written)))


def stale_files(annotations: Path, out: Path) -> list[str]:
    """Files of ``out`` that a fresh build would change (empty when the corpus is up to date)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / out.name
        build(annotations, fresh)
        names = {p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file()}
        if out.exists():
            names |= {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
                      and p.relative_to(out).parts[0] != HYDRATED}
        return sorted(n for n in names if not (out / n).exists() or not (fresh / n).exists()
                      or (out / n).read_bytes() != (fresh / n).read_bytes())

