/**
 * After opening, a change needs a change note and is published as a new version; the history
 * page lists public versions only and shows, per section, the words that changed. A material
 * change may extend the closing date and tells the people who have already responded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import * as summary from "~/routes/staff.proposals.$id_.summary";
import * as plan from "~/routes/staff.proposals.$id_.plan";
import * as question from "~/routes/staff.proposals.$id_.questions_.$questionId";
import * as history from "~/routes/consultations.$slug_.history";
import type { HistoryEntry } from "~/proposals/versions.server";
import { errorsOf, everything, get, post, proposalId, revisionOf, seeded } from "./drafting-helpers";

const OFFICER = "officer@northmoor.example"; // drafted the open CAMHS consultation
const SLUG = "camhs-social-work";
let id: number;

const historyOf = async (slug = SLUG, email: string | null = null) => get(history.loader as never, `/consultations/${slug}/history`, { slug }, email);

beforeAll(async () => {
  await seeded();
  id = proposalId(SLUG);
  // Someone has already responded, with a verified address.
  const respondent = db().insert(t.respondents).values({ email: "parent@example.com", verifiedAt: new Date().toISOString() }).returning({ id: t.respondents.id }).get();
  db().insert(t.responses).values({ proposalId: id, respondentId: respondent.id }).run();
});

describe("the history before any change", () => {
  it("lists no changes", async () => {
    const r = await historyOf();
    expect(r.status).toBe(200);
    expect((r.body as { versions: HistoryEntry[] }).versions).toEqual([]);
  });

  it("is the same 404 for a draft as for a consultation that does not exist", async () => {
    // (Every public surface, hidden state and viewer: hidden-means-404.test.ts.)
    expect(db().select().from(t.proposals).where(eq(t.proposals.slug, "youth-service-review")).get()?.state).toBe("draft");
    expect((await historyOf("youth-service-review")).status).toBe(404);
    expect((await historyOf("no-such-consultation")).status).toBe(404);
  });
});

describe("a change to an open consultation", () => {
  it("without a change note is refused with 400, keeping the text, and writes nothing", async () => {
    const before = everything(id);
    const r = await post(summary.action as never, `/staff/proposals/${id}/summary`, { id: String(id) }, OFFICER, { intent: "continue", revision: String(revisionOf(id)), summary: "A new summary" });
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toMatchObject({ changeNote: [expect.stringMatching(/Explain what you changed/)], material: ["Say whether this is a material change"] });
    expect(everything(id)).toEqual(before);
  });

  it("with a note is published as a version, and the history shows the words that changed", async () => {
    const before = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    const summaryText = `${before.summary}\n\nWe have added a second drop-in session for families.`;
    const r = await post(summary.action as never, `/staff/proposals/${id}/summary`, { id: String(id) }, OFFICER, {
      intent: "continue",
      revision: String(before.revision),
      summary: summaryText,
      changeNote: "Added the second drop-in session to the summary so families know about it.",
      material: "no",
    });
    expect(r.status).toBe(302);
    const versions = db().select().from(t.proposalVersions).where(and(eq(t.proposalVersions.proposalId, id), eq(t.proposalVersions.isPublic, true))).all();
    expect(versions.map((v) => v.reason)).toEqual(["approved", "public_edit"]);
    // Not material: nobody is emailed.
    expect(db().select().from(t.outbox).where(eq(t.outbox.event, "material_change")).all()).toEqual([]);

    const page = await historyOf();
    const entries = (page.body as { versions: HistoryEntry[] }).versions;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ number: 2, isBaseline: false, changeNote: "Added the second drop-in session to the summary so families know about it." });
    expect(entries[0].changes.map((c) => c.section)).toEqual(["summary"]);
    const added = entries[0].changes[0].parts.filter((part) => part.added).map((part) => part.value).join("");
    expect(added).toContain("second drop-in session for families");
    expect(entries[0].changes[0].parts.some((part) => part.removed)).toBe(false);
    // The page carries public text only: no snapshot, no s.188 disclosure, no user ids.
    const json = JSON.stringify(page.body);
    for (const hidden of ["snapshot", "redundancyReasons", "createdById", "returnedReason", "approvedById"]) expect(json).not.toContain(hidden);
  });

  it("a material change can extend the closing date, and tells the people who responded", async () => {
    const p = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    const later = new Date(Date.parse(`${p.closesOn}T00:00:00Z`) + 14 * 86_400_000);
    const earlier = await post(plan.action as never, `/staff/proposals/${id}/plan`, { id: String(id) }, OFFICER, {
      ...planForm(p),
      revision: String(p.revision),
      changeNote: "Shortened the consultation by two weeks for no good reason.",
      material: "yes",
      extendClosing: "yes",
      "newClosesOn.day": "1",
      "newClosesOn.month": "1",
      "newClosesOn.year": "2020",
    });
    expect(earlier.status).toBe(400);
    expect(errorsOf(earlier).newClosesOn).toEqual(["The new closing date must be after the current closing date"]);

    const r = await post(plan.action as never, `/staff/proposals/${id}/plan`, { id: String(id) }, OFFICER, {
      ...planForm(p),
      revision: String(p.revision),
      alternativeFormats: `${p.alternativeFormats} British Sign Language interpreters are available at every event.`,
      changeNote: "Added British Sign Language interpreters and two more weeks to respond.",
      material: "yes",
      extendClosing: "yes",
      "newClosesOn.day": String(later.getUTCDate()),
      "newClosesOn.month": String(later.getUTCMonth() + 1),
      "newClosesOn.year": String(later.getUTCFullYear()),
    });
    expect(r.status).toBe(302);
    const after = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    expect(after.closesOn).toBe(later.toISOString().slice(0, 10));
    expect(after.opensOn).toBe(p.opensOn);
    const emails = db().select().from(t.outbox).where(eq(t.outbox.event, "material_change")).all();
    expect(emails.map((e) => e.toAddress)).toEqual(["parent@example.com"]);
    expect(emails[0].textBody).toContain("Added British Sign Language interpreters");
    expect(emails[0].textBody).toContain(`/consultations/${SLUG}/history`);

    const entries = ((await historyOf()).body as { versions: HistoryEntry[] }).versions;
    expect(entries[0].number).toBe(3);
    const planChange = entries[0].changes.find((c) => c.section === "plan")!;
    expect(planChange.parts.filter((x) => x.added).map((x) => x.value).join("")).toContain("British Sign Language");
  });

  it("a question people may have answered cannot be removed while it is open", async () => {
    const q = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, id)).get()!;
    const before = everything(id);
    const r = await post(question.action as never, `/staff/proposals/${id}/questions/${q.id}`, { id: String(id), questionId: String(q.id) }, OFFICER, {
      intent: "remove",
      revision: String(revisionOf(id)),
      changeNote: "Removed a question that nobody understood at all.",
      material: "no",
    });
    expect(r.status).toBe(409);
    expect(everything(id)).toEqual(before);
  });
});

function planForm(p: typeof t.proposals.$inferSelect) {
  const [y, m, d] = p.closesOn!.split("-");
  return {
    intent: "continue",
    "closesOn.day": String(Number(d)),
    "closesOn.month": String(Number(m)),
    "closesOn.year": y,
    shortPeriodReason: p.shortPeriodReason ?? "",
    howToRespond: p.howToRespond ?? "",
    alternativeFormats: p.alternativeFormats ?? "",
    events: p.events ?? "",
  };
}
