#!/usr/bin/env bash
# The system programs the test suite needs and npm cannot ship: redis-server (the integration and browser
# tests run against a real Redis) and Chromium (the browser tests; Playwright's own browser downloads are
# never used), with fonts to render pages in. Chromium is CHROMIUM_PATH when set, else /usr/bin/chromium.
#
# When something is missing: as root on Debian or Ubuntu it installs it with apt-get; otherwise it prints
# exactly what to install (apt-get, dnf or brew) or which CHROMIUM_PATH to set, and exits 1, so that
# `npm test` stops before its first step instead of failing half-way.
set -uo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
os=$(uname -s)
need_redis=false need_chromium=false need_fonts=false

check() {
  need_redis=false need_chromium=false need_fonts=false
  command -v redis-server >/dev/null 2>&1 || need_redis=true
  [ -f "$chromium" ] && [ -x "$chromium" ] || need_chromium=true
  # Debian's Chromium depends on no font at all; the pages need one with Latin-1 glyphs. macOS ships its own.
  if [ "$os" = Linux ] && ! fc-list 2>/dev/null | grep -qi 'liberation' \
    && ! find /usr/share/fonts /usr/local/share/fonts "${HOME:-/nonexistent}/.local/share/fonts" -iname '*liberation*' -print -quit 2>/dev/null | grep -q .; then
    need_fonts=true
  fi
}

check
if ! $need_redis && ! $need_chromium && ! $need_fonts; then exit 0; fi

distro=unknown
if [ "$os" = Darwin ]; then
  distro=macos
elif [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  distro_id=$(. /etc/os-release && echo "${ID:-} ${ID_LIKE:-}")
  case " $distro_id " in
    *" ubuntu "*) distro=ubuntu ;;
    *" debian "*) distro=debian ;;
    *" fedora "* | *" rhel "* | *" centos "*) distro=fedora ;;
  esac
fi

# Root on Debian or Ubuntu: install what apt-get can. Chromium only on Debian (on Ubuntu it is a snap) and
# only for the default path (a CHROMIUM_PATH that does not exist is the user's to fix).
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && { [ "$distro" = debian ] || [ "$distro" = ubuntu ]; }; then
  packages=()
  $need_redis && packages+=(redis-server)
  $need_chromium && [ "$distro" = debian ] && [ -z "${CHROMIUM_PATH:-}" ] && packages+=(chromium)
  $need_fonts && packages+=(fonts-liberation)
  if [ ${#packages[@]} -gt 0 ]; then
    echo "[test] installing ${packages[*]} with apt-get…"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; }; then
      echo "[test] apt-get could not install ${packages[*]}." >&2
    fi
    check
    if ! $need_redis && ! $need_chromium && ! $need_fonts; then exit 0; fi
  fi
fi

say() { echo "$@" >&2; }
missing=()
$need_redis && missing+=("redis-server")
if $need_chromium; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then missing+=("Chromium (CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file)"); else missing+=("Chromium ($chromium)"); fi
fi
$need_fonts && missing+=("fonts (Liberation)")
say ""
say "[test] npm test needs programs npm cannot install, and some are missing: $(printf '%s, ' "${missing[@]}" | sed 's/, $//')."

# A Chromium or Chrome already installed elsewhere only needs CHROMIUM_PATH.
found=""
if $need_chromium; then
  for candidate in $(command -v chromium chromium-browser google-chrome google-chrome-stable 2>/dev/null) /snap/bin/chromium \
    "/Applications/Chromium.app/Contents/MacOS/Chromium" "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
    if [ -x "$candidate" ] && [ "$candidate" != "$chromium" ]; then found=$candidate; break; fi
  done
fi

debian_packages=() fedora_packages=() brew_lines=()
$need_redis && { debian_packages+=(redis-server); fedora_packages+=(redis); brew_lines+=("brew install redis"); }
if $need_chromium && [ -z "$found" ]; then debian_packages+=(chromium); fedora_packages+=(chromium); brew_lines+=("brew install --cask chromium"); fi
$need_fonts && { debian_packages+=(fonts-liberation); fedora_packages+=(liberation-fonts); }

say "To do, then run npm test again:"
case $distro in
  debian)
    [ ${#debian_packages[@]} -gt 0 ] && say "  sudo apt-get install -y ${debian_packages[*]}" ;;
  ubuntu)
    ubuntu_packages=()
    for p in "${debian_packages[@]}"; do [ "$p" != chromium ] && ubuntu_packages+=("$p"); done
    [ ${#ubuntu_packages[@]} -gt 0 ] && say "  sudo apt-get install -y ${ubuntu_packages[*]}"
    if $need_chromium && [ -z "$found" ]; then say "  sudo snap install chromium      # then: export CHROMIUM_PATH=/snap/bin/chromium"; fi ;;
  fedora)
    [ ${#fedora_packages[@]} -gt 0 ] && say "  sudo dnf install -y ${fedora_packages[*]}"
    if $need_chromium && [ -z "$found" ]; then say "  export CHROMIUM_PATH=/usr/bin/chromium-browser      # where Fedora's chromium installs it"; fi ;;
  macos)
    for line in "${brew_lines[@]}"; do say "  $line"; done
    if $need_chromium && [ -z "$found" ]; then say "  export CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium"; fi ;;
  *)
    say "  Debian:        sudo apt-get install -y ${debian_packages[*]:-}"
    say "  Fedora:        sudo dnf install -y ${fedora_packages[*]:-}"
    say "  macOS:         $(printf '%s; ' "${brew_lines[@]:-}" | sed 's/; $//')" ;;
esac
if [ -n "$found" ]; then
  say "  Chromium is already installed at $found: use it with"
  say "  export CHROMIUM_PATH=\"$found\""
elif $need_chromium; then
  say "Any Chromium or Chrome works: set CHROMIUM_PATH to its executable."
fi
$need_redis && [ "$distro" != macos ] && say "(redis-server only has to be on the PATH: the tests start their own, on a free port.)"
exit 1
