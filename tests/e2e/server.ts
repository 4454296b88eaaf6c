/**
 * A server of its own for each browser test file.
 *
 * tests/e2e/global-setup.ts builds the app (if stale) and seeds one template database (the demo
 * council, as `npm start` seeds it) once per run. `startServer()` copies that template and its
 * uploads into a fresh temporary folder and starts the real server (`build/scripts/start.js --demo`, compiled from scripts/start.ts)
 * on a free port, with the scheduler and the outbox worker running, and resolves when the
 * server says it is listening (an IPC message, no polling and no sleeping). `stop()` ends it and
 * removes the folder.
 *
 * Specs do not call this directly: `import { test, expect } from "./fixtures"` and every test in
 * the file talks to the file's own server through `page`, `request` and `baseURL`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type TestServer = {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  databasePath: string;
  uploadsPath: string;
  /** everything the server printed so far (for diagnosing a failure) */
  output(): string;
  stop(): Promise<void>;
};

export type ServerOptions = {
  /** extra environment for the server (e.g. SMTP_URL); PORT, paths and demo mode are set here */
  env?: Record<string, string>;
  /** start on an empty database instead of the seeded demo council (it then seeds itself) */
  empty?: boolean;
};

const READY_TIMEOUT_MS = 90_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where global-setup.ts left the seeded template (database file and uploads folder). */
export function templatePaths(): { database: string; uploads: string } {
  const dir = process.env.PLAINSIGHT_E2E_TEMPLATE;
  if (!dir) throw new Error("PLAINSIGHT_E2E_TEMPLATE is not set: run the browser tests through playwright.config.ts (its globalSetup seeds the template)");
  return { database: path.join(dir, "template.db"), uploads: path.join(dir, "uploads") };
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-e2e-"));
  const databasePath = path.join(dir, "e2e.db");
  const uploadsPath = path.join(dir, "uploads");
  if (options.empty) {
    fs.mkdirSync(uploadsPath);
  } else {
    const template = templatePaths();
    fs.copyFileSync(template.database, databasePath);
    fs.cpSync(template.uploads, uploadsPath, { recursive: true });
  }

  // The compiled server on plain node, as `npm start` runs it (global-setup.ts built it).
  const child = spawn(process.execPath, ["build/scripts/start.js", "--demo", "--no-build"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      UPLOADS_PATH: uploadsPath,
      PLAINSIGHT_DEMO: "1",
      NODE_ENV: "production",
      // Lets a spec move this server's clock (/staff/admin/test-controls; demo mode only).
      PLAINSIGHT_TEST_CONTROLS: "1",
      ...options.env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const removeFolder = () => fs.rmSync(dir, { recursive: true, force: true });
  let port: number;
  try {
    port = await ready(child, () => output);
  } catch (error) {
    await stopChild(child);
    removeFolder();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    databasePath,
    uploadsPath,
    output: () => output,
    async stop() {
      await stopChild(child);
      removeFolder();
    },
  };
}

function ready(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not say it was ready within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`The test server ${why}. Its output:\n${output()}`));
    };
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message?.type !== "ready" || typeof message.port !== "number") return;
      clearTimeout(timer);
      resolve(message.port);
    });
    child.on("exit", (code, signal) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
  });
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
