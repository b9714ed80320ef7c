#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver if missing (browser tests).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi
echo "== installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium chromium-driver
