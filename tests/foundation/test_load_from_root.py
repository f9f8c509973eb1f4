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
