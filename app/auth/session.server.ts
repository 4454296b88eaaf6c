/**
 * Staff sessions. The cookie carries a random token; the sessions table stores only its
 * SHA-256, so a copy of the database cannot sign anyone in, and a row can be revoked (sign-out,
 * an admin disabling a user) with immediate effect — a signed cookie alone could not be.
 * Decision record: docs/decisions (sessions).
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { and, eq, isNull, lt } from "drizzle-orm";
import * as t from "#db/schema";
import { db, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now } from "~/lib/clock";
import { baseUrl, env } from "~/lib/env.server";
import { sessionSecret } from "~/lib/secrets.server";
import { safeRedirect as normalisedRedirect } from "~/lib/redirects";
import { hashPassword } from "./password.server";
import { can, type Action, type SignedInViewer, type Viewer } from "./permissions";

export const SESSION_COOKIE_NAME = "__plainsight_session";
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so that every page view is not a write */
const TOUCH_INTERVAL_MS = 60 * 1000;

let cookie: Cookie | undefined;

function sessionCookie(): Cookie {
  if (cookie) return cookie;
  cookie = createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookiesAreSecure(),
    // From the environment, or (demo, development) kept in the data folder so that a restart
    // does not sign anyone out (app/lib/secrets.server.ts).
    secrets: [sessionSecret()],
    // No maxAge: a browser-session cookie, so closing the browser on a shared council
    // computer ends it; the server enforces the idle and absolute timeouts regardless.
  });
  return cookie;
}

/**
 * Secure wherever the site is served over HTTPS (BASE_URL), and always in a real production
 * deployment; never on the http demo, where browsers that do not treat the address as secure
 * would drop the cookie.
 */
export function cookiesAreSecure(): boolean {
  const e = env();
  return baseUrl().startsWith("https://") || (e.NODE_ENV === "production" && !e.PLAINSIGHT_DEMO);
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** A path on this site to go to after signing in, or the staff area (app/lib/redirects.ts). */
export function safeRedirect(to: unknown, fallback = "/staff"): string {
  return normalisedRedirect(to, fallback);
}

/** Start a session for a user who has just proved who they are, and send them on. */
export async function createUserSession(userId: number, redirectTo: string): Promise<Response> {
  const token = randomBytes(32).toString("base64url");
  const at = now();
  writeTransaction((tx) => {
    // Housekeeping: this user's sessions past their absolute expiry are of no further use.
    tx.delete(t.sessions)
      .where(and(eq(t.sessions.userId, userId), lt(t.sessions.expiresAt, at.toISOString())))
      .run();
    const row = tx
      .insert(t.sessions)
      .values({
        tokenHash: hashToken(token),
        userId,
        createdAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
      })
      .returning({ id: t.sessions.id })
      .get();
    tx.update(t.users).set({ lastSignedInAt: at.toISOString() }).where(eq(t.users.id, userId)).run();
    // Housekeeping and defence in depth: sessions from before a password change or an admin's
    // "end every session" are over (getViewer refuses them too).
    const user = tx.select({ changedAt: t.users.credentialsChangedAt }).from(t.users).where(eq(t.users.id, userId)).get();
    if (user?.changedAt) {
      tx.update(t.sessions)
        .set({ revokedAt: at.toISOString() })
        .where(and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt), lt(t.sessions.createdAt, user.changedAt)))
        .run();
    }
    appendAudit(tx, { actorId: userId, action: "auth.sign_in", entityType: "user", entityId: userId, detail: { sessionId: row.id } });
  });
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": await sessionCookie().serialize(token) },
  });
}

/** End the session in the request (if any) and clear the cookie. */
export async function signOut(request: Request): Promise<Response> {
  const token = await readToken(request);
  if (token) {
    const at = now().toISOString();
    writeTransaction((tx) => {
      const row = tx
        .update(t.sessions)
        .set({ revokedAt: at })
        .where(and(eq(t.sessions.tokenHash, hashToken(token)), isNull(t.sessions.revokedAt)))
        .returning({ id: t.sessions.id, userId: t.sessions.userId })
        .get();
      if (row) {
        appendAudit(tx, { actorId: row.userId, action: "auth.sign_out", entityType: "user", entityId: row.userId, detail: { sessionId: row.id } });
      }
    });
  }
  return redirect("/", {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { expires: new Date(0), maxAge: 0 }) },
  });
}

