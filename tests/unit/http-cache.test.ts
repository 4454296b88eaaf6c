/**
 * The server's caches stay within their bounds (a burst of distinct addresses cannot grow them
 * without limit), and a page read by many is compressed once, not once per reader (issue 13,
 * item 2; server/http-cache.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BoundedCache, httpCache } from "../../server/http-cache";

// Counts the compressions the server does; each still compresses for real.
const compressions = vi.hoisted(() => ({ br: 0, gzip: 0 }));
vi.mock("node:zlib", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:zlib")>();
  const counted = {
    ...actual,
    brotliCompress: (...args: Parameters<typeof actual.brotliCompress>) => {
      compressions.br++;
      return (actual.brotliCompress as (...a: unknown[]) => void)(...args);
    },
    gzip: (...args: Parameters<typeof actual.gzip>) => {
      compressions.gzip++;
      return (actual.gzip as (...a: unknown[]) => void)(...args);
    },
  };
  return { ...counted, default: counted };
});

describe("BoundedCache: the oldest go first, by count and by bytes", () => {
  it("past its count, drops the least recently used entry", () => {
    const cache = new BoundedCache<string>(3);
    cache.set("a", "A");
    cache.set("b", "B");
    cache.set("c", "C");
    // Reading "a" makes it the most recently used: "b" is now the oldest.
    expect(cache.get("a")).toBe("A");
    cache.set("d", "D");
    expect(cache.size).toBe(3);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual(["A", "C", "D"]);
  });

  it("past its bytes, drops the oldest until the rest fit, and never keeps one bigger than the whole", () => {
    const cache = new BoundedCache<string>(100, 1000);
    cache.set("a", "A", 400);
    cache.set("b", "B", 400);
    expect(cache.totalBytes).toBe(800);
    cache.set("c", "C", 400);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.totalBytes).toBe(800);
    // 700 more bytes push out both older entries.
    cache.set("d", "D", 700);
    expect([cache.get("b"), cache.get("c")]).toEqual([undefined, undefined]);
    expect(cache.get("d")).toBe("D");
    expect(cache.totalBytes).toBe(700);
    // Too big to keep at all: not stored, and nothing else is pushed out for it.
    cache.set("huge", "H", 1001);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("d")).toBe("D");
    expect(cache.totalBytes).toBe(700);
  });

  it("counts a replaced or deleted entry's bytes out", () => {
    const cache = new BoundedCache<string>(10, 1000);
    cache.set("a", "A", 600);
    cache.set("a", "A2", 300);
    expect(cache.totalBytes).toBe(300);
    cache.set("b", "B", 600);
    expect(cache.get("a")).toBe("A2");
    cache.delete("a");
    expect(cache.totalBytes).toBe(600);
    expect(cache.size).toBe(1);
  });
});

describe("a page read by many is compressed once", () => {
  const page = `<!doctype html><html><body>${"<p>The proposal, its risks and what residents said about them.</p>".repeat(200)}</body></html>`;
  let base = "";
  let server: http.Server;

  beforeAll(async () => {
    const app = express();
    // As Remix answers: no ETag of Express's own (the cache sets its strong one).
    app.set("etag", false);
    app.use(httpCache());
    app.get("/page/:n", (req, res) => {
      // What the Remix handler marks (server/app.ts): a page the cache policy applies to.
      res.locals.remix = true;
      res.type("html").send(page.replace("<body>", `<body data-n="${req.params.n}">`));
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function get(path: string, encoding: string): Promise<{ encoding: string | undefined; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers: { "Accept-Encoding": encoding }, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  }

  it("ten brotli readers and ten gzip readers of the same page cost one compression each; another page its own", async () => {
    const start = { ...compressions };
    for (let i = 0; i < 10; i++) {
      const br = await get("/page/1", "br");
      expect(br.encoding).toBe("br");
      expect(zlib.brotliDecompressSync(br.body).toString()).toContain('data-n="1"');
      const gz = await get("/page/1", "gzip");
      expect(gz.encoding).toBe("gzip");
      expect(zlib.gunzipSync(gz.body).toString()).toContain('data-n="1"');
    }
    expect(compressions.br - start.br).toBe(1);
    expect(compressions.gzip - start.gzip).toBe(1);

    // Different bytes are compressed for themselves, once.
    await get("/page/2", "br");
    await get("/page/2", "br");
    expect(compressions.br - start.br).toBe(2);
  });
});
