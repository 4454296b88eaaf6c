/**
 * Once per Vitest run: a folder for the seeded templates (tests/fixtures/seed-template.ts), removed
 * at the end. Test files inherit the environment, so each knows where to look.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-seed-templates-"));
  process.env.PLAINSIGHT_SEED_TEMPLATES = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
