/**
 * Themes: officers group what people said (answers from every channel, and comments) into
 * themes, and the outcome report answers each one. A theme can be created, renamed, merged into
 * another and removed; one answer or comment can carry several themes.
 *
 * Counts never double-count a respondent within a theme: each coded item carries whose it is
 * (rules.respondentKey), and a theme's count is the number of different respondents in it.
 */
import { and, asc, count, countDistinct, eq, inArray, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import { nowIso } from "~/lib/clock";
import type { Proposal } from "~/proposals/types";
import { MAX_THEMES, THEME_NAME_MAX_CHARS, canCodeThemes, cleanThemeName, itemKey, outcomeLockedMessage, respondentKey, themeNameKey, type CodedItem } from "./rules";
import { guardedWrite, refuse, visibleProposal, type WriteResult } from "./write.server";

export type ThemeSummary = {
  id: number;
  name: string;
  /** different respondents with at least one answer or comment in the theme */
  respondents: number;
  /** answers and comments coded into it */
  items: number;
  councilResponse: string | null;
  changed: boolean | null;
  changeDescription: string | null;
  versionId: number | null;
};

/** A consultation's themes with their counts, in the order they were created. One grouped query. */
export function listThemes(proposalId: number, database: DB = defaultDb()): ThemeSummary[] {
  return database
    .select({
      id: t.themes.id,
      name: t.themes.name,
      respondents: countDistinct(t.themeCodes.respondentKey),
      items: count(t.themeCodes.itemKey),
      councilResponse: t.themes.councilResponse,
      changed: t.themes.changed,
      changeDescription: t.themes.changeDescription,
      versionId: t.themes.versionId,
    })
    .from(t.themes)
    .leftJoin(t.themeCodes, eq(t.themeCodes.themeId, t.themes.id))
    .where(eq(t.themes.proposalId, proposalId))
    .groupBy(t.themes.id)
    .orderBy(asc(t.themes.id))
    .all();
}

/** The themes each of these items carries: itemKey → theme ids. */
export function themesOfItems(proposalId: number, keys: string[], database: DB = defaultDb()): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (keys.length === 0) return out;
  const rows = database
    .select({ itemKey: t.themeCodes.itemKey, themeId: t.themeCodes.themeId })
    .from(t.themeCodes)
    .where(and(eq(t.themeCodes.proposalId, proposalId), inArray(t.themeCodes.itemKey, keys)))
    .all();
  for (const r of rows) (out[r.itemKey] ??= []).push(r.themeId);
  return out;
}

// ─── Writing ───────────────────────────────────────────────────────────────────

function outcomeStatus(tx: DB, proposalId: number) {
  return tx.select({ status: t.outcomes.status }).from(t.outcomes).where(eq(t.outcomes.proposalId, proposalId)).get()?.status ?? null;
}

/** The proposal, if this officer may code its responses now; otherwise the refusal. */
function requireCoding(tx: DB, viewer: SignedInViewer, proposalId: number): Proposal {
  const p = visibleProposal(tx, viewer, proposalId);
  const status = outcomeStatus(tx, proposalId);
  if (!canCodeThemes(viewer, p, status)) {
    if (p.state === "open" || p.state === "closed") {
      if (status && status !== "draft") refuse(409, outcomeLockedMessage(p.state, status));
      refuse(403, "Only officers of the service running this consultation can code its responses");
    }
    refuse(409, p.state === "outcome_published" || p.state === "decided" ? outcomeLockedMessage(p.state, "published") : "Responses are coded while the consultation is open or after it closes");
  }
  return p;
}

function themeOf(tx: DB, proposalId: number, themeId: number) {
  const theme = tx.select().from(t.themes).where(and(eq(t.themes.id, themeId), eq(t.themes.proposalId, proposalId))).get();
  if (!theme) refuse(404, "This theme does not exist");
  return theme;
}

function checkName(tx: DB, proposalId: number, raw: string, exceptId: number | null): { name: string; key: string } {
  const name = cleanThemeName(raw);
  if (!name) refuse(400, "Enter a name for the theme", "name");
  if (name.length > THEME_NAME_MAX_CHARS) refuse(400, `The theme’s name must be ${THEME_NAME_MAX_CHARS} characters or fewer`, "name");
  const key = themeNameKey(name);
  const same = tx.select({ id: t.themes.id }).from(t.themes).where(and(eq(t.themes.proposalId, proposalId), eq(t.themes.nameKey, key))).get();
  if (same && same.id !== exceptId) refuse(400, `There is already a theme called “${name}”`, "name");
  return { name, key };
}

function audit(tx: DB, viewer: SignedInViewer, proposalId: number, action: string, detail: Record<string, unknown>) {
  appendAudit(tx, { actorId: viewer.id, action, entityType: "proposal", entityId: proposalId, detail });
}

