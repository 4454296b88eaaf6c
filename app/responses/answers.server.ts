/**
 * Answers to the consultation questions: one set per respondent per consultation, changed in
 * place until closing; and the responses that came on paper, by phone, by email or at an event,
 * which officers enter with their channel and count alongside the online ones everywhere.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import { now } from "~/lib/clock";
import { env } from "~/lib/env.server";
import { takeAllowance } from "./rate-limit.server";
import { councilTimeZone } from "~/lib/settings.server";
import { subscribeRespondent } from "~/notifications/subscriptions.server";
import { queueEmail } from "~/notifications/outbox.server";
import { publicUrl } from "~/notifications/staff.server";
import { responseReceiptEmail } from "~/notifications/templates";
import { translator, type Translate } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, withLanguage, type LanguageCode } from "~/i18n/languages";
import { loadSettings } from "~/lib/settings.server";
import { ANSWER_MAX_CHARS, CHANNEL_LABELS, STANCE_LABELS, RATE_LIMITS, acceptingResponses, normaliseText, notAcceptingKey, type Channel, type RespondingAs, type Stance } from "./rules";

export type Answer = { questionId: number; stance: Stance | null; text: string | null };

export type SaveResult = { ok: true; responseId: number; changed: boolean } | { ok: false; status: 400 | 404 | 409 | 429; message: string };

/** Answers worth storing: a stance or some words, on a question this consultation asks. */
function cleanAnswers(answers: Answer[], questionIds: number[], say: Translate = translator(DEFAULT_LANGUAGE)): Answer[] | string {
  const cleaned: Answer[] = [];
  for (const a of answers) {
    if (!questionIds.includes(a.questionId)) continue;
    const text = a.text ? normaliseText(a.text) : "";
    if (text.length > ANSWER_MAX_CHARS) return say("validation.answerTooLong", { max: ANSWER_MAX_CHARS.toLocaleString("en-GB") });
    if (a.stance || text) cleaned.push({ questionId: a.questionId, stance: a.stance, text: text || null });
  }
  if (cleaned.length === 0) return say("validation.answerOne");
  return cleaned;
}

function questionIdsOf(tx: DB, proposalId: number): number[] {
  return tx.select({ id: t.consultationQuestions.id }).from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, proposalId)).all().map((q) => q.id);
}

/**
 * Save a respondent's answers, replacing any they gave before. Refused once the consultation
 * closes. `publishAnswers`: they agreed that their answers may be published after closing (never
 * those to questions marked personal); `wantsUpdates`: they asked to be emailed the outcome and
 * the decision (a subscription, with its own unsubscribe link).
 */
export function saveOnlineResponse(
  input: { proposalId: number; respondentId: number; answers: Answer[]; publishAnswers?: boolean; wantsUpdates?: boolean; /** the language the receipt is written in */ lang?: LanguageCode },
  database: DB = defaultDb(),
): SaveResult {
  const at = now();
  // Refusals in the respondent's language (the page's), from the catalogue.
  const say = translator(input.lang ?? DEFAULT_LANGUAGE);
  if (!takeAllowance(`answers:respondent:${input.respondentId}`, RATE_LIMITS.answersPerRespondent, at)) return { ok: false, status: 429, message: say("validation.tooManyChanges") };
  return writeTransaction((tx): SaveResult => {
    const p = tx.select({ id: t.proposals.id, state: t.proposals.state, closesOn: t.proposals.closesOn, slug: t.proposals.slug, title: t.proposals.title }).from(t.proposals).where(eq(t.proposals.id, input.proposalId)).get();
    if (!p) return { ok: false, status: 404, message: "Not found" };
    if (!acceptingResponses(p, at, councilTimeZone(tx))) return { ok: false, status: 409, message: say(notAcceptingKey(p)) };
    const answers = cleanAnswers(input.answers, questionIdsOf(tx, p.id), say);
    if (typeof answers === "string") return { ok: false, status: 400, message: answers };
    const existing = tx
      .select({ id: t.responses.id })
      .from(t.responses)
      .where(and(eq(t.responses.proposalId, p.id), eq(t.responses.respondentId, input.respondentId), eq(t.responses.channel, "online")))
      .get();
    const who = tx.select({ respondingAs: t.respondents.respondingAs, email: t.respondents.email }).from(t.respondents).where(eq(t.respondents.id, input.respondentId)).get();
    const choices = { respondingAs: who?.respondingAs ?? null, publishAnswers: input.publishAnswers === true };
    const responseId =
      existing?.id ??
      tx
        .insert(t.responses)
        .values({ proposalId: p.id, respondentId: input.respondentId, channel: "online", ...choices, createdAt: at.toISOString(), updatedAt: at.toISOString() })
        .returning({ id: t.responses.id })
        .get().id;
    if (existing) {
      tx.update(t.responses).set({ ...choices, updatedAt: at.toISOString() }).where(eq(t.responses.id, responseId)).run();
      tx.delete(t.responseAnswers).where(eq(t.responseAnswers.responseId, responseId)).run();
    }
    // The language they responded in is the one later emails to them are written in (issue 14).
    if (input.lang) tx.update(t.respondents).set({ language: input.lang }).where(eq(t.respondents.id, input.respondentId)).run();
    if (input.wantsUpdates && who) subscribeRespondent(tx, { email: who.email, proposalId: p.id, lang: input.lang }, at);
    for (const a of answers) tx.insert(t.responseAnswers).values({ responseId, questionId: a.questionId, stance: a.stance, text: a.text }).run();
    if (who) queueReceipt(tx, { proposal: p, email: who.email, responseId, at, answers, changed: Boolean(existing), publishAnswers: choices.publishAnswers, lang: input.lang ?? "en" });
    return { ok: true, responseId, changed: Boolean(existing) };
  }, database);
}

