/**
 * Moderation rule by rule, on a small council of this file's own (no demo seed, so a mutation
 * run can afford it): what a report takes and refuses, what waits in the queue and in which
 * order, what a decision refuses and changes, what the author is told, what the public log and
 * the open data show, and which consultations hold comments for review.
 * The journey through the real pages is tests/integration/moderation-flow.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import type { SignedInViewer } from "~/auth/permissions";
import { advanceClock, now, setClock } from "~/lib/clock";
import {
  decodeReason,
  encodeReason,
  hiddenComments,
  moderate,
  moderationItem,
  moderationLog,
  moderationLogEntries,
  moderationQueue,
  moderationWaitingCount,
  premoderationSettings,
  reportComment,
  setPremoderation,
  type Rule,
} from "~/responses/moderation.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { MODERATION_NOTE_MAX_CHARS, RATE_LIMITS, REPORT_DETAILS_MAX_CHARS, TOO_MANY_REPORTS } from "~/responses/rules";

const START = new Date("2026-06-01T09:00:00.000Z");
const MINUTE = 60 * 1000;
const RULES: Rule[] = [
  { key: "abuse", title: "Be civil" },
  { key: "personal-information", title: "Keep personal information out" },
];

let moderator: SignedInViewer;
let officerId: number;
let serviceId: number;
let open: { id: number; slug: string };
let other: { id: number; slug: string };
let seq = 0;

function proposal(slug: string, fields: Partial<typeof t.proposals.$inferInsert> = {}) {
  return db()
    .insert(t.proposals)
    .values({ slug, title: `Title of ${slug}`, serviceId, leadOfficer: "Lee Lead", createdById: officerId, state: "open", openedAt: START.toISOString(), closesOn: "2026-07-31", ...fields })
    .returning({ id: t.proposals.id, slug: t.proposals.slug })
    .get();
}

function respondent(fields: Partial<typeof t.respondents.$inferInsert> = {}) {
  seq += 1;
  return db()
    .insert(t.respondents)
    .values({ email: `resident${seq}@example.org`, name: `Resident ${seq}`, showName: true, respondingAs: "individual", createdAt: now().toISOString(), ...fields })
    .returning()
    .get();
}

/** A comment as posting would leave it, at the clock's time. */
function comment(fields: Partial<typeof t.comments.$inferInsert> = {}) {
  seq += 1;
  const body = `Comment number ${seq}`;
  return db()
    .insert(t.comments)
    .values({ proposalId: open.id, bodyMarkdown: body, bodyHtml: `<p>${body}</p>`, bodyHash: `hash${seq}`, createdAt: now().toISOString(), respondentId: respondent().id, ...fields })
    .returning()
    .get();
}

function report(commentId: number, fields: Partial<Parameters<typeof reportComment>[0]> = {}) {
  return reportComment({ proposalId: open.id, commentId, ruleKey: "abuse", details: "", respondentId: null, address: "198.51.100.1", rules: RULES, ...fields });
}

function status(commentId: number) {
  return db().select({ s: t.comments.status }).from(t.comments).where(eq(t.comments.id, commentId)).get()!.s;
}

function openReports(commentId: number) {
  return db().select({ n: count() }).from(t.commentReports).where(and(eq(t.commentReports.commentId, commentId), isNull(t.commentReports.resolvedAt))).get()!.n;
}

function lastEmail() {
  return db().select().from(t.outbox).orderBy(desc(t.outbox.id)).get();
}

function emailCount() {
  return db().select({ n: count() }).from(t.outbox).get()!.n;
}

/** Take every waiting comment out of the queue, so a test starts from an empty one. */
function clearQueue() {
  db().update(t.comments).set({ status: "deleted" }).where(eq(t.comments.status, "pending")).run();
  db().update(t.commentReports).set({ resolvedAt: now().toISOString() }).where(isNull(t.commentReports.resolvedAt)).run();
}

beforeAll(() => {
  setClock(START);
  migrateDatabase(db());
  serviceId = db().insert(t.services).values({ name: "Parks", slug: "parks", workforcePosts: 40 }).returning().get().id;
  officerId = db().insert(t.users).values({ email: "officer@council.example", name: "Olu Officer", serviceId }).returning().get().id;
  const m = db().insert(t.users).values({ email: "moderator@council.example", name: "Mo Moderator" }).returning().get();
  db().insert(t.userRoles).values({ userId: m.id, role: "moderator" }).run();
  moderator = { id: m.id, name: m.name, email: m.email, roles: ["moderator"], serviceId: null, unionIds: [] };
  open = proposal("parks-opening-hours");
  other = proposal("library-hours", { closesOn: "2026-07-15" });
});

