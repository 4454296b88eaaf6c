/**
 * What waits for each person after closing, for the staff home page: outcomes overdue (for the
 * officers of the service and the approver who signed the proposal off), reports to write,
 * reports waiting for an approver's sign-off (never their own), and decisions to record.
 */
import { eq, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { can, type SignedInViewer } from "~/auth/permissions";
import { canEditProposal } from "~/proposals/lifecycle";
import { canSeeProposal } from "~/proposals/visibility";
import { outcomeContributors } from "./outcome.server";
import { outcomeClock } from "./overdue";
import { councilTimeZone } from "~/lib/settings.server";

export type WaitingItem = { id: number; title: string; serviceName: string; dueOn: string | null; daysOverdue: number };

export type OutcomeWork = {
  overdue: WaitingItem[];
  toWrite: WaitingItem[];
  toSignOff: WaitingItem[];
  toDecide: WaitingItem[];
};

export function outcomeWork(viewer: SignedInViewer, at: Date, database: DB = defaultDb()): OutcomeWork {
  const rows = database
    .select({
      id: t.proposals.id,
      title: t.proposals.title,
      state: t.proposals.state,
      closesOn: t.proposals.closesOn,
      openedAt: t.proposals.openedAt,
      serviceId: t.proposals.serviceId,
      createdById: t.proposals.createdById,
      approvedById: t.proposals.approvedById,
      serviceName: t.services.name,
      outcomeStatus: t.outcomes.status,
    })
    .from(t.proposals)
    .innerJoin(t.services, eq(t.services.id, t.proposals.serviceId))
    .leftJoin(t.outcomes, eq(t.outcomes.proposalId, t.proposals.id))
    .where(inArray(t.proposals.state, ["closed", "outcome_published"]))
    .all()
    .filter((r) => canSeeProposal(viewer, { ...r, unionIds: [] }));
  const zone = councilTimeZone(database);
  const item = (r: (typeof rows)[number]): WaitingItem => {
    const clock = outcomeClock(r, at, zone);
    return { id: r.id, title: r.title, serviceName: r.serviceName, dueOn: clock.dueOn, daysOverdue: clock.daysOverdue };
  };
  const closed = rows.filter((r) => r.state === "closed");
  const responsible = (r: (typeof rows)[number]) => canEditProposal(viewer, r) || (r.approvedById === viewer.id && can(viewer, "outcome:approve"));
  const overdue = closed.filter((r) => outcomeClock(r, at, zone).overdue && responsible(r));
  return {
    overdue: overdue.map(item).sort((a, b) => b.daysOverdue - a.daysOverdue),
    toWrite: closed.filter((r) => canEditProposal(viewer, r) && r.outcomeStatus !== "submitted" && !overdue.includes(r)).map(item),
    toSignOff: can(viewer, "outcome:approve") ? closed.filter((r) => r.outcomeStatus === "submitted" && !outcomeContributors(r.id, database).includes(viewer.id)).map(item) : [],
    toDecide: can(viewer, "decision:record") ? rows.filter((r) => r.state === "outcome_published").map(item) : [],
  };
}
