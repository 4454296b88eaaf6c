/**
 * Checking a staff member's email and password. Every failure looks the same from outside —
 * same message, same work done — so the form cannot be used to find out which emails have
 * accounts.
 */
import { sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { now } from "~/lib/clock";
import { verifyPassword } from "./password.server";
import { landingPage } from "./permissions";

export const WRONG_CREDENTIALS_MESSAGE = "Enter a correct email address and password";
export const TOO_MANY_ATTEMPTS_MESSAGE = "Too many attempts. Wait 15 minutes and try again.";

/** An argon2id hash (same parameters as hashPassword) of a password nobody knows, verified
 * against when there is no real hash so that the time taken does not reveal the account. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$KRINTR0BKUlleWPs5HInFw$nBxTL4z3amCb3mKE/nlmPsBzH3fL/CG3k2XlQ0Z+NgE";

export const MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * In memory, per process: enough for one council's single-process deployment, and it
 * resets on restart. Keyed by email and client address, so one attacker cannot lock every
 * address out of an account (when the server passes the client address in).
 */
const failures = new Map<string, number[]>();

function throttleKey(email: string, ip: string) {
  return `${email}\u0000${ip}`;
}

function recentFailures(key: string, at: number): number[] {
  const recent = (failures.get(key) ?? []).filter((when) => at - when < THROTTLE_WINDOW_MS);
  if (recent.length) failures.set(key, recent);
  else failures.delete(key);
  return recent;
}

function sweep(at: number) {
  // Bounded memory under a spray of different emails: drop keys with no recent failures.
  if (failures.size < 10_000) return;
  for (const key of [...failures.keys()]) recentFailures(key, at);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type AuthResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "wrong-credentials" | "throttled"; message: string };

export async function authenticate(email: string, password: string, options: { ip?: string } = {}): Promise<AuthResult> {
  const normalised = normaliseEmail(email);
  const key = throttleKey(normalised, options.ip ?? "unknown");
  const at = now().getTime();
  sweep(at);
  if (recentFailures(key, at).length >= MAX_FAILURES) {
    return { ok: false, reason: "throttled", message: TOO_MANY_ATTEMPTS_MESSAGE };
  }

  const user = db()
    .select({ id: t.users.id, passwordHash: t.users.passwordHash, disabledAt: t.users.disabledAt })
    .from(t.users)
    .where(sql`lower(${t.users.email}) = ${normalised}`)
    .get();

  // Always one argon2 verify, whether or not the account exists or has a password.
  const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (user && user.passwordHash && !user.disabledAt && passwordMatches) {
    failures.delete(key);
    return { ok: true, userId: user.id };
  }

  failures.set(key, [...recentFailures(key, at), at]);
  return { ok: false, reason: "wrong-credentials", message: WRONG_CREDENTIALS_MESSAGE };
}

/**
 * The client's address, when the server puts it in the load context (the Express adapter's
 * getLoadContext: `{ clientAddress: req.ip }`). Never read from X-Forwarded-For here: anyone
 * can set that header, and a new value per attempt would dodge the throttle.
 */
export function clientAddressFrom(context: unknown): string | undefined {
  const value = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  return typeof value === "string" && value ? value : undefined;
}

/** Tests start each case with no remembered failures. */
export function resetThrottleForTests() {
  failures.clear();
}

/**
 * Where someone lands after signing in when no page asked for them: union reps who hold no
 * staff role go to their notices, everyone else to the staff area.
 */
export function landingPageFor(userId: number): string {
  const roles = db().select({ role: t.userRoles.role }).from(t.userRoles).where(sql`${t.userRoles.userId} = ${userId}`).all().map((r) => r.role);
  return landingPage(roles);
}
