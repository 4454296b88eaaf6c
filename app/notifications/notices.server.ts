/**
 * Confidential advance notice to the recognised unions: personal links for reps, the log of
 * who viewed the notice, acknowledgements, and the feedback thread officers answer.
 *
 * Every read for a rep goes through the visibility predicate (canSeeProposal): a rep sees a
 * proposal under notice only if their union was notified. Feedback is never public and is
 * read only here; no export or public page selects from notice_feedback.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, max, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer, Viewer } from "~/auth/permissions";
import { baseUrl } from "~/lib/env.server";
import type { Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { collectiveConsultation } from "~/proposals/employment";
import { canEditProposal } from "~/proposals/lifecycle";
import { bankHolidays } from "~/proposals/lifecycle.server";
import { loadProposal } from "~/proposals/proposals.server";
import type { Proposal, UnionRef } from "~/proposals/types";
import { canSeeAllFeedback, canSeeProposal, isPublic, visibilityFacts } from "~/proposals/visibility";
import { FEEDBACK_MAX_CHARS, noticeLinkExpiry, noticeLinkUsable, noticePeriod } from "./notice-rules";
import { queueEmail } from "./outbox.server";
import { publicUrl } from "./staff.server";
import { unionFeedbackReceivedEmail, unionNoticeEmail, unionNoticeLinkEmail, unionNoticeWithdrawnEmail } from "./templates";
import { hashToken, isTokenShaped, newToken } from "./tokens.server";

export function noticeLinkUrl(token: string) {
  return `${baseUrl()}/notices/link/${token}`;
}

type Rep = { userId: number; name: string; email: string; unionId: number; unionName: string };

/** The reps of these unions who can act (not disabled), one entry per rep and union. */
function repsOf(database: DB, unionIds: number[]): Rep[] {
  if (!unionIds.length) return [];
  return database
    .select({ userId: t.users.id, name: t.users.name, email: t.users.email, unionId: t.unions.id, unionName: t.unions.name })
    .from(t.unionReps)
    .innerJoin(t.users, eq(t.users.id, t.unionReps.userId))
    .innerJoin(t.unions, eq(t.unions.id, t.unionReps.unionId))
    .where(and(inArray(t.unionReps.unionId, unionIds), isNull(t.users.disabledAt)))
    .orderBy(asc(t.unions.name), asc(t.users.name))
    .all();
}

/** One entry per rep: a rep of two notified unions gets one notice naming both. */
function byRep(reps: Rep[]): Rep[] {
  const seen = new Map<number, Rep>();
  for (const r of reps) {
    const known = seen.get(r.userId);
    seen.set(r.userId, known ? { ...known, unionName: `${known.unionName} and ${r.unionName}` } : r);
  }
  return [...seen.values()];
}

function issueLink(tx: DB, proposalId: number, userId: number, at: Date, settings: Settings) {
  const token = newToken();
  const expiresAt = noticeLinkExpiry(at, settings).toISOString();
  // A new link replaces the older ones: a link resent because one was lost or forwarded must
  // leave the lost one useless.
  tx.update(t.noticeLinks)
    .set({ revokedAt: at.toISOString() })
    .where(and(eq(t.noticeLinks.proposalId, proposalId), eq(t.noticeLinks.userId, userId), isNull(t.noticeLinks.usedAt), isNull(t.noticeLinks.revokedAt)))
    .run();
  tx.insert(t.noticeLinks).values({ proposalId, userId, tokenHash: hashToken(token), expiresAt, createdAt: at.toISOString() }).run();
  return { url: noticeLinkUrl(token), expiresAt };
}

function sendNoticeTo(tx: DB, p: Proposal, rep: Rep, at: Date, settings: Settings): boolean {
  const key = `union-notice:${p.id}:${rep.userId}`;
  // Checked first so that a repeat never leaves a link behind that no email carries.
  if (tx.select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.idempotencyKey, key)).get()) return false;
  const link = issueLink(tx, p.id, rep.userId, at, settings);
  const period = noticePeriod(p, settings, at, bankHolidays());
  const email = unionNoticeEmail({
    council: settings.council.name,
    repName: rep.name,
    unionName: rep.unionName,
    title: p.title,
    serviceName: p.serviceName,
    sentAt: p.noticeSentAt ?? at.toISOString(),
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    earliestOpening: period?.earliestOpening ?? null,
    noticeWorkingDays: settings.union.noticeWorkingDays,
    collectiveConsultation: collectiveConsultation(p, settings).applies,
    link: link.url,
    linkExpiresAt: link.expiresAt,
  });
  return queueEmail(tx, { idempotencyKey: key, event: "union_notice", to: rep.email, ...email, proposalId: p.id });
}

