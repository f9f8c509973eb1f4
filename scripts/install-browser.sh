#!/usr/bin/env bash
# Debian's Chromium for the static error viewer's browser tests (tests/view/), driven there by
# Python playwright with executable_path=/usr/bin/chromium. Idempotent: does nothing when
# /usr/bin/chromium is already there. Never runs `playwright install` (no browser downloads).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser.sh: /usr/bin/chromium is missing; run as root to install Debian's chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
