/**
 * Who may do what: role × action. Pure, so the rules are unit-tested without a server.
 * Object-level checks (an approver may not approve their own proposal, an officer may edit
 * only their own service's proposals) live with the rule they belong to (lifecycle.ts, visibility.ts).
 */
import type { Role } from "#db/schema";

export type Viewer = {
  id: number;
  name: string;
  email: string;
  roles: Role[];
  /** the officer's service, if any */
  serviceId: number | null;
  /** unions this user represents (union reps) */
  unionIds: number[];
} | null;

export type SignedInViewer = NonNullable<Viewer>;

export const ACTIONS = {
  "proposal:create": ["officer", "admin"],
  "proposal:edit": ["officer", "admin"],
  "proposal:edit-any-service": ["admin"],
  "proposal:submit": ["officer", "admin"],
  "proposal:approve": ["approver"],
  "proposal:reject": ["approver"],
  "proposal:withdraw": ["officer", "approver", "admin"],
  "proposal:view-staff": ["officer", "approver", "moderator", "decision_maker", "admin"],
  "notice:view": ["union_rep"],
  "comment:moderate": ["moderator", "admin"],
  "outcome:approve": ["approver"],
  "decision:record": ["decision_maker"],
  "admin:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function can(viewer: Viewer, action: Action): boolean {
  if (!viewer) return false;
  const allowed: readonly Role[] = ACTIONS[action];
  return viewer.roles.some((r) => allowed.includes(r));
}

export function isStaff(viewer: Viewer): boolean {
  return can(viewer, "proposal:view-staff");
}

export function landingPage(roles: readonly Role[]): string {
  const viewer = { id: 0, name: "", email: "", roles: [...roles], serviceId: null, unionIds: [] };
  if (isStaff(viewer)) return "/staff";
  if (roles.includes("union_rep")) return "/notices";
  return "/";
}
