#!/usr/bin/env bash
# Create (or reuse) the Label Studio server venv, then its pre-migrated template data dir.
#
# The server runs from its own venv (.venv-labelstudio at the repo root, or $NEWSGOLD_LS_VENV):
# label-studio pins Django, numpy and pyarrow versions that must not leak into the toolkit env,
# which talks to it over HTTP only (label-studio-sdk, the `annotate` extra).
#
# Idempotent: a venv is reused when it holds the pinned version and its ready marker; an
# interrupted install (no marker) is removed and redone. The template data dir (migrations run
# once, ~50 s) is built by scripts/labelstudio-server.py and reused the same way.
# Prints how long each step took.
set -euo pipefail

LS_VERSION="1.23.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${NEWSGOLD_LS_VENV:-$ROOT/.venv-labelstudio}"
PYTHON="${NEWSGOLD_LS_PYTHON:-python3}"
MARKER="$VENV/.newsgold-ready-$LS_VERSION"

# One builder at a time (parallel test sessions, CI jobs sharing a cache); the lock lives in /tmp.
LOCK="${TMPDIR:-/tmp}/newsgold-labelstudio-venv-$(printf '%s' "$VENV" | cksum | cut -d' ' -f1).lock"
exec 9>"$LOCK"
flock 9

step_start=$(date +%s)
if [[ -f "$MARKER" && -x "$VENV/bin/label-studio" ]]; then
  echo "labelstudio-venv: reusing $VENV (label-studio $LS_VERSION)"
else
  if [[ -e "$VENV" ]]; then
    echo "labelstudio-venv: $VENV is incomplete or another version; recreating it"
    rm -rf -- "$VENV"
  fi
  echo "labelstudio-venv: creating $VENV with label-studio==$LS_VERSION"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "label-studio==$LS_VERSION"
  touch "$MARKER"
fi
echo "labelstudio-venv: venv ready in $(( $(date +%s) - step_start )) s"

if [[ "${1:-}" != "--no-template" ]]; then
  step_start=$(date +%s)
  "$PYTHON" "$ROOT/scripts/labelstudio-server.py" template --venv "$VENV"
  echo "labelstudio-venv: template ready in $(( $(date +%s) - step_start )) s"
fi
