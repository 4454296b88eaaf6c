/**
 * The second factor for staff: a time-based one-time code (TOTP, RFC 6238, the codes an
 * authenticator app shows) with ten one-time recovery codes for a lost phone. Optional for
 * everyone; required for admins and approvers when the council turns it on (settings:
 * signIn.requireTwoFactor, on the Sign-in settings page).
 *
 * - The shared secret is stored encrypted (AES-256-GCM under a key derived from the cookie
 *   secret), recovery codes only as keyed hashes.
 * - A code works once: the step it was accepted for is remembered.
 * - Every check goes through the sign-in throttle (throttle.server.ts), keyed on the account's
 *   second factor, so six digits cannot be guessed by a burst.
 *
 * Between the password and the code, the browser holds a short-lived signed cookie naming the
 * account (never a session): `pendingSignIn` / `readPendingSignIn`. Any way of proving the
 * first factor (a password now, single sign-on later) calls `afterFirstFactor`.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from "node:crypto";
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import * as t from "#db/schema";
import type { Role } from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now } from "~/lib/clock";
import { derivedKey, sessionSecret } from "~/lib/secrets.server";
import { loadSettings } from "~/lib/settings.server";
import { cookiesAreSecure, createUserSession, safeRedirect } from "./session.server";
import { beginAttempt, finishAttempt } from "./throttle.server";

const PERIOD = 30;
const DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const PENDING_TTL_S = 10 * 60;

// ─── Secrets at rest ───────────────────────────────────────────────────────────
function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-secret"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

function decrypt(stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1") throw new Error("unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("totp-secret"), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

function totpFor(secretBase32: string, label: string): TOTP {
  const issuer = loadSettings().council.shortName;
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: DIGITS, period: PERIOD });
}

function recoveryHash(userId: number, code: string): string {
  return createHmac("sha256", derivedKey("recovery-code")).update(`${userId}:${code.replace(/[\s-]/g, "").toLowerCase()}`).digest("hex");
}

function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

// ─── Who needs it ──────────────────────────────────────────────────────────────
export function twoFactorRequired(roles: readonly Role[], database: DB = defaultDb()): boolean {
  return loadSettings(database).signIn.requireTwoFactor && roles.some((r) => r === "admin" || r === "approver");
}

function rolesOf(userId: number, database: DB): Role[] {
  return database.select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, userId)).all().map((r) => r.role);
}

export function twoFactorStatus(userId: number, database: DB = defaultDb()) {
  const user = database.select({ enabledAt: t.users.totpEnabledAt }).from(t.users).where(eq(t.users.id, userId)).get();
  const unused = database.select({ id: t.recoveryCodes.id }).from(t.recoveryCodes).where(and(eq(t.recoveryCodes.userId, userId), isNull(t.recoveryCodes.usedAt))).all().length;
  return { enabled: Boolean(user?.enabledAt), enabledAt: user?.enabledAt ?? null, recoveryCodesLeft: unused, required: twoFactorRequired(rolesOf(userId, database), database) };
}

// ─── Setting it up ─────────────────────────────────────────────────────────────
/**
 * The secret to scan: the one made earlier and not yet confirmed (so a page shown again, or a
 * code typed wrong, does not invalidate what the app already holds), or a new one. Refused
 * while a second factor is in use.
 */
export async function beginEnrolment(userId: number, database: DB = defaultDb()): Promise<{ secret: string; uri: string; qrSvg: string } | null> {
  const user = database.select().from(t.users).where(eq(t.users.id, userId)).get();
  if (!user || user.totpEnabledAt) return null;
  let secret = user.totpSecret ? decrypt(user.totpSecret) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    database.update(t.users).set({ totpSecret: encrypt(secret), totpLastStep: null }).where(and(eq(t.users.id, userId), isNull(t.users.totpEnabledAt))).run();
  }
  const uri = totpFor(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), uri, qrSvg };
}

export type CodeCheck = { ok: true; recoveryCodes?: string[] } | { ok: false; message: string; status: 400 | 429 };

