/**
 * A comment, a response or a decision acknowledged to the person who made it is on disk: the
 * connection the server serves with commits with synchronous=FULL in WAL mode (each commit's
 * log is flushed to disk before the write returns), so a power cut after "Your comment has been
 * posted" cannot lose it. NORMAL would be faster and could lose the last commits (issue 13,
 * "durability kept"; db/client.server.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db, openForServing } from "#db/client.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-durability-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** SQLite's numbers for the synchronous setting. */
const FULL = 2;

describe("the database connection keeps every acknowledged write on disk", () => {
  it("the server's connection (as start-up opens it) commits with synchronous=FULL in WAL mode, foreign keys on", () => {
    const database = openForServing(path.join(dir, "served.db"));
    try {
      expect(database.$client.pragma("synchronous", { simple: true })).toBe(FULL);
      expect(database.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(database.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      database.$client.close();
    }
  });

  it("so does the process's own connection that the scripts and the worker use", () => {
    expect(db().$client.pragma("synchronous", { simple: true })).toBe(FULL);
  });
});
