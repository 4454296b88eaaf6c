/**
 * Staff accounts through the real route modules on the demo council: an admin invites, the
 * invited person sets a password through the single-use link and signs in; roles, service and
 * unions change; deactivation ends every session at once; and each refused attempt (an address
 * already registered, a role that does not exist, an admin removing their own admin role or
 * deactivating themselves, a malformed body) changes nothing and is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { verifyAuditChain } from "~/audit/audit.server";
import { getViewer } from "~/auth/session.server";
import { resetThrottleForTests } from "~/auth/sign-in.server";
import { advanceClock, setClock } from "~/lib/clock";
import { action as deactivateAction } from "~/routes/staff.admin.users.$id_.deactivate";
import { action as editAction, loader as editLoader } from "~/routes/staff.admin.users.$id_.edit";
import { action as accountAction, loader as accountLoader } from "~/routes/staff.admin.users.$id";
import { loader as listLoader } from "~/routes/staff.admin.users._index";
import { action as inviteAction, loader as inviteLoader } from "~/routes/staff.admin.users.invite";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/staff.invitation.$token";
import { action as signInAction } from "~/routes/staff.sign-in";
import { DAY, SEED_DATE, cookieFor, cookieFrom, get, linkIn, outboxFor, run, seedCouncil, user } from "../fixtures/notifications-council";

const PASSWORD = "river lantern copper thistle";
let admin: string;
let adminId: number;
let camhs: number;
let unison: number;

beforeAll(async () => {
  await seedCouncil();
  admin = await cookieFor("admin@northmoor.example");
  adminId = user("admin@northmoor.example").id;
  camhs = db().select().from(t.services).where(eq(t.services.slug, "camhs")).get()!.id;
  unison = db().select().from(t.unions).where(eq(t.unions.shortName, "UNISON")).get()!.id;
}, 60_000);

afterAll(() => setClock(null));

/** A form post with repeated fields (checkboxes), as a browser sends it. */
function form(url: string, pairs: [string, string][], cookie?: string) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(pairs),
  });
}

const invite = (pairs: [string, string][], cookie = admin) => run(() => inviteAction({ request: form("/staff/admin/users/invite", pairs, cookie), params: {}, context: {} }));

function fieldErrors(value: unknown): Record<string, string[]> {
  return ((value as { data?: { error?: Record<string, string[]> } }).data?.error ?? {}) as Record<string, string[]>;
}

function counts() {
  const n = (table: typeof t.users | typeof t.outbox | typeof t.staffInvitations) => db().select({ n: sql<number>`count(*)` }).from(table).get()!.n;
  return { users: n(t.users), outbox: n(t.outbox), invitations: n(t.staffInvitations) };
}

function lastAudit() {
  return db().select().from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1).get()!;
}

function rolesOf(id: number) {
  return db().select().from(t.userRoles).where(eq(t.userRoles.userId, id)).all().map((r) => r.role).sort();
}

async function signInWith(email: string, password: string) {
  resetThrottleForTests();
  return run(() => signInAction({ request: form("/staff/sign-in", [["email", email], ["password", password]]), params: {}, context: {} }));
}

