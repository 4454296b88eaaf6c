/**
 * The public record of a consultation as open data: what the API, the CSV files and the feeds
 * publish. Pure, and a whitelist: every field is named here, so nothing the page does not show
 * (who drafted or approved it, the reason it was returned, the s.188 letter to the unions, the
 * unions' feedback, withheld files) can leak in by being added to the Proposal type later.
 *
 * Text fields are the Markdown the council wrote (the page renders the same Markdown).
 */
import { addWeeks, formatISO, isValid, parseISO } from "date-fns";
import type { ProposalState } from "#db/schema";
import { riskLevel, type RiskLevel } from "~/components/risk-level";
import { characteristicLabel, groundLabel, type Settings } from "~/lib/settings";
import type { NotificationRecordView } from "~/notifications/record";
import { riskScore, workforceShare, type Proposal, type ProposalDocument } from "~/proposals/types";
import type { Channel } from "~/responses/rules";
import type { QuestionStatistics } from "~/responses/statistics";
import type { PublicDecision, PublicOutcome } from "~/outcomes/read.server";

/** Weeks after closing within which the council should publish its response (Consultation Principles 2018). */
export const OUTCOME_DUE_WEEKS = 12;

/** Open Government Licence v3.0: the licence of everything published here. */
export const LICENCE = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
} as const;

/** Addresses are absolute, built from the address the request came to. */
export type UrlFor = (path: string) => string;

export function consultationPaths(slug: string) {
  const s = encodeURIComponent(slug);
  return {
    api: `/api/v1/consultations/${s}`,
    html: `/consultations/${s}`,
    history: `/consultations/${s}/history`,
    feed: `/consultations/${s}/feed.atom`,
    comments: `/api/v1/consultations/${s}/comments`,
    outcome: `/consultations/${s}/outcome`,
    publishedAnswers: `/consultations/${s}/outcome/answers`,
  };
}

export type ApiService = { slug: string; name: string };

export type ApiConsultationSummary = {
  id: number;
  slug: string;
  title: string;
  status: ProposalState;
  service: ApiService;
  summary: string | null;
  opensOn: string | null;
  closesOn: string | null;
  openedAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  updatedAt: string;
  links: { self: string; html: string; feed: string };
};

export function consultationSummary(p: Proposal, service: ApiService, url: UrlFor): ApiConsultationSummary {
  const paths = consultationPaths(p.slug);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    status: p.state,
    service,
    summary: p.summary,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    openedAt: p.openedAt,
    closedAt: p.closedAt,
    withdrawnAt: p.withdrawnAt,
    updatedAt: p.updatedAt,
    links: { self: url(paths.api), html: url(paths.html), feed: url(paths.feed) },
  };
}

/** R1, R2… and M1, M2…: the references the public page uses, so a row in the data can be found on the page. */
export function rowRefs(p: Pick<Proposal, "risks" | "mitigations">) {
  return {
    risk: new Map(p.risks.map((r, i) => [r.id, `R${i + 1}`])),
    mitigation: new Map(p.mitigations.map((m, i) => [m.id, `M${i + 1}`])),
  };
}

export function publicRisks(p: Proposal, settings: Settings) {
  const refs = rowRefs(p);
  return p.risks.map((r) => {
    const score = riskScore(r);
    const mitigations = p.mitigations.filter((m) => m.riskIds.includes(r.id));
    return {
      id: r.id,
      ref: refs.risk.get(r.id)!,
      description: r.description,
      whoBears: r.whoBears,
      likelihood: r.likelihood,
      impact: r.impact,
      score,
      level: riskLevel(score, settings.gate.highRiskScore) as RiskLevel,
      mitigationIds: mitigations.map((m) => m.id),
      mitigationRefs: mitigations.map((m) => refs.mitigation.get(m.id)!),
      acceptanceReason: r.acceptanceReason,
    };
  });
}

export function publicMitigations(p: Proposal, settings: Settings) {
  const refs = rowRefs(p);
  const rows = new Map(p.equalityRows.map((r) => [r.id, r]));
  return p.mitigations.map((m) => ({
    id: m.id,
    ref: refs.mitigation.get(m.id)!,
    action: m.action,
    owner: m.owner,
    dueOn: m.dueOn,
    riskIds: m.riskIds.filter((id) => refs.risk.has(id)),
    riskRefs: m.riskIds.map((id) => refs.risk.get(id)).filter((x): x is string => x != null),
    equalityRowIds: m.equalityRowIds.filter((id) => rows.has(id)),
    equalityCharacteristics: m.equalityRowIds.map((id) => rows.get(id)?.characteristic).filter((x): x is string => x != null),
    equalityLabels: m.equalityRowIds.map((id) => rows.get(id)?.characteristic).filter((x): x is string => x != null).map((k) => characteristicLabel(settings, k)),
  }));
}

