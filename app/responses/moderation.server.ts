/**
 * Moderation under the published house rules: anyone reports a comment, moderators work a
 * queue (reported comments, and every comment on a consultation set to pre-moderation), and
 * hide with a rule and a note, approve, or restore. The author is emailed; the public log
 * records what was hidden, when and under which rule, never the words.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import { now } from "~/lib/clock";
import { baseUrl } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import { queueEmail } from "~/notifications/outbox.server";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, languageOrDefault, withLanguage } from "~/i18n/languages";
import { canSeeProposal } from "~/proposals/visibility";
import { takeAllowance } from "./rate-limit.server";
import { MODERATION_NOTE_MAX_CHARS, RATE_LIMITS, REPORT_DETAILS_MAX_CHARS, TOO_MANY_REPORTS, displayName, normaliseText, threadPath, type CommentStatus, type TargetType } from "./rules";

export type Rule = { key: string; title: string };

// ─── Reports ───────────────────────────────────────────────────────────────────
/**
 * A report's reason is stored as the rule's key on the first line and the reporter's own words
 * after it, so the queue can say which rule they think was broken.
 */
export function encodeReason(ruleKey: string, details: string): string {
  return details ? `${ruleKey}\n${details}` : ruleKey;
}

export function decodeReason(reason: string): { ruleKey: string; details: string } {
  const [ruleKey, ...rest] = reason.split("\n");
  return { ruleKey, details: rest.join("\n") };
}

export type ReportResult = { ok: true } | { ok: false; status: 404 | 429 | 400; message: string };

export function reportComment(
  input: { proposalId: number; commentId: number; ruleKey: string; details: string; respondentId: number | null; address: string; rules: Rule[] },
  database: DB = defaultDb(),
): ReportResult {
  const details = normaliseText(input.details ?? "");
  if (input.ruleKey !== "other" && !input.rules.some((r) => r.key === input.ruleKey)) return { ok: false, status: 400, message: "Select why you are reporting this comment" };
  if (input.ruleKey === "other" && !details) return { ok: false, status: 400, message: "Tell us what is wrong with this comment" };
  if (details.length > REPORT_DETAILS_MAX_CHARS) return { ok: false, status: 400, message: `Your details must be ${REPORT_DETAILS_MAX_CHARS} characters or fewer` };
  const at = now();
  if (!takeAllowance(`report:address:${input.address}`, RATE_LIMITS.reportPerAddress, at)) return { ok: false, status: 429, message: TOO_MANY_REPORTS };
  return writeTransaction((tx): ReportResult => {
    const c = tx
      .select({ id: t.comments.id, status: t.comments.status })
      .from(t.comments)
      .where(and(eq(t.comments.id, input.commentId), eq(t.comments.proposalId, input.proposalId)))
      .get();
    if (!c || c.status !== "visible") return { ok: false, status: 404, message: "Not found" };
    // One open report per resident per comment: reporting again adds nothing to the queue.
    if (input.respondentId != null) {
      const open = tx
        .select({ id: t.commentReports.id })
        .from(t.commentReports)
        .where(and(eq(t.commentReports.commentId, c.id), eq(t.commentReports.respondentId, input.respondentId), isNull(t.commentReports.resolvedAt)))
        .get();
      if (open) return { ok: true };
    }
    tx.insert(t.commentReports)
      .values({ commentId: c.id, reason: encodeReason(input.ruleKey, details), respondentId: input.respondentId, createdAt: at.toISOString() })
      .run();
    return { ok: true };
  }, database);
}

// ─── The queue ─────────────────────────────────────────────────────────────────
export type QueueItem = {
  id: number;
  status: CommentStatus;
  official: boolean;
  author: string;
  html: string;
  createdAt: string;
  editedAt: string | null;
  proposal: { id: number; slug: string; title: string };
  target: { type: TargetType; id: number };
  threadHref: string;
  reports: { ruleKey: string; details: string; at: string }[];
  waitingSince: string;
};

type QueueRow = {
  id: number;
  status: CommentStatus;
  officer_id: number | null;
  body_html: string;
  created_at: string;
  edited_at: string | null;
  target_type: TargetType;
  target_id: number;
  proposal_id: number;
  slug: string;
  title: string;
  r_name: string | null;
  r_show_name: number | null;
  r_responding_as: "individual" | "organisation" | "councillor" | null;
  r_organisation_name: string | null;
  u_name: string | null;
  waiting_since: string;
};

const QUEUE_PAGE_SIZE = 20;

