/**
 * Posting under load, through the real route action: 50 residents post at once and each comment
 * is stored exactly once; one resident's double-submitted comment is stored once; and a post
 * after the closing date is refused with a message and stores nothing.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { CLOSED_MESSAGE, DUPLICATE_COMMENT } from "~/responses/rules";
import { action as postOnProposal } from "~/routes/consultations.$slug_.comments._index";
import { action as postOnItem } from "~/routes/consultations.$slug_.comments.$kind.$itemId";
import { call, makeRespondent, messages, proposalBySlug, respondentCookie, seeded } from "./responses-fixtures";

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
  it("stores each of 50 simultaneous comments exactly once", async () => {
    const residents = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const id = makeRespondent();
        return { id, cookie: await respondentCookie(id), body: `Comment number ${i}: the waiting list for assessments is already ${i + 10} weeks.` };
      }),
    );
    const before = db().select({ n: count() }).from(t.comments).get()!.n;

    const results = await Promise.all(
      residents.map((r, i) => call(postOnProposal, url, { params: { slug: SLUG }, form: { body: r.body }, cookie: r.cookie, address: `198.51.100.${i}` })),
    );

    expect(results.map((r) => r.status)).toEqual(Array(50).fill(302));
    expect(results.every((r) => /\/comments\/\d+\?posted=1$/.test(r.location ?? ""))).toBe(true);
    expect(db().select({ n: count() }).from(t.comments).get()!.n).toBe(before + 50);
    for (const r of residents) {
      expect(commentsWith(r.body)).toBe(1);
      const row = db().select().from(t.comments).where(eq(t.comments.bodyMarkdown, r.body)).get()!;
      expect(row).toMatchObject({ respondentId: r.id, status: "visible", depth: 0, targetType: "proposal", targetId: proposalId });
    }
    // Each redirect points at a different comment.
    expect(new Set(results.map((r) => r.location)).size).toBe(50);
  });

  it("stores each comment exactly once when five processes post 50 at the same moment on their own connections", async () => {
    const run = promisify(execFile);
    const startAt = Date.now() + 4000;
    const jobs = Array.from({ length: 5 }, (_, p) => ({
      proposalId,
      startAt,
      posts: Array.from({ length: 10 }, (_, i) => ({ respondentId: makeRespondent(), body: `Process ${p}, comment ${i}: schools need to know the referral route.` })),
    }));
    // One resident's words in two processes at once: the second must be refused as a duplicate.
    const twice = makeRespondent();
    jobs[0].posts.push({ respondentId: twice, body: "Posted from two places at once." });
    jobs[1].posts.push({ respondentId: twice, body: "Posted from two places at once." });
    const before = db().select({ n: count() }).from(t.comments).get()!.n;

    const outputs = await Promise.all(
      jobs.map((job) =>
        run(process.execPath, ["--import", "tsx", path.resolve("tests/integration/responses-poster.ts"), JSON.stringify(job)], { env: process.env, timeout: 60_000 }),
      ),
    );
    const results = outputs.flatMap((o) => JSON.parse(o.stdout) as { ok: boolean; message?: string }[]);

    expect(results.filter((r) => r.ok)).toHaveLength(51);
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([DUPLICATE_COMMENT]);
    expect(db().select({ n: count() }).from(t.comments).get()!.n).toBe(before + 51);
    for (const job of jobs) for (const post of job.posts) expect(commentsWith(post.body)).toBe(1);
  }, 60_000);

  it("stores a comment submitted five times at once by one resident once, and says why the rest were refused", async () => {
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
    expect(CLOSED_MESSAGE).toMatch(/closed/);
    db().update(t.proposals).set({ state: "open" }).where(eq(t.proposals.id, p.id)).run();
  });
});
