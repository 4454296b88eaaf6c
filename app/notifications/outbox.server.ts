/**
 * The outbox. Every email is written here in the same transaction as the change that causes
 * it, so an email is never sent for a change that rolled back and never lost for one that
 * committed. The delivery worker (delivery.server.ts) sends it later.
 */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { nowIso } from "~/lib/clock";

export type QueuedEmail = {
  /** one message per event and recipient: the same key twice queues one email */
  idempotencyKey: string;
  event: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
  proposalId?: number | null;
};

/** Strip line breaks so that a name or title can never inject a mail header. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

/** Queue one email inside the caller's transaction. Returns false if it was already queued. */
export function queueEmail(tx: DB, email: QueuedEmail): boolean {
  const result = tx
    .insert(t.outbox)
    .values({
      idempotencyKey: email.idempotencyKey,
      event: email.event,
      toAddress: headerSafe(email.to),
      subject: headerSafe(email.subject),
      textBody: email.text,
      headers: email.headers ? Object.fromEntries(Object.entries(email.headers).map(([k, v]) => [headerSafe(k), headerSafe(v)])) : null,
      proposalId: email.proposalId ?? null,
      nextAttemptAt: nowIso(),
    })
    .onConflictDoNothing({ target: t.outbox.idempotencyKey })
    .run();
  if (result.changes > 0) kickOutbox();
  return result.changes > 0;
}

// ─── Waking the in-process worker ──────────────────────────────────────────────
// The server bundle and the scheduler (loaded by tsx) each have their own copy of this
// module in one process, so the hook lives on globalThis, as the clock's state does.
const g = globalThis as typeof globalThis & { __plainsightOutboxKick?: () => void };

/** The in-process worker registers how to wake it (server/scheduler.ts). */
export function registerOutboxKick(kick: (() => void) | undefined) {
  g.__plainsightOutboxKick = kick;
}

/** Ask the in-process worker, if any, to deliver soon. It runs on a later turn of the event
 * loop, so after the caller's (synchronous) transaction has committed or rolled back. */
export function kickOutbox() {
  const kick = g.__plainsightOutboxKick;
  // One wake-up however many emails a transaction queued.
  if (!kick || kickPending) return;
  kickPending = true;
  setImmediate(() => {
    kickPending = false;
    kick();
  });
}
let kickPending = false;

// ─── For admins ────────────────────────────────────────────────────────────────
export type OutboxStatus = (typeof t.OUTBOX_STATUSES)[number];

export function outboxCounts(database: DB = defaultDb()): Record<OutboxStatus, number> {
  const rows = database.select({ status: t.outbox.status, n: count() }).from(t.outbox).groupBy(t.outbox.status).all();
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** The newest messages in some states, without their bodies (which may hold personal links). */
export function listOutbox(statuses: OutboxStatus[], limit = 100, database: DB = defaultDb()) {
  return database
    .select({
      id: t.outbox.id,
      event: t.outbox.event,
      toAddress: t.outbox.toAddress,
      subject: t.outbox.subject,
      status: t.outbox.status,
      attempts: t.outbox.attempts,
      nextAttemptAt: t.outbox.nextAttemptAt,
      lastError: t.outbox.lastError,
      createdAt: t.outbox.createdAt,
      sentAt: t.outbox.sentAt,
    })
    .from(t.outbox)
    .where(inArray(t.outbox.status, statuses))
    .orderBy(desc(t.outbox.id))
    .limit(limit)
    .all();
}

/**
 * An admin sends a failed message again, or a queued one now rather than at its next
 * attempt. The count of attempts starts again so that a 4xx answer gets its full allowance.
 */
export function retryEmail(id: number, actorId: number, database: DB = defaultDb()): boolean {
  const done = writeTransaction((tx) => {
    const result = tx
      .update(t.outbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: nowIso(), claimedUntil: null })
      .where(and(eq(t.outbox.id, id), inArray(t.outbox.status, ["failed", "queued"])))
      .run();
    if (result.changes === 0) return false;
    appendAudit(tx, { actorId, action: "outbox.retry", entityType: "outbox", entityId: id });
    return true;
  }, database);
  if (done) kickOutbox();
  return done;
}

/** The demo inbox: what the local transport delivered, newest first. */
export function listInbox(limit = 200, database: DB = defaultDb()) {
  return database
    .select({ id: t.outbox.id, toAddress: t.outbox.toAddress, subject: t.outbox.subject, sentAt: t.outbox.sentAt, event: t.outbox.event })
    .from(t.outbox)
    .where(eq(t.outbox.status, "sent"))
    .orderBy(desc(t.outbox.sentAt), desc(t.outbox.id))
    .limit(limit)
    .all();
}

export function inboxMessage(id: number, database: DB = defaultDb()) {
  return database
    .select({ id: t.outbox.id, toAddress: t.outbox.toAddress, subject: t.outbox.subject, textBody: t.outbox.textBody, headers: t.outbox.headers, sentAt: t.outbox.sentAt })
    .from(t.outbox)
    .where(and(eq(t.outbox.id, id), eq(t.outbox.status, "sent")))
    .get();
}
