/**
 * Respondents: residents who have proved they can read an email address. No password: they ask
 * for a link, follow it once within an hour, and get a session of their own (a separate cookie
 * and tables from staff sessions, so a resident can never hold staff rights).
 *
 * Only SHA-256 hashes of link and session tokens are stored, so a copy of the database cannot
 * sign anyone in.
 */
import { DEFAULT_LANGUAGE, languageOfRequest, withLanguage, type LanguageCode } from "~/i18n/languages";
import { translator } from "~/i18n/i18n";
import { signInLinkEmail } from "~/notifications/templates";
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { now } from "~/lib/clock";
import { baseUrl, env } from "~/lib/env.server";
import { sessionSecret } from "~/lib/secrets.server";
import { cookiesAreSecure } from "~/auth/session.server";
import { safeRedirect } from "~/lib/redirects";
import { loadSettings } from "~/lib/settings.server";
import { queueEmail } from "~/notifications/outbox.server";
import { takeSharedAllowance } from "./rate-limit.server";
import { LINK_TTL_MS, RATE_LIMITS, RESPONDENT_SESSION_TTL_MS, TOO_MANY_LINKS, profileComplete, type RespondingAs } from "./rules";

export const RESPONDENT_COOKIE_NAME = "__plainsight_respondent";

export type Respondent = typeof t.respondents.$inferSelect;

let cookie: Cookie | undefined;

