/**
 * Posting under load, through the real route action: 50 residents post at once from two
 * processes on their own database connections (tests/integration/race/) and each comment is
 * stored exactly once; one resident's comment sent from both at once, or sent again, is stored
 * once; and a post after the closing date is refused with a message and stores nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { DUPLICATE_COMMENT } from "~/responses/rules";
import { action as postOnProposal } from "~/routes/consultations.$slug_.comments._index";
import { action as postOnItem } from "~/routes/consultations.$slug_.comments.$kind.$itemId";
import { call, makeRespondent, messages, proposalBySlug, respondentCookie, seeded } from "./responses-fixtures";
import { race, type RaceJob, type RaceRequest } from "./race/race";

const SLUG = "camhs-social-work";
const url = `/consultations/${SLUG}/comments`;
let proposalId: number;

function commentsWith(body: string) {
  return db().select({ n: count() }).from(t.comments).where(and(eq(t.comments.proposalId, proposalId), eq(t.comments.bodyMarkdown, body))).get()!.n;
}

beforeAll(async () => {
  await seeded();
  proposalId = proposalBySlug(SLUG).id;
});

beforeEach(() => resetRateLimitsForTests());
afterAll(() => setClock(null));

describe("posting comments concurrently", () => {
  it("stores each of 50 comments posted at once from two processes, on their own connections, exactly once", async () => {
    // Two processes, as two server processes on one database file: each posts 25 comments
    // through the route action at the same moment (race.ts starts them together).
    const postAs = (cookie: string, body: string, address: string): RaceRequest => ({ url, params: { slug: SLUG }, form: { body }, cookie, address });
    const jobs: RaceJob[] = await Promise.all(
      Array.from({ length: 2 }, async (_, p) => ({
        route: "~/routes/consultations.$slug_.comments._index",
        requests: await Promise.all(
          Array.from({ length: 25 }, async (_, i) =>
            postAs(await respondentCookie(makeRespondent()), `Process ${p}, comment ${i}: the waiting list for assessments is already ${i + 10} weeks.`, `198.51.100.${p * 25 + i}`),
          ),
        ),
      })),
    );
    // One resident's words from two processes at once: exactly one may be stored.
    const twice = await respondentCookie(makeRespondent());
    jobs[0].requests.push(postAs(twice, "Posted from two places at once.", "192.0.2.50"));
    jobs[1].requests.push(postAs(twice, "Posted from two places at once.", "192.0.2.51"));
    const before = db().select({ n: count() }).from(t.comments).get()!.n;

    const results = (await race(jobs)).flat();

    const stored = results.filter((r) => r.status === 302);
    expect(stored).toHaveLength(51);
    expect(results.filter((r) => r.status !== 302).map((r) => [r.status, messages(r.data)])).toEqual([[409, [DUPLICATE_COMMENT]]]);
    // Each redirect points at a different comment, and each comment is stored once.
    expect(new Set(stored.map((r) => r.location)).size).toBe(51);
    expect(stored.every((r) => /\/comments\/\d+\?posted=1$/.test(r.location ?? ""))).toBe(true);
    expect(db().select({ n: count() }).from(t.comments).get()!.n).toBe(before + 51);
    for (const job of jobs) for (const r of job.requests) expect(commentsWith(r.form!.body)).toBe(1);
  }, 120_000);

  it("stores a comment one resident sends five times over once, and says why the rest were refused", async () => {
    const id = makeRespondent();
    const cookie = await respondentCookie(id);
    const body = "Please publish the modelling behind the waiting-time estimate.";
    const results = await Promise.all(Array.from({ length: 5 }, () => call(postOnProposal, url, { params: { slug: SLUG }, form: { body }, cookie })));
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 302);
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    for (const r of refused) expect(messages(r.data)).toEqual([DUPLICATE_COMMENT]);
    expect(commentsWith(body)).toBe(1);
  });

  it("refuses a comment posted after the closing date, with a message, and stores nothing", async () => {
    const p = proposalBySlug(SLUG);
    const id = makeRespondent();
    const cookie = await respondentCookie(id);
    // The day after closing, before the scheduler has run: the state still says "open".
    setClock(new Date(new Date(`${p.closesOn}T12:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000));
    const body = "A comment after the closing date.";
    const result = await call(postOnProposal, url, { params: { slug: SLUG }, form: { body }, cookie });
    expect(result.status).toBe(409);
    expect(messages(result.data).join(" ")).toMatch(/has closed/);
    expect(commentsWith(body)).toBe(0);

    // The same on a risk's thread.
    const risk = db().select().from(t.risks).where(eq(t.risks.proposalId, p.id)).get()!;
    const onRisk = await call(postOnItem, `${url}/risk/${risk.id}`, { params: { slug: SLUG, kind: "risk", itemId: String(risk.id) }, form: { body }, cookie });
    expect(onRisk.status).toBe(409);
    expect(commentsWith(body)).toBe(0);
    setClock(null);
  });

  it("refuses once the scheduler has closed it, too", async () => {
    const p = proposalBySlug(SLUG);
    db().update(t.proposals).set({ state: "closed" }).where(eq(t.proposals.id, p.id)).run();
    const cookie = await respondentCookie(makeRespondent());
    const body = "Another late comment.";
    const result = await call(postOnProposal, url, { params: { slug: SLUG }, form: { body }, cookie });
    expect(result.status).toBe(409);
    expect(messages(result.data)).toEqual(["This consultation has closed. The council is no longer taking comments."]);
    expect(commentsWith(body)).toBe(0);
    db().update(t.proposals).set({ state: "open" }).where(eq(t.proposals.id, p.id)).run();
  });
});
