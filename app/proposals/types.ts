/**
 * A proposal with everything it carries, as the rules see it. Plain data: the gate
 * (readiness.ts), the lifecycle rules and the visibility predicate all take this shape,
 * so they can be tested without a database. proposals.server.ts builds it from the tables.
 */
import type { EqualityRating, ProposalState, TransferKind } from "#db/schema";

export type ProposalOption = {
  id: number;
  title: string;
  description: string;
  isProposed: boolean;
  rejectedBecause: string | null;
};

export type Risk = {
  id: number;
  description: string;
  whoBears: string;
  likelihood: number;
  impact: number;
  acceptanceReason: string | null;
};

export type Dependency = {
  id: number;
  name: string;
  kind: "service" | "team" | "partner" | "contract";
  effect: string;
  consulted: boolean | null;
  consultationNote: string | null;
};

export type Mitigation = {
  id: number;
  action: string;
  owner: string;
  dueOn: string | null;
  riskIds: number[];
  equalityRowIds: number[];
};

export type EqualityRow = {
  id: number;
  characteristic: string;
  rating: EqualityRating | null;
  evidence: string | null;
  justification: string | null;
  evidenceAction: string | null;
};

export type WithheldPart = {
  id: number;
  part: string;
  ground: string;
  publicInterestNote: string;
  reviewOn: string;
};

export type ProposalDocument = {
  id: number;
  kind: "business_case" | "equality_assessment" | "other";
  title: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  disclosure: "published" | "part_withheld" | "withheld";
  withheldParts: WithheldPart[];
};

/** Counts only: officers of one service may not see another service's proposals before they open. */
export type OtherRedundancies = { proposals: number; posts: number };

export type StaffGroupRef = { id: number; name: string; headCount: number; serviceName: string };
export type UnionRef = { id: number; name: string; shortName: string };

export type Proposal = {
  id: number;
  slug: string;
  title: string;
  serviceId: number;
  serviceName: string;
  /** the service's slug: settings name services by it (which need an easy read summary) */
  serviceSlug: string;
  leadOfficer: string;
  createdById: number;
  state: ProposalState;
  revision: number;

  summary: string | null;
  /** short sentences and everyday words, on its own public page (app/reach/easy-read.ts) */
  easyReadSummary: string | null;

  whatChanges: string | null;
  whyChange: string | null;
  currentService: string | null;
  proposedService: string | null;
  timeline: string | null;
  alreadyDecided: string | null;
  openToChange: string | null;

  postsAffected: number | null;
  fteAffected: number | null;
  serviceWorkforcePosts: number | null;
  serviceUsersPerYear: number | null;
  activityDescription: string | null;
  activityPerYear: number | null;
  budgetChangeGbp: number | null;

  aimEliminateDiscrimination: string | null;
  aimAdvanceEquality: string | null;
  aimFosterRelations: string | null;
  equalityConclusion: string | null;

  opensOn: string | null;
  closesOn: string | null;
  shortPeriodReason: string | null;
  /** the approved length in days; null until the plan is saved with both dates */
  periodDays: number | null;
  /** the dates as planned, set only if the consultation opened later than planned */
  plannedOpensOn: string | null;
  plannedClosesOn: string | null;
  preElectionReason: string | null;
  howToRespond: string | null;
  alternativeFormats: string | null;
  events: string | null;

  noStaffAffected: boolean;
  redundancyReasons: string | null;
  staffDescriptions: string | null;
  selectionMethod: string | null;
  dismissalMethodAndTiming: string | null;
  employedInDescriptions: string | null;
  redundancyPayMethod: string | null;
  agencyWorkerCount: number | null;
  agencyWorkerParts: string | null;
  agencyWorkerWork: string | null;
  establishment: string | null;
  redundancyPosts: number | null;
  firstDismissalOn: string | null;
  transferKind: TransferKind | null;
  transferOn: string | null;
  transferReasons: string | null;
  transferImplications: string | null;
  transferMeasures: string | null;
  transfereeMeasures: string | null;
  /**
   * Redundancies proposed by other proposals at the same establishment with a first dismissal
   * within 90 days of this one's (TULRCA s.188 counts them together). Loaded with the proposal
   * (proposals.server.ts); absent when the proposal was built without a database.
   */
  otherRedundancies?: OtherRedundancies;

  submittedAt: string | null;
  approvedAt: string | null;
  approvedById: number | null;
  returnedReason: string | null;
  noticeSentAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** after closing (optional so that snapshots taken before these existed still read) */
  outcomePublishedAt?: string | null;
  decidedAt?: string | null;
  personalDataRemovedAt?: string | null;
  updatedAt: string;

  options: ProposalOption[];
  risks: Risk[];
  dependencies: Dependency[];
  mitigations: Mitigation[];
  equalityRows: EqualityRow[];
  documents: ProposalDocument[];
  staffGroups: StaffGroupRef[];
  unions: UnionRef[];
  /** `personal`: about the respondent's own circumstances; answers to it are never published */
  questions: { id: number; question: string; personal?: boolean }[];
  /**
   * The summary and any questions translated into other languages (translation.ts). Optional so
   * that snapshots taken before translations existed still read.
   */
  translations?: ProposalTranslation[];
};

export type ProposalTranslation = {
  id: number;
  /** a code from TRANSLATION_LANGUAGES ("bn") */
  language: string;
  summary: string;
  translatorName: string;
  /** YYYY-MM-DD */
  translatedOn: string;
  /** translated questions, in the questions' order; a question not listed shows in English */
  questions: { questionId: number; text: string }[];
};

/** The sections of the publication gate, in the order an officer meets them. */
export const SECTIONS = [
  { key: "summary", title: "Summary in plain English" },
  { key: "details", title: "Full details" },
  { key: "options", title: "Options considered" },
  { key: "impact", title: "Impact figures" },
  { key: "risks", title: "Risks" },
  { key: "dependencies", title: "Dependencies" },
  { key: "mitigations", title: "Mitigations" },
  { key: "equality", title: "Equality impact assessment" },
  { key: "documents", title: "Documents" },
  { key: "plan", title: "Consultation plan" },
  { key: "stakeholders", title: "Staff and unions affected" },
  { key: "questions", title: "Consultation questions" },
] as const;

export type SectionKey = (typeof SECTIONS)[number]["key"];

/** One thing the proposal still lacks. `field` is the form field's name, for the link. */
export type Unmet = {
  section: SectionKey;
  code: string;
  field?: string;
  message: string;
};

export function riskScore(risk: Pick<Risk, "likelihood" | "impact">): number {
  return risk.likelihood * risk.impact;
}

/** Posts affected as a share of the service's workforce, or null when either figure is missing. */
export function workforceShare(p: Pick<Proposal, "postsAffected" | "serviceWorkforcePosts">): number | null {
  if (p.postsAffected == null || !p.serviceWorkforcePosts) return null;
  return p.postsAffected / p.serviceWorkforcePosts;
}