export function createTheme(viewer: SignedInViewer, proposalId: number, rawName: string, database: DB = defaultDb()): WriteResult<{ themeId: number }> {
  return guardedWrite(database, (tx) => {
    requireCoding(tx, viewer, proposalId);
    const n = tx.select({ n: count() }).from(t.themes).where(eq(t.themes.proposalId, proposalId)).get()?.n ?? 0;
    if (n >= MAX_THEMES) refuse(400, `A consultation can have up to ${MAX_THEMES} themes: merge some first`, "name");
    const { name, key } = checkName(tx, proposalId, rawName, null);
    const at = nowIso();
    const { id } = tx.insert(t.themes).values({ proposalId, name, nameKey: key, createdById: viewer.id, createdAt: at, updatedAt: at }).returning({ id: t.themes.id }).get();
    audit(tx, viewer, proposalId, "theme.create", { themeId: id, what: `Created the theme “${name}”` });
    return { themeId: id };
  });
}

export function renameTheme(viewer: SignedInViewer, proposalId: number, themeId: number, rawName: string, database: DB = defaultDb()): WriteResult {
  return guardedWrite(database, (tx) => {
    requireCoding(tx, viewer, proposalId);
    const theme = themeOf(tx, proposalId, themeId);
    const { name, key } = checkName(tx, proposalId, rawName, themeId);
    if (name === theme.name) return {};
    tx.update(t.themes).set({ name, nameKey: key, updatedAt: nowIso() }).where(eq(t.themes.id, themeId)).run();
    audit(tx, viewer, proposalId, "theme.rename", { themeId, what: `Renamed the theme “${theme.name}” to “${name}”` });
    return {};
  });
}

/**
 * Merge `fromId` into `intoId`: every answer and comment in the first is in the second once
 * (an item in both is not counted twice), and the first theme goes. The second keeps its own
 * name and response; the first's response, if any, is added below it so that nothing written is lost.
 */
export function mergeThemes(viewer: SignedInViewer, proposalId: number, fromId: number, intoId: number, database: DB = defaultDb()): WriteResult {
  return guardedWrite(database, (tx) => {
    requireCoding(tx, viewer, proposalId);
    if (fromId === intoId) refuse(400, "Choose a different theme to merge into", "into");
    const from = themeOf(tx, proposalId, fromId);
    const into = themeOf(tx, proposalId, intoId);
    tx.run(sql`INSERT OR IGNORE INTO theme_codes (theme_id, proposal_id, item_key, kind, response_id, question_id, comment_id, respondent_key, coded_by_id, created_at)
      SELECT ${intoId}, proposal_id, item_key, kind, response_id, question_id, comment_id, respondent_key, coded_by_id, created_at FROM theme_codes WHERE theme_id = ${fromId}`);
    const response = [into.councilResponse, from.councilResponse].filter((x): x is string => !!x?.trim()).join("\n\n") || null;
    tx.update(t.themes).set({ councilResponse: response, updatedAt: nowIso() }).where(eq(t.themes.id, intoId)).run();
    tx.delete(t.themes).where(eq(t.themes.id, fromId)).run();
    audit(tx, viewer, proposalId, "theme.merge", { themeId: intoId, mergedId: fromId, what: `Merged the theme “${from.name}” into “${into.name}”` });
    return {};
  });
}

export function removeTheme(viewer: SignedInViewer, proposalId: number, themeId: number, database: DB = defaultDb()): WriteResult {
  return guardedWrite(database, (tx) => {
    requireCoding(tx, viewer, proposalId);
    const theme = themeOf(tx, proposalId, themeId);
    tx.delete(t.themes).where(eq(t.themes.id, themeId)).run();
    audit(tx, viewer, proposalId, "theme.remove", { themeId, what: `Removed the theme “${theme.name}”` });
    return {};
  });
}

/** Whose an item is, if it is one of this consultation's answers or residents' comments; otherwise a refusal. */
function codableItem(tx: DB, proposalId: number, item: CodedItem) {
  if (item.kind === "answer") {
    const row = tx
      .select({ respondentId: t.responses.respondentId, responseId: t.responses.id })
      .from(t.responseAnswers)
      .innerJoin(t.responses, eq(t.responses.id, t.responseAnswers.responseId))
      .where(and(eq(t.responseAnswers.responseId, item.responseId), eq(t.responseAnswers.questionId, item.questionId), eq(t.responses.proposalId, proposalId)))
      .get();
    if (!row) refuse(404, "This answer does not exist");
    return { respondentKey: respondentKey(row)!, responseId: item.responseId, questionId: item.questionId, commentId: null };
  }
  const c = tx
    .select({ respondentId: t.comments.respondentId, officerId: t.comments.officerId, status: t.comments.status })
    .from(t.comments)
    .where(and(eq(t.comments.id, item.commentId), eq(t.comments.proposalId, proposalId)))
    .get();
  if (!c || c.status === "deleted") refuse(404, "This comment does not exist");
  // The council's own answers are not what people said.
  if (c.officerId != null || c.respondentId == null) refuse(400, "Official answers from the council are not coded into themes");
  return { respondentKey: respondentKey({ respondentId: c.respondentId })!, responseId: null, questionId: null, commentId: item.commentId };
}