/** On approval into union notice: every rep of every notified union gets a personal link. */
export function sendUnionNotices(tx: DB, p: Proposal, at: Date): number {
  const settings = loadSettings(tx);
  const reps = byRep(repsOf(tx, p.unions.map((u) => u.id)));
  // The approval's own audit entry records this; the links and outbox rows say to whom.
  return reps.filter((rep) => sendNoticeTo(tx, p, rep, at, settings)).length;
}

/** A proposal withdrawn after notice was given: the reps who were told hear that it will not go
 * ahead, and why (workflow.server.ts calls this for every withdrawal). */
export function sendNoticeWithdrawn(tx: DB, p: Proposal): number {
  const council = loadSettings(tx).council.name;
  const told = new Set(tx.selectDistinct({ userId: t.noticeLinks.userId }).from(t.noticeLinks).where(eq(t.noticeLinks.proposalId, p.id)).all().map((r) => r.userId));
  let queued = 0;
  for (const rep of byRep(repsOf(tx, p.unions.map((u) => u.id))).filter((r) => told.has(r.userId))) {
    const hadOpened = isPublic(p);
    const email = unionNoticeWithdrawnEmail({ council, repName: rep.name, title: p.title, reason: p.withdrawnReason, hadOpened, publicUrl: hadOpened ? publicUrl(p.slug) : null });
    if (queueEmail(tx, { idempotencyKey: `union-notice-withdrawn:${p.id}:${rep.userId}`, event: "union_notice_withdrawn", to: rep.email, ...email, proposalId: p.id })) queued++;
  }
  return queued;
}

/** A rep added to a union while its notices run gets them too (directory.server.ts calls this). */
export function sendPendingNoticesToRep(tx: DB, unionId: number, userId: number, at: Date): number {
  const ids = tx
    .select({ id: t.proposals.id })
    .from(t.proposals)
    .innerJoin(t.proposalUnions, eq(t.proposalUnions.proposalId, t.proposals.id))
    .where(and(eq(t.proposals.state, "union_notice"), eq(t.proposalUnions.unionId, unionId)))
    .all();
  const settings = loadSettings(tx);
  let sent = 0;
  for (const { id } of ids) {
    const p = loadProposal(id, tx);
    const rep = p ? repsOf(tx, [unionId]).find((r) => r.userId === userId) : undefined;
    if (p && rep && sendNoticeTo(tx, p, rep, at, settings)) sent++;
  }
  return sent;
}

// ─── Personal links ────────────────────────────────────────────────────────────

/** The viewer a rep would be, for asking the visibility predicate before they sign in. */
function repViewer(database: DB, userId: number): SignedInViewer | null {
  const user = database.select().from(t.users).where(and(eq(t.users.id, userId), isNull(t.users.disabledAt))).get();
  if (!user) return null;
  const roles = database.select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, userId)).all();
  const unions = database.select({ unionId: t.unionReps.unionId }).from(t.unionReps).where(eq(t.unionReps.userId, userId)).all();
  return { id: user.id, name: user.name, email: user.email, roles: roles.map((r) => r.role), serviceId: user.serviceId, unionIds: unions.map((u) => u.unionId) };
}

/** A link is good only while unused, unexpired, the proposal is still under notice and the
 * person still represents a notified union. Anything else is the same "nothing". */
function usableLink(database: DB, token: string | undefined, at: Date) {
  if (!isTokenShaped(token)) return null;
  const link = database.select().from(t.noticeLinks).where(eq(t.noticeLinks.tokenHash, hashToken(token))).get();
  if (!link || !noticeLinkUsable(link, at)) return null;
  const proposal = loadProposal(link.proposalId, database);
  const viewer = repViewer(database, link.userId);
  if (!proposal || !viewer || proposal.state !== "union_notice" || !isNotifiedRep(viewer, proposal)) return null;
  return { link, proposal, viewer };
}

