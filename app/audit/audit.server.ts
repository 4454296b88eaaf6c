/**
 * The audit log: append-only (the database refuses UPDATE and DELETE, migration 0001) and
 * hash-chained, so a removed or altered entry shows as a break in the chain.
 */
import { createHash } from "node:crypto";
import { asc, desc, eq, and } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { nowIso } from "~/lib/clock";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  detail?: Record<string, unknown> | null;
};

const GENESIS = "0".repeat(64);

function entryHash(prevHash: string, at: string, e: AuditEntry): string {
  return createHash("sha256")
    .update(JSON.stringify([prevHash, at, e.actorId, e.action, e.entityType, e.entityId, e.detail ?? null]))
    .digest("hex");
}

/** Append one entry. Call inside the same write transaction as the change it records. */
export function appendAudit(tx: DB, entry: AuditEntry) {
  const last = tx.select({ hash: t.auditLog.hash }).from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS;
  const at = nowIso();
  tx.insert(t.auditLog)
    .values({ at, actorId: entry.actorId, action: entry.action, entityType: entry.entityType, entityId: entry.entityId, detail: entry.detail ?? null, prevHash, hash: entryHash(prevHash, at, entry) })
    .run();
}

/** Recompute the chain; returns the id of the first entry that does not match, or null. */
export function verifyAuditChain(database: DB): number | null {
  let prev = GENESIS;
  for (const row of database.select().from(t.auditLog).orderBy(asc(t.auditLog.id)).all()) {
    const expected = entryHash(prev, row.at, {
      actorId: row.actorId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      detail: (row.detail as Record<string, unknown> | null) ?? null,
    });
    if (row.prevHash !== prev || row.hash !== expected) return row.id;
    prev = row.hash;
  }
  return null;
}

export function auditFor(database: DB, entityType: string, entityId: number) {
  return database
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, entityId)))
    .orderBy(asc(t.auditLog.id))
    .all();
}