describe("inviting a member of staff", () => {
  it("creates the account with its roles and service, emails a single-use link, and the person signs in with the password they set", async () => {
    expect((await run(() => inviteLoader({ request: get("/staff/admin/users/invite", admin), params: {}, context: {} }))).status).toBe(200);
    const invited = await invite([["name", "Priya Nair"], ["email", " Priya.Nair@Northmoor.example "], ["roles", "officer"], ["roles", "approver"], ["serviceId", String(camhs)]]);
    expect(invited.status).toBe(302);

    const priya = user("priya.nair@northmoor.example");
    expect(priya).toMatchObject({ name: "Priya Nair", serviceId: camhs, passwordHash: null, lastSignedInAt: null });
    expect(rolesOf(priya.id)).toEqual(["approver", "officer"]);
    expect(lastAudit()).toMatchObject({ action: "user.invited", actorId: adminId, entityId: priya.id });

    const [email] = outboxFor("staff_invitation").filter((r) => r.toAddress === "priya.nair@northmoor.example");
    expect(email.subject).toContain("invited");
    expect(email.textBody).toContain("Officer and Approver");
    const link = linkIn(email.textBody, "/staff/invitation/");
    const token = link.split("/").pop()!;

    // The list shows the invitation waiting.
    const list = await run(() => listLoader({ request: get("/staff/admin/users", admin), params: {}, context: {} }));
    const row = (list.value as { accounts: { email: string; status: string; lastSignedInAt: string | null }[] }).accounts.find((a) => a.email === "priya.nair@northmoor.example");
    expect(row).toMatchObject({ status: "invited", lastSignedInAt: null });

    // Opening the link (a mail scanner, say) uses nothing.
    for (let i = 0; i < 2; i++) expect((await run(() => setPasswordLoader({ request: get(link), params: { token }, context: {} }))).status).toBe(200);

    // Too short, and two that differ: refused beside the fields, the link still good.
    const short = await run(() => setPasswordAction({ request: form(link, [["password", "short"], ["confirmPassword", "short"]]), params: { token }, context: {} }));
    expect(short.status).toBe(400);
    const differ = await run(() => setPasswordAction({ request: form(link, [["password", PASSWORD], ["confirmPassword", `${PASSWORD}!`]]), params: { token }, context: {} }));
    expect(differ.status).toBe(400);
    const own = await run(() => setPasswordAction({ request: form(link, [["password", "priya.nair@northmoor.example"], ["confirmPassword", "priya.nair@northmoor.example"]]), params: { token }, context: {} }));
    expect(own.status).toBe(400);
    expect(JSON.stringify(own.value)).not.toContain(PASSWORD);

    const set = await run(() => setPasswordAction({ request: form(link, [["password", PASSWORD], ["confirmPassword", PASSWORD]]), params: { token }, context: {} }));
    expect(set.status).toBe(302);
    expect(set.response!.headers.get("Location")).toBe("/staff");
    const viewer = await getViewer(get("/staff", cookieFrom(set.response!)));
    expect(viewer).toMatchObject({ id: priya.id, roles: expect.arrayContaining(["officer", "approver"]), serviceId: camhs });
    expect(user("priya.nair@northmoor.example").lastSignedInAt).not.toBeNull();

    // Single use: the link now gets the "expired or used" page, and no form.
    const again = await run(() => setPasswordLoader({ request: get(link), params: { token }, context: {} }));
    expect(again.status).toBe(410);
    const reuse = await run(() => setPasswordAction({ request: form(link, [["password", "another long password"], ["confirmPassword", "another long password"]]), params: { token }, context: {} }));
    expect(reuse.status).toBe(410);

    // And the password works at the sign-in page.
    expect((await signInWith("priya.nair@northmoor.example", PASSWORD)).status).toBe(302);
    const shown = (await run(() => listLoader({ request: get("/staff/admin/users", admin), params: {}, context: {} }))).value as { accounts: { email: string; status: string; lastSignedInAt: string | null }[] };
    expect(shown.accounts.find((a) => a.email === "priya.nair@northmoor.example")).toMatchObject({ status: "active", lastSignedInAt: expect.any(String) });
    expect(verifyAuditChain(db())).toBeNull();
  });

  it("a union representative is given their union, and the link expires after the setting's days", async () => {
    const invited = await invite([["name", "Owen Price"], ["email", "owen.price@unison.example"], ["roles", "union_rep"], ["unionIds", String(unison)]]);
    expect(invited.status).toBe(302);
    const owen = user("owen.price@unison.example");
    expect(db().select().from(t.unionReps).where(eq(t.unionReps.userId, owen.id)).all()).toEqual([{ unionId: unison, userId: owen.id }]);
    const link = linkIn(outboxFor("staff_invitation").find((r) => r.toAddress === "owen.price@unison.example")!.textBody, "/staff/invitation/");
    const token = link.split("/").pop()!;
    advanceClock(7 * DAY + 1000);
    try {
      expect((await run(() => setPasswordLoader({ request: get(link), params: { token }, context: {} }))).status).toBe(410);
      // A week later the admin signs in afresh.
      const later = await cookieFor("admin@northmoor.example");
      const list = (await run(() => listLoader({ request: get("/staff/admin/users", later), params: {}, context: {} }))).value as { accounts: { email: string; status: string }[] };
      expect(list.accounts.find((a) => a.email === "owen.price@unison.example")?.status).toBe("invitation_expired");

      // A new invitation works; the old link stays dead.
      const resent = await run(() => accountAction({ request: form(`/staff/admin/users/${owen.id}`, [["intent", "send-link"]], later), params: { id: String(owen.id) }, context: {} }));
      expect(resent.status).toBe(302);
      const newLink = linkIn(outboxFor("staff_invitation").filter((r) => r.toAddress === "owen.price@unison.example").at(-1)!.textBody, "/staff/invitation/");
      expect(newLink).not.toBe(link);
      expect((await run(() => setPasswordLoader({ request: get(newLink), params: { token: newLink.split("/").pop() }, context: {} }))).status).toBe(200);
      expect((await run(() => setPasswordLoader({ request: get(link), params: { token }, context: {} }))).status).toBe(410);
    } finally {
      setClock(SEED_DATE);
      // Signing in a week later cleared the admin's expired sessions: sign in again.
      admin = await cookieFor("admin@northmoor.example");
    }
  });
});