/** What the link page may show before the link is used: whose it is and for which proposal. */
export function peekNoticeLink(token: string | undefined, at: Date, database: DB = defaultDb()) {
  const found = usableLink(database, token, at);
  return found ? { repName: found.viewer.name, title: found.proposal.title } : null;
}

/** Use the link once: it is marked used in the same transaction that finds it usable. */
export function consumeNoticeLink(token: string | undefined, at: Date, database: DB = defaultDb()): { userId: number; slug: string } | null {
  return writeTransaction((tx) => {
    const found = usableLink(tx, token, at);
    if (!found) return null;
    tx.update(t.noticeLinks).set({ usedAt: at.toISOString() }).where(and(eq(t.noticeLinks.id, found.link.id), isNull(t.noticeLinks.usedAt))).run();
    appendAudit(tx, { actorId: found.viewer.id, action: "notice.link_used", entityType: "proposal", entityId: found.proposal.id, detail: { linkId: found.link.id } });
    return { userId: found.viewer.id, slug: found.proposal.slug };
  }, database);
}

// ─── What a rep sees and does ──────────────────────────────────────────────────

/** The notified unions this viewer represents. */
export function repUnions(viewer: Viewer, p: Pick<Proposal, "unions">): UnionRef[] {
  if (!viewer) return [];
  return p.unions.filter((u) => viewer.unionIds.includes(u.id));
}

/** A rep of a notified union who may see the proposal: the one test for every notice page. */
export function isNotifiedRep(viewer: Viewer, p: Proposal): boolean {
  return repUnions(viewer, p).length > 0 && canSeeProposal(viewer, visibilityFacts(p));
}

export function recordNoticeView(proposalId: number, userId: number, at: Date, database: DB = defaultDb()) {
  database.insert(t.noticeViews).values({ proposalId, userId, at: at.toISOString() }).run();
}

export function acknowledgement(proposalId: number, userId: number, database: DB = defaultDb()) {
  return database
    .select()
    .from(t.noticeAcknowledgements)
    .where(and(eq(t.noticeAcknowledgements.proposalId, proposalId), eq(t.noticeAcknowledgements.userId, userId)))
    .get();
}

export function acknowledgeNotice(viewer: SignedInViewer, p: Proposal, at: Date, database: DB = defaultDb()): boolean {
  const union = repUnions(viewer, p)[0];
  if (!union || p.state !== "union_notice") return false;
  return writeTransaction((tx) => {
    const result = tx
      .insert(t.noticeAcknowledgements)
      .values({ proposalId: p.id, userId: viewer.id, unionId: union.id, at: at.toISOString() })
      .onConflictDoNothing()
      .run();
    if (result.changes) appendAudit(tx, { actorId: viewer.id, action: "notice.acknowledged", entityType: "proposal", entityId: p.id, detail: { unionId: union.id } });
    return true;
  }, database);
}

/**
 * `code` names a refusal the rep's page words in its own language (repPages.feedback.messages);
 * `message` is the English, for the officers' pages.
 */
export type FeedbackProblem = "unionMissing" | "ended" | "bodyMissing" | "bodyTooLong";
export type FeedbackResult = { ok: true } | { ok: false; field: "body" | "unionId"; message: string; code?: FeedbackProblem };

function feedbackBodyProblem(body: string | undefined): { code: FeedbackProblem; message: string } | null {
  const text = (body ?? "").trim();
  if (!text) return { code: "bodyMissing", message: "Enter your feedback" };
  if (text.length > FEEDBACK_MAX_CHARS) return { code: "bodyTooLong", message: `Feedback must be ${FEEDBACK_MAX_CHARS.toLocaleString("en-GB")} characters or fewer` };
  return null;
}

export function validateFeedbackBody(body: string | undefined): string | null {
  return feedbackBodyProblem(body)?.message ?? null;
}

