/**
 * Atom feeds (RFC 4287), written by `feed`: one for new and updated consultations, and one per
 * consultation for what happens to it (opening, each published change, the council's official
 * answers, closing, withdrawal; the outcome and the decision once they exist).
 *
 * Entry ids are permanent addresses on BASE_URL, so a feed reader knows an entry it has seen
 * even if the site is reached by another name; links use the address the request came to.
 * Nothing here is timed by the clock: `updated` is always a stored time, so the same data gives
 * the same bytes (and the same ETag).
 */
import { Feed } from "feed";
import { db as defaultDb, type DB } from "#db/client.server";
import { formatDate } from "~/components/format";
import { baseUrl } from "~/lib/env.server";
import { newest } from "~/lib/conditional-get.server";
import { markdownToPlainText, renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { recentlyUpdatedPublicProposals } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { publicHistory } from "~/proposals/versions.server";
import { publishableComments } from "~/responses/comments.server";
import { commentPath } from "~/responses/rules";
import { stateLabel } from "~/components/StateTag";
import { decisionOf, loadOutcome, outcomeIsPublished } from "~/outcomes/read.server";
import { LICENCE, consultationPaths, type UrlFor } from "./record";

export const SITE_FEED_PATH = "/feeds/consultations.atom";
/** Entries in a feed: readers poll, so the newest are enough. */
const FEED_ENTRIES = 50;

/** Characters XML 1.0 does not allow (controls other than tab and line ends, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Atom titles and summaries are sent as type="html": plain text is escaped first. */
function htmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type Entry = { id: string; title: string; link: string; updated: string; published?: string; summary: string; contentHtml?: string; category?: string };

function canonical(path: string): string {
  return `${baseUrl()}${path}`;
}

function atom(options: { id: string; title: string; subtitle: string; link: string; self: string; updated: string; entries: Entry[] }): string {
  const settings = loadSettings();
  const feed = new Feed({
    id: options.id,
    title: xmlSafe(options.title),
    description: xmlSafe(options.subtitle),
    link: options.link,
    feed: options.self,
    updated: new Date(options.updated),
    author: { name: xmlSafe(settings.council.name), link: new URL(options.link).origin },
    copyright: `${settings.council.name}. Published under the ${LICENCE.name}: ${LICENCE.url}`,
    language: "en-GB",
    generator: false,
  });
  for (const e of options.entries) {
    feed.addItem({
      id: e.id,
      title: htmlText(e.title),
      link: e.link,
      date: new Date(e.updated),
      published: e.published ? new Date(e.published) : undefined,
      description: htmlText(e.summary),
      content: e.contentHtml ? xmlSafe(e.contentHtml) : undefined,
      category: e.category ? [{ term: e.category }] : undefined,
    });
  }
  return feed.atom1();
}

function statusSentence(p: Proposal): string {
  switch (p.state) {
    case "open":
      return p.closesOn ? `Open for responses until ${formatDate(p.closesOn)}.` : "Open for responses.";
    case "closed":
      return p.closesOn ? `Closed on ${formatDate(p.closesOn)}. The council is considering the responses.` : "Closed.";
    case "outcome_published":
      return "The council has published what people said and what it will do.";
    case "decided":
      return "The council has made its decision.";
    case "withdrawn":
      return p.withdrawnAt ? `Withdrawn on ${formatDate(p.withdrawnAt)}.` : "Withdrawn.";
    default:
      return "";
  }
}

/**
 * The outcome report's publication and the decision as entries, once each is public: the same
 * ids in the site feed and the consultation's feed, so a reader following both sees each once.
 */
function outcomeEntries(p: Proposal, url: UrlFor, database: DB): Entry[] {
  if (!outcomeIsPublished(p, database)) return [];
  const outcome = loadOutcome(p.id, database);
  const paths = consultationPaths(p.slug);
  const entries: Entry[] = [];
  if (outcome?.publishedAt) {
    entries.push({
      id: canonical(`${paths.outcome}#outcome`),
      title: `What you said and what we did: ${p.title}`,
      link: url(paths.outcome),
      updated: outcome.publishedAt,
      published: outcome.publishedAt,
      summary: `The council has published its response to the consultation. ${markdownToPlainText(outcome.whatHappensNext)}`.trim(),
      contentHtml: renderMarkdown(outcome.responseSummary, "officer") || undefined,
      category: p.serviceName,
    });
  }
  const decision = decisionOf(p.id, database);
  if (decision) {
    entries.push({
      id: canonical(`${paths.outcome}#decision`),
      title: `Decision: ${decision.label}: ${p.title}`,
      link: url(`${paths.outcome}#decision-heading`),
      updated: decision.recordedAt,
      published: decision.recordedAt,
      summary: `${decision.sentence} Decided on ${formatDate(decision.decidedOn)} (${decision.reference}). ${markdownToPlainText(decision.summary)}`.trim(),
      contentHtml: renderMarkdown(decision.summary, "officer") || undefined,
      category: p.serviceName,
    });
  }
  return entries;
}

/** New and updated consultations, most recently changed first, with outcomes and decisions as they are published. */
export function siteFeed(url: UrlFor, database: DB = defaultDb()): { xml: string; updated: string | null } {
  const settings = loadSettings(database);
  const proposals = recentlyUpdatedPublicProposals(FEED_ENTRIES, database);
  const entries: Entry[] = proposals.map((p) => {
    const paths = consultationPaths(p.slug);
    return {
      id: canonical(paths.html),
      title: `${p.title} (${stateLabel(p.state)})`,
      link: url(paths.html),
      updated: p.updatedAt,
      published: p.openedAt ?? undefined,
      summary: `${statusSentence(p)} ${markdownToPlainText(p.summary)}`.trim(),
      contentHtml: `<p>${htmlText(statusSentence(p))}</p>${renderMarkdown(p.summary, "officer")}`,
      category: p.serviceName,
    };
  });
  for (const p of proposals) entries.push(...outcomeEntries(p, url, database));
  entries.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const updated = newest(...entries.map((e) => e.updated));
  const xml = atom({
    id: canonical(SITE_FEED_PATH),
    title: `${settings.council.name}: consultations`,
    subtitle: `New and updated consultations from ${settings.council.name}.`,
    link: url("/consultations"),
    self: url(SITE_FEED_PATH),
    // An empty feed still needs an <updated>: a fixed time keeps its bytes (and ETag) stable.
    updated: updated ?? "2000-01-01T00:00:00.000Z",
    entries,
  });
  return { xml, updated };
}

/** What has happened to one consultation, newest first. */
export function consultationFeed(p: Proposal, url: UrlFor, database: DB = defaultDb()): { xml: string; updated: string } {
  const settings = loadSettings(database);
  const council = settings.council.name;
  const paths = consultationPaths(p.slug);
  const entries: Entry[] = [];

  if (p.openedAt) {
    entries.push({
      id: canonical(`${paths.html}#opened`),
      title: `Consultation opened: ${p.title}`,
      link: url(paths.html),
      updated: p.openedAt,
      published: p.openedAt,
      summary: markdownToPlainText(p.summary),
      contentHtml: renderMarkdown(p.summary, "officer"),
    });
  }
  for (const v of publicHistory(p.id, settings, database)) {
    if (v.isBaseline) continue;
    entries.push({
      id: canonical(`${paths.history}#version-${v.number}`),
      title: `Changed (version ${v.number}): ${v.changeNote ?? p.title}`,
      link: url(`${paths.history}#version-${v.number}`),
      updated: v.createdAt,
      published: v.createdAt,
      summary: `${v.changeNote ?? "The council changed the consultation."} Sections changed: ${v.changes.map((c) => c.title).join(", ") || "none of the published text"}.`,
    });
  }
  for (const c of publishableComments({ proposalIds: [p.id], official: true, newestFirst: true, limit: FEED_ENTRIES }, database)) {
    entries.push({
      id: canonical(commentPath(p.slug, c.id)),
      title: `Official answer from ${council}`,
      link: url(commentPath(p.slug, c.id)),
      updated: c.editedAt ?? c.createdAt,
      published: c.createdAt,
      summary: markdownToPlainText(c.text),
      contentHtml: c.html,
    });
  }
  if (p.closedAt) {
    entries.push({
      id: canonical(`${paths.html}#closed`),
      title: `Consultation closed: ${p.title}`,
      link: url(paths.html),
      updated: p.closedAt,
      published: p.closedAt,
      summary: "The consultation has closed. The council will publish what people said and what it will do.",
    });
  }
  entries.push(...outcomeEntries(p, url, database));
  if (p.withdrawnAt) {
    entries.push({
      id: canonical(`${paths.html}#withdrawn`),
      title: `Withdrawn: ${p.title}`,
      link: url(paths.html),
      updated: p.withdrawnAt,
      published: p.withdrawnAt,
      summary: markdownToPlainText(p.withdrawnReason) || "The council withdrew this proposal.",
      contentHtml: renderMarkdown(p.withdrawnReason, "officer") || undefined,
    });
  }
  entries.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const shown = entries.slice(0, FEED_ENTRIES);
  const updated = newest(p.updatedAt, ...shown.map((e) => e.updated)) ?? p.updatedAt;
  const xml = atom({
    id: canonical(paths.feed),
    title: `${p.title}: updates`,
    subtitle: `Changes, official answers, the outcome and the decision for this consultation by ${council}.`,
    link: url(paths.html),
    self: url(paths.feed),
    updated,
    entries: shown,
  });
  return { xml, updated };
}
