/**
 * The admin side of notifications through the real route modules: only admins get in; the
 * directory's forms refuse bad input beside the field; the notice period setting is used by the
 * rules; the demo inbox exists only without a mail server; the demo's notice history; the
 * test-only clock control is off unless both its switches are on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, writeTransaction } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { resetEnvForTests } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import { parseMemberEmails, staffGroupSchema } from "~/notifications/directory-forms";
import { seedNoticeHistory } from "~/notifications/demo.server";
import { notifyStaffAtOpening } from "~/notifications/staff.server";
import { loadNotificationRecord } from "~/notifications/record.server";
import { loader as adminLoader } from "~/routes/staff.admin._index";
import { loader as inboxLoader } from "~/routes/staff.admin.inbox._index";
import { action as settingsAction } from "~/routes/staff.admin.settings.$section";
import { action as groupAction, loader as groupLoader } from "~/routes/staff.admin.staff-groups.$id";
import { action as testControls } from "~/routes/staff.admin.test-controls";
import { action as unionAction } from "~/routes/staff.admin.unions.$id";
import { action as unionsAction } from "~/routes/staff.admin.unions._index";
import { cookieFor, get, post, proposal, run, seedCouncil } from "../fixtures/notifications-council";

let admin: string;

beforeAll(async () => {
  await seedCouncil();
  admin = await cookieFor("admin@northmoor.example");
}, 60_000);

afterAll(() => setClock(null));

describe("who may use the admin pages", () => {
  it("admins only: an officer gets 403, a signed-out visitor is sent to sign in", async () => {
    expect((await run(() => adminLoader({ request: get("/staff/admin", admin), params: {}, context: {} }))).status).toBe(200);
    const officer = await cookieFor("officer@northmoor.example");
    expect((await run(() => adminLoader({ request: get("/staff/admin", officer), params: {}, context: {} }))).status).toBe(403);
    expect((await run(() => adminLoader({ request: get("/staff/admin"), params: {}, context: {} }))).status).toBe(302);
    const rep = await cookieFor("rep.gmb@northmoor.example");
    expect((await run(() => unionsAction({ request: post("/staff/admin/unions", { name: "Fake", shortName: "F" }, rep), params: {}, context: {} }))).status).toBe(403);
  });
});

describe("unions and reps", () => {
  it("adds a union, then a rep with a new account that has no password", async () => {
    const added = await run(() => unionsAction({ request: post("/staff/admin/unions", { name: "National Education Union", shortName: "NEU" }, admin), params: {}, context: {} }));
    expect(added.status).toBe(302);
    const neu = db().select().from(t.unions).where(eq(t.unions.shortName, "NEU")).get()!;
    const rep = await run(() => unionAction({ request: post(`/staff/admin/unions/${neu.id}`, { intent: "add", name: "Dana Shaw", email: "Dana.Shaw@Example.org " }, admin), params: { id: String(neu.id) }, context: {} }));
    expect(rep.status).toBe(302);
    const user = db().select().from(t.users).where(eq(t.users.email, "dana.shaw@example.org")).get()!;
    expect(user.passwordHash).toBeNull();
    expect(db().select().from(t.userRoles).where(eq(t.userRoles.userId, user.id)).all().map((r) => r.role)).toEqual(["union_rep"]);

    // Removing the only union takes the role away too.
    await run(() => unionAction({ request: post(`/staff/admin/unions/${neu.id}`, { intent: "remove", userId: String(user.id) }, admin), params: { id: String(neu.id) }, context: {} }));
    expect(db().select().from(t.userRoles).where(eq(t.userRoles.userId, user.id)).all()).toEqual([]);
  });

  it("refuses a name on two lines and an address that is not one", async () => {
    const neu = db().select().from(t.unions).where(eq(t.unions.shortName, "NEU")).get()!;
    const bad = await run(() => unionAction({ request: post(`/staff/admin/unions/${neu.id}`, { intent: "add", name: "Eve\r\nBcc: x@y", email: "eve" }, admin), params: { id: String(neu.id) }, context: {} }));
    expect(bad.status).toBe(400);
    const errors = (bad.value as { data: { error: Record<string, string[]> } }).data.error;
    expect(errors.name).toEqual(["The representative's name must be on one line"]);
    expect(errors.email?.[0]).toMatch(/^Enter the representative's email address in the correct format/);
  });
});

describe("staff groups", () => {
  it("needs an address to reach the group, and not both kinds", () => {
    expect(staffGroupSchema.safeParse({ name: "Crews", headCount: "10" }).success).toBe(false);
    expect(staffGroupSchema.safeParse({ name: "Crews", headCount: "10", distributionEmail: "crews@x.gov.uk", members: "a@x.gov.uk" }).success).toBe(false);
    expect(staffGroupSchema.safeParse({ name: "Crews", headCount: "10", members: "a@x.gov.uk\nnot an address" }).error?.issues[0].message).toBe("Line 2 of the members' addresses is not an email address");
    expect(staffGroupSchema.safeParse({ name: "Crews", headCount: "ten", distributionEmail: "crews@x.gov.uk" }).success).toBe(false);
    expect(parseMemberEmails("A@x.gov.uk\n\n b@x.gov.uk ; a@x.gov.uk")).toEqual({ emails: ["a@x.gov.uk", "b@x.gov.uk"], bad: [] });
  });

  it("adds a group with members' addresses, each of whom is emailed when a proposal affecting them opens", async () => {
    const waste = db().select().from(t.services).where(eq(t.services.slug, "waste")).get()!;
    const form = { name: "Garden waste round leads", headCount: "6", distributionEmail: "", members: "lead1@northmoor.example.gov.uk\nlead2@northmoor.example.gov.uk" };
    const saved = await run(() => groupAction({ request: post(`/staff/admin/staff-groups/new?service=${waste.id}`, form, admin), params: { id: "new" }, context: {} }));
    expect(saved.status).toBe(302);
    const group = db().select().from(t.staffGroups).where(eq(t.staffGroups.name, "Garden waste round leads")).get()!;
    const page = (await run(() => groupLoader({ request: get(`/staff/admin/staff-groups/${group.id}`, admin), params: { id: String(group.id) }, context: {} }))).value as { group: { members: string[] } };
    expect(page.group.members).toEqual(["lead1@northmoor.example.gov.uk", "lead2@northmoor.example.gov.uk"]);

    // At opening, each member gets their own email; the record keeps the head count, not the addresses.
    const p = proposal("garden-waste-collections");
    const at = new Date("2027-01-04T06:00:00.000Z");
    writeTransaction((tx) => notifyStaffAtOpening(tx, { ...p, staffGroups: [{ id: group.id, name: group.name, headCount: 6, serviceName: "Waste" }] }, at));
    const sent = db().select().from(t.outbox).where(eq(t.outbox.event, "staff_opened")).all();
    expect(sent.map((r) => r.toAddress).sort()).toEqual(["lead1@northmoor.example.gov.uk", "lead2@northmoor.example.gov.uk"]);
    expect(db().select().from(t.staffNotifications).where(eq(t.staffNotifications.staffGroupId, group.id)).all()).toEqual([
      { proposalId: p.id, staffGroupId: group.id, headCount: 6, sentAt: at.toISOString() },
    ]);
    db().delete(t.staffNotifications).run();
    db().delete(t.outbox).where(eq(t.outbox.event, "staff_opened")).run();

    // An unknown service or group is the 404.
    expect((await run(() => groupLoader({ request: get("/staff/admin/staff-groups/new?service=9999", admin), params: { id: "new" }, context: {} }))).status).toBe(404);
    expect((await run(() => groupLoader({ request: get("/staff/admin/staff-groups/9999", admin), params: { id: "9999" }, context: {} }))).status).toBe(404);
  });
});

describe("settings", () => {
  it("the notice period is a setting in working days", async () => {
    const save = (form: Record<string, string>) =>
      run(() => settingsAction({ request: post("/staff/admin/settings/union-notice", { collectiveConsultationPosts: "20", ...form }, admin), params: { section: "union-notice" }, context: {} }));
    expect((await save({ noticeWorkingDays: "-1", noticeLinkDays: "7" })).status).toBe(400);
    expect((await save({ noticeWorkingDays: "15", noticeLinkDays: "5" })).status).toBe(302);
    expect(loadSettings().union).toMatchObject({ noticeWorkingDays: 15, noticeLinkDays: 5, collectiveConsultationPosts: 20 });
    await save({ noticeWorkingDays: "10", noticeLinkDays: "7" });
  });
});

describe("the demo inbox and the test controls", () => {
  it("the demo inbox is there without a mail server, and gone with one", async () => {
    expect((await run(() => inboxLoader({ request: get("/staff/admin/inbox", admin), params: {}, context: {} }))).status).toBe(200);
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvForTests();
    try {
      expect((await run(() => inboxLoader({ request: get("/staff/admin/inbox", admin), params: {}, context: {} }))).status).toBe(404);
    } finally {
      delete process.env.SMTP_URL;
      resetEnvForTests();
    }
  });

  it("moving the clock is a 404 unless test controls and demo mode are both on", async () => {
    const call = () => run(() => testControls({ request: new Request("http://localhost/staff/admin/test-controls?advanceDays=40", { method: "POST" }), params: {}, context: {} }));
    expect((await call()).status).toBe(404);
    for (const [controls, demo] of [["1", "0"], ["0", "1"]]) {
      process.env.PLAINSIGHT_TEST_CONTROLS = controls;
      process.env.PLAINSIGHT_DEMO = demo;
      resetEnvForTests();
      expect((await call()).status).toBe(404);
    }
    delete process.env.PLAINSIGHT_TEST_CONTROLS;
    delete process.env.PLAINSIGHT_DEMO;
    resetEnvForTests();
  });
});

describe("the demo's notice history", () => {
  it("gives an opened demo consultation a full record and a running notice its links", () => {
    const now = new Date();
    writeTransaction((tx) => {
      for (const { id } of tx.select({ id: t.proposals.id }).from(t.proposals).all()) seedNoticeHistory(tx, id, now);
    });
    const camhs = loadNotificationRecord(proposal("camhs-social-work"));
    expect(camhs.unions?.repsAcknowledged).toBeGreaterThan(0);
    expect(camhs.unions?.repsAcknowledged).toBe(camhs.unions?.repsNotified);
    expect(camhs.staff.groups.length).toBeGreaterThan(0);
    const parks = proposal("reopening-a-closed-park");
    const links = db().select().from(t.noticeLinks).where(eq(t.noticeLinks.proposalId, parks.id)).all();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.usedAt == null && Date.parse(l.expiresAt) > now.getTime())).toBe(true);
  });
});
