/**
 * Threads as the comments module keeps them: three levels, replies in their parent's thread,
 * rows that belong to the consultation, the safe Markdown subset, editing for a short while,
 * deleting to a placeholder, official answers, pre-moderation, rate limits, the honeypot, and
 * paging that stays quick with thousands of comments.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, eq, ne } from "drizzle-orm";
import * as t from "#db/schema";
import { db, writeTransaction } from "#db/client.server";
import { advanceClock, setClock } from "~/lib/clock";
import type { SignedInViewer } from "~/auth/permissions";
import {
  ANONYMOUS_READER,
  deleteComment,
  editComment,
  loadCommentContext,
  loadOfficialAnswers,
  loadThread,
  postComment,
  publishableComments,
  threadCounts,
  type Author,
} from "~/responses/comments.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { COMMENT_MAX_CHARS, DUPLICATE_COMMENT, REPLIES_SHOWN, THREAD_PAGE_SIZE, TOO_MANY_COMMENTS, type CommentTarget } from "~/responses/rules";
import { action as postOnProposal, loader as proposalThread } from "~/routes/consultations.$slug_.comments._index";
import { loader as itemThread } from "~/routes/consultations.$slug_.comments.$kind.$itemId";
import { loader as privacyLoader } from "~/routes/respondents.privacy";
import { call, makeRespondent, messages, proposalBySlug, respondentCookie, seeded, staffCookie } from "./responses-fixtures";

const SLUG = "camhs-social-work";
let proposalId: number;
let otherProposalId: number;
let riskId: number;
let otherRiskId: number;

const reader = ANONYMOUS_READER(true, "Northmoor Council");
const as = (respondentId: number): Author => ({ kind: "respondent", respondentId });
const post = (author: Author, body: string, where: { target?: CommentTarget; parentId?: number } = {}) =>
  postComment({ proposal: { id: proposalId }, author, body, address: "192.0.2.1", ...where });
const ok = (r: ReturnType<typeof postComment>) => {
  if (!r.ok) throw new Error(`expected success, got ${r.status}: ${r.message}`);
  return r.commentId;
};

function officer(): SignedInViewer {
  const u = db().select().from(t.users).where(eq(t.users.email, "officer@northmoor.example")).get()!;
  return { id: u.id, name: u.name, email: u.email, roles: ["officer"], serviceId: u.serviceId, unionIds: [] };
}

beforeAll(async () => {
  await seeded();
  proposalId = proposalBySlug(SLUG).id;
  otherProposalId = proposalBySlug("ict-strategic-partnership").id;
  riskId = db().select().from(t.risks).where(eq(t.risks.proposalId, proposalId)).get()!.id;
  otherRiskId = db().select().from(t.risks).where(eq(t.risks.proposalId, otherProposalId)).get()!.id;
});

beforeEach(() => resetRateLimitsForTests());
afterEach(() => setClock(null));

describe("threads", () => {
  it("nests replies three levels deep and refuses a fourth", () => {
    const a = makeRespondent();
    const b = makeRespondent();
    const root = ok(post(as(a), "Level one", { target: { type: "risk", id: riskId } }));
    const reply = ok(post(as(b), "Level two", { parentId: root }));
    const deeper = ok(post(as(a), "Level three", { parentId: reply }));
    const tooDeep = post(as(b), "Level four", { parentId: deeper });
    expect(tooDeep).toMatchObject({ ok: false, status: 409 });
    expect(!tooDeep.ok && tooDeep.message).toMatch(/three levels/);

    // Replies join their parent's thread, whatever the form said.
    const rows = db().select().from(t.comments).where(eq(t.comments.id, deeper)).all();
    expect(rows[0]).toMatchObject({ depth: 2, parentId: reply, targetType: "risk", targetId: riskId });

    const thread = loadThread(proposalId, { type: "risk", id: riskId }, { page: 1, order: "oldest" }, reader);
    const top = thread.comments.find((c) => c.id === root)!;
    expect(top.replies.map((r) => r.id)).toEqual([reply]);
    expect(top.replies[0].replies.map((r) => r.id)).toEqual([deeper]);
    expect(top.replies[0].replies[0].canReply).toBe(false);
  });

  it("accepts a row only from this consultation", () => {
    const r = post(as(makeRespondent()), "On someone else's risk", { target: { type: "risk", id: otherRiskId } });
    expect(r).toMatchObject({ ok: false, status: 404 });
    const parentElsewhere = postComment({ proposal: { id: otherProposalId }, author: as(makeRespondent()), body: "x", address: "a", target: { type: "proposal", id: otherProposalId } });
    const crossReply = post(as(makeRespondent()), "Reply across consultations", { parentId: ok(parentElsewhere) });
    expect(crossReply).toMatchObject({ ok: false, status: 404 });
  });

  it("renders the safe Markdown subset: links http, https and mailto only, marked nofollow ugc; raw HTML shown as text", () => {
    const id = ok(
      post(as(makeRespondent()), "**Bold** [ok](https://example.org) [bad](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) <img src=x onerror=alert(1)> [mail](mailto:a@example.org)"),
    );
    const row = db().select().from(t.comments).where(eq(t.comments.id, id)).get()!;
    expect(row.bodyHtml).toContain("<strong>Bold</strong>");
    expect(row.bodyHtml).toContain('<a href="https://example.org" rel="nofollow ugc">ok</a>');
    expect(row.bodyHtml).toContain('<a href="mailto:a@example.org" rel="nofollow ugc">mail</a>');
    expect(row.bodyHtml).not.toMatch(/href="(javascript|data):/i);
    expect(row.bodyHtml).not.toMatch(/<img/i);
    expect(row.bodyHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("refuses empty and oversized comments with a message, and writes nothing", () => {
    const before = db().select({ n: count() }).from(t.comments).get()!.n;
    expect(post(as(makeRespondent()), "   \n\t ")).toMatchObject({ ok: false, status: 400, message: "Enter your comment" });
    expect(post(as(makeRespondent()), "x".repeat(COMMENT_MAX_CHARS + 1))).toMatchObject({ ok: false, status: 400 });
    expect(db().select({ n: count() }).from(t.comments).get()!.n).toBe(before);
    // Markdown that would show nothing (an image alone) is shown as typed, escaped.
    const image = ok(post(as(makeRespondent()), "![chart](javascript:alert(1))"));
    expect(db().select().from(t.comments).where(eq(t.comments.id, image)).get()!.bodyHtml).toBe("<p>![chart](javascript:alert(1))</p>");
    expect(ok(post(as(makeRespondent()), "y".repeat(COMMENT_MAX_CHARS)))).toBeGreaterThan(0);
  });

  it("refuses the same text twice from one resident, ignoring case and spacing, but not from someone else", () => {
    const a = makeRespondent();
    ok(post(as(a), "The duty team cannot absorb this."));
    const again = post(as(a), "  the duty   team cannot absorb THIS. ", { target: { type: "risk", id: riskId } });
    expect(again).toMatchObject({ ok: false, status: 409, message: DUPLICATE_COMMENT });
    ok(post(as(makeRespondent()), "The duty team cannot absorb this."));
  });

  it("lets the author edit for 15 minutes, marked as edited, then not", () => {
    setClock(new Date("2026-12-01T10:00:00Z"));
    const a = makeRespondent();
    const id = ok(post(as(a), "Frist thoughts"));
    advanceClock(5 * 60 * 1000);
    expect(editComment({ proposalId, commentId: id, author: as(makeRespondent()), body: "Hijack" })).toMatchObject({ ok: false, status: 404 });
    expect(editComment({ proposalId, commentId: id, author: as(a), body: "First thoughts" })).toMatchObject({ ok: true });
    const row = db().select().from(t.comments).where(eq(t.comments.id, id)).get()!;
    expect(row.bodyMarkdown).toBe("First thoughts");
    expect(row.editedAt).toBe("2026-12-01T10:05:00.000Z");
    const view = loadCommentContext(proposalId, id, 1, reader)!;
    expect(view.comment.editedAt).not.toBeNull();
    advanceClock(11 * 60 * 1000);
    expect(editComment({ proposalId, commentId: id, author: as(a), body: "Too late" })).toMatchObject({ ok: false, status: 403 });
  });

  it("deletes to a placeholder that keeps replies in place, and leaves nothing when there are none", () => {
    const a = makeRespondent();
    const lonely = ok(post(as(a), "Nobody will answer this"));
    const answered = ok(post(as(a), "Somebody will answer this"));
    const reply = ok(post(as(makeRespondent()), "I answer", { parentId: answered }));
    expect(deleteComment({ proposalId, commentId: lonely, author: as(a) })).toMatchObject({ ok: true });
    expect(deleteComment({ proposalId, commentId: answered, author: as(a) })).toMatchObject({ ok: true });

    const rows = db().select().from(t.comments).where(eq(t.comments.id, answered)).all();
    expect(rows[0]).toMatchObject({ status: "deleted", bodyMarkdown: "", bodyHtml: "" });
    const all = loadThread(proposalId, { type: "proposal", id: proposalId }, { page: 1, order: "newest", pageSize: 100 }, reader).comments;
    expect(all.find((c) => c.id === lonely)).toBeUndefined();
    const placeholder = all.find((c) => c.id === answered)!;
    expect(placeholder).toMatchObject({ status: "deleted", author: null, html: "", canReply: false, canReport: false });
    expect(placeholder.replies.map((r) => r.id)).toEqual([reply]);
    // The words may be posted again once deleted.
    ok(post(as(a), "Nobody will answer this"));
  });

  it("marks officers' answers as official, lists them with what they answer, and never holds them for review", () => {
    const resident = makeRespondent({ name: "Jo Bloggs" });
    const question = ok(post(as(resident), "Who will do the assessments?"));
    db().update(t.proposals).set({ premoderateComments: true }).where(eq(t.proposals.id, proposalId)).run();
    try {
      const answer = postComment({ proposal: { id: proposalId }, author: { kind: "officer", viewer: officer() }, body: "The duty social workers in the core teams.", parentId: question, address: "x" });
      expect(answer).toMatchObject({ ok: true, status: "visible" });
      const official = loadOfficialAnswers(proposalId, { page: 1 }, reader);
      const listed = official.answers.find((x) => answer.ok && x.id === answer.commentId)!;
      expect(listed.official).toBe(true);
      // `council`: the capacity is the council's own name (content, marked as its language on a translated page).
      expect(listed.author).toEqual({ name: "Sam Okafor", capacity: "Northmoor Council", council: true });
      expect(listed.inReplyTo).toEqual({ name: "Jo Bloggs", anonymous: false, excerpt: "Who will do the assessments?" });
      // Nothing that is not official is in the list.
      expect(official.answers.every((x) => x.official)).toBe(true);
      const audit = db().select().from(t.auditLog).where(eq(t.auditLog.action, "comment.official_answer")).all();
      expect(audit.map((a) => a.entityId)).toContain(answer.ok ? answer.commentId : -1);
      // A resident cannot reply to a comment still waiting for a moderator.
      const pending = post(as(makeRespondent()), "Waiting for review");
      expect(pending).toMatchObject({ ok: true, status: "pending" });
      expect(post(as(makeRespondent()), "Reply to a pending comment", { parentId: pending.ok ? pending.commentId : 0 })).toMatchObject({ ok: false, status: 409 });
    } finally {
      db().update(t.proposals).set({ premoderateComments: false }).where(eq(t.proposals.id, proposalId)).run();
    }
  });

  it("under pre-moderation shows a resident's comment only to them until approved, and does not count it", () => {
    db().update(t.proposals).set({ premoderateComments: true }).where(eq(t.proposals.id, proposalId)).run();
    try {
      const a = makeRespondent();
      const target = { type: "mitigation" as const, id: db().select().from(t.mitigations).where(eq(t.mitigations.proposalId, proposalId)).get()!.id };
      const r = post(as(a), "Held for review", { target });
      expect(r).toMatchObject({ ok: true, status: "pending" });
      expect(threadCounts(proposalId)[`mitigation:${target.id}`] ?? 0).toBe(0);
      expect(loadThread(proposalId, target, { page: 1, order: "oldest" }, reader).comments).toHaveLength(0);
      const mine = loadThread(proposalId, target, { page: 1, order: "oldest" }, { ...reader, respondentId: a }).comments;
      expect(mine.map((c) => c.status)).toEqual(["pending"]);
      expect(publishableComments(proposalId).some((c) => r.ok && c.id === r.commentId)).toBe(false);
    } finally {
      db().update(t.proposals).set({ premoderateComments: false }).where(eq(t.proposals.id, proposalId)).run();
    }
  });

  it("limits how fast one resident can post, and gives back the allowance of refused posts", () => {
    const a = makeRespondent();
    for (let i = 0; i < 5; i++) ok(post(as(a), `Quick comment ${i}`));
    expect(post(as(a), "One too many")).toMatchObject({ ok: false, status: 429, message: TOO_MANY_COMMENTS });
    // Another resident is unaffected.
    ok(post(as(makeRespondent()), "My first comment"));
    resetRateLimitsForTests();
    const b = makeRespondent();
    ok(post(as(b), "Same words"));
    for (let i = 0; i < 6; i++) post(as(b), "Same words"); // refused as duplicates, not counted
    for (let i = 0; i < 4; i++) ok(post(as(b), `Different words ${i}`));
  });

  it("limits posts from one address across residents", () => {
    const results = Array.from({ length: 61 }, (_, i) => postComment({ proposal: { id: proposalId }, author: as(makeRespondent()), body: `From the same address ${i}`, address: "192.0.2.99" }));
    expect(results.slice(0, 60).every((r) => r.ok)).toBe(true);
    expect(results[60]).toMatchObject({ ok: false, status: 429 });
  });
});

describe("through the page", () => {
  it("pretends to accept a comment whose honeypot is filled, and stores nothing", async () => {
    const cookie = await respondentCookie(makeRespondent());
    const body = "Buy cheap watches";
    const r = await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body, website: "https://spam.example" }, cookie });
    expect(r.status).toBe(302);
    expect(db().select({ n: count() }).from(t.comments).where(eq(t.comments.bodyMarkdown, body)).get()!.n).toBe(0);
  });

  it("sends someone who is not signed in to sign in, and keeps where they were", async () => {
    const r = await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body: "Hello" } });
    expect(r.status).toBe(302);
    // Sign in, then the privacy notice and "how you appear" (each skipped if done), then back here.
    const steps = `/respondents/privacy?redirectTo=${encodeURIComponent(`/consultations/${SLUG}/comments`)}`;
    expect(r.location).toBe(`/respondents/sign-in?redirectTo=${encodeURIComponent(steps)}`);
    const ready = await respondentCookie(makeRespondent());
    expect((await call(privacyLoader, steps, { cookie: ready })).location).toBe(`/consultations/${SLUG}/comments`);
  });

  it("sends a resident who has not read the privacy notice to read it first", async () => {
    const cookie = await respondentCookie(makeRespondent({ privacyAcceptedAt: null, respondingAs: null }));
    const r = await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body: "Hello" }, cookie });
    expect(r.location).toMatch(/^\/respondents\/privacy\?redirectTo=/);
  });

  it("answers an empty comment with the message beside the field, status 400", async () => {
    const cookie = await respondentCookie(makeRespondent());
    const r = await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body: "  " }, cookie });
    expect(r.status).toBe(400);
    expect(messages(r.data)).toEqual(["Enter your comment"]);
  });

  it("lets an officer of the service answer officially, and refuses a moderator", async () => {
    const officerCookie = await staffCookie("officer@northmoor.example");
    const r = await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body: "An official statement about staffing." }, cookie: officerCookie });
    expect(r.status).toBe(302);
    const row = db().select().from(t.comments).where(eq(t.comments.bodyMarkdown, "An official statement about staffing.")).get()!;
    expect(row.officerId).not.toBeNull();
    expect(row.respondentId).toBeNull();
    const moderatorCookie = await staffCookie("moderator@northmoor.example");
    const refused = await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body: "Moderators do not post." }, cookie: moderatorCookie });
    expect(refused.status).toBe(403);
    // An officer of another service cannot answer for this one.
    const ictCookie = await staffCookie("officer.ict@northmoor.example");
    expect((await call(postOnProposal, `/consultations/${SLUG}/comments`, { params: { slug: SLUG }, form: { body: "Not mine to answer." }, cookie: ictCookie })).status).toBe(403);
  });

  it("answers 404 for a thread on a proposal the public cannot see, or a row that is not in it", async () => {
    expect(proposalBySlug("reopening-a-closed-park").state).toBe("union_notice");
    expect((await call(proposalThread, "/consultations/reopening-a-closed-park/comments", { params: { slug: "reopening-a-closed-park" } })).status).toBe(404);
    expect((await call(proposalThread, "/consultations/no-such-thing/comments", { params: { slug: "no-such-thing" } })).status).toBe(404);
    expect((await call(itemThread, `/consultations/${SLUG}/comments/risk/${otherRiskId}`, { params: { slug: SLUG, kind: "risk", itemId: String(otherRiskId) } })).status).toBe(404);
    expect((await call(itemThread, `/consultations/${SLUG}/comments/rysk/1`, { params: { slug: SLUG, kind: "rysk", itemId: "1" } })).status).toBe(404);
  });
});

describe("a busy consultation", () => {
  it("pages a thread of 5,000 comments quickly, with replies capped under each comment", () => {
    const target = { type: "dependency" as const, id: db().select().from(t.dependencies).where(eq(t.dependencies.proposalId, proposalId)).get()!.id };
    const author = makeRespondent();
    const at = new Date().toISOString();
    // Written straight to the table: this measures reading, not 5,000 posts.
    writeTransaction((tx) => {
      const roots: number[] = [];
      for (let i = 0; i < 4000; i++) {
        roots.push(
          tx
            .insert(t.comments)
            .values({ proposalId, targetType: target.type, targetId: target.id, respondentId: author, bodyMarkdown: `Comment ${i}`, bodyHtml: `<p>Comment ${i}</p>`, bodyHash: `h${i}`, status: i % 50 === 0 ? "hidden" : "visible", createdAt: at })
            .returning({ id: t.comments.id })
            .get().id,
        );
      }
      for (let i = 0; i < 1000; i++) {
        tx.insert(t.comments)
          .values({ proposalId, targetType: target.type, targetId: target.id, parentId: roots[1], depth: 1, respondentId: author, bodyMarkdown: `Reply ${i}`, bodyHtml: `<p>Reply ${i}</p>`, bodyHash: `r${i}`, createdAt: at })
          .run();
      }
    });
    const visibleRoots = db()
      .select({ n: count() })
      .from(t.comments)
      .where(and(eq(t.comments.targetId, target.id), eq(t.comments.targetType, target.type), eq(t.comments.depth, 0), ne(t.comments.status, "hidden")))
      .get()!.n;

    const timings: number[] = [];
    let first, last;
    for (const page of [1, 2, 100, 200]) {
      const started = performance.now();
      const result = loadThread(proposalId, target, { page, order: "oldest" }, reader);
      timings.push(performance.now() - started);
      if (page === 1) first = result;
      last = result;
    }
    expect(first!.totalTopLevel).toBe(visibleRoots);
    expect(first!.pages).toBe(Math.ceil(visibleRoots / THREAD_PAGE_SIZE));
    expect(first!.comments).toHaveLength(THREAD_PAGE_SIZE);
    const busy = first!.comments.find((c) => c.replies.length > 0)!;
    expect(busy.replies).toHaveLength(REPLIES_SHOWN);
    expect(busy.moreReplies).toBe(1000 - REPLIES_SHOWN);
    expect(last!.page).toBe(first!.pages); // page 200 is past the end: the last page
    expect(threadCounts(proposalId)[`dependency:${target.id}`]).toBe(visibleRoots + 1000);
    // Hidden comments with no replies are not there at all.
    expect(first!.comments.every((c) => c.status === "visible")).toBe(true);
    // Generous for a slow shared machine; a full scan and sort per page would take far longer.
    console.log(`thread page timings (ms): ${timings.map((x) => x.toFixed(1)).join(", ")}`);
    expect(Math.max(...timings)).toBeLessThan(150);
  });
});
