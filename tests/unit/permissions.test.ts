/**
 * Who may do what, written out as the policy in DESIGN.md's "People and roles": every role
 * against every action, so a change to permissions.ts shows up here as a deliberate edit.
 */
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "#db/schema";
import { ACTIONS, can, isStaff, type Action, type Viewer } from "~/auth/permissions";

const EXPECTED: Record<Action, readonly Role[]> = {
  // officers draft and edit their service's proposals; admins can act for any service
  "proposal:create": ["officer", "admin"],
  "proposal:edit": ["officer", "admin"],
  "proposal:edit-any-service": ["admin"],
  "proposal:submit": ["officer", "admin"],
  // sign-off is the approver's alone (never their own proposal: lifecycle.ts checks that)
  "proposal:approve": ["approver"],
  "proposal:reject": ["approver"],
  "proposal:withdraw": ["officer", "approver", "admin"],
  // the staff area; union reps see proposals only through their notices
  "proposal:view-staff": ["officer", "approver", "moderator", "decision_maker", "admin"],
  "notice:view": ["union_rep"],
  "comment:moderate": ["moderator", "admin"],
  // an outcome report is signed off by an approver (never one who drafted it: lifecycle.ts)
  "outcome:approve": ["approver"],
  "decision:record": ["decision_maker"],
  "admin:manage": ["admin"],
};

function viewerWith(...roles: Role[]): Viewer {
  return { id: 1, name: "Test", email: "test@council.example", roles, serviceId: null, unionIds: [] };
}

describe("can: role × action", () => {
  it("covers every action in permissions.ts", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = ROLES.flatMap((role) =>
    (Object.keys(EXPECTED) as Action[]).map((action) => ({ role, action, allowed: EXPECTED[action].includes(role) })),
  );

  it.each(cases)("$role may $action: $allowed", ({ role, action, allowed }) => {
    expect(can(viewerWith(role), action)).toBe(allowed);
  });

  it("lets nobody signed out do anything", () => {
    for (const action of Object.keys(ACTIONS) as Action[]) expect(can(null, action)).toBe(false);
  });

  it("gives a signed-in user with no roles nothing", () => {
    for (const action of Object.keys(ACTIONS) as Action[]) expect(can(viewerWith(), action)).toBe(false);
  });

  it("adds up the roles of someone who holds several", () => {
    const repAndOfficer = viewerWith("officer", "union_rep");
    expect(can(repAndOfficer, "proposal:create")).toBe(true);
    expect(can(repAndOfficer, "notice:view")).toBe(true);
    expect(can(repAndOfficer, "proposal:approve")).toBe(false);
  });
});

describe("isStaff", () => {
  it("is true for the staff-area roles and false for a union rep alone or the public", () => {
    expect(isStaff(viewerWith("moderator"))).toBe(true);
    expect(isStaff(viewerWith("union_rep"))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});
