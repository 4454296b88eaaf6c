/**
 * Who sees what: the one predicate. Every page, resource route, API endpoint, feed, export
 * and email goes through `canSeeProposal`; no surface reads proposals without it.
 *
 * Drafts, proposals in review, under union notice (embargoed) or scheduled are invisible to
 * the public: a guessed address answers 404 exactly as for a proposal that does not exist.
 */
import type { ProposalState } from "#db/schema";
import { can, type Viewer } from "~/auth/permissions";
import type { Proposal, ProposalDocument } from "./types";

/** States in which a proposal is public. Withdrawn counts only if it had opened. */
export const PUBLIC_STATES = ["open", "closed", "outcome_published", "decided", "withdrawn"] as const satisfies readonly ProposalState[];

export type VisibilityFacts = Pick<Proposal, "state" | "openedAt" | "serviceId" | "createdById"> & {
  unionIds: number[];
};

export function isPublic(p: Pick<Proposal, "state" | "openedAt">): boolean {
  if (p.state === "withdrawn") return p.openedAt != null;
  return (PUBLIC_STATES as readonly string[]).includes(p.state);
}

export function canSeeProposal(viewer: Viewer, p: VisibilityFacts): boolean {
  if (isPublic(p)) return true;
  if (!viewer) return false;
  // Staff other than officers oversee every service's proposals.
  if (can(viewer, "proposal:edit-any-service")) return true;
  // Approvers, moderators and decision makers see everything once it has left the drafter's desk.
  const overseer = viewer.roles.some((r) => r === "approver" || r === "moderator" || r === "decision_maker");
  if (overseer && p.state !== "draft") return true;
  // Officers see their own service's proposals and any they drafted.
  if (viewer.roles.includes("officer") && (viewer.serviceId === p.serviceId || viewer.id === p.createdById)) return true;
  // Union reps see a proposal under advance notice only if their union is notified.
  if (p.state === "union_notice" && viewer.unionIds.some((u) => p.unionIds.includes(u))) return true;
  return false;
}

/** Staff who can see a proposal see all of it; everyone else sees only what is published. */
export function seesInternalDetail(viewer: Viewer, p: VisibilityFacts): boolean {
  return can(viewer, "proposal:view-staff") && canSeeProposal(viewer, p);
}

/**
 * Who reads the responses in full (every answer from every channel, whether or not it will be
 * published): officers of the service running the consultation, approvers and decision makers,
 * once it is public. Union reps, moderators and residents read only what is published.
 */
export function canReadResponses(viewer: Viewer, p: VisibilityFacts): boolean {
  if (!viewer || !isPublic(p)) return false;
  if (viewer.roles.includes("approver") || viewer.roles.includes("decision_maker")) return true;
  return viewer.roles.includes("officer") && (viewer.serviceId === p.serviceId || viewer.id === p.createdById);
}

/** The file itself: never for a document withheld whole unless the viewer is staff. */
export function canDownloadDocument(viewer: Viewer, p: VisibilityFacts, doc: Pick<ProposalDocument, "disclosure">): boolean {
  if (!canSeeProposal(viewer, p)) return false;
  if (doc.disclosure === "withheld") return seesInternalDetail(viewer, p);
  return true;
}

export function visibilityFacts(p: Proposal): VisibilityFacts {
  return { state: p.state, openedAt: p.openedAt, serviceId: p.serviceId, createdById: p.createdById, unionIds: p.unions.map((u) => u.id) };
}
