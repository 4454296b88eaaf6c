#!/usr/bin/env bash
# `npm test`: type check, unit + component + integration tests, then browser tests against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
# The type check and the production build are each mostly one thread: on two cores they run side
# by side (about a minute saved). The build is what the browser tests run against.
echo "== Type check (and the build for the browser tests, alongside)"
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
node scripts/build.mjs >"$build_log" 2>&1 &
build_pid=$!
typecheck=0
npx tsc --noEmit || typecheck=$?
build=0
wait "$build_pid" || build=$?
if [ "$build" -ne 0 ]; then cat "$build_log"; echo "The build failed." >&2; exit "$build"; fi
if [ "$typecheck" -ne 0 ]; then exit "$typecheck"; fi
echo "== Unit, component and integration tests"
npx vitest run
echo "== Browser tests (Playwright, Debian's Chromium)"
bash scripts/ensure-chromium.sh
npx playwright test
