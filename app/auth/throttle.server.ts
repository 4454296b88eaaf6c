/**
 * The sign-in throttle. Each attempt is recorded in the database as "pending" in the same
 * IMMEDIATE transaction that decides whether it may be made, before any password is checked;
 * the check's outcome is written after. Pending attempts count as failures, so a burst of
 * concurrent guesses (one process or several on one database) is counted exactly: the first
 * few are checked and the rest refused, whatever any of them turns out to be.
 *
 * Four limits, each with the time to wait:
 * - one account from one address: a few free failures, then a doubling wait (backoff);
 * - one account from anywhere: more free failures, then a doubling wait, so guesses spread
 *   over many addresses are slowed without one address locking the officer out elsewhere;
 * - one address across accounts: a fixed number of failures in a window (password spraying);
 * - everything together: a ceiling on failures in a window.
 *
 * Reusable by every way of signing in (password, second factor, and later single sign-on or
 * invitations): `beginAttempt` before checking a secret, `finishAttempt` after.
 */
import { createHmac } from "node:crypto";
import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { now } from "~/lib/clock";
import { derivedKey } from "~/lib/secrets.server";

const MINUTE = 60_000;

export const THROTTLE = {
  /** one account from one address */
  accountAddress: { free: 5, windowMs: 60 * MINUTE, firstWaitMs: 1 * MINUTE, maxWaitMs: 15 * MINUTE },
  /** one account from any address */
  account: { free: 20, windowMs: 60 * MINUTE, firstWaitMs: 1 * MINUTE, maxWaitMs: 60 * MINUTE },
  /** one address, any accounts */
  address: { limit: 30, windowMs: 15 * MINUTE },
  /** everything */
  overall: { limit: 500, windowMs: 15 * MINUTE },
  /** attempts older than this are deleted by the sweep */
  keepMs: 24 * 60 * MINUTE,
} as const;

export type AttemptVerdict = { ok: true; attemptId: number } | { ok: false; retryAfterMs: number; message: string };

function keyed(purpose: string, value: string): string {
  return createHmac("sha256", derivedKey(`sign-in-${purpose}`)).update(value).digest("hex");
}

/** "Wait 45 seconds" or "Wait 3 minutes": rounded up, never zero. */
export function waitMessage(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const wait = seconds < 60 ? `${seconds} ${seconds === 1 ? "second" : "seconds"}` : `${Math.ceil(seconds / 60)} ${Math.ceil(seconds / 60) === 1 ? "minute" : "minutes"}`;
  return `Too many attempts. Wait ${wait} and try again.`;
}

const FAILING = ["pending", "failed"] as const;

function backoffWait(failures: { at: number }[], rule: { free: number; firstWaitMs: number; maxWaitMs: number }, at: number): number {
  if (failures.length < rule.free) return 0;
  const wait = Math.min(rule.firstWaitMs * 2 ** (failures.length - rule.free), rule.maxWaitMs);
  const latest = Math.max(...failures.map((f) => f.at));
  return Math.max(0, latest + wait - at);
}

function windowWait(ats: number[], rule: { limit: number; windowMs: number }, at: number): number {
  if (ats.length < rule.limit) return 0;
  // Wait until enough of them have left the window for one more.
  const sorted = [...ats].sort((a, b) => a - b);
  return Math.max(0, sorted[sorted.length - rule.limit] + rule.windowMs - at);
}

/**
 * May this attempt be made? If so it is recorded (pending) and its id returned; check the
 * secret, then call finishAttempt with the outcome.
 */
export function beginAttempt(input: { account: string; address: string }, database: DB = defaultDb()): AttemptVerdict {
  const accountKey = keyed("account", input.account.trim().toLowerCase());
  const addressKey = keyed("address", input.address);
  const at = now().getTime();
  return writeTransaction((tx): AttemptVerdict => {
    const successes = tx
      .select({ at: t.signInAttempts.at, addressKey: t.signInAttempts.addressKey })
      .from(t.signInAttempts)
      .where(and(eq(t.signInAttempts.accountKey, accountKey), eq(t.signInAttempts.outcome, "succeeded"), gt(t.signInAttempts.at, at - THROTTLE.account.windowMs)))
      .all();
    // A success starts a count again: the account's from anywhere, this address's from here.
    const lastSuccess = Math.max(0, ...successes.map((r) => r.at));
    const lastSuccessHere = Math.max(0, ...successes.filter((r) => r.addressKey === addressKey).map((r) => r.at));
    const accountFailures = tx
      .select({ at: t.signInAttempts.at, addressKey: t.signInAttempts.addressKey })
      .from(t.signInAttempts)
      .where(and(eq(t.signInAttempts.accountKey, accountKey), gt(t.signInAttempts.at, at - THROTTLE.account.windowMs), inArray(t.signInAttempts.outcome, FAILING)))
      .all();
    const fromAnywhere = accountFailures.filter((f) => f.at > lastSuccess);
    const fromHere = accountFailures.filter((f) => f.addressKey === addressKey && f.at > lastSuccessHere && f.at > at - THROTTLE.accountAddress.windowMs);
    const addressFailures = tx
      .select({ at: t.signInAttempts.at })
      .from(t.signInAttempts)
      .where(and(eq(t.signInAttempts.addressKey, addressKey), gt(t.signInAttempts.at, at - THROTTLE.address.windowMs), inArray(t.signInAttempts.outcome, FAILING)))
      .all()
      .map((r) => r.at);
    const overall = tx
      .select({ at: t.signInAttempts.at })
      .from(t.signInAttempts)
      .where(and(gt(t.signInAttempts.at, at - THROTTLE.overall.windowMs), inArray(t.signInAttempts.outcome, FAILING)))
      .orderBy(desc(t.signInAttempts.at))
      .limit(THROTTLE.overall.limit)
      .all()
      .map((r) => r.at);
    const wait = Math.max(
      backoffWait(fromHere, THROTTLE.accountAddress, at),
      backoffWait(fromAnywhere, THROTTLE.account, at),
      windowWait(addressFailures, THROTTLE.address, at),
      windowWait(overall, THROTTLE.overall, at),
    );
    if (wait > 0) return { ok: false, retryAfterMs: wait, message: waitMessage(wait) };
    const row = tx.insert(t.signInAttempts).values({ at, accountKey, addressKey, outcome: "pending" }).returning({ id: t.signInAttempts.id }).get();
    return { ok: true, attemptId: row.id };
  }, database);
}

export function finishAttempt(attemptId: number, outcome: "failed" | "succeeded", database: DB = defaultDb()) {
  database.update(t.signInAttempts).set({ outcome }).where(and(eq(t.signInAttempts.id, attemptId), eq(t.signInAttempts.outcome, "pending"))).run();
}

/** The timer's sweep: attempts older than a day count for nothing. Returns how many went. */
export function sweepAttempts(database: DB = defaultDb()): number {
  return database
    .delete(t.signInAttempts)
    .where(lt(t.signInAttempts.at, now().getTime() - THROTTLE.keepMs))
    .run().changes;
}

/** Tests start each case with no attempts remembered. */
export function resetAttemptsForTests(database: DB = defaultDb()) {
  database.run(sql`DELETE FROM ${t.signInAttempts}`);
}
