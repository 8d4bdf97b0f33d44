#!/usr/bin/env bash
# Install Debian's headless Chromium (and Arabic-capable fonts) for the end-to-end web test.
# Idempotent: does nothing when /usr/bin/chromium is already there. Never runs `playwright install`
# (that downloads a browser build, which this project must not do). Needs root or sudo for apt.
# Usage: bash scripts/install_browser.sh
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install_browser: not root and no sudo; skipping (the browser test will skip)" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-dejavu-core >/dev/null
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