beforeEach(() => {
  setClock(START);
  resetRateLimitsForTests();
});

afterAll(() => setClock(null));

describe("reporting a comment", () => {
  it("keeps the reporter's words, line breaks and all, beside the rule they chose", () => {
    expect(decodeReason(encodeReason("abuse", "First line\nSecond line"))).toEqual({ ruleKey: "abuse", details: "First line\nSecond line" });
    expect(decodeReason(encodeReason("abuse", ""))).toEqual({ ruleKey: "abuse", details: "" });

    const c = comment();
    expect(report(c.id, { ruleKey: "personal-information", details: "  It gives an address.\nAnd a phone number.  " })).toEqual({ ok: true });
    expect(report(c.id, { ruleKey: "abuse" })).toEqual({ ok: true });
    const item = moderationItem(c.id)!;
    expect(item.reports.map(({ ruleKey, details }) => ({ ruleKey, details }))).toEqual([
      { ruleKey: "personal-information", details: "It gives an address.\nAnd a phone number." },
      { ruleKey: "abuse", details: "" },
    ]);
    expect(item.reports[0].at).toBe(START.toISOString());
  });

  it("takes 'something else' only with words, and refuses a rule that does not exist", () => {
    const c = comment();
    expect(report(c.id, { ruleKey: "other", details: "" })).toEqual({ ok: false, status: 400, message: "Tell us what is wrong with this comment" });
    expect(report(c.id, { ruleKey: "other", details: "   " })).toMatchObject({ ok: false, status: 400 });
    expect(report(c.id, { ruleKey: "made-up" })).toEqual({ ok: false, status: 400, message: "Select why you are reporting this comment" });
    expect(openReports(c.id)).toBe(0);
    expect(report(c.id, { ruleKey: "other", details: "It is an advert" })).toEqual({ ok: true });
    expect(openReports(c.id)).toBe(1);
  });

  it(`takes details up to ${REPORT_DETAILS_MAX_CHARS} characters and refuses more, saying so`, () => {
    const c = comment();
    expect(report(c.id, { details: "x".repeat(REPORT_DETAILS_MAX_CHARS + 1) })).toEqual({
      ok: false,
      status: 400,
      message: `Your details must be ${REPORT_DETAILS_MAX_CHARS} characters or fewer`,
    });
    expect(openReports(c.id)).toBe(0);
    expect(report(c.id, { details: "x".repeat(REPORT_DETAILS_MAX_CHARS) })).toEqual({ ok: true });
  });

  it("answers 404 for a comment that is not shown, or not on this consultation", () => {
    for (const s of ["pending", "hidden", "deleted"] as const) expect(report(comment({ status: s }).id)).toEqual({ ok: false, status: 404, message: "Not found" });
    const elsewhere = comment({ proposalId: other.id });
    expect(report(elsewhere.id)).toMatchObject({ ok: false, status: 404 });
    expect(report(elsewhere.id, { proposalId: other.id })).toEqual({ ok: true });
  });

  it("queues one open report per resident per comment, and a new one once the first was dealt with", () => {
    const c = comment();
    const reporter = respondent().id;
    expect(report(c.id, { respondentId: reporter })).toEqual({ ok: true });
    expect(report(c.id, { respondentId: reporter, ruleKey: "personal-information" })).toEqual({ ok: true });
    expect(openReports(c.id)).toBe(1);
    // Another resident, and people not signed in, each add one.
    report(c.id, { respondentId: respondent().id });
    report(c.id);
    report(c.id);
    expect(openReports(c.id)).toBe(4);
    expect(moderate({ commentId: c.id, intent: "approve", rule: null, note: "", moderator, rules: RULES })).toEqual({ ok: true });
    expect(report(c.id, { respondentId: reporter })).toEqual({ ok: true });
    expect(openReports(c.id)).toBe(1);
  });

  it("limits reports from one address, with a message, and not another address's", () => {
    const c = comment();
    const [{ limit }] = RATE_LIMITS.reportPerAddress;
    for (let i = 0; i < limit; i++) expect(report(c.id, { address: "203.0.113.9" })).toEqual({ ok: true });
    expect(report(c.id, { address: "203.0.113.9" })).toEqual({ ok: false, status: 429, message: TOO_MANY_REPORTS });
    expect(openReports(c.id)).toBe(limit);
    expect(report(c.id, { address: "203.0.113.10" })).toEqual({ ok: true });
  });
});

