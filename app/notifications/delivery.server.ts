/**
 * The delivery worker: takes due emails from the outbox, most urgent first, and sends them
 * over pooled connections with several in flight, one message per row.
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
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { now as clockNow } from "~/lib/clock";
import { env } from "~/lib/env.server";
import {
  BULK_EVENTS,
  CLAIM_LEASE_MS,
  DROP_RETRIES,
  ROUND_LIMIT,
  URGENT_EVENTS,
  isUnreachable,
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
  /** how many messages deliverDue keeps in flight at once (default 1) */
  inFlight?: number;
};

/** Connections a pooled transport keeps open to the server, and messages in flight over them. */
export const SMTP_CONNECTIONS = 5;
export const IN_FLIGHT = 10;

/**
 * SMTP through a pool of open connections (nodemailer's pool): one connection carries message
 * after message instead of a new connection, greeting and handshake per message. A connection
 * the server drops while a message is on it is replaced; nodemailer puts that message back at
 * the head of its queue a few times, and anything it gives up on comes back to deliverDue as a
 * dropped connection (retried there, that message only).
 */
export function smtpTransport(url: string, options: { connections?: number } = {}): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.connections ?? SMTP_CONNECTIONS,
    maxMessages: Infinity,
    // Well inside the claim lease, so a slow server cannot make two workers send one row.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: "smtp",
    inFlight: IN_FLIGHT,
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
    inFlight: IN_FLIGHT,
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

// The worker's transport lives from one round to the next, so its pooled connections do too.
let shared: { url: string | undefined; transport: MailTransport | null } | null = null;

/** This deployment's transport, made once and kept (closeSharedTransport ends it). */
export function sharedTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  if (shared && shared.url !== url) closeSharedTransport();
  shared ??= { url, transport: transportFromEnv() };
  return shared.transport;
}

export function closeSharedTransport() {
  shared?.transport?.close();
  shared = null;
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

/** Urgent mail first (delivery.ts), then the oldest due. */
const byPriority = sql`CASE WHEN ${t.outbox.event} IN (${sql.join(
  URGENT_EVENTS.map((e) => sql`${e}`),
  sql`, `,
)}) THEN 0 WHEN ${t.outbox.event} IN (${sql.join(
  BULK_EVENTS.map((e) => sql`${e}`),
  sql`, `,
)}) THEN 2 ELSE 1 END`;

/**
 * Claim up to `n` due rows (queued and due, or sending with a lapsed lease), most urgent first,
 * in one short write transaction.
 */
export function claimDue(at: Date, n: number, database: DB = defaultDb(), leaseMs = CLAIM_LEASE_MS): OutboxRow[] {
  const iso = at.toISOString();
  const due = or(and(eq(t.outbox.status, "queued"), lte(t.outbox.nextAttemptAt, iso)), and(eq(t.outbox.status, "sending"), lte(t.outbox.claimedUntil, iso)));
  // A plain read first: polling an empty outbox every few seconds takes no write lock.
  if (!database.select({ id: t.outbox.id }).from(t.outbox).where(due).limit(1).get()) return [];
  return writeTransaction((tx) => {
    const rows = tx.select().from(t.outbox).where(due).orderBy(byPriority, asc(t.outbox.nextAttemptAt), asc(t.outbox.id)).limit(n).all();
    if (!rows.length) return [];
    const claimedUntil = new Date(at.getTime() + leaseMs).toISOString();
    tx.update(t.outbox)
      .set({ status: "sending", claimedUntil, attempts: sql`${t.outbox.attempts} + 1` })
      .where(
        inArray(
          t.outbox.id,
          rows.map((r) => r.id),
        ),
      )
      .run();
    for (const row of rows) held.set(row.id, claimedUntil);
    return rows.map((row) => ({ ...row, status: "sending" as const, claimedUntil, attempts: row.attempts + 1 }));
  }, database);
}

/** Claim the next due row, or null. */
export function claimNext(at: Date, database: DB = defaultDb(), leaseMs = CLAIM_LEASE_MS): OutboxRow | null {
  return claimDue(at, 1, database, leaseMs)[0] ?? null;
}

type Settlement = { row: OutboxRow; set: Partial<typeof t.outbox.$inferInsert> };

/**
 * Record outcomes, each only while our claim stands (a lapsed claim belongs to another worker),
 * several in one transaction: one durable commit for a handful of sent messages rather than one each.
 */
function settleAll(settlements: Settlement[], database: DB) {
  if (!settlements.length) return;
  writeTransaction((tx) => {
    for (const { row, set } of settlements) {
      held.delete(row.id);
      const settled = tx
        .update(t.outbox)
        .set(set)
        .where(and(eq(t.outbox.id, row.id), eq(t.outbox.status, "sending"), eq(t.outbox.claimedUntil, row.claimedUntil!)))
        .run().changes;
      // A union notice delivered: the notice period may start now (notice-clock.server.ts).
      if (settled && set.status === "sent" && row.event === "union_notice" && row.proposalId != null) {
        startNoticeClockIfDelivered(tx, row.proposalId, set.sentAt ? new Date(set.sentAt) : clockNow());
      }
    }
  }, database);
}

function verdictSettlement(row: OutboxRow, verdict: Verdict, at: Date): { outcome: "retry" | "fail"; settlement: Settlement } {
  const outcome = verdict.kind === "fail" ? "fail" : afterRetry(verdict, row.attempts);
  const set: Settlement["set"] =
    outcome === "fail"
      ? { status: "failed", claimedUntil: null, lastError: verdict.reason }
      : { status: "queued", claimedUntil: null, lastError: verdict.reason, nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)).toISOString() };
  return { outcome, settlement: { row, set } };
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * Send what is due, most urgent first, up to `limit` messages, several in flight at once over
 * the transport's pooled connections.
 *
 * - A round starts with one message and widens to the transport's `inFlight` once one has gone
 *   through: when the server cannot be reached, a round costs one attempt, not one per message,
 *   and the round stops (the rest stay queued for the next run).
 * - A connection that drops while carrying a message costs that message only: it is tried
 *   again at once (DROP_RETRIES times) on a fresh connection while the others carry on, and
 *   after that waits for its backoff like any other retry.
 * - Outcomes are recorded a few at a time, each only while our claim stands.
 */