function respondentCookie(): Cookie {
  if (cookie) return cookie;
  cookie = createCookie(RESPONDENT_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure over HTTPS only: the http demo would otherwise lose the cookie (session.server.ts).
    secure: cookiesAreSecure(),
    secrets: [sessionSecret()],
    // The privacy notice says the cookie lasts 30 days unless they sign out.
    maxAge: Math.floor(RESPONDENT_SESSION_TTL_MS / 1000),
  });
  return cookie;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isTokenShaped(value: string | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Where to go after signing in: a path on this site, or the consultations (app/lib/redirects.ts). */
export function safeReturnPath(to: unknown, fallback = "/consultations"): string {
  return safeRedirect(to, fallback);
}

// ─── Asking for a link ─────────────────────────────────────────────────────────
export type LinkRequestResult = { ok: true } | { ok: false; message: string };

/**
 * Email a single-use sign-in link. The same answer whether or not the address has been used
 * before, so the form cannot be used to find out who has responded.
 */
export function requestSignInLink(
  input: { email: string; redirectTo: string; address: string; lang?: LanguageCode },
  database: DB = defaultDb(),
): LinkRequestResult {
  const at = now();
  const email = normaliseEmail(input.email);
  // Shared through the database: every process counts the same emails (rate-limit.server.ts).
  if (!takeSharedAllowance(`link:address:${input.address}`, RATE_LIMITS.linkPerAddress, at, database)) return { ok: false, message: TOO_MANY_LINKS };
  const token = newToken();
  const redirectTo = safeReturnPath(input.redirectTo);
  const { council } = loadSettings(database);
  return writeTransaction((tx) => {
    const existing = tx.select({ id: t.respondents.id }).from(t.respondents).where(eq(t.respondents.email, email)).get();
    // Counted in the database: a restart must not reset how many emails one address can be sent.
    const since = new Date(at.getTime() - RATE_LIMITS.linkPerEmail.windowMs).toISOString();
    const recent = existing
      ? tx
          .select({ n: count() })
          .from(t.respondentLinks)
          .where(and(eq(t.respondentLinks.respondentId, existing.id), gt(t.respondentLinks.createdAt, since)))
          .get()!.n
      : 0;
    if (recent >= RATE_LIMITS.linkPerEmail.limit) return { ok: false, message: TOO_MANY_LINKS } as const;
    // Taken only for an email that will be sent: a request refused above sends nothing, so it
    // must not use up the hour's allowance and outlast the 15 minutes its message asks for.
    if (!takeSharedAllowance(`unproven-email:${email}`, RATE_LIMITS.unprovenEmailPerRecipient, at, tx)) return { ok: false, message: TOO_MANY_LINKS } as const;
    const lang = input.lang ?? DEFAULT_LANGUAGE;
    const respondentId =
      existing?.id ?? tx.insert(t.respondents).values({ email, language: lang, createdAt: at.toISOString() }).returning({ id: t.respondents.id }).get().id;
    // The language they sign in from is the one later emails to them are written in (issue 14).
    if (existing) tx.update(t.respondents).set({ language: lang }).where(eq(t.respondents.id, existing.id)).run();
    const link = tx
      .insert(t.respondentLinks)
      .values({
        respondentId,
        tokenHash: hashToken(token),
        redirectTo,
        expiresAt: new Date(at.getTime() + LINK_TTL_MS).toISOString(),
        createdAt: at.toISOString(),
      })
      .returning({ id: t.respondentLinks.id })
      .get();
    const url = `${baseUrl()}${withLanguage(`/verify/${token}`, lang)}`;
    queueEmail(tx, { idempotencyKey: `respondent-link:${link.id}`, event: "respondent.sign_in_link", to: email, ...signInLinkEmail({ council: council.name, url }, translator(lang)) });
    return { ok: true } as const;
  }, database);
}

// ─── Following a link ──────────────────────────────────────────────────────────
export type LinkUse = { ok: true; respondentId: number; sessionToken: string; redirectTo: string } | { ok: false };

/** Use a link once: marks it used, verifies the address and starts a session, in one transaction. */
export function redeemSignInLink(token: string, database: DB = defaultDb()): LinkUse {
  if (!isTokenShaped(token)) return { ok: false };
  const at = now().toISOString();
  const sessionToken = newToken();
  return writeTransaction((tx): LinkUse => {
    // The WHERE clause makes "once" hold even if two requests race.
    const link = tx
      .update(t.respondentLinks)
      .set({ usedAt: at })
      .where(and(eq(t.respondentLinks.tokenHash, hashToken(token)), isNull(t.respondentLinks.usedAt), gt(t.respondentLinks.expiresAt, at)))
      .returning({ respondentId: t.respondentLinks.respondentId, redirectTo: t.respondentLinks.redirectTo })
      .get();
    if (!link) return { ok: false };
    tx.update(t.respondents).set({ verifiedAt: at }).where(and(eq(t.respondents.id, link.respondentId), isNull(t.respondents.verifiedAt))).run();
    tx.insert(t.respondentSessions)
      .values({
        tokenHash: hashToken(sessionToken),
        respondentId: link.respondentId,
        createdAt: at,
        expiresAt: new Date(Date.parse(at) + RESPONDENT_SESSION_TTL_MS).toISOString(),
      })
      .run();
    return { ok: true, respondentId: link.respondentId, sessionToken, redirectTo: safeReturnPath(link.redirectTo) };
  }, database);
}

/** Whether a link would still work, without using it (the landing page asks before using it). */
export function linkIsUsable(token: string, database: DB = defaultDb()): boolean {
  if (!isTokenShaped(token)) return false;
  const row = database
    .select({ id: t.respondentLinks.id })
    .from(t.respondentLinks)
    .where(and(eq(t.respondentLinks.tokenHash, hashToken(token)), isNull(t.respondentLinks.usedAt), gt(t.respondentLinks.expiresAt, now().toISOString())))
    .get();
  return Boolean(row);
}

export async function sessionCookieHeader(sessionToken: string): Promise<string> {
  return respondentCookie().serialize(sessionToken);
}

// ─── Sessions ──────────────────────────────────────────────────────────────────
async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await respondentCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in respondent, or null (no cookie, or a session expired or signed out). */
export async function getRespondent(request: Request, database: DB = defaultDb()): Promise<Respondent | null> {
  const token = await readToken(request);
  if (!token) return null;
  const found = database
    .select({ respondent: t.respondents, expiresAt: t.respondentSessions.expiresAt, revokedAt: t.respondentSessions.revokedAt })
    .from(t.respondentSessions)
    .innerJoin(t.respondents, eq(t.respondents.id, t.respondentSessions.respondentId))
    .where(eq(t.respondentSessions.tokenHash, hashToken(token)))
    .get();
  if (!found || found.revokedAt || now().getTime() >= Date.parse(found.expiresAt)) return null;
  return found.respondent;
}

function signInPath(returnTo: string) {
  return `/respondents/sign-in?${new URLSearchParams({ redirectTo: returnTo })}`;
}

function here(request: Request) {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** The respondent, or a redirect to sign in that comes back here. */
export async function requireRespondent(request: Request, returnTo = here(request)): Promise<Respondent> {
  const respondent = await getRespondent(request);
  // In the language of the page that asked, so signing in reads the same (decision 028).
  if (!respondent) throw redirect(withLanguage(signInPath(safeReturnPath(returnTo)), languageOfRequest(request)));
  return respondent;
}

/**
 * A respondent who has read the privacy notice and said how they appear: the state every
 * submission needs. Otherwise a redirect to the step they have not done.
 */
export async function requireReadyRespondent(request: Request, returnTo = here(request)): Promise<Respondent> {
  const respondent = await requireRespondent(request, returnTo);
  const step = profileComplete(respondent);
  if (step) throw redirect(withLanguage(`/respondents/${step}?${new URLSearchParams({ redirectTo: safeReturnPath(returnTo) })}`, languageOfRequest(request)));
  return respondent;
}

export async function signOutRespondent(request: Request, database: DB = defaultDb()): Promise<string> {
  const token = await readToken(request);
  if (token) {
    database.update(t.respondentSessions).set({ revokedAt: now().toISOString() }).where(eq(t.respondentSessions.tokenHash, hashToken(token))).run();
  }
  return respondentCookie().serialize("", { expires: new Date(0), maxAge: 0 });
}

// ─── Before the first response ─────────────────────────────────────────────────
export function acceptPrivacyNotice(respondentId: number, database: DB = defaultDb()) {
  database
    .update(t.respondents)
    .set({ privacyAcceptedAt: now().toISOString() })
    .where(and(eq(t.respondents.id, respondentId), isNull(t.respondents.privacyAcceptedAt)))
    .run();
}

export type Profile = { name: string | null; showName: boolean; respondingAs: RespondingAs; organisationName: string | null };

export function saveProfile(respondentId: number, profile: Profile, database: DB = defaultDb()) {
  database
    .update(t.respondents)
    .set({
      name: profile.name,
      showName: profile.showName,
      respondingAs: profile.respondingAs,
      organisationName: profile.respondingAs === "organisation" ? profile.organisationName : null,
    })
    .where(eq(t.respondents.id, respondentId))
    .run();
}