describe("refused invitations change nothing and are audited", () => {
  const cases: { what: string; pairs: [string, string][]; field: string; message: RegExp }[] = [
    { what: "an address already registered (in any case)", pairs: [["name", "Someone Else"], ["email", "OFFICER@northmoor.example"], ["roles", "officer"], ["serviceId", "1"]], field: "email", message: /already has an account/ },
    { what: "a role that does not exist", pairs: [["name", "Sam Super"], ["email", "sam.super@northmoor.example"], ["roles", "superuser"]], field: "roles", message: /“superuser” is not a role/ },
    { what: "no role at all", pairs: [["name", "No Role"], ["email", "no.role@northmoor.example"]], field: "roles", message: /Select at least one role/ },
    { what: "an officer with no service", pairs: [["name", "No Service"], ["email", "no.service@northmoor.example"], ["roles", "officer"]], field: "serviceId", message: /Select the service/ },
    { what: "a service that does not exist", pairs: [["name", "Ghost Service"], ["email", "ghost@northmoor.example"], ["roles", "officer"], ["serviceId", "99999"]], field: "serviceId", message: /Select a service from the list/ },
    { what: "a union rep with no union", pairs: [["name", "No Union"], ["email", "no.union@northmoor.example"], ["roles", "union_rep"]], field: "unionIds", message: /Select the union/ },
    { what: "an address that is not one", pairs: [["name", "Bad Address"], ["email", "not-an-address"], ["roles", "moderator"]], field: "email", message: /correct format/ },
  ];

  for (const c of cases) {
    it(c.what, async () => {
      const before = counts();
      const auditBefore = lastAudit().id;
      const refused = await invite(c.pairs);
      expect(refused.status).toBe(400);
      expect(fieldErrors(refused.value)[c.field]?.join(" ")).toMatch(c.message);
      expect(counts()).toEqual(before);
      const entry = lastAudit();
      expect(entry.id).toBeGreaterThan(auditBefore);
      expect(entry).toMatchObject({ action: "user.invite_refused", actorId: adminId });
    });
  }

  it("malformed bodies get a 4xx, never a 500; only admins may invite", async () => {
    const before = counts();
    const raw = (body: BodyInit, type: string) =>
      run(() => inviteAction({ request: new Request("http://localhost/staff/admin/users/invite", { method: "POST", headers: { "Content-Type": type, Cookie: admin }, body }), params: {}, context: {} }));
    expect((await raw("", "application/x-www-form-urlencoded")).status).toBe(400);
    expect((await raw("roles=admin&roles=admin&email[]=x&name=%00", "application/x-www-form-urlencoded")).status).toBe(400);
    expect((await raw(`name=${"x".repeat(5000)}&email=a@b.example&roles=moderator`, "application/x-www-form-urlencoded")).status).toBe(400);
    expect((await invite([["name", "Rogue"], ["email", "rogue@northmoor.example"], ["roles", "admin"]], await cookieFor("officer@northmoor.example"))).status).toBe(403);
    expect(counts()).toEqual(before);
  });
});

