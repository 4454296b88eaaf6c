/**
 * The lifecycle of a proposal: every transition, who may make it and what must hold. Pure:
 * lifecycle.server.ts loads the proposal, asks `checkTransition`, and applies the answer with
 * its audit entry in one transaction.
 *
 *   draft ──submit──▶ in review ──approve──▶ union notice ──(notice period over)──▶ open
 *     ▲                  │ reject (reason)        or scheduled (no staff, no unions)    │ closing date
 *     └──────────────────┘                                                              ▼
 *   (any state before decided) ──withdraw (published reason)──▶ withdrawn            closed
 *                                                                                       │ publish outcome
 *                               decided ◀──decide── outcome published ◀─────────────────┘
 *
 * After closing (Gunning 4): an approver other than its drafters publishes the outcome report
 * once it passes its own gate (outcomes/gate.ts); a decision maker records the decision only
 * after that, and only once they have confirmed reading the report and the responses.
 */
import type { ProposalState } from "#db/schema";
import { can, type Viewer } from "~/auth/permissions";
import type { Settings } from "~/lib/settings";
import { councilDate } from "~/lib/council-time";
import { workingDaysBetween } from "~/lib/working-days";
import { dismissalDateRefusal } from "./employment";
import { periodOpeningRefusal } from "./period";
import { readiness } from "./readiness";
import { meetsMinimumWords } from "./text-quality";
import type { OutcomeUnmet } from "~/outcomes/gate";
import type { Proposal, Unmet } from "./types";

