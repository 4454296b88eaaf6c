/**
 * Delivery rules, pure: what to do after an SMTP attempt, when to try again, and the
 * Message-ID of each email. delivery.server.ts applies them to the outbox.
 */
import { createHash } from "node:crypto";

/**
 * Which mail goes first, whatever is queued: a person waiting for a sign-in link or a
 * confirmation must not wait behind a mailing to 10,000 staff. Lower sends sooner. Events not
 * named here are personal messages (priority 1), so a new kind of email is never starved.
 */
export const URGENT_EVENTS = ["respondent.sign_in_link", "union_notice_link", "subscribe_confirm"] as const;
export const BULK_EVENTS = ["staff_opened", "new_consultation", "consultation_update", "material_change"] as const;

export function priorityOf(event: string): 0 | 1 | 2 {
  if ((URGENT_EVENTS as readonly string[]).includes(event)) return 0;
  if ((BULK_EVENTS as readonly string[]).includes(event)) return 2;
  return 1;
}

/** How many messages one round sends at most before it looks again at what is due. */
export const ROUND_LIMIT = 200;
/** A message whose connection dropped is tried again at once this many times within a round. */
export const DROP_RETRIES = 3;

/** A 4xx answer that keeps coming back for this many attempts is given up as failed. */
export const MAX_TRANSIENT_ATTEMPTS = 8;
/** First retry after 30 seconds, doubling each time, never more than an hour apart. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** A claim lapses after this long, so a worker killed mid-send is retried by the next one.
 * It must be longer than the SMTP timeouts (delivery.server.ts), or a slow send could be
 * claimed twice. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** What nodemailer tells us about a failed send (NodemailerError's fields we read). */
export type SendError = {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
  message?: string;
};

export type Verdict =
  /** try again later: the server was unreachable, or answered 4xx */
  | { kind: "retry"; reason: string; countsTowardsLimit: boolean }
  /** never try again on its own: the server refused this message for good (5xx) */
  | { kind: "fail"; reason: string };

/**
 * The server could not be reached at all (refused, no route, no such host, nothing answered):
 * the rest of the round would meet the same, so the round stops. A connection that was made
 * and then dropped is not this: only the message it carried is tried again.
 */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EDNS", "EAUTH", "ENOAUTH", "ETLS", "EPROXY"]);

export function isUnreachable(error: SendError & { originalCode?: string; timeoutType?: string }): boolean {
  if (error.code && UNREACHABLE_CODES.has(error.code)) return true;
  if (error.originalCode && UNREACHABLE_CODES.has(error.originalCode)) return true;
  // Timeouts: only one while connecting or waiting for the greeting means nobody is there.
  if (error.code === "ETIMEDOUT") return error.timeoutType !== "SOCKET_TIMEOUT";
  return /\b(ECONNREFUSED|EHOSTUNREACH|ENOTFOUND)\b/.test(error.message ?? "");
}

/** Errors about our connection or credentials rather than this message: keep trying, however long. */
const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EPROXY", "EAUTH", "ENOAUTH", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * RFC 5321: 4yz replies are transient and 5yz permanent. Nodemailer sets `permanent` from the
 * reply (and treats 503, a session out of step, as transient); we follow it where present.
 * An authentication failure (535) is the council's configuration, not this message: it is
 * retried so that fixing the password sends everything that waited.
 */
export function classifySendError(error: SendError): Verdict {
  const reason = describeError(error);
  if (error.code === "EAUTH" || error.code === "ENOAUTH") return { kind: "retry", reason, countsTowardsLimit: false };
  if (typeof error.responseCode === "number") {
    const permanent = error.permanent ?? (error.responseCode >= 500 && error.responseCode !== 503);
    return permanent ? { kind: "fail", reason } : { kind: "retry", reason, countsTowardsLimit: true };
  }
  if (error.code && CONNECTION_CODES.has(error.code)) return { kind: "retry", reason, countsTowardsLimit: false };
  // Anything else (a bad address, a malformed message) will not get better by waiting.
  return { kind: "fail", reason };
}

/** The verdict for a recipient the server refused while accepting the envelope (`rejected`). */
export function classifyRejectedRecipient(error: SendError | undefined): Verdict {
  if (!error) return { kind: "fail", reason: "The mail server refused the recipient" };
  return classifySendError(error.responseCode == null ? { ...error, responseCode: 550 } : error);
}

/** When to try again after `attempts` attempts (1 = the first one just failed). */
export function backoffMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_CAP_MS);
}

/** After a retry verdict: try again, or give up because 4xx answers kept coming. */
export function afterRetry(verdict: Extract<Verdict, { kind: "retry" }>, attempts: number): "retry" | "fail" {
  return verdict.countsTowardsLimit && attempts >= MAX_TRANSIENT_ATTEMPTS ? "fail" : "retry";
}

/**
 * One Message-ID per outbox row, derived from its idempotency key: if a worker dies after the
 * server accepted a message but before recording it, the copy sent on retry carries the same
 * Message-ID, which mail systems use to drop the duplicate.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<${hash}@${domain}>`;
}

/**
 * One plain address and nothing else. Every message goes to exactly one recipient, so a value
 * that an address parser could read as a list or a group ("a@x, b@y", "Bcc: b@y;") is refused.
 */
export function isSingleAddress(value: string): boolean {
  return value.length <= 320 && /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value);
}

/** The domain part of "Name <user@domain>" or "user@domain", for Message-IDs. */
export function domainOf(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match ? match[1].toLowerCase() : "localhost";
}

function describeError(error: SendError): string {
  const parts = [error.responseCode ? String(error.responseCode) : error.code, error.message].filter(Boolean);
  // Kept short and on one line: it is shown to admins in a table.
  return parts.join(": ").replace(/\s+/g, " ").slice(0, 500) || "Unknown error";
}

/**
 * Personal links stop being needed once an email has left: the copy kept in the outbox has
 * them removed, so the database never holds a working sign-in link after delivery.
 */
export function scrubSecrets(text: string): string {
  return text.replace(/(\/(?:notices\/link|subscribe\/confirm|staff\/invitation|challenge\/staff)\/)[A-Za-z0-9_-]{16,}/g, "$1(removed after sending)");
}