describe("changing an account", () => {
  it("changes roles, service and unions, audited with what changed from what", async () => {
    const id = user("moderator@northmoor.example").id;
    expect((await run(() => editLoader({ request: get(`/staff/admin/users/${id}/edit`, admin), params: { id: String(id) }, context: {} }))).status).toBe(200);
    const changed = await run(() =>
      editAction({ request: form(`/staff/admin/users/${id}/edit`, [["name", "Joanne Hughes"], ["roles", "moderator"], ["roles", "officer"], ["serviceId", String(camhs)]], admin), params: { id: String(id) }, context: {} }),
    );
    expect(changed.status).toBe(302);
    expect(rolesOf(id)).toEqual(["moderator", "officer"]);
    expect(lastAudit()).toMatchObject({ action: "user.changed", entityId: id, detail: { roles: { from: ["moderator"], to: ["officer", "moderator"] }, serviceId: { from: null, to: camhs } } });

    // The account page shows it, with the history.
    const page = await run(() => accountLoader({ request: get(`/staff/admin/users/${id}`, admin), params: { id: String(id) }, context: {} }));
    expect(page.value).toMatchObject({ account: { roles: ["officer", "moderator"], serviceName: "Children's Mental Health (CAMHS)" }, history: expect.arrayContaining([expect.objectContaining({ action: "user.changed" })]) });
  });

  it("refuses an admin removing their own admin role, and a role that does not exist, with nothing changed", async () => {
    const before = rolesOf(adminId);
    const own = await run(() => editAction({ request: form(`/staff/admin/users/${adminId}/edit`, [["name", "Chris Taylor"], ["roles", "moderator"]], admin), params: { id: String(adminId) }, context: {} }));
    expect(own.status).toBe(400);
    expect(fieldErrors(own.value).roles.join(" ")).toMatch(/cannot remove your own admin role/);
    expect(rolesOf(adminId)).toEqual(before);
    expect(lastAudit()).toMatchObject({ action: "user.change_refused", entityId: adminId });

    const officer = user("officer@northmoor.example").id;
    const bogus = await run(() => editAction({ request: form(`/staff/admin/users/${officer}/edit`, [["name", "Sam Okafor"], ["roles", "officer"], ["roles", "root"], ["serviceId", String(camhs)]], admin), params: { id: String(officer) }, context: {} }));
    expect(bogus.status).toBe(400);
    expect(fieldErrors(bogus.value).roles.join(" ")).toMatch(/“root” is not a role/);
    expect(rolesOf(officer)).toEqual(["officer"]);
    expect(lastAudit()).toMatchObject({ action: "user.change_refused", entityId: officer });

    // An unknown account is the 404; a malformed id too.
    expect((await run(() => editAction({ request: form("/staff/admin/users/99999/edit", [["name", "X"]], admin), params: { id: "99999" }, context: {} }))).status).toBe(404);
    expect((await run(() => editLoader({ request: get("/staff/admin/users/abc/edit", admin), params: { id: "abc" }, context: {} }))).status).toBe(404);
  });

  it("another admin may take the admin role away; the one left can neither remove their own nor deactivate themselves", async () => {
    // A second admin, signed in.
    await invite([["name", "Second Admin"], ["email", "admin2@northmoor.example"], ["roles", "admin"]]);
    const second = user("admin2@northmoor.example");
    const secondCookie = await cookieFor("admin2@northmoor.example");
    const demote = await run(() => editAction({ request: form(`/staff/admin/users/${adminId}/edit`, [["name", "Chris Taylor"], ["roles", "moderator"]], secondCookie), params: { id: String(adminId) }, context: {} }));
    expect(demote.status).toBe(302);
    expect(rolesOf(adminId)).toEqual(["moderator"]);

    // Now the second admin is the last one: they cannot remove their own role, and cannot be deactivated by themselves.
    const self = await run(() => deactivateAction({ request: form(`/staff/admin/users/${second.id}/deactivate`, [], secondCookie), params: { id: String(second.id) }, context: {} }));
    expect(self.status).toBe(400);
    expect(JSON.stringify(self.value)).toMatch(/cannot deactivate your own account/);
    expect(user("admin2@northmoor.example").disabledAt).toBeNull();
    expect(lastAudit()).toMatchObject({ action: "user.deactivate_refused", actorId: second.id });

    // Restore the demo's admin.
    const restore = await run(() => editAction({ request: form(`/staff/admin/users/${adminId}/edit`, [["name", "Chris Taylor"], ["roles", "admin"]], secondCookie), params: { id: String(adminId) }, context: {} }));
    expect(restore.status).toBe(302);
  });
});

