/**
 * What waits for each member of staff, for the "Waiting for you" list on the staff home page.
 * Pure: waiting.server.ts reads the rows (a fixed number of queries) and this sorts them into
 * the lists each role acts on. A proposal appears only for someone who can see it and act on it.
 */
import type { ProposalState } from "#db/schema";
import { can, type SignedInViewer } from "~/auth/permissions";
import { approvalConflict, canEditProposal, editorsSinceLastReturn } from "./lifecycle";
import { canSeeProposal } from "./visibility";

export type WaitingRow = {
  id: number;
  title: string;
  state: ProposalState;
  serviceId: number;
  serviceName: string;
  createdById: number;
  openedAt: string | null;
  returnedReason: string | null;
  submittedAt: string | null;
  unionIds: number[];
  /** union feedback items no officer has answered yet */
  unansweredFeedback: number;
};

export type WaitingProposal = { id: number; title: string; serviceName: string; note: string | null };

export type Waiting = {
  /** approvers: submitted for review, that they may approve */
  toApprove: WaitingProposal[];
  /** officers: returned to them by an approver, with the reason */
  returned: WaitingProposal[];
  /** officers: other drafts of theirs or their service's */
  drafts: WaitingProposal[];
  /** officers: proposals under union notice with feedback to answer */
  feedback: WaitingProposal[];
};

const brief = (r: WaitingRow, note: string | null = null): WaitingProposal => ({ id: r.id, title: r.title, serviceName: r.serviceName, note });

export function waitingFor(viewer: SignedInViewer, rows: WaitingRow[], roundEntries: readonly { proposalId: number | null; action: string; actorId: number | null }[]): Waiting {
  const seen = rows.filter((r) => canSeeProposal(viewer, r));
  const mine = seen.filter((r) => canEditProposal(viewer, r));
  const approver = can(viewer, "proposal:approve");
  const editors = (id: number) => editorsSinceLastReturn(roundEntries.filter((e) => e.proposalId === id));
  const drafts = mine.filter((r) => r.state === "draft");
  return {
    toApprove: approver ? seen.filter((r) => r.state === "in_review" && approvalConflict(viewer.id, r, editors(r.id)) == null).map((r) => brief(r)) : [],
    returned: drafts.filter((r) => r.returnedReason != null).map((r) => brief(r, r.returnedReason)),
    drafts: drafts.filter((r) => r.returnedReason == null).map((r) => brief(r)),
    feedback: mine
      .filter((r) => r.state === "union_notice" && r.unansweredFeedback > 0)
      .map((r) => brief(r, `${r.unansweredFeedback} ${r.unansweredFeedback === 1 ? "feedback item" : "feedback items"} to answer`)),
  };
}
