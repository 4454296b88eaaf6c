/**
 * `npm start`: migrate, seed the demo when the database is empty, build if the build is
 * missing or older than the source, then serve. `--demo` turns demo mode on (the README's
 * first command does); a real deployment runs `npm run start:production` and never seeds.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = new Set(process.argv.slice(2));
if (args.has("--demo") && process.env.PLAINSIGHT_DEMO === undefined) process.env.PLAINSIGHT_DEMO = "1";
process.env.NODE_ENV ??= "production";

const { loadEnv } = await import("~/lib/env.server");
let env;
try {
  env = loadEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const { db, migrateDatabase } = await import("#db/client.server");
migrateDatabase(db());

if (env.PLAINSIGHT_DEMO) {
  const { isDatabaseEmpty, seedDemo, formatAccountsTable } = await import("#db/seed.server");
  const { now } = await import("~/lib/clock");
  if (isDatabaseEmpty(db())) {
    const { accounts } = await seedDemo(db(), now());
    const { seedDemoResponses } = await import("~/responses/seed.server");
    seedDemoResponses(db(), now());
    console.log(`\nDemo accounts (demo mode only):\n${formatAccountsTable(accounts)}\n`);
  } else {
    console.log("Demo mode: the database already has data; demo accounts are as first printed (see README).");
  }
}

const buildFile = path.resolve("build/server/index.js");
if (!fs.existsSync(buildFile) || newestSource() > fs.statSync(buildFile).mtimeMs) {
  console.log("Building the app (first start or the source changed)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const build = await import(pathToFileURL(buildFile).href);
const { createApp } = await import("../server/app");
const app = createApp(build, path.resolve("build/client"));

if (!args.has("--no-worker")) {
  const { startScheduler } = await import("../server/scheduler");
  startScheduler();
}

app.listen(env.PORT, env.HOST, () => {
  console.log(`${env.PLAINSIGHT_DEMO ? "Demo site" : "Plainsight"} running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`);
});

function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["app", "vite.config.ts", "package-lock.json"]) visit(path.resolve(p));
  return newest;
}
