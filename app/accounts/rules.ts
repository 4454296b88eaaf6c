/**
 * Rules about staff accounts that need no I/O: what state an account is in, and the changes
 * an admin may not make because they would leave the council without an admin. Pure, so they
 * are unit-tested as the policy they encode.
 */
import type { Role } from "~/auth/roles";

export type AccountStatus = "active" | "invited" | "invitation_expired" | "not_signed_in" | "deactivated";

export const STATUS_LABELS: Record<AccountStatus, string> = {
  active: "Active",
  invited: "Invited",
  invitation_expired: "Invitation expired",
  not_signed_in: "Not signed in yet",
  deactivated: "Deactivated",
};

export function accountStatus(
  account: { disabledAt: string | null; hasPassword: boolean; ssoLinked: boolean; lastSignedInAt: string | null },
  invitation: { expiresAt: string; usedAt: string | null; revokedAt: string | null } | null,
  at: Date,
): AccountStatus {
  if (account.disabledAt) return "deactivated";
  if (account.hasPassword || account.ssoLinked || account.lastSignedInAt) return "active";
  if (invitation && !invitation.usedAt && !invitation.revokedAt) {
    return Date.parse(invitation.expiresAt) > at.getTime() ? "invited" : "invitation_expired";
  }
  return "not_signed_in";
}

export type AdminChange =
  | { kind: "roles"; actorId: number; userId: number; before: readonly Role[]; after: readonly Role[] }
  | { kind: "deactivate"; actorId: number; userId: number; roles: readonly Role[] };

/**
 * Why an admin may not make this change, or null. An admin never removes their own admin role
 * or deactivates themselves (another admin must), and no change may leave no active admin:
 * with none, nobody could manage accounts or settings without access to the server.
 * `activeAdmins` counts active accounts holding the admin role before the change.
 */
export function adminChangeRefusal(change: AdminChange, activeAdmins: number, userName: string): string | null {
  const self = change.actorId === change.userId;
  if (change.kind === "deactivate") {
    if (self) return "You cannot deactivate your own account. Another admin can do this";
    if (change.roles.includes("admin") && activeAdmins <= 1) return `${userName} is the only active admin. Give someone else the admin role first`;
    return null;
  }
  const losesAdmin = change.before.includes("admin") && !change.after.includes("admin");
  if (!losesAdmin) return null;
  if (self) return "You cannot remove your own admin role. Another admin can do this";
  if (activeAdmins <= 1) return `${userName} is the only active admin. Give someone else the admin role first`;
  return null;
}