const WRONG_CODE = "Enter the 6-digit code your authenticator app shows now, or one of your recovery codes";

/** The step a code is valid for, or null; a step already used is refused (a code works once). */
function acceptTotp(user: typeof t.users.$inferSelect, code: string, tx: DB): boolean {
  if (!user.totpSecret || !/^\d{6}$/.test(code)) return false;
  const totp = totpFor(decrypt(user.totpSecret), user.email);
  const at = now().getTime();
  const delta = totp.validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(at / 1000 / PERIOD) + delta;
  if (user.totpLastStep != null && step <= user.totpLastStep) return false;
  tx.update(t.users).set({ totpLastStep: step }).where(eq(t.users.id, user.id)).run();
  return true;
}

function throttled<T extends CodeCheck>(userId: number, address: string, check: (tx: DB) => T): CodeCheck {
  const attempt = beginAttempt({ account: `second-factor:${userId}`, address });
  if (!attempt.ok) return { ok: false, message: attempt.message, status: 429 };
  const result = writeTransaction(check);
  finishAttempt(attempt.attemptId, result.ok ? "succeeded" : "failed");
  return result;
}

/** Confirm the app shows the right code: two-factor is on, and the recovery codes are made (shown once). */
export function confirmEnrolment(userId: number, code: string, address: string): CodeCheck {
  return throttled(userId, address, (tx) => {
    const user = tx.select().from(t.users).where(eq(t.users.id, userId)).get();
    if (!user || user.totpEnabledAt || !acceptTotp(user, code.replace(/\s/g, ""), tx)) return { ok: false as const, message: "Enter the 6-digit code your authenticator app shows now", status: 400 as const };
    tx.update(t.users).set({ totpEnabledAt: now().toISOString() }).where(eq(t.users.id, userId)).run();
    const recoveryCodes = replaceRecoveryCodes(userId, tx);
    appendAudit(tx, { actorId: userId, action: "auth.two_factor_on", entityType: "user", entityId: userId, detail: null });
    return { ok: true as const, recoveryCodes };
  });
}

function replaceRecoveryCodes(userId: number, tx: DB): string[] {
  tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  tx.insert(t.recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryHash(userId, code), createdAt: now().toISOString() }))).run();
  return codes;
}

/** New recovery codes (the old ones stop working); needs a current code. */
export function regenerateRecoveryCodes(userId: number, code: string, address: string): CodeCheck {
  return throttled(userId, address, (tx) => {
    const user = tx.select().from(t.users).where(eq(t.users.id, userId)).get();
    if (!user?.totpEnabledAt || !acceptTotp(user, code.replace(/\s/g, ""), tx)) return { ok: false as const, message: "Enter the 6-digit code your authenticator app shows now", status: 400 as const };
    const recoveryCodes = replaceRecoveryCodes(userId, tx);
    appendAudit(tx, { actorId: userId, action: "auth.recovery_codes_replaced", entityType: "user", entityId: userId, detail: null });
    return { ok: true as const, recoveryCodes };
  });
}

/** Turn it off (not allowed while the council requires it for this person's roles). */
export function disableTwoFactor(userId: number, code: string, address: string): CodeCheck {
  if (twoFactorRequired(rolesOf(userId, defaultDb()))) return { ok: false, message: "The council requires a second factor for your role, so it cannot be turned off", status: 400 };
  return throttled(userId, address, (tx) => {
    const user = tx.select().from(t.users).where(eq(t.users.id, userId)).get();
    if (!user?.totpEnabledAt || !(acceptTotp(user, code.replace(/\s/g, ""), tx) || useRecoveryCode(user.id, code, tx))) return { ok: false as const, message: WRONG_CODE, status: 400 as const };
    tx.update(t.users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(t.users.id, userId)).run();
    tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId)).run();
    appendAudit(tx, { actorId: userId, action: "auth.two_factor_off", entityType: "user", entityId: userId, detail: null });
    return { ok: true as const };
  });
}

