/**
 * The consultations as open data: the paged list, one consultation with everything public, and
 * its comments a page at a time. Proposals come only through the visibility predicate
 * (publicProposals / publicProposalBySlug), comments only through publishableComments().
 */
import { eq, inArray, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { newest } from "~/lib/conditional-get.server";
import { loadSettings } from "~/lib/settings.server";
import { decisionOf, publishedOutcome } from "~/outcomes/read.server";
import { loadNotificationRecord } from "~/notifications/record.server";
import { approvalRecord, publicProposalBySlug, publicProposals } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { publicHistory } from "~/proposals/versions.server";
import { canDownloadDocument, visibilityFacts } from "~/proposals/visibility";
import { answersByQuestion, responseCounts } from "~/responses/answers.server";
import { publishableCommentCount, publishableComments, type PublishableComment } from "~/responses/comments.server";
import { moderationLogEntries } from "~/responses/moderation.server";
import { commentPath } from "~/responses/rules";
import { publishedQuestionStatistics } from "~/responses/statistics";
import { ApiError, NOT_FOUND_MESSAGE } from "./http.server";
import { encodeCursor, type ListParameters } from "./params";
import { consultationRecord, consultationSummary, LICENCE, type ApiComment, type ApiService, type UrlFor } from "./record";

/** Comments given inline with one consultation; the rest are a `links.moreComments` away. */
export const INLINE_COMMENTS = 100;

export function servicesById(ids: number[], database: DB = defaultDb()): Map<number, ApiService> {
  if (ids.length === 0) return new Map();
  const rows = database.select({ id: t.services.id, slug: t.services.slug, name: t.services.name }).from(t.services).where(inArray(t.services.id, [...new Set(ids)])).all();
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}

export function serviceIdBySlug(slug: string, database: DB = defaultDb()): number {
  const row = database.select({ id: t.services.id }).from(t.services).where(eq(t.services.slug, slug)).get();
  if (!row) {
    const known = database.select({ slug: t.services.slug }).from(t.services).orderBy(t.services.slug).all().map((s) => s.slug);
    throw new ApiError(400, `Unknown service "${slug}". Services are: ${known.join(", ")}.`);
  }
  return row.id;
}

/** One page of the list, and where the next starts. */
export function listConsultations(params: ListParameters, url: UrlFor, self: string, database: DB = defaultDb()) {
  const { proposals, nextAfterId } = publicProposals(
    {
      states: params.states,
      serviceId: params.serviceSlug ? serviceIdBySlug(params.serviceSlug, database) : undefined,
      opensFrom: params.opensFrom,
      opensTo: params.opensTo,
      closesFrom: params.closesFrom,
      closesTo: params.closesTo,
      updatedSince: params.updatedSince,
      afterId: params.afterId,
      limit: params.limit,
    },
    database,
  );
  const services = servicesById(proposals.map((p) => p.serviceId), database);
  let next: string | null = null;
  if (nextAfterId != null) {
    const nextUrl = new URL(self);
    nextUrl.searchParams.set("cursor", encodeCursor(nextAfterId));
    next = nextUrl.toString();
  }
  return {
    body: {
      data: proposals.map((p) => consultationSummary(p, services.get(p.serviceId)!, url)),
      links: { self, next },
      meta: { count: proposals.length, limit: params.limit, licence: LICENCE },
    },
    next,
    lastModified: newest(...proposals.map((p) => p.updatedAt)),
  };
}

export function toApiComment(c: PublishableComment, slug: string, url: UrlFor, councilName: string): ApiComment {
  return {
    id: c.id,
    parentId: c.parentId,
    target: { type: c.targetType, id: c.targetId },
    official: c.official,
    author: c.official ? { name: c.author.name || councilName, capacity: councilName } : c.author,
    text: c.text,
    html: c.html,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    links: { html: url(commentPath(slug, c.id)) },
  };
}

/** The newest thing that changed what the public sees about this consultation. */
export function lastActivity(p: Proposal, database: DB = defaultDb()): string | null {
  const row = database.get<Record<string, string | null>>(sql`SELECT
    (SELECT max(created_at) FROM comments WHERE proposal_id = ${p.id}) AS commented,
    (SELECT max(edited_at) FROM comments WHERE proposal_id = ${p.id}) AS edited,
    (SELECT max(deleted_at) FROM comments WHERE proposal_id = ${p.id}) AS deleted,
    (SELECT max(m.at) FROM moderation_actions m JOIN comments c ON c.id = m.comment_id WHERE c.proposal_id = ${p.id}) AS moderated,
    (SELECT max(updated_at) FROM responses WHERE proposal_id = ${p.id}) AS responded,
    (SELECT max(created_at) FROM proposal_versions WHERE proposal_id = ${p.id} AND is_public = 1) AS versioned,
    (SELECT max(sent_at) FROM staff_notifications WHERE proposal_id = ${p.id}) AS notified,
    (SELECT max(published_at) FROM outcomes WHERE proposal_id = ${p.id} AND status = 'published') AS outcome,
    (SELECT max(recorded_at) FROM decisions WHERE proposal_id = ${p.id}) AS decided`);
  return newest(p.updatedAt, ...Object.values(row ?? {}));
}

export function requirePublicConsultation(slug: string, database: DB = defaultDb()): Proposal {
  const p = publicProposalBySlug(slug, database);
  if (!p) throw new ApiError(404, NOT_FOUND_MESSAGE);
  return p;
}

/** Everything public about one consultation. */
export function consultationDetail(p: Proposal, url: UrlFor, database: DB = defaultDb()) {
  const settings = loadSettings(database);
  const service = servicesById([p.serviceId], database).get(p.serviceId)!;
  const facts = visibilityFacts(p);
  const comments = publishableComments({ proposalIds: [p.id], limit: INLINE_COMMENTS + 1 }, database);
  const more = comments.length > INLINE_COMMENTS;
  const outcome = publishedOutcome(p, settings, database);
  const shown = comments.slice(0, INLINE_COMMENTS);
  const record = consultationRecord({
    proposal: p,
    service,
    settings,
    notificationRecord: loadNotificationRecord(p, database),
    approval: approvalRecord(p, database),
    versions: publicHistory(p.id, settings, database).map((v) => ({
      number: v.number,
      publishedAt: v.createdAt,
      changeNote: v.changeNote,
      isBaseline: v.isBaseline,
      sectionsChanged: v.changes.map((c) => c.section),
    })),
    moderationLog: moderationLogEntries({ proposalIds: [p.id] }, database).map(({ consultation: _c, ...e }) => e),
    responses: responseCounts(p.id, database),
    questions: publishedQuestionStatistics(p.questions, answersByQuestion(p.id, database)),
    comments: shown.map((c) => toApiComment(c, p.slug, url, settings.council.name)),
    commentsTotal: publishableCommentCount(p.id, database),
    outcome,
    decision: outcome ? decisionOf(p.id, database) : null,
    commentsNext: more ? url(`/api/v1/consultations/${encodeURIComponent(p.slug)}/comments?cursor=${encodeCursor(shown[shown.length - 1].id)}`) : null,
    downloadUrl: (doc) => (canDownloadDocument(null, facts, doc) ? url(`/consultations/${encodeURIComponent(p.slug)}/documents/${doc.id}`) : null),
    url,
  });
  return { body: record, lastModified: lastActivity(p, database) };
}

/** One page of a consultation's published comments, oldest first. */
export function consultationComments(p: Proposal, page: { afterId?: number; limit: number }, url: UrlFor, self: string, database: DB = defaultDb()) {
  const council = loadSettings(database).council.name;
  const rows = publishableComments({ proposalIds: [p.id], afterId: page.afterId, limit: page.limit + 1 }, database);
  const shown = rows.slice(0, page.limit);
  let next: string | null = null;
  if (rows.length > page.limit) {
    const nextUrl = new URL(self);
    nextUrl.searchParams.set("cursor", encodeCursor(shown[shown.length - 1].id));
    next = nextUrl.toString();
  }
  return {
    body: {
      data: shown.map((c) => toApiComment(c, p.slug, url, council)),
      links: { self, next, consultation: url(`/api/v1/consultations/${encodeURIComponent(p.slug)}`) },
      meta: { count: shown.length, total: publishableCommentCount(p.id, database), limit: page.limit, licence: LICENCE },
    },
    next,
    lastModified: lastActivity(p, database),
  };
}
