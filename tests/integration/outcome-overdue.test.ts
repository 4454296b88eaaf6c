/**
 * The 12-week rule through the pages that show it, on the injectable clock: on the day the
 * outcome is due nothing is overdue; from the next day the staff home page (for the officer and
 * the approver), the staff proposal page and the public consultation page say how many days; the
 * public list too. Publishing the outcome and recording the decision clear it everywhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { outcomeDueOn } from "~/outcomes/overdue";
import { loader as publicLoader } from "~/routes/consultations.$slug";
import { loader as listLoader } from "~/routes/consultations._index";
import { loader as homeLoader } from "~/routes/staff._index";
import { loader as proposalLoader } from "~/routes/staff.proposals.$id";
import { APPROVER, OFFICER, SLUG, cookie, seedAfterClosing, type AfterClosing } from "./outcome-fixtures";

let s: AfterClosing;
let dueOn = "";

/** Noon in London on a day (GMT in winter, BST in summer: either way the same date). */
const noonOn = (day: string) => new Date(`${day}T12:00:00.000Z`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function load(loader: (args: any) => unknown, path: string, params: Record<string, string>, email: string | null): Promise<any> {
  const headers: Record<string, string> = email ? { Cookie: await cookie(email) } : {};
  const result = await loader({ request: new Request(`http://localhost${path}`, { headers }), params, context: {} });
  if (result instanceof Response) throw new Error(`${path} answered ${result.status}`);
  return result;
}

/** What each page says about the outcome being overdue, as its loader gives it. */
async function whatPagesSay() {
  const home = async (email: string) => (await load(homeLoader, "/staff", {}, email)).waiting.after.overdue.find((p: { id: number }) => p.id === s.proposalId) ?? null;
  const staffPage = await load(proposalLoader, `/staff/proposals/${s.proposalId}`, { id: String(s.proposalId) }, OFFICER);
  const publicPage = await load(publicLoader, `/consultations/${SLUG}`, { slug: SLUG }, null);
  const list = await load(listLoader, "/consultations", {}, null);
  const item = list.items.find((i: { slug: string }) => i.slug === SLUG);
  return {
    officerHome: (await home(OFFICER))?.daysOverdue ?? null,
    approverHome: (await home(APPROVER))?.daysOverdue ?? null,
    staffPage: staffPage.after.overdue as string | null,
    publicPage: publicPage.proposal.lifecycle.outcomeOverdue ? publicPage.proposal.lifecycle.outcomeDaysOverdue : null,
    publicList: item?.daysOverdue ?? null,
  };
}

beforeAll(async () => {
  s = await seedAfterClosing();
  dueOn = outcomeDueOn(s.closedOn)!;
  expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}, 60_000);

describe("an outcome 12 weeks after closing", () => {
  it("is not overdue on the day it is due", async () => {
    setClock(noonOn(dueOn));
    expect(await whatPagesSay()).toEqual({ officerHome: null, approverHome: null, staffPage: null, publicPage: null, publicList: 0 });
  });

  it("is overdue by one day the day after, on the staff home page, the staff and public pages and the list", async () => {
    setClock(noonOn(nextDay(dueOn)));
    expect(await whatPagesSay()).toEqual({ officerHome: 1, approverHome: 1, staffPage: "1 day", publicPage: 1, publicList: 1 });
  });

  it("counts the days as they pass", async () => {
    setClock(noonOn(nextDay(nextDay(nextDay(dueOn)))));
    expect(await whatPagesSay()).toMatchObject({ officerHome: 3, staffPage: "3 days", publicPage: 3 });
  });

  it("clears once the outcome is published, and stays clear after the decision", async () => {
    const at = noonOn(nextDay(nextDay(nextDay(dueOn)))).toISOString();
    const decisionMaker = db().select().from(t.users).where(eq(t.users.email, "decisions@northmoor.example")).get()!;
    db().update(t.outcomes).set({ status: "published", publishedAt: at }).where(eq(t.outcomes.proposalId, s.proposalId)).run();
    db()
      .insert(t.outcomes)
      .values({ proposalId: s.proposalId, status: "published", publishedAt: at, responseSummary: "Eight responses.", equalitySummary: "Revisited.", whatHappensNext: "Cabinet decides.", createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .run();
    db().update(t.proposals).set({ state: "outcome_published", outcomePublishedAt: at }).where(eq(t.proposals.id, s.proposalId)).run();
    expect(await whatPagesSay()).toEqual({ officerHome: null, approverHome: null, staffPage: null, publicPage: null, publicList: 0 });

    db()
      .insert(t.decisions)
      .values({ proposalId: s.proposalId, decision: "approved", decidedOn: nextDay(dueOn), reference: "Cabinet, minute 7", noticeUrl: "https://democracy.northmoor.example.gov.uk/7", decidedById: decisionMaker.id, readingConfirmedAt: at, recordedAt: at })
      .run();
    db().update(t.proposals).set({ state: "decided", decidedAt: at }).where(eq(t.proposals.id, s.proposalId)).run();
    setClock(noonOn("2030-01-01"));
    expect(await whatPagesSay()).toEqual({ officerHome: null, approverHome: null, staffPage: null, publicPage: null, publicList: 0 });
  });
});