/** A rep sends feedback for one of their notified unions; the officer who drafted it is told. */
export function addFeedback(viewer: SignedInViewer, p: Proposal, unionId: number, body: string, at: Date, database: DB = defaultDb()): FeedbackResult {
  const union = repUnions(viewer, p).find((u) => u.id === unionId);
  if (!union) return { ok: false, field: "unionId", code: "unionMissing", message: "Choose the union you are writing for" };
  if (p.state !== "union_notice") return { ok: false, field: "body", code: "ended", message: "The notice period has ended, so feedback can no longer be sent here" };
  const problem = feedbackBodyProblem(body);
  if (problem) return { ok: false, field: "body", ...problem };
  writeTransaction((tx) => {
    const row = tx
      .insert(t.noticeFeedback)
      .values({ proposalId: p.id, unionId, authorId: viewer.id, body: body.trim(), createdAt: at.toISOString() })
      .returning({ id: t.noticeFeedback.id })
      .get();
    appendAudit(tx, { actorId: viewer.id, action: "notice.feedback", entityType: "proposal", entityId: p.id, detail: { feedbackId: row.id, unionId } });
    const drafter = tx.select({ email: t.users.email }).from(t.users).where(and(eq(t.users.id, p.createdById), isNull(t.users.disabledAt))).get();
    if (drafter) {
      const settings = loadSettings(tx);
      const email = unionFeedbackReceivedEmail({ council: settings.council.name, title: p.title, unionName: union.name, link: `${baseUrl()}/staff/notices/${p.id}` });
      queueEmail(tx, { idempotencyKey: `notice-feedback:${row.id}:${p.createdById}`, event: "union_feedback", to: drafter.email, ...email, proposalId: p.id });
    }
  }, database);
  return { ok: true };
}

/** Officers who may answer: those who may edit the proposal (its service's officers, admins). */
export function canAnswerFeedback(viewer: Viewer, p: Proposal): boolean {
  return canEditProposal(viewer, p) && canSeeProposal(viewer, visibilityFacts(p));
}

/** An officer answers one feedback item; the union's reps get a fresh personal link to read it. */
export function answerFeedback(viewer: SignedInViewer, p: Proposal, feedbackId: number, body: string, at: Date, database: DB = defaultDb()): FeedbackResult {
  if (!canAnswerFeedback(viewer, p)) return { ok: false, field: "body", message: "You cannot answer feedback on this proposal" };
  const problem = validateFeedbackBody(body);
  if (problem) return { ok: false, field: "body", message: problem.replace("feedback", "answer").replace("Feedback", "The answer") };
  return writeTransaction((tx): FeedbackResult => {
    const item = tx
      .select()
      .from(t.noticeFeedback)
      .where(and(eq(t.noticeFeedback.id, feedbackId), eq(t.noticeFeedback.proposalId, p.id), isNull(t.noticeFeedback.inReplyToId)))
      .get();
    if (!item) return { ok: false, field: "body", message: "That feedback item no longer exists" };
    const row = tx
      .insert(t.noticeFeedback)
      .values({ proposalId: p.id, unionId: item.unionId, authorId: viewer.id, inReplyToId: item.id, body: body.trim(), createdAt: at.toISOString() })
      .returning({ id: t.noticeFeedback.id })
      .get();
    appendAudit(tx, { actorId: viewer.id, action: "notice.answered", entityType: "proposal", entityId: p.id, detail: { feedbackId: item.id, answerId: row.id } });
    if (p.state === "union_notice") {
      const settings = loadSettings(tx);
      for (const rep of repsOf(tx, [item.unionId])) {
        const link = issueLink(tx, p.id, rep.userId, at, settings);
        const email = unionNoticeLinkEmail({ council: settings.council.name, repName: rep.name, title: p.title, link: link.url, linkExpiresAt: link.expiresAt, reason: "answer" });
        queueEmail(tx, { idempotencyKey: `notice-answer:${row.id}:${rep.userId}`, event: "union_feedback_answered", to: rep.email, ...email, proposalId: p.id });
      }
    }
    return { ok: true };
  }, database);
}