describe("the queue", () => {
  it("holds comments held for review and reported ones, the longest-waiting first, with who wrote them", () => {
    clearQueue();
    expect(moderationWaitingCount()).toBe(0);
    const reportedLate = comment({ respondentId: respondent({ name: "Ann Shown", showName: true }).id });
    advanceClock(MINUTE);
    const held = comment({ status: "pending", respondentId: respondent({ name: "Ben Hidden", showName: false }).id });
    advanceClock(MINUTE);
    const official = comment({ respondentId: null, officerId, parentId: reportedLate.id, targetType: "risk", targetId: 7 });
    report(official.id);
    advanceClock(MINUTE);
    report(reportedLate.id);
    // Neither a hidden comment nor one whose report was dealt with waits.
    comment({ status: "hidden" });
    const dealtWith = comment();
    report(dealtWith.id);
    moderate({ commentId: dealtWith.id, intent: "approve", rule: null, note: "", moderator, rules: RULES });

    expect(moderationWaitingCount()).toBe(3);
    const queue = moderationQueue(1);
    expect(queue).toMatchObject({ page: 1, pages: 1, total: 3 });
    expect(queue.items.map((i) => i.id)).toEqual([held.id, official.id, reportedLate.id]);
    const [first, second, third] = queue.items;
    expect(first).toMatchObject({ status: "pending", official: false, author: "Resident", reports: [], waitingSince: held.createdAt });
    expect(second).toMatchObject({
      official: true,
      author: "Olu Officer (official answer)",
      target: { type: "risk", id: 7 },
      threadHref: `/consultations/${open.slug}/comments/risk/7`,
      proposal: { id: open.id, slug: open.slug, title: `Title of ${open.slug}` },
      waitingSince: new Date(START.getTime() + 2 * MINUTE).toISOString(),
    });
    expect(third).toMatchObject({ status: "visible", official: false, author: "Ann Shown", html: reportedLate.bodyHtml, createdAt: START.toISOString() });
    expect(third.waitingSince).toBe(new Date(START.getTime() + 3 * MINUTE).toISOString());
    expect(third.reports).toHaveLength(1);
  });

  it("pages twenty at a time, and a page out of range shows the nearest one", () => {
    clearQueue();
    expect(moderationQueue(1)).toMatchObject({ items: [], page: 1, pages: 1, total: 0 });
    const ids = Array.from({ length: 21 }, () => {
      advanceClock(1000);
      return comment({ status: "pending" }).id;
    });
    const first = moderationQueue(1);
    expect(first).toMatchObject({ page: 1, pages: 2, total: 21 });
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 20));
    expect(moderationQueue(2).items.map((i) => i.id)).toEqual([ids[20]]);
    expect(moderationQueue(99)).toMatchObject({ page: 2, items: [{ id: ids[20] }] });
    expect(moderationQueue(0)).toMatchObject({ page: 1 });
    expect(moderationQueue(0).items.map((i) => i.id)).toEqual(ids.slice(0, 20));
    clearQueue();
  });

  it("lists hidden comments newest first, twenty a page, so a wrong decision can be found", () => {
    const before = hiddenComments(1).total;
    const ids = Array.from({ length: 21 }, () => comment({ status: "hidden" }).id);
    const first = hiddenComments(1);
    expect(first).toMatchObject({ page: 1, pages: Math.ceil((before + 21) / 20), total: before + 21 });
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(1).reverse());
    expect(hiddenComments(2).items[0].id).toBe(ids[0]);
    expect(hiddenComments(999).page).toBe(hiddenComments(999).pages);
  });

  it("shows one comment with what moderators did before, the latest first", () => {
    expect(moderationItem(999_999)).toBeNull();
    const c = comment();
    moderate({ commentId: c.id, intent: "hide", rule: "abuse", note: "Name-calling", moderator, rules: RULES });
    advanceClock(MINUTE);
    moderate({ commentId: c.id, intent: "restore", rule: null, note: "", moderator, rules: RULES });
    const item = moderationItem(c.id)!;
    expect(item.status).toBe("visible");
    expect(item.history).toEqual([
      { action: "restore", rule: null, note: null, moderator: "Mo Moderator", at: new Date(START.getTime() + MINUTE).toISOString() },
      { action: "hide", rule: "abuse", note: "Name-calling", moderator: "Mo Moderator", at: START.toISOString() },
    ]);
  });
});

