/**
 * The title and lead officer after the start page: editable while a draft (the address follows
 * the title, since nobody outside the council has it yet), held by the gate, locked in review,
 * and once open changed only as a published version with a change note, the address unchanged
 * so that every link to the consultation keeps working.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { loadSettings } from "~/lib/settings.server";
import { loadProposal } from "~/proposals/proposals.server";
import { readiness } from "~/proposals/readiness";
import * as titlePage from "~/routes/staff.proposals.$id_.summary_.title";
import * as history from "~/routes/consultations.$slug_.history";
import * as consultation from "~/routes/consultations.$slug";
import type { HistoryEntry } from "~/proposals/versions.server";
import { errorsOf, everything, get, post, proposalId, revisionOf, seeded } from "./drafting-helpers";

const YOUTH_OFFICER = "officer.youth@northmoor.example";
const CAMHS_OFFICER = "officer@northmoor.example";
let youth: number;
let camhs: number;

const save = (id: number, email: string, form: Record<string, string>) =>
  post(titlePage.action as never, `/staff/proposals/${id}/summary/title`, { id: String(id) }, email, { intent: "continue", revision: String(revisionOf(id)), ...form });
const row = (id: number) => db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
const gateCodes = (id: number) => readiness(loadProposal(id)!, loadSettings()).filter((u) => u.field === "title" || u.field === "leadOfficer").map((u) => u.code);

beforeAll(async () => {
  await seeded();
  youth = proposalId("youth-service-review");
  camhs = proposalId("camhs-social-work");
});

describe("while a draft", () => {
  it("the page shows the title and lead officer to change", async () => {
    const page = await get(titlePage.loader as never, `/staff/proposals/${youth}/summary/title`, { id: String(youth) }, YOUTH_OFFICER);
    expect(page.status).toBe(200);
    expect((page.body as { defaults: { title: string; leadOfficer: string } }).defaults).toEqual({ title: row(youth).title, leadOfficer: row(youth).leadOfficer });
  });

  it("a placeholder title is saved as a draft may be, but the gate refuses it and the address follows it", async () => {
    const r = await save(youth, YOUTH_OFFICER, { title: "TBC", leadOfficer: "TBC" });
    expect(r.status).toBe(302);
    expect(row(youth)).toMatchObject({ title: "TBC", leadOfficer: "TBC", slug: "tbc" });
    expect(gateCodes(youth)).toEqual(["summary.title_placeholder", "summary.lead_officer_placeholder"]);
  });

  it("a real title clears the gate's items and gives the proposal an address from it; the audit log says what was saved", async () => {
    const r = await save(youth, YOUTH_OFFICER, { title: "Changes to youth club opening in Northmoor", leadOfficer: "Bethan Lloyd, Youth Service Manager" });
    expect(r.status).toBe(302);
    expect(row(youth)).toMatchObject({ title: "Changes to youth club opening in Northmoor", leadOfficer: "Bethan Lloyd, Youth Service Manager", slug: "changes-to-youth-club-opening-in-northmoor" });
    expect(gateCodes(youth)).toEqual([]);
    const entry = db().select().from(t.auditLog).where(and(eq(t.auditLog.entityId, youth), eq(t.auditLog.action, "proposal.edit"))).all().at(-1)!;
    expect(entry.detail).toMatchObject({ section: "summary", what: "Saved the title and lead officer" });
  });

  it("a title another proposal's address already has gets an address of its own", async () => {
    const r = await save(youth, YOUTH_OFFICER, { title: "Changes to social work in CAMHS", leadOfficer: "Bethan Lloyd, Youth Service Manager" });
    expect(r.status).toBe(302);
    expect(row(youth).slug).toBe("changes-to-social-work-in-camhs");
    expect(row(camhs).slug).toBe("camhs-social-work");
    // The same title again keeps the same address, not a "-2".
    await save(youth, YOUTH_OFFICER, { title: "Changes to social work in CAMHS", leadOfficer: "Bethan Lloyd, Youth Service Manager, Northmoor" });
    expect(row(youth).slug).toBe("changes-to-social-work-in-camhs");
  });

  it("an empty title is refused with the reason and changes nothing; another service's officer cannot change it", async () => {
    const before = everything(youth);
    const empty = await save(youth, YOUTH_OFFICER, { title: "", leadOfficer: "" });
    expect(empty.status).toBe(400);
    expect(errorsOf(empty)).toMatchObject({ title: ["Enter a title for the proposal"], leadOfficer: ["Enter the name and job title of the lead officer"] });
    const other = await save(youth, CAMHS_OFFICER, { title: "Something else entirely here", leadOfficer: "Sam Okafor, Service Manager" });
    expect([403, 404]).toContain(other.status);
    expect(everything(youth)).toEqual(before);
  });
});

describe("in review", () => {
  it("cannot be changed (return it to change it)", async () => {
    const garden = proposalId("garden-waste-collections");
    const before = everything(garden);
    const r = await save(garden, "approver2@northmoor.example", { title: "Winter garden waste", leadOfficer: "David Mensah, Head of Waste and Recycling" });
    expect(r.status).toBe(409);
    expect(everything(garden)).toEqual(before);
  });
});

describe("once open", () => {
  it("a change without a change note is refused and changes nothing", async () => {
    const before = everything(camhs);
    const r = await save(camhs, CAMHS_OFFICER, { title: "Removing social work from CAMHS", leadOfficer: row(camhs).leadOfficer });
    expect(r.status).toBe(400);
    expect(everything(camhs)).toEqual(before);
  });

  it("is published as a version whose history shows the new title; the address does not change and the old link still works", async () => {
    const old = row(camhs);
    const r = await save(camhs, CAMHS_OFFICER, {
      title: "Removing the social work team from children's mental health services (CAMHS)",
      leadOfficer: "Sam Okafor, Head of Children and Young People's Mental Health Services",
      changeNote: "The title now says plainly that the social work team would be removed, as residents asked.",
      material: "no",
    });
    expect(r.status).toBe(302);
    const now = row(camhs);
    expect(now.title).toBe("Removing the social work team from children's mental health services (CAMHS)");
    expect(now.slug).toBe(old.slug);

    const versions = db().select().from(t.proposalVersions).where(and(eq(t.proposalVersions.proposalId, camhs), eq(t.proposalVersions.isPublic, true))).all();
    expect(versions.map((v) => v.reason)).toEqual(["approved", "public_edit"]);
    const page = await get(history.loader as never, `/consultations/${old.slug}/history`, { slug: old.slug }, null);
    const [latest] = (page.body as { versions: HistoryEntry[] }).versions;
    expect(latest.changeNote).toBe("The title now says plainly that the social work team would be removed, as residents asked.");
    const summary = latest.changes.find((c) => c.section === "summary")!;
    // The word diff, read both ways: the old title and lead officer before, the new ones after.
    const after = summary.parts.filter((p) => !p.removed).map((p) => p.value).join("");
    const beforeText = summary.parts.filter((p) => !p.added).map((p) => p.value).join("");
    expect(after).toContain(`Title\n${now.title}`);
    expect(after).toContain(`Lead officer\n${now.leadOfficer}`);
    expect(beforeText).toContain(`Title\n${old.title}`);
    expect(summary.parts.some((p) => p.added && p.value.includes("Removing"))).toBe(true);

    expect((await get(consultation.loader as never, `/consultations/${old.slug}`, { slug: old.slug }, null)).status).toBe(200);
  });
});
