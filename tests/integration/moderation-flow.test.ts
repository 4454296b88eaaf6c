/**
 * Moderation from report to log: anyone reports under a house rule, the comment waits in the
 * queue, a moderator hides it with a rule and a note (or keeps it, or restores it), the author
 * is emailed the rule and the note, and the public log shows what was hidden and under which
 * rule but never the words. A hidden comment is gone from every surface this module serves.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { loadHouseRules, parseHouseRules, ruleChoices } from "~/responses/house-rules.server";
import { ANONYMOUS_READER, loadCommentContext, loadOfficialAnswers, loadThread, postComment, publishableComments, threadCounts } from "~/responses/comments.server";
import { moderate, moderationLog, moderationQueue, reportComment } from "~/responses/moderation.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { action as reportAction } from "~/routes/consultations.$slug_.comments.$id_.report";
import { loader as commentLoader } from "~/routes/consultations.$slug_.comments.$id";
import { loader as logLoader } from "~/routes/moderation-log";
import { action as moderateAction, loader as moderateLoader } from "~/routes/staff.moderation.$id";
import { loader as queueLoader } from "~/routes/staff.moderation._index";
import { call, makeRespondent, messages, proposalBySlug, respondentCookie, seeded, staffCookie } from "./responses-fixtures";

const SLUG = "camhs-social-work";
const WORDS = "The manager of the duty team, J. Smith of 4 Acacia Avenue, is useless.";
let proposalId: number;
let authorId: number;
let commentId: number;

const reader = ANONYMOUS_READER(true, "Northmoor Council");

function moderatorViewer() {
  const u = db().select().from(t.users).where(eq(t.users.email, "moderator@northmoor.example")).get()!;
  return { id: u.id, name: u.name, email: u.email, roles: ["moderator" as const], serviceId: null, unionIds: [] };
}

beforeAll(async () => {
  await seeded();
  proposalId = proposalBySlug(SLUG).id;
  authorId = makeRespondent({ email: "author@example.org", name: "Pat Author" });
  const r = postComment({ proposal: { id: proposalId }, author: { kind: "respondent", respondentId: authorId }, body: WORDS, address: "a" });
  if (!r.ok) throw new Error(r.message);
  commentId = r.commentId;
  // An official answer under it, which stays in place when its parent goes.
  const officer = db().select().from(t.users).where(eq(t.users.email, "officer@northmoor.example")).get()!;
  postComment({ proposal: { id: proposalId }, author: { kind: "officer", viewer: { id: officer.id, name: officer.name, email: officer.email, roles: ["officer"], serviceId: officer.serviceId, unionIds: [] } }, body: "We do not discuss named staff here.", parentId: commentId, address: "b" });
});

beforeEach(() => resetRateLimitsForTests());

describe("house rules", () => {
  it("come from content/ with a key for each rule", () => {
    const keys = ruleChoices().map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(["abuse", "personal-information", "spam", "off-topic", "legal", "discrimination", "threats"]));
    expect(new Set(keys).size).toBe(keys.length);
    const { title, introHtml } = loadHouseRules();
    expect(title).toBe("House rules for comments");
    expect(introHtml).toContain("Northmoor");
    expect(introHtml).not.toContain("{{");
  });

  it("read a rule as a heading with a key, and everything before the first rule as the introduction", () => {
    const parsed = parseHouseRules("# Rules\n\nBe kind.\n\n## No spam {#spam}\n\nNo adverts.\n\n## Not a rule\n\nStill part of spam.");
    expect(parsed.title).toBe("Rules");
    expect(parsed.introHtml).toBe("<p>Be kind.</p>");
    expect(parsed.rules).toHaveLength(1);
    expect(parsed.rules[0]).toMatchObject({ key: "spam", title: "No spam" });
    expect(parsed.rules[0].html).toContain("Still part of spam");
  });
});

describe("from a report to the log", () => {
  it("takes a report from anyone, through the page, and queues the comment once", async () => {
    const url = `/consultations/${SLUG}/comments/${commentId}/report`;
    const params = { slug: SLUG, id: String(commentId) };
    const missing = await call(reportAction, url, { params, form: {} });
    expect(missing.status).toBe(400);
    expect(messages(missing.data)).toEqual(["Select why you are reporting this comment"]);
    const other = await call(reportAction, url, { params, form: { rule: "other" } });
    expect(messages(other.data)).toEqual(["Tell us what is wrong with this comment"]);

    const reporter = makeRespondent();
    const cookie = await respondentCookie(reporter);
    const reported = await call(reportAction, url, { params, cookie, form: { rule: "personal-information", details: "It names a member of staff and gives an address." } });
    expect(reported.location).toBe(`/consultations/${SLUG}/comments/${commentId}?reported=1`);
    // Reporting the same comment again adds nothing; an anonymous reporter adds a report.
    await call(reportAction, url, { params, cookie, form: { rule: "abuse" } });
    await call(reportAction, url, { params, form: { rule: "abuse" } });
    expect(db().select({ n: count() }).from(t.commentReports).where(eq(t.commentReports.commentId, commentId)).get()!.n).toBe(2);

    const queue = moderationQueue(1);
    const item = queue.items.find((i) => i.id === commentId)!;
    expect(item.reports.map((r) => r.ruleKey)).toEqual(["personal-information", "abuse"]);
    expect(item.reports[0].details).toBe("It names a member of staff and gives an address.");
    // Still shown until a moderator decides.
    expect(loadCommentContext(proposalId, commentId, 1, reader)?.comment.status).toBe("visible");
  });

  it("shows the queue only to moderators", async () => {
    expect((await call(queueLoader, "/staff/moderation", { cookie: await staffCookie("officer@northmoor.example") })).status).toBe(403);
    expect((await call(queueLoader, "/staff/moderation")).status).toBe(302);
    const ok = await call(queueLoader, "/staff/moderation", { cookie: await staffCookie("moderator@northmoor.example") });
    expect((ok.data as { items: { id: number }[] }).items.map((i) => i.id)).toContain(commentId);
    expect((await call(moderateLoader, `/staff/moderation/${commentId}`, { params: { id: String(commentId) }, cookie: await staffCookie("officer@northmoor.example") })).status).toBe(403);
  });

  it("hides only with a rule and a note, then emails the author, logs it, and removes the words everywhere", async () => {
    const cookie = await staffCookie("moderator@northmoor.example");
    const params = { id: String(commentId) };
    const noRule = await call(moderateAction, `/staff/moderation/${commentId}`, { params, cookie, form: { intent: "hide", note: "Names staff" } });
    expect(noRule.status).toBe(400);
    expect(messages(noRule.data)).toEqual(["Select the house rule the comment breaks"]);
    const noNote = await call(moderateAction, `/staff/moderation/${commentId}`, { params, cookie, form: { intent: "hide", rule: "personal-information" } });
    expect(messages(noNote.data)).toEqual(["Enter a note for the author saying what in the comment breaks the rule"]);
    expect(db().select().from(t.comments).where(eq(t.comments.id, commentId)).get()!.status).toBe("visible");

    const hidden = await call(moderateAction, `/staff/moderation/${commentId}`, {
      params,
      cookie,
      form: { intent: "hide", rule: "personal-information", note: "It names a junior member of staff and gives a home address." },
    });
    expect(hidden.location).toBe("/staff/moderation?done=hide");

    const row = db().select().from(t.comments).where(eq(t.comments.id, commentId)).get()!;
    expect(row.status).toBe("hidden");
    expect(db().select({ n: count() }).from(t.commentReports).where(and(eq(t.commentReports.commentId, commentId), isNull(t.commentReports.resolvedAt))).get()!.n).toBe(0);
    expect(moderationQueue(1).items.some((i) => i.id === commentId)).toBe(false);
    expect(db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "comment.hide"), eq(t.auditLog.entityId, commentId))).all()).toHaveLength(1);

    // The author is told: the rule and the note, not their words.
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "author@example.org")).orderBy(desc(t.outbox.id)).get()!;
    expect(mail.subject).toBe("A moderator hid your comment");
    expect(mail.textBody).toContain("Keep personal information out");
    expect(mail.textBody).toContain("It names a junior member of staff and gives a home address.");
    expect(mail.textBody).toContain("/house-rules#personal-information");
    expect(mail.textBody).not.toContain("Acacia");

    // The public log: when, which rule, where; never the words, the author or the note.
    const log = moderationLog(1);
    const entry = log.entries.find((e) => e.action === "hide")!;
    expect(entry).toMatchObject({ rule: "personal-information", consultation: { slug: SLUG }, target: { type: "proposal" }, isReply: false, official: false });
    const page = JSON.stringify((await call(logLoader, "/moderation-log")).data);
    expect(page).toContain("Keep personal information out");
    for (const secret of ["Acacia", "Pat Author", "junior member", "author@example.org"]) expect(page).not.toContain(secret);

    // Gone from every surface: the thread keeps a placeholder for the official answer under it.
    const thread = loadThread(proposalId, { type: "proposal", id: proposalId }, { page: 1, order: "oldest", pageSize: 100 }, reader);
    const placeholder = thread.comments.find((c) => c.id === commentId)!;
    // The placeholder says which house rule (public, as in the log); never the words or the note.
    expect(placeholder).toMatchObject({ status: "hidden", html: "", author: null, hiddenUnder: { key: "personal-information", title: "Keep personal information out" } });
    expect(placeholder.replies).toHaveLength(1);
    expect(JSON.stringify(thread)).not.toContain("Acacia");
    expect(JSON.stringify(thread)).not.toContain("junior member");
    // The answer's own page keeps its context: the hidden comment above it, as the same placeholder.
    const answerId = placeholder.replies[0].id;
    const answerPage = (await call(commentLoader, `/consultations/${SLUG}/comments/${answerId}`, { params: { slug: SLUG, id: String(answerId) } })).data as { ancestors: { id: number; hiddenUnder: unknown }[] };
    expect(answerPage.ancestors).toEqual([expect.objectContaining({ id: commentId, hiddenUnder: { key: "personal-information", title: "Keep personal information out" } })]);
    expect(JSON.stringify(answerPage)).not.toContain("Acacia");
    expect(JSON.stringify((await call(commentLoader, `/consultations/${SLUG}/comments/${commentId}`, { params: { slug: SLUG, id: String(commentId) } })).data)).not.toContain("Acacia");
    expect(publishableComments(proposalId).some((c) => c.id === commentId)).toBe(false);
    expect(threadCounts(proposalId)[`proposal:${proposalId}`]).toBe(1); // the official answer
    const official = loadOfficialAnswers(proposalId, { page: 1 }, reader).answers[0];
    expect(official.inReplyTo).toEqual({ name: "", excerpt: "" });
    // It can no longer be reported or replied to.
    expect(reportComment({ proposalId, commentId, ruleKey: "abuse", details: "", respondentId: null, address: "z", rules: ruleChoices() })).toMatchObject({ ok: false, status: 404 });
  });

  it("restores a hidden comment, logs it, and tells the author", () => {
    const result = moderate({ commentId, intent: "restore", rule: null, note: "On review, the address is the council's office.", moderator: moderatorViewer(), rules: ruleChoices() });
    expect(result).toEqual({ ok: true });
    expect(db().select().from(t.comments).where(eq(t.comments.id, commentId)).get()!.status).toBe("visible");
    expect(moderationLog(1).entries[0]).toMatchObject({ action: "restore", rule: null });
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "author@example.org")).orderBy(desc(t.outbox.id)).get()!;
    expect(mail.subject).toBe("Your comment is shown again");
    // Restoring twice is refused: someone already did it.
    expect(moderate({ commentId, intent: "restore", rule: null, note: "", moderator: moderatorViewer(), rules: ruleChoices() })).toMatchObject({ ok: false, status: 409 });
  });

  it("approves a held comment without emailing, and keeps it out of the log", () => {
    db().update(t.proposals).set({ premoderateComments: true }).where(eq(t.proposals.id, proposalId)).run();
    const r = postComment({ proposal: { id: proposalId }, author: { kind: "respondent", respondentId: makeRespondent() }, body: "Held until approved", address: "c" });
    db().update(t.proposals).set({ premoderateComments: false }).where(eq(t.proposals.id, proposalId)).run();
    if (!r.ok) throw new Error(r.message);
    expect(moderationQueue(1).items.find((i) => i.id === r.commentId)?.status).toBe("pending");
    const emailsBefore = db().select({ n: count() }).from(t.outbox).get()!.n;
    const logBefore = moderationLog(1).total;
    expect(moderate({ commentId: r.commentId, intent: "approve", rule: null, note: "", moderator: moderatorViewer(), rules: ruleChoices() })).toEqual({ ok: true });
    expect(db().select().from(t.comments).where(eq(t.comments.id, r.commentId)).get()!.status).toBe("visible");
    expect(db().select({ n: count() }).from(t.outbox).get()!.n).toBe(emailsBefore);
    expect(moderationLog(1).total).toBe(logBefore);
  });
});
