#!/usr/bin/env bash
# `npm test`: the whole suite. Lint, unit tests, the builds, integration tests against real PostgreSQL,
# Redis and SMTP servers, then browser tests in Debian's Chromium against the built platform.
# Every step runs even when an earlier one fails; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false} FORCE_COLOR=0
results=tmp/test-results
rm -rf "$results" && mkdir -p "$results"
failed=()
started=$SECONDS

# Runs a command with its output shown and also kept in a file (for the card-number scan of the logs).
logged() {
  local file=$1; shift
  "$@" 2>&1 | tee "$file"
  return "${PIPESTATUS[0]}"
}

step() {
  local name=$1; shift
  local t=$SECONDS
  echo "::: $name"
  if "$@"; then echo "::: $name passed ($((SECONDS - t)) s)"; else echo "::: $name FAILED ($((SECONDS - t)) s)"; failed+=("$name"); fi
}

step "system packages" bash scripts/ensure-system-deps.sh || true
step "lint" npx nx run-many -t lint --outputStyle=static
step "typecheck" npx nx run-many -t typecheck --outputStyle=static
step "typecheck of integration specs" npx tsc -p tsconfig.int.json --noEmit
step "unit tests" npx jest -c jest.config.ts --ci --json --outputFile="$results/unit.json"
step "build" npx nx run-many -t build -p api worker portal admin payment-sandbox --outputStyle=static
step "integration tests" logged "$results/integration.log" node scripts/with-services.mjs --card-scan npx jest -c jest.int.config.ts --ci --runInBand --json --outputFile="$results/integration.json"
step "browser tests" logged "$results/browser.log" env LOG_LEVEL=info PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$results/e2e.json" node scripts/with-services.mjs --app --card-scan npx playwright test -c e2e/playwright.config.ts --reporter=list,json
# Both databases were scanned above (--card-scan); now everything the tests, the api, the worker and the
# payment sandbox printed.
step "no card number in the logs" node -r ./scripts/ts-register.cjs tools/security/src/scan-card-numbers.ts "$results/integration.log" "$results/browser.log"

node scripts/test-summary.mjs "$results" "$((SECONDS - started))" "${failed[@]}"
