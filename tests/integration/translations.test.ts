/**
 * Translated content (issue 14): an officer adds, changes and removes a translation through the
 * real pages; a translation in the wrong script is refused with a message and nothing written;
 * each save is audited; once open a change is a published version with its change note; and
 * the reader's translation goes through the one visibility rule, so a hidden proposal's is never
 * returned.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import type { SignedInViewer } from "~/auth/permissions";
import * as list from "~/routes/staff.proposals.$id_.summary_.translations";
import * as choose from "~/routes/staff.proposals.$id_.summary_.translations_.new";
import * as page from "~/routes/staff.proposals.$id_.summary_.translations_.$language";
import * as questionsPage from "~/routes/staff.proposals.$id_.summary_.translations_.$language_.questions";
import * as remove from "~/routes/staff.proposals.$id_.summary_.translations_.$language_.remove";
import * as history from "~/routes/consultations.$slug_.history";
import * as consultation from "~/routes/consultations.$slug";
import * as review from "~/routes/staff.proposals.$id_.review";
import { translationFor } from "~/proposals/translations.server";
import type { HistoryEntry } from "~/proposals/versions.server";
import { loadMyResponse } from "~/responses/answers.server";
import { answerField } from "~/responses/schemas";
import { action as respondAction } from "~/routes/consultations.$slug_.respond";
import { action as postOnProposal, loader as proposalThread } from "~/routes/consultations.$slug_.comments._index";
import { errorsOf, everything, get, post, proposalId, revisionOf, seeded } from "./drafting-helpers";
import { call, makeRespondent, respondentCookie } from "./responses-fixtures";

const YOUTH_OFFICER = "officer.youth@northmoor.example"; // drafted the youth service draft
const CAMHS_OFFICER = "officer@northmoor.example"; // drafted the open CAMHS consultation
const DRAFT = "youth-service-review";
const OPEN = "camhs-social-work";

// About 30 words of Bengali: "We propose to turn the youth service into a targeted service. Young people will get help from
// the council's general services and from voluntary organisations. This will save money..."
const YOUTH_BENGALI =
  "আমরা যুব পরিষেবাকে একটি নির্দিষ্ট লক্ষ্যভিত্তিক পরিষেবায় বদলানোর প্রস্তাব করছি। তরুণরা কাউন্সিলের সাধারণ পরিষেবা এবং স্বেচ্ছাসেবী সংস্থাগুলোর কাছ থেকে সহায়তা পাবে। এতে খরচ কমবে এবং এটি বিশেষ শিক্ষাগত চাহিদা ও প্রাথমিক সহায়তার পরিকল্পনার সাথে মিলবে।";

let draftId: number;
let openId: number;

function viewer(email: string): SignedInViewer {
  const u = db().select().from(t.users).where(eq(t.users.email, email)).get()!;
  const roles = db().select().from(t.userRoles).where(eq(t.userRoles.userId, u.id)).all().map((r) => r.role);
  return { id: u.id, name: u.name, email: u.email, roles, serviceId: u.serviceId, unionIds: [] };
}

const translationRow = (id: number, language = "bn") =>
  db().select().from(t.proposalTranslations).where(and(eq(t.proposalTranslations.proposalId, id), eq(t.proposalTranslations.language, language))).get();

const lastAudit = (id: number) =>
  db().select().from(t.auditLog).where(and(eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, id))).orderBy(desc(t.auditLog.id)).limit(1).get()!;

const params = (id: number, language = "bn") => ({ id: String(id), language });

beforeAll(async () => {
  await seeded();
  draftId = proposalId(DRAFT);
  openId = proposalId(OPEN);
});

describe("adding a translation to a draft", () => {
  it("asks for the language first, offering only the council's, and saves nothing", async () => {
    const before = everything(draftId);
    const refused = await post(choose.action as never, `/staff/proposals/${draftId}/summary/translations/new`, { id: String(draftId) }, YOUTH_OFFICER, { intent: "continue", language: "xx" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ language: ["Choose the language of the translation"] });
    const chosen = await post(choose.action as never, `/staff/proposals/${draftId}/summary/translations/new`, { id: String(draftId) }, YOUTH_OFFICER, { intent: "continue", language: "bn" });
    expect(chosen).toMatchObject({ status: 302, location: `/staff/proposals/${draftId}/summary/translations/bn` });
    expect(everything(draftId)).toEqual(before);
  });

  it("refuses a summary in the wrong script with a clear message, writing nothing", async () => {
    const before = everything(draftId);
    const r = await post(page.action as never, `/staff/proposals/${draftId}/summary/translations/bn`, params(draftId), YOUTH_OFFICER, {
      intent: "continue",
      revision: String(revisionOf(draftId)),
      summary: "We propose to move the youth service to a targeted model, supported by universal services and our voluntary sector partners.",
      translatorName: "Rumana Akhtar",
      "translatedOn.day": "1",
      "translatedOn.month": "11",
      "translatedOn.year": "2026",
    });
    expect(r.status).toBe(400);
    expect(errorsOf(r).summary).toEqual([
      "The Bengali summary must be written in Bengali script (বাংলা): 0% of its letters are; most are in Latin letters, as English is. Check that you pasted the Bengali text",
    ]);
    expect(translationRow(draftId)).toBeUndefined();
    expect(everything(draftId)).toEqual(before);
  });

  it("saves a Bengali summary with its translator and date, audited, and shows who entered it", async () => {
    const revision = revisionOf(draftId);
    const r = await post(page.action as never, `/staff/proposals/${draftId}/summary/translations/bn`, params(draftId), YOUTH_OFFICER, {
      intent: "continue",
      revision: String(revision),
      summary: YOUTH_BENGALI,
      translatorName: "Rumana Akhtar, Translation and Interpreting Service",
      "translatedOn.day": "2",
      "translatedOn.month": "11",
      "translatedOn.year": "2026",
    });
    // The draft has no questions: back to the list, which is the check-answers page.
    expect(r).toMatchObject({ status: 302, location: `/staff/proposals/${draftId}/summary/translations` });
    expect(translationRow(draftId)).toMatchObject({ summary: YOUTH_BENGALI, translatorName: "Rumana Akhtar, Translation and Interpreting Service", translatedOn: "2026-11-02", enteredById: viewer(YOUTH_OFFICER).id });
    expect(revisionOf(draftId)).toBe(revision + 1);
    expect(lastAudit(draftId)).toMatchObject({ action: "proposal.edit", actorId: viewer(YOUTH_OFFICER).id });
    expect(JSON.stringify(lastAudit(draftId).detail)).toContain("Added the Bengali translation (translated by Rumana Akhtar, Translation and Interpreting Service on 2026-11-02)");

    const shown = await get(list.loader as never, `/staff/proposals/${draftId}/summary/translations`, { id: String(draftId) }, YOUTH_OFFICER);
    const body = shown.body as { translations: { language: string; enteredBy: string; translatorName: string; summaryHtml: string }[] };
    expect(body.translations).toEqual([expect.objectContaining({ language: "bn", enteredBy: viewer(YOUTH_OFFICER).name, translatorName: "Rumana Akhtar, Translation and Interpreting Service" })]);
    expect(body.translations[0].summaryHtml).toContain("যুব পরিষেবাকে");
  });

  it("refuses a date in the future and a stale revision, keeping the saved translation", async () => {
    const saved = translationRow(draftId);
    const future = await post(page.action as never, `/staff/proposals/${draftId}/summary/translations/bn`, params(draftId), YOUTH_OFFICER, {
      intent: "continue",
      revision: String(revisionOf(draftId)),
      summary: YOUTH_BENGALI,
      translatorName: "Rumana Akhtar",
      "translatedOn.day": "1",
      "translatedOn.month": "1",
      "translatedOn.year": "2099",
    });
    expect(future.status).toBe(400);
    expect(errorsOf(future).translatedOn).toEqual(["The date it was translated must be today or in the past"]);
    const stale = await post(page.action as never, `/staff/proposals/${draftId}/summary/translations/bn`, params(draftId), YOUTH_OFFICER, {
      intent: "continue",
      revision: String(revisionOf(draftId) - 1),
      summary: `${YOUTH_BENGALI} আরও একটি বাক্য।`,
      translatorName: "Someone Else",
      "translatedOn.day": "1",
      "translatedOn.month": "11",
      "translatedOn.year": "2026",
    });
    expect(stale.status).toBe(409);
    expect(translationRow(draftId)).toEqual(saved);
  });

  it("is 404 for a language the council does not offer, and for an officer of another service", async () => {
    expect((await get(page.loader as never, `/staff/proposals/${draftId}/summary/translations/xx`, params(draftId, "xx"), YOUTH_OFFICER)).status).toBe(404);
    const other = await post(page.action as never, `/staff/proposals/${draftId}/summary/translations/bn`, params(draftId), "officer.parks@northmoor.example", {
      intent: "continue",
      revision: String(revisionOf(draftId)),
      summary: YOUTH_BENGALI,
      translatorName: "Rumana Akhtar",
    });
    expect(other.status).toBe(404); // a draft of another service is hidden from them, as if it did not exist
  });
});

describe("a translation of a hidden proposal", () => {
  it("is never returned to the public, a moderator or another service's officer, though it exists", () => {
    expect(translationRow(draftId)).toBeDefined();
    expect(translationFor(null, DRAFT, "bn")).toBeNull();
    expect(translationFor(viewer("moderator@northmoor.example"), DRAFT, "bn")).toBeNull();
    expect(translationFor(viewer("officer.parks@northmoor.example"), DRAFT, "bn")).toBeNull();
    // The officer who drafted it may see the proposal, so they see its translation.
    expect(translationFor(viewer(YOUTH_OFFICER), DRAFT, "bn")?.summary).toBe(YOUTH_BENGALI);
  });

  it("is not on the consultation page in Bengali either: the same 404 as for any hidden proposal", async () => {
    expect(translationRow(draftId)).toBeDefined();
    const r = await get(consultation.loader as never, `/consultations/${DRAFT}?lang=bn`, { slug: DRAFT }, null);
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body ?? "")).not.toContain("যুব পরিষেবাকে");
  });

  it("is null for a proposal that does not exist or a language not offered, as for a hidden one", () => {
    expect(translationFor(null, "no-such-consultation", "bn")).toBeNull();
    expect(translationFor(null, OPEN, "xx")).toBeNull();
    expect(translationFor(null, OPEN, "ur")).toBeNull();
  });
});

describe("the open CAMHS consultation's Bengali translation", () => {
  it("is on the consultation page in Bengali, and linked from the page in English", async () => {
    type Page = { translation: { language: string; summaryHtml: string; translatorName: string } | null; otherLanguages: { code: string }[] };
    const bengali = (await get(consultation.loader as never, `/consultations/${OPEN}?lang=bn`, { slug: OPEN }, null)).body as Page;
    expect(bengali.translation).toMatchObject({ language: "bn", translatorName: expect.stringMatching(/^Rumana Akhtar/) });
    expect(bengali.translation!.summaryHtml).toMatch(/^<p>আমরা নর্থমুরে/);
    expect(bengali.otherLanguages).toEqual([]);
    const english = (await get(consultation.loader as never, `/consultations/${OPEN}`, { slug: OPEN }, null)).body as Page;
    expect(english.translation).toBeNull();
    expect(english.otherLanguages.map((l) => l.code)).toEqual(["bn"]);
  });


  it("is returned to anyone, with every question, its translator and date, and what it covers", () => {
    const tr = translationFor(null, OPEN, "bn")!;
    expect(tr).toMatchObject({ language: "bn", nativeName: "বাংলা", dir: "ltr", translatorName: expect.stringMatching(/^Rumana Akhtar/), covers: { summary: true, questions: 4, ofQuestions: 4 } });
    expect(tr.summary).toContain("সমাজকর্মী");
    expect(tr.questions.map((q) => q.english)).toEqual(db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, openId)).orderBy(t.consultationQuestions.position).all().map((q) => q.question));
    expect(tr.questions.every((q) => q.translated && /\p{Script=Bengali}/u.test(q.translated))).toBe(true);
  });

  it("is on the approver's review, read only, with who translated it and who entered it", async () => {
    const r = await get(review.loader as never, `/staff/proposals/${openId}/review`, { id: String(openId) }, "approver@northmoor.example");
    const cards = (r.body as { translations: { language: string; translatorName: string; enteredBy: string; summaryHtml: string; covers: unknown }[] }).translations;
    expect(cards).toEqual([expect.objectContaining({ language: "bn", translatorName: expect.stringMatching(/^Rumana Akhtar/), enteredBy: viewer(CAMHS_OFFICER).name, covers: { summary: true, questions: 4, ofQuestions: 4 } })]);
    expect(cards[0].summaryHtml).toContain("সমাজকর্মী");
  });

  it("cannot be changed without a change note once open", async () => {
    const before = everything(openId);
    const saved = translationRow(openId);
    const r = await post(page.action as never, `/staff/proposals/${openId}/summary/translations/bn`, params(openId), CAMHS_OFFICER, {
      intent: "continue",
      revision: String(revisionOf(openId)),
      summary: `${saved!.summary}\n\nআমরা পরিবারগুলোর জন্য দ্বিতীয় একটি ড্রপ-ইন সেশন যোগ করেছি।`,
      translatorName: saved!.translatorName,
      "translatedOn.day": "1",
      "translatedOn.month": "11",
      "translatedOn.year": "2026",
    });
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toMatchObject({ changeNote: [expect.stringMatching(/Explain what you changed/)] });
    expect(everything(openId)).toEqual(before);
    expect(translationRow(openId)).toEqual(saved);
  });

  it("with a change note is published as a version, and the history shows the Bengali words that changed", async () => {
    const saved = translationRow(openId)!;
    const added = "আমরা পরিবারগুলোর জন্য দ্বিতীয় একটি ড্রপ-ইন সেশন যোগ করেছি।";
    const r = await post(page.action as never, `/staff/proposals/${openId}/summary/translations/bn`, params(openId), CAMHS_OFFICER, {
      intent: "continue",
      revision: String(revisionOf(openId)),
      summary: `${saved.summary}\n\n${added}`,
      translatorName: saved.translatorName,
      "translatedOn.day": "1",
      "translatedOn.month": "11",
      "translatedOn.year": "2026",
      changeNote: "Added the second drop-in session to the Bengali summary.",
      material: "no",
    });
    expect(r).toMatchObject({ status: 302, location: `/staff/proposals/${openId}/summary/translations/bn/questions` });
    const versions = db().select().from(t.proposalVersions).where(and(eq(t.proposalVersions.proposalId, openId), eq(t.proposalVersions.isPublic, true))).all();
    expect(versions.at(-1)).toMatchObject({ reason: "public_edit", changeNote: "Added the second drop-in session to the Bengali summary." });

    const page_ = await get(history.loader as never, `/consultations/${OPEN}/history`, { slug: OPEN }, null);
    const newest = (page_.body as { versions: HistoryEntry[] }).versions[0];
    expect(newest.changeNote).toBe("Added the second drop-in session to the Bengali summary.");
    expect(newest.changes.map((c) => c.section)).toEqual(["summary"]);
    expect(newest.changes[0].parts.filter((p) => p.added).map((p) => p.value).join("")).toContain("দ্বিতীয় একটি ড্রপ-ইন সেশন");
  });

  it("refuses a translated question in the wrong script, naming the question, and keeps the others", async () => {
    const questions = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, openId)).orderBy(t.consultationQuestions.position).all();
    const before = everything(openId);
    const form: Record<string, string> = { intent: "continue", revision: String(revisionOf(openId)), changeNote: "Corrected the Bengali questions.", material: "no" };
    for (const q of questions) form[`question-${q.id}`] = translationFor(null, OPEN, "bn")!.questions.find((x) => x.id === q.id)!.translated!;
    form[`question-${questions[2].id}`] = questions[2].question;
    const r = await post(questionsPage.action as never, `/staff/proposals/${openId}/summary/translations/bn/questions`, params(openId), CAMHS_OFFICER, form);
    expect(r.status).toBe(400);
    expect(errorsOf(r)[`question-${questions[2].id}`]).toEqual(["The Bengali translation of question 3 is the English text: paste the Bengali translation instead"]);
    expect(everything(openId)).toEqual(before);
  });

  it("leaves a question blank to show it in English, saying so to the reader", async () => {
    const questions = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, openId)).orderBy(t.consultationQuestions.position).all();
    const current = translationFor(null, OPEN, "bn")!;
    const form: Record<string, string> = { intent: "continue", revision: String(revisionOf(openId)), changeNote: "The fourth question is being retranslated; it shows in English meanwhile.", material: "no" };
    for (const q of questions.slice(0, 3)) form[`question-${q.id}`] = current.questions.find((x) => x.id === q.id)!.translated!;
    form[`question-${questions[3].id}`] = "";
    const r = await post(questionsPage.action as never, `/staff/proposals/${openId}/summary/translations/bn/questions`, params(openId), CAMHS_OFFICER, form);
    expect(r).toMatchObject({ status: 302, location: `/staff/proposals/${openId}/summary/translations` });
    const after = translationFor(null, OPEN, "bn")!;
    expect(after.covers).toEqual({ summary: true, questions: 3, ofQuestions: 4 });
    expect(after.questions[3]).toEqual({ id: questions[3].id, english: questions[3].question, translated: null });
  });
});

describe("removing a translation", () => {
  it("removes it from the draft, audited, and the reader gets none", async () => {
    const r = await post(remove.action as never, `/staff/proposals/${draftId}/summary/translations/bn/remove`, params(draftId), YOUTH_OFFICER, { intent: "continue", revision: String(revisionOf(draftId)) });
    expect(r).toMatchObject({ status: 302, location: `/staff/proposals/${draftId}/summary/translations` });
    expect(translationRow(draftId)).toBeUndefined();
    expect(JSON.stringify(lastAudit(draftId).detail)).toContain("Removed the Bengali translation");
    expect(translationFor(viewer(YOUTH_OFFICER), DRAFT, "bn")).toBeNull();
  });

  it("is 404 for a translation that is not there", async () => {
    const r = await post(remove.action as never, `/staff/proposals/${draftId}/summary/translations/bn/remove`, params(draftId), YOUTH_OFFICER, { intent: "continue", revision: String(revisionOf(draftId)) });
    expect(r.status).toBe(404);
  });
});

describe("responses in any language", () => {
  it("accepts an answer and a comment in Bengali, kept and shown exactly as written", async () => {
    const question = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, openId)).orderBy(t.consultationQuestions.position).all()[2];
    const respondent = makeRespondent();
    const cookie = await respondentCookie(respondent);
    // "Children at risk of harm, and young carers, should be seen first."
    const answer = "যে শিশুরা ক্ষতির ঝুঁকিতে আছে এবং যারা তরুণ পরিচর্যাকারী, তাদের আগে দেখা উচিত।";
    const r = await call(respondAction, `/consultations/${OPEN}/respond`, { params: { slug: OPEN }, cookie, form: { [answerField(question.id)]: answer } });
    expect(r.location).toBe(`/consultations/${OPEN}/respond/confirmation`);
    expect(loadMyResponse(openId, respondent)!.answers[question.id]).toEqual({ stance: null, text: answer });

    // "My daughter waited five months for an assessment."
    const comment = "আমার মেয়ে একটি মূল্যায়নের জন্য পাঁচ মাস অপেক্ষা করেছিল।";
    const posted = await call(postOnProposal, `/consultations/${OPEN}/comments`, { params: { slug: OPEN }, cookie, form: { body: comment } });
    expect(posted.status).toBe(302);
    expect(db().select().from(t.comments).where(eq(t.comments.bodyMarkdown, comment)).get()).toMatchObject({ status: "visible" });
    const thread = await call(proposalThread, `/consultations/${OPEN}/comments`, { params: { slug: OPEN } });
    expect(JSON.stringify(thread.data)).toContain(comment);
  });
});
