/**
 * The account rules as policy: what state an account is in, and the changes that would leave
 * the council without an admin or let an admin lock themselves out.
 */
import { describe, expect, it } from "vitest";
import { accountSchema, inviteSchema, weakPasswordReason } from "~/accounts/forms";
import { accountStatus, adminChangeRefusal } from "~/accounts/rules";
import { roleList } from "~/auth/roles";

const AT = new Date("2026-12-01T10:00:00Z");
const fresh = { disabledAt: null, hasPassword: false, ssoLinked: false, lastSignedInAt: null };
const invitation = (expiresAt: string, extra: Partial<{ usedAt: string; revokedAt: string }> = {}) => ({ expiresAt, usedAt: null, revokedAt: null, ...extra });

describe("account status", () => {
  it.each([
    ["deactivated wins over everything", { ...fresh, hasPassword: true, disabledAt: "2026-11-01T00:00:00Z" }, null, "deactivated"],
    ["a password makes an account active", { ...fresh, hasPassword: true }, null, "active"],
    ["so does a linked single sign-on", { ...fresh, ssoLinked: true }, null, "active"],
    ["a live invitation", fresh, invitation("2026-12-05T00:00:00Z"), "invited"],
    ["an invitation past its time", fresh, invitation("2026-12-01T09:59:59Z"), "invitation_expired"],
    ["a replaced invitation is no invitation", fresh, invitation("2026-12-05T00:00:00Z", { revokedAt: "2026-11-30T00:00:00Z" }), "not_signed_in"],
    ["no password and no invitation (a rep added from the unions page)", fresh, null, "not_signed_in"],
  ] as const)("%s", (_, account, inv, expected) => {
    expect(accountStatus(account, inv, AT)).toBe(expected);
  });
});

describe("changes that would lock the council out", () => {
  const roles = (actorId: number, userId: number, before: string[], after: string[], admins: number) =>
    adminChangeRefusal({ kind: "roles", actorId, userId, before: before as never, after: after as never }, admins, "Chris Taylor");

  it("an admin may not remove their own admin role, however many admins there are", () => {
    expect(roles(1, 1, ["admin"], ["moderator"], 5)).toMatch(/cannot remove your own admin role/);
  });
  it("nobody may remove the admin role from the last active admin", () => {
    expect(roles(2, 1, ["admin"], ["officer"], 1)).toMatch(/Chris Taylor is the only active admin/);
  });
  it("another admin may, while another admin remains", () => {
    expect(roles(2, 1, ["admin", "officer"], ["officer"], 2)).toBeNull();
  });
  it("changes that keep the admin role are never refused on these grounds", () => {
    expect(roles(1, 1, ["admin"], ["admin", "officer"], 1)).toBeNull();
    expect(roles(1, 2, ["officer"], ["approver"], 1)).toBeNull();
  });
  it("an admin may not deactivate themselves, nor anyone the last admin", () => {
    expect(adminChangeRefusal({ kind: "deactivate", actorId: 1, userId: 1, roles: ["admin"] }, 3, "Chris")).toMatch(/your own account/);
    expect(adminChangeRefusal({ kind: "deactivate", actorId: 2, userId: 1, roles: ["admin"] }, 1, "Chris")).toMatch(/only active admin/);
    expect(adminChangeRefusal({ kind: "deactivate", actorId: 2, userId: 1, roles: ["officer"] }, 1, "Chris")).toBeNull();
  });
});

describe("the invitation and account forms", () => {
  it("keeps roles in one order, drops repeats, and refuses roles that do not exist", () => {
    const ok = inviteSchema.safeParse({ name: "A", email: "A@B.example", roles: ["approver", "officer", "officer"], serviceId: "3" });
    expect(ok.success && ok.data).toEqual({ name: "A", email: "a@b.example", roles: ["officer", "approver"], serviceId: 3, unionIds: [] });
    const bad = accountSchema.safeParse({ name: "A", roles: ["officer", "Admin"], serviceId: "1" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("“Admin” is not a role. Select roles from the list");
  });
  it("asks for a union for a rep and a service for an officer, and a union only of a rep", () => {
    const messages = (input: unknown) => accountSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ name: "A", roles: ["union_rep"] })).toEqual(["Select the union this person represents"]);
    expect(messages({ name: "A", roles: ["officer"], serviceId: "" })).toEqual(["Select the service this officer works in"]);
    expect(messages({ name: "A", roles: ["moderator"], unionIds: ["2"] })).toEqual(["Only a union representative represents a union: select that role, or no union"]);
    expect(messages({ name: "A", roles: ["union_rep"], unionIds: ["1; DROP TABLE"] })).toEqual(["Select unions from the list"]);
  });
  it("refuses a password that is the email address or one character repeated", () => {
    expect(weakPasswordReason("sam.okafor@northmoor.example", "Sam.Okafor@northmoor.example")).toMatch(/email/);
    expect(weakPasswordReason("aaaaaaaaaaaaaaaa", "x@y.example")).toMatch(/repeated/);
    expect(weakPasswordReason("river lantern copper", "x@y.example")).toBeNull();
  });
  it("names roles in the council's words", () => {
    expect(roleList(["approver", "officer"])).toBe("Officer and Approver");
    expect(roleList(["admin", "union_rep", "moderator"])).toBe("Union representative, Moderator and Admin");
    expect(roleList([])).toBe("No role");
  });
});
