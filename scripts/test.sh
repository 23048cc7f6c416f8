#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, integration tests on SQLite and on PostgreSQL, browser tests.
# Starts (or installs) what it needs: PostgreSQL and Chromium. Each run uses throw-away databases.
# Every step runs even when an earlier one failed, so one run shows every problem; the summary names the
# failed steps and exits non-zero. The production build for the browser tests runs beside the integration
# tests (they use one core at a time).
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
reports=test-results/reports
rm -rf "$reports" && mkdir -p "$reports"
# tests/setup/stall-watch.ts appends every long event-loop stall here; the summary lists the worst.
export STALL_LOG="$PWD/$reports/stalls.jsonl"
failed_steps=()
step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
run() { local name=$1; shift; "$@" || failed_steps+=("$name (exit $?)"); }
vitest() {
  local name=$1; shift
  STALL_RUN=$name npx vitest run --reporter=default --reporter=json --outputFile="$reports/$name.json" "$@" || failed_steps+=("$name (exit $?)")
}

step "prisma clients"; run prisma-clients npm run -s db:generate
step "typecheck and lint (side by side: one core each)"
npx tsc --noEmit >"$reports/typecheck.log" 2>&1 &
typecheck_pid=$!
run lint npx eslint --max-warnings=0 app scripts tests prisma
wait "$typecheck_pid" || failed_steps+=("typecheck (exit $?)")
cat "$reports/typecheck.log"
step "unit tests"; vitest unit --passWithNoTests

step "production build for the browser tests (in the background)"
npm run -s build >"$reports/build.log" 2>&1 &
build_pid=$!

step "integration tests on SQLite"; TEST_DATABASE_URL="file:./prisma/test.db" vitest integration-sqlite --config vitest.integration.config.ts
step "integration tests on PostgreSQL"
if bash scripts/test/ensure-postgres.sh; then
  TEST_DATABASE_URL="${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}" vitest integration-postgres --config vitest.integration.config.ts
else
  failed_steps+=("postgres (no server)")
fi

step "browser tests (Chromium against the built demo)"
if ! wait "$build_pid"; then
  cat "$reports/build.log"
  failed_steps+=("build")
elif bash scripts/test/ensure-chromium.sh; then
  vitest e2e --config vitest.e2e.config.ts
else
  failed_steps+=("chromium (not installed)")
fi

step "summary"
FAILED_STEPS="$(printf '%s\n' "${failed_steps[@]+"${failed_steps[@]}"}")" node scripts/test/summary.mjs "$reports"
