/**
 * The gate holds until the decision (issue 10, item 1): once approved, every change through the
 * real section actions is checked against the publication gate. A change that would leave the
 * open CAMHS consultation short of anything it was approved with is refused with the gate's own
 * messages, and nothing is written: not the proposal, not a version, not an audit entry. Changes
 * that keep the gate met are published as before, removals with their published reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import * as summary from "~/routes/staff.proposals.$id_.summary";
import * as details from "~/routes/staff.proposals.$id_.details";
import * as impact from "~/routes/staff.proposals.$id_.impact";
import * as riskPage from "~/routes/staff.proposals.$id_.risks_.$riskId";
import * as mitigationPage from "~/routes/staff.proposals.$id_.mitigations_.$mitigationId";
import * as dependencyPage from "~/routes/staff.proposals.$id_.dependencies_.$dependencyId";
import * as optionPage from "~/routes/staff.proposals.$id_.options_.$optionId";
import * as equalityRow from "~/routes/staff.proposals.$id_.equality_.$characteristic";
import * as aims from "~/routes/staff.proposals.$id_.equality_.aims";
import * as documentPage from "~/routes/staff.proposals.$id_.documents_.$documentId";
import * as plan from "~/routes/staff.proposals.$id_.plan";
import * as stakeholders from "~/routes/staff.proposals.$id_.stakeholders";
import * as questionPage from "~/routes/staff.proposals.$id_.questions_.$questionId";
import * as consultation from "~/routes/consultations.$slug";
import * as history from "~/routes/consultations.$slug_.history";
import type { HistoryEntry } from "~/proposals/versions.server";
import { loadProposal } from "~/proposals/proposals.server";
import { everything, get, post, proposalId, revisionOf, seeded, type Called, type Reply } from "./drafting-helpers";

const OFFICER = "officer@northmoor.example"; // CAMHS, open
const PARKS_OFFICER = "officer.parks@northmoor.example"; // parks, under union notice
const SLUG = "camhs-social-work";
let id: number;

const NOTE = { changeNote: "Correcting the consultation after a question from a family member.", material: "no" };

beforeAll(async () => {
  await seeded();
  id = proposalId(SLUG);
}, 60_000);

const proposal = () => loadProposal(id)!;
const messagesOf = (r: Called) => {
  const error = (r.body as Reply).lastResult.error ?? {};
  return Object.values(error).flat().join("\n");
};

/** Post a change to the open CAMHS consultation, with a change note, and expect it refused with nothing written. */
async function expectRefused(action: unknown, path: string, params: Record<string, string>, form: Record<string, string | string[]>, ...mentions: RegExp[]) {
  const before = everything(id);
  const r = await post(action as never, `/staff/proposals/${id}${path}`, { id: String(id), ...params }, OFFICER, { revision: String(revisionOf(id)), ...NOTE, ...form });
  expect(r.status).toBe(400);
  const said = messagesOf(r);
  expect(said).toMatch(/has not been saved/);
  for (const m of mentions) expect(said).toMatch(m);
  expect(everything(id)).toEqual(before);
  return r;
}

const formOf = (defaults: Record<string, unknown>) => {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(defaults)) {
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (v && typeof v === "object") for (const [part, value] of Object.entries(v)) out[`${k}.${part}`] = String(value ?? "");
    else out[k] = v == null ? "" : String(v);
  }
  return out;
};

async function defaultsOf(loader: unknown, path: string, params: Record<string, string>): Promise<Record<string, string | string[]>> {
  const r = await get(loader as never, `/staff/proposals/${id}${path}`, { id: String(id), ...params }, OFFICER);
  expect(r.status).toBe(200);
  return formOf((r.body as { defaults: Record<string, unknown> }).defaults);
}

