/**
 * The work after closing through the feature modules, on the seeded council: themes counted by
 * respondent, the outcome report drafted, sent for sign-off and published by an approver who
 * wrote none of it (equality rows re-rated, a public version, emails), the decision recorded
 * after a confirmed reading, and personal data removed a set time after the decision.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { env } from "~/lib/env.server";
import { setClock } from "~/lib/clock";
import { confirmReading, publishOutcome, recordDecision, saveEqualityRevision, saveOutcomeText, saveThemeResponse, submitOutcome } from "~/outcomes/outcome.server";
import { decisionOf, loadOutcome, publishedAnswers, publishedOutcome } from "~/outcomes/read.server";
import { removeExpiredPersonalData } from "~/outcomes/retention.server";
import { createTheme, listThemes, mergeThemes, renameTheme, setItemThemes } from "~/outcomes/themes.server";
import { loadSettings } from "~/lib/settings.server";
import { loadProposal } from "~/proposals/proposals.server";
import { publicHistory } from "~/proposals/versions.server";
import { answersPage, commentsPage, responsesOverview } from "~/responses/reading.server";
import { loader as outcomePageLoader } from "~/routes/consultations.$slug_.outcome";
import { loader as publishedAnswersLoader } from "~/routes/consultations.$slug_.outcome_.answers";
import { loader as staffThemeLoader } from "~/routes/staff.proposals.$id_.themes_.$themeId";
import { APPROVER, APPROVING_OFFICER, DECISION_MAKER, OFFICER, SEED_DATE, cookie, seedAfterClosing, snapshot, viewer, type AfterClosing } from "./outcome-fixtures";
import { call } from "./responses-fixtures";

let s: AfterClosing;
const responseOf = (email: string) =>
  db().select({ id: t.responses.id }).from(t.responses).innerJoin(t.respondents, eq(t.respondents.id, t.responses.respondentId)).where(and(eq(t.respondents.email, email), eq(t.responses.proposalId, s.proposalId))).get()!.id;
const questionIds = () => loadProposal(s.proposalId)!.questions.map((q) => q.id);
// What the parent said (seed.server.ts): her first answer, her answer to the personal question
// (about her own child), her comment on R1; and a paper response whose sender did not agree to publish.
const PARENT_ANSWER = "Children will wait longer and the safeguarding knowledge goes with the social workers.";
const PARENT_PERSONAL = "The social worker was the one who noticed what was happening at home and got us help.";
const PARENT_COMMENT = "How will you tell families where they are in the queue?";
const PAPER_ANSWER = "Keep the social workers.";

beforeAll(async () => {
  s = await seedAfterClosing();
  // Someone following the consultation.
  db().insert(t.subscriptions).values({ email: "follower@example.org", scope: "consultation", proposalId: s.proposalId, unsubscribeToken: "f".repeat(43), confirmedAt: SEED_DATE.toISOString() }).run();
}, 60_000);

describe("reading the responses", () => {
  it("counts every channel, filters, and pages through one question's answers in order", () => {
    const all = responsesOverview(s.proposalId, { channel: null, respondingAs: null });
    expect(all.total).toBe(8);
    expect(all.byChannel).toMatchObject({ online: 4, paper: 2, phone: 1, event: 1 });
    expect(all.byRespondingAs.organisation).toBe(1);
    const q1 = all.questions[0];
    expect(q1.answered).toBe(8);
    expect(q1.stances.strongly_disagree).toBe(3);
    expect(responsesOverview(s.proposalId, { channel: "paper", respondingAs: null }).questions[0].answered).toBe(2);

    const first = answersPage(s.proposalId, q1.id, { channel: null, respondingAs: null }, { after: 0, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = answersPage(s.proposalId, q1.id, { channel: null, respondingAs: null }, { after: first.next!, limit: 3 });
    const third = answersPage(s.proposalId, q1.id, { channel: null, respondingAs: null }, { after: second.next!, limit: 3 });
    expect(third.next).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((a) => a.responseId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(8);
    // Nobody is shown by email address.
    expect(JSON.stringify(first)).not.toMatch(/@example\.org/);
  });

  it("reads the comments on one risk, and filters answers and comments by who responded", () => {
    const risks = db().select({ id: t.risks.id }).from(t.risks).where(eq(t.risks.proposalId, s.proposalId)).orderBy(t.risks.position, t.risks.id).all();
    const none = { respondingAs: null };
    // R1: the parent's comment and the teacher's reply in its thread, and the hidden one (staff read
    // every response, marked); the council's own answer in the thread is not a response.
    const r1 = commentsPage(s.proposalId, { type: "risk", id: risks[0].id }, none, { after: 0 });
    expect(r1.items.map((c) => [c.from, c.status, c.parentId != null])).toEqual([
      ["Helen Marsh", "visible", false],
      ["Daniel Okoro", "visible", true],
      ["Resident", "hidden", false],
    ]);
    expect(r1.items[0].text).toContain("waited **11 weeks**");
    expect(r1.items.every((c) => c.targetType === "risk" && c.targetId === risks[0].id)).toBe(true);
    // R2: only the charity's; nothing said on a risk leaks into another part's page.
    const r2 = commentsPage(s.proposalId, { type: "risk", id: risks[1].id }, none, { after: 0 });
    expect(r2.items.map((c) => [c.from, c.capacity])).toEqual([["Priya Shah", "for Northmoor Young Minds (charity)"]]);
    const whole = commentsPage(s.proposalId, { type: "proposal", id: s.proposalId }, none, { after: 0 });
    expect(whole.items.map((c) => c.text).join("\n")).not.toContain("11 weeks");
    // Paged like the answers.
    const one = commentsPage(s.proposalId, { type: "risk", id: risks[0].id }, none, { after: 0, limit: 1 });
    expect(commentsPage(s.proposalId, { type: "risk", id: risks[0].id }, none, { after: one.next!, limit: 5 }).items.map((c) => c.id)).toEqual(r1.items.slice(1).map((c) => c.id));

    // Who responded: organisations, councillors.
    const q1 = questionIds()[0];
    const byOrganisation = { channel: null, respondingAs: "organisation" as const };
    expect(answersPage(s.proposalId, q1, byOrganisation, { after: 0 }).items.map((a) => [a.from, a.capacity, a.text])).toEqual([["Priya Shah", "for Northmoor Young Minds (charity)", "See our comment on risk R2."]]);
    expect(responsesOverview(s.proposalId, byOrganisation)).toMatchObject({ total: 1, byRespondingAs: { organisation: 1, individual: 0 } });
    expect(commentsPage(s.proposalId, null, { respondingAs: "organisation" }, { after: 0 }).items.map((c) => c.from)).toEqual(["Priya Shah"]);
    expect(commentsPage(s.proposalId, { type: "risk", id: risks[0].id }, { respondingAs: "organisation" }, { after: 0 }).items).toEqual([]);
    // The councillor commented on the whole proposal and answered no question.
    const byCouncillor = { channel: null, respondingAs: "councillor" as const };
    expect(answersPage(s.proposalId, q1, byCouncillor, { after: 0 }).items).toEqual([]);
    expect(responsesOverview(s.proposalId, byCouncillor)).toMatchObject({ total: 0, comments: { total: 1 } });
    const councillor = commentsPage(s.proposalId, null, { respondingAs: "councillor" }, { after: 0 }).items;
    expect(councillor.map((c) => [c.from, c.capacity, c.targetType])).toEqual([["Cllr Gareth Evans", "councillor", "proposal"]]);
    expect(councillor[0].text).toContain("I will be asking at Scrutiny");
  });
});

describe("themes", () => {
  it("are created, renamed and merged, and count each respondent once", async () => {
    const officer = await viewer(OFFICER);
    const waits = createTheme(officer, s.proposalId, "Waiting times");
    const safe = createTheme(officer, s.proposalId, "Safeguarding knowledge");
    const extra = createTheme(officer, s.proposalId, "  waiting   TIMES ");
    expect(waits.ok && safe.ok).toBe(true);
    expect(extra).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/already a theme/) });
    if (!waits.ok || !safe.ok) return;

    const [q1, q2] = questionIds();
    const parent = responseOf("parent.demo@example.org");
    // The same resident's two answers and their comment: one respondent in the theme.
    expect(setItemThemes(officer, s.proposalId, { kind: "answer", responseId: parent, questionId: q1 }, [waits.themeId, safe.themeId]).ok).toBe(true);
    expect(setItemThemes(officer, s.proposalId, { kind: "answer", responseId: parent, questionId: q2 }, [safe.themeId]).ok).toBe(true);
    const parentComment = db().select().from(t.comments).where(and(eq(t.comments.proposalId, s.proposalId), isNotNull(t.comments.respondentId))).orderBy(t.comments.id).get()!;
    expect(setItemThemes(officer, s.proposalId, { kind: "comment", commentId: parentComment.id }, [waits.themeId]).ok).toBe(true);
    const paper = db().select().from(t.responses).where(and(eq(t.responses.proposalId, s.proposalId), eq(t.responses.channel, "paper"))).get()!;
    expect(setItemThemes(officer, s.proposalId, { kind: "answer", responseId: paper.id, questionId: q1 }, [waits.themeId]).ok).toBe(true);

    const byName = () => Object.fromEntries(listThemes(s.proposalId).map((th) => [th.name, th]));
    expect(byName()["Waiting times"]).toMatchObject({ respondents: 2, items: 3 });
    expect(byName()["Safeguarding knowledge"]).toMatchObject({ respondents: 1, items: 2 });

    // An official answer is not what people said.
    const official = db().select().from(t.comments).where(and(eq(t.comments.proposalId, s.proposalId), isNotNull(t.comments.officerId))).get()!;
    expect(setItemThemes(officer, s.proposalId, { kind: "comment", commentId: official.id }, [waits.themeId])).toMatchObject({ ok: false, status: 400 });

    // Merging never counts an item or a respondent twice.
    const spare = createTheme(officer, s.proposalId, "Longer waits");
    if (!spare.ok) throw new Error(spare.message);
    setItemThemes(officer, s.proposalId, { kind: "answer", responseId: parent, questionId: q1 }, [waits.themeId, safe.themeId, spare.themeId]);
    expect(mergeThemes(officer, s.proposalId, spare.themeId, waits.themeId).ok).toBe(true);
    expect(byName()["Waiting times"]).toMatchObject({ respondents: 2, items: 3 });
    expect(byName()["Longer waits"]).toBeUndefined();
    expect(renameTheme(officer, s.proposalId, safe.themeId, "Safeguarding expertise").ok).toBe(true);
    expect(byName()["Safeguarding expertise"]).toBeDefined();

    // Someone from another service cannot code.
    const other = await viewer("officer.parks@northmoor.example");
    expect(createTheme(other, s.proposalId, "Parks")).toMatchObject({ ok: false, status: 403 });
  });
});

describe("a theme's quotes, for staff", () => {
  it("are every answer and comment in it, each marked whether the outcome may quote it", async () => {
    // The parent agreed that her answers may be published; the paper response's sender did not.
    db().update(t.responses).set({ publishAnswers: true }).where(eq(t.responses.id, responseOf("parent.demo@example.org"))).run();
    const officer = await cookie(OFFICER);
    const themePage = async (name: string) => {
      const theme = listThemes(s.proposalId).find((th) => th.name === name)!;
      const r = await call(staffThemeLoader, `/staff/proposals/${s.proposalId}/themes/${theme.id}`, { params: { id: String(s.proposalId), themeId: String(theme.id) }, cookie: officer });
      expect(r.status).toBe(200);
      const items = (r.data as { items: { text: string; publishable: boolean }[] }).items;
      return Object.fromEntries(items.map((i) => [i.text.includes(PARENT_COMMENT) ? PARENT_COMMENT : i.text, i.publishable]));
    };
    expect(await themePage("Waiting times")).toEqual({ [PARENT_ANSWER]: true, [PARENT_COMMENT]: true, [PAPER_ANSWER]: false });
    // An answer to a question marked personal is never for publication, whatever she agreed to.
    expect(await themePage("Safeguarding expertise")).toEqual({ [PARENT_ANSWER]: true, [PARENT_PERSONAL]: false });
  });
});

describe("the outcome report", () => {
  it("refuses a theme response of filler and changes nothing", async () => {
    const officer = await viewer(OFFICER);
    const theme = listThemes(s.proposalId)[0];
    const before = snapshot(s.proposalId);
    const result = saveThemeResponse(officer, s.proposalId, theme.id, 1, { councilResponse: "Noted, thank you", changed: false, changeDescription: null, versionId: null });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(snapshot(s.proposalId)).toEqual(before);
  });

  it("is drafted, sent for sign-off, and published by an approver who wrote none of it", async () => {
    const officer = await viewer(OFFICER);
    const drafting = await viewer(APPROVING_OFFICER);
    let revision = 1;
    const ok = <T extends { ok: boolean }>(r: T) => {
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r as Extract<T, { ok: true }>;
    };
    revision = ok(saveOutcomeText(officer, s.proposalId, revision, "responseSummary", "We received 8 responses: 4 online, 2 on paper, 1 by phone and 1 at a drop-in session, from parents, a charity, a councillor and a teacher.")).revision;
    const [waits, safe] = listThemes(s.proposalId);
    revision = ok(
      saveThemeResponse(officer, s.proposalId, waits.id, revision, {
        councilResponse: "People told us waits would grow. We will write to every family monthly with their place on the list and publish the median wait.",
        changed: true,
        changeDescription: "The crisis team now covers weekends from the first day.",
        versionId: s.versionId,
      }),
    ).revision;
    // The second theme's response is written by the approving officer: they can no longer sign it off.
    revision = ok(
      saveThemeResponse(drafting, s.proposalId, safe.id, revision, {
        councilResponse: "Safeguarding training for the core teams will be given by the departing social workers before any post is removed.",
        changed: false,
        changeDescription: null,
        versionId: null,
      }),
    ).revision;
    // A stale page is refused.
    expect(saveOutcomeText(officer, s.proposalId, revision - 1, "whatHappensNext", "Anything at all written here by someone")).toMatchObject({ ok: false, status: 409 });
    revision = ok(saveOutcomeText(officer, s.proposalId, revision, "equalitySummary", "Faith groups told us families from their communities rely on the social workers, so we re-rated that row.")).revision;
    revision = ok(
      saveEqualityRevision(officer, s.proposalId, "religion_belief", revision, {
        rating: "negative",
        evidence: "Two faith groups told us families in their communities trust the CAMHS social workers more than the core teams.",
        justification: "The saving is required by the budget; the safeguarding training mitigates part of the impact.",
        evidenceAction: null,
      }),
    ).revision;
    const sent = submitOutcome(officer, s.proposalId, revision);
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect("unmet" in sent && sent.unmet?.map((u) => u.code)).toEqual(["next.missing"]);
    revision = ok(saveOutcomeText(officer, s.proposalId, revision, "whatHappensNext", "Cabinet decides on 14 January. If it agrees, the change starts in April after staff consultation.")).revision;
    expect(submitOutcome(officer, s.proposalId, revision).ok).toBe(true);
    expect(loadOutcome(s.proposalId)?.status).toBe("submitted");
    // Nothing is public yet.
    expect(publishedOutcome(loadProposal(s.proposalId)!, loadSettings())).toBeNull();

    const before = snapshot(s.proposalId);
    expect(publishOutcome(drafting, s.proposalId)).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/another approver/) });
    expect(snapshot(s.proposalId)).toEqual(before);

    const published = publishOutcome(await viewer(APPROVER), s.proposalId);
    expect(published).toEqual({ ok: true });
    const p = loadProposal(s.proposalId)!;
    expect(p.state).toBe("outcome_published");
    expect(p.equalityRows.find((r) => r.characteristic === "religion_belief")?.rating).toBe("negative");

    const outcome = publishedOutcome(p, loadSettings())!;
    expect(outcome.themes.map((th) => th.name)).toEqual(["Waiting times", "Safeguarding expertise"]);
    expect(outcome.themes[0].version?.number).toBe(2);
    expect(outcome.equality).toEqual([expect.objectContaining({ characteristic: "religion_belief", before: expect.objectContaining({ rating: "unknown" }), after: expect.objectContaining({ rating: "negative" }) })]);

    // The public outcome page quotes each theme: only what may be published.
    const page = await call(outcomePageLoader, "/consultations/camhs-social-work/outcome", { params: { slug: "camhs-social-work" } });
    const shown = (page.data as { outcome: { themes: { name: string; quotes: { text: string }[] }[] } }).outcome.themes;
    const quotes = (name: string) => shown.find((th) => th.name === name)!.quotes.map((q) => (q.text.includes(PARENT_COMMENT) ? PARENT_COMMENT : q.text)).sort();
    expect(quotes("Waiting times")).toEqual([PARENT_ANSWER, PARENT_COMMENT].sort());
    expect(quotes("Safeguarding expertise")).toEqual([PARENT_ANSWER]);

    const history = publicHistory(s.proposalId, loadSettings());
    expect(history[0]).toMatchObject({ reason: "outcome" });
    expect(history[0].changes.map((c) => c.section)).toEqual(["equality"]);

    const email = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "follower@example.org")).all().at(-1)!;
    expect(email.subject).toMatch(/outcome/i);
    expect(email.textBody).toContain(`/consultations/camhs-social-work/outcome`);
    expect(email.textBody).toContain("Waiting times (the proposal changed)");
  });
});

describe("the published answers page", () => {
  it("shows the answers people agreed to publish, never one from someone who did not agree, nor one to a personal question", async () => {
    const [q1, personal, q3] = loadProposal(s.proposalId)!.questions;
    expect(personal.personal).toBe(true);
    const response = (publishAnswers: boolean, answers: [number, string][]) => {
      const { id } = db().insert(t.responses).values({ proposalId: s.proposalId, channel: "email", publishAnswers }).returning({ id: t.responses.id }).get();
      for (const [questionId, text] of answers) db().insert(t.responseAnswers).values({ responseId: id, questionId, stance: null, text }).run();
    };
    // Each answer carries a word found nowhere else.
    response(true, [[q1.id, "Agreed to publish: marigoldwick."], [personal.id, "About my own son: fennelgrove."], [q3.id, "Also agreed: thistlecombe."]]);
    response(false, [[q1.id, "Did not agree: quillwort."]]);

    const r = await call(publishedAnswersLoader, "/consultations/camhs-social-work/outcome/answers", { params: { slug: "camhs-social-work" } });
    expect(r.data).toMatchObject({ total: 2, pages: 1 });
    const everything = JSON.stringify(r.data);
    expect(everything).toContain("marigoldwick");
    expect(everything).toContain("thistlecombe");
    expect(everything).toContain(PARENT_ANSWER);
    expect(everything).not.toContain("quillwort");
    expect(everything).not.toContain(PAPER_ANSWER);
    expect(everything).not.toContain("fennelgrove");
    expect(everything).not.toContain(PARENT_PERSONAL);
    expect(everything).not.toMatch(/@example\.org/);
  });
});

describe("the decision", () => {
  it("is refused until the decision maker confirms reading, then recorded once", async () => {
    const dm = await viewer(DECISION_MAKER);
    const input = { decision: "approved_with_changes" as const, decidedOn: "2027-01-14", reference: "Cabinet, 14 January 2027, minute 112", noticeUrl: "https://democracy.northmoor.example.gov.uk/decisions/112", summary: null };
    const before = snapshot(s.proposalId);
    expect(recordDecision(dm, s.proposalId, input)).toMatchObject({ ok: false, status: 409 });
    expect(snapshot(s.proposalId)).toEqual(before);

    expect(confirmReading(dm, s.proposalId).ok).toBe(true);
    expect(recordDecision(dm, s.proposalId, input)).toEqual({ ok: true });
    expect(loadProposal(s.proposalId)!.state).toBe("decided");
    expect(decisionOf(s.proposalId)).toMatchObject({ label: "Approved with changes", reference: "Cabinet, 14 January 2027, minute 112" });
    const stored = db().select().from(t.decisions).where(eq(t.decisions.proposalId, s.proposalId)).get()!;
    expect(stored.decidedById).toBe(dm.id);
    expect(stored.readingConfirmedAt).toBeTruthy();

    const after = snapshot(s.proposalId);
    expect(recordDecision(dm, s.proposalId, { ...input, decision: "not_approved" })).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/already/) });
    expect(snapshot(s.proposalId)).toEqual(after);

    const email = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "follower@example.org")).all().at(-1)!;
    expect(email.subject).toMatch(/Decision: Approved with changes/);
    expect(email.textBody).toContain("Cabinet, 14 January 2027, minute 112");
  });
});

describe("personal data after the decision", () => {
  it("removes respondents' identifiers a set time after the decision and keeps the public record", async () => {
    const p = loadProposal(s.proposalId)!;
    const people = () => db().select().from(t.respondents).where(eq(t.respondents.email, "parent.demo@example.org")).all();
    const parent = people()[0];
    db().insert(t.respondentSessions).values({ tokenHash: "a".repeat(64), respondentId: parent.id, expiresAt: "2099-01-01T00:00:00.000Z" }).run();
    // A sign-in link she was sent and has not used yet.
    db().insert(t.respondentLinks).values({ tokenHash: "c".repeat(64), respondentId: parent.id, expiresAt: "2099-01-01T00:00:00.000Z" }).run();
    expect(db().select().from(t.respondentLinks).where(eq(t.respondentLinks.respondentId, parent.id)).all()).toHaveLength(1);
    // An offline response with a scan on disk.
    const scanKey = "b".repeat(36);
    fs.mkdirSync(env().UPLOADS_PATH, { recursive: true });
    fs.writeFileSync(path.join(env().UPLOADS_PATH, scanKey), "%PDF-1.4 scan");
    const paper = db().select().from(t.responses).where(and(eq(t.responses.proposalId, s.proposalId), eq(t.responses.channel, "paper"))).get()!;
    db().update(t.responses).set({ scanStorageKey: scanKey }).where(eq(t.responses.id, paper.id)).run();
    const visibleComments = () => db().select().from(t.comments).where(and(eq(t.comments.proposalId, s.proposalId), eq(t.comments.status, "visible"))).all();
    const commentsBefore = visibleComments();
    const countsBefore = responsesOverview(s.proposalId, { channel: null, respondingAs: null });
    const themesBefore = listThemes(s.proposalId);
    const answersBefore = publishedAnswers(p, 1);
    expect(answersBefore.total).toBe(2); // the parent's and one by email (above)

    // Every queued email has long been delivered by then.
    db().update(t.outbox).set({ status: "sent" }).run();
    // Not yet: a month before the time is up.
    const months = loadSettings().retention.monthsAfterDecision;
    const decidedAt = new Date(p.decidedAt!);
    const later = (m: number) => new Date(new Date(decidedAt).setUTCMonth(decidedAt.getUTCMonth() + m));
    // (The demo library consultation, decided weeks before, may have its turn first.)
    expect(removeExpiredPersonalData(later(months - 1)).consultations).not.toContain("camhs-social-work");
    expect(people()).toHaveLength(1);

    setClock(later(months));
    const report = removeExpiredPersonalData(later(months));
    expect(report.consultations).toEqual(["camhs-social-work"]);
    expect(report.respondentsAnonymised).toBeGreaterThanOrEqual(5);
    expect(people()).toHaveLength(0);
    const anonymised = db().select().from(t.respondents).where(eq(t.respondents.id, parent.id)).get()!;
    expect(anonymised.email).not.toContain("@");
    expect(anonymised.name).toBe("Helen Marsh"); // shown on her comments, so kept as shown
    // Someone who answered without showing their name keeps no name at all.
    const theirs = new Set(db().select().from(t.responses).where(eq(t.responses.proposalId, s.proposalId)).all().map((r) => r.respondentId));
    const unnamed = db().select().from(t.respondents).all().filter((r) => theirs.has(r.id) && !r.showName);
    expect(unnamed.length).toBeGreaterThan(0);
    for (const r of unnamed) expect(r).toMatchObject({ name: null, email: `removed-${r.id}.invalid` });
    expect(db().select().from(t.respondentSessions).where(eq(t.respondentSessions.respondentId, parent.id)).all()).toEqual([]);
    expect(db().select().from(t.respondentLinks).where(eq(t.respondentLinks.respondentId, parent.id)).all()).toEqual([]);
    expect(db().select().from(t.subscriptions).where(eq(t.subscriptions.proposalId, s.proposalId)).all()).toEqual([]);
    expect(db().select().from(t.outbox).where(eq(t.outbox.proposalId, s.proposalId)).all().filter((r) => r.status === "sent")).toEqual([]);
    expect(db().select().from(t.outbox).all().some((r) => /parent\.demo|follower@/.test(r.toAddress))).toBe(false);
    expect(fs.existsSync(path.join(env().UPLOADS_PATH, scanKey))).toBe(false);
    expect(db().select().from(t.responses).where(eq(t.responses.id, paper.id)).get()).toMatchObject({ respondentLabel: null, scanStorageKey: null });

    // The public record stands.
    expect(visibleComments()).toEqual(commentsBefore);
    expect(responsesOverview(s.proposalId, { channel: null, respondingAs: null })).toEqual(countsBefore);
    expect(listThemes(s.proposalId)).toEqual(themesBefore);
    expect(decisionOf(s.proposalId)).not.toBeNull();
    expect(publishedOutcome(loadProposal(s.proposalId)!, loadSettings())).not.toBeNull();
    expect(publishedAnswers(loadProposal(s.proposalId)!, 1)).toEqual(answersBefore);
    // Once is enough.
    expect(removeExpiredPersonalData(later(months + 1)).consultations).toEqual([]);
  });
});