function useRecoveryCode(userId: number, code: string, tx: DB): boolean {
  const used = tx
    .update(t.recoveryCodes)
    .set({ usedAt: now().toISOString() })
    .where(and(eq(t.recoveryCodes.userId, userId), eq(t.recoveryCodes.codeHash, recoveryHash(userId, code)), isNull(t.recoveryCodes.usedAt)))
    .run().changes;
  return used === 1;
}

/** At sign-in: a current code, or an unused recovery code (used up by this). */
export function verifySecondFactor(userId: number, code: string, address: string): CodeCheck {
  return throttled(userId, address, (tx) => {
    const user = tx.select().from(t.users).where(eq(t.users.id, userId)).get();
    if (!user?.totpEnabledAt || user.disabledAt) return { ok: false as const, message: WRONG_CODE, status: 400 as const };
    const trimmed = code.trim();
    if (acceptTotp(user, trimmed.replace(/\s/g, ""), tx) || useRecoveryCode(user.id, trimmed, tx)) {
      appendAudit(tx, { actorId: userId, action: "auth.second_factor", entityType: "user", entityId: userId, detail: null });
      return { ok: true as const };
    }
    return { ok: false as const, message: WRONG_CODE, status: 400 as const };
  });
}

// ─── Between the password and the code ────────────────────────────────────────
type Pending = { userId: number; redirectTo: string; expiresAt: number; enrol: boolean };

let pendingCookie: Cookie | undefined;

function pending(): Cookie {
  pendingCookie ??= createCookie("__plainsight_2fa", { httpOnly: true, sameSite: "lax", path: "/staff/sign-in", secure: cookiesAreSecure(), secrets: [sessionSecret()], maxAge: PENDING_TTL_S });
  return pendingCookie;
}

export async function readPendingSignIn(request: Request): Promise<Pending | null> {
  const value = (await pending().parse(request.headers.get("Cookie"))) as Pending | null;
  if (!value || typeof value.userId !== "number" || typeof value.expiresAt !== "number" || value.expiresAt < now().getTime()) return null;
  const user = defaultDb().select({ disabledAt: t.users.disabledAt }).from(t.users).where(eq(t.users.id, value.userId)).get();
  return user && !user.disabledAt ? value : null;
}

export async function clearPendingSignIn(): Promise<string> {
  return pending().serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * The first factor is proved (a password; later single sign-on): ask for the code, or for
 * setting one up where the council requires it, or start the session.
 */
export async function afterFirstFactor(userId: number, redirectTo: string): Promise<Response> {
  const database = defaultDb();
  const user = database.select({ enabledAt: t.users.totpEnabledAt }).from(t.users).where(eq(t.users.id, userId)).get();
  const enrol = !user?.enabledAt && twoFactorRequired(rolesOf(userId, database), database);
  if (!user?.enabledAt && !enrol) return createUserSession(userId, redirectTo);
  const value: Pending = { userId, redirectTo: safeRedirect(redirectTo), expiresAt: now().getTime() + PENDING_TTL_S * 1000, enrol };
  return redirect(enrol ? "/staff/sign-in/set-up-two-factor" : "/staff/sign-in/two-factor", { headers: { "Set-Cookie": await pending().serialize(value) } });
}

/** The second factor is proved: the session starts, and the step's cookie goes. */
export async function completeSignIn(p: Pending): Promise<Response> {
  const response = await createUserSession(p.userId, p.redirectTo);
  response.headers.append("Set-Cookie", await clearPendingSignIn());
  return response;
}

export type { Pending as PendingSignIn };

/** Tests: the code an authenticator would show now for a stored secret. */
export function currentCodeForTests(userId: number, at: Date = now(), database: DB = defaultDb()): string {
  const user = database.select().from(t.users).where(eq(t.users.id, userId)).get()!;
  return totpFor(decrypt(user.totpSecret!), user.email).generate({ timestamp: at.getTime() });
}