describe("an open consultation cannot be edited into what the gate forbids", () => {
  it("refuses 'TBC' as the summary, naming what to write, and keeps the text typed", async () => {
    const r = await expectRefused(summary.action, "/summary", {}, { intent: "continue", summary: "TBC" }, /Write a summary of the proposal in plain English – 'TBC' is a placeholder/);
    expect((r.body as Reply).lastResult.initialValue).toMatchObject({ summary: "TBC" });
    expect((r.body as Reply).lastResult.error?.summary?.join()).toMatch(/placeholder/);
  });

  it("refuses a summary that tells a different story from the figures: 3 posts where the figures say 12", async () => {
    const text = proposal().summary!.replace("delete 12 social work posts", "delete 3 social work posts");
    expect(text).not.toBe(proposal().summary);
    await expectRefused(summary.action, "/summary", {}, { intent: "continue", summary: text }, /'3 social work posts'/, /12 posts are affected/);
  });

  it("refuses a near-copy pasted over another mitigation, and a mitigation date already past", async () => {
    const [first, second] = proposal().mitigations;
    const form = await defaultsOf(mitigationPage.loader, `/mitigations/${second.id}`, { mitigationId: String(second.id) });
    await expectRefused(mitigationPage.action, `/mitigations/${second.id}`, { mitigationId: String(second.id) }, { ...form, intent: "continue", action: first.action.replace("12-week", "twelve-week") }, /the same as mitigation 1/);
    await expectRefused(mitigationPage.action, `/mitigations/${second.id}`, { mitigationId: String(second.id) }, { ...form, intent: "continue", "dueOn.day": "1", "dueOn.month": "1", "dueOn.year": "2020" }, /has passed/);
  });

  it("refuses full details cut to filler", async () => {
    const form = await defaultsOf(details.loader, "/details", {});
    await expectRefused(details.action, "/details", {}, { ...form, intent: "continue", whyChange: "Information to follow." }, /Explain why the change is needed/);
  });

  it("refuses impact figures taken away", async () => {
    const form = await defaultsOf(impact.loader, "/impact", {});
    await expectRefused(impact.action, "/impact", {}, { ...form, intent: "save", activityPerYear: "" }, /how much of that activity/);
  });

  it("refuses a risk rewritten as a placeholder", async () => {
    const risk = proposal().risks[0];
    const form = await defaultsOf(riskPage.loader, `/risks/${risk.id}`, { riskId: String(risk.id) });
    await expectRefused(riskPage.action, `/risks/${risk.id}`, { riskId: String(risk.id) }, { ...form, intent: "continue", description: "TBC" }, /Describe risk 1/);
  });

  it("refuses removing the only mitigation of a high risk", async () => {
    // Risk "job-loss" (5 × 3 = 15) is mitigated by the redeployment offer alone.
    const p = proposal();
    const jobLoss = p.risks.find((r) => r.description.includes("lose their current jobs"))!;
    const only = p.mitigations.filter((m) => m.riskIds.includes(jobLoss.id));
    expect(only).toHaveLength(1);
    await expectRefused(mitigationPage.action, `/mitigations/${only[0].id}`, { mitigationId: String(only[0].id) }, { intent: "remove" }, /a high risk needs a mitigation/);
  });

  it("refuses removing the last risk: a consultation always carries at least one", async () => {
    const keep = proposal().risks[0];
    // As if the other risks had been removed already (each with its reason).
    const others = proposal().risks.filter((r) => r.id !== keep.id);
    const saved = db().select().from(t.risks).where(eq(t.risks.proposalId, id)).all();
    const links = db().select().from(t.mitigationRisks).all();
    db().delete(t.risks).where(and(eq(t.risks.proposalId, id))).run();
    db().insert(t.risks).values(saved.filter((r) => r.id === keep.id)).run();
    try {
      await expectRefused(riskPage.action, `/risks/${keep.id}`, { riskId: String(keep.id) }, { intent: "remove" }, /Add at least one risk/);
    } finally {
      db().insert(t.risks).values(saved.filter((r) => others.some((o) => o.id === r.id))).run();
      for (const l of links) db().insert(t.mitigationRisks).values(l).onConflictDoNothing().run();
    }
    expect(proposal().risks).toHaveLength(7);
  });

  it("refuses a dependency's effect emptied to a pointer elsewhere", async () => {
    const dep = proposal().dependencies[0];
    const form = await defaultsOf(dependencyPage.loader, `/dependencies/${dep.id}`, { dependencyId: String(dep.id) });
    await expectRefused(dependencyPage.action, `/dependencies/${dep.id}`, { dependencyId: String(dep.id) }, { ...form, intent: "continue", effect: "See the business case." }, /Say how the change affects/);
  });

  it("refuses removing the proposed option", async () => {
    const proposed = proposal().options.find((o) => o.isProposed)!;
    await expectRefused(optionPage.action, `/options/${proposed.id}`, { optionId: String(proposed.id) }, { intent: "remove" }, /mark it as proposed/);
  });

  it("refuses equality evidence replaced with N/A", async () => {
    const form = await defaultsOf(equalityRow.loader, "/equality/age", { characteristic: "age" });
    await expectRefused(equalityRow.action, "/equality/age", { characteristic: "age" }, { ...form, intent: "continue", evidence: "N/A" }, /Give evidence for the rating of Age/);
  });

  it("refuses an aim of the equality duty left blank", async () => {
    const form = await defaultsOf(aims.loader, "/equality/aims", {});
    await expectRefused(aims.action, "/equality/aims", {}, { ...form, intent: "save", aimFosterRelations: "" }, /foster good relations/);
  });

  it("refuses removing the business case", async () => {
    const doc = proposal().documents.find((d) => d.kind === "business_case")!;
    await expectRefused(documentPage.action, `/documents/${doc.id}`, { documentId: String(doc.id) }, { intent: "remove" }, /Attach the internal business case/);
  });

  it("refuses 'how to respond' taken away", async () => {
    const form = await defaultsOf(plan.loader, "/plan", {});
    await expectRefused(plan.action, "/plan", {}, { ...form, intent: "save", howToRespond: "TBC" }, /Say how people can respond/);
  });

  it("refuses the unions taken off a proposal that affects 12 posts", async () => {
    const form = await defaultsOf(stakeholders.loader, "/stakeholders", {});
    await expectRefused(stakeholders.action, "/stakeholders", {}, { ...form, intent: "continue", unions: [] }, /Choose the recognised unions/);
  });

  it("refuses a question rewritten as a placeholder", async () => {
    const q = proposal().questions[0];
    await expectRefused(questionPage.action, `/questions/${q.id}`, { questionId: String(q.id) }, { intent: "continue", question: "TBC" }, /Write question 1 in full/);
  });
});

