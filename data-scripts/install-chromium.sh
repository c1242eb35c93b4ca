#!/usr/bin/env bash
# Headless Chromium from Debian, for the test that opens the HTML report in a real browser. Idempotent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "chromium: need root (or sudo) to install Debian's chromium" >&2; exit 1; }
  sudo="sudo"
fi
echo "chromium: installing Debian package chromium ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
