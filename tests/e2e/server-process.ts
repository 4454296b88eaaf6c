/**
 * A real server of a spec's own, for the hardening specs that need more than ./server gives:
 * a data folder kept across a restart, a start that is expected to fail, the signal it is
 * stopped with and its exit code, its log (no stack traces for client errors) and its process id
 * (to measure its memory). Like ./server it starts the built app the way `npm start` does, on a
 * free port, from a copy of the run's seeded template (global-setup.ts) unless the data folder
 * already has a database or `demo: false`, and learns its port from the ready handshake.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { templatePaths } from "./server";

export type ServerProcess = {
  url: string;
  pid: number;
  dataDir: string;
  /** everything the server has printed so far, stdout and stderr */
  log(): string;
  /** resident memory of the server process, in bytes (Linux /proc) */
  rssBytes(): number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export async function startServer(options: { env?: Record<string, string>; dataDir?: string; demo?: boolean } = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-server-"));
  const databasePath = options.env?.DATABASE_PATH ?? path.join(dataDir, "plainsight.db");
  if (options.demo !== false && !options.env?.DATABASE_PATH && !fs.existsSync(databasePath)) {
    // The demo council as seeded once for the run: seeding again here would cost a minute.
    const template = templatePaths();
    fs.copyFileSync(template.database, databasePath);
    fs.cpSync(template.uploads, path.join(dataDir, "uploads"), { recursive: true });
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_PATH: path.join(dataDir, "plainsight.db"),
    UPLOADS_PATH: path.join(dataDir, "uploads"),
    NODE_ENV: "production" as const,
    PLAINSIGHT_DEMO: options.demo === false ? "0" : "1",
    ...options.env,
  };
  // The compiled server on plain node, as `npm start` runs it (global-setup.ts built it).
  const child: ChildProcess = spawn(process.execPath, ["build/scripts/start.js", "--no-build", ...(options.demo === false ? [] : ["--demo"])], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  let signalled = false;
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 90_000);
    // The ready handshake (scripts/start.ts): the port, as soon as it accepts connections.
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message?.type !== "ready" || typeof message.port !== "number") return;
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${message.port}`);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it started:\n${output}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    dataDir,
    log: () => output,
    rssBytes() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    async stop(signal = "SIGTERM") {
      // One signal: a second SIGTERM tells the server to stop at once.
      if (child.exitCode === null && !signalled) {
        signalled = true;
        child.kill(signal);
      }
      return exited;
    },
  };
}

/** Starts the server and returns its output when it refuses to start (exit code and log). */
export async function startExpectingRefusal(options: { env?: Record<string, string>; dataDir?: string; demo?: boolean }): Promise<{ code: number | null; log: string }> {
  try {
    const server = await startServer(options);
    await server.stop();
    return { code: 0, log: server.log() };
  } catch (error) {
    const message = (error as Error).message;
    const code = /server exited \((\w+)\)/.exec(message)?.[1];
    return { code: code === undefined || code === "null" ? null : Number(code), log: message.replace(/^server exited \(\w+\) before it started:\n/, "") };
  }
}

/** Lines that look like a stack trace: "    at fn (file:line:col)". */
export function stackTraceLines(log: string): string[] {
  return log.split("\n").filter((line) => /^\s+at\s.+(\(|:\d+)/.test(line));
}
