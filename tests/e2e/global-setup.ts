/**
 * Once per browser test run: build the app and the scripts if missing or stale, and seed the demo
 * council into a template database that every spec file's server copies (tests/e2e/server.ts).
 * Seeding once (argon2 hashes for every demo account, the documents, the responses) instead of
 * once per file keeps the run short. The teardown it returns removes the template.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SCRIPTS_BUILD, ensureBuilt } from "../../scripts/lib/build.mjs";

const SEED_SCRIPT = path.join(SCRIPTS_BUILD, "seed.js");

export default async function globalSetup() {
  // The app and the compiled scripts, as production runs them (plain node, no tsx).
  await ensureBuilt({ app: true });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-e2e-template-"));
  // The seed closes its connection at the end, which folds the write-ahead log into the file:
  // template.db is then complete on its own and can be copied.
  run(process.execPath, [SEED_SCRIPT], {
    DATABASE_PATH: path.join(dir, "template.db"),
    UPLOADS_PATH: path.join(dir, "uploads"),
    PLAINSIGHT_DEMO: "1",
    NODE_ENV: "production",
  });
  if (fs.existsSync(path.join(dir, "template.db-wal"))) throw new Error("The template database still has a write-ahead log after seeding");
  // Test workers inherit the runner's environment.
  process.env.PLAINSIGHT_E2E_TEMPLATE = dir;

  return () => fs.rmSync(dir, { recursive: true, force: true });
}

function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}