export function publicEqualityRows(p: Proposal, settings: Settings) {
  const refs = rowRefs(p);
  return p.equalityRows.map((r) => {
    const mitigations = p.mitigations.filter((m) => m.equalityRowIds.includes(r.id));
    return {
      id: r.id,
      characteristic: r.characteristic,
      label: characteristicLabel(settings, r.characteristic),
      rating: r.rating,
      evidence: r.evidence,
      justification: r.justification,
      evidenceAction: r.evidenceAction,
      mitigationIds: mitigations.map((m) => m.id),
      mitigationRefs: mitigations.map((m) => refs.mitigation.get(m.id)!),
    };
  });
}

export function publicDependencies(p: Proposal) {
  return p.dependencies.map(({ id, name, kind, effect, consulted, consultationNote }) => ({ id, name, kind, effect, consulted, consultationNote }));
}

export function publicDocuments(p: Proposal, settings: Settings, downloadUrl: (doc: ProposalDocument) => string | null) {
  return p.documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    filename: d.filename,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    disclosure: d.disclosure,
    /** null for a document withheld in full: the public sees that it exists and why it is withheld */
    url: downloadUrl(d),
    withheldParts: d.withheldParts.map((w) => ({
      part: w.part,
      ground: w.ground,
      groundLabel: groundLabel(settings, w.ground),
      publicInterestNote: w.publicInterestNote,
      reviewOn: w.reviewOn,
    })),
  }));
}

export function outcomeDueOn(p: Pick<Proposal, "closesOn">): string | null {
  const closes = p.closesOn ? parseISO(p.closesOn) : null;
  return closes && isValid(closes) ? formatISO(addWeeks(closes, OUTCOME_DUE_WEEKS), { representation: "date" }) : null;
}

export type ApiComment = {
  id: number;
  parentId: number | null;
  target: { type: string; id: number | null };
  official: boolean;
  author: { name: string; capacity: string | null };
  text: string;
  html: string;
  createdAt: string;
  editedAt: string | null;
  links: { html: string };
};

export type ApiModerationEntry = { id: number; action: "hide" | "restore"; rule: string | null; at: string; target: { type: string; id: number }; isReply: boolean; official: boolean };

export type ApiVersion = { number: number; publishedAt: string; changeNote: string | null; isBaseline: boolean; sectionsChanged: string[] };

/**
 * The published outcome report ("you said, we did") as open data: who responded, each theme with
 * the council's response, what changed and the public version that changed it, the stance
 * counts of the questions that are not personal, the equality assessment before and after, and
 * how many respondents agreed to publish their answers (the answers themselves are in the
 * answers CSV). Null until the report is published: a draft never appears.
 */
export function outcomeRecordForApi(o: PublicOutcome | null, slug: string, url: UrlFor) {
  if (!o || !o.publishedAt) return null;
  const paths = consultationPaths(slug);
  const csv = (dataset: string) => url(`/api/v1/${dataset}.csv?consultation=${encodeURIComponent(slug)}`);
  return {
    publishedAt: o.publishedAt,
    responseSummary: o.responseSummary,
    equalitySummary: o.equalitySummary,
    whatHappensNext: o.whatHappensNext,
    counts: o.counts,
    questions: o.questions.map((q) => ({ id: q.id, question: q.question, answered: q.answered, stances: q.stances })),
    themes: o.themes.map((t) => ({
      id: t.id,
      name: t.name,
      respondents: t.respondents,
      councilResponse: t.councilResponse,
      changed: t.changed,
      changeDescription: t.changeDescription,
      version: t.version ? { number: t.version.number, publishedAt: t.version.createdAt, changeNote: t.version.changeNote } : null,
      quotes: t.quotes.map((q) => ({ kind: q.kind, text: q.text, about: q.about })),
    })),
    equality: o.equality.map((r) => ({
      characteristic: r.characteristic,
      label: r.label,
      before: { rating: r.before.rating, evidence: r.before.evidence },
      after: { rating: r.after.rating, evidence: r.after.evidence, justification: r.after.justification, evidenceAction: r.after.evidenceAction },
    })),
    publishedAnswers: o.publishedAnswers,
    links: { html: url(paths.outcome), publishedAnswers: url(paths.publishedAnswers), themesCsv: csv("themes"), answersCsv: csv("answers") },
  };
}

