/**
 * A real race between processes, as between two server processes on one database file.
 *
 * `race(jobs)` starts one process per job (`node --import tsx` on ./call-route.ts), each with its
 * own database connection. Each child loads the route module and connects, says "ready", and
 * waits; when every child is ready the parent says "go" to all of them at once (a handshake,
 * not a guessed start time), and each child calls the route's action or loader for each of its
 * requests, all at once, and sends back what came back.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { now } from "~/lib/clock";
import type { Called } from "../responses-fixtures";

export type RaceRequest = {
  url: string;
  params?: Record<string, string>;
  form?: Record<string, string>;
  cookie?: string;
  address?: string;
};
/** One process: a route module (e.g. "~/routes/staff.proposals.$id"), its export, and its requests. */
export type RaceJob = { route: string; call?: "action" | "loader"; requests: RaceRequest[] };

type Message = { type: "ready" } | { type: "result"; result: Called[] } | { type: "error"; message: string };

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "call-route.ts");

export async function race(jobs: RaceJob[], timeoutMs = 90_000): Promise<Called[][]> {
  // The children's clocks read the same time as this test's (which may have set it).
  const env = { ...process.env, PLAINSIGHT_CLOCK_OFFSET_MS: String(now().getTime() - Date.now()) };
  const execArgv = ["--import", "tsx", "--import", path.join(path.dirname(CHILD), "assets.mjs")];
  const children: ChildProcess[] = jobs.map((job) => fork(CHILD, [JSON.stringify(job)], { execArgv, env, stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  const killAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL"));
  const timer = setTimeout(killAll, timeoutMs);
  try {
    const results = children.map((child) => waitFor(child, "result"));
    await Promise.all(children.map((child) => waitFor(child, "ready")));
    // Everyone has loaded and connected: start them together.
    for (const child of children) child.send({ type: "go" });
    return (await Promise.all(results)) as Called[][];
  } finally {
    clearTimeout(timer);
    killAll();
  }
}

function waitFor(child: ChildProcess, type: "ready" | "result"): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (m.type === "error") reject(new Error(`race child failed: ${m.message}`));
      else if (m.type === type) resolve(m.type === "result" ? m.result : undefined);
      else return;
      child.off("message", onMessage);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`race child exited (${code}) before sending "${type}"`)));
  });
}
