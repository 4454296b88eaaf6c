/**
 * Employment law through the real route actions on the seeded demo council: a second proposal
 * of 12 posts at the CAMHS establishment, with its first dismissal within 90 days of the CAMHS
 * consultation's, takes the total to 24, so the s.188(4) disclosure, the 30-day rule and the
 * HR1 reminder apply to both. Bad input is refused with 400 and nothing changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { addDays } from "~/lib/council-time";
import * as start from "~/routes/staff.proposals.new";
import * as impact from "~/routes/staff.proposals.$id_.impact";
import * as employment from "~/routes/staff.proposals.$id_.employment";
import * as overview from "~/routes/staff.proposals.$id";
import { everything, errorsOf, get, post, proposalId, revisionOf, seeded } from "./drafting-helpers";

const OFFICER = "officer@northmoor.example"; // CAMHS
const APPROVER = "approver@northmoor.example";

let camhs: number;
let second: number;
let camhsDismissal: string;

type Overview = { unmet: { code: string; field?: string; message: string; href: string | null }[]; period: { hr1: string | null } };
type EmploymentPage = { collective: { applies: boolean; total: number; sentence: string | null }; hr1: string | null; needs: { message: string; href: string }[] };

const url = (id: number, rest = "") => `/staff/proposals/${id}${rest}`;
const overviewOf = async (id: number, email = OFFICER) => (await get(overview.loader, url(id), { id: String(id) }, email)).body as Overview;

beforeAll(async () => {
  await seeded();
  camhs = proposalId("camhs-social-work");
  camhsDismissal = db().select().from(t.proposals).where(eq(t.proposals.id, camhs)).get()!.firstDismissalOn!;
  const serviceId = String(db().select().from(t.services).where(eq(t.services.slug, "camhs")).get()!.id);
  const made = await post(start.action, "/staff/proposals/new", {}, OFFICER, { title: "Close the CAMHS family therapy service", serviceId, leadOfficer: "Priya Shah, Head of CAMHS" });
  second = Number(made.location!.split("/").pop());
  const figures = await post(impact.action, url(second, "/impact"), { id: String(second) }, OFFICER, {
    intent: "save",
    revision: String(revisionOf(second)),
    postsAffected: "12",
    fteAffected: "10.6",
    serviceWorkforcePosts: "48",
  });
  expect(figures.status).toBe(302);
});

describe("redundancies counted across proposals at one establishment within 90 days (s.188)", () => {
  it("saves how many posts, where and from when, through the employment page", async () => {
    const saved = await post(employment.action, url(second, "/employment"), { id: String(second) }, OFFICER, {
      intent: "save",
      revision: String(revisionOf(second)),
      redundancyPosts: "12",
      establishment: "ashdown-house",
      "firstDismissalOn.day": String(Number(addDays(camhsDismissal, 30).slice(8))),
      "firstDismissalOn.month": String(Number(addDays(camhsDismissal, 30).slice(5, 7))),
      "firstDismissalOn.year": addDays(camhsDismissal, 30).slice(0, 4),
      transferKind: "none",
    });
    expect(saved.status).toBe(302);
    const row = db().select().from(t.proposals).where(eq(t.proposals.id, second)).get()!;
    expect(row).toMatchObject({ redundancyPosts: 12, establishment: "ashdown-house", firstDismissalOn: addDays(camhsDismissal, 30), transferKind: "none" });
  });

  it("two proposals of 12 posts each cross the threshold: the draft must carry the whole s.188(4) disclosure", async () => {
    const page = (await get(employment.loader, url(second, "/employment"), { id: String(second) }, OFFICER)).body as EmploymentPage;
    expect(page.collective).toMatchObject({ applies: true, total: 24 });
    expect(page.collective.sentence).toContain("24 posts are proposed for redundancy at Ashdown House (children's mental health and family services) within 90 days (12 in this proposal and 12 in 1 other proposal)");
    expect(page.hr1).toMatch(/form HR1 by .* 30 days before the first dismissal/);
    const fields = page.needs.map((n) => n.href.split("#")[1]);
    for (const f of ["redundancyReasons", "staffDescriptions", "employedInDescriptions", "selectionMethod", "dismissalMethodAndTiming", "redundancyPayMethod", "agencyWorkerCount"]) {
      expect(fields).toContain(f);
    }
    const gate = await overviewOf(second);
    const s188 = gate.unmet.filter((u) => u.code === "stakeholders.s188_missing");
    expect(s188).toHaveLength(6);
    expect(s188[0].href).toBe(`${url(second, "/employment")}#redundancyReasons`);
    expect(gate.period.hr1).toMatch(/section 193/);
  });

  it("a draft does not count against the open CAMHS consultation; once submitted it does", async () => {
    expect((await overviewOf(camhs)).unmet.map((u) => u.code)).not.toContain("stakeholders.s188_missing");
    db().update(t.proposals).set({ state: "in_review" }).where(eq(t.proposals.id, second)).run();
    try {
      const gate = await overviewOf(camhs);
      expect(gate.unmet.filter((u) => u.code === "stakeholders.s188_missing").map((u) => u.message)[0]).toContain("24 posts are proposed for redundancy");
      expect(gate.period.hr1).toMatch(/form HR1/);
    } finally {
      db().update(t.proposals).set({ state: "draft" }).where(eq(t.proposals.id, second)).run();
    }
  });

  it("a first dismissal 90 days or more apart is a separate period", async () => {
    db().update(t.proposals).set({ firstDismissalOn: addDays(camhsDismissal, 90) }).where(eq(t.proposals.id, second)).run();
    const page = (await get(employment.loader, url(second, "/employment"), { id: String(second) }, OFFICER)).body as EmploymentPage;
    expect(page.collective).toMatchObject({ applies: false, total: 12 });
    db().update(t.proposals).set({ firstDismissalOn: addDays(camhsDismissal, 30) }).where(eq(t.proposals.id, second)).run();
  });
});

describe("bad input on the employment page", () => {
  const revision = () => String(revisionOf(second));
  it.each([
    ["a number that is not a number", { redundancyPosts: "twelve" }, "redundancyPosts", /whole number/],
    ["an establishment not in the settings", { establishment: "the-moon" }, "establishment", /Choose the establishment/],
    ["a date that does not exist", { "firstDismissalOn.day": "31", "firstDismissalOn.month": "2", "firstDismissalOn.year": "2027" }, "firstDismissalOn", /real date/],
    ["a transfer kind that does not exist", { transferKind: "sold" }, "transferKind", /transfer/],
    ["a negative number of agency workers", { agencyWorkerCount: "-3" }, "agencyWorkerCount", /whole number/],
  ] as const)("refuses %s with 400 and writes nothing", async (_name, form, field, message) => {
    const before = everything(second);
    const result = await post(employment.action, url(second, "/employment"), { id: String(second) }, OFFICER, { intent: "save", revision: revision(), ...form });
    expect(result.status).toBe(400);
    expect(errorsOf(result)[field]?.[0]).toMatch(message);
    expect(everything(second)).toEqual(before);
  });

  it("refuses a save without its revision", async () => {
    const before = everything(second);
    const result = await post(employment.action, url(second, "/employment"), { id: String(second) }, OFFICER, { intent: "save", redundancyPosts: "3" });
    expect(result.status).toBe(400);
    expect(everything(second)).toEqual(before);
  });

  it("an approver cannot change it (403), and nothing changes", async () => {
    const before = everything(second);
    const result = await post(employment.action, url(second, "/employment"), { id: String(second) }, APPROVER, { intent: "save", revision: revision(), redundancyPosts: "1" });
    expect([403, 404]).toContain(result.status);
    expect(everything(second)).toEqual(before);
  });
});
