/**
 * Once per Vitest run: a folder for the seeded templates (tests/fixtures/seed-template.ts), removed
 * at the end. Test files inherit the environment, so each knows where to look. And the compiled
 * scripts, if they are missing or stale, for the tests that run them as npm does
 * (tests/fixtures/run-script.ts): built here once, not by two test files at the same time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "../scripts/lib/build.mjs";

export default async function setup() {
  await ensureBuilt({ app: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-seed-templates-"));
  process.env.PLAINSIGHT_SEED_TEMPLATES = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