/**
 * Set the themes of one answer or comment to exactly `themeIds` (an empty list removes it from
 * every theme). Returns the themes it now carries.
 */
export function setItemThemes(viewer: SignedInViewer, proposalId: number, item: CodedItem, themeIds: number[], database: DB = defaultDb()): WriteResult<{ themeIds: number[] }> {
  return guardedWrite(database, (tx) => {
    requireCoding(tx, viewer, proposalId);
    const wanted = [...new Set(themeIds)];
    const known = wanted.length ? tx.select({ id: t.themes.id }).from(t.themes).where(and(eq(t.themes.proposalId, proposalId), inArray(t.themes.id, wanted))).all() : [];
    if (known.length !== wanted.length) refuse(404, "One of the themes does not exist");
    const whose = codableItem(tx, proposalId, item);
    const key = itemKey(item);
    const current = tx.select({ themeId: t.themeCodes.themeId }).from(t.themeCodes).where(and(eq(t.themeCodes.proposalId, proposalId), eq(t.themeCodes.itemKey, key))).all().map((r) => r.themeId);
    const add = wanted.filter((id) => !current.includes(id));
    const remove = current.filter((id) => !wanted.includes(id));
    if (remove.length) tx.delete(t.themeCodes).where(and(eq(t.themeCodes.itemKey, key), inArray(t.themeCodes.themeId, remove))).run();
    const at = nowIso();
    for (const themeId of add) tx.insert(t.themeCodes).values({ themeId, proposalId, itemKey: key, kind: item.kind, ...whose, codedById: viewer.id, createdAt: at }).run();
    if (add.length || remove.length) appendAudit(tx, { actorId: viewer.id, action: "theme.code", entityType: "proposal_coding", entityId: proposalId, detail: { item: key, added: add, removed: remove } });
    return { themeIds: wanted.sort((a, b) => a - b) };
  });
}

// ─── What a theme holds ────────────────────────────────────────────────────────
export type ThemeItem = {
  itemKey: string;
  kind: "answer" | "comment";
  text: string;
  /** the question answered, or what the comment was on */
  about: string;
  questionId: number | null;
  commentId: number | null;
  responseId: number | null;
  respondentKey: string;
  /** may this appear on the public outcome page: a visible comment, or an answer its respondent agreed to publish to a question that is not personal */
  publishable: boolean;
};

/**
 * The answers and comments in a theme, for staff, oldest coding first, `limit` at a time. Each
 * says whether the public outcome page may quote it (read.server.ts quotes through the same rules).
 */
export function themeItems(proposalId: number, themeId: number, options: { limit: number; offset?: number } = { limit: 50 }, database: DB = defaultDb()): ThemeItem[] {
  const publishable = sql`CASE
      WHEN tc.kind = 'comment' THEN (c.status = 'visible')
      ELSE (r.publish_answers = 1 AND q.personal = 0)
    END`;
  const rows = database.all<{
    item_key: string;
    kind: "answer" | "comment";
    answer_text: string | null;
    stance: string | null;
    comment_text: string | null;
    question: string | null;
    question_id: number | null;
    comment_id: number | null;
    response_id: number | null;
    respondent_key: string;
    target_type: string | null;
    publishable: number;
  }>(sql`
    SELECT tc.item_key, tc.kind, ra.text AS answer_text, ra.stance, c.body_markdown AS comment_text, q.question, tc.question_id, tc.comment_id, tc.response_id,
      tc.respondent_key, c.target_type, ${publishable} AS publishable
    FROM theme_codes tc
    LEFT JOIN response_answers ra ON tc.kind = 'answer' AND ra.response_id = tc.response_id AND ra.question_id = tc.question_id
    LEFT JOIN responses r ON r.id = tc.response_id
    LEFT JOIN consultation_questions q ON q.id = tc.question_id
    LEFT JOIN comments c ON c.id = tc.comment_id
    WHERE tc.theme_id = ${themeId} AND tc.proposal_id = ${proposalId}
      AND (tc.kind = 'comment' AND c.status IN ('visible', 'pending', 'hidden') OR tc.kind = 'answer' AND ra.response_id IS NOT NULL)
    ORDER BY tc.created_at, tc.item_key
    LIMIT ${options.limit} OFFSET ${options.offset ?? 0}`);
  return rows.map((r) => ({
    itemKey: r.item_key,
    kind: r.kind,
    text: (r.kind === "answer" ? r.answer_text : r.comment_text) ?? "",
    about: r.kind === "answer" ? (r.question ?? "") : r.target_type === "proposal" ? "A comment on the proposal" : "A comment on part of the proposal",
    questionId: r.question_id,
    commentId: r.comment_id,
    responseId: r.response_id,
    respondentKey: r.respondent_key,
    publishable: r.publishable === 1,
  }));
}