export const TRANSITIONS = ["submit", "approve", "reject", "open", "close", "withdraw", "publish_outcome", "decide"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Who acts: a signed-in person, or the scheduler that opens and closes consultations. */
export type Actor = { kind: "person"; viewer: NonNullable<Viewer> } | { kind: "system" };

export type TransitionContext = {
  settings: Settings;
  now: Date;
  bankHolidays: ReadonlySet<string>;
  /** the reason given for reject and withdraw */
  reason?: string;
  /** union feedback items no officer has answered yet (for opening after union notice) */
  unansweredFeedback?: number;
  /** people who changed the proposal since it was last returned, or since it was started (for approval) */
  editorIds?: readonly number[];
  /** notified unions with no representative on record to receive the notice (for approval) */
  unionsWithoutReps?: string[];
  /** for publish_outcome: the outcome report as it stands */
  outcome?: OutcomeFacts | null;
  /** for decide: when this decision maker confirmed reading the published outcome, if they have */
  readingConfirmedAt?: string | null;
};

export type OutcomeFacts = {
  status: "draft" | "submitted" | "published";
  /** what its gate still asks for */
  unmet: OutcomeUnmet[];
  /** everyone who wrote any part of it: none of them may sign it off */
  contributorIds: number[];
};

export type TransitionRefusal = {
  ok: false;
  /** 403: this actor may never do this; 409: not in this state; 422: requirements unmet */
  status: 403 | 409 | 422;
  message: string;
  unmet?: Unmet[];
  /** for publish_outcome: what the outcome report's gate still asks */
  outcomeUnmet?: OutcomeUnmet[];
};
export type TransitionDecision = { ok: true; to: ProposalState } | TransitionRefusal;

const refuse = (status: TransitionRefusal["status"], message: string, unmet?: Unmet[]): TransitionRefusal => ({ ok: false, status, message, unmet });

/** An officer may act on their own service's proposals (or ones they drafted); admins on any. */
export function canEditProposal(viewer: Viewer, p: Pick<Proposal, "serviceId" | "createdById">): boolean {
  if (!viewer) return false;
  if (can(viewer, "proposal:edit-any-service")) return true;
  return can(viewer, "proposal:edit") && (viewer.serviceId === p.serviceId || viewer.id === p.createdById);
}

/** A proposal that affects no staff group and no union skips the notice and waits as "scheduled". */
export function needsUnionNotice(p: Pick<Proposal, "staffGroups" | "unions">): boolean {
  return p.staffGroups.length > 0 || p.unions.length > 0;
}

/**
 * How a proposal may be changed now: freely as a draft; once open, only as a published new
 * version with a change note (DESIGN.md). In review, under notice or scheduled it stays as the
 * approver saw it (return it to change it); after closing, the record stands.
 */
export function editingMode(p: Pick<Proposal, "state">): "draft" | "public" | null {
  if (p.state === "draft") return "draft";
  if (p.state === "open") return "public";
  return null;
}

/**
 * Separation of duties: nobody signs off their own work. The drafter may never approve; nor may
 * anyone who changed the proposal since it was last returned to its drafter (or since it was
 * started, if it never was), because what they would approve is partly what they wrote.
 * Null when this person may approve, otherwise the reason they may not.
 */
export function approvalConflict(approverId: number, p: Pick<Proposal, "createdById">, editorIds: readonly number[] = []): string | null {
  if (approverId === p.createdById) return "You drafted this proposal, so another approver must approve it";
  if (editorIds.includes(approverId)) return "You changed this proposal since it was last returned to its drafter, so another approver must approve it";
  return null;
}

/**
 * Everyone who changed the proposal since it was last returned to its drafter, or since it was
 * started if it never was, from its audit entries (proposal.create, .edit and .reject) oldest first.
 */
export function editorsSinceLastReturn(entries: readonly { action: string; actorId: number | null }[]): number[] {
  const lastReturn = entries.map((e) => e.action).lastIndexOf("proposal.reject");
  const editors = entries.slice(lastReturn + 1).flatMap((e) => (e.action !== "proposal.reject" && e.actorId != null ? [e.actorId] : []));
  return [...new Set(editors)];
}

/**
 * The gate holds until the decision: once a proposal has been approved (under notice, scheduled
 * or open), an edit may not leave it short of anything the gate asks. A draft may be incomplete.
 */
export function gateBindsEdits(p: Pick<Proposal, "state">): boolean {
  return p.state !== "draft";
}

const STATES_BEFORE_DECISION: ProposalState[] = ["draft", "in_review", "union_notice", "scheduled", "open", "closed", "outcome_published"];

/** Today on the council's calendar, whatever the server's time zone. */
function today(ctx: TransitionContext): string {
  return councilDate(ctx.now, ctx.settings.council.timeZone);
}

/**
 * Approval sends the notice, so every notified union must have someone to receive it; and the
 * first dismissal must leave the s.188 consultation its days even if it starts today.
 */
function approvalNoticeRefusal(p: Proposal, ctx: TransitionContext): string | null {
  const missing = ctx.unionsWithoutReps ?? [];
  if (missing.length) {
    const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
    return `${names} ${missing.length === 1 ? "has" : "have"} no representative on record to receive the notice: an admin must add one (Admin, Unions) before this proposal can be approved`;
  }
  return dismissalDateRefusal(p, ctx.settings, today(ctx));
}

export function checkTransition(transition: Transition, p: Proposal, actor: Actor, ctx: TransitionContext): TransitionDecision {
  const person = actor.kind === "person" ? actor.viewer : null;
  switch (transition) {
    case "submit": {
      if (!person || !canEditProposal(person, p)) return refuse(403, "You cannot submit this proposal");
      if (p.state !== "draft") return refuse(409, "Only a draft can be submitted for review");
      const unmet = readiness(p, ctx.settings);
      if (unmet.length) return refuse(422, `This proposal cannot be submitted until ${unmet.length} ${unmet.length === 1 ? "requirement is" : "requirements are"} met`, unmet);
      return { ok: true, to: "in_review" };
    }
    case "approve": {
      if (!person || !can(person, "proposal:approve")) return refuse(403, "You cannot approve proposals");
      // Separation of duties: nobody signs off their own work.
      const conflict = approvalConflict(person.id, p, ctx.editorIds);
      if (conflict) return refuse(403, conflict);
      if (p.state !== "in_review") return refuse(409, "Only a proposal in review can be approved");
      // The server checks the gate again: a proposal edited since submission may no longer pass.
      const unmet = readiness(p, ctx.settings);
      if (unmet.length) return refuse(422, `This proposal cannot be approved until ${unmet.length} ${unmet.length === 1 ? "requirement is" : "requirements are"} met`, unmet);
      const cannotNotify = approvalNoticeRefusal(p, ctx);
      if (cannotNotify) return refuse(422, cannotNotify);
      return { ok: true, to: needsUnionNotice(p) ? "union_notice" : "scheduled" };
    }
    case "reject": {
      if (!person || !can(person, "proposal:reject")) return refuse(403, "You cannot return proposals");
      if (p.state !== "in_review") return refuse(409, "Only a proposal in review can be returned");
      if (!ctx.reason || !meetsMinimumWords(ctx.reason, 5)) return refuse(422, "Explain what the drafter needs to change, in at least 5 words");
      return { ok: true, to: "draft" };
    }
    case "open": {
      if (actor.kind !== "system" && !(person && can(person, "admin:manage"))) return refuse(403, "Consultations open by themselves at their opening date");
      if (p.state !== "union_notice" && p.state !== "scheduled") return refuse(409, "Only an approved proposal can open");
      if (!p.opensOn || today(ctx) < p.opensOn) return refuse(409, "The opening date has not come yet");
      if (p.state === "union_notice") {
        if (!p.noticeSentAt) return refuse(409, "The unions have not been sent notice");
        const given = workingDaysBetween(councilDate(p.noticeSentAt, ctx.settings.council.timeZone), today(ctx), ctx.bankHolidays);
        const required = ctx.settings.union.noticeWorkingDays;
        if (given < required) return refuse(409, `The unions have had ${given} of the ${required} working days' notice`);
        // The unions' confidential feedback must be answered before the public sees the proposal.
        const unanswered = ctx.unansweredFeedback ?? 0;
        if (unanswered > 0) return refuse(409, `${unanswered} ${unanswered === 1 ? "feedback item from the unions has" : "feedback items from the unions have"} not been answered`);
      }
      // The period as approved, from today: its length, its reasons, no pre-election period.
      const period = periodOpeningRefusal(p, ctx.settings, today(ctx)) ?? (p.noticeSentAt ? dismissalDateRefusal(p, ctx.settings, councilDate(p.noticeSentAt, ctx.settings.council.timeZone)) : null);
      if (period) return refuse(409, period);
      return { ok: true, to: "open" };
    }
    case "close": {
      if (actor.kind !== "system" && !(person && can(person, "admin:manage"))) return refuse(403, "Consultations close by themselves at their closing date");
      if (p.state !== "open") return refuse(409, "Only an open consultation can close");
      // Responses are taken until the end of the closing date.
      if (!p.closesOn || today(ctx) <= p.closesOn) return refuse(409, "The closing date has not passed");
      return { ok: true, to: "closed" };
    }
    case "withdraw": {
      if (!person || !(canEditProposal(person, p) || can(person, "proposal:approve")) || !can(person, "proposal:withdraw"))
        return refuse(403, "You cannot withdraw this proposal");
      if (!STATES_BEFORE_DECISION.includes(p.state)) return refuse(409, "A decided or withdrawn proposal cannot be withdrawn");
      if (!ctx.reason || !meetsMinimumWords(ctx.reason, 5)) return refuse(422, "Give the reason for withdrawing, in at least 5 words: it will be published");
      return { ok: true, to: "withdrawn" };
    }
    case "publish_outcome": {
      if (!person || !can(person, "outcome:approve")) return refuse(403, "You cannot sign off outcome reports");
      const outcome = ctx.outcome;
      // Separation of duties, as for the proposal: nobody signs off what they wrote.
      if (outcome?.contributorIds.includes(person.id)) return refuse(403, "You drafted part of this outcome report, so another approver must sign it off");
      if (p.state === "outcome_published" || p.state === "decided") return refuse(409, "The outcome of this consultation has already been published");
      if (p.state !== "closed") return refuse(409, "An outcome can be published only after the consultation has closed");
      if (!outcome || outcome.status !== "submitted") return refuse(409, "The outcome report has not been sent for sign-off");
      if (outcome.unmet.length)
        return { ...refuse(422, `The outcome report cannot be published until ${outcome.unmet.length} ${outcome.unmet.length === 1 ? "requirement is" : "requirements are"} met`), outcomeUnmet: outcome.unmet };
      return { ok: true, to: "outcome_published" };
    }
    case "decide": {
      if (!person || !can(person, "decision:record")) return refuse(403, "Only a decision maker can record the decision");
      if (p.state === "decided") return refuse(409, "The decision on this proposal has already been recorded");
      // Gunning 4: the responses are taken into account before the decision, and shown to have been.
      if (p.state !== "outcome_published") return refuse(409, "A decision can be recorded only after the outcome report has been published");
      if (!ctx.readingConfirmedAt) return refuse(409, "Confirm that you have read the outcome report and the responses before you record the decision");
      return { ok: true, to: "decided" };
    }
  }
}
