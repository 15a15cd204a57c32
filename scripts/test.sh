#!/usr/bin/env bash
# `npm test`: the whole suite. Lint, one type-check of the workspace, unit tests, the builds, then the
# integration tests (real PostgreSQL, Redis and SMTP servers) and the browser tests (Debian's Chromium
# against the built platform) side by side: each has its own servers, and the integration tests spend most
# of their time waiting (outages, retries, lock expiry), not computing.
# Every step runs even when an earlier one fails; the exit code is non-zero if any failed.
#
# Caches: Nx keeps its cache inside the clone (.nx/cache), so a fresh clone starts without one. With CI
# set (CI=true npm test), neither Nx's cache nor Jest's transform cache is used: everything runs from
# scratch, as on a fresh machine. NX_SKIP_NX_CACHE=true npm test does the same for the build.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -n "${CI:-}" ] && [ "${CI}" != "false" ]; then skip_cache=true; else skip_cache=false; fi
jest_cache=(); [ "$skip_cache" = true ] && jest_cache=(--no-cache)
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-$skip_cache} FORCE_COLOR=0
results=tmp/test-results
rm -rf "$results" && mkdir -p "$results"
failed=()
times=()
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
  times+=("$name $((SECONDS - t))")
}

# A step that runs in the background, its output kept in a file and shown when it ends (finish_step).
declare -A bg_pid bg_log bg_start
start_step() {
  local name=$1 file=$2; shift 2
  echo "::: $name (started in the background; its output follows when it ends)"
  bg_log[$name]=$file
  bg_start[$name]=$SECONDS
  "$@" >"$file" 2>&1 &
  bg_pid[$name]=$!
}
finish_step() {
  local name=$1 code
  wait "${bg_pid[$name]}"; code=$?
  echo "::: $name (output)"
  cat "${bg_log[$name]}"
  if [ "$code" -eq 0 ]; then echo "::: $name passed ($((SECONDS - bg_start[$name])) s)"; else echo "::: $name FAILED ($((SECONDS - bg_start[$name])) s)"; failed+=("$name"); fi
  times+=("$name $((SECONDS - bg_start[$name]))")
}

step "system packages" bash scripts/ensure-system-deps.sh; [ ${#failed[@]} -eq 0 ] || { echo "::: npm test stops here: nothing else can run without them."; exit 1; }
# ESLint reads Nx's project graph for the module boundary rules: `npm run lint` computes it first (on a fresh
# clone there is none, and the rule would be skipped with a mere warning).
step "lint" npm run --silent lint
step "typecheck" node scripts/typecheck.mjs
step "unit tests" npx jest -c jest.config.ts --ci "${jest_cache[@]}" --maxWorkers=2 --json --outputFile="$results/unit.json"
step "build" npx nx run-many -t build -p api worker portal admin payment-sandbox --outputStyle=static
start_step "integration tests" "$results/integration.log" node scripts/with-services.mjs --card-scan npx jest -c jest.int.config.ts --ci "${jest_cache[@]}" --runInBand --json --outputFile="$results/integration.json"
step "browser tests" logged "$results/browser.log" env LOG_LEVEL=info PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$results/e2e.json" node scripts/with-services.mjs --app --card-scan npx playwright test -c e2e/playwright.config.ts --reporter=list,json
finish_step "integration tests"
# Both databases were scanned above (--card-scan); now everything the tests, the api, the worker and the
# payment sandbox printed.
step "no card number in the logs" node -r ./scripts/ts-register.cjs tools/security/src/scan-card-numbers.ts "$results/integration.log" "$results/browser.log"

echo "::: step times (s): $(printf '%s; ' "${times[@]}")"
node scripts/test-summary.mjs "$results" "$((SECONDS - started))" "${failed[@]}"
