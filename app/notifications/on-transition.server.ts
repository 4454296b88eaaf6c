/**
 * What a lifecycle transition tells people. Called by applyTransition inside its transaction,
 * after the state has changed, so the emails commit with the change or not at all.
 */
import type { DB } from "#db/client.server";
import type { Transition } from "~/proposals/lifecycle";
import type { Proposal } from "~/proposals/types";
import { isPublic } from "~/proposals/visibility";
import { sendNoticeWithdrawn, sendUnionNotices } from "./notices.server";
import { notifyStaffAtOpening } from "./staff.server";
import { decisionEmailFor, outcomeEmailFor } from "./outcome-emails.server";
import { notifySubscribersOfOpening, notifySubscribersOfUpdate } from "./subscriptions.server";

export function onTransition(tx: DB, transition: Transition, proposal: Proposal, at: Date): void {
  switch (transition) {
    case "approve":
      if (proposal.state === "union_notice") sendUnionNotices(tx, proposal, at);
      return;
    case "open":
      notifyStaffAtOpening(tx, proposal, at);
      notifySubscribersOfOpening(tx, proposal);
      return;
    case "withdraw":
      // Withdrawn before opening: only the reps who were given notice ever knew of it.
      if (!isPublic(proposal)) sendNoticeWithdrawn(tx, proposal);
      else notifySubscribersOfUpdate(tx, proposal, transition);
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