/** An officer sends a rep a new personal link (the first expired, or was lost). */
export function resendNoticeLink(viewer: SignedInViewer, p: Proposal, userId: number, at: Date, database: DB = defaultDb()): boolean {
  if (!canAnswerFeedback(viewer, p) || p.state !== "union_notice") return false;
  return writeTransaction((tx) => {
    const rep = repsOf(tx, p.unions.map((u) => u.id)).find((r) => r.userId === userId);
    if (!rep) return false;
    const settings = loadSettings(tx);
    const link = issueLink(tx, p.id, rep.userId, at, settings);
    const email = unionNoticeLinkEmail({ council: settings.council.name, repName: rep.name, title: p.title, link: link.url, linkExpiresAt: link.expiresAt, reason: "resend" });
    queueEmail(tx, { idempotencyKey: `notice-resend:${p.id}:${rep.userId}:${at.getTime()}`, event: "union_notice_link", to: rep.email, ...email, proposalId: p.id });
    appendAudit(tx, { actorId: viewer.id, action: "notice.link_resent", entityType: "proposal", entityId: p.id, detail: { userId: rep.userId } });
    return true;
  }, database);
}

// ─── Feedback threads ──────────────────────────────────────────────────────────

export type ThreadItem = {
  id: number;
  author: string;
  at: string;
  body: string;
  answers: { id: number; author: string; at: string; body: string }[];
};

/** The threads for these unions (each union sees only its own), oldest first. */
export function feedbackThreads(proposalId: number, unionIds: number[], database: DB = defaultDb()): Map<number, ThreadItem[]> {
  const threads = new Map<number, ThreadItem[]>(unionIds.map((id) => [id, []]));
  if (!unionIds.length) return threads;
  const rows = database
    .select({ id: t.noticeFeedback.id, unionId: t.noticeFeedback.unionId, inReplyToId: t.noticeFeedback.inReplyToId, body: t.noticeFeedback.body, at: t.noticeFeedback.createdAt, author: t.users.name })
    .from(t.noticeFeedback)
    .innerJoin(t.users, eq(t.users.id, t.noticeFeedback.authorId))
    .where(and(eq(t.noticeFeedback.proposalId, proposalId), inArray(t.noticeFeedback.unionId, unionIds)))
    .orderBy(asc(t.noticeFeedback.id))
    .all();
  const items = new Map<number, ThreadItem>();
  for (const r of rows) {
    if (r.inReplyToId == null) {
      const item: ThreadItem = { id: r.id, author: r.author, at: r.at, body: r.body, answers: [] };
      items.set(r.id, item);
      threads.get(r.unionId)?.push(item);
    } else {
      items.get(r.inReplyToId)?.answers.push({ id: r.id, author: r.author, at: r.at, body: r.body });
    }
  }
  return threads;
}

/** Feedback items no officer has answered yet: the consultation cannot open while any remain. */
export function unansweredFeedbackCount(proposalId: number, database: DB = defaultDb()): number {
  const answer = alias(t.noticeFeedback, "answer");
  const row = database
    .select({ n: count() })
    .from(t.noticeFeedback)
    .leftJoin(answer, eq(answer.inReplyToId, t.noticeFeedback.id))
    .where(and(eq(t.noticeFeedback.proposalId, proposalId), isNull(t.noticeFeedback.inReplyToId), isNull(answer.id)))
    .get();
  return row?.n ?? 0;
}

// ─── Lists ─────────────────────────────────────────────────────────────────────

/** Proposals that have had notice sent, with what the visibility predicate needs: one query. */
function noticedProposals(database: DB, where: SQL | undefined) {
  return database
    .select({
      id: t.proposals.id,
      slug: t.proposals.slug,
      title: t.proposals.title,
      state: t.proposals.state,
      serviceId: t.proposals.serviceId,
      serviceName: t.services.name,
      createdById: t.proposals.createdById,
      openedAt: t.proposals.openedAt,
      noticeSentAt: t.proposals.noticeSentAt,
      opensOn: t.proposals.opensOn,
      unionIds: sql<string | null>`(SELECT group_concat(union_id) FROM proposal_unions pu WHERE pu.proposal_id = ${t.proposals.id})`,
    })
    .from(t.proposals)
    .innerJoin(t.services, eq(t.services.id, t.proposals.serviceId))
    // Approved with unions to tell: the notice may still be on its way (notice-clock.server.ts).
    .where(and(isNotNull(t.proposals.approvedAt), where))
    .orderBy(desc(t.proposals.approvedAt))
    .all()
    .map((r) => ({ ...r, unionIds: r.unionIds ? r.unionIds.split(",").map(Number) : [] }))
    .filter((r) => r.unionIds.length > 0);
}

