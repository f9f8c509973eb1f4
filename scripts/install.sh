#!/usr/bin/env bash
# Install newsgold with every extra (extractors, Label Studio client, viewer, tests). Idempotent.
# pip >= 23.3 is needed: older pip cannot reconcile lxml[html_clean] and lxml[html-clean].
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check "pip>=23.3"
python3 -m pip install --quiet --disable-pip-version-check -e ".[all]"
# Compile the metrics' batch kernels once (numba caches them beside the sources): ~15 s.
python3 -c "from newsgold.metrics import compile_kernels; compile_kernels()"
