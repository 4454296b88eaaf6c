/**
 * Residents' email updates: new consultations, or one consultation's news. A subscription
 * starts only when the address is confirmed by a link sent to it; every email carries a
 * one-click unsubscribe link (RFC 8058) that works without signing in.
 */
import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { baseUrl } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import { loadProposalBySlug } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { isPublic } from "~/proposals/visibility";
import { RATE_LIMITS, TOO_MANY_SUBSCRIPTIONS } from "~/responses/rules";
import { takeSharedAllowance } from "~/responses/rate-limit.server";
import { queueEmail } from "./outbox.server";
import { publicUrl } from "./staff.server";
import { consultationUpdateEmail, newConsultationEmail, subscribeConfirmEmail, unsubscribeHeaders } from "./templates";
import { hashToken, isTokenShaped, newToken } from "./tokens.server";
import { topicOf, topicText, type Topic } from "./topic";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, languageOrDefault, withLanguage, type LanguageCode } from "~/i18n/languages";

/** One confirmation email per address and topic an hour, so the form cannot flood an inbox. */
const RESEND_CONFIRMATION_AFTER_MS = 60 * 60 * 1000;

/** The one-click unsubscribe link, opening in the subscriber's language. */
export function unsubscribeUrl(token: string, lang: LanguageCode = DEFAULT_LANGUAGE) {
  return `${baseUrl()}${withLanguage(`/unsubscribe/${token}`, lang)}`;
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/** A full address on this site in a language (the links in an email open in the reader's language). */
export function inLanguage(url: string, lang: LanguageCode): string {
  const base = baseUrl();
  return url.startsWith(base) ? `${base}${withLanguage(url.slice(base.length) || "/", lang)}` : url;
}

/** The consultation someone may subscribe to: public ones only, through the one predicate. */
export function subscribableConsultation(slug: string | null | undefined, database: DB = defaultDb()): Proposal | null {
  if (!slug) return null;
  const p = loadProposalBySlug(slug, database);
  return p && isPublic(p) && ["open", "closed", "outcome_published"].includes(p.state) ? p : null;
}


/**
 * Ask for updates. The answer is the same whatever happens ("check your email"), so the form
 * does not tell anyone which addresses are subscribed.
 */
export function requestSubscription(input: { email: string; proposal: Proposal | null; address?: string; lang?: LanguageCode }, at: Date, database: DB = defaultDb()): { ok: true } | { ok: false; message: string } {
  const email = normaliseEmail(input.email);
  // Each request can email an address nobody has proven: limited per sender and per recipient,
  // counted in the database so that every process agrees (responses/rate-limit.server.ts).
  if (!takeSharedAllowance(`subscribe:address:${input.address ?? "unknown"}`, RATE_LIMITS.subscribePerAddress, at, database)) return { ok: false, message: TOO_MANY_SUBSCRIPTIONS };
  const scope = input.proposal ? ("consultation" as const) : ("new_consultations" as const);
  const proposalId = input.proposal?.id ?? null;
  writeTransaction((tx) => {
    const same = and(eq(t.subscriptions.email, email), eq(t.subscriptions.scope, scope), proposalId == null ? isNull(t.subscriptions.proposalId) : eq(t.subscriptions.proposalId, proposalId), isNull(t.subscriptions.unsubscribedAt));
    const active = tx.select({ id: t.subscriptions.id }).from(t.subscriptions).where(and(same, isNotNull(t.subscriptions.confirmedAt))).get();
    if (active) return;
    const since = new Date(at.getTime() - RESEND_CONFIRMATION_AFTER_MS).toISOString();
    const recent = tx.select({ id: t.subscriptions.id }).from(t.subscriptions).where(and(same, isNull(t.subscriptions.confirmedAt), gt(t.subscriptions.createdAt, since))).get();
    if (recent) return;
    // The same answer either way: the page never says whether an email went.
    if (!takeSharedAllowance(`unproven-email:${email}`, RATE_LIMITS.unprovenEmailPerRecipient, at, tx)) return;

    const confirmToken = newToken();
    const unsubscribeToken = newToken();
    const lang = input.lang ?? DEFAULT_LANGUAGE;
    const row = tx
      .insert(t.subscriptions)
      .values({ email, scope, proposalId, confirmTokenHash: hashToken(confirmToken), unsubscribeToken, language: lang, createdAt: at.toISOString() })
      .returning({ id: t.subscriptions.id })
      .get();
    const council = loadSettings(tx).council.name;
    const message = subscribeConfirmEmail(
      { council, what: topicText(topicOf(council, input.proposal), translator(lang)), confirmUrl: `${baseUrl()}${withLanguage(`/subscribe/confirm/${confirmToken}`, lang)}`, unsubscribeUrl: unsubscribeUrl(unsubscribeToken, lang) },
      lang,
    );
    queueEmail(tx, { idempotencyKey: `subscribe-confirm:${row.id}`, event: "subscribe_confirm", to: email, ...message, headers: unsubscribeHeaders(unsubscribeUrl(unsubscribeToken)), proposalId });
  }, database);
  return { ok: true };
}

function byConfirmToken(database: DB, token: string | undefined) {
  if (!isTokenShaped(token)) return null;
  return database.select().from(t.subscriptions).where(and(eq(t.subscriptions.confirmTokenHash, hashToken(token)), isNull(t.subscriptions.unsubscribedAt))).get() ?? null;
}

function describe(database: DB, row: { proposalId: number | null }): Topic {
  const council = loadSettings(database).council.name;
  const p = row.proposalId ? database.select({ title: t.proposals.title }).from(t.proposals).where(eq(t.proposals.id, row.proposalId)).get() : null;
  return topicOf(council, p ?? null);
}

export function peekConfirmation(token: string | undefined, database: DB = defaultDb()) {
  const row = byConfirmToken(database, token);
  return row ? { what: describe(database, row), confirmed: row.confirmedAt != null } : null;
}

export function confirmSubscription(token: string | undefined, at: Date, database: DB = defaultDb()): { what: Topic } | null {
  return writeTransaction((tx) => {
    const row = byConfirmToken(tx, token);
    if (!row) return null;
    if (!row.confirmedAt) tx.update(t.subscriptions).set({ confirmedAt: at.toISOString() }).where(eq(t.subscriptions.id, row.id)).run();
    return { what: describe(tx, row) };
  }, database);
}

function byUnsubscribeToken(database: DB, token: string | undefined) {
  if (!isTokenShaped(token)) return null;
  return database.select().from(t.subscriptions).where(eq(t.subscriptions.unsubscribeToken, token)).get() ?? null;
}

export function peekUnsubscribe(token: string | undefined, database: DB = defaultDb()) {
  const row = byUnsubscribeToken(database, token);
  return row ? { what: describe(database, row), done: row.unsubscribedAt != null } : null;
}

/** One click, no sign-in: the token in the link is the permission. Repeating it is harmless. */
export function unsubscribe(token: string | undefined, at: Date, database: DB = defaultDb()): { what: Topic } | null {
  return writeTransaction((tx) => {
    const row = byUnsubscribeToken(tx, token);
    if (!row) return null;
    if (!row.unsubscribedAt) tx.update(t.subscriptions).set({ unsubscribedAt: at.toISOString() }).where(eq(t.subscriptions.id, row.id)).run();
    return { what: describe(tx, row) };
  }, database);
}

/**
 * A respondent who asked, when they answered, to hear what happens next: a subscription to the
 * consultation, confirmed already (their address was verified by the sign-in link), with its own
 * one-click unsubscribe. Inside the caller's transaction; nothing happens if one is active.
 */
export function subscribeRespondent(tx: DB, input: { email: string; proposalId: number; lang?: LanguageCode }, at: Date): void {
  const email = normaliseEmail(input.email);
  const active = tx
    .select({ id: t.subscriptions.id })
    .from(t.subscriptions)
    .where(and(eq(t.subscriptions.email, email), eq(t.subscriptions.scope, "consultation"), eq(t.subscriptions.proposalId, input.proposalId), isNotNull(t.subscriptions.confirmedAt), isNull(t.subscriptions.unsubscribedAt)))
    .get();
  if (active) return;
  tx.insert(t.subscriptions)
    .values({ email, scope: "consultation", proposalId: input.proposalId, confirmTokenHash: null, unsubscribeToken: newToken(), language: input.lang ?? DEFAULT_LANGUAGE, confirmedAt: at.toISOString(), createdAt: at.toISOString() })
    .run();
}

/** Whether this address gets updates about this consultation now. */
export function isSubscribedTo(email: string, proposalId: number, database: DB = defaultDb()): boolean {
  return (
    database
      .select({ id: t.subscriptions.id })
      .from(t.subscriptions)
      .where(and(eq(t.subscriptions.email, normaliseEmail(email)), eq(t.subscriptions.scope, "consultation"), eq(t.subscriptions.proposalId, proposalId), isNotNull(t.subscriptions.confirmedAt), isNull(t.subscriptions.unsubscribedAt)))
      .get() != null
  );
}

function activeSubscribers(tx: DB, scope: "new_consultations" | "consultation", proposalId: number | null) {
  return tx
    .select({ id: t.subscriptions.id, email: t.subscriptions.email, unsubscribeToken: t.subscriptions.unsubscribeToken, language: t.subscriptions.language })
    .from(t.subscriptions)
    .where(
      and(
        eq(t.subscriptions.scope, scope),
        proposalId == null ? isNull(t.subscriptions.proposalId) : eq(t.subscriptions.proposalId, proposalId),
        isNotNull(t.subscriptions.confirmedAt),
        isNull(t.subscriptions.unsubscribedAt),
      ),
    )
    .all();
}

/** At opening: everyone subscribed to new consultations hears about it. */
export function notifySubscribersOfOpening(tx: DB, p: Proposal): number {
  const council = loadSettings(tx).council.name;
  let queued = 0;
  for (const s of activeSubscribers(tx, "new_consultations", null)) {
    const lang = languageOrDefault(s.language);
    const url = unsubscribeUrl(s.unsubscribeToken, lang);
    const email = newConsultationEmail({ council, title: p.title, serviceName: p.serviceName, publicUrl: inLanguage(publicUrl(p.slug), lang), closesOn: p.closesOn, unsubscribeUrl: url }, lang);
    if (queueEmail(tx, { idempotencyKey: `new-consultation:${p.id}:${s.id}`, event: "new_consultation", to: s.email, ...email, headers: unsubscribeHeaders(url), proposalId: p.id })) queued++;
  }
  return queued;
}

/**
 * Later news of a public consultation (closed, withdrawn, outcome, decision) for its subscribers,
 * who include the respondents who asked for updates when they answered. `compose` writes an email
 * of its own for the news (the outcome, the decision); otherwise a short update is sent.
 */
export function notifySubscribersOfUpdate(tx: DB, p: Proposal, transition: string, compose?: (unsubscribeUrl: string, lang: LanguageCode) => { subject: string; text: string }): number {
  const council = loadSettings(tx).council.name;
  let queued = 0;
  for (const s of activeSubscribers(tx, "consultation", p.id)) {
    const lang = languageOrDefault(s.language);
    const url = unsubscribeUrl(s.unsubscribeToken, lang);
    const email = compose ? compose(url, lang) : consultationUpdateEmail({ council, title: p.title, transition, publicUrl: inLanguage(publicUrl(p.slug), lang), unsubscribeUrl: url }, lang);
    if (queueEmail(tx, { idempotencyKey: `consultation-update:${p.id}:${transition}:${s.id}`, event: "consultation_update", to: s.email, ...email, headers: unsubscribeHeaders(url), proposalId: p.id })) queued++;
  }
  return queued;
}
