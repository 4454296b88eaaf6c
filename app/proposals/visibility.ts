/**
 * Who sees what: the one rule. Every page, resource route, API endpoint, feed, export and
 * email goes through it; no surface reads proposals, union feedback or internal parts without it.
 *
 * It is a table (NEED_TO_KNOW) of how a person stands towards one proposal (each role they hold,
 * with its relation to the proposal: the officer who drafted it, an officer of its service or of
 * another, a rep of a notified union or of another, …) × the proposal's stage → what they may
 * read. Someone with several roles gets the most any of them gives.
 *
 * Confidential material follows the need to know: before publication (in review, under union
 * notice, scheduled) only its service's officers and drafter, the approvers, the decision
 * makers and admins read it, and the reps of the notified unions while they are under notice;
 * union feedback and the council's answers stay with those staff and each union's own reps,
 * even after opening. Moderators, officers of other services, reps of other unions, residents
 * and anonymous visitors read only what is published: a guessed address answers 404 exactly as
 * for a proposal that does not exist.
 */
import type { ProposalState, Role } from "#db/schema";
import type { Viewer } from "~/auth/permissions";
import type { Proposal, ProposalDocument } from "./types";

/** States in which a proposal is public. Withdrawn counts only if it had opened. */
export const PUBLIC_STATES = ["open", "closed", "outcome_published", "decided", "withdrawn"] as const satisfies readonly ProposalState[];

export type VisibilityFacts = Pick<Proposal, "state" | "openedAt" | "serviceId" | "createdById"> & {
  unionIds: number[];
  /** set on a draft an approver returned; a surface that does not read it treats the draft as any other */
  returnedReason?: string | null;
};

export function isPublic(p: Pick<Proposal, "state" | "openedAt">): boolean {
  if (p.state === "withdrawn") return p.openedAt != null;
  return (PUBLIC_STATES as readonly string[]).includes(p.state);
}

// ─── The table ─────────────────────────────────────────────────────────────────

/**
 * Where a proposal is in its life. A draft an approver returned is apart (the approver who
 * returned it follows it back to the drafter), and so is a withdrawal before opening, which
 * never became public.
 */
export const STAGES = ["draft", "returned", "in_review", "union_notice", "scheduled", "open", "closed", "outcome_published", "decided", "withdrawn", "withdrawn_before_opening"] as const;
export type Stage = (typeof STAGES)[number];

export function stageOf(p: Pick<VisibilityFacts, "state" | "openedAt" | "returnedReason">): Stage {
  if (p.state === "draft" && p.returnedReason != null) return "returned";
  return p.state === "withdrawn" && p.openedAt == null ? "withdrawn_before_opening" : p.state;
}

const PUBLIC_STAGES: readonly Stage[] = ["open", "closed", "outcome_published", "decided", "withdrawn"];

/** How one person stands towards one proposal: a role together with its relation to it. */
export const STANDINGS = [
  "admin",
  "approver",
  "decision_maker",
  /** an officer who started this proposal (in any service) */
  "drafter",
  "own_service_officer",
  "other_service_officer",
  "moderator",
  /** a rep of a union given notice of this proposal */
  "notified_rep",
  "other_rep",
  /** signed in with no staff role */
  "resident",
  "anonymous",
] as const;
export type Standing = (typeof STANDINGS)[number];

export type Access = {
  /** the whole proposal, on any page (its public address, staff pages, notices, search) */
  proposal: boolean;
  /** internal parts: the audit trail, the approver's returned reason, documents withheld in full */
  internal: boolean;
  /** union feedback and the council's answers: every notified union's, only the viewer's own unions', or none */
  feedback: "all" | "own" | "none";
  /** every response in full, published or not */
  responses: boolean;
};

const NONE: Access = { proposal: false, internal: false, feedback: "none", responses: false };
const published = (s: Stage): Access => ({ ...NONE, proposal: PUBLIC_STAGES.includes(s) });
/** Its own service's officers and its drafter: everything, from the first draft. */
const ownService = (s: Stage): Access => ({ proposal: true, internal: true, feedback: "all", responses: PUBLIC_STAGES.includes(s) });
/** Decision makers: everything once it has left the drafter's desk. */
const overseer = (s: Stage): Access => (s === "draft" || s === "returned" ? NONE : { proposal: true, internal: true, feedback: "all", responses: PUBLIC_STAGES.includes(s) });
/** Approvers: the same, and a draft they returned, so that "Return to drafter" lands back on the review. */
const approver = (s: Stage): Access => overseer(s === "returned" ? "in_review" : s);

