/**
 * The demo council after closing, as content/ describes it: the library consultation decided,
 * with a realistic outcome (themes with coded answers, a change linked to its version, a re-rated
 * equality row) and a recorded decision; the allotment consultation closed, overdue, with
 * responses waiting to be read and a change an outcome could link to.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { loadSettings } from "~/lib/settings.server";
import { outcomeReadiness } from "~/outcomes/gate";
import { outcomeDraft } from "~/outcomes/outcome.server";
import { outcomeClock } from "~/outcomes/overdue";
import { decisionOf, publishedAnswers, publishedOutcome } from "~/outcomes/read.server";
import { loadProposalBySlug } from "~/proposals/proposals.server";
import { readiness } from "~/proposals/readiness";
import { publicHistory } from "~/proposals/versions.server";

const seedDate = new Date("2026-11-30T10:00:00Z");

beforeAll(async () => {
  migrateDatabase(db());
  await seedDemo(db(), seedDate);
}, 60_000);

describe("the decided library consultation", () => {
  it("has a published outcome that passes its own gate, with themes, a linked change and a re-rated equality row", () => {
    const p = loadProposalBySlug("library-opening-hours")!;
    const settings = loadSettings();
    expect(p.state).toBe("decided");
    expect(outcomeReadiness(outcomeDraft(p, settings), settings.gate.evidenceMinWords)).toEqual([]);
    expect(readiness(p, settings)).toEqual([]);
    const o = publishedOutcome(p, settings)!;
    expect(o.themes.length).toBeGreaterThanOrEqual(4);
    expect(o.themes.every((th) => th.respondents > 0 && th.councilResponse.length > 50)).toBe(true);
    const changed = o.themes.find((th) => th.changed)!;
    expect(changed.version).toMatchObject({ number: 2 });
    expect(o.equality).toEqual([expect.objectContaining({ characteristic: "pregnancy_maternity", before: expect.objectContaining({ rating: "neutral" }), after: expect.objectContaining({ rating: "negative" }) })]);
    expect(p.equalityRows.find((r) => r.characteristic === "pregnancy_maternity")?.rating).toBe("negative");
    expect(o.counts.responses).toBe(15);
    expect(publishedAnswers(p, 1).total).toBeGreaterThan(3);
  });

  it("shows its change and the equality revisit on the history page", () => {
    const p = loadProposalBySlug("library-opening-hours")!;
    const history = publicHistory(p.id, loadSettings());
    expect(history.map((v) => v.reason)).toEqual(["outcome", "public_edit", "approved"]);
    expect(history[1].changes.map((c) => c.section)).toEqual(["details"]);
  });

  it("was decided by the decision maker after confirming reading", () => {
    const p = loadProposalBySlug("library-opening-hours")!;
    expect(decisionOf(p.id)).toMatchObject({ decision: "approved_with_changes", label: "Approved with changes" });
    const d = db().select().from(t.decisions).where(eq(t.decisions.proposalId, p.id)).get()!;
    const maker = db().select().from(t.users).where(eq(t.users.id, d.decidedById!)).get()!;
    expect(maker.email).toBe("decisions@northmoor.example");
    expect(d.readingConfirmedAt < d.recordedAt).toBe(true);
    expect(Date.parse(p.outcomePublishedAt!)).toBeLessThan(Date.parse(d.readingConfirmedAt));
  });
});

describe("the overdue allotment consultation", () => {
  it("is closed, overdue, with responses to read and a published change to link", () => {
    const p = loadProposalBySlug("allotment-rents")!;
    expect(p.state).toBe("closed");
    const clock = outcomeClock(p, seedDate);
    expect(clock.overdue).toBe(true);
    expect(clock.daysOverdue).toBeGreaterThanOrEqual(14);
    expect(db().select().from(t.responses).where(eq(t.responses.proposalId, p.id)).all().length).toBeGreaterThanOrEqual(6);
    expect(p.questions.some((q) => q.personal)).toBe(true);
    expect(publicHistory(p.id, loadSettings()).some((v) => v.reason === "public_edit")).toBe(true);
    expect(publishedOutcome(p, loadSettings())).toBeNull();
  });
});
