/**
 * The outcome report shows who responded as the equality monitoring counts, with small numbers
 * suppressed (reach/suppression.ts): on the public outcome page and in the staff preview the
 * approver signs off, through their loaders, on the demo's decided library consultation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { loader as publicOutcomeLoader } from "~/routes/consultations.$slug_.outcome";
import { loader as staffOutcomeLoader } from "~/routes/staff.proposals.$id_.outcome";
import { cookieFor } from "./drafting-helpers";
import { now } from "~/lib/clock";
import { seedDemoReach } from "~/reach/seed.server";
import { seededWithResponses } from "./open-data-fixtures";

const SLUG = "library-opening-hours";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function load(loader: (args: any) => unknown, path: string, params: Record<string, string>, email: string | null): Promise<any> {
  const headers: Record<string, string> = email ? { Cookie: await cookieFor(email) } : {};
  const result = await loader({ request: new Request(`http://localhost${path}`, { headers }), params, context: {} });
  if (result instanceof Response) throw new Error(`${path} answered ${result.status}`);
  return result;
}

type Report = { forms: number; threshold: number; questions: { key: string; rows: { count: number | "small" | "complementary" }[] | null }[] | null };

function expectSuppressed(report: Report) {
  expect(report.forms).toBeGreaterThanOrEqual(report.threshold);
  expect(report.questions?.length).toBeGreaterThan(0);
  const counts = report.questions!.flatMap((q) => q.rows ?? []).map((r) => r.count);
  expect(counts.some((c) => typeof c === "number" && c >= report.threshold)).toBe(true);
  // No number under the threshold is ever shown, and every small one hides a second.
  for (const c of counts) if (typeof c === "number") expect(c).toBeGreaterThanOrEqual(report.threshold);
  for (const q of report.questions!) {
    const rows = q.rows ?? [];
    if (rows.some((r) => r.count === "small")) expect(rows.filter((r) => typeof r.count !== "number").length, q.key).toBeGreaterThanOrEqual(2);
  }
}

beforeAll(async () => {
  await seededWithResponses();
  seedDemoReach(db(), now());
});

describe("equality monitoring in the outcome report", () => {
  it("is on the public outcome page, small numbers suppressed", async () => {
    const d = await load(publicOutcomeLoader, `/consultations/${SLUG}/outcome`, { slug: SLUG }, null);
    expect(d.outcome).not.toBeNull();
    expectSuppressed(d.outcome.monitoring);
    // The demo's library figures include counts under the threshold, so suppression is exercised.
    expect(d.outcome.monitoring.questions.flatMap((q: { rows: { count: unknown }[] | null }) => q.rows ?? []).some((r: { count: unknown }) => r.count === "small")).toBe(true);
  });

  it("is in the staff preview of the report, the same figures", async () => {
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, SLUG)).get()!;
    const publicPage = await load(publicOutcomeLoader, `/consultations/${SLUG}/outcome`, { slug: SLUG }, null);
    const staff = await load(staffOutcomeLoader, `/staff/proposals/${library.id}/outcome`, { id: String(library.id) }, "approver@northmoor.example");
    expect(staff.preview.monitoring).toEqual(publicPage.outcome.monitoring);
  });
});
