/**
 * Reads for the staff home page's "Waiting for you": a fixed number of queries whatever the
 * number of proposals (the proposals, the audit entries of those in review, the outcome work,
 * and the moderation count), never one per proposal.
 */
import { desc, eq, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { can, type SignedInViewer } from "~/auth/permissions";
import { outcomeWork, type OutcomeWork } from "~/outcomes/staff.server";
import { moderationWaitingCount } from "~/responses/moderation.server";
import { roundEntries } from "./lifecycle.server";
import { waitingFor, type Waiting, type WaitingRow } from "./waiting";

export type WaitingForYou = Waiting & { after: OutcomeWork; moderation: number | null };

function waitingRows(database: DB): WaitingRow[] {
  return database
    .select({
      id: t.proposals.id,
      title: t.proposals.title,
      state: t.proposals.state,
      serviceId: t.proposals.serviceId,
      serviceName: t.services.name,
      createdById: t.proposals.createdById,
      openedAt: t.proposals.openedAt,
      returnedReason: t.proposals.returnedReason,
      submittedAt: t.proposals.submittedAt,
      unionIds: sql<string | null>`(SELECT group_concat(union_id) FROM proposal_unions pu WHERE pu.proposal_id = ${t.proposals.id})`,
      unansweredFeedback: sql<number>`(SELECT count(*) FROM notice_feedback f WHERE f.proposal_id = ${t.proposals.id} AND f.in_reply_to_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM notice_feedback a WHERE a.in_reply_to_id = f.id))`,
    })
    .from(t.proposals)
    .innerJoin(t.services, eq(t.services.id, t.proposals.serviceId))
    .where(sql`${t.proposals.state} IN ('draft', 'in_review', 'union_notice')`)
    .orderBy(desc(t.proposals.updatedAt))
    .all()
    .map((r) => ({ ...r, unionIds: r.unionIds ? r.unionIds.split(",").map(Number) : [] }));
}

export function waitingForYou(viewer: SignedInViewer, at: Date, database: DB = defaultDb()): WaitingForYou {
  const rows = waitingRows(database);
  const inReview = can(viewer, "proposal:approve") ? rows.filter((r) => r.state === "in_review").map((r) => r.id) : [];
  return {
    ...waitingFor(viewer, rows, roundEntries(inReview, database)),
    after: outcomeWork(viewer, at, database),
    moderation: can(viewer, "comment:moderate") ? moderationWaitingCount(database) : null,
  };
}
