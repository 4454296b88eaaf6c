/**
 * Sliding-window rate limits, in two stores:
 *
 * - In memory, per process, for limits that only dampen (comments, reports, answers): bounded
 *   (the least recently used key goes when it is full) and swept on a timer, never by walking
 *   the map on a request. A restart forgetting recent activity is harmless.
 * - In the database (`takeSharedAllowance`), for limits that several processes must agree on:
 *   anything that sends email to an address nobody has proven yet. Keys are stored as keyed
 *   hashes, so the table holds no email or internet address, and rows older than the longest
 *   window are swept by the worker (server/scheduler.ts).
 *
 * Staff sign-in has its own throttle (auth/throttle.server.ts).
 */
import { createHmac } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { now } from "~/lib/clock";
import { derivedKey } from "~/lib/secrets.server";
import type { Limit } from "./rules";

type Bucket = { hits: number[]; keepMs: number };
const buckets = new Map<string, Bucket>();
export const MAX_KEYS = 50_000;
const SWEEP_EVERY_MS = 60_000;
let sweeper: NodeJS.Timeout | undefined;

function startSweeper() {
  if (sweeper) return;
  sweeper = setInterval(() => sweepMemory(Date.now()), SWEEP_EVERY_MS);
  sweeper.unref();
}

/** Drop every key with nothing left in its longest window. Runs on the timer. */
export function sweepMemory(at: number): number {
  let dropped = 0;
  for (const [key, bucket] of buckets) {
    if (!bucket.hits.some((when) => at - when < bucket.keepMs)) {
      buckets.delete(key);
      dropped++;
    }
  }
  return dropped;
}

/**
 * Count one attempt against every limit for `key`, or none if any limit is already reached
 * (a refused attempt does not use up allowance).
 */
export function takeAllowance(key: string, limits: Limit | Limit[], at: Date): boolean {
  startSweeper();
  const list = Array.isArray(limits) ? limits : [limits];
  const time = at.getTime();
  const longest = Math.max(...list.map((l) => l.windowMs));
  const existing = buckets.get(key);
  const hits = (existing?.hits ?? []).filter((when) => time - when < longest);
  // Most recently used last: the first key in the map is the one to drop when it is full.
  buckets.delete(key);
  for (const { limit, windowMs } of list) {
    if (hits.filter((when) => time - when < windowMs).length >= limit) {
      buckets.set(key, { hits, keepMs: longest });
      return false;
    }
  }
  hits.push(time);
  buckets.set(key, { hits, keepMs: longest });
  if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value!);
  return true;
}

/** Give back an attempt that turned out not to count (the write was refused for another reason). */
export function refundAllowance(key: string, at: Date) {
  const hits = buckets.get(key)?.hits;
  if (!hits) return;
  const i = hits.lastIndexOf(at.getTime());
  if (i !== -1) hits.splice(i, 1);
}

export function memoryKeyCount(): number {
  return buckets.size;
}

// ─── Shared through the database ──────────────────────────────────────────────

/** The longest window of any shared limit: rows older than this are swept. */
const SHARED_KEEP_MS = 24 * 60 * 60 * 1000;

function sharedKey(key: string): string {
  return createHmac("sha256", derivedKey("rate-limit")).update(key).digest("hex");
}

/**
 * As takeAllowance, counted in the database in one IMMEDIATE transaction, so two processes
 * (or two requests racing) cannot both take the last allowance. Pass the caller's transaction
 * to count inside it.
 */
export function takeSharedAllowance(key: string, limits: Limit | Limit[], at: Date, database: DB = defaultDb()): boolean {
  const list = Array.isArray(limits) ? limits : [limits];
  const hashed = sharedKey(key);
  const time = at.getTime();
  const longest = Math.max(...list.map((l) => l.windowMs));
  const count = (tx: DB) => {
    const hits = tx
      .select({ at: t.rateLimitHits.at })
      .from(t.rateLimitHits)
      .where(and(eq(t.rateLimitHits.key, hashed), gt(t.rateLimitHits.at, time - longest)))
      .all()
      .map((r) => r.at);
    for (const { limit, windowMs } of list) if (hits.filter((when) => time - when < windowMs).length >= limit) return false;
    tx.insert(t.rateLimitHits).values({ key: hashed, at: time }).run();
    return true;
  };
  return database.$client.inTransaction ? count(database) : writeTransaction(count, database);
}

/** The worker's sweep of the shared store. */
export function sweepSharedLimits(database: DB = defaultDb()): number {
  return database
    .delete(t.rateLimitHits)
    .where(lt(t.rateLimitHits.at, now().getTime() - SHARED_KEEP_MS))
    .run().changes;
}

export function resetRateLimitsForTests(database?: DB) {
  buckets.clear();
  try {
    (database ?? defaultDb()).run(sql`DELETE FROM ${t.rateLimitHits}`);
  } catch {
    // a test without a migrated database has nothing shared to clear
  }
}

/**
 * The client's address as the server put it in the load context (server/app.ts: Express's
 * req.ip, which follows TRUST_PROXY), never from a header a client can set. Unknown addresses
 * (tests, a misconfigured proxy) share one key.
 */
export function addressFrom(context: unknown): string {
  const value = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  return typeof value === "string" && value ? value : "unknown";
}
