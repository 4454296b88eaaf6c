/**
 * The roles, in the council's words, for the pages where admins give them out. Pure. What each
 * role may do is permissions.ts; this is only how a role is named and explained.
 */
import { ROLES, type Role } from "#db/schema";

export { ROLES, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  officer: "Officer",
  approver: "Approver",
  union_rep: "Union representative",
  moderator: "Moderator",
  decision_maker: "Decision maker",
  admin: "Admin",
};

export const ROLE_HINTS: Record<Role, string> = {
  officer: "Drafts and edits their service's proposals, answers comments, enters paper and phone responses",
  approver: "Signs proposals off for publication (never their own)",
  union_rep: "Sees proposals under advance notice for their union and sends confidential feedback",
  moderator: "Works the moderation queue under the house rules",
  decision_maker: "Records the decision after reading the outcome report",
  admin: "Manages staff accounts, unions, services and settings",
};

/** Roles that make someone staff. A union representative alone is not: reps are often not
 * council employees, and sign in through their personal notice links. */
export const STAFF_ROLES = ROLES.filter((r) => r !== "union_rep") as Exclude<Role, "union_rep">[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** "Officer and Approver", in the order of ROLES whatever order they were given in. */
export function roleList(roles: readonly Role[]): string {
  const labels = ROLES.filter((r) => roles.includes(r)).map(roleLabel);
  if (labels.length <= 1) return labels[0] ?? "No role";
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
