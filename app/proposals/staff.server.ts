/** Reads for the staff area that are not the proposal itself. */
import { asc, eq, and } from "drizzle-orm";
import { formatDateTime } from "~/components/format";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";

const ACTION_WORDS: Record<string, string> = {
  "proposal.create": "Started the proposal",
  "proposal.edit": "Changed the proposal",
  "proposal.submit": "Submitted for review",
  "proposal.approve": "Approved for publication",
  "proposal.reject": "Returned to the drafter",
  "proposal.open": "Opened for consultation",
  "proposal.close": "Closed",
  "proposal.withdraw": "Withdrew the proposal",
  "proposal.publish_outcome": "Published the outcome report",
  "proposal.decide": "Recorded the decision",
  "outcome.return": "Returned the outcome report to its drafters",
};

/** The proposal's audit entries in words, oldest first. */
export function auditTrail(proposalId: number, database: DB = defaultDb()) {
  return database
    .select({ id: t.auditLog.id, at: t.auditLog.at, action: t.auditLog.action, who: t.users.name, detail: t.auditLog.detail })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.users.id, t.auditLog.actorId))
    .where(and(eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, proposalId)))
    .orderBy(asc(t.auditLog.id))
    .all()
    .map((e) => {
      const detail = e.detail as { reason?: string; what?: string; changeNote?: string } | null;
      const reason = detail?.reason ?? detail?.changeNote;
      return {
        id: e.id,
        // In the council's time, not the server's.
        when: formatDateTime(e.at),
        who: e.who ?? "The system",
        // An edit says what was saved ("Added risk 3"); once open, with its published change note.
        what: (detail?.what ?? ACTION_WORDS[e.action] ?? e.action) + (reason ? `: “${reason}”` : ""),
      };
    });
}