export async function deliverDue(
  options: { transport?: MailTransport | null; database?: DB; limit?: number; now?: () => Date; leaseMs?: number } = {},
): Promise<DeliveryReport> {
  const database = options.database ?? defaultDb();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const transport = options.transport === undefined ? sharedTransport() : options.transport;
  if (!transport) return report;
  const now = options.now ?? clockNow;
  const limit = options.limit ?? ROUND_LIMIT;
  const from = env().MAIL_FROM;
  const domain = domainOf(from);

  let claimed = 0;
  let width = 1;
  let stop = false;
  const waiting: { row: OutboxRow; drops: number }[] = [];
  const settlements: Settlement[] = [];
  const flush = () => settleAll(settlements.splice(0), database);

  const take = () => {
    // On shutdown nothing more is sent; what was claimed and not sent is handed back (releaseHeldClaims).
    if (stopping) return undefined;
    if (!waiting.length && !stop && claimed < limit) {
      flush();
      const rows = claimDue(now(), Math.min(width === 1 ? 1 : width * 2, limit - claimed), database, options.leaseMs);
      claimed += rows.length;
      waiting.push(...rows.map((row) => ({ row, drops: 0 })));
    }
    return waiting.shift();
  };

  const sendOne = async (item: { row: OutboxRow; drops: number }): Promise<void> => {
    const { row } = item;
    if (!isSingleAddress(row.toAddress)) {
      settlements.push(verdictSettlement(row, { kind: "fail", reason: "The recipient is not a single email address" }, now()).settlement);
      report.failed++;
      return;
    }
    let verdict: Verdict | null = null;
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
      if (verdict.kind === "retry" && !verdict.countsTowardsLimit && !isUnreachable(error as SendError)) {
        // A dropped connection: this message again, at once, on another connection.
        if (item.drops < DROP_RETRIES && !stop) {
          item.drops++;
          waiting.unshift(item);
          return;
        }
      } else if (verdict.kind === "retry" && !verdict.countsTowardsLimit) {
        // Nobody answers: the rest of this round would fail the same way.
        stop = true;
      }
    }
    const at = now();
    if (!verdict) {
      // The local inbox keeps the message as written; anything that left for a real
      // mailbox keeps no working personal link behind.
      const textBody = transport.kind === "local" ? row.textBody : scrubSecrets(row.textBody);
      settlements.push({ row, set: { status: "sent", sentAt: at.toISOString(), claimedUntil: null, lastError: null, textBody } });
      report.sent++;
      return;
    }
    const { outcome, settlement } = verdictSettlement(row, verdict, at);
    settlements.push(settlement);
    if (outcome === "fail") report.failed++;
    else report.retrying++;
  };

  // `width` lanes, each taking the next message when its last one is done.
  const lane = async (): Promise<void> => {
    for (let item = take(); item; item = take()) {
      await sendOne(item);
      if (settlements.length >= 25) flush();
    }
  };
  try {
    // The first message alone: it tells whether the server is there at all.
    const probe = take();
    if (probe) await sendOne(probe);
    if (!stop) {
      width = Math.max(1, transport.inFlight ?? 1);
      await Promise.all(Array.from({ length: width }, lane));
    }
  } finally {
    flush();
  }
  return report;
}