export const NEED_TO_KNOW: Record<Standing, (stage: Stage) => Access> = {
  // The role table lets admins change any service's proposal, so they read all of it.
  admin: () => ({ proposal: true, internal: true, feedback: "all", responses: false }),
  approver,
  decision_maker: overseer,
  drafter: ownService,
  own_service_officer: ownService,
  other_service_officer: published,
  // Moderators judge published comments: nothing before publication, no union feedback.
  moderator: published,
  // Under notice a notified union's reps read it in full; their own union's thread stays theirs after.
  notified_rep: (s) => (s === "union_notice" || PUBLIC_STAGES.includes(s) ? { ...NONE, proposal: true, feedback: "own" } : NONE),
  other_rep: published,
  resident: published,
  anonymous: published,
};

/** Each role the viewer holds, with its relation to this proposal. */
export function standings(viewer: Viewer, p: VisibilityFacts): Standing[] {
  if (!viewer) return ["anonymous"];
  if (!viewer.roles.length) return ["resident"];
  return viewer.roles.map((role: Role): Standing => {
    switch (role) {
      case "officer":
        if (viewer.id === p.createdById) return "drafter";
        return viewer.serviceId != null && viewer.serviceId === p.serviceId ? "own_service_officer" : "other_service_officer";
      case "union_rep":
        return viewer.unionIds.some((u) => p.unionIds.includes(u)) ? "notified_rep" : "other_rep";
      default:
        return role;
    }
  });
}

const FEEDBACK_RANK = { none: 0, own: 1, all: 2 } as const;

/** What this viewer may read of this proposal: the most any of their standings gives. */
export function access(viewer: Viewer, p: VisibilityFacts): Access {
  const stage = stageOf(p);
  return standings(viewer, p)
    .map((s) => NEED_TO_KNOW[s](stage))
    .reduce((a, b) => ({
      proposal: a.proposal || b.proposal,
      internal: a.internal || b.internal,
      feedback: FEEDBACK_RANK[b.feedback] > FEEDBACK_RANK[a.feedback] ? b.feedback : a.feedback,
      responses: a.responses || b.responses,
    }), NONE);
}

// ─── What the surfaces ask ─────────────────────────────────────────────────────

export function canSeeProposal(viewer: Viewer, p: VisibilityFacts): boolean {
  return access(viewer, p).proposal;
}

/** Internal parts (audit trail, returned reason, documents withheld in full): the need to know only. */
export function seesInternalDetail(viewer: Viewer, p: VisibilityFacts): boolean {
  return access(viewer, p).internal;
}

/** The unions whose confidential feedback (and the council's answers to it) this viewer may read. */
export function feedbackUnionIds(viewer: Viewer, p: VisibilityFacts): number[] {
  const { feedback } = access(viewer, p);
  if (feedback === "all") return [...p.unionIds];
  if (feedback === "own" && viewer) return p.unionIds.filter((u) => viewer.unionIds.includes(u));
  return [];
}

/** The officers' notice page: every notified union's feedback, so only staff with the need to know. */
export function canSeeAllFeedback(viewer: Viewer, p: VisibilityFacts): boolean {
  return access(viewer, p).feedback === "all";
}

/**
 * Who reads the responses in full (every answer from every channel, whether or not it will be
 * published): officers of the service running the consultation, approvers and decision makers,
 * once it is public. Union reps, moderators and residents read only what is published.
 */
export function canReadResponses(viewer: Viewer, p: VisibilityFacts): boolean {
  return access(viewer, p).responses;
}

/** The file itself: never for a document withheld whole unless the viewer has the need to know. */
export function canDownloadDocument(viewer: Viewer, p: VisibilityFacts, doc: Pick<ProposalDocument, "disclosure">): boolean {
  const a = access(viewer, p);
  if (!a.proposal) return false;
  if (doc.disclosure === "withheld") return a.internal;
  return true;
}

export function visibilityFacts(p: Proposal): VisibilityFacts {
  return { state: p.state, openedAt: p.openedAt, serviceId: p.serviceId, createdById: p.createdById, unionIds: p.unions.map((u) => u.id), returnedReason: p.returnedReason };
}