describe("ending someone's sessions", () => {
  it("an admin signs a person out everywhere: every session ends, it is in the audit log and the history, and they can sign in again", async () => {
    const officer = user("officer.ict@northmoor.example");
    const sessions = [await cookieFor(officer.email), await cookieFor(officer.email)];
    for (const c of sessions) expect(await getViewer(get("/staff", c))).not.toBeNull();

    // Only an admin may ask.
    const notAdmin = await run(() => accountAction({ request: form(`/staff/admin/users/${officer.id}`, [["intent", "sign-out-everywhere"]], sessions[0]), params: { id: String(officer.id) }, context: {} }));
    expect(notAdmin.status).toBe(403);
    for (const c of sessions) expect(await getViewer(get("/staff", c))).not.toBeNull();

    advanceClock(1000);
    const done = await run(() => accountAction({ request: form(`/staff/admin/users/${officer.id}`, [["intent", "sign-out-everywhere"]], admin), params: { id: String(officer.id) }, context: {} }));
    expect(done.status).toBe(302);
    expect(done.response!.headers.get("Location")).toBe(`/staff/admin/users/${officer.id}?done=signed-out`);
    for (const c of sessions) expect(await getViewer(get("/staff", c))).toBeNull();
    expect(lastAudit()).toMatchObject({ action: "user.signed_out_everywhere", actorId: adminId, entityId: officer.id, detail: { sessionsEnded: 2 } });
    const page = (await run(() => accountLoader({ request: get(`/staff/admin/users/${officer.id}`, admin), params: { id: String(officer.id) }, context: {} }))).value as { history: { action: string; actorId: number | null }[] };
    expect(page.history[0]).toMatchObject({ action: "user.signed_out_everywhere", actorId: adminId });
    // The admin is still signed in; the person signs in again as usual.
    expect(await getViewer(get("/staff", admin))).not.toBeNull();
    advanceClock(1000);
    const again = await signInWith(officer.email, "demo-officer-ict-2026");
    expect(again.status).toBe(302);
    expect((await getViewer(get("/staff", cookieFrom(again.response!))))?.id).toBe(officer.id);
  });

  it("an admin cannot sign themselves out everywhere from the page: 400, nothing ended", async () => {
    const refused = await run(() => accountAction({ request: form(`/staff/admin/users/${adminId}`, [["intent", "sign-out-everywhere"]], admin), params: { id: String(adminId) }, context: {} }));
    expect(refused.status).toBe(400);
    expect(await getViewer(get("/staff", admin))).not.toBeNull();
    expect(lastAudit()).toMatchObject({ action: "user.sign_out_everywhere_refused", entityId: adminId });
  });

  it("setting a new password through the admin's link ends the person's other sessions, and signs them in afresh", async () => {
    const officer = user("officer.libraries@northmoor.example");
    const other = await cookieFor(officer.email);
    expect(await getViewer(get("/staff", other))).not.toBeNull();

    const sent = await run(() => accountAction({ request: form(`/staff/admin/users/${officer.id}`, [["intent", "send-link"]], admin), params: { id: String(officer.id) }, context: {} }));
    expect(sent.status).toBe(302);
    const link = linkIn(outboxFor("staff_password_link").filter((r) => r.toAddress === officer.email).at(-1)!.textBody, "/staff/invitation/");
    const token = link.split("/").pop()!;
    advanceClock(1000);
    const newPassword = "lantern meadow quartz violin";
    const set = await run(() => setPasswordAction({ request: form(link, [["password", newPassword], ["confirmPassword", newPassword]]), params: { token }, context: {} }));
    expect(set.status).toBe(302);

    expect(await getViewer(get("/staff", other))).toBeNull();
    expect((await getViewer(get("/staff", cookieFrom(set.response!))))?.id).toBe(officer.id);
    expect(db().select().from(t.auditLog).where(eq(t.auditLog.action, "user.password_reset")).all().at(-1)).toMatchObject({ actorId: officer.id, entityId: officer.id, detail: { sessionsEnded: 1 } });
    expect((await signInWith(officer.email, "demo-officer-libraries-2026")).status).toBe(400);
  });
});