/** A copy of the response to the address that sent it, in the same transaction as the save. */
function queueReceipt(
  tx: DB,
  r: { proposal: { id: number; slug: string; title: string; closesOn: string | null }; email: string; responseId: number; at: Date; answers: Answer[]; changed: boolean; publishAnswers: boolean; lang: LanguageCode },
) {
  const tr = translator(r.lang);
  const questions = tx
    .select({ id: t.consultationQuestions.id, question: t.consultationQuestions.question })
    .from(t.consultationQuestions)
    .where(eq(t.consultationQuestions.proposalId, r.proposal.id))
    .orderBy(asc(t.consultationQuestions.position), asc(t.consultationQuestions.id))
    .all();
  const byQuestion = new Map(r.answers.map((a) => [a.questionId, a]));
  const message = responseReceiptEmail({
    council: loadSettings(tx).council.name,
    title: r.proposal.title,
    savedAt: r.at.toISOString(),
    changed: r.changed,
    answers: questions.map((q) => {
      const a = byQuestion.get(q.id);
      return { question: q.question, stance: a?.stance ? tr(`stances.${a.stance}`) : null, text: a?.text ?? null };
    }),
    publishAnswers: r.publishAnswers,
    closesOn: r.proposal.closesOn,
    respondUrl: `${publicUrl(r.proposal.slug)}${withLanguage("/respond", r.lang)}`,
  }, r.lang);
  queueEmail(tx, { idempotencyKey: `response-receipt:${r.responseId}:${r.at.toISOString()}`, event: "response_receipt", to: r.email, ...message, proposalId: r.proposal.id });
}

export type MyResponse = { id: number; createdAt: string; updatedAt: string; publishAnswers: boolean; answers: Record<number, { stance: Stance | null; text: string | null }> };

export function loadMyResponse(proposalId: number, respondentId: number, database: DB = defaultDb()): MyResponse | null {
  const response = database
    .select()
    .from(t.responses)
    .where(and(eq(t.responses.proposalId, proposalId), eq(t.responses.respondentId, respondentId), eq(t.responses.channel, "online")))
    .get();
  if (!response) return null;
  const answers = database.select().from(t.responseAnswers).where(eq(t.responseAnswers.responseId, response.id)).all();
  return {
    id: response.id,
    createdAt: response.createdAt,
    updatedAt: response.updatedAt,
    publishAnswers: response.publishAnswers,
    answers: Object.fromEntries(answers.map((a) => [a.questionId, { stance: a.stance, text: a.text }])),
  };
}

export type ResponseCounts = Record<Channel, number> & { total: number };

/** Responses by how they reached the council: the one count every page and export uses. */
export function responseCounts(proposalId: number, database: DB = defaultDb()): ResponseCounts {
  const rows = database.select({ channel: t.responses.channel, n: count() }).from(t.responses).where(eq(t.responses.proposalId, proposalId)).groupBy(t.responses.channel).all();
  const counts = Object.fromEntries(Object.keys(CHANNEL_LABELS).map((c) => [c, 0])) as Record<Channel, number>;
  for (const r of rows) counts[r.channel] = r.n;
  return { ...counts, total: rows.reduce((sum, r) => sum + r.n, 0) };
}

// ─── Offline responses ─────────────────────────────────────────────────────────
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;
export const SCAN_TYPES = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" } as const;
export type ScanType = keyof typeof SCAN_TYPES;

/** The file's own first bytes, not the name or the browser's claim, say what it is. */
export function sniffScan(bytes: Uint8Array): ScanType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  return null;
}

function uploadsDir() {
  return env().UPLOADS_PATH;
}