/** Who is making the request: null for the public, an expired, revoked or disabled session. */
export async function getViewer(request: Request): Promise<Viewer> {
  const token = await readToken(request);
  if (!token) return null;
  const database = db();
  const found = database
    .select({ session: t.sessions, user: t.users })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(eq(t.sessions.tokenHash, hashToken(token)))
    .get();
  if (!found) return null;
  const { session, user } = found;
  const at = now();
  const lastSeen = Date.parse(session.lastSeenAt);
  if (session.revokedAt || user.disabledAt) return null;
  // The password changed, or an admin ended every session, after this one began.
  if (user.credentialsChangedAt && Date.parse(session.createdAt) < Date.parse(user.credentialsChangedAt)) return null;
  if (at.getTime() >= Date.parse(session.expiresAt)) return null;
  if (at.getTime() - lastSeen >= IDLE_TIMEOUT_MS) return null;

  if (at.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
    database.update(t.sessions).set({ lastSeenAt: at.toISOString() }).where(eq(t.sessions.id, session.id)).run();
  }

  const roles = database.select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, user.id)).all();
  const unions = database.select({ unionId: t.unionReps.unionId }).from(t.unionReps).where(eq(t.unionReps.userId, user.id)).all();
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: roles.map((r) => r.role),
    serviceId: user.serviceId,
    unionIds: unions.map((u) => u.unionId),
  };
}

/** The signed-in viewer, or a redirect to sign in that comes back to this page afterwards. */
export async function requireViewer(request: Request): Promise<SignedInViewer> {
  const viewer = await getViewer(request);
  if (viewer) return viewer;
  const url = new URL(request.url);
  const back = safeRedirect(url.pathname + url.search);
  throw redirect(`/staff/sign-in?${new URLSearchParams({ redirectTo: back })}`);
}

/** The signed-in viewer if their roles allow `action`; otherwise a 403 (or sign-in redirect). */
export async function requirePermission(request: Request, action: Action): Promise<SignedInViewer> {
  const viewer = await requireViewer(request);
  if (!can(viewer, action)) {
    throw new Response("You do not have permission to do this", { status: 403 });
  }
  return viewer;
}

/**
 * A member of staff (officer, approver, moderator, decision maker, admin): every page under
 * /staff calls this, or requirePermission with a staff action, in its loader and its action.
 * A union rep or anyone else signed in gets 403; the public are sent to sign in.
 */
export function requireStaff(request: Request): Promise<SignedInViewer> {
  return requirePermission(request, "proposal:view-staff");
}

/**
 * A new password, or an admin asking for it: every session that began before now ends (the
 * next request from it is signed out), in the caller's transaction. Accounts pages (issue 9)
 * and password changes call this.
 */
export function endSessionsBefore(userId: number, tx: DB = db(), at: Date = now()): number {
  tx.update(t.users).set({ credentialsChangedAt: at.toISOString() }).where(eq(t.users.id, userId)).run();
  return revokeUserSessions(userId, tx);
}

/** Set a new password: stored hashed, and every other session ends. */
export async function changePassword(userId: number, newPassword: string, actorId: number | null): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  writeTransaction((tx) => {
    tx.update(t.users).set({ passwordHash }).where(eq(t.users.id, userId)).run();
    endSessionsBefore(userId, tx);
    appendAudit(tx, { actorId, action: "auth.password_changed", entityType: "user", entityId: userId, detail: null });
  });
}

/**
 * End every live session of a user (disabled, roles changed, password reset). Pass the
 * caller's transaction so the revocation commits with the change that caused it.
 */
export function revokeUserSessions(userId: number, tx: DB = db()): number {
  const result = tx
    .update(t.sessions)
    .set({ revokedAt: now().toISOString() })
    .where(and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt)))
    .run();
  return result.changes;
}
