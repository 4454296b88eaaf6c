/**
 * The public view of a proposal: what a loader hands to <ProposalView>. Serialisable, already
 * rendered (Markdown fields as sanitised HTML), and holding only what the page may show.
 *
 * Left out on purpose: who created or approved it (user ids), the reason it was returned in
 * review, the s.188 disclosure written for the unions, the names of staff groups and unions
 * (the page gives counts), internal ids other than those the links need. A staff page that
 * wants more adds it beside this model rather than into it.
 *
 * `buildProposalView` is pure: the caller passes the Markdown renderer (renderMarkdown on the
 * server) and decides which documents may be downloaded (canDownloadDocument).
 */
import type { EqualityRating, ProposalState } from "#db/schema";
import { addDays } from "~/lib/council-time";
import { equalityCharacteristics, groundLabel, type Settings } from "~/lib/settings";
import { approvedLength, describeLength } from "~/proposals/period";
import { riskScore, type Proposal, type ProposalDocument } from "~/proposals/types";
import { OUTCOME_DUE_WEEKS, outcomeClock } from "~/outcomes/overdue";
import { riskLevel, type RiskLevel } from "./risk-level";

export type { RiskLevel };

/** A link to another row on the same page: "Mitigation M2" → #mitigation-M2. */
export type RowLink = { ref: string; anchor: string; text: string };

export type RiskView = {
  id: number;
  ref: string;
  anchor: string;
  description: string;
  whoBears: string;
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
  mitigations: RowLink[];
  acceptanceReason: string | null;
};

export type MitigationView = {
  id: number;
  ref: string;
  anchor: string;
  action: string;
  owner: string;
  dueOn: string | null;
  risks: RowLink[];
  equalityRows: RowLink[];
};

export type EqualityRowView = {
  id: number;
  key: string;
  label: string;
  anchor: string;
  rating: EqualityRating | null;
  evidence: string | null;
  justification: string | null;
  evidenceAction: string | null;
  mitigations: RowLink[];
};

export type OptionView = {
  id: number;
  title: string;
  descriptionHtml: string;
  isProposed: boolean;
  rejectedBecauseHtml: string;
};

export type DependencyView = {
  id: number;
  name: string;
  kind: "service" | "team" | "partner" | "contract";
  effect: string;
  consulted: boolean | null;
  consultationNote: string | null;
};

export type WithheldPartView = {
  id: number;
  part: string;
  ground: string;
  groundLabel: string;
  publicInterestNote: string;
  reviewOn: string;
};

export type DocumentView = {
  id: number;
  kind: ProposalDocument["kind"];
  title: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  disclosure: ProposalDocument["disclosure"];
  /** where to download it, or null when this viewer may not (withheld in full) */
  href: string | null;
  withheldParts: WithheldPartView[];
};

export type ImpactView = Pick<
  Proposal,
  "postsAffected" | "fteAffected" | "serviceWorkforcePosts" | "serviceUsersPerYear" | "activityDescription" | "activityPerYear" | "budgetChangeGbp"
>;

export type ProposalViewModel = {
  slug: string;
  title: string;
  state: ProposalState;
  serviceName: string;
  summaryHtml: string;
  /** the easy read summary, rendered; empty when there is none */
  easyReadHtml: string;
  details: {
    whatChangesHtml: string;
    whyChangeHtml: string;
    currentServiceHtml: string;
    proposedServiceHtml: string;
    timelineHtml: string;
    alreadyDecidedHtml: string;
    openToChangeHtml: string;
  };
  options: OptionView[];
  impact: ImpactView;
  risks: RiskView[];
  /** the score from which a risk counts as high (settings.gate.highRiskScore) */
  highRiskScore: number;
  dependencies: DependencyView[];
  mitigations: MitigationView[];
  equality: {
    rows: EqualityRowView[];
    aimEliminateDiscriminationHtml: string;
    aimAdvanceEqualityHtml: string;
    aimFosterRelationsHtml: string;
    conclusionHtml: string;
  };
  documents: DocumentView[];
  plan: {
    opensOn: string | null;
    closesOn: string | null;
    /** the dates as planned, when it opened later than planned (the closing date moved with it) */
    plannedOpensOn: string | null;
    plannedClosesOn: string | null;
    /** where the closing date moved to when it opened late (a later extension is a public version) */
    movedClosesOn: string | null;
    /** the approved length, e.g. "12 weeks" */
    length: string | null;
    shortPeriodReasonHtml: string;
    preElectionReasonHtml: string;
    howToRespondHtml: string;
    alternativeFormatsHtml: string;
    eventsHtml: string;
    questions: { id: number; question: string }[];
  };
  stakeholders: {
    noStaffAffected: boolean;
    staffGroupCount: number;
    unionCount: number;
    /** when the recognised unions were given advance notice */
    noticeSentAt: string | null;
  };
  lifecycle: {
    openedAt: string | null;
    closedAt: string | null;
    withdrawnAt: string | null;
    withdrawnReasonHtml: string;
    /** 12 weeks after closing (Consultation Principles 2018): when the outcome is due */
    outcomeDueOn: string | null;
    /** closed, no outcome, and past the due date */
    outcomeOverdue: boolean;
    /** how many days past the due date (0 unless overdue) */
    outcomeDaysOverdue: number;
  };
};

