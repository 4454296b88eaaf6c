/**
 * `npm run bench`: load figures for the public pages, printed, not asserted (timed tests
 * flake; figures are compared by people). Starts the built app in demo mode on a scratch
 * database, drives it with autocannon on loopback for a few seconds per page, then stops.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-bench-"));
const server = spawn("npx", ["tsx", "scripts/start.ts", "--demo", "--no-worker"], {
  env: { ...process.env, PORT: String(PORT), DATABASE_PATH: path.join(dir, "bench.db"), UPLOADS_PATH: path.join(dir, "uploads"), NODE_ENV: "production" },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true, // its own process group, so the whole tree stops at the end
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

try {
  await waitForServer();
  const pages = [
    "/",
    "/consultations?status=open",
    "/consultations/camhs-social-work",
    "/consultations/ict-strategic-partnership",
    // The open data: the API list, one consultation's JSON, search, a feed and a CSV file.
    "/api/v1/consultations",
    "/api/v1/consultations/camhs-social-work",
    "/api/v1/search?q=waiting+times",
    "/feeds/consultations.atom",
    "/api/v1/risks.csv",
    "/healthz",
  ];
  console.log("page".padEnd(44), "req/s".padStart(8), "p50 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7));
  for (const page of pages) {
    const result = await autocannon({ url: `http://127.0.0.1:${PORT}${page}`, connections: 10, duration: 5 });
    console.log(page.padEnd(44), result.requests.average.toFixed(0).padStart(8), String(result.latency.p50).padStart(8), String(result.latency.p99).padStart(8), String(result.errors + result.non2xx).padStart(7));
  }
  // The server's node process is a child of npx; report the largest resident set among them.
  const pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)).map(Number);
  const serverRss = Math.max(...pids.filter((p) => { try { return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("scripts/start.ts"); } catch { return false; } }).map(rssOf));
  console.log(`server resident memory after load: ${serverRss.toFixed(0)} MiB`);
} finally {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already stopped
  }
}
