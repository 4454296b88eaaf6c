/**
 * Reaching everyone affected (issue 14) through the real route actions on the seeded demo:
 * every new form answers a malformed body with a 4xx and writes nothing; an officer of another
 * service cannot see or move a request for another format; a request's due date counts working
 * days on the council's calendar; equality monitoring answers are kept as counts only, never
 * beside the respondent; and a request's contact details go after the retention period.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import * as publicFormats from "~/routes/consultations.$slug_.formats";
import * as equality from "~/routes/consultations.$slug_.respond_.equality";
import * as officerFormats from "~/routes/staff.formats.new";
import * as formatRequest from "~/routes/staff.formats.$id";
import * as paperPacks from "~/routes/staff.proposals.$id_.paper-packs";
import * as monitoringEntry from "~/routes/staff.responses.$id_.monitoring";
import { createFormatRequest } from "~/reach/formats.server";
import { removeExpiredFormatContacts } from "~/reach/retention.server";
import { bankHolidays } from "~/proposals/lifecycle.server";
import { addWorkingDays } from "~/lib/working-days";
import { cookieFor, get, post, proposalId, seeded } from "./drafting-helpers";
import { seedDemoReach } from "~/reach/seed.server";
import { makeRespondent, respondentCookie } from "./responses-fixtures";

const OFFICER = "officer@northmoor.example"; // CAMHS
const YOUTH_OFFICER = "officer.youth@northmoor.example";
const SLUG = "camhs-social-work";

let camhs: number;

beforeAll(async () => {
  await seeded();
  seedDemoReach(db(), new Date());
  camhs = proposalId(SLUG);
  // Signed in once here: a first sign-in writes its own audit entry.
  await cookieFor(OFFICER);
  await cookieFor(YOUTH_OFFICER);
});

const rows = () => ({
  requests: db().select({ n: count() }).from(t.formatRequests).get()!.n,
  deliveries: db().select({ n: count() }).from(t.paperPackDeliveries).get()!.n,
  forms: db().select().from(t.monitoringForms).all(),
  tallies: db().select().from(t.monitoringTallies).all(),
  audit: db().select({ n: count() }).from(t.auditLog).get()!.n,
});

describe("malformed bodies get a 4xx and write nothing", () => {
  const long = "x".repeat(5000);
  const cases: { name: string; call: () => ReturnType<typeof post> }[] = [
    { name: "public request, empty", call: () => post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, {}) },
    { name: "public request, unknown format", call: () => post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, { format: "smoke", name: "A", email: "a@example.org" }) },
    { name: "public request, no way to reach them", call: () => post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, { format: "large_print", name: "A" }) },
    { name: "public request, translation without a language", call: () => post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, { format: "translation", name: "A", email: "a@example.org" }) },
    { name: "public request, too long", call: () => post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, { format: "large_print", name: long, postalAddress: "1 Road" }) },
    { name: "public request, repeated fields", call: () => post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, { format: ["large_print", "audio"], name: ["A", "B"] }) },
    { name: "officer request, no consultation", call: () => post(officerFormats.action, "/staff/formats/new", {}, OFFICER, { format: "audio", channel: "phone", name: "A", phone: "01632 960 000" }) },
    { name: "officer request, bad channel", call: () => post(officerFormats.action, "/staff/formats/new", {}, OFFICER, { proposalId: String(camhs), format: "audio", channel: "pigeon", name: "A", phone: "01632 960 000" }) },
    { name: "paper packs, no place or copies", call: () => post(paperPacks.action, `/staff/proposals/${camhs}/paper-packs`, { id: String(camhs) }, OFFICER, { intent: "add" }) },
    { name: "paper packs, a million copies", call: () => post(paperPacks.action, `/staff/proposals/${camhs}/paper-packs`, { id: String(camhs) }, OFFICER, { intent: "add", placeKey: "central-library", copies: "1000000", "deliveredOn.day": "1", "deliveredOn.month": "12", "deliveredOn.year": "2026" }) },
    { name: "paper packs, an unknown place", call: () => post(paperPacks.action, `/staff/proposals/${camhs}/paper-packs`, { id: String(camhs) }, OFFICER, { intent: "add", placeKey: "nowhere", copies: "5", "deliveredOn.day": "1", "deliveredOn.month": "11", "deliveredOn.year": "2026" }) },
    { name: "monitoring entry, an answer that does not exist", call: () => post(monitoringEntry.action, `/staff/responses/${camhs}/monitoring`, { id: String(camhs) }, OFFICER, { "q-age": "<script>alert(1)</script>" }) },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = rows();
      const r = await c.call();
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(rows()).toEqual(before);
    });
  }

  it("a status update without a status, or 'sent' with an impossible date", async () => {
    const { id } = createFormatRequest({ id: camhs }, { format: "braille", language: null, name: "Test Person", email: "t@example.org", phone: null, postalAddress: null, details: null }, { channel: "online", enteredBy: null }, new Date());
    const forms: Record<string, string>[] = [{}, { status: "lost" }, { status: "sent", "sentOn.day": "31", "sentOn.month": "2", "sentOn.year": "2026" }, { status: "sent" }];
    for (const form of forms) {
      const r = await post(formatRequest.action, `/staff/formats/${id}`, { id: String(id) }, OFFICER, form);
      expect(r.status, JSON.stringify(form)).toBe(400);
    }
    expect(db().select().from(t.formatRequests).where(eq(t.formatRequests.id, id)).get()!.status).toBe("received");
  });
});

describe("requests for other formats", () => {
  it("are due in working days on the council's calendar, and the public form stores what was asked", async () => {
    const r = await post(publicFormats.action, `/consultations/${SLUG}/formats`, { slug: SLUG }, null, { format: "audio", name: "Ann Other", phone: "01632 960 111", details: "On CD, please." });
    expect(r.status).toBe(302);
    const reference = /sent=(AF-[A-Z0-9]{6})/.exec(r.location!)![1];
    const row = db().select().from(t.formatRequests).where(eq(t.formatRequests.reference, reference)).get()!;
    expect(row).toMatchObject({ proposalId: camhs, format: "audio", channel: "online", name: "Ann Other", phone: "01632 960 111", status: "received" });
    const received = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(row.createdAt));
    expect(row.dueOn).toBe(addWorkingDays(received, 5, bankHolidays()));
    // The audit entry has the reference, never the name or number.
    const audit = db().select().from(t.auditLog).all().filter((a) => JSON.stringify(a.detail).includes(reference));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toMatch(/Ann Other|960 111/);
  });

  it("are not shown to, or moved by, an officer of another service (the same 404 as none)", async () => {
    const { id } = createFormatRequest({ id: camhs }, { format: "large_print", language: null, name: "Private Person", email: null, phone: "01632 960 222", postalAddress: null, details: null }, { channel: "online", enteredBy: null }, new Date());
    const seen = await get(formatRequest.loader, `/staff/formats/${id}`, { id: String(id) }, YOUTH_OFFICER);
    const none = await get(formatRequest.loader, `/staff/formats/999999`, { id: "999999" }, YOUTH_OFFICER);
    expect(seen.status).toBe(404);
    expect(none.status).toBe(404);
    const moved = await post(formatRequest.action, `/staff/formats/${id}`, { id: String(id) }, YOUTH_OFFICER, { status: "cancelled" });
    expect(moved.status).toBe(404);
    expect(db().select().from(t.formatRequests).where(eq(t.formatRequests.id, id)).get()!.status).toBe("received");
    const queue = await get((await import("~/routes/staff.formats._index")).loader, "/staff/formats?show=all", {}, YOUTH_OFFICER);
    expect(JSON.stringify(queue.body)).not.toContain("Private Person");
  });

  it("lose their names and contact details after the retention period, keeping the counts", () => {
    const library = proposalId("library-opening-hours"); // decided long ago in the demo
    const before = db().select().from(t.formatRequests).where(eq(t.formatRequests.proposalId, library)).all();
    expect(before.length).toBeGreaterThan(0);
    const later = new Date(Date.now() + 500 * 86_400_000);
    expect(removeExpiredFormatContacts(later, db())).toBeGreaterThan(0);
    const after = db().select().from(t.formatRequests).where(eq(t.formatRequests.proposalId, library)).all();
    for (const r of after) {
      expect(r).toMatchObject({ name: null, email: null, phone: null, postalAddress: null, details: null, officerNote: null });
      expect(r.contactRemovedAt).not.toBeNull();
    }
    expect(after.map((r) => [r.format, r.status, r.sentOn])).toEqual(before.map((r) => [r.format, r.status, r.sentOn]));
  });
});

describe("equality monitoring", () => {
  it("counts a resident's answers once, without keeping who gave them", async () => {
    const respondent = makeRespondent();
    const cookie = await respondentCookie(respondent);
    const at = new Date().toISOString();
    db().insert(t.responses).values({ proposalId: camhs, respondentId: respondent, channel: "online", createdAt: at, updatedAt: at }).run();
    const before = rows();
    const request = (form: Record<string, string>) =>
      equality.action({
        request: new Request(`http://localhost/consultations/${SLUG}/respond/equality`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) }),
        params: { slug: SLUG },
        context: {},
      } as never) as Promise<Response>;
    const first = await request({ "q-age": "75_plus", "q-language": "bengali" });
    expect(first.headers.get("Location")).toContain("monitoring=thanks");
    const after = rows();
    const tally = (q: string, a: string, r = after) => r.tallies.find((x) => x.proposalId === camhs && x.question === q && x.answer === a)?.count ?? 0;
    expect(tally("age", "75_plus")).toBe(tally("age", "75_plus", before) + 1);
    expect(tally("language", "bengali")).toBe(tally("language", "bengali", before) + 1);
    expect(after.forms.find((f) => f.proposalId === camhs)!.forms).toBe(before.forms.find((f) => f.proposalId === camhs)!.forms + 1);
    // Nothing about the person: no audit entry, and no column in the monitoring tables names them.
    expect(after.audit).toBe(before.audit);
    expect(Object.keys(after.tallies[0]).sort()).toEqual(["answer", "count", "proposalId", "question"]);
    // A second form from the same resident is not counted.
    const again = await request({ "q-age": "18_24" });
    expect(again.headers.get("Location")).toContain("monitoring=already");
    expect(rows().tallies).toEqual(after.tallies);
  });
});
