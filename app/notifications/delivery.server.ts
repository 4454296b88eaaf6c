/**
 * The delivery worker: takes due emails from the outbox and sends them, one message per row.
 *
 * A row is claimed with a lease (status "sending", claimedUntil) in a short write transaction,
 * sent outside any transaction, then marked sent, queued again with backoff, or failed. A
 * worker killed mid-send leaves its claim to lapse, and the next run takes the row again: the
 * email is sent at least once, and the repeat carries the same Message-ID (delivery.ts).
 *
 * Transports: SMTP when SMTP_URL is set; otherwise, in demo and development, a local inbox
 * that admins read in the app (the sent outbox rows are the inbox); in production without
 * SMTP nothing is sent and mail waits in the outbox until a server is configured.
 */
import nodemailer from "nodemailer";
import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { now as clockNow } from "~/lib/clock";
import { env } from "~/lib/env.server";
import {
  CLAIM_LEASE_MS,
  afterRetry,
  backoffMs,
  classifyRejectedRecipient,
  classifySendError,
  domainOf,
  isSingleAddress,
  messageIdFor,
  scrubSecrets,
  type SendError,
  type Verdict,
} from "./delivery";
import { startNoticeClockIfDelivered } from "./notice-clock.server";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
};

export type SendResult = { accepted: string[]; rejected: string[]; rejectedErrors?: SendError[] };

export type MailTransport = {
  /** "local": the demo inbox; "held": production with no mail server, nothing leaves */
  kind: "smtp" | "local" | "held";
  send(email: OutgoingEmail): Promise<SendResult>;
  close(): void;
};

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Well inside the claim lease, so a slow server cannot make two workers send one row.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: "smtp",
    async send(email) {
      const info = await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        headers: email.headers,
        messageId: email.messageId,
        // The envelope is exactly the one recipient, whatever a header might say.
        envelope: { from: email.from, to: [email.to] },
      });
      return {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        rejectedErrors: info.rejectedErrors,
      };
    },
    close: () => transporter.close(),
  };
}

/** The demo's mail server: accepting is delivering, and the admin inbox shows the sent rows. */
export function localTransport(): MailTransport {
  return {
    kind: "local",
    async send(email) {
      return { accepted: [email.to], rejected: [] };
    },
    close() {},
  };
}

export function transportFromEnv(): MailTransport | null {
  const e = env();
  if (e.SMTP_URL) return smtpTransport(e.SMTP_URL);
  if (e.PLAINSIGHT_DEMO || e.NODE_ENV !== "production") return localTransport();
  return null;
}

/** Which transport this deployment uses, for the admin pages. */
export function transportKind(): MailTransport["kind"] {
  const e = env();
  if (e.SMTP_URL) return "smtp";
  return e.PLAINSIGHT_DEMO || e.NODE_ENV !== "production" ? "local" : "held";
}

type OutboxRow = typeof t.outbox.$inferSelect;

/** Claims this process holds now (row id → lease end), so a shutdown can hand them back. */
const held = new Map<number, string>();
let stopping = false;

/** On shutdown: take no new rows (the one being sent finishes). */
export function stopClaiming() {
  stopping = true;
}

/**
 * Give back every claim this process still holds, so the next worker sends those rows at
 * once rather than after the lease lapses. The attempt is not counted: nothing was sent.
 */
export function releaseHeldClaims(database: DB = defaultDb()): number {
  let released = 0;
  for (const [id, claimedUntil] of held) {
    writeTransaction((tx) => {
      released += tx
        .update(t.outbox)
        .set({ status: "queued", claimedUntil: null, attempts: sql`max(${t.outbox.attempts} - 1, 0)` })
        .where(and(eq(t.outbox.id, id), eq(t.outbox.status, "sending"), eq(t.outbox.claimedUntil, claimedUntil)))
        .run().changes;
    }, database);
    held.delete(id);
  }
  return released;
}

