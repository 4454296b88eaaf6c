#!/usr/bin/env bash
# Issue 15: every browser test file passes on its own, with a fresh template database and no
# other file run before it. Runs each spec file in its own `playwright test` (its own global setup)
# and lists the files that failed. Not part of `npm test` (about as long as the whole suite).
# With the reverse-order run (playwright.reverse.config.ts) it shows no file depends on another.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
node scripts/build.mjs >/dev/null
failed=()
for spec in tests/e2e/*.spec.ts; do
  echo "== $spec"
  if ! npx playwright test "$spec" --reporter=line; then failed+=("$spec"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed alone: ${failed[*]}"
  exit 1
fi
echo "Every browser test file passed alone."