function itemsFrom(database: DB, rows: QueueRow[]): QueueItem[] {
  const ids = rows.map((r) => r.id);
  const reports = ids.length
    ? database
        .select()
        .from(t.commentReports)
        .where(and(inArray(t.commentReports.commentId, ids), isNull(t.commentReports.resolvedAt)))
        .orderBy(asc(t.commentReports.id))
        .all()
    : [];
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    official: r.officer_id != null,
    author:
      r.officer_id != null
        ? `${r.u_name ?? "Council officer"} (official answer)`
        : displayName({ name: r.r_name, showName: Boolean(r.r_show_name), respondingAs: r.r_responding_as, organisationName: r.r_organisation_name }).name,
    html: r.body_html,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    proposal: { id: r.proposal_id, slug: r.slug, title: r.title },
    target: { type: r.target_type, id: r.target_id },
    threadHref: threadPath(r.slug, { type: r.target_type, id: r.target_id }),
    reports: reports.filter((x) => x.commentId === r.id).map((x) => ({ ...decodeReason(x.reason), at: x.createdAt })),
    waitingSince: r.waiting_since,
  }));
}

const QUEUE_SELECT = sql`c.id, c.status, c.officer_id, c.body_html, c.created_at, c.edited_at, c.target_type, c.target_id, c.proposal_id, p.slug, p.title,
  r.name AS r_name, r.show_name AS r_show_name, r.responding_as AS r_responding_as, r.organisation_name AS r_organisation_name, u.name AS u_name`;
const QUEUE_FROM = sql`FROM comments c JOIN proposals p ON p.id = c.proposal_id LEFT JOIN respondents r ON r.id = c.respondent_id LEFT JOIN users u ON u.id = c.officer_id`;
/** Waiting: held for review, or reported and not yet dealt with. */
const WAITING = sql`(c.status = 'pending' OR (c.status = 'visible' AND EXISTS (SELECT 1 FROM comment_reports cr WHERE cr.comment_id = c.id AND cr.resolved_at IS NULL)))`;