/**
 * An officer enters a response that came another way. Allowed while the consultation is open and
 * after it closes (post arrives late) until the outcome is published: the officer confirms it
 * reached the council in time.
 */
export function enterOfflineResponse(
  input: {
    proposalId: number;
    officer: SignedInViewer;
    channel: Exclude<Channel, "online">;
    label: string | null;
    answers: Answer[];
    scan: Uint8Array | null;
    /** who it is from, if the form says: an individual, an organisation, a councillor */
    respondingAs?: RespondingAs | null;
    /** the respondent agreed on the form that their answers may be published */
    publishAnswers?: boolean;
  },
  database: DB = defaultDb(),
): SaveResult {
  let storageKey: string | null = null;
  if (input.scan) {
    if (input.scan.byteLength > SCAN_MAX_BYTES) return { ok: false, status: 400, message: "The scan must be smaller than 10 MB" };
    if (!sniffScan(input.scan)) return { ok: false, status: 400, message: "The scan must be a PDF, JPG or PNG" };
    // Written before the transaction: a failed write leaves only an unreferenced file.
    storageKey = crypto.randomBytes(18).toString("hex");
    fs.mkdirSync(uploadsDir(), { recursive: true });
    fs.writeFileSync(path.join(uploadsDir(), storageKey), input.scan);
  }
  const at = now().toISOString();
  return writeTransaction((tx): SaveResult => {
    const p = tx.select({ id: t.proposals.id, state: t.proposals.state }).from(t.proposals).where(eq(t.proposals.id, input.proposalId)).get();
    if (!p) return { ok: false, status: 404, message: "Not found" };
    if (p.state !== "open" && p.state !== "closed") return { ok: false, status: 409, message: "Responses can be entered while the consultation is open, and after it closes until the outcome is published" };
    const answers = cleanAnswers(input.answers, questionIdsOf(tx, p.id));
    if (typeof answers === "string") return { ok: false, status: 400, message: answers };
    const label = input.label ? normaliseText(input.label).slice(0, 200) || null : null;
    const { id: responseId } = tx
      .insert(t.responses)
      .values({
        proposalId: p.id,
        respondentId: null,
        channel: input.channel,
        enteredById: input.officer.id,
        respondentLabel: label,
        scanStorageKey: storageKey,
        respondingAs: input.respondingAs ?? null,
        publishAnswers: input.publishAnswers === true,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: t.responses.id })
      .get();
    for (const a of answers) tx.insert(t.responseAnswers).values({ responseId, questionId: a.questionId, stance: a.stance, text: a.text }).run();
    appendAudit(tx, { actorId: input.officer.id, action: "response.entered", entityType: "response", entityId: responseId, detail: { proposalId: p.id, channel: input.channel, scan: storageKey != null } });
    return { ok: true, responseId, changed: false };
  }, database);
}

export function listOfflineResponses(proposalId: number, database: DB = defaultDb()) {
  return database
    .select({
      id: t.responses.id,
      channel: t.responses.channel,
      label: t.responses.respondentLabel,
      hasScan: t.responses.scanStorageKey,
      createdAt: t.responses.createdAt,
      enteredBy: t.users.name,
    })
    .from(t.responses)
    .leftJoin(t.users, eq(t.users.id, t.responses.enteredById))
    .where(and(eq(t.responses.proposalId, proposalId), ne(t.responses.channel, "online")))
    .orderBy(desc(t.responses.id))
    .all()
    .map((r) => ({ ...r, hasScan: r.hasScan != null }));
}

/** The stored scan of an offline response, for staff who can see the proposal. */
export function scanFile(proposalId: number, responseId: number, database: DB = defaultDb()): { file: string; type: ScanType } | null {
  const row = database
    .select({ key: t.responses.scanStorageKey })
    .from(t.responses)
    .where(and(eq(t.responses.id, responseId), eq(t.responses.proposalId, proposalId)))
    .get();
  if (!row?.key || !/^[0-9a-f]{36}$/.test(row.key)) return null;
  const file = path.join(uploadsDir(), row.key);
  if (!fs.existsSync(file)) return null;
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  const type = sniffScan(head);
  return type ? { file, type } : null;
}

/** Answers to each question across every channel, for staff reading the responses. */
export function answersByQuestion(proposalId: number, database: DB = defaultDb()) {
  return database
    .select({ questionId: t.responseAnswers.questionId, stance: t.responseAnswers.stance, channel: t.responses.channel, n: count() })
    .from(t.responseAnswers)
    .innerJoin(t.responses, eq(t.responses.id, t.responseAnswers.responseId))
    .where(eq(t.responses.proposalId, proposalId))
    .groupBy(t.responseAnswers.questionId, t.responseAnswers.stance, t.responses.channel)
    .orderBy(asc(t.responseAnswers.questionId))
    .all();
}
