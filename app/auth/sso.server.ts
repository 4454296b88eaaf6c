/**
 * Single sign-on with the council's identity provider over OpenID Connect (authorization code
 * flow with PKCE), through openid-client. The library checks the protocol: the state (this
 * browser started this sign-in), the nonce (the ID token was minted for this sign-in), the PKCE
 * verifier, the issuer, the audience and the signature. This module decides who that person is
 * here: an account linked to them before, or an invited account with the same, trusted email
 * address; never anyone else unless the council lets its groups create accounts.
 * Decision record: docs/decisions (single sign-on).
 */
import { randomBytes } from "node:crypto";
import * as client from "openid-client";
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { and, eq, isNull, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now } from "~/lib/clock";
import { baseUrl, env } from "~/lib/env.server";
import type { Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { ROLES, type Role } from "./roles";
import { ssoProvider, type SsoProvider } from "./sso-config.server";
import { emailTrusted, groupsDecideRoles, inAllowedDomain, identityFromClaims, passwordSignInAllowed, rolesFromGroups, syncedRoles, type SsoIdentity } from "./sso-rules";
import { createUserSession, safeRedirect } from "./session.server";
import { landingPageFor } from "./sign-in.server";

export const SSO_ATTEMPT_COOKIE = "__plainsight_sso";
/** How long someone has at the identity provider before the sign-in must start again. */
const ATTEMPT_SECONDS = 10 * 60;
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export type SsoRefusalReason =
  | "no_attempt"
  | "state"
  | "nonce"
  | "issuer"
  | "protocol"
  | "provider_error"
  | "no_identity"
  | "email_not_trusted"
  | "not_invited"
  | "linked_elsewhere"
  | "deactivated"
  | "no_role";

export type SsoRefusal = { ok: false; reason: SsoRefusalReason; message: string; status: 400 | 403 };

const TRY_AGAIN = "Single sign-on could not be completed, so you have not been signed in. Try again, and if it happens again tell your IT service desk.";

function protocolRefusal(reason: SsoRefusalReason): SsoRefusal {
  return { ok: false, reason, message: TRY_AGAIN, status: 400 };
}

// ─── The provider's configuration (discovered, cached) ─────────────────────────

let cached: { key: string; at: number; config: client.Configuration } | undefined;
let testFetch: client.CustomFetch | undefined;

function isLoopback(url: string) {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

async function configuration(provider: SsoProvider): Promise<client.Configuration> {
  const key = `${provider.issuer}\u0000${provider.clientId}`;
  if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const config = await client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
    // Plain HTTP only for an issuer on this machine (a test provider); never for a real one.
    execute: isLoopback(provider.issuer) && provider.issuer.startsWith("http:") ? [client.allowInsecureRequests] : [],
    ...(testFetch ? { [client.customFetch]: testFetch } : {}),
  });
  cached = { key, at: Date.now(), config };
  return config;
}

/** Tests only: route the client's requests to the provider through `fetchImpl` (or back to fetch). */
export function setSsoFetchForTests(fetchImpl: client.CustomFetch | undefined) {
  testFetch = fetchImpl;
  cached = undefined;
}

export function callbackUrl(): string {
  return `${baseUrl()}/staff/sso/callback`;
}

// ─── The sign-in attempt, held in a signed cookie between leaving and coming back ─

type Attempt = { state: string; nonce: string; verifier: string; redirectTo: string };

let attemptCookie: Cookie | undefined;
const processSecret = randomBytes(32).toString("hex");

function cookie(): Cookie {
  const e = env();
  attemptCookie ??= createCookie(SSO_ATTEMPT_COOKIE, {
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which Lax allows.
    sameSite: "lax",
    path: "/staff/sso",
    maxAge: ATTEMPT_SECONDS,
    secure: baseUrl().startsWith("https://") || (e.NODE_ENV === "production" && !e.PLAINSIGHT_DEMO),
    secrets: [e.SESSION_SECRET ?? processSecret],
  });
  return attemptCookie;
}

async function readAttempt(request: Request): Promise<Attempt | null> {
  const value: unknown = await cookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const a = value as Record<string, unknown>;
  if (typeof a.state !== "string" || typeof a.nonce !== "string" || typeof a.verifier !== "string") return null;
  return { state: a.state, nonce: a.nonce, verifier: a.verifier, redirectTo: typeof a.redirectTo === "string" ? a.redirectTo : "" };
}