/** How many comments wait for a moderator: one count, for the staff home page. */
export function moderationWaitingCount(database: DB = defaultDb()): number {
  return database.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c WHERE ${WAITING}`)?.n ?? 0;
}

/** Comments waiting for a moderator, the longest-waiting first. */
export function moderationQueue(page: number, database: DB = defaultDb()) {
  const total = moderationWaitingCount(database);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = database.all<QueueRow>(sql`
    SELECT ${QUEUE_SELECT},
      COALESCE((SELECT min(cr.created_at) FROM comment_reports cr WHERE cr.comment_id = c.id AND cr.resolved_at IS NULL), c.created_at) AS waiting_since
    ${QUEUE_FROM} WHERE ${WAITING}
    ORDER BY waiting_since ASC, c.id ASC LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(current - 1) * QUEUE_PAGE_SIZE}`);
  return { items: itemsFrom(database, rows), page: current, pages, total };
}

/** Comments hidden by moderators, newest first, so a wrong decision can be found and undone. */
export function hiddenComments(page: number, database: DB = defaultDb()) {
  const total = database.select({ n: count() }).from(t.comments).where(eq(t.comments.status, "hidden")).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = database.all<QueueRow>(sql`
    SELECT ${QUEUE_SELECT}, c.created_at AS waiting_since ${QUEUE_FROM} WHERE c.status = 'hidden'
    ORDER BY c.id DESC LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(current - 1) * QUEUE_PAGE_SIZE}`);
  return { items: itemsFrom(database, rows), page: current, pages, total };
}

export type ModerationHistory = { action: "hide" | "restore" | "approve"; rule: string | null; note: string | null; moderator: string | null; at: string }[];

/** One comment as a moderator sees it, with its open reports and what moderators did before. */
export function moderationItem(commentId: number, database: DB = defaultDb()): (QueueItem & { history: ModerationHistory }) | null {
  const row = database.get<QueueRow>(sql`SELECT ${QUEUE_SELECT}, c.created_at AS waiting_since ${QUEUE_FROM} WHERE c.id = ${commentId}`);
  if (!row) return null;
  const history = database
    .select({ action: t.moderationActions.action, rule: t.moderationActions.rule, note: t.moderationActions.note, moderator: t.users.name, at: t.moderationActions.at })
    .from(t.moderationActions)
    .leftJoin(t.users, eq(t.users.id, t.moderationActions.moderatorId))
    .where(eq(t.moderationActions.commentId, commentId))
    .orderBy(desc(t.moderationActions.id))
    .all();
  return { ...itemsFrom(database, [row])[0], history };
}

// ─── Decisions ─────────────────────────────────────────────────────────────────
export type ModerationIntent = "hide" | "restore" | "approve";
export type ModerationResult = { ok: true } | { ok: false; status: 400 | 404 | 409; field?: "rule" | "note"; message: string };

const ALLOWED_FROM: Record<ModerationIntent, CommentStatus[]> = {
  hide: ["visible", "pending"],
  restore: ["hidden"],
  approve: ["visible", "pending"],
};

/**
 * A moderator's decision, in one transaction: the comment's status, its open reports resolved,
 * the moderation record, the audit entry and the email to the author.
 */
export function moderate(
  input: { commentId: number; intent: ModerationIntent; rule: string | null; note: string; moderator: SignedInViewer; rules: Rule[] },
  database: DB = defaultDb(),
): ModerationResult {
  const note = normaliseText(input.note ?? "");
  if (input.intent === "hide") {
    if (!input.rule || !input.rules.some((r) => r.key === input.rule)) return { ok: false, status: 400, field: "rule", message: "Select the house rule the comment breaks" };
    if (!note) return { ok: false, status: 400, field: "note", message: "Enter a note for the author saying what in the comment breaks the rule" };
  }
  if (note.length > MODERATION_NOTE_MAX_CHARS) return { ok: false, status: 400, field: "note", message: `The note must be ${MODERATION_NOTE_MAX_CHARS} characters or fewer` };
  const at = now().toISOString();
  const settings = loadSettings(database);
  return writeTransaction((tx): ModerationResult => {
    const row = tx
      .select({ c: t.comments, slug: t.proposals.slug, title: t.proposals.title, respondentEmail: t.respondents.email, respondentLanguage: t.respondents.language, officerEmail: t.users.email })
      .from(t.comments)
      .innerJoin(t.proposals, eq(t.proposals.id, t.comments.proposalId))
      .leftJoin(t.respondents, eq(t.respondents.id, t.comments.respondentId))
      .leftJoin(t.users, eq(t.users.id, t.comments.officerId))
      .where(eq(t.comments.id, input.commentId))
      .get();
    if (!row) return { ok: false, status: 404, message: "Not found" };
    const c = row.c;
    if (!ALLOWED_FROM[input.intent].includes(c.status)) {
      return { ok: false, status: 409, message: `This comment is ${c.status === "deleted" ? "deleted" : c.status} now: someone may have dealt with it already` };
    }
    const status: CommentStatus = input.intent === "hide" ? "hidden" : "visible";
    tx.update(t.comments).set({ status }).where(eq(t.comments.id, c.id)).run();
    tx.update(t.commentReports).set({ resolvedAt: at }).where(and(eq(t.commentReports.commentId, c.id), isNull(t.commentReports.resolvedAt))).run();
    const action = tx
      .insert(t.moderationActions)
      .values({ commentId: c.id, action: input.intent, rule: input.intent === "hide" ? input.rule : null, note: note || null, moderatorId: input.moderator.id, at })
      .returning({ id: t.moderationActions.id })
      .get();
    appendAudit(tx, { actorId: input.moderator.id, action: `comment.${input.intent}`, entityType: "comment", entityId: c.id, detail: { rule: input.intent === "hide" ? input.rule : null } });

    const to = row.respondentEmail ?? row.officerEmail;
    if (to && input.intent !== "approve") {
      const base = baseUrl();
      const ruleTitle = input.rules.find((r) => r.key === input.rule)?.title ?? "";
      // The author's language (the one they last used the site in); staff authors read English.
      const lang = row.respondentEmail ? languageOrDefault(row.respondentLanguage) : DEFAULT_LANGUAGE;
      const m = (key: string, values?: Record<string, unknown>) => (translator(lang) as unknown as (k: string, v?: Record<string, unknown>) => string)(`consultationPages.emails.moderation.${key}`, values);
      const where = `${base}${withLanguage(`/consultations/${encodeURIComponent(row.slug)}`, lang)}`;
      // The email names the rule and carries the moderator's note, not the comment's words.
      const text =
        input.intent === "hide"
          ? [
              m("hidden", { title: row.title }),
              "",
              m("rule", { rule: ruleTitle }),
              `${base}${withLanguage("/house-rules", lang)}#${input.rule}`,
              "",
              m("note"),
              note,
              "",
              m("log"),
              m("appeal", { email: settings.council.contactEmail }),
              "",
              where,
              "",
              settings.council.name,
            ].join("\n")
          : [m("shown", { title: row.title }), ...(note ? ["", m("note"), note] : []), "", where, "", settings.council.name].join("\n");
      queueEmail(tx, {
        idempotencyKey: `moderation:${action.id}`,
        event: input.intent === "hide" ? "comment.hidden" : "comment.restored",
        to,
        subject: input.intent === "hide" ? m("hiddenSubject") : m("shownSubject"),
        text,
        proposalId: c.proposalId,
      });
    }
    return { ok: true };
  }, database);
}

