#!/usr/bin/env bash
# `npm test`: type check, unit + component + integration tests, then browser tests against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Type check"
npx tsc --noEmit
echo "== Unit, component and integration tests"
npx vitest run
echo "== Browser tests (Playwright, Debian's Chromium)"
bash scripts/ensure-chromium.sh
node scripts/build.mjs >/dev/null
npx playwright test
