/**
 * Seeding the demo council into a fresh database: counts, links, lifecycle facts and files.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type DB } from "#db/client.server";
import * as t from "#db/schema";
import { formatAccountsTable, isDatabaseEmpty, seedDemo, type DemoAccountLogin } from "#db/seed.server";
import { loadProposalBySlug } from "~/proposals/proposals.server";
import { readiness } from "~/proposals/readiness";
import { loadSettings } from "~/lib/settings.server";
import { verifyPassword } from "~/auth/password.server";

const seedDate = new Date("2026-11-25T12:00:00Z");
let database: DB;
let accounts: DemoAccountLogin[];

beforeAll(async () => {
  database = openDatabase(process.env.DATABASE_PATH!);
  migrateDatabase(database);
  expect(isDatabaseEmpty(database)).toBe(true);
  ({ accounts } = await seedDemo(database, seedDate));
}, 60_000);

afterAll(() => database.$client.close());

const proposalRow = (slug: string) => database.select().from(t.proposals).where(eq(t.proposals.slug, slug)).get()!;

describe("seedDemo", () => {
  it("stores the council settings and the organisation", () => {
    expect(loadSettings(database).council.name).toBe("Northmoor Borough Council");
    expect(database.select().from(t.services).all().find((s) => s.slug === "camhs")?.workforcePosts).toBe(48);
    expect(database.select().from(t.unions).all().map((u) => u.shortName).sort()).toEqual(["GMB", "UNISON", "Unite"]);
    expect(database.select().from(t.staffGroups).all().length).toBeGreaterThan(10);
  });

  it("creates demo accounts with working passwords, roles, services and union reps", async () => {
    const users = database.select().from(t.users).all();
    expect(users.length).toBe(accounts.length);
    expect(users.every((u) => u.isDemo)).toBe(true);
    const officer = users.find((u) => u.email === "officer@northmoor.example")!;
    expect(await verifyPassword(officer.passwordHash, accounts.find((a) => a.email === officer.email)!.password)).toBe(true);
    expect(officer.serviceId).not.toBeNull();
    const roles = database.select().from(t.userRoles).all();
    for (const role of t.ROLES) expect(roles.some((r) => r.role === role)).toBe(true);
    expect(database.select().from(t.unionReps).all()).toHaveLength(3);
    expect(formatAccountsTable(accounts)).toContain("demo-officer-2026");
  });

  it("seeds the CAMHS consultation with 12 posts and all 12 equality rows", () => {
    const camhs = proposalRow("camhs-social-work");
    expect(camhs.state).toBe("open");
    expect(camhs.postsAffected).toBe(12);
    expect(camhs.fteAffected).toBe(11.4);
    expect(camhs.serviceWorkforcePosts).toBe(48);
    expect(camhs.activityPerYear).toBe(450);
    expect(database.select().from(t.equalityRows).where(eq(t.equalityRows.proposalId, camhs.id)).all()).toHaveLength(12);
    const risks = database.select().from(t.risks).where(eq(t.risks.proposalId, camhs.id)).all();
    const links = database.select().from(t.mitigationRisks).where(inArray(t.mitigationRisks.riskId, risks.map((r) => r.id))).all();
    expect(links.length).toBeGreaterThan(0);
    const questions = database.select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, camhs.id)).all();
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(4);
  });

  it("seeds one withheld part, with its ground, on the ICT business case", () => {
    const ict = proposalRow("ict-strategic-partnership");
    const docs = database.select().from(t.documents).where(eq(t.documents.proposalId, ict.id)).all();
    const parts = database.select().from(t.withheldParts).where(inArray(t.withheldParts.documentId, docs.map((d) => d.id))).all();
    expect(parts).toHaveLength(1);
    expect(parts[0].ground).toBe("foia_s43_commercial");
    expect(docs.find((d) => d.id === parts[0].documentId)?.disclosure).toBe("part_withheld");
  });

  it("records the notices the demo proposals sent: live links under notice, acknowledgements and staff told for open ones", () => {
    const parks = database.select().from(t.proposals).where(eq(t.proposals.state, "union_notice")).get()!;
    expect(database.select().from(t.noticeLinks).where(eq(t.noticeLinks.proposalId, parks.id)).all().length).toBeGreaterThan(0);
    const camhs = database.select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!;
    expect(database.select().from(t.noticeAcknowledgements).where(eq(t.noticeAcknowledgements.proposalId, camhs.id)).all().length).toBeGreaterThan(0);
    expect(database.select().from(t.staffNotifications).where(eq(t.staffNotifications.proposalId, camhs.id)).all().length).toBeGreaterThan(0);
  });

  it("writes a real PDF for every document into the uploads folder", () => {
    const docs = database.select().from(t.documents).all();
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const d of docs) {
      const file = path.join(process.env.UPLOADS_PATH!, d.storageKey);
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.length).toBe(d.sizeBytes);
      expect(d.mimeType).toBe("application/pdf");
    }
  });

  it("every approved proposal was approved by someone other than its creator, before it opened", () => {
    const approved = database.select().from(t.proposals).all().filter((p) => p.approvedAt);
    expect(approved.length).toBeGreaterThanOrEqual(4);
    for (const p of approved) {
      expect(p.approvedById).not.toBeNull();
      expect(p.approvedById).not.toBe(p.createdById);
      const roles = database.select().from(t.userRoles).where(and(eq(t.userRoles.userId, p.approvedById!), eq(t.userRoles.role, "approver"))).all();
      expect(roles).toHaveLength(1);
      expect(Date.parse(p.submittedAt!)).toBeLessThan(Date.parse(p.approvedAt!));
      if (p.openedAt) expect(Date.parse(p.approvedAt!)).toBeLessThan(Date.parse(p.openedAt));
    }
  });

  it("gives each state consistent lifecycle facts", () => {
    const byState = (slug: string) => proposalRow(slug);
    const parks = byState("reopening-a-closed-park");
    expect(parks.state).toBe("union_notice");
    expect(parks.noticeSentAt).not.toBeNull();
    expect(parks.openedAt).toBeNull();
    expect(parks.opensOn! > seedDate.toISOString().slice(0, 10)).toBe(true);
    const allotments = byState("allotment-rents");
    expect(allotments.state).toBe("closed");
    expect(allotments.closedAt).not.toBeNull();
    expect(Date.parse(allotments.closedAt!)).toBeLessThanOrEqual(seedDate.getTime());
    // Closed, published its outcome, then decided: in that order, all before the seed.
    const library = byState("library-opening-hours");
    expect(library.state).toBe("decided");
    expect(Date.parse(library.closedAt!)).toBeLessThan(Date.parse(library.outcomePublishedAt!));
    expect(Date.parse(library.outcomePublishedAt!)).toBeLessThan(Date.parse(library.decidedAt!));
    expect(Date.parse(library.decidedAt!)).toBeLessThanOrEqual(seedDate.getTime());
    const garden = byState("garden-waste-collections");
    expect(garden.state).toBe("in_review");
    expect(garden.submittedAt).not.toBeNull();
    expect(garden.approvedAt).toBeNull();
    const youth = byState("youth-service-review");
    expect(youth.state).toBe("draft");
    expect(youth.submittedAt).toBeNull();
  });

  it("what is stored passes the gate exactly as the files did (the draft still fails)", () => {
    const settings = loadSettings(database);
    for (const row of database.select().from(t.proposals).all()) {
      const p = loadProposalBySlug(row.slug, database)!;
      if (row.state === "draft") expect(readiness(p, settings).length).toBeGreaterThan(0);
      else expect(readiness(p, settings)).toEqual([]);
    }
  });

  it("records the private submitted and approved versions the lifecycle would have taken", () => {
    const camhs = proposalRow("camhs-social-work");
    const versions = database.select().from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, camhs.id)).all();
    expect(versions.map((v) => v.reason)).toEqual(["submitted", "approved"]);
    expect(versions.every((v) => !v.isPublic)).toBe(true);
    expect((versions[1].snapshot as { state: string }).state).toBe("in_review");
    expect(versions[1].createdById).toBe(camhs.approvedById);
    const draft = proposalRow("youth-service-review");
    expect(database.select().from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, draft.id)).all()).toHaveLength(0);
  });

  it("refuses to seed a database that already has users", async () => {
    await expect(seedDemo(database, seedDate)).rejects.toThrow(/already has users/);
  });
});
