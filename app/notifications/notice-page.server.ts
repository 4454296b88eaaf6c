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
import { canDownloadDocument, visibilityFacts } from "~/proposals/visibility";
import { collectiveConsultationClock, noticePeriod } from "./notice-rules";
import { acknowledgement, canAnswerFeedback, feedbackThreads, noticeStatus, repUnions, unansweredFeedbackCount } from "./notices.server";
import { unreachableGroups } from "./staff.server";
import { db } from "#db/client.server";

const md = (text: string | null) => renderMarkdown(text, "officer", { headingOffset: 2 });

/** TULRCA s.188(4): what the union must be told in writing when 20 or more posts are at risk. */
function s188Disclosure(p: Proposal, collective: boolean) {
  if (!collective) return null;
  return {
    reasonsHtml: md(p.redundancyReasons),
    descriptionsHtml: md(p.staffDescriptions),
    selectionHtml: md(p.selectionMethod),
    dismissalHtml: md(p.dismissalMethodAndTiming),
  };
}

function facts(p: Proposal, at: Date) {
  const settings = loadSettings();
  return {
    settings,
    period: noticePeriod(p, settings, at, bankHolidays()),
    clock: collectiveConsultationClock(p, settings, at),
    collective: (p.postsAffected ?? 0) >= settings.union.collectiveConsultationPosts,
  };
}

export function repNoticePage(viewer: SignedInViewer, p: Proposal, at: Date) {
  const { settings, period, clock, collective } = facts(p, at);
  const unions = repUnions(viewer, p);
  const threads = feedbackThreads(p.id, unions.map((u) => u.id));
  const facts_ = visibilityFacts(p);
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
    s188: s188Disclosure(p, collective),
    postsAffected: p.postsAffected,
    staffGroups: p.staffGroups.map((g) => ({ name: g.name, headCount: g.headCount })),
    acknowledgedAt: acknowledgement(p.id, viewer.id)?.at ?? null,
  };
}

export function staffNoticePage(viewer: SignedInViewer, p: Proposal, at: Date) {
  const { period, clock, collective } = facts(p, at);
  const status = noticeStatus(p);
  const threads = feedbackThreads(p.id, p.unions.map((u) => u.id));
  return {
    proposal: { id: p.id, slug: p.slug, title: p.title, state: p.state, serviceName: p.serviceName, opensOn: p.opensOn, closesOn: p.closesOn, postsAffected: p.postsAffected },
    period,
    clock,
    collective,
    s188Complete: !collective || [p.redundancyReasons, p.staffDescriptions, p.selectionMethod, p.dismissalMethodAndTiming].every((v) => v && v.trim()),
    unanswered: unansweredFeedbackCount(p.id),
    mayAnswer: canAnswerFeedback(viewer, p) && p.state === "union_notice",
    unions: status.unions.map((u) => ({ ...u, thread: threads.get(u.id) ?? [] })),
    unreachableGroups: unreachableGroups(db(), p),
  };
}
