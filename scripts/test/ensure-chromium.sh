#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright's own browser download cannot work offline).
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
echo "[chromium] installing Chromium from Debian packages"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
