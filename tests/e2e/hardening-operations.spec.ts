/**
 * Running it: a database the server cannot write stops the start with one line naming the
 * file and why; /healthz proves a write; a restart keeps people signed in (the demo's keys are
 * kept in the data folder) and SIGTERM lets a request in flight finish; pages that depend on a
 * session are never cacheable; HSTS and Secure cookies only over HTTPS.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { raw, staffCookie } from "./http-support";
import { startExpectingRefusal, startServer, stackTraceLines } from "./server-process";

test.describe.configure({ mode: "serial" });

function chattr(flag: "+i" | "-i", file: string) {
  execFileSync("chattr", [flag, file]);
}

test("a database file that cannot be written stops the start with one line naming it", async () => {
  test.setTimeout(240_000);
  const first = await startServer();
  const dataDir = first.dataDir;
  await first.stop();
  const file = path.join(dataDir, "plainsight.db");
  // Immutable: even root cannot write it (a read-only mount or a file owned by another user
  // behaves the same to SQLite: it opens read-only).
  let immutable = true;
  try {
    chattr("+i", file);
  } catch {
    immutable = false;
  }
  test.skip(!immutable, "chattr +i is not available on this file system");
  try {
    const refused = await startExpectingRefusal({ dataDir });
    expect(refused.code).toBe(1);
    const lines = refused.log.trim().split("\n").filter((l) => l.includes("cannot start"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/read-only|SQLITE_READONLY/);
    expect(stackTraceLines(refused.log)).toEqual([]);
  } finally {
    chattr("-i", file);
  }
});

test("a database path in a folder that cannot be created names the path and the reason", async () => {
  const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-bad-")), "a-file");
  fs.writeFileSync(blocker, "");
  const refused = await startExpectingRefusal({ env: { DATABASE_PATH: path.join(blocker, "db", "plainsight.db") } });
  expect(refused.code).toBe(1);
  const line = refused.log.trim().split("\n").find((l) => l.includes("cannot start"))!;
  expect(line).toContain(path.join(blocker, "db", "plainsight.db"));
  expect(stackTraceLines(refused.log)).toEqual([]);
});

test("a restart keeps people signed in; SIGTERM lets a request in flight finish; healthz proves a write", async () => {
  test.setTimeout(300_000);
  const first = await startServer();
  const cookie = await staffCookie(first.url, "officer@northmoor.example", "demo-officer-2026");
  expect((await raw(`${first.url}/staff`, { cookie })).status).toBe(200);
  const health = await raw(`${first.url}/healthz`);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toEqual({ status: "ok", database: "ok" });
  expect(fs.statSync(path.join(first.dataDir, "plainsight-secrets.json")).mode & 0o077).toBe(0);

  // A request in flight when SIGTERM arrives is still answered: the server has said
  // "100 Continue" (it is reading this request) before the signal, and the body follows it.
  const body = "email=still-in-flight%40example.com";
  const answered = new Promise<number>((resolve, reject) => {
    const req = http.request(`${first.url}/subscribe`, { method: "POST", agent: false, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), Expect: "100-continue" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    req.on("continue", () => {
      void first.stop("SIGTERM");
      setTimeout(() => req.end(body), 100);
    });
    req.flushHeaders();
  });
  expect(await answered).toBe(302);
  const code = await first.stop("SIGTERM");
  expect(code).toBe(0);
  expect(first.log()).toContain("Stopped.");

  const second = await startServer({ dataDir: first.dataDir });
  try {
    expect((await raw(`${second.url}/staff`, { cookie })).status).toBe(200);
  } finally {
    await second.stop();
  }
});

test("session pages are private and never stored; the public home page varies by cookie; no HSTS over http", async () => {
  test.setTimeout(240_000);
  const server = await startServer();
  try {
    const cookie = await staffCookie(server.url, "officer@northmoor.example", "demo-officer-2026");
    for (const pathname of ["/staff", "/staff/proposals/1", "/consultations/camhs-social-work", "/"]) {
      const r = await raw(`${server.url}${pathname}`, { cookie });
      expect(r.headers["cache-control"], pathname).toBe("private, no-store");
      expect(r.headers.vary, pathname).toMatch(/Cookie/);
    }
    // The same staff address for the public: still never stored.
    const anonymous = await raw(`${server.url}/staff/sign-in`);
    expect(anonymous.headers["cache-control"]).toBe("private, no-store");
    const home = await raw(`${server.url}/`);
    expect(home.headers.vary).toMatch(/Cookie/);
    expect(home.headers["strict-transport-security"]).toBeUndefined();
    const signIn = await raw(`${server.url}/staff/sign-in`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "email=officer%40northmoor.example&password=demo-officer-2026" });
    expect(String(signIn.headers["set-cookie"])).not.toMatch(/Secure/i);
  } finally {
    await server.stop();
  }
});

test("over HTTPS (BASE_URL): HSTS on every answer and Secure cookies", async () => {
  test.setTimeout(240_000);
  const server = await startServer({ env: { BASE_URL: "https://consult.northmoor.example" } });
  try {
    const home = await raw(`${server.url}/`);
    expect(home.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const signIn = await raw(`${server.url}/staff/sign-in`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "email=officer%40northmoor.example&password=demo-officer-2026" });
    expect(String(signIn.headers["set-cookie"])).toMatch(/Secure/i);
  } finally {
    await server.stop();
  }
});