/** Proposals this rep's unions were given notice of (later ones read only), newest first. */
export function noticesForRep(viewer: SignedInViewer, database: DB = defaultDb()) {
  const rows = noticedProposals(database, undefined).filter((r) => r.unionIds.some((u) => viewer.unionIds.includes(u)) && canSeeProposal(viewer, r));
  const acked = new Set(
    database.select({ proposalId: t.noticeAcknowledgements.proposalId }).from(t.noticeAcknowledgements).where(eq(t.noticeAcknowledgements.userId, viewer.id)).all().map((a) => a.proposalId),
  );
  return rows.map((r) => ({ slug: r.slug, title: r.title, state: r.state, noticeSentAt: r.noticeSentAt, opensOn: r.opensOn, acknowledged: acked.has(r.id) }));
}

/** Proposals under notice that this staff member can see, with what still holds them back. */
export function noticesForStaff(viewer: SignedInViewer, at: Date, database: DB = defaultDb()) {
  const settings = loadSettings(database);
  const rows = noticedProposals(database, eq(t.proposals.state, "union_notice")).filter((r) => canSeeAllFeedback(viewer, r));
  const answer = alias(t.noticeFeedback, "answer");
  const unanswered = new Map(
    database
      .select({ proposalId: t.noticeFeedback.proposalId, n: count() })
      .from(t.noticeFeedback)
      .leftJoin(answer, eq(answer.inReplyToId, t.noticeFeedback.id))
      .where(and(isNull(t.noticeFeedback.inReplyToId), isNull(answer.id)))
      .groupBy(t.noticeFeedback.proposalId)
      .all()
      .map((r) => [r.proposalId, r.n]),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    serviceName: r.serviceName,
    period: noticePeriod(r, settings, at, bankHolidays()),
    unanswered: unanswered.get(r.id) ?? 0,
  }));
}

/** For officers: who was sent the notice, who looked at it and who acknowledged it. */
export function noticeStatus(p: Proposal, database: DB = defaultDb()) {
  const reps = repsOf(database, p.unions.map((u) => u.id));
  const userIds = [...new Set(reps.map((r) => r.userId))];
  const links = userIds.length
    ? database
        .select({ userId: t.noticeLinks.userId, sentAt: sql<string>`min(${t.noticeLinks.createdAt})`, lastLinkExpiresAt: max(t.noticeLinks.expiresAt) })
        .from(t.noticeLinks)
        .where(and(eq(t.noticeLinks.proposalId, p.id), inArray(t.noticeLinks.userId, userIds)))
        .groupBy(t.noticeLinks.userId)
        .all()
    : [];
  const views = userIds.length
    ? database
        .select({ userId: t.noticeViews.userId, n: count(), last: max(t.noticeViews.at) })
        .from(t.noticeViews)
        .where(and(eq(t.noticeViews.proposalId, p.id), inArray(t.noticeViews.userId, userIds)))
        .groupBy(t.noticeViews.userId)
        .all()
    : [];
  const acks = database.select().from(t.noticeAcknowledgements).where(eq(t.noticeAcknowledgements.proposalId, p.id)).all();
  return {
    unions: p.unions.map((u) => ({
      ...u,
      reps: reps
        .filter((r) => r.unionId === u.id)
        .map((r) => ({
          userId: r.userId,
          name: r.name,
          email: r.email,
          sentAt: links.find((l) => l.userId === r.userId)?.sentAt ?? null,
          views: views.find((v) => v.userId === r.userId)?.n ?? 0,
          lastViewedAt: views.find((v) => v.userId === r.userId)?.last ?? null,
          acknowledgedAt: acks.find((a) => a.userId === r.userId)?.at ?? null,
        })),
    })),
  };
}
