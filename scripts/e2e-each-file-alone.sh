#!/usr/bin/env bash
# Issue 15: every browser test file passes on its own, with a fresh template database and no
# other file run before it. Runs each spec file in its own `playwright test` (its own global setup)
# and lists the files that failed. Not part of `npm test` (about as long as the whole suite).
# With the reverse-order run (playwright.reverse.config.ts) it shows no file depends on another.
#   bash scripts/e2e-each-file-alone.sh                 every spec file
#   bash scripts/e2e-each-file-alone.sh tests/e2e/a.spec.ts tests/e2e/b.spec.ts   only these
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
[ "${E2E_SKIP_BUILD:-}" = 1 ] || node scripts/build.mjs >/dev/null
failed=()
specs=("$@")
[ ${#specs[@]} -eq 0 ] && specs=(tests/e2e/*.spec.ts)
for spec in "${specs[@]}"; do
  echo "== $spec"
  if ! npx playwright test "$spec" --reporter=line; then failed+=("$spec"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed alone: ${failed[*]}"
  exit 1
fi
echo "Every browser test file passed alone."
