/**
 * A refusal sent before the body has arrived (413 for a body past its limit, 415, 403) must
 * reach the client. Node on its own destroys the socket the moment such an answer is written;
 * with the client's body still arriving that sends a reset, the client's system discards the
 * answer it had not yet read, and the client sees a broken connection with no answer (issue 8:
 * the fuzz test waited for ever on one). The server's own chain here: the body reader, the
 * content-type guard and the one error handler, on a real socket.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw } from "../e2e/http-support";

let server: ChildProcess;
let url = "";

beforeAll(async () => {
  // In a process of its own: in the test's own process the client always reads the answer
  // before the server's close lands, and the fault never shows.
  server = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/early-answer-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.once("exit", (code) => reject(new Error(`the test server exited (${code})`)));
  });
  url = `http://127.0.0.1:${port}/form`;
}, 60_000);

afterAll(() => {
  server?.kill();
});

function* chunks(total: number) {
  const chunk = Buffer.alloc(64 * 1024, "a");
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

/** `count` requests, `parallel` at a time; what each one got, or how it failed. */
async function many(count: number, parallel: number, send: () => Promise<{ status: number }>): Promise<string[]> {
  const outcomes: string[] = [];
  let started = 0;
  const worker = async () => {
    while (started++ < count) outcomes.push(await send().then((r) => String(r.status), (e: Error) => e.message));
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return outcomes;
}

describe("an answer sent before the body has arrived", () => {
  it("reaches every client still streaming a body past the limit: 413, never a broken connection", async () => {
    const outcomes = await many(60, 6, () =>
      raw(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, body: Readable.from(chunks(8 * 1024 * 1024)), timeoutMs: 15_000 }),
    );
    expect(outcomes.filter((o) => o !== "413")).toEqual([]);
  }, 120_000);

  it("reaches every client that declared a body past the limit and sends part of it", async () => {
    const outcomes = await many(30, 6, () =>
      raw(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(50 * 1024 * 1024) }, body: Readable.from(chunks(2 * 1024 * 1024)), timeoutMs: 15_000 }),
    );
    expect(outcomes.filter((o) => o !== "413")).toEqual([]);
  }, 120_000);

  it("reaches every client streaming a body of the wrong type: 415", async () => {
    const outcomes = await many(30, 6, () =>
      raw(url, { method: "POST", headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }, body: Readable.from(chunks(4 * 1024 * 1024)), timeoutMs: 15_000 }),
    );
    expect(outcomes.filter((o) => o !== "415")).toEqual([]);
  }, 120_000);

  it("still answers a well-formed form on a connection of its own", async () => {
    const response = await raw(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "email=a%40b.example", timeoutMs: 5_000 });
    expect(response.status).toBe(200);
    expect(response.body).toBe("thank you");
  });
});