export type MarkdownRenderer = (markdown: string | null, options?: { headingOffset?: number }) => string;

export type BuildOptions = {
  render: MarkdownRenderer;
  /** the download address for a document, or null if this viewer may not download it */
  documentHref: (doc: ProposalDocument) => string | null;
  /** from ~/lib/clock: the outcome clock compares it with the due date */
  now: Date;
};

/** Weeks after closing within which the council should publish its response (outcomes/overdue.ts). */
export { OUTCOME_DUE_WEEKS };

export function buildProposalView(p: Proposal, settings: Settings, { render, documentHref, now }: BuildOptions): ProposalViewModel {
  const riskRef = new Map(p.risks.map((r, i) => [r.id, `R${i + 1}`]));
  const mitigationRef = new Map(p.mitigations.map((m, i) => [m.id, `M${i + 1}`]));
  const characteristics = equalityCharacteristics(settings);
  const labelFor = (key: string) => characteristics.find((c) => c.key === key)?.label ?? key;
  const order = (key: string) => {
    const i = characteristics.findIndex((c) => c.key === key);
    return i === -1 ? characteristics.length : i;
  };

  const riskLink = (id: number): RowLink | null => {
    const ref = riskRef.get(id);
    return ref ? { ref, anchor: `risk-${ref}`, text: `Risk ${ref}` } : null;
  };
  const mitigationLink = (id: number): RowLink | null => {
    const ref = mitigationRef.get(id);
    return ref ? { ref, anchor: `mitigation-${ref}`, text: `Mitigation ${ref}` } : null;
  };
  const rowsById = new Map(p.equalityRows.map((r) => [r.id, r]));
  const equalityLink = (id: number): RowLink | null => {
    const row = rowsById.get(id);
    return row ? { ref: row.characteristic, anchor: `equality-${row.characteristic}`, text: labelFor(row.characteristic) } : null;
  };
  const present = <T,>(x: T | null): x is T => x != null;

  const risks: RiskView[] = p.risks.map((r) => {
    const ref = riskRef.get(r.id)!;
    const score = riskScore(r);
    return {
      id: r.id,
      ref,
      anchor: `risk-${ref}`,
      description: r.description,
      whoBears: r.whoBears,
      likelihood: r.likelihood,
      impact: r.impact,
      score,
      level: riskLevel(score, settings.gate.highRiskScore),
      mitigations: p.mitigations.filter((m) => m.riskIds.includes(r.id)).map((m) => mitigationLink(m.id)).filter(present),
      acceptanceReason: r.acceptanceReason,
    };
  });

  const outcome = outcomeClock(p, now, settings.council.timeZone);

  return {
    slug: p.slug,
    title: p.title,
    state: p.state,
    serviceName: p.serviceName,
    summaryHtml: render(p.summary, { headingOffset: 1 }),
    easyReadHtml: p.easyReadSummary?.trim() ? render(p.easyReadSummary, { headingOffset: 2 }) : "",
    details: {
      whatChangesHtml: render(p.whatChanges, { headingOffset: 2 }),
      whyChangeHtml: render(p.whyChange, { headingOffset: 2 }),
      currentServiceHtml: render(p.currentService, { headingOffset: 2 }),
      proposedServiceHtml: render(p.proposedService, { headingOffset: 2 }),
      timelineHtml: render(p.timeline, { headingOffset: 2 }),
      alreadyDecidedHtml: render(p.alreadyDecided, { headingOffset: 2 }),
      openToChangeHtml: render(p.openToChange, { headingOffset: 2 }),
    },
    // The proposed option first, then the alternatives that were rejected.
    options: [...p.options]
      .sort((a, b) => Number(b.isProposed) - Number(a.isProposed))
      .map((o) => ({
        id: o.id,
        title: o.title,
        descriptionHtml: render(o.description, { headingOffset: 3 }),
        isProposed: o.isProposed,
        rejectedBecauseHtml: o.isProposed ? "" : render(o.rejectedBecause, { headingOffset: 3 }),
      })),
    impact: {
      postsAffected: p.postsAffected,
      fteAffected: p.fteAffected,
      serviceWorkforcePosts: p.serviceWorkforcePosts,
      serviceUsersPerYear: p.serviceUsersPerYear,
      activityDescription: p.activityDescription,
      activityPerYear: p.activityPerYear,
      budgetChangeGbp: p.budgetChangeGbp,
    },
    risks,
    highRiskScore: settings.gate.highRiskScore,
    dependencies: p.dependencies.map(({ id, name, kind, effect, consulted, consultationNote }) => ({ id, name, kind, effect, consulted, consultationNote })),
    mitigations: p.mitigations.map((m) => {
      const ref = mitigationRef.get(m.id)!;
      return {
        id: m.id,
        ref,
        anchor: `mitigation-${ref}`,
        action: m.action,
        owner: m.owner,
        dueOn: m.dueOn,
        risks: m.riskIds.map(riskLink).filter(present),
        equalityRows: m.equalityRowIds.map(equalityLink).filter(present),
      };
    }),
    equality: {
      rows: [...p.equalityRows]
        .sort((a, b) => order(a.characteristic) - order(b.characteristic))
        .map((r) => ({
          id: r.id,
          key: r.characteristic,
          label: labelFor(r.characteristic),
          anchor: `equality-${r.characteristic}`,
          rating: r.rating,
          evidence: r.evidence,
          justification: r.justification,
          evidenceAction: r.evidenceAction,
          mitigations: p.mitigations.filter((m) => m.equalityRowIds.includes(r.id)).map((m) => mitigationLink(m.id)).filter(present),
        })),
      aimEliminateDiscriminationHtml: render(p.aimEliminateDiscrimination, { headingOffset: 3 }),
      aimAdvanceEqualityHtml: render(p.aimAdvanceEquality, { headingOffset: 3 }),
      aimFosterRelationsHtml: render(p.aimFosterRelations, { headingOffset: 3 }),
      conclusionHtml: render(p.equalityConclusion, { headingOffset: 3 }),
    },
    documents: p.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      filename: d.filename,
      mimeType: d.mimeType,
      sizeBytes: d.sizeBytes,
      disclosure: d.disclosure,
      href: documentHref(d),
      withheldParts: d.withheldParts.map((w) => ({
        id: w.id,
        part: w.part,
        ground: w.ground,
        groundLabel: groundLabel(settings, w.ground),
        publicInterestNote: w.publicInterestNote,
        reviewOn: w.reviewOn,
      })),
    })),
    plan: {
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      plannedOpensOn: p.plannedOpensOn ?? null,
      plannedClosesOn: p.plannedClosesOn ?? null,
      movedClosesOn: (() => {
        const days = approvedLength({ ...p, opensOn: p.plannedOpensOn ?? null, closesOn: p.plannedClosesOn ?? null });
        return p.plannedOpensOn && p.opensOn && days != null ? addDays(p.opensOn, days) : null;
      })(),
      length: (() => {
        const days = approvedLength(p);
        return days != null && days > 0 ? describeLength(days) : null;
      })(),
      shortPeriodReasonHtml: render(p.shortPeriodReason, { headingOffset: 2 }),
      preElectionReasonHtml: render(p.preElectionReason ?? null, { headingOffset: 2 }),
      howToRespondHtml: render(p.howToRespond, { headingOffset: 2 }),
      alternativeFormatsHtml: render(p.alternativeFormats, { headingOffset: 2 }),
      eventsHtml: render(p.events, { headingOffset: 2 }),
      questions: p.questions.map(({ id, question }) => ({ id, question })),
    },
    stakeholders: {
      noStaffAffected: p.noStaffAffected,
      staffGroupCount: p.staffGroups.length,
      unionCount: p.unions.length,
      noticeSentAt: p.noticeSentAt,
    },
    lifecycle: {
      openedAt: p.openedAt,
      closedAt: p.closedAt,
      withdrawnAt: p.withdrawnAt,
      withdrawnReasonHtml: render(p.withdrawnReason, { headingOffset: 2 }),
      outcomeDueOn: outcome.dueOn,
      // overdue from the day after the due date, in the council's calendar
      outcomeOverdue: outcome.overdue,
      outcomeDaysOverdue: outcome.daysOverdue,
    },
  };
}