describe("a moderator's decision", () => {
  it("refuses to hide without a known rule or a note, and refuses a note that is too long, changing nothing", () => {
    const c = comment();
    report(c.id);
    const hide = (rule: string | null, note: string) => moderate({ commentId: c.id, intent: "hide", rule, note, moderator, rules: RULES });
    expect(hide(null, "A note")).toEqual({ ok: false, status: 400, field: "rule", message: "Select the house rule the comment breaks" });
    expect(hide("made-up", "A note")).toMatchObject({ ok: false, field: "rule" });
    expect(hide("abuse", "  ")).toEqual({ ok: false, status: 400, field: "note", message: "Enter a note for the author saying what in the comment breaks the rule" });
    const long = "x".repeat(MODERATION_NOTE_MAX_CHARS + 1);
    const tooLong = { ok: false, status: 400, field: "note", message: `The note must be ${MODERATION_NOTE_MAX_CHARS} characters or fewer` };
    expect(hide("abuse", long)).toEqual(tooLong);
    expect(moderate({ commentId: c.id, intent: "approve", rule: null, note: long, moderator, rules: RULES })).toEqual(tooLong);
    expect(status(c.id)).toBe("visible");
    expect(openReports(c.id)).toBe(1);
    expect(hide("abuse", "x".repeat(MODERATION_NOTE_MAX_CHARS))).toEqual({ ok: true });
  });

  it("answers 404 for a comment that does not exist, and 409 when someone else got there first", () => {
    expect(moderate({ commentId: 999_999, intent: "approve", rule: null, note: "", moderator, rules: RULES })).toEqual({ ok: false, status: 404, message: "Not found" });
    const c = comment();
    expect(moderate({ commentId: c.id, intent: "restore", rule: null, note: "", moderator, rules: RULES })).toEqual({
      ok: false,
      status: 409,
      message: "This comment is visible now: someone may have dealt with it already",
    });
    expect(moderate({ commentId: c.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES })).toEqual({ ok: true });
    for (const intent of ["hide", "approve"] as const) {
      expect(moderate({ commentId: c.id, intent, rule: "abuse", note: "Rude", moderator, rules: RULES })).toEqual({
        ok: false,
        status: 409,
        message: "This comment is hidden now: someone may have dealt with it already",
      });
    }
    const gone = comment({ status: "deleted" });
    for (const intent of ["hide", "approve", "restore"] as const) {
      expect(moderate({ commentId: gone.id, intent, rule: "abuse", note: "Rude", moderator, rules: RULES })).toMatchObject({ status: 409, message: expect.stringMatching(/^This comment is deleted now/) });
    }
  });

  it("hides a held comment, resolves its reports, records the rule, and tells the author the rule and the note, not their words", () => {
    const author = respondent({ email: "author@example.org" });
    const c = comment({ status: "pending", respondentId: author.id, bodyMarkdown: "Secret words", bodyHtml: "<p>Secret words</p>" });
    report(c.id);
    report(c.id, { respondentId: respondent().id });
    expect(moderate({ commentId: c.id, intent: "hide", rule: "personal-information", note: "  It gives a home address.  ", moderator, rules: RULES })).toEqual({ ok: true });
    expect(status(c.id)).toBe("hidden");
    expect(openReports(c.id)).toBe(0);
    expect(moderationItem(c.id)!.history[0]).toMatchObject({ action: "hide", rule: "personal-information", note: "It gives a home address." });
    const audit = db().select().from(t.auditLog).where(and(eq(t.auditLog.entityType, "comment"), eq(t.auditLog.entityId, c.id))).all();
    expect(audit.map((a) => [a.action, a.actorId, a.detail])).toEqual([["comment.hide", moderator.id, { rule: "personal-information" }]]);

    const mail = lastEmail()!;
    expect(mail).toMatchObject({ toAddress: "author@example.org", subject: "A moderator hid your comment", event: "comment.hidden", proposalId: open.id });
    expect(mail.textBody).toContain(`A moderator has hidden a comment you wrote on the consultation "Title of ${open.slug}".`);
    expect(mail.textBody).toContain("The house rule it breaks: Keep personal information out");
    expect(mail.textBody).toContain("http://localhost:3000/house-rules#personal-information");
    expect(mail.textBody).toContain("The moderator's note:\nIt gives a home address.");
    expect(mail.textBody).toContain("email consultations@example.gov.uk and a different moderator");
    expect(mail.textBody).toContain(`http://localhost:3000/consultations/${open.slug}`);
    expect(mail.textBody).toContain("Example Borough Council");
    expect(mail.textBody).not.toContain("Secret words");
    // The whole email, as the author reads it, paragraph by paragraph.
    expect(mail.textBody).toBe(
      [
        `A moderator has hidden a comment you wrote on the consultation "Title of ${open.slug}".`,
        "",
        "The house rule it breaks: Keep personal information out",
        "http://localhost:3000/house-rules#personal-information",
        "",
        "The moderator's note:",
        "It gives a home address.",
        "",
        "The public moderation log shows that a comment was hidden and under which rule, but not what it said.",
        "If you think the moderator got it wrong, email consultations@example.gov.uk and a different moderator will look at it again.",
        "",
        `http://localhost:3000/consultations/${open.slug}`,
        "",
        "Example Borough Council",
      ].join("\n"),
    );
  });

  it("shows a hidden comment again, with the note in the email only when there is one", () => {
    const author = respondent({ email: "restored@example.org" });
    const c = comment({ status: "hidden", respondentId: author.id });
    expect(moderate({ commentId: c.id, intent: "restore", rule: "abuse", note: "", moderator, rules: RULES })).toEqual({ ok: true });
    expect(status(c.id)).toBe("visible");
    // A rule given with a restore is not recorded: only hiding is under a rule.
    expect(moderationItem(c.id)!.history[0]).toMatchObject({ action: "restore", rule: null, note: null });
    expect(db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "comment.restore"), eq(t.auditLog.entityId, c.id))).get()!.detail).toEqual({ rule: null });
    const plain = lastEmail()!;
    expect(plain).toMatchObject({ toAddress: "restored@example.org", subject: "Your comment is shown again", event: "comment.restored" });
    expect(plain.textBody).toContain("and it is shown again");
    expect(plain.textBody).not.toContain("The moderator's note");
    const shownAgain = `A moderator has looked again at a comment you wrote on the consultation "Title of ${open.slug}", and it is shown again.`;
    const footer = ["", `http://localhost:3000/consultations/${open.slug}`, "", "Example Borough Council"];
    expect(plain.textBody).toBe([shownAgain, ...footer].join("\n"));

    moderate({ commentId: c.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES });
    moderate({ commentId: c.id, intent: "restore", rule: null, note: "On a second look, it is fair comment.", moderator, rules: RULES });
    expect(lastEmail()!.textBody).toBe([shownAgain, "", "The moderator's note:", "On a second look, it is fair comment.", ...footer].join("\n"));
  });

  it("emails an officer whose official answer was hidden; approving emails nobody; a comment with no author left emails nobody", () => {
    const answer = comment({ respondentId: null, officerId });
    moderate({ commentId: answer.id, intent: "hide", rule: "abuse", note: "Too sharp", moderator, rules: RULES });
    expect(lastEmail()).toMatchObject({ toAddress: "officer@council.example", subject: "A moderator hid your comment" });

    const emails = emailCount();
    const held = comment({ status: "pending" });
    expect(moderate({ commentId: held.id, intent: "approve", rule: null, note: "Fine", moderator, rules: RULES })).toEqual({ ok: true });
    expect(status(held.id)).toBe("visible");
    const orphan = comment({ respondentId: null });
    expect(moderate({ commentId: orphan.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES })).toEqual({ ok: true });
    expect(status(orphan.id)).toBe("hidden");
    expect(emailCount()).toBe(emails);
  });
});

