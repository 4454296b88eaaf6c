/**
 * The demo's challenges to the facts: a correction on the ICT partnership (by a member of staff,
 * nobody knows who), an answer that stands and one waiting on CAMHS; the demo consultations
 * still pass the gate afterwards; and every staff email at opening carries the staff link, which
 * a copy kept after real delivery does not.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { publicChallenges } from "~/challenges/challenges.server";
import { seedDemoChallenges } from "~/challenges/seed.server";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { scrubSecrets } from "~/notifications/delivery";
import { loadProposalBySlug } from "~/proposals/proposals.server";
import { readiness } from "~/proposals/readiness";
import { seedDemoResponses } from "~/responses/seed.server";
import { seeded } from "./responses-fixtures";

beforeAll(async () => {
  await seeded();
  seedDemoResponses(db(), now());
  seedDemoChallenges(db(), now());
}, 60_000);

describe("the demo's challenges", () => {
  it("CAMHS: one answered (it stands), one from UNISON waiting", () => {
    const shown = publicChallenges(loadProposalBySlug("camhs-social-work")!);
    expect(shown.map((c) => c.standing).sort()).toEqual(["stands", "waiting"]);
    expect(shown.find((c) => c.standing === "stands")).toMatchObject({ by: "Helen Marsh", claim: "Change to the budget a year: a saving of £604,000 a year" });
    expect(shown.find((c) => c.standing === "waiting")!.by).toBe("Karen Whitfield, UNISON, the public service union");
  });

  it("ICT: corrected in a published version, by “A member of staff”", () => {
    const ict = loadProposalBySlug("ict-strategic-partnership")!;
    const [corrected] = publicChallenges(ict);
    expect(corrected).toMatchObject({ standing: "corrected", by: "A member of staff" });
    expect(corrected.correction!.number).toBe(2);
    const figures = corrected.correction!.changes.find((c) => c.section === "impact")!;
    expect(figures.parts.filter((p) => p.added).map((p) => p.value).join("")).toMatch(/61\D?800/);
    expect(ict.activityPerYear).toBe(61_800);
    const row = db().select().from(t.challenges).where(eq(t.challenges.proposalId, ict.id)).get()!;
    expect(row).toMatchObject({ respondentId: null, userId: null, displayName: null });
  });

  it("every demo consultation past drafting still passes the gate", () => {
    const settings = loadSettings();
    for (const p of db().select().from(t.proposals).all()) {
      if (p.state === "draft") continue;
      const proposal = loadProposalBySlug(p.slug)!;
      expect(readiness(proposal, settings), p.slug).toEqual([]);
    }
  });

  it("the staff emails at opening carry the staff link, and a copy kept after sending does not", () => {
    const ict = loadProposalBySlug("ict-strategic-partnership")!;
    const emails = db().select().from(t.outbox).where(and(eq(t.outbox.event, "staff_opened"), eq(t.outbox.proposalId, ict.id))).all();
    expect(emails.length).toBe(2);
    const links = emails.map((e) => /\/challenge\/staff\/([A-Za-z0-9_-]{43})/.exec(e.textBody)?.[1]);
    // The same link for every group: using it says nothing about which one.
    expect(new Set(links).size).toBe(1);
    expect(scrubSecrets(emails[0].textBody)).toContain("/challenge/staff/(removed after sending)");
  });
});
