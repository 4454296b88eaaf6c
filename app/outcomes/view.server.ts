/**
 * The outcome report as a page shows it: serialisable, Markdown already rendered and sanitised
 * on the server. The public outcome page builds it from the published record; the staff preview
 * from the report as it stands, so the approver signs off exactly what will be published.
 */
import type { DB } from "#db/client.server";
import { db as defaultDb } from "#db/client.server";
import { renderMarkdown } from "~/lib/markdown.server";
import type { Settings } from "~/lib/settings";
import { versionAnchor } from "~/proposals/diff";
import type { Proposal } from "~/proposals/types";
import { CHANNEL_LABELS, RESPONDING_AS, RESPONDING_AS_LABELS, type Channel, type Stance } from "~/responses/rules";
import type { MonitoringReport } from "~/reach/monitoring";
import { loadMonitoringReport } from "~/reach/monitoring.server";
import { decisionOf, outcomeRecord, publishedOutcome, type PublicDecision, type PublicOutcome, type Quote } from "./read.server";

export type OutcomeViewModel = {
  slug: string;
  title: string;
  publishedAt: string | null;
  counts: {
    responses: number;
    comments: number;
    byChannel: { key: Channel; label: string; value: number }[];
    byRespondingAs: { key: (typeof RESPONDING_AS)[number] | "unknown"; label: string; value: number }[];
  };
  responseSummaryHtml: string;
  equalitySummaryHtml: string;
  whatHappensNextHtml: string;
  questions: { id: number; question: string; total: number; stances: Record<Stance, number> }[];
  themes: {
    id: number;
    name: string;
    respondents: number;
    councilResponseHtml: string;
    changed: boolean;
    changeDescription: string | null;
    version: { number: number; href: string; changeNote: string | null; createdAt: string } | null;
    quotes: Quote[];
  }[];
  equality: PublicOutcome["equality"];
  decision: (PublicDecision & { summaryHtml: string }) | null;
  publishedAnswers: number;
  /** the equality monitoring counts, small numbers suppressed (reach/monitoring.ts) */
  monitoring: MonitoringReport;
};

function toView(p: Proposal, record: PublicOutcome, decision: PublicDecision | null, monitoring: MonitoringReport): OutcomeViewModel {
  const md = (text: string | null) => renderMarkdown(text, "officer", { headingOffset: 2 });
  const history = `/consultations/${encodeURIComponent(p.slug)}/history`;
  return {
    slug: p.slug,
    title: p.title,
    publishedAt: record.publishedAt,
    counts: {
      responses: record.counts.responses,
      comments: record.counts.comments,
      byChannel: (Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => ({ key: c, label: CHANNEL_LABELS[c], value: record.counts.byChannel[c] })).filter((x) => x.value > 0),
      byRespondingAs: [
        ...RESPONDING_AS.map((r) => ({ key: r, label: RESPONDING_AS_LABELS[r], value: record.counts.byRespondingAs[r] })),
        { key: "unknown" as const, label: "Not recorded", value: record.counts.byRespondingAs.unknown },
      ].filter((x) => x.value > 0),
    },
    responseSummaryHtml: md(record.responseSummary),
    equalitySummaryHtml: md(record.equalitySummary),
    whatHappensNextHtml: md(record.whatHappensNext),
    questions: record.questions.map((q) => ({ id: q.id, question: q.question, total: q.answered, stances: q.stances })),
    themes: record.themes.map((t) => ({
      id: t.id,
      name: t.name,
      respondents: t.respondents,
      councilResponseHtml: md(t.councilResponse),
      changed: t.changed,
      changeDescription: t.changeDescription,
      version: t.version ? { number: t.version.number, href: `${history}#${versionAnchor(t.version.number)}`, changeNote: t.version.changeNote, createdAt: t.version.createdAt } : null,
      quotes: t.quotes,
    })),
    equality: record.equality,
    decision: decision ? { ...decision, summaryHtml: md(decision.summary) } : null,
    publishedAnswers: record.publishedAnswers,
    monitoring,
  };
}

/** The public outcome page's model, or null when no outcome is published. */
export function publicOutcomeView(p: Proposal, settings: Settings, database: DB = defaultDb()): OutcomeViewModel | null {
  const record = publishedOutcome(p, settings, database);
  return record ? toView(p, record, decisionOf(p.id, database), loadMonitoringReport(p.id, settings, database)) : null;
}

/** The staff preview: the report as it stands (equality "before" is the assessment as it is now). */
export function previewOutcomeView(p: Proposal, settings: Settings, database: DB = defaultDb()): OutcomeViewModel | null {
  const record = outcomeRecord(p, settings, database);
  if (!record) return null;
  if (!record.publishedAt) {
    // Not published yet: "before" is what the assessment says now, as publishing will fix it.
    for (const row of record.equality) {
      const current = p.equalityRows.find((r) => r.characteristic === row.characteristic);
      row.before = { rating: current?.rating ?? null, evidence: current?.evidence ?? null };
    }
  }
  return toView(p, record, decisionOf(p.id, database), loadMonitoringReport(p.id, settings, database));
}