async function clearAttempt(): Promise<string> {
  return cookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Send the browser to the provider, remembering what it must bring back. */
export async function startSso(redirectTo: string): Promise<Response> {
  const provider = ssoProvider();
  if (!provider) throw new Response("Single sign-on is not set up", { status: 404 });
  let config: client.Configuration;
  try {
    config = await configuration(provider);
  } catch {
    throw new Response(`${provider.label} cannot be reached at the moment. Try again in a few minutes, or sign in with a password if you have one.`, { status: 503 });
  }
  const attempt: Attempt = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), redirectTo: redirectTo ? safeRedirect(redirectTo) : "" };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(),
    scope: "openid email profile",
    response_type: "code",
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(attempt.verifier),
    code_challenge_method: "S256",
  });
  return redirect(url.href, { headers: { "Set-Cookie": await cookie().serialize(attempt), "Cache-Control": "no-store" } });
}

/** The messages of an error and its causes: openid-client wraps oauth4webapi's, which say what failed. */
function messages(error: unknown): string {
  const seen: string[] = [];
  for (let e = error, i = 0; e instanceof Error && i < 5; e = e.cause, i++) seen.push(e.message);
  return seen.join(" / ");
}

function classify(error: unknown): SsoRefusalReason {
  const message = messages(error);
  if (error instanceof client.AuthorizationResponseError) return "provider_error";
  if (/"state"/.test(message)) return "state";
  if (/"nonce"/.test(message)) return "nonce";
  if (/"iss"/.test(message)) return "issuer";
  return "protocol";
}

/**
 * The provider's answer. Success: a session and a redirect to where the person's work is.
 * Refusal: nobody signed in, nothing changed but the audit entry that records the attempt.
 */
export async function finishSso(request: Request): Promise<Response | SsoRefusal> {
  const provider = ssoProvider();
  if (!provider) throw new Response("Single sign-on is not set up", { status: 404 });
  const attempt = await readAttempt(request);
  const url = new URL(request.url);
  const refuse = (refusal: SsoRefusal, detail: Record<string, unknown> = {}, userId: number | null = null) => {
    writeTransaction((tx) => appendAudit(tx, { actorId: userId, action: "auth.sso_refused", entityType: "user", entityId: userId, detail: { reason: refusal.reason, ...detail } }));
    return refusal;
  };
  if (!attempt) return refuse(protocolRefusal("no_attempt"));
  const providerError = url.searchParams.get("error");
  if (providerError) {
    return refuse({ ok: false, reason: "provider_error", status: 400, message: `${provider.label} did not sign you in (${providerError.slice(0, 60)}). Try again.` }, { error: providerError.slice(0, 200) });
  }

  let claims: Record<string, unknown>;
  try {
    const config = await configuration(provider);
    // The provider answered at the registered callback address, whatever this server's own
    // view of its address is (behind a proxy): rebuild it from BASE_URL with the answer's query.
    const answered = new URL(callbackUrl());
    answered.search = url.search;
    const tokens = await client.authorizationCodeGrant(config, answered, {
      pkceCodeVerifier: attempt.verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  } catch (error) {
    const reason = classify(error);
    return refuse(protocolRefusal(reason), { error: messages(error).slice(0, 300) || "unknown" });
  }

  const settings = loadSettings();
  const identity = identityFromClaims(claims, settings.signIn.sso.groupsClaim);
  if (!identity) return refuse(protocolRefusal("no_identity"));
  const result = resolveAccount(identity, settings, now());
  if (!result.ok) return refuse(result, { email: identity.email, subject: identity.subject }, result.userId ?? null);
  const response = await createUserSession(result.userId, attempt.redirectTo || landingPageFor(result.userId));
  response.headers.append("Set-Cookie", await clearAttempt());
  return response;
}

/** The cookie header that forgets an attempt, for the refusal page's response. */
export function forgetAttempt(): Promise<string> {
  return clearAttempt();
}

// ─── Who the person is here ────────────────────────────────────────────────────

function rolesOf(tx: DB, userId: number): Role[] {
  return tx.select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, userId)).all().map((r) => r.role);
}

function otherActiveAdmins(tx: DB, userId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(t.userRoles)
      .innerJoin(t.users, eq(t.users.id, t.userRoles.userId))
      .where(and(eq(t.userRoles.role, "admin"), isNull(t.users.disabledAt), sql`${t.users.id} <> ${userId}`))
      .get()?.n ?? 0
  );
}

type Resolution = { ok: true; userId: number } | (SsoRefusal & { userId?: number });

const NOT_INVITED = (label: string) =>
  `Your account with ${label} does not give you access to this service. Ask an admin to invite you, using the email address you sign in with.`;

/**
 * Find (or, where the council allows, create) the account for a validated identity, in one
 * transaction: link on first use, follow the groups' roles if the council maps them.
 */