describe("the public log and the open data", () => {
  it("shows hides and restores, newest first, fifty a page, never approvals", () => {
    const c = comment({ parentId: null });
    moderate({ commentId: c.id, intent: "approve", rule: null, note: "", moderator, rules: RULES });
    const totalBefore = moderationLog(1).total;
    advanceClock(10 * MINUTE);
    moderate({ commentId: c.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES });
    const reply = comment({ parentId: c.id, respondentId: null, officerId });
    moderate({ commentId: reply.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES });
    const log = moderationLog(1);
    expect(log.total).toBe(totalBefore + 2);
    expect(log.entries.slice(0, 2)).toEqual([
      expect.objectContaining({ action: "hide", rule: "abuse", isReply: true, official: true, consultation: { slug: open.slug, title: `Title of ${open.slug}` } }),
      expect.objectContaining({ action: "hide", rule: "abuse", isReply: false, official: false, target: { type: "proposal", id: 0 } }),
    ]);
    expect(log.entries[0].at).toBe(new Date(START.getTime() + 10 * MINUTE).toISOString());
    expect(log.entries.some((e) => (e.action as string) === "approve")).toBe(false);

    // More than a page: fifty, then the rest; a page out of range shows the last.
    for (let i = log.total; i < 51; i++) moderate({ commentId: comment({ status: "hidden" }).id, intent: "restore", rule: null, note: "", moderator, rules: RULES });
    const full = moderationLog(1);
    expect(full.entries).toHaveLength(50);
    expect(full.pages).toBe(Math.ceil(full.total / 50));
    expect(moderationLog(2).entries).toHaveLength(full.total - 50);
    expect(moderationLog(7)).toMatchObject({ page: full.pages });
    expect(moderationLog(0)).toMatchObject({ page: 1 });
  });

  it("gives the open data a consultation's entries oldest first, a batch at a time, leaving out consultations the public may not see", () => {
    expect(moderationLogEntries({ proposalIds: [] })).toEqual([]);
    const a = comment({ proposalId: other.id });
    const b = comment({ proposalId: other.id });
    moderate({ commentId: a.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES });
    moderate({ commentId: b.id, intent: "hide", rule: "personal-information", note: "An address", moderator, rules: RULES });
    moderate({ commentId: b.id, intent: "approve", rule: null, note: "", moderator, rules: RULES });
    const all = moderationLogEntries({ proposalIds: [other.id] });
    expect(all.map((e) => e.rule)).toEqual(["abuse", "personal-information"]);
    expect(all.every((e) => e.consultation?.slug === other.slug)).toBe(true);
    expect(moderationLogEntries({ proposalIds: [other.id], limit: 1 }).map((e) => e.id)).toEqual([all[0].id]);
    expect(moderationLogEntries({ proposalIds: [other.id], afterId: all[0].id }).map((e) => e.id)).toEqual([all[1].id]);

    // Withdrawn before it ever opened: the public may not see it, so neither its entries nor its name.
    const withdrawn = proposal("withdrawn-early", { state: "withdrawn", openedAt: null });
    const w = comment({ proposalId: withdrawn.id });
    advanceClock(20 * MINUTE);
    moderate({ commentId: w.id, intent: "hide", rule: "abuse", note: "Rude", moderator, rules: RULES });
    expect(moderationLogEntries({ proposalIds: [withdrawn.id] })).toEqual([]);
    const entry = moderationLog(1).entries[0];
    expect(entry.consultation).toBeNull();
  });
});

