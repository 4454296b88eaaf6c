/**
 * Comment threads: posting, replying, editing, deleting, and reading a page of a thread.
 *
 * Every write runs in one IMMEDIATE transaction that reads the consultation's state again, so a
 * comment cannot slip in after closing, and two identical posts racing each other store one.
 *
 * What the public sees: visible comments, plus a placeholder for a hidden or deleted comment
 * only where visible replies hang from it (so they keep their place); never its text. Counts
 * count visible comments only. Pending comments (pre-moderation) are shown to their author alone.
 */
import { createHash } from "node:crypto";
import { and, count, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import { now } from "~/lib/clock";
import { markdownToPlainText, renderMarkdown } from "~/lib/markdown.server";
import type { Proposal } from "~/proposals/types";
import type { CommentStatus, CommentTarget, TargetType } from "./rules";
import type { CommentView, OfficialAnswerView, Reader, ThreadPage } from "./types";

export type { CommentView, OfficialAnswerView, Reader, ThreadPage };
import {
  COMMENT_MAX_CHARS,
  CLOSED_MESSAGE,
  DUPLICATE_COMMENT,
  MAX_DEPTH,
  RATE_LIMITS,
  REPLIES_SHOWN,
  THREAD_PAGE_SIZE,
  TOO_MANY_COMMENTS,
  acceptingResponses,
  canDeleteComment,
  canEditComment,
  canReplyTo,
  commentFingerprint,
  displayName,
  shownAuthor,
  notAcceptingMessage,
  normaliseText,
} from "./rules";
import { ruleChoices, ruleTitle } from "./house-rules.server";
import { refundAllowance, takeAllowance } from "./rate-limit.server";
import { councilTimeZone } from "~/lib/settings.server";

export type Author = { kind: "respondent"; respondentId: number } | { kind: "officer"; viewer: SignedInViewer };

export type WriteResult =
  | { ok: true; commentId: number; status: CommentStatus }
  | { ok: false; status: 400 | 403 | 404 | 409 | 429; field?: "body"; message: string };

/** The fingerprint stored with a comment, to refuse the same words twice from one author. */
export function commentHash(body: string): string {
  return createHash("sha256").update(commentFingerprint(body)).digest("hex");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The checks on the words themselves, before anything touches the database. */
export function checkBody(raw: unknown): { ok: true; body: string; html: string } | { ok: false; message: string } {
  const body = typeof raw === "string" ? normaliseText(raw) : "";
  if (!body) return { ok: false, message: "Enter your comment" };
  if (body.length > COMMENT_MAX_CHARS) return { ok: false, message: `Your comment must be ${COMMENT_MAX_CHARS.toLocaleString("en-GB")} characters or fewer` };
  // Markdown that shows nothing (an image alone, say) is shown as the characters typed rather
  // than refused: nothing a resident writes is lost, and escaped text cannot run.
  const html = renderMarkdown(body, "comment") || `<p>${escapeText(body).replace(/\n/g, "<br />")}</p>`;
  return { ok: true, body, html };
}

const fail = (status: 400 | 403 | 404 | 409 | 429, message: string, field?: "body"): WriteResult => ({ ok: false, status, message, field });

/** Whether `target` is the proposal itself or one of its rows. */
function targetBelongs(tx: DB, proposalId: number, target: CommentTarget): boolean {
  const table = { risk: t.risks, dependency: t.dependencies, mitigation: t.mitigations, equality_row: t.equalityRows }[target.type as Exclude<TargetType, "proposal">];
  if (target.type === "proposal") return target.id === proposalId;
  if (!table) return false;
  return Boolean(tx.select({ id: table.id }).from(table).where(and(eq(table.id, target.id), eq(table.proposalId, proposalId))).get());
}

function rateKeys(author: Author, address: string): { key: string; limits: (typeof RATE_LIMITS)["commentPerRespondent"] }[] {
  const who = author.kind === "respondent" ? `respondent:${author.respondentId}` : `officer:${author.viewer.id}`;
  return [
    { key: `comment:${who}`, limits: RATE_LIMITS.commentPerRespondent },
    { key: `comment:address:${address}`, limits: RATE_LIMITS.commentPerAddress },
  ];
}

/**
 * A post's statements, prepared once per connection and reused: posting is the busiest write
 * (issue 13: many residents at once on a consultation in the news). Each post is then the
 * proposal's row, the council's time zone (kept until the settings change), and one insert
 * that also refuses a duplicate, in one IMMEDIATE transaction.
 */
type PostStatements = { proposal: Statement; insertForRespondent: Statement; insertForOfficer: Statement };
type Statement = ReturnType<DB["$client"]["prepare"]>;
const prepared = new WeakMap<object, PostStatements>();

function statements(database: DB): PostStatements {
  let found = prepared.get(database.$client);
  if (found) return found;
  const insert = (mine: string) =>
    database.$client.prepare(
      `INSERT INTO comments (proposal_id, target_type, target_id, parent_id, depth, respondent_id, officer_id, body_markdown, body_html, body_hash, status, created_at)
       SELECT :proposalId, :targetType, :targetId, :parentId, :depth, :respondentId, :officerId, :bodyMarkdown, :bodyHtml, :bodyHash, :status, :createdAt
       WHERE NOT EXISTS (SELECT 1 FROM comments WHERE ${mine} AND body_hash = :bodyHash AND status <> 'deleted')
       RETURNING id`,
    );
  found = {
    proposal: database.$client.prepare("SELECT id, state, closes_on AS closesOn, premoderate_comments AS premoderate FROM proposals WHERE id = ?"),
    insertForRespondent: insert("respondent_id = :respondentId"),
    insertForOfficer: insert("officer_id = :officerId"),
  };
  prepared.set(database.$client, found);
  return found;
}

/**
 * Post a comment on the proposal or one of its rows, or a reply to another comment (which then
 * joins that comment's thread). The caller has already checked that the viewer may see the
 * proposal and that an officer may answer for the council.
 */
export function postComment(
  input: { proposal: Pick<Proposal, "id">; author: Author; target?: CommentTarget; parentId?: number | null; body: unknown; address: string },
  database: DB = defaultDb(),
): WriteResult {
  const checked = checkBody(input.body);
  if (!checked.ok) return fail(400, checked.message, "body");
  const at = now();
  const keys = rateKeys(input.author, input.address);
  const taken: string[] = [];
  for (const { key, limits } of keys) {
    if (!takeAllowance(key, limits, at)) {
      for (const k of taken) refundAllowance(k, at);
      return fail(429, TOO_MANY_COMMENTS, "body");
    }
    taken.push(key);
  }
  const hash = commentHash(checked.body);
  const sql = statements(database);
  const author = input.author;
  const result = writeTransaction((tx): WriteResult => {
    const p = sql.proposal.get(input.proposal.id) as { id: number; state: t.ProposalState; closesOn: string | null; premoderate: number } | undefined;
    if (!p) return fail(404, "Not found");
    if (!acceptingResponses(p, at, councilTimeZone(tx))) return fail(409, notAcceptingMessage(p));

    let target: CommentTarget = input.target ?? { type: "proposal", id: p.id };
    let depth = 0;
    let parentId: number | null = null;
    if (input.parentId != null) {
      const parent = tx
        .select({ id: t.comments.id, status: t.comments.status, depth: t.comments.depth, targetType: t.comments.targetType, targetId: t.comments.targetId })
        .from(t.comments)
        .where(and(eq(t.comments.id, input.parentId), eq(t.comments.proposalId, p.id)))
        .get();
      if (!parent) return fail(404, "The comment you are replying to does not exist");
      const check = canReplyTo(parent);
      if (!check.ok) return fail(409, check.message, "body");
      depth = check.depth;
      parentId = parent.id;
      target = { type: parent.targetType, id: parent.targetId ?? p.id };
    } else if (!targetBelongs(tx, p.id, target)) {
      return fail(404, "Not found");
    }

    const status: CommentStatus = author.kind === "respondent" && p.premoderate ? "pending" : "visible";
    // The same words from the same author are refused in the insert itself (no row comes back),
    // inside the IMMEDIATE transaction, so two identical posts racing each other store one.
    const row = (author.kind === "respondent" ? sql.insertForRespondent : sql.insertForOfficer).get({
      proposalId: p.id,
      targetType: target.type,
      targetId: target.id,
      parentId,
      depth,
      respondentId: author.kind === "respondent" ? author.respondentId : null,
      officerId: author.kind === "officer" ? author.viewer.id : null,
      bodyMarkdown: checked.body,
      bodyHtml: checked.html,
      bodyHash: hash,
      status,
      createdAt: at.toISOString(),
    }) as { id: number } | undefined;
    if (!row) return fail(409, DUPLICATE_COMMENT, "body");
    // Official answers speak for the council: they are on the audit record. Residents' comments
    // are their own and are not.
    if (author.kind === "officer") {
      appendAudit(tx, { actorId: author.viewer.id, action: "comment.official_answer", entityType: "comment", entityId: row.id, detail: { proposalId: p.id, parentId } });
    }
    return { ok: true, commentId: row.id, status };
  }, database);
  // A refused post does not use up the author's allowance (a duplicate, or after closing).
  if (!result.ok) for (const k of taken) refundAllowance(k, at);
  return result;
}

type OwnedComment = typeof t.comments.$inferSelect & { proposalState: t.ProposalState; closesOn: string | null; premoderate: boolean };

function loadOwned(tx: DB, commentId: number, proposalId: number, author: Author): OwnedComment | null {
  const row = tx
    .select({ c: t.comments, proposalState: t.proposals.state, closesOn: t.proposals.closesOn, premoderate: t.proposals.premoderateComments })
    .from(t.comments)
    .innerJoin(t.proposals, eq(t.proposals.id, t.comments.proposalId))
    .where(and(eq(t.comments.id, commentId), eq(t.comments.proposalId, proposalId)))
    .get();
  if (!row) return null;
  const owns = author.kind === "respondent" ? row.c.respondentId === author.respondentId : row.c.officerId === author.viewer.id;
  return owns ? { ...row.c, proposalState: row.proposalState, closesOn: row.closesOn, premoderate: row.premoderate } : null;
}

/** The author corrects their comment within the edit window; it is then marked as edited. */
export function editComment(input: { proposalId: number; commentId: number; author: Author; body: unknown }, database: DB = defaultDb()): WriteResult {
  const checked = checkBody(input.body);
  if (!checked.ok) return fail(400, checked.message, "body");
  const at = now();
  return writeTransaction((tx): WriteResult => {
    const c = loadOwned(tx, input.commentId, input.proposalId, input.author);
    if (!c) return fail(404, "Not found");
    if (!acceptingResponses({ state: c.proposalState, closesOn: c.closesOn }, at, councilTimeZone(tx))) return fail(409, CLOSED_MESSAGE);
    if (!canEditComment(c, at)) return fail(403, "You can no longer edit this comment. Comments can be changed for 15 minutes after posting.");
    const hash = commentHash(checked.body);
    if (hash === c.bodyHash) return { ok: true, commentId: c.id, status: c.status };
    const mine = input.author.kind === "respondent" ? eq(t.comments.respondentId, input.author.respondentId) : eq(t.comments.officerId, input.author.viewer.id);
    const duplicate = tx
      .select({ id: t.comments.id })
      .from(t.comments)
      .where(and(mine, eq(t.comments.bodyHash, hash), ne(t.comments.status, "deleted"), ne(t.comments.id, c.id)))
      .get();
    if (duplicate) return fail(409, DUPLICATE_COMMENT, "body");
    // Under pre-moderation an edited comment is checked again, or an approved comment could be
    // rewritten into anything.
    const status: CommentStatus = input.author.kind === "respondent" && c.premoderate ? "pending" : c.status;
    tx.update(t.comments).set({ bodyMarkdown: checked.body, bodyHtml: checked.html, bodyHash: hash, editedAt: at.toISOString(), status }).where(eq(t.comments.id, c.id)).run();
    return { ok: true, commentId: c.id, status };
  }, database);
}

/**
 * The author deletes their comment. The words are erased, not kept: a placeholder stays only so
 * that replies keep their place.
 */
export function deleteComment(input: { proposalId: number; commentId: number; author: Author }, database: DB = defaultDb()): WriteResult {
  const at = now();
  return writeTransaction((tx): WriteResult => {
    const c = loadOwned(tx, input.commentId, input.proposalId, input.author);
    if (!c) return fail(404, "Not found");
    if (!acceptingResponses({ state: c.proposalState, closesOn: c.closesOn }, at, councilTimeZone(tx))) return fail(409, CLOSED_MESSAGE);
    if (!canDeleteComment(c)) return fail(409, "This comment cannot be deleted");
    tx.update(t.comments)
      .set({ status: "deleted", deletedAt: at.toISOString(), bodyMarkdown: "", bodyHtml: "", bodyHash: "" })
      .where(eq(t.comments.id, c.id))
      .run();
    tx.update(t.commentReports).set({ resolvedAt: at.toISOString() }).where(and(eq(t.commentReports.commentId, c.id), sql`${t.commentReports.resolvedAt} IS NULL`)).run();
    if (input.author.kind === "officer") {
      appendAudit(tx, { actorId: input.author.viewer.id, action: "comment.official_answer_deleted", entityType: "comment", entityId: c.id });
    }
    return { ok: true, commentId: c.id, status: "deleted" };
  }, database);
}

// ─── Reading ───────────────────────────────────────────────────────────────────
export const ANONYMOUS_READER = (accepting: boolean, councilName: string): Reader => ({ respondentId: null, officerId: null, accepting, councilName });

type Row = {
  id: number;
  parent_id: number | null;
  depth: number;
  status: CommentStatus;
  body_html: string;
  created_at: string;
  edited_at: string | null;
  respondent_id: number | null;
  officer_id: number | null;
  r_name: string | null;
  r_show_name: number | null;
  r_responding_as: "individual" | "organisation" | "councillor" | null;
  r_organisation_name: string | null;
  u_name: string | null;
  hidden_rule?: string | null;
  reply_total?: number;
};

// A hidden comment's placeholder names the house rule it was last hidden under (public, as in the
// moderation log); the CASE keeps the lookup to hidden comments.
const COLUMNS = sql`c.id, c.parent_id, c.depth, c.status, c.body_html, c.created_at, c.edited_at, c.respondent_id, c.officer_id,
  r.name AS r_name, r.show_name AS r_show_name, r.responding_as AS r_responding_as, r.organisation_name AS r_organisation_name, u.name AS u_name,
  CASE WHEN c.status = 'hidden' THEN (SELECT m.rule FROM moderation_actions m WHERE m.comment_id = c.id AND m.action = 'hide' ORDER BY m.id DESC LIMIT 1) END AS hidden_rule`;
const JOINS = sql`LEFT JOIN respondents r ON r.id = c.respondent_id LEFT JOIN users u ON u.id = c.officer_id`;

/**
 * Whether comment `c` appears to this reader: visible; their own pending comment; or a
 * placeholder for a hidden or deleted comment with something visible below it (two levels at
 * most, as replies go no deeper).
 */
function shownSql(me: number | null): SQL {
  return sql`(c.status = 'visible'
    OR (c.status = 'pending' AND c.respondent_id = ${me ?? -1})
    OR (c.status IN ('hidden', 'deleted') AND EXISTS (
      SELECT 1 FROM comments k WHERE k.parent_id = c.id AND (k.status = 'visible' OR (k.status IN ('hidden', 'deleted')
        AND EXISTS (SELECT 1 FROM comments g WHERE g.parent_id = k.id AND g.status = 'visible'))))))`;
}

function toView(row: Row, reader: Reader, now: Date): CommentView {
  const placeholder = row.status === "hidden" || row.status === "deleted";
  const official = row.officer_id != null;
  const mine = (reader.respondentId != null && row.respondent_id === reader.respondentId) || (reader.officerId != null && row.officer_id === reader.officerId);
  const author = placeholder
    ? null
    : official
      ? { name: row.u_name ?? reader.councilName, capacity: reader.councilName, council: true }
      : shownAuthor({ name: row.r_name, showName: Boolean(row.r_show_name), respondingAs: row.r_responding_as, organisationName: row.r_organisation_name });
  const status = row.status;
  return {
    id: row.id,
    parentId: row.parent_id,
    depth: row.depth,
    status,
    author,
    official,
    html: placeholder ? "" : row.body_html,
    hiddenUnder: status === "hidden" && row.hidden_rule ? { key: row.hidden_rule, title: ruleTitle(row.hidden_rule, ruleChoices(reader.lang)) } : null,
    createdAt: row.created_at,
    editedAt: placeholder ? null : row.edited_at,
    mine,
    canEdit: mine && reader.accepting && canEditComment({ status, createdAt: row.created_at }, now),
    canDelete: mine && reader.accepting && canDeleteComment({ status }),
    canReply: reader.accepting && status === "visible" && row.depth < MAX_DEPTH,
    canReport: status === "visible" && !mine,
    replies: [],
    moreReplies: 0,
  };
}

/** Replies under `parents`, up to REPLIES_SHOWN each, oldest first, down to the deepest level. */
function attachReplies(database: DB, parents: CommentView[], reader: Reader, at: Date) {
  let level = parents.filter((p) => p.depth < MAX_DEPTH);
  while (level.length > 0) {
    const ids = level.map((p) => p.id);
    const rows = database.all<Row & { rn: number }>(sql`
      SELECT * FROM (
        SELECT ${COLUMNS}, ROW_NUMBER() OVER (PARTITION BY c.parent_id ORDER BY c.id) AS rn, COUNT(*) OVER (PARTITION BY c.parent_id) AS reply_total
        FROM comments c ${JOINS}
        WHERE c.parent_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND ${shownSql(reader.respondentId)}
      ) WHERE rn <= ${REPLIES_SHOWN} ORDER BY id`);
    const byId = new Map(level.map((p) => [p.id, p]));
    const next: CommentView[] = [];
    for (const row of rows) {
      const parent = byId.get(row.parent_id!);
      if (!parent) continue;
      const view = toView(row, reader, at);
      parent.replies.push(view);
      parent.moreReplies = Math.max(0, (row.reply_total ?? 0) - REPLIES_SHOWN);
      if (view.depth < MAX_DEPTH) next.push(view);
    }
    level = next;
  }
}

export type ThreadOrder = "oldest" | "newest";

function pageOf(
  database: DB,
  where: SQL,
  options: { page: number; order: ThreadOrder; pageSize?: number },
  reader: Reader,
): ThreadPage {
  const size = options.pageSize ?? THREAD_PAGE_SIZE;
  const me = reader.respondentId;
  const total = database.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c WHERE ${where} AND ${shownSql(me)}`)?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, options.page), pages);
  // Offset paging on the thread index: thousands of comments cost a short index walk, and
  // numbered pages are what people can cite ("page 3 of the comments on risk R2").
  const rows = database.all<Row>(sql`
    SELECT ${COLUMNS} FROM comments c ${JOINS}
    WHERE ${where} AND ${shownSql(me)}
    ORDER BY c.id ${options.order === "newest" ? sql`DESC` : sql`ASC`}
    LIMIT ${size} OFFSET ${(page - 1) * size}`);
  const at = now();
  const comments = rows.map((r) => toView(r, reader, at));
  attachReplies(database, comments, reader, at);
  return { comments, page, pages, totalTopLevel: total };
}

/** One page of a thread: the comments on the proposal, or on one of its rows, with their replies. */
export function loadThread(
  proposalId: number,
  target: CommentTarget,
  options: { page: number; order: ThreadOrder; pageSize?: number },
  reader: Reader,
  database: DB = defaultDb(),
): ThreadPage {
  const where = sql`c.proposal_id = ${proposalId} AND c.target_type = ${target.type} AND c.target_id = ${target.id} AND c.parent_id IS NULL`;
  return pageOf(database, where, options, reader);
}

export type CommentContext = {
  comment: CommentView;
  target: CommentTarget;
  /** the comments above it, root first, as placeholders where they are not visible */
  ancestors: CommentView[];
  replies: ThreadPage;
};

/** One comment with the comments above it and a page of its replies: where replies are written. */
export function loadCommentContext(proposalId: number, commentId: number, page: number, reader: Reader, database: DB = defaultDb()): CommentContext | null {
  const row = database.get<Row & { target_type: TargetType; target_id: number; proposal_id: number }>(
    sql`SELECT ${COLUMNS}, c.target_type, c.target_id, c.proposal_id FROM comments c ${JOINS} WHERE c.id = ${commentId} AND c.proposal_id = ${proposalId} AND ${shownSql(reader.respondentId)}`,
  );
  if (!row) return null;
  const at = now();
  const comment = toView(row, reader, at);
  const ancestors: CommentView[] = [];
  let parentId = row.parent_id;
  while (parentId != null && ancestors.length < MAX_DEPTH) {
    const parent = database.get<Row>(sql`SELECT ${COLUMNS} FROM comments c ${JOINS} WHERE c.id = ${parentId}`);
    if (!parent) break;
    // An ancestor the reader may not see (pending, someone else's) shows as a placeholder.
    const shown = parent.status === "visible" || (parent.status === "pending" && parent.respondent_id === reader.respondentId);
    ancestors.unshift(toView(shown ? parent : { ...parent, status: parent.status === "pending" ? "hidden" : parent.status }, reader, at));
    parentId = parent.parent_id;
  }
  const replies = comment.depth < MAX_DEPTH ? pageOf(database, sql`c.parent_id = ${commentId}`, { page, order: "oldest" }, reader) : { comments: [], page: 1, pages: 1, totalTopLevel: 0 };
  return { comment, target: { type: row.target_type, id: row.target_id }, ancestors, replies };
}

/** A comment as its author last wrote it, for the edit form. */
export function loadOwnComment(proposalId: number, commentId: number, author: Author, database: DB = defaultDb()) {
  const c = loadOwned(database, commentId, proposalId, author);
  if (!c || (c.status !== "visible" && c.status !== "pending")) return null;
  const target: CommentTarget = { type: c.targetType, id: c.targetId ?? proposalId };
  return { id: c.id, body: c.bodyMarkdown, createdAt: c.createdAt, status: c.status, html: c.bodyHtml, target };
}

/** The council's official answers in a consultation, newest first, with what each answers. */
export function loadOfficialAnswers(proposalId: number, options: { page: number }, reader: Reader, database: DB = defaultDb()) {
  const size = THREAD_PAGE_SIZE;
  const where = sql`c.proposal_id = ${proposalId} AND c.officer_id IS NOT NULL AND c.status = 'visible'`;
  const total = database.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c WHERE ${where}`)?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = database.all<Row & { target_type: TargetType; target_id: number; p_body: string | null; p_status: CommentStatus | null; p_name: string | null; p_show_name: number | null; p_responding_as: Row["r_responding_as"]; p_organisation_name: string | null; p_officer: string | null }>(sql`
    SELECT ${COLUMNS}, c.target_type, c.target_id, pc.body_markdown AS p_body, pc.status AS p_status,
      pr.name AS p_name, pr.show_name AS p_show_name, pr.responding_as AS p_responding_as, pr.organisation_name AS p_organisation_name, pu.name AS p_officer
    FROM comments c ${JOINS}
    LEFT JOIN comments pc ON pc.id = c.parent_id
    LEFT JOIN respondents pr ON pr.id = pc.respondent_id
    LEFT JOIN users pu ON pu.id = pc.officer_id
    WHERE ${where}
    ORDER BY c.id DESC LIMIT ${size} OFFSET ${(page - 1) * size}`);
  const at = now();
  const answers: OfficialAnswerView[] = rows.map((row) => {
    const parentShown = row.p_status === "visible" && row.p_body != null;
    const excerpt = parentShown ? markdownToPlainText(row.p_body) : "";
    return {
      ...toView(row, reader, at),
      target: { type: row.target_type, id: row.target_id },
      inReplyTo:
        row.parent_id == null
          ? null
          : parentShown
            ? {
                name: row.p_officer ?? displayName({ name: row.p_name, showName: Boolean(row.p_show_name), respondingAs: row.p_responding_as, organisationName: row.p_organisation_name }).name,
                excerpt: excerpt.length > 200 ? `${excerpt.slice(0, 199)}…` : excerpt,
                anonymous: row.p_officer == null && !(row.p_show_name && row.p_name?.trim()),
              }
            : { name: "", excerpt: "" },
    };
  });
  return { answers, page, pages, total };
}

/** Visible comments per thread in a consultation: "risk:12" → 4. One grouped query on the thread index. */
export function threadCounts(proposalId: number, database: DB = defaultDb()): Record<string, number> {
  const rows = database
    .select({ type: t.comments.targetType, id: t.comments.targetId, n: count() })
    .from(t.comments)
    .where(and(eq(t.comments.proposalId, proposalId), eq(t.comments.status, "visible")))
    .groupBy(t.comments.targetType, t.comments.targetId)
    .all();
  return Object.fromEntries(rows.map((r) => [`${r.type}:${r.id}`, r.n]));
}

export type PublishableComment = {
  id: number;
  proposalId: number;
  parentId: number | null;
  targetType: TargetType;
  targetId: number | null;
  /** an official answer from the council */
  official: boolean;
  /** the name as the page shows it: what the author chose ("Resident" unless they chose to be named) */
  author: { name: string; capacity: string | null };
  /** the Markdown the author wrote, and the sanitised HTML the page shows */
  text: string;
  html: string;
  createdAt: string;
  editedAt: string | null;
};

export type PublishableScope = {
  proposalIds?: number[];
  ids?: number[];
  /** only official answers */
  official?: boolean;
  /** keyset paging: comments with a larger id than this, oldest first */
  afterId?: number;
  limit?: number;
  /** newest first (for feeds); keyset paging then goes downwards from `beforeId` */
  newestFirst?: boolean;
  beforeId?: number;
};

/**
 * Comments any export, feed, search or API may publish: visible ones only, with the name the
 * page shows and nothing else about the author (no email, no respondent id: open data carries no
 * personal data the author did not choose to show). Hidden, pending and deleted comments never
 * leave through here. `scope` is one consultation's id, or a filter with keyset paging so that
 * a consultation with thousands of comments can be streamed a batch at a time.
 */
export function publishableComments(scope: number | PublishableScope, database: DB = defaultDb()): PublishableComment[] {
  const s: PublishableScope = typeof scope === "number" ? { proposalIds: [scope] } : scope;
  if (s.proposalIds?.length === 0 || s.ids?.length === 0) return [];
  const list = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const where: SQL[] = [sql`c.status = 'visible'`];
  if (s.proposalIds) where.push(sql`c.proposal_id IN (${list(s.proposalIds)})`);
  if (s.ids) where.push(sql`c.id IN (${list(s.ids)})`);
  if (s.official) where.push(sql`c.officer_id IS NOT NULL`);
  if (s.afterId != null) where.push(sql`c.id > ${s.afterId}`);
  if (s.beforeId != null) where.push(sql`c.id < ${s.beforeId}`);
  const rows = database.all<Row & { proposal_id: number; target_type: TargetType; target_id: number | null; body_markdown: string }>(sql`
    SELECT ${COLUMNS}, c.proposal_id, c.target_type, c.target_id, c.body_markdown
    FROM comments c ${JOINS}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.id ${s.newestFirst ? sql`DESC` : sql`ASC`}
    ${s.limit != null ? sql`LIMIT ${s.limit}` : sql``}`);
  return rows.map((row) => ({
    id: row.id,
    proposalId: row.proposal_id,
    parentId: row.parent_id,
    targetType: row.target_type,
    targetId: row.target_id,
    official: row.officer_id != null,
    author:
      row.officer_id != null
        ? { name: row.u_name ?? "", capacity: null }
        : displayName({ name: row.r_name, showName: Boolean(row.r_show_name), respondingAs: row.r_responding_as, organisationName: row.r_organisation_name }),
    text: row.body_markdown,
    html: row.body_html,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  }));
}

/** How many comments publishableComments() would return for one consultation. */
export function publishableCommentCount(proposalId: number, database: DB = defaultDb()): number {
  return database.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c WHERE c.proposal_id = ${proposalId} AND c.status = 'visible'`)?.n ?? 0;
}
