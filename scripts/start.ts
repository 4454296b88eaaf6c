/**
 * `npm start`: migrate, seed the demo when the database is empty, build if the build is
 * missing or older than the source, then serve. `--demo` turns demo mode on (the README's
 * first command does); a real deployment runs `npm run start:production` and never seeds.
 */
import { spawnSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SERVER_BUILD, buildIsStale } from "./lib/build-state";

const args = new Set(process.argv.slice(2));
if (args.has("--demo") && process.env.PLAINSIGHT_DEMO === undefined) process.env.PLAINSIGHT_DEMO = "1";
process.env.NODE_ENV ??= "production";

const { LISTENING_URL_VARIABLE, listeningUrl, loadEnv } = await import("~/lib/env.server");
let env;
try {
  env = loadEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Without BASE_URL, links in emails and feeds use the address this server listens on (baseUrl()):
// known now for a fixed port, so the demo's seeded emails have it too; PORT=0 learns it below.
if (env.PORT !== 0) process.env[LISTENING_URL_VARIABLE] = listeningUrl(env.HOST, env.PORT);

const { db, migrateDatabase } = await import("#db/client.server");
migrateDatabase(db());

if (env.PLAINSIGHT_DEMO) {
  const { isDatabaseEmpty, seedDemo, formatAccountsTable } = await import("#db/seed.server");
  const { now } = await import("~/lib/clock");
  if (isDatabaseEmpty(db())) {
    const { accounts } = await seedDemo(db(), now());
    const { seedDemoResponses } = await import("~/responses/seed.server");
    seedDemoResponses(db(), now());
    const { seedDemoChallenges } = await import("~/challenges/seed.server");
    seedDemoChallenges(db(), now());
    console.log(`\nDemo accounts (demo mode only):\n${formatAccountsTable(accounts)}\n`);
  } else {
    console.log("Demo mode: the database already has data; demo accounts are as first printed (see README).");
  }
}

// --no-build serves the build as it is (the browser tests build once, then start many servers).
if (!args.has("--no-build") && buildIsStale()) {
  console.log("Building the app (first start or the source changed)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const build = await import(pathToFileURL(SERVER_BUILD).href);
const { createApp } = await import("../server/app");
const app = createApp(build, path.resolve("build/client"));

if (!args.has("--no-worker")) {
  const { startScheduler } = await import("../server/scheduler");
  startScheduler();
}

const server = app.listen(env.PORT, env.HOST, () => {
  // PORT=0 takes any free port: say which one was taken.
  const { port } = server.address() as AddressInfo;
  const url = listeningUrl(env.HOST, port);
  process.env[LISTENING_URL_VARIABLE] = url;
  // The same address the emails' links use, unless BASE_URL names the public one.
  console.log(`${env.PLAINSIGHT_DEMO ? "Demo site" : "Plainsight"} running at ${url}`);
  if (env.BASE_URL && env.BASE_URL.replace(/\/+$/, "") !== url) console.log(`Links in emails and feeds use BASE_URL: ${env.BASE_URL}`);
  // The ready handshake: a parent that started us with an IPC channel (the browser tests) learns
  // the address as soon as we accept connections, instead of polling or sleeping.
  process.send?.({ type: "ready", port });
});
