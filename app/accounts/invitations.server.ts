/**
 * The invited person's side: a single-use, expiring link to set a password. Opening the link
 * (GET) only shows the form, so a mail scanner that follows links cannot spend it; setting
 * the password uses it, ends any other session the person had, and signs them in.
 */
import { and, eq, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { revokeUserSessions } from "~/auth/session.server";
import { passwordSignInAllowed } from "~/auth/sso-rules";
import { ssoProvider } from "~/auth/sso-config.server";
import { loadSettings } from "~/lib/settings.server";
import { hashToken, isTokenShaped } from "~/notifications/tokens.server";

function usable(token: string | undefined, at: Date, database: DB) {
  if (!isTokenShaped(token)) return null;
  const found = database
    .select({ invitation: t.staffInvitations, user: t.users })
    .from(t.staffInvitations)
    .innerJoin(t.users, eq(t.users.id, t.staffInvitations.userId))
    .where(eq(t.staffInvitations.tokenHash, hashToken(token)))
    .get();
  if (!found) return null;
  const { invitation, user } = found;
  if (invitation.usedAt || invitation.revokedAt || user.disabledAt) return null;
  if (Date.parse(invitation.expiresAt) <= at.getTime()) return null;
  const roles = database.select({ role: t.userRoles.role }).from(t.userRoles).where(eq(t.userRoles.userId, user.id)).all().map((r) => r.role);
  // Switched to single sign-on only since the link was sent: there is no password to set.
  if (!passwordSignInAllowed(roles, loadSettings(database), Boolean(ssoProvider()))) return null;
  return { invitationId: invitation.id, userId: user.id, name: user.name, email: user.email, newPassword: Boolean(user.passwordHash) };
}

/** Who the link is for, if it still works; null for an unknown, used, replaced or expired link. */
export function peekInvitation(token: string | undefined, at: Date, database: DB = defaultDb()) {
  const found = usable(token, at, database);
  return found ? { name: found.name, email: found.email, newPassword: found.newPassword } : null;
}

/** Use the link: set the password (hashed by the caller) and end every other session. */
export function acceptInvitation(token: string | undefined, passwordHash: string, at: Date, database: DB = defaultDb()): { userId: number } | null {
  return writeTransaction((tx) => {
    const found = usable(token, at, tx);
    if (!found) return null;
    const claimed = tx
      .update(t.staffInvitations)
      .set({ usedAt: at.toISOString() })
      .where(and(eq(t.staffInvitations.id, found.invitationId), isNull(t.staffInvitations.usedAt)))
      .run();
    if (!claimed.changes) return null;
    tx.update(t.users).set({ passwordHash }).where(eq(t.users.id, found.userId)).run();
    const sessionsEnded = revokeUserSessions(found.userId, tx);
    appendAudit(tx, {
      actorId: found.userId,
      action: found.newPassword ? "user.password_reset" : "user.invitation_accepted",
      entityType: "user",
      entityId: found.userId,
      detail: { invitationId: found.invitationId, sessionsEnded },
    });
    return { userId: found.userId };
  }, database);
}