export function resolveAccount(identity: SsoIdentity, settings: Settings, at: Date, database: DB = defaultDb()): Resolution {
  const label = ssoProvider()?.label ?? "your council account";
  const mapping = settings.signIn.sso.groupRoles;
  const fromGroups = rolesFromGroups(identity.groups, mapping);
  return writeTransaction((tx): Resolution => {
    let user = tx.select().from(t.users).where(and(eq(t.users.ssoIssuer, identity.issuer), eq(t.users.ssoSubject, identity.subject))).get();
    if (!user) {
      const byEmail = identity.email ? tx.select().from(t.users).where(sql`lower(${t.users.email}) = ${identity.email}`).get() : undefined;
      if (byEmail) {
        // An address the provider does not vouch for, outside the council's own domains, could
        // be anyone's: it never unlocks an invited account.
        if (!emailTrusted(identity, settings)) return { ok: false, reason: "email_not_trusted", status: 403, message: NOT_INVITED(label), userId: byEmail.id };
        // Linked to someone else at this provider: never moved by an address. (A link made at a
        // previous provider is replaced: the council changed its issuer.)
        if (byEmail.ssoSubject && byEmail.ssoIssuer === identity.issuer) return { ok: false, reason: "linked_elsewhere", status: 403, message: `This email address is already linked to another ${label}. Ask an admin to check your account.`, userId: byEmail.id };
        if (byEmail.disabledAt) return { ok: false, reason: "deactivated", status: 403, message: "Your account has been deactivated. Ask an admin if you think this is wrong.", userId: byEmail.id };
        tx.update(t.users).set({ ssoIssuer: identity.issuer, ssoSubject: identity.subject }).where(eq(t.users.id, byEmail.id)).run();
        appendAudit(tx, { actorId: byEmail.id, action: "auth.sso_linked", entityType: "user", entityId: byEmail.id, detail: { issuer: identity.issuer, subject: identity.subject } });
        user = { ...byEmail, ssoIssuer: identity.issuer, ssoSubject: identity.subject };
      } else if (settings.signIn.sso.createAccounts && identity.email && inAllowedDomain(identity.email, settings.signIn.sso.allowedDomains) && fromGroups.length > 0) {
        user = tx
          .insert(t.users)
          .values({ email: identity.email, name: identity.name ?? identity.email, ssoIssuer: identity.issuer, ssoSubject: identity.subject, createdAt: at.toISOString() })
          .returning()
          .get();
        tx.insert(t.userRoles).values(fromGroups.map((role) => ({ userId: user!.id, role }))).run();
        appendAudit(tx, { actorId: null, action: "user.created_by_sso", entityType: "user", entityId: user.id, detail: { email: identity.email, roles: fromGroups, issuer: identity.issuer } });
        return { ok: true, userId: user.id };
      } else {
        return { ok: false, reason: "not_invited", status: 403, message: NOT_INVITED(label) };
      }
    }
    if (user.disabledAt) return { ok: false, reason: "deactivated", status: 403, message: "Your account has been deactivated. Ask an admin if you think this is wrong.", userId: user.id };

    let roles = rolesOf(tx, user.id);
    if (groupsDecideRoles(settings)) {
      let next = syncedRoles(roles, fromGroups);
      // The groups never take the admin role from the council's last active admin.
      if (roles.includes("admin") && !next.includes("admin") && otherActiveAdmins(tx, user.id) === 0) next = ROLES.filter((r) => r === "admin" || next.includes(r));
      // Someone taken out of every group loses their staff roles here too, so that a password
      // cannot keep what the directory took away.
      if (next.length !== roles.length || next.some((r) => !roles.includes(r))) {
        tx.delete(t.userRoles).where(eq(t.userRoles.userId, user.id)).run();
        if (next.length) tx.insert(t.userRoles).values(next.map((role) => ({ userId: user!.id, role }))).run();
        appendAudit(tx, { actorId: null, action: "user.roles_synced", entityType: "user", entityId: user.id, detail: { from: roles, to: next, groups: identity.groups.slice(0, 50) } });
      }
      if (next.length === 0) return { ok: false, reason: "no_role", status: 403, message: `Your account with ${label} is not in a group that gives access to this service. Ask an admin.`, userId: user.id };
      roles = next;
    }
    if (roles.length === 0) return { ok: false, reason: "no_role", status: 403, message: "Your account has no role in this service yet. Ask an admin.", userId: user.id };
    return { ok: true, userId: user.id };
  }, database);
}

/**
 * Why this person may not sign in with their password (the council has switched passwords off
 * for staff, and single sign-on is set up), or null. Asked only after the password was right,
 * so the answer tells nobody anything they could not already do.
 */
export function passwordSignInRefusal(userId: number, database: DB = defaultDb()): string | null {
  const provider = ssoProvider();
  if (!provider) return null;
  const settings = loadSettings(database);
  if (passwordSignInAllowed(rolesOf(database, userId), settings, true)) return null;
  return `Staff sign in with ${provider.label}. Use the “Sign in with ${provider.label}” button.`;
}
