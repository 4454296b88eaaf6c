/**
 * What a lifecycle transition tells people. Called by applyTransition inside its transaction,
 * after the state has changed, so the emails commit with the change or not at all.
 */
import type { DB } from "#db/client.server";
import type { Transition } from "~/proposals/lifecycle";
import type { Proposal } from "~/proposals/types";
import { isPublic } from "~/proposals/visibility";
import { sendUnionNotices } from "./notices.server";
import { notifyStaffAtOpening } from "./staff.server";
import { decisionEmailFor, outcomeEmailFor } from "./outcome-emails.server";
import { notifySubscribersOfOpening, notifySubscribersOfUpdate } from "./subscriptions.server";
import { notifyApproversOfSubmission, notifyAuthorsOfApproval, notifyAuthorsOfReturn, notifyEveryoneOfWithdrawal } from "./workflow.server";

export function onTransition(tx: DB, transition: Transition, proposal: Proposal, at: Date, actorId: number | null = null): void {
  switch (transition) {
    case "submit":
      notifyApproversOfSubmission(tx, proposal, actorId);
      return;
    case "reject":
      notifyAuthorsOfReturn(tx, proposal, actorId);
      return;
    case "approve":
      if (proposal.state === "union_notice") sendUnionNotices(tx, proposal, at);
      notifyAuthorsOfApproval(tx, proposal, actorId);
      return;
    case "open":
      notifyStaffAtOpening(tx, proposal, at);
      notifySubscribersOfOpening(tx, proposal);
      return;
    case "withdraw":
      // Everyone who was told of it; before opening, only the reps who were given notice knew.
      notifyEveryoneOfWithdrawal(tx, proposal);
      return;
    case "publish_outcome":
      // Subscribers and the respondents who asked for updates (they are subscribers too).
      notifySubscribersOfUpdate(tx, proposal, transition, outcomeEmailFor(tx, proposal));
      return;
    case "decide":
      notifySubscribersOfUpdate(tx, proposal, transition, decisionEmailFor(tx, proposal));
      return;
    default:
      // Subscribers to one consultation hear its later news; nothing is sent about a
      // proposal that never became public.
      if (isPublic(proposal)) notifySubscribersOfUpdate(tx, proposal, transition);
  }
}
