"""The committed corpus loads offline with plain `datasets.load_dataset("corpus")` from the root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, datasets, newsgold.records as r
ds = datasets.load_dataset("corpus")
print(json.dumps({"splits": {k: len(v) for k, v in ds.items()},
                  "same_features": all(v.features == r.features() for v in ds.values())}))
"""


def test_load_dataset_corpus_from_the_repository_root(tmp_path: Path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_CACHE": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, env=env, check=True,
                         capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["same_features"] is True
    assert sum(result["splits"].values()) == len(list((REPO / "annotations" / "gold").glob("*.txt")))


def test_a_rebuild_that_changes_only_a_label_is_never_served_from_a_stale_cache(tmp_path: Path):
    """``datasets`` keys its cache on the card's config entries and the folder's name, not on the
    data files; the build writes the content hash into the config, so a relabelled entity (same
    row count, same byte size) still reaches the next load, also from another folder named alike."""
    from support.corpus import copy_annotations

    from newsgold.build import build
    from newsgold.corpus import load_documents

    page = "broadcaster-ashcombe-footbridge-vote"
    ann = copy_annotations(tmp_path / "a", (page,))
    build(ann, tmp_path / "a" / "corpus")
    [before] = load_documents(path=tmp_path / "a" / "corpus")
    gold = ann / "gold" / f"{page}.txt"
    label = before.entities[0].label
    other = "NORP" if label != "NORP" else "GPE"
    source = gold.read_text(encoding="utf-8")
    first_tag = source.index(f'<ng-ent t="{label}">')
    gold.write_text(source[:first_tag] + f'<ng-ent t="{other}">'
                    + source[first_tag + len(f'<ng-ent t="{label}">'):], encoding="utf-8")
    build(ann, tmp_path / "b" / "corpus")
    [after] = load_documents(path=tmp_path / "b" / "corpus")
    assert after.entities[0].label == other
    assert [e.label for e in after.entities[1:]] == [e.label for e in before.entities[1:]]
