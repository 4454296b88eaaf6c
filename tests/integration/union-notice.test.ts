/**
 * Confidential union notice, end to end through the real route modules on the seeded demo
 * council: approval sends personal links, a link signs its rep in once, everyone else gets
 * nothing, reps acknowledge and send feedback, officers answer, and only then does the
 * consultation open and tell its staff. The public record shows counts and dates, no names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { and, count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { NotificationRecord } from "~/components/NotificationRecord";
import { setClock } from "~/lib/clock";
import { deliverDue, localTransport } from "~/notifications/delivery.server";
import { addRep } from "~/notifications/directory.server";
import { loadNotificationRecord } from "~/notifications/record.server";
import { hashToken } from "~/notifications/tokens.server";
import { councilDate } from "~/lib/council-time";
import { workingDaysBetween } from "~/lib/working-days";
import { applyTransition, bankHolidays, runScheduledTransitions } from "~/proposals/lifecycle.server";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { action as linkAction, loader as linkLoader } from "~/routes/notices.link.$token";
import { action as noticeAction, loader as noticeLoader } from "~/routes/notices.$slug";
import { loader as noticesLoader } from "~/routes/notices._index";
import { action as staffNoticeAction, loader as staffNoticeLoader } from "~/routes/staff.notices.$id";
import { bn } from "~/i18n/catalogues/bn";
import { DAY, SEED_DATE, cookieFor, cookieFrom, get, linkIn, outboxFor, post, proposal, run, seedCouncil, user, viewerFor } from "../fixtures/notifications-council";

const SLUG = "garden-waste-collections";
const TONY = "rep.gmb@northmoor.example"; // GMB
const KAREN = "rep.unison@northmoor.example"; // UNISON: not notified of garden waste
const PRIYA = "rep.unite@northmoor.example"; // Priya Nair, Unite
const DRAFTER = "approver2@northmoor.example"; // David Mensah, waste officer who drafted it
const FEEDBACK = "Crews on the winter rounds would lose overtime they rely on; please share the rota modelling.";

let gardenWasteId: number;
let tonyLink: string;

beforeAll(async () => {
  await seedCouncil();
  gardenWasteId = proposal(SLUG).id;
}, 60_000);

afterAll(() => setClock(null));

const noticeUrl = `/notices/${SLUG}`;
const noticeParams = { slug: SLUG };

describe("approval sends the notice", () => {
  it("each rep of each notified union gets one personal link, with the title and dates and never the text", async () => {
    const approver = await viewerFor("approver@northmoor.example");
    expect(applyTransition("approve", gardenWasteId, { kind: "person", viewer: approver })).toMatchObject({ ok: true, to: "union_notice" });

    const notices = outboxFor("union_notice");
    expect(notices.map((n) => n.toAddress).sort()).toEqual([TONY, PRIYA].sort());
    const p = proposal(SLUG);
    for (const n of notices) {
      expect(n.subject).toBe(`Confidential: advance notice of a proposal – ${p.title}`);
      expect(n.textBody).toContain(p.title);
      expect(n.textBody).toMatch(/Consultation planned to open: \d+ \w+ \d{4}/);
      expect(n.textBody).not.toContain(p.summary!.slice(0, 60));
      expect(n.textBody).not.toContain(p.whyChange!.slice(0, 60));
    }
    tonyLink = linkIn(notices.find((n) => n.toAddress === TONY)!.textBody);

    // Only the token's hash is kept with the link.
    const token = tonyLink.split("/").pop()!;
    const links = db().select().from(t.noticeLinks).where(eq(t.noticeLinks.proposalId, gardenWasteId)).all();
    expect(links).toHaveLength(2);
    expect(links.map((l) => l.tokenHash)).toContain(hashToken(token));
    expect(JSON.stringify(links)).not.toContain(token);
  });

  it("the notice period starts when the notice has reached a representative of every notified union, not at approval", async () => {
    expect(proposal(SLUG).noticeSentAt).toBeNull();
    const delivered = new Date(SEED_DATE.getTime() + 60_000);
    await deliverDue({ transport: localTransport(), now: () => delivered });
    expect(proposal(SLUG).noticeSentAt).toBe(delivered.toISOString());
    const entry = db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "notice.delivered"), eq(t.auditLog.entityId, gardenWasteId))).all();
    expect(entry).toHaveLength(1);
  });
});

describe("the directory", () => {
  it("a rep added while a notice runs is sent it (and nothing for unions not notified)", () => {
    const parks = proposal("reopening-a-closed-park");
    expect(parks.state).toBe("union_notice");
    const unison = parks.unions.find((u) => u.shortName === "UNISON")!;
    const result = addRep(user("admin@northmoor.example").id, unison.id, { name: "Sue Okoro", email: "sue.okoro@northmoor.example" });
    expect(result).toEqual({ ok: true, noticesSent: 1 });
    const sent = outboxFor("union_notice").filter((r) => r.toAddress === "sue.okoro@northmoor.example");
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toContain(parks.title);
    expect(addRep(user("admin@northmoor.example").id, unison.id, { name: "Sue Okoro", email: "sue.okoro@northmoor.example" })).toMatchObject({ ok: false });
  });

  it("a proposal withdrawn under notice: the reps who were told hear it will not go ahead, and their links stop working", async () => {
    const parks = proposal("reopening-a-closed-park");
    const link = linkIn(outboxFor("union_notice").find((r) => r.toAddress === "sue.okoro@northmoor.example")!.textBody);
    const token = link.split("/").pop()!;
    expect((await run(() => linkLoader({ request: get(link), params: { token }, context: {} }))).status).toBe(200);

    const officer = await viewerFor("officer.parks@northmoor.example");
    expect(applyTransition("withdraw", parks.id, { kind: "person", viewer: officer }, { reason: "The council has found the money to reopen both parks" }).ok).toBe(true);
    const told = outboxFor("union_notice_withdrawn");
    expect(told.map((r) => r.toAddress)).toEqual(["sue.okoro@northmoor.example"]);
    expect(told[0].subject).toContain(parks.title);
    expect(told[0].textBody).not.toContain(parks.summary!.slice(0, 40));
    expect((await run(() => linkLoader({ request: get(link), params: { token }, context: {} }))).status).toBe(410);
  });
});

describe("the personal link", () => {
  it("shows whose it is, then signs that rep in once and opens the notice", async () => {
    const token = tonyLink.split("/").pop()!;
    const peek = await run(() => linkLoader({ request: get(tonyLink), params: { token }, context: {} }));
    expect(peek.value).toEqual({ repName: "Tony Brennan", title: proposal(SLUG).title });
    // Looking does not use it up.
    await run(() => linkLoader({ request: get(tonyLink), params: { token }, context: {} }));

    const used = await run(() => linkAction({ request: post(tonyLink, {}), params: { token }, context: {} }));
    expect(used.status).toBe(302);
    expect(used.response!.headers.get("Location")).toBe(noticeUrl);
    const cookie = cookieFrom(used.response!);

    const page = await run(() => noticeLoader({ request: get(noticeUrl, cookie), params: noticeParams, context: {} }));
    expect(page.status).toBe(200);
    const data = page.value as { rep: { name: string }; unions: { name: string }[]; underNotice: boolean };
    expect(data.rep.name).toBe("Tony Brennan");
    expect(data.unions.map((u) => u.name)).toEqual(["GMB, the general union"]);
    expect(data.underNotice).toBe(true);
    const views = db().select().from(t.noticeViews).where(and(eq(t.noticeViews.proposalId, gardenWasteId), eq(t.noticeViews.userId, user(TONY).id))).all();
    expect(views).toHaveLength(1);
  });

  it("a used link gets nothing: 410 Gone (the page says what to do: link-gone.test.ts)", async () => {
    const token = tonyLink.split("/").pop()!;
    expect((await run(() => linkLoader({ request: get(tonyLink), params: { token }, context: {} }))).status).toBe(410);
    expect((await run(() => linkAction({ request: post(tonyLink, {}), params: { token }, context: {} }))).status).toBe(410);
  });

  it("an expired link gets nothing", async () => {
    const officer = await viewerFor(DRAFTER);
    const { resendNoticeLink } = await import("~/notifications/notices.server");
    expect(resendNoticeLink(officer, proposal(SLUG), user(TONY).id, SEED_DATE)).toBe(true);
    const fresh = linkIn(outboxFor("union_notice_link").at(-1)!.textBody);
    const token = fresh.split("/").pop()!;
    try {
      setClock(new Date(SEED_DATE.getTime() + 7 * DAY));
      expect((await run(() => linkLoader({ request: get(fresh), params: { token }, context: {} }))).status).toBe(410);
      expect((await run(() => linkAction({ request: post(fresh, {}), params: { token }, context: {} }))).status).toBe(410);
      setClock(new Date(SEED_DATE.getTime() + 7 * DAY - 60_000));
      expect((await run(() => linkLoader({ request: get(fresh), params: { token }, context: {} }))).status).toBe(200);
    } finally {
      setClock(SEED_DATE);
    }
  });

  it("a made-up token gets nothing", async () => {
    for (const token of ["x", "A".repeat(43), "../../etc/passwd", "%00"]) {
      expect((await run(() => linkLoader({ request: get(`/notices/link/${encodeURIComponent(token)}`), params: { token }, context: {} }))).status).toBe(410);
    }
  });
});

describe("nobody else sees the notice", () => {
  it("a rep of another union gets the same 404 as for a page that does not exist", async () => {
    const cookie = await cookieFor(KAREN);
    const page = await run(() => noticeLoader({ request: get(noticeUrl, cookie), params: noticeParams, context: {} }));
    expect(page.status).toBe(404);
    const missing = await run(() => noticeLoader({ request: get("/notices/no-such-thing", cookie), params: { slug: "no-such-thing" }, context: {} }));
    expect(missing.status).toBe(404);
    const list = (await run(() => noticesLoader({ request: get("/notices", cookie), params: {}, context: {} }))).value as { notices: { slug: string }[] };
    expect(list.notices.map((n) => n.slug)).not.toContain(SLUG);
    // Acting on it is refused the same way.
    const acted = await run(() => noticeAction({ request: post(noticeUrl, { intent: "acknowledge" }, cookie), params: noticeParams, context: {} }));
    expect(acted.status).toBe(404);
  });

  it("a signed-out visitor is sent to sign in", async () => {
    const page = await run(() => noticeLoader({ request: get(noticeUrl), params: noticeParams, context: {} }));
    expect(page.status).toBe(302);
    expect(page.response!.headers.get("Location")).toMatch(/^\/staff\/sign-in\?redirectTo=/);
  });

  it("an officer of another service cannot open the officers' page either", async () => {
    const cookie = await cookieFor("officer@northmoor.example"); // CAMHS
    const page = await run(() => staffNoticeLoader({ request: get(`/staff/notices/${gardenWasteId}`, cookie), params: { id: String(gardenWasteId) }, context: {} }));
    expect(page.status).toBe(404);
  });
});

describe("acknowledgement, feedback and answers", () => {
  let tony: string;
  beforeAll(async () => {
    tony = await cookieFor(TONY);
  });

  it("a rep acknowledges, once", async () => {
    for (let i = 0; i < 2; i++) {
      const result = await run(() => noticeAction({ request: post(noticeUrl, { intent: "acknowledge" }, tony), params: noticeParams, context: {} }));
      expect(result.status).toBe(302);
    }
    const acks = db().select().from(t.noticeAcknowledgements).where(eq(t.noticeAcknowledgements.proposalId, gardenWasteId)).all();
    expect(acks).toEqual([expect.objectContaining({ userId: user(TONY).id, at: SEED_DATE.toISOString() })]);
  });

  it("empty feedback is refused beside the field", async () => {
    const gmb = proposal(SLUG).unions.find((u) => u.shortName === "GMB")!;
    const result = await run(() => noticeAction({ request: post(noticeUrl, { intent: "feedback", unionId: String(gmb.id), body: "   " }, tony), params: noticeParams, context: {} }));
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.value)).toContain("Enter your feedback");
  });

  it("feedback for another union is refused", async () => {
    const unite = proposal(SLUG).unions.find((u) => u.shortName === "Unite")!;
    const result = await run(() => noticeAction({ request: post(noticeUrl, { intent: "feedback", unionId: String(unite.id), body: "Pretending to be Unite" }, tony), params: noticeParams, context: {} }));
    expect(result.status).toBe(400);
    expect(db().select({ n: count() }).from(t.noticeFeedback).get()!.n).toBe(0);
  });

  it("from the notice in Bengali, the same refusals are in Bengali, and nothing is stored", async () => {
    const unite = proposal(SLUG).unions.find((u) => u.shortName === "Unite")!;
    const gmb = proposal(SLUG).unions.find((u) => u.shortName === "GMB")!;
    for (const [form, message] of [
      [{ intent: "feedback", unionId: String(gmb.id), body: "   " }, bn.repPages.feedback.messages.bodyMissing],
      [{ intent: "feedback", unionId: String(unite.id), body: "Pretending to be Unite" }, bn.repPages.feedback.messages.unionMissing],
    ] as const) {
      const result = await run(() => noticeAction({ request: post(`${noticeUrl}?lang=bn`, form, tony), params: noticeParams, context: {} }));
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.value)).toContain(message);
    }
    expect(db().select({ n: count() }).from(t.noticeFeedback).get()!.n).toBe(0);
  });

  it("feedback is stored in the union's thread and the drafting officer is emailed a link, not the text", async () => {
    const gmb = proposal(SLUG).unions.find((u) => u.shortName === "GMB")!;
    const result = await run(() => noticeAction({ request: post(noticeUrl, { intent: "feedback", unionId: String(gmb.id), body: FEEDBACK }, tony), params: noticeParams, context: {} }));
    expect(result.status).toBe(302);
    const told = outboxFor("union_feedback");
    expect(told.map((r) => r.toAddress)).toEqual([DRAFTER]);
    expect(told[0].textBody).toContain(`/staff/notices/${gardenWasteId}`);
    expect(told[0].textBody).not.toContain(FEEDBACK);
  });

  it("the consultation does not open while feedback is unanswered, even after the notice period and its opening date", () => {
    setClock(new Date(SEED_DATE.getTime() + 40 * DAY));
    try {
      expect(runScheduledTransitions().opened).not.toContain(SLUG);
      expect(proposal(SLUG).state).toBe("union_notice");
      const refused = applyTransition("open", gardenWasteId, { kind: "system" });
      expect(refused).toMatchObject({ ok: false, message: "1 feedback item from the unions has not been answered" });
    } finally {
      setClock(SEED_DATE);
    }
  });

  it("a rep cannot answer; the drafting officer answers in the same thread and the union's reps get a fresh link", async () => {
    const item = db().select().from(t.noticeFeedback).get()!;
    const asRep = await run(() => staffNoticeAction({ request: post(`/staff/notices/${gardenWasteId}`, { intent: "answer", feedbackId: String(item.id), body: "x" }, tony), params: { id: String(gardenWasteId) }, context: {} }));
    expect(asRep.status).toBe(403);

    const officer = await cookieFor(DRAFTER);
    const empty = await run(() => staffNoticeAction({ request: post(`/staff/notices/${gardenWasteId}`, { intent: "answer", feedbackId: String(item.id), body: "" }, officer), params: { id: String(gardenWasteId) }, context: {} }));
    expect(empty.status).toBe(400);
    const answered = await run(() =>
      staffNoticeAction({ request: post(`/staff/notices/${gardenWasteId}`, { intent: "answer", feedbackId: String(item.id), body: "The rota modelling is attached to the business case, appendix B." }, officer), params: { id: String(gardenWasteId) }, context: {} }),
    );
    expect(answered.status).toBe(302);

    const page = (await run(() => staffNoticeLoader({ request: get(`/staff/notices/${gardenWasteId}`, officer), params: { id: String(gardenWasteId) }, context: {} }))).value as {
      unanswered: number;
      unions: { shortName: string; reps: { name: string; acknowledgedAt: string | null; views: number }[]; thread: { body: string; answers: { body: string }[] }[] }[];
    };
    expect(page.unanswered).toBe(0);
    const gmb = page.unions.find((u) => u.shortName === "GMB")!;
    expect(gmb.thread[0]).toMatchObject({ body: FEEDBACK, answers: [{ body: "The rota modelling is attached to the business case, appendix B." }] });
    expect(gmb.reps[0]).toMatchObject({ name: "Tony Brennan", views: 1 });
    expect(gmb.reps[0].acknowledgedAt).not.toBeNull();

    const fresh = outboxFor("union_feedback_answered");
    expect(fresh.map((r) => r.toAddress)).toEqual([TONY]);
    expect(fresh[0].textBody).not.toContain("appendix B");
  });
});

describe("opening", () => {
  it("opens by itself once the notice period is over and everything is answered, and tells the staff groups", () => {
    // Not before the notice period: 9 working days after a Monday notice is the next Thursday week.
    setClock(new Date(SEED_DATE.getTime() + 11 * DAY));
    expect(runScheduledTransitions().opened).not.toContain(SLUG);

    // On its opening date, at the scheduler's first run that day.
    const opening = new Date(`${proposal(SLUG).opensOn}T06:00:00.000Z`);
    setClock(opening);
    expect(runScheduledTransitions().opened).toContain(SLUG);
    expect(proposal(SLUG).state).toBe("open");

    const staff = outboxFor("staff_opened").filter((r) => r.proposalId === gardenWasteId);
    expect(staff.map((r) => r.toAddress)).toEqual(["waste-crews@northmoor.example.gov.uk"]);
    expect(staff[0].textBody).toContain(`http://localhost:3000/consultations/${SLUG}`);
    const told = db().select().from(t.staffNotifications).where(eq(t.staffNotifications.proposalId, gardenWasteId)).all();
    expect(told).toEqual([expect.objectContaining({ headCount: 104, sentAt: opening.toISOString() })]);

    // Running again sends nothing twice.
    runScheduledTransitions();
    expect(outboxFor("staff_opened").filter((r) => r.proposalId === gardenWasteId)).toHaveLength(1);
  });

  it("a rep still reads the thread after opening, but can no longer send feedback", async () => {
    const tony = await cookieFor(TONY);
    const page = (await run(() => noticeLoader({ request: get(noticeUrl, tony), params: noticeParams, context: {} }))).value as { underNotice: boolean; unions: { thread: unknown[] }[] };
    expect(page.underNotice).toBe(false);
    expect(page.unions[0].thread).toHaveLength(1);
    const gmb = proposal(SLUG).unions.find((u) => u.shortName === "GMB")!;
    const late = await run(() => noticeAction({ request: post(noticeUrl, { intent: "feedback", unionId: String(gmb.id), body: "Too late?" }, tony), params: noticeParams, context: {} }));
    expect(late.status).toBe(400);
  });
});

describe("the public record", () => {
  it("shows when the unions were told, working days before opening, acknowledgements and staff told; no names", () => {
    const p = proposal(SLUG);
    const record = loadNotificationRecord(p);
    const workingDays = workingDaysBetween(councilDate(SEED_DATE, "Europe/London"), councilDate(p.openedAt!, "Europe/London"), bankHolidays());
    expect(workingDays).toBeGreaterThanOrEqual(10);
    expect(record.unions).toEqual({
      toldOn: new Date(SEED_DATE.getTime() + 60_000).toISOString(),
      names: ["GMB, the general union", "Unite the Union"],
      workingDaysBeforeOpening: workingDays,
      opened: true,
      repsNotified: 2,
      repsAcknowledged: 1,
    });
    expect(record.staff).toEqual({ groups: [{ name: "Refuse and recycling crews (drivers and loaders)", headCount: 104, toldOn: expect.any(String) }], total: 104 });

    const html = renderToStaticMarkup(createElement(NotificationRecord, { record }));
    expect(html).toContain("Who was told, and when");
    expect(html).toContain(`${record.unions!.workingDaysBeforeOpening} working days`);
    expect(html).toContain("1 of 2");
    for (const secret of ["Tony", "Brennan", "Priya", FEEDBACK.slice(0, 30), "rep.gmb", "waste-crews@"]) expect(html).not.toContain(secret);
  });

  it("the public page never carries the feedback or the reps' names", async () => {
    const page = await run(() => consultationLoader({ request: get(`/consultations/${SLUG}`), params: { slug: SLUG }, context: {} }));
    expect(page.status).toBe(200);
    const json = JSON.stringify(page.value);
    for (const secret of [FEEDBACK.slice(0, 30), "appendix B", "Tony Brennan", "Priya Nair"]) expect(json).not.toContain(secret);
  });
});
