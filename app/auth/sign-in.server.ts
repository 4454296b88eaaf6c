/**
 * Checking a staff member's email and password. Every failure looks the same from outside —
 * same message, same work done — so the form cannot be used to find out which emails have
 * accounts. The throttle (throttle.server.ts) counts each attempt before the check.
 */
import { sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { verifyPassword } from "./password.server";
import { beginAttempt, finishAttempt, resetAttemptsForTests } from "./throttle.server";
import { landingPage } from "./permissions";

export const WRONG_CREDENTIALS_MESSAGE = "Enter a correct email address and password";

/** An argon2id hash (same parameters as hashPassword) of a password nobody knows, verified
 * against when there is no real hash so that the time taken does not reveal the account. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$KRINTR0BKUlleWPs5HInFw$nBxTL4z3amCb3mKE/nlmPsBzH3fL/CG3k2XlQ0Z+NgE";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type AuthResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "wrong-credentials"; message: string }
  | { ok: false; reason: "throttled"; message: string; retryAfterMs: number };

/**
 * Check an email and password. The attempt is recorded (throttle.server.ts) before the
 * password is checked, and refused with the time to wait when a limit is reached; accounts
 * that do not exist are throttled the same way, so the throttle reveals nothing either.
 */
export async function authenticate(email: string, password: string, options: { ip?: string } = {}): Promise<AuthResult> {
  const normalised = normaliseEmail(email);
  const attempt = beginAttempt({ account: normalised, address: options.ip ?? "unknown" });
  if (!attempt.ok) return { ok: false, reason: "throttled", message: attempt.message, retryAfterMs: attempt.retryAfterMs };

  const user = db()
    .select({ id: t.users.id, passwordHash: t.users.passwordHash, disabledAt: t.users.disabledAt })
    .from(t.users)
    .where(sql`lower(${t.users.email}) = ${normalised}`)
    .get();

  // Always one argon2 verify, whether or not the account exists or has a password.
  const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (user && user.passwordHash && !user.disabledAt && passwordMatches) {
    finishAttempt(attempt.attemptId, "succeeded");
    return { ok: true, userId: user.id };
  }
  finishAttempt(attempt.attemptId, "failed");
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
  resetAttemptsForTests();
}

/**
 * Where someone lands after signing in when no page asked for them: union reps who hold no
 * staff role go to their notices, everyone else to the staff area.
 */
export function landingPageFor(userId: number): string {
  const roles = db().select({ role: t.userRoles.role }).from(t.userRoles).where(sql`${t.userRoles.userId} = ${userId}`).all().map((r) => r.role);
  return landingPage(roles);
}
