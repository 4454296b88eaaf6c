/**
 * What the rep's notice page and the officers' notice page show, assembled for their loaders.
 * Both take a proposal already fetched through the visibility predicate.
 */
import type { SignedInViewer } from "~/auth/permissions";
import { buildProposalView } from "~/components/proposal-view-model";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { bankHolidays } from "~/proposals/lifecycle.server";
import type { Proposal } from "~/proposals/types";
import { canDownloadDocument, feedbackUnionIds, visibilityFacts } from "~/proposals/visibility";
import type { Settings } from "~/lib/settings";
import { AGENCY_ITEMS, AGGREGATION_DAYS, S188_ITEMS, TRANSFER_LABELS, TUPE_ITEMS, collectiveConsultation, collectiveConsultationClock, describeTotal } from "~/proposals/employment";
import { establishmentLabel } from "~/lib/settings";
import { noticePeriod } from "./notice-rules";
import { acknowledgement, canAnswerFeedback, feedbackThreads, noticeStatus, repUnions, unansweredFeedbackCount } from "./notices.server";
import { unreachableGroups } from "./staff.server";
import { db } from "#db/client.server";

const md = (text: string | null) => renderMarkdown(text, "officer", { headingOffset: 2 });

/**
 * One thing the union must be told: `label` in English (the approver's review), `key` and
 * `paragraph` for the rep's page, which words it in the page's language.
 */
export type DisclosureItem = { key: DisclosureKey; paragraph: string | null; label: string; html: string };
type DisclosureKey = (typeof S188_ITEMS)[number]["field"] | (typeof TUPE_ITEMS)[number]["field"] | "agencyCount" | "agencyParts" | "agencyWork";

/** Agency workers: s.188(4)(g) to (i) and TUPE reg 13(2A). */
function agencyItems(p: Proposal, paragraphs: boolean): DisclosureItem[] {
  const item = (key: DisclosureKey, which: keyof typeof AGENCY_ITEMS, html: string): DisclosureItem => {
    const paragraph = paragraphs ? AGENCY_ITEMS[which].paragraph : null;
    return { key, paragraph, label: `${paragraph ? `${paragraph} ` : ""}${AGENCY_ITEMS[which].label}`, html };
  };
  return [
    item("agencyCount", "count", p.agencyWorkerCount == null ? "" : `<p>${p.agencyWorkerCount}</p>`),
    ...(p.agencyWorkerCount ? [item("agencyParts", "parts", md(p.agencyWorkerParts)), item("agencyWork", "work", md(p.agencyWorkerWork))] : []),
  ];
}

/** TULRCA s.188(4)(a) to (i): what the union must be told in writing when collective consultation applies. */
function s188Disclosure(p: Proposal, settings: Settings) {
  const c = collectiveConsultation(p, settings);
  if (!c.applies) return null;
  return {
    total: describeTotal(c, settings),
    /** describeTotal's facts, for the rep's page to word in its language */
    totalFacts: { total: c.total, posts: c.posts, otherPosts: c.otherPosts, otherProposals: c.otherProposals, place: establishmentLabel(settings, c.establishment), days: AGGREGATION_DAYS },
    firstDismissalOn: p.firstDismissalOn,
    items: [
      ...S188_ITEMS.map((item): DisclosureItem => ({ key: item.field, paragraph: item.paragraph, label: `${item.paragraph} ${item.label}`, html: md(p[item.field]) })),
      ...agencyItems(p, true),
    ],
  };
}

/** TUPE 2006 reg 13(2): what the union must be told before a transfer. */
function tupeDisclosure(p: Proposal, settings: Settings) {
  if (!p.transferKind || p.transferKind === "none") return null;
  return {
    kind: TRANSFER_LABELS[p.transferKind].replace(/^Yes: /, ""),
    transferKind: p.transferKind,
    transferOn: p.transferOn,
    items: [
      ...TUPE_ITEMS.map((item): DisclosureItem => ({ key: item.field, paragraph: item.paragraph, label: `${item.paragraph} ${item.label}`, html: md(p[item.field]) })),
      // Told once: with the s.188 items when collective consultation applies too.
      ...(collectiveConsultation(p, settings).applies ? [] : agencyItems(p, false)),
    ],
  };
}

/** What the unions are told in confidence and the public never sees (the approver reviews it too). */
export function unionDisclosure(p: Proposal, settings: Settings) {
  return { s188: s188Disclosure(p, settings), tupe: tupeDisclosure(p, settings) };
}

function facts(p: Proposal, at: Date) {
  const settings = loadSettings();
  return {
    settings,
    period: noticePeriod(p, settings, at, bankHolidays()),
    clock: collectiveConsultationClock(p, settings, at),
    collective: collectiveConsultation(p, settings).applies,
  };
}

export function repNoticePage(viewer: SignedInViewer, p: Proposal, at: Date) {
  const { settings, period, clock } = facts(p, at);
  const facts_ = visibilityFacts(p);
  // Each rep reads their own union's thread only (visibility.ts decides which).
  const readable = feedbackUnionIds(viewer, facts_);
  const unions = repUnions(viewer, p).filter((u) => readable.includes(u.id));
  const threads = feedbackThreads(p.id, unions.map((u) => u.id));
  return {
    rep: { name: viewer.name },
    unions: unions.map((u) => ({ id: u.id, name: u.name, thread: threads.get(u.id) ?? [] })),
    proposal: buildProposalView(p, settings, {
      render: (markdown, options) => renderMarkdown(markdown, "officer", options),
      documentHref: (doc) => (canDownloadDocument(viewer, facts_, doc) ? `/consultations/${encodeURIComponent(p.slug)}/documents/${doc.id}` : null),
      now: at,
    }),
    state: p.state,
    underNotice: p.state === "union_notice",
    period,
    clock,
    s188: s188Disclosure(p, settings),
    tupe: tupeDisclosure(p, settings),
    postsAffected: p.postsAffected,
    staffGroups: p.staffGroups.map((g) => ({ name: g.name, headCount: g.headCount })),
    acknowledgedAt: acknowledgement(p.id, viewer.id)?.at ?? null,
  };
}

export function staffNoticePage(viewer: SignedInViewer, p: Proposal, at: Date) {
  const { period, clock, collective } = facts(p, at);
  const status = noticeStatus(p);
  const threads = feedbackThreads(p.id, feedbackUnionIds(viewer, visibilityFacts(p)));
  return {
    proposal: { id: p.id, slug: p.slug, title: p.title, state: p.state, serviceName: p.serviceName, opensOn: p.opensOn, closesOn: p.closesOn, postsAffected: p.postsAffected },
    period,
    clock,
    collective,
    s188Complete: !collective || S188_ITEMS.every((item) => p[item.field]?.trim()),
    unanswered: unansweredFeedbackCount(p.id),
    mayAnswer: canAnswerFeedback(viewer, p) && p.state === "union_notice",
    unions: status.unions.map((u) => ({ ...u, thread: threads.get(u.id) ?? [] })),
    unreachableGroups: unreachableGroups(db(), p),
  };
}
