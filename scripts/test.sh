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
step "integration tests" node scripts/with-services.mjs npx jest -c jest.int.config.ts --ci --runInBand --json --outputFile="$results/integration.json"
step "browser tests" env PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$results/e2e.json" node scripts/with-services.mjs --app npx playwright test -c e2e/playwright.config.ts --reporter=list,json

node scripts/test-summary.mjs "$results" "$((SECONDS - started))" "${failed[@]}"