// ─── The public log ────────────────────────────────────────────────────────────
export type LogEntry = {
  id: number;
  action: "hide" | "restore";
  rule: string | null;
  at: string;
  consultation: { slug: string; title: string } | null;
  target: { type: TargetType; id: number };
  isReply: boolean;
  official: boolean;
};

const LOG_PAGE_SIZE = 50;

const LOG_WHERE = inArray(t.moderationActions.action, ["hide", "restore"]);

function logRows(database: DB, where: SQL | undefined) {
  return database
    .select({
      id: t.moderationActions.id,
      action: t.moderationActions.action,
      rule: t.moderationActions.rule,
      at: t.moderationActions.at,
      slug: t.proposals.slug,
      title: t.proposals.title,
      state: t.proposals.state,
      openedAt: t.proposals.openedAt,
      serviceId: t.proposals.serviceId,
      createdById: t.proposals.createdById,
      targetType: t.comments.targetType,
      targetId: t.comments.targetId,
      parentId: t.comments.parentId,
      officerId: t.comments.officerId,
    })
    .from(t.moderationActions)
    .innerJoin(t.comments, eq(t.comments.id, t.moderationActions.commentId))
    .innerJoin(t.proposals, eq(t.proposals.id, t.comments.proposalId))
    .where(and(LOG_WHERE, where));
}

function toLogEntry(r: ReturnType<ReturnType<typeof logRows>["all"]>[number]): LogEntry {
  return {
    id: r.id,
    action: r.action as "hide" | "restore",
    rule: r.rule,
    at: r.at,
    // Comments exist only on published consultations; the predicate still decides what is named.
    consultation: canSeeProposal(null, { ...r, unionIds: [] }) ? { slug: r.slug, title: r.title } : null,
    target: { type: r.targetType, id: r.targetId ?? 0 },
    isReply: r.parentId != null,
    official: r.officerId != null,
  };
}

/** What was hidden or restored, when and under which rule. Never the text, the author or the note. */
export function moderationLog(page: number, database: DB = defaultDb()) {
  const total = database.select({ n: count() }).from(t.moderationActions).where(LOG_WHERE).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = logRows(database, undefined)
    .orderBy(desc(t.moderationActions.at), desc(t.moderationActions.id))
    .limit(LOG_PAGE_SIZE)
    .offset((current - 1) * LOG_PAGE_SIZE)
    .all();
  const entries: LogEntry[] = rows.map(toLogEntry);
  return { entries, page: current, pages, total };
}

/**
 * The public log of some consultations, oldest first, a batch at a time (keyset on the entry's
 * id) for the API and the CSV export. Entries whose consultation the public may not see are left
 * out altogether.
 */
export function moderationLogEntries(scope: { proposalIds: number[]; afterId?: number; limit?: number }, database: DB = defaultDb()): LogEntry[] {
  if (scope.proposalIds.length === 0) return [];
  const where = and(inArray(t.comments.proposalId, scope.proposalIds), scope.afterId != null ? gt(t.moderationActions.id, scope.afterId) : undefined);
  const query = logRows(database, where).orderBy(asc(t.moderationActions.id));
  const rows = scope.limit != null ? query.limit(scope.limit).all() : query.all();
  return rows.map(toLogEntry).filter((e) => e.consultation != null);
}

// ─── Pre-moderation ────────────────────────────────────────────────────────────
/** Consultations that take comments, and whether each holds them for review first. */
export function premoderationSettings(database: DB = defaultDb()) {
  return database
    .select({ id: t.proposals.id, slug: t.proposals.slug, title: t.proposals.title, premoderate: t.proposals.premoderateComments, closesOn: t.proposals.closesOn })
    .from(t.proposals)
    .where(eq(t.proposals.state, "open"))
    .orderBy(asc(t.proposals.closesOn), asc(t.proposals.id))
    .all();
}

/**
 * Hold new comments on a consultation for a moderator (or stop holding them). Comments already
 * posted stay as they are; comments waiting stay in the queue until a moderator decides.
 */
export function setPremoderation(proposalId: number, on: boolean, moderator: SignedInViewer, database: DB = defaultDb()): boolean {
  return writeTransaction((tx) => {
    const changed = tx.update(t.proposals).set({ premoderateComments: on }).where(and(eq(t.proposals.id, proposalId), eq(t.proposals.state, "open"))).run().changes > 0;
    if (changed) appendAudit(tx, { actorId: moderator.id, action: on ? "comments.premoderation_on" : "comments.premoderation_off", entityType: "proposal", entityId: proposalId });
    return changed;
  }, database);
}