/** The decision as open data; null until it is recorded. */
export function decisionRecordForApi(d: PublicDecision | null) {
  if (!d) return null;
  return { decision: d.decision, label: d.label, decidedOn: d.decidedOn, reference: d.reference, noticeUrl: d.noticeUrl, summary: d.summary, recordedAt: d.recordedAt };
}

export type ConsultationRecordInput = {
  proposal: Proposal;
  service: ApiService;
  settings: Settings;
  notificationRecord: NotificationRecordView;
  /** who signed it off for publication, as the page says (separation of duties made visible) */
  approval: { approverName: string; approvedAt: string } | null;
  versions: ApiVersion[];
  moderationLog: ApiModerationEntry[];
  responses: Record<Channel, number> & { total: number };
  questions: QuestionStatistics[];
  comments: ApiComment[];
  commentsTotal: number;
  /** the published outcome report and the decision, null until each is public */
  outcome: PublicOutcome | null;
  decision: PublicDecision | null;
  commentsNext: string | null;
  downloadUrl: (doc: ProposalDocument) => string | null;
  url: UrlFor;
};

/** Everything public about one consultation, the outcome and the decision included once they are published. */
export function consultationRecord(input: ConsultationRecordInput) {
  const { proposal: p, settings, url } = input;
  const paths = consultationPaths(p.slug);
  const csv = (dataset: string) => url(`/api/v1/${dataset}.csv?consultation=${encodeURIComponent(p.slug)}`);
  return {
    ...consultationSummary(p, input.service, url),
    details: {
      whatChanges: p.whatChanges,
      whyChange: p.whyChange,
      currentService: p.currentService,
      proposedService: p.proposedService,
      timeline: p.timeline,
      alreadyDecided: p.alreadyDecided,
      openToChange: p.openToChange,
    },
    options: p.options.map((o) => ({ id: o.id, title: o.title, description: o.description, proposed: o.isProposed, rejectedBecause: o.isProposed ? null : o.rejectedBecause })),
    impact: {
      postsAffected: p.postsAffected,
      fteAffected: p.fteAffected,
      serviceWorkforcePosts: p.serviceWorkforcePosts,
      workforceShare: workforceShare(p),
      serviceUsersPerYear: p.serviceUsersPerYear,
      activityDescription: p.activityDescription,
      activityPerYear: p.activityPerYear,
      budgetChangeGbp: p.budgetChangeGbp,
    },
    risks: publicRisks(p, settings),
    highRiskScore: settings.gate.highRiskScore,
    dependencies: publicDependencies(p),
    mitigations: publicMitigations(p, settings),
    equality: {
      rows: publicEqualityRows(p, settings),
      aims: { eliminateDiscrimination: p.aimEliminateDiscrimination, advanceEquality: p.aimAdvanceEquality, fosterRelations: p.aimFosterRelations },
      conclusion: p.equalityConclusion,
    },
    documents: publicDocuments(p, settings, input.downloadUrl),
    plan: {
      shortPeriodReason: p.shortPeriodReason,
      howToRespond: p.howToRespond,
      alternativeFormats: p.alternativeFormats,
      events: p.events,
    },
    dates: {
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      openedAt: p.openedAt,
      closedAt: p.closedAt,
      withdrawnAt: p.withdrawnAt,
      outcomeDueOn: outcomeDueOn(p),
      updatedAt: p.updatedAt,
    },
    withdrawnReason: p.withdrawnAt ? p.withdrawnReason : null,
    notificationRecord: input.notificationRecord,
    approval: input.approval,
    versions: input.versions,
    moderationLog: input.moderationLog,
    responses: {
      total: input.responses.total,
      byChannel: Object.fromEntries(Object.entries(input.responses).filter(([k]) => k !== "total")) as Record<Channel, number>,
      questions: input.questions,
    },
    commentsTotal: input.commentsTotal,
    comments: input.comments,
    outcome: outcomeRecordForApi(input.outcome, p.slug, url),
    decision: input.outcome ? decisionRecordForApi(input.decision) : null,
    links: {
      self: url(paths.api),
      html: url(paths.html),
      history: url(paths.history),
      feed: url(paths.feed),
      comments: url(paths.comments),
      outcome: url(paths.outcome),
      moreComments: input.commentsNext,
      csv: {
        risks: csv("risks"),
        dependencies: csv("dependencies"),
        mitigations: csv("mitigations"),
        equalityRows: csv("equality-rows"),
        notifications: csv("notifications"),
        comments: csv("comments"),
        moderationLog: csv("moderation-log"),
        answers: csv("answers"),
        themes: csv("themes"),
        outcomes: csv("outcomes"),
      },
    },
    licence: LICENCE,
  };
}

export type ApiConsultation = ReturnType<typeof consultationRecord>;