describe("holding comments for review", () => {
  it("lists the open consultations, the soonest to close first, with whether each holds comments", () => {
    proposal("a-draft", { state: "draft", openedAt: null });
    const listed = premoderationSettings();
    expect(listed.map((p) => p.slug)).toEqual([other.slug, open.slug]);
    expect(listed[0]).toEqual({ id: other.id, slug: other.slug, title: `Title of ${other.slug}`, premoderate: false, closesOn: "2026-07-15" });
  });

  it("turns holding on and off for an open consultation, recorded in the audit log; not for one that is not open", () => {
    // In the consultation's own history.
    const audit = (action: string) =>
      db().select().from(t.auditLog).where(and(eq(t.auditLog.action, action), eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, open.id))).all();
    expect(setPremoderation(open.id, true, moderator)).toBe(true);
    expect(premoderationSettings().find((p) => p.id === open.id)?.premoderate).toBe(true);
    expect(audit("comments.premoderation_on").map((a) => a.actorId)).toEqual([moderator.id]);
    expect(setPremoderation(open.id, false, moderator)).toBe(true);
    expect(premoderationSettings().find((p) => p.id === open.id)?.premoderate).toBe(false);
    expect(audit("comments.premoderation_off")).toHaveLength(1);

    const closed = proposal("closed-already", { state: "closed" });
    expect(setPremoderation(closed.id, true, moderator)).toBe(false);
    expect(db().select().from(t.proposals).where(eq(t.proposals.id, closed.id)).get()!.premoderateComments).toBe(false);
    expect(db().select().from(t.auditLog).where(eq(t.auditLog.entityId, closed.id)).all()).toEqual([]);
  });
});
