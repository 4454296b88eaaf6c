/**
 * `npm start`: migrate, seed the demo when the database is empty, then serve. `--demo` turns
 * demo mode on (the README's first command does); a real deployment runs
 * `npm run start:production` and never seeds. Compiled to build/scripts/start.js and run on
 * plain node by scripts/run.mjs, which first builds the app if it is missing or stale.
 *
 * Anything that stops the start is one line on stderr naming what and why (a path, a setting),
 * never a stack trace.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SERVER_BUILD = path.resolve("build/server/index.js");

const args = new Set(process.argv.slice(2));
if (args.has("--demo") && process.env.PLAINSIGHT_DEMO === undefined) process.env.PLAINSIGHT_DEMO = "1";
process.env.NODE_ENV ??= "production";

function cannotStart(message: string): never {
  console.error(`Plainsight cannot start: ${message}`);
  process.exit(1);
}

const { LISTENING_URL_VARIABLE, listeningUrl, loadEnv } = await import("~/lib/env.server");
let env;
try {
  env = loadEnv();
} catch (error) {
  // loadEnv's message lists each setting on its own line; here it is one line.
  cannotStart((error as Error).message.replace(/^Plainsight cannot start; fix the environment:\s*/, "fix the environment: ").replace(/\n\s*/g, "; "));
}
// Without BASE_URL, links in emails and feeds use the address this server listens on (baseUrl()):
// known now for a fixed port, so the demo's seeded emails have it too; PORT=0 learns it below.
if (env.PORT !== 0) process.env[LISTENING_URL_VARIABLE] = listeningUrl(env.HOST, env.PORT);

const { closeDatabase, openForServing, useDatabase, db } = await import("#db/client.server");
try {
  useDatabase(openForServing(env.DATABASE_PATH));
} catch (error) {
  cannotStart((error as Error).message);
}
try {
  checkWritableFolder(env.UPLOADS_PATH);
} catch (error) {
  cannotStart(`the uploads folder ${path.resolve(env.UPLOADS_PATH)} ${(error as Error).message}`);
}
try {
  // Made now (demo, development) rather than on the first request: a data folder that cannot
  // keep them is a start-up error, not a 500 later.
  const { sessionSecret, auditKey } = await import("~/lib/secrets.server");
  sessionSecret();
  auditKey();
} catch (error) {
  cannotStart(`the keys cannot be kept beside the database: ${(error as Error).message}`);
}

if (env.PLAINSIGHT_DEMO) {
  const { isDatabaseEmpty, seedDemo, formatAccountsTable } = await import("#db/seed.server");
  const { now } = await import("~/lib/clock");
  if (isDatabaseEmpty(db())) {
    const { accounts } = await seedDemo(db(), now());
    const { seedDemoResponses } = await import("~/responses/seed.server");
    seedDemoResponses(db(), now());
    const { seedDemoChallenges } = await import("~/challenges/seed.server");
    seedDemoChallenges(db(), now());
    const { seedDemoReach } = await import("~/reach/seed.server");
    seedDemoReach(db(), now());
    console.log(`\nDemo accounts (demo mode only):\n${formatAccountsTable(accounts)}\n`);
  } else {
    console.log("Demo mode: the database already has data; demo accounts are as first printed (see README).");
  }
}

if (!fs.existsSync(SERVER_BUILD)) cannotStart(`there is no build at ${SERVER_BUILD} (run npm run build)`);

const build = await import(pathToFileURL(SERVER_BUILD).href);
const { createApp } = await import("../server/app");
const { listen, onShutdownSignal } = await import("../server/serve");
const app = createApp(build, path.resolve("build/client"), { baseUrl: env.BASE_URL, trustProxy: env.TRUST_PROXY });

const scheduler = args.has("--no-worker") ? null : (await import("../server/scheduler")).startScheduler();

let running;
try {
  running = await listen(app, env.PORT, env.HOST);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  cannotStart(e.code === "EADDRINUSE" ? `port ${env.PORT} on ${env.HOST} is already in use (set PORT to another)` : `cannot listen on ${env.HOST}:${env.PORT} (${e.code ?? e.message})`);
}
// PORT=0 takes any free port: say which one was taken.
const url = listeningUrl(env.HOST, running.port);
process.env[LISTENING_URL_VARIABLE] = url;
// The same address the emails' links use, unless BASE_URL names the public one.
console.log(`${env.PLAINSIGHT_DEMO ? "Demo site" : "Plainsight"} running at ${url}`);
if (env.BASE_URL && env.BASE_URL.replace(/\/+$/, "") !== url) console.log(`Links in emails and feeds use BASE_URL: ${env.BASE_URL}`);
// The ready handshake: a parent that started us with an IPC channel (the browser tests) learns
// the address as soon as we accept connections, instead of polling or sleeping.
process.send?.({ type: "ready", port: running.port });

const server = running;
onShutdownSignal(async () => {
  // Stop taking connections and let requests in flight finish; then the worker; then the database.
  await Promise.all([server.close(), scheduler?.stop()]);
  closeDatabase();
});

function checkWritableFolder(folder: string) {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new Error(`cannot be created (${(error as NodeJS.ErrnoException).code})`);
  }
  const probe = path.join(folder, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    throw new Error(`is not writable (${(error as NodeJS.ErrnoException).code})`);
  }
}