/** Claim the next due row (queued and due, or sending with a lapsed lease), or null. */
export function claimNext(at: Date, database: DB = defaultDb(), leaseMs = CLAIM_LEASE_MS): OutboxRow | null {
  const iso = at.toISOString();
  const due = or(and(eq(t.outbox.status, "queued"), lte(t.outbox.nextAttemptAt, iso)), and(eq(t.outbox.status, "sending"), lte(t.outbox.claimedUntil, iso)));
  // A plain read first: polling an empty outbox every few seconds takes no write lock.
  if (!database.select({ id: t.outbox.id }).from(t.outbox).where(due).limit(1).get()) return null;
  return writeTransaction((tx) => {
    const row = tx.select().from(t.outbox).where(due).orderBy(asc(t.outbox.nextAttemptAt), asc(t.outbox.id)).limit(1).get();
    if (!row) return null;
    const claim = { status: "sending" as const, claimedUntil: new Date(at.getTime() + leaseMs).toISOString(), attempts: row.attempts + 1 };
    tx.update(t.outbox).set(claim).where(eq(t.outbox.id, row.id)).run();
    held.set(row.id, claim.claimedUntil);
    return { ...row, ...claim };
  }, database);
}

/** Record the outcome, but only while our claim stands: a lapsed claim belongs to another worker. */
function settle(row: OutboxRow, set: Partial<typeof t.outbox.$inferInsert>, database: DB) {
  held.delete(row.id);
  writeTransaction((tx) => {
    const settled = tx
      .update(t.outbox)
      .set(set)
      .where(and(eq(t.outbox.id, row.id), eq(t.outbox.status, "sending"), eq(t.outbox.claimedUntil, row.claimedUntil!)))
      .run().changes;
    // A union notice delivered: the notice period may start now (notice-clock.server.ts).
    if (settled && set.status === "sent" && row.event === "union_notice" && row.proposalId != null) {
      startNoticeClockIfDelivered(tx, row.proposalId, set.sentAt ? new Date(set.sentAt) : clockNow());
    }
  }, database);
}

function applyVerdict(row: OutboxRow, verdict: Verdict, at: Date, database: DB): "retry" | "fail" {
  const outcome = verdict.kind === "fail" ? "fail" : afterRetry(verdict, row.attempts);
  if (outcome === "fail") {
    settle(row, { status: "failed", claimedUntil: null, lastError: verdict.reason }, database);
  } else {
    settle(row, { status: "queued", claimedUntil: null, lastError: verdict.reason, nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)).toISOString() }, database);
  }
  return outcome;
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * Send what is due, one row at a time, up to `limit`. Stops early when the server cannot be
 * reached: the rest stay queued and are tried on the next run, so an outage costs one
 * connection attempt per run rather than one per message.
 */
export async function deliverDue(
  options: { transport?: MailTransport | null; database?: DB; limit?: number; now?: () => Date; leaseMs?: number } = {},
): Promise<DeliveryReport> {
  const database = options.database ?? defaultDb();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const transport = options.transport === undefined ? transportFromEnv() : options.transport;
  if (!transport) return report;
  const now = options.now ?? clockNow;
  const from = env().MAIL_FROM;
  const domain = domainOf(from);
  try {
    for (let i = 0; i < (options.limit ?? 50); i++) {
      if (stopping) break;
      const row = claimNext(now(), database, options.leaseMs);
      if (!row) break;
      let verdict: Verdict | null = null;
      if (!isSingleAddress(row.toAddress)) {
        applyVerdict(row, { kind: "fail", reason: "The recipient is not a single email address" }, now(), database);
        report.failed++;
        continue;
      }
      try {
        const result = await transport.send({
          from,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          headers: { "Auto-Submitted": "auto-generated", ...(row.headers ?? {}) },
          messageId: messageIdFor(row.idempotencyKey, domain),
        });
        // One recipient per message, so a refused recipient is the whole message.
        const refused = result.rejected.length > 0 || !result.accepted.length;
        if (refused) verdict = classifyRejectedRecipient(result.rejectedErrors?.[0]);
      } catch (error) {
        verdict = classifySendError(error as SendError);
      }
      const at = now();
      if (!verdict) {
        // The local inbox keeps the message as written; anything that left for a real
        // mailbox keeps no working personal link behind.
        const textBody = transport.kind === "local" ? row.textBody : scrubSecrets(row.textBody);
        settle(row, { status: "sent", sentAt: at.toISOString(), claimedUntil: null, lastError: null, textBody }, database);
        report.sent++;
        continue;
      }
      if (applyVerdict(row, verdict, at, database) === "fail") report.failed++;
      else {
        report.retrying++;
        if (verdict.kind === "retry" && !verdict.countsTowardsLimit) break;
      }
    }
  } finally {
    if (options.transport === undefined) transport.close();
  }
  return report;
}