describe("changes that keep the gate met are still published", () => {
  it("an accepted risk can be removed with a published reason, which the history shows", async () => {
    const accepted = proposal().risks.find((r) => r.acceptanceReason)!;
    const before = everything(id);
    const reason = "Schools told us at the headteachers' forum that this risk is already covered by the waiting-time figures.";
    // Without a reason it is refused, and nothing is written.
    const bare = await post(riskPage.action as never, `/staff/proposals/${id}/risks/${accepted.id}`, { id: String(id), riskId: String(accepted.id) }, OFFICER, { intent: "remove", revision: String(revisionOf(id)) });
    expect(bare.status).toBe(400);
    expect(everything(id)).toEqual(before);

    const r = await post(riskPage.action as never, `/staff/proposals/${id}/risks/${accepted.id}`, { id: String(id), riskId: String(accepted.id) }, OFFICER, {
      intent: "remove",
      revision: String(revisionOf(id)),
      changeNote: reason,
      material: "no",
    });
    expect(r.status).toBe(302);
    expect(proposal().risks.some((x) => x.id === accepted.id)).toBe(false);
    const page = await get(history.loader as never, `/consultations/${SLUG}/history`, { slug: SLUG }, null);
    const [latest] = (page.body as { versions: HistoryEntry[] }).versions;
    expect(latest.changeNote).toBe(reason);
    const risks = latest.changes.find((c) => c.section === "risks")!;
    expect(risks.parts.filter((p) => p.removed).map((p) => p.value).join("")).toMatch(/Schools lose confidence/);
  });

  it("a correction that keeps everything met is saved as a new version", async () => {
    const text = `${proposal().summary}\n\nWe have added an evening drop-in for parents.`;
    const r = await post(summary.action as never, `/staff/proposals/${id}/summary`, { id: String(id) }, OFFICER, { intent: "continue", revision: String(revisionOf(id)), summary: text, ...NOTE });
    expect(r.status).toBe(302);
    expect(proposal().summary).toBe(text);
  });
});

describe("under union notice the approved text stays as the approver saw it", () => {
  it("refuses any change with 409 and writes nothing", async () => {
    const parks = proposalId("reopening-a-closed-park");
    const before = everything(parks);
    const r = await post(summary.action as never, `/staff/proposals/${parks}/summary`, { id: String(parks) }, PARKS_OFFICER, { intent: "continue", revision: String(revisionOf(parks)), summary: "TBC" });
    expect(r.status).toBe(409);
    expect(everything(parks)).toEqual(before);
  });
});

describe("the public page names the approver", () => {
  it("shows who approved the consultation for publication, and when", async () => {
    const r = await get(consultation.loader as never, `/consultations/${SLUG}`, { slug: SLUG }, null);
    expect(r.status).toBe(200);
    const approval = (r.body as { approval: { approverName: string; approvedAt: string } | null }).approval;
    expect(approval?.approverName).toBe("Margaret Ashworth");
    expect(approval?.approvedAt).toBe(db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!.approvedAt);
  });
});
