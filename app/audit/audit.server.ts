/**
 * The audit log: append-only (the database refuses UPDATE and DELETE, migration 0001) and
 * hash-chained, so a removed or altered entry shows as a break in the chain.
 *
 * Each entry's hash is an HMAC under AUDIT_KEY, a key kept outside the database (the
 * environment; in the demo, the data folder). Someone who can write the database file can
 * drop the trigger and change an entry, but cannot compute the hashes that would hide it:
 * `npm run audit:verify` and the worker's daily check find the first entry that does not
 * match. Truncating the newest entries leaves a valid chain, which is why the head (the last
 * entry's id and hash) is written to the log each day: an outside copy of that line anchors it.
 */
import { createHmac } from "node:crypto";
import { asc, desc, eq, and, gt } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { nowIso } from "~/lib/clock";
import { auditKey } from "~/lib/secrets.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  detail?: Record<string, unknown> | null;
};

const GENESIS = "0".repeat(64);

function entryHash(key: string, prevHash: string, at: string, e: AuditEntry): string {
  return createHmac("sha256", key)
    .update(JSON.stringify([prevHash, at, e.actorId, e.action, e.entityType, e.entityId, e.detail ?? null]))
    .digest("hex");
}

/** Append one entry. Call inside the same write transaction as the change it records. */
export function appendAudit(tx: DB, entry: AuditEntry) {
  const last = tx.select({ hash: t.auditLog.hash }).from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS;
  const at = nowIso();
  tx.insert(t.auditLog)
    .values({ at, actorId: entry.actorId, action: entry.action, entityType: entry.entityType, entityId: entry.entityId, detail: entry.detail ?? null, prevHash, hash: entryHash(auditKey(), prevHash, at, entry) })
    .run();
}

export type ChainReport =
  | { intact: true; entries: number; head: { id: number; hash: string } | null }
  | { intact: false; entries: number; firstBad: { id: number; at: string; action: string; reason: string }; head: { id: number; hash: string } | null };

/**
 * Walk the whole chain in id order (streamed, so a long log is not held in memory) and name the
 * first entry whose link or keyed hash does not match. With `anchor` (a head recorded earlier,
 * say by yesterday's check), an entry that is gone or changed at that position is reported too.
 */
export function verifyChain(database: DB, options: { key?: string; anchor?: { id: number; hash: string } | null } = {}): ChainReport {
  const key = options.key ?? auditKey();
  let prev = GENESIS;
  let entries = 0;
  let head: { id: number; hash: string } | null = null;
  let anchorSeen = false;
  const statement = database.$client.prepare("SELECT id, at, actor_id, action, entity_type, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY id");
  for (const row of statement.iterate() as Iterable<{ id: number; at: string; actor_id: number | null; action: string; entity_type: string; entity_id: number | null; detail: string | null; prev_hash: string; hash: string }>) {
    entries++;
    let detail: Record<string, unknown> | null;
    try {
      detail = row.detail == null ? null : (JSON.parse(row.detail) as Record<string, unknown>);
    } catch {
      return { intact: false, entries, firstBad: { id: row.id, at: row.at, action: row.action, reason: "its detail is not readable" }, head };
    }
    const expected = entryHash(key, prev, row.at, { actorId: row.actor_id, action: row.action, entityType: row.entity_type, entityId: row.entity_id, detail });
    if (row.prev_hash !== prev) return { intact: false, entries, firstBad: { id: row.id, at: row.at, action: row.action, reason: "it does not follow the entry before it (one was removed or changed)" }, head };
    if (row.hash !== expected) return { intact: false, entries, firstBad: { id: row.id, at: row.at, action: row.action, reason: "its content does not match its keyed hash (it was changed)" }, head };
    if (options.anchor && row.id === options.anchor.id) {
      anchorSeen = true;
      if (row.hash !== options.anchor.hash) return { intact: false, entries, firstBad: { id: row.id, at: row.at, action: row.action, reason: "it differs from the head recorded by an earlier check" }, head };
    }
    prev = row.hash;
    head = { id: row.id, hash: row.hash };
  }
  if (options.anchor && !anchorSeen) {
    return { intact: false, entries, firstBad: { id: options.anchor.id, at: "", action: "", reason: "an entry an earlier check recorded as the head is gone (the log was cut short)" }, head };
  }
  return { intact: true, entries, head };
}

/** Recompute the chain; returns the id of the first entry that does not match, or null. */
export function verifyAuditChain(database: DB): number | null {
  const report = verifyChain(database);
  return report.intact ? null : report.firstBad.id;
}

/** One line for the log and the terminal. */
export function describeChain(report: ChainReport): string {
  if (report.intact) return `Audit log: ${report.entries} entries, intact. Head: entry ${report.head?.id ?? 0} ${report.head?.hash ?? GENESIS}`;
  return `Audit log: NOT intact. Entry ${report.firstBad.id}${report.firstBad.action ? ` (${report.firstBad.action}${report.firstBad.at ? ` at ${report.firstBad.at}` : ""})` : ""} is the first that does not verify: ${report.firstBad.reason}.`;
}

/**
 * The worker's daily check: verify against the last recorded head, record the result (the
 * admin page shows it) and write the head to the log, once a day.
 */
export function runDailyAuditCheck(database: DB, at: Date, log: (line: string) => void = console.log): { ran: boolean; report?: ChainReport } {
  const last = database.select().from(t.auditChecks).orderBy(desc(t.auditChecks.id)).limit(1).get();
  if (last && at.getTime() - Date.parse(last.at) < 24 * 60 * 60 * 1000) return { ran: false };
  const anchor = database.select().from(t.auditChecks).where(and(eq(t.auditChecks.ok, true), gt(t.auditChecks.headId, 0))).orderBy(desc(t.auditChecks.id)).limit(1).get();
  const report = verifyChain(database, { anchor: anchor?.headId && anchor.headHash ? { id: anchor.headId, hash: anchor.headHash } : null });
  const message = describeChain(report);
  database
    .insert(t.auditChecks)
    .values({
      at: at.toISOString(),
      ok: report.intact,
      entries: report.entries,
      firstBadId: report.intact ? null : report.firstBad.id,
      headId: report.head?.id ?? null,
      headHash: report.head?.hash ?? null,
      message,
    })
    .run();
  log(message);
  return { ran: true, report };
}

export function latestAuditCheck(database: DB) {
  return database.select().from(t.auditChecks).orderBy(desc(t.auditChecks.id)).limit(1).get() ?? null;
}

export function auditFor(database: DB, entityType: string, entityId: number) {
  return database
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, entityId)))
    .orderBy(asc(t.auditLog.id))
    .all();
}