describe("deactivating and reactivating", () => {
  it("ends every session at once, refuses sign-in and links, and reactivation lets them back", async () => {
    const officer = user("officer.youth@northmoor.example");
    const sessions = [await cookieFor(officer.email), await cookieFor(officer.email)];
    for (const c of sessions) expect(await getViewer(get("/staff", c))).not.toBeNull();

    const done = await run(() => deactivateAction({ request: form(`/staff/admin/users/${officer.id}/deactivate`, [], admin), params: { id: String(officer.id) }, context: {} }));
    expect(done.status).toBe(302);
    for (const c of sessions) expect(await getViewer(get("/staff", c))).toBeNull();
    expect(lastAudit()).toMatchObject({ action: "user.deactivated", entityId: officer.id, detail: { sessionsEnded: 2 } });
    expect((await signInWith(officer.email, "demo-officer-youth-2026")).status).toBe(400);

    // No link can be sent to a deactivated account.
    const link = await run(() => accountAction({ request: form(`/staff/admin/users/${officer.id}`, [["intent", "send-link"]], admin), params: { id: String(officer.id) }, context: {} }));
    expect(link.status).toBe(400);

    const back = await run(() => accountAction({ request: form(`/staff/admin/users/${officer.id}`, [["intent", "reactivate"]], admin), params: { id: String(officer.id) }, context: {} }));
    expect(back.status).toBe(302);
    expect(lastAudit()).toMatchObject({ action: "user.reactivated", entityId: officer.id });
    expect((await signInWith(officer.email, "demo-officer-youth-2026")).status).toBe(302);
  });

  it("a deactivated invitee's link stops working", async () => {
    await invite([["name", "Leaving Soon"], ["email", "leaving@northmoor.example"], ["roles", "moderator"]]);
    const leaving = user("leaving@northmoor.example");
    const link = linkIn(outboxFor("staff_invitation").find((r) => r.toAddress === "leaving@northmoor.example")!.textBody, "/staff/invitation/");
    await run(() => deactivateAction({ request: form(`/staff/admin/users/${leaving.id}/deactivate`, [], admin), params: { id: String(leaving.id) }, context: {} }));
    expect((await run(() => setPasswordLoader({ request: get(link), params: { token: link.split("/").pop() }, context: {} }))).status).toBe(410);
  });

  it("an unknown intent is a 400", async () => {
    const id = user("officer@northmoor.example").id;
    expect((await run(() => accountAction({ request: form(`/staff/admin/users/${id}`, [["intent", "delete-everything"]], admin), params: { id: String(id) }, context: {} }))).status).toBe(400);
    expect((await run(() => accountAction({ request: form(`/staff/admin/users/${id}`, [], admin), params: { id: String(id) }, context: {} }))).status).toBe(400);
  });
});
