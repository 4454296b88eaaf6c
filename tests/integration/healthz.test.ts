/**
 * /healthz proves a write, not only a read: on a database this process can read but not write
 * (as when its disk turns read-only under a running server) it answers 503, so a load balancer
 * takes the server out instead of sending it requests whose every write would fail.
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { db, migrateDatabase, useDatabase, type DB } from "#db/client.server";
import { loader } from "~/routes/healthz";

let writable: DB;

beforeAll(() => {
  writable = db();
  migrateDatabase(writable);
});

afterAll(() => useDatabase(writable));

/** The probe writes at most once a second; wait out the last answer. */
const nextProbe = () => new Promise((resolve) => setTimeout(resolve, 1100));

async function health() {
  const response = await loader();
  return { status: response.status, body: (await response.json()) as unknown, cacheControl: response.headers.get("Cache-Control") };
}

describe("/healthz", () => {
  it("answers 200 on a database it can write, 503 'read-only' on one it cannot, and 200 again once it can", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok" }, cacheControl: "no-store" });

    const readOnly = new Database(process.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
    useDatabase(drizzle(readOnly, { schema }) as DB);
    try {
      // Reading still works: only a write shows the problem.
      expect(db().$client.prepare("SELECT count(*) AS n FROM users").get()).toEqual({ n: 0 });
      await nextProbe();
      expect(await health()).toEqual({ status: 503, body: { status: "error", database: "read-only" }, cacheControl: "no-store" });
    } finally {
      useDatabase(writable);
      readOnly.close();
    }
    await nextProbe();
    expect((await health()).status).toBe(200);
  });
});
