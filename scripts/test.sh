#!/usr/bin/env bash
# The whole test suite from a fresh clone: install everything it needs (idempotent), then run it.
# CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 HF_DATASETS_DISABLE_PROGRESS_BARS=1
bash scripts/install.sh              # newsgold with all extras
bash scripts/install-browser.sh      # Debian's chromium for the viewer's browser tests
bash scripts/labelstudio-venv.sh     # label-studio 1.23.2 in .venv-labelstudio + a migrated template
python3 -m pytest "$@"
