#!/usr/bin/env bash
# The two system programs the test suite needs and npm cannot ship: redis-server (integration tests on
# Redis) and Debian's Chromium (browser tests). Installs them with apt-get when root; otherwise says what to run.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'liberation' || missing+=(fonts-liberation)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[test] installing ${missing[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "[test] missing: ${missing[*]}. Install them first, e.g.: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
