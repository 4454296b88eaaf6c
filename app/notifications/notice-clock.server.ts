/**
 * When the unions' notice period starts: not at approval, but when the notice has been
 * delivered to at least one representative of every notified union (the outbox row sent).
 * A notice that sits in a queue because the mail server is down has told nobody.
 *
 * The delivery worker calls `startNoticeClockIfDelivered` in the same transaction that marks a
 * union notice sent; approval asks `unionsWithoutReps` first, so that a union with nobody to
 * tell cannot leave a proposal waiting for ever.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";

/** The notified unions (by id) with no representative able to receive a notice, by name. */
export function unionsWithoutReps(tx: DB, unionIds: number[]): string[] {
  if (!unionIds.length) return [];
  const withReps = new Set(
    tx
      .selectDistinct({ unionId: t.unionReps.unionId })
      .from(t.unionReps)
      .innerJoin(t.users, eq(t.users.id, t.unionReps.userId))
      .where(and(inArray(t.unionReps.unionId, unionIds), isNull(t.users.disabledAt)))
      .all()
      .map((r) => r.unionId),
  );
  return tx
    .select({ id: t.unions.id, name: t.unions.name })
    .from(t.unions)
    .where(inArray(t.unions.id, unionIds))
    .orderBy(asc(t.unions.name))
    .all()
    .filter((u) => !withReps.has(u.id))
    .map((u) => u.name);
}

/**
 * The notified unions none of whose representatives has been delivered the notice yet, by name.
 * A rep's notice is the outbox row keyed `union-notice:<proposal>:<rep>` (notices.server.ts),
 * whichever of their unions it named.
 */
export function undeliveredUnions(tx: DB, proposalId: number): string[] {
  const unions = tx
    .select({ id: t.unions.id, name: t.unions.name })
    .from(t.proposalUnions)
    .innerJoin(t.unions, eq(t.unions.id, t.proposalUnions.unionId))
    .where(eq(t.proposalUnions.proposalId, proposalId))
    .orderBy(asc(t.unions.name))
    .all();
  if (!unions.length) return [];
  const delivered = new Set(
    tx
      .select({ key: t.outbox.idempotencyKey })
      .from(t.outbox)
      .where(and(eq(t.outbox.proposalId, proposalId), eq(t.outbox.event, "union_notice"), eq(t.outbox.status, "sent")))
      .all()
      .map((r) => r.key),
  );
  const reps = tx
    .select({ unionId: t.unionReps.unionId, userId: t.unionReps.userId })
    .from(t.unionReps)
    .where(inArray(t.unionReps.unionId, unions.map((u) => u.id)))
    .all();
  const reached = new Set(reps.filter((r) => delivered.has(`union-notice:${proposalId}:${r.userId}`)).map((r) => r.unionId));
  return unions.filter((u) => !reached.has(u.id)).map((u) => u.name);
}

/**
 * Start the notice period now if this delivery completed it: every notified union has had the
 * notice delivered to at least one representative. Only once, and only under notice.
 */
export function startNoticeClockIfDelivered(tx: DB, proposalId: number, at: Date): boolean {
  const p = tx.select({ state: t.proposals.state, noticeSentAt: t.proposals.noticeSentAt }).from(t.proposals).where(eq(t.proposals.id, proposalId)).get();
  if (!p || p.state !== "union_notice" || p.noticeSentAt) return false;
  if (undeliveredUnions(tx, proposalId).length) return false;
  const iso = at.toISOString();
  const changed = tx
    .update(t.proposals)
    .set({ noticeSentAt: iso })
    .where(and(eq(t.proposals.id, proposalId), isNull(t.proposals.noticeSentAt)))
    .run().changes;
  if (changed) appendAudit(tx, { actorId: null, action: "notice.delivered", entityType: "proposal", entityId: proposalId, detail: { at: iso } });
  return changed > 0;
}
