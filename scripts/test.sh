#!/usr/bin/env bash
# The whole test suite from a fresh clone: install everything it needs (idempotent), then run it.
# CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 HF_DATASETS_DISABLE_PROGRESS_BARS=1
python3 -m pip install --quiet --disable-pip-version-check -e ".[all]"
python3 -m pytest "$@"
