/**
 * The outbox. Every email is written here in the same transaction as the change that causes
 * it, so an email is never sent for a change that rolled back and never lost for one that
 * committed. The delivery worker (delivery.server.ts) sends it later.
 */
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
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
  return result.changes > 0;
}
