#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, integration tests on SQLite and on PostgreSQL, browser tests.
# Starts (or installs) what it needs: PostgreSQL and Chromium. Each run uses throw-away databases.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
reports=test-results/reports
rm -rf "$reports" && mkdir -p "$reports"
step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
vitest() { local name=$1; shift; npx vitest run --reporter=default --reporter=json --outputFile="$reports/$name.json" "$@"; }

step "prisma clients"; npm run -s db:generate >/dev/null
step "typecheck"; npx tsc --noEmit
step "lint"; npx eslint --max-warnings=0 app scripts tests prisma
step "unit tests"; vitest unit --passWithNoTests
step "integration tests on SQLite"; TEST_DATABASE_URL="file:./prisma/test.db" vitest integration-sqlite --config vitest.integration.config.ts
step "integration tests on PostgreSQL"; bash scripts/test/ensure-postgres.sh
TEST_DATABASE_URL="${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}" vitest integration-postgres --config vitest.integration.config.ts
step "browser tests (Chromium against the built demo)"; bash scripts/test/ensure-chromium.sh
npm run -s build >/dev/null
vitest e2e --config vitest.e2e.config.ts
step "summary"; node scripts/test/summary.mjs "$reports"/*.json
