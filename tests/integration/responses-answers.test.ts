/**
 * Answers to the consultation questions: one set per resident, changed in place until closing,
 * refused after; and offline responses entered by officers with their channel (and a scan),
 * counted with the online ones.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { translator } from "~/i18n/i18n";
import { setClock } from "~/lib/clock";
import { env } from "~/lib/env.server";
import { loadMyResponse, responseCounts, saveOnlineResponse, sniffScan } from "~/responses/answers.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { PUBLISH_FIELD, UPDATES_FIELD, answerField, stanceField } from "~/responses/schemas";
import { isSubscribedTo } from "~/notifications/subscriptions.server";
import { action as respondAction, loader as respondLoader } from "~/routes/consultations.$slug_.respond";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { action as enterAction } from "~/routes/staff.responses.$id_.new";
import { loader as scanLoader } from "~/routes/staff.responses.$id_.scans.$responseId";
import { call, makeRespondent, messages, proposalBySlug, respondentCookie, seeded, staffCookie } from "./responses-fixtures";

const SLUG = "camhs-social-work";
const url = `/consultations/${SLUG}/respond`;
let proposalId: number;
let questions: { id: number; question: string }[];

beforeAll(async () => {
  await seeded();
  proposalId = proposalBySlug(SLUG).id;
  questions = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, proposalId)).orderBy(t.consultationQuestions.position).all();
});
beforeEach(() => resetRateLimitsForTests());
afterEach(() => setClock(null));

describe("answering the questions", () => {
  it("shows the scale only on agree-or-disagree questions", async () => {
    const cookie = await respondentCookie(makeRespondent());
    const r = await call(respondLoader, url, { params: { slug: SLUG }, cookie });
    const qs = (r.data as { questions: { question: string; stance: boolean }[] }).questions;
    expect(qs.map((q) => q.stance)).toEqual([true, false, false, false]);
  });

  it("keeps one set of answers per resident, replaced when they change it", async () => {
    const id = makeRespondent();
    const cookie = await respondentCookie(id);
    const first = await call(respondAction, url, {
      params: { slug: SLUG },
      cookie,
      form: { [stanceField(questions[0].id)]: "strongly_disagree", [answerField(questions[0].id)]: "Twelve posts is a quarter of the service.", [answerField(questions[2].id)]: "Children at risk of harm." },
    });
    expect(first.location).toBe(`/consultations/${SLUG}/respond/confirmation`);
    const saved = loadMyResponse(proposalId, id)!;
    expect(saved.answers[questions[0].id]).toEqual({ stance: "strongly_disagree", text: "Twelve posts is a quarter of the service." });

    const changed = await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [stanceField(questions[0].id)]: "disagree" } });
    expect(changed.status).toBe(302);
    const after = loadMyResponse(proposalId, id)!;
    expect(after.id).toBe(saved.id);
    expect(after.answers).toEqual({ [questions[0].id]: { stance: "disagree", text: null } });
    expect(db().select({ n: count() }).from(t.responses).where(and(eq(t.responses.proposalId, proposalId), eq(t.responses.respondentId, id))).get()!.n).toBe(1);
  });

  it("stores the respondent's choice on publishing their answers as they posted it: yes, no, or not published when they said nothing", async () => {
    const answer = { [answerField(questions[0].id)]: "Keep the posts." };
    const choose = async (choice: Record<string, string>) => {
      const id = makeRespondent();
      const cookie = await respondentCookie(id);
      const r = await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { ...answer, ...choice } });
      return { id, cookie, r };
    };
    const yes = await choose({ [PUBLISH_FIELD]: "yes" });
    expect(yes.r.location).toBe(`${url}/confirmation`);
    expect(loadMyResponse(proposalId, yes.id)!.publishAnswers).toBe(true);
    // The form shows the choice made, to change it.
    const form = await call(respondLoader, url, { params: { slug: SLUG }, cookie: yes.cookie });
    expect((form.data as { defaults: Record<string, string> }).defaults[PUBLISH_FIELD]).toBe("yes");

    const no = await choose({ [PUBLISH_FIELD]: "no" });
    expect(no.r.status).toBe(302);
    expect(loadMyResponse(proposalId, no.id)!.publishAnswers).toBe(false);
    const unset = await choose({});
    expect(unset.r.status).toBe(302);
    expect(loadMyResponse(proposalId, unset.id)!.publishAnswers).toBe(false);
    // (Any other caller that does not say is not publishing either.)
    const quiet = makeRespondent();
    expect(saveOnlineResponse({ proposalId, respondentId: quiet, answers: [{ questionId: questions[0].id, stance: "agree", text: null }] }).ok).toBe(true);
    expect(loadMyResponse(proposalId, quiet)!.publishAnswers).toBe(false);

    // Changing their mind, in place.
    await call(respondAction, url, { params: { slug: SLUG }, cookie: yes.cookie, form: { ...answer, [PUBLISH_FIELD]: "no" } });
    expect(loadMyResponse(proposalId, yes.id)!.publishAnswers).toBe(false);

    // A value the form does not offer is refused, and nothing is saved.
    const odd = await choose({ [PUBLISH_FIELD]: "maybe" });
    expect(odd.r.status).toBe(400);
    expect(messages(odd.r.data)).toEqual(["Select whether your answers may be published"]);
    expect(loadMyResponse(proposalId, odd.id)).toBeNull();
  });

  it("makes a respondent who ticks “Email me updates” a subscriber of the consultation, once; one who does not is not", async () => {
    const emailOf = (id: number) => db().select({ email: t.respondents.email }).from(t.respondents).where(eq(t.respondents.id, id)).get()!.email;
    const wants = makeRespondent();
    const cookie = await respondentCookie(wants);
    const form = { [answerField(questions[0].id)]: "Tell me what you decide.", [UPDATES_FIELD]: "yes" };
    expect((await call(respondAction, url, { params: { slug: SLUG }, cookie, form })).status).toBe(302);
    expect(isSubscribedTo(emailOf(wants), proposalId)).toBe(true);
    const subscriptions = () => db().select().from(t.subscriptions).where(eq(t.subscriptions.email, emailOf(wants))).all();
    expect(subscriptions()).toEqual([expect.objectContaining({ scope: "consultation", proposalId, confirmedAt: expect.any(String), unsubscribedAt: null, unsubscribeToken: expect.any(String) })]);
    // The form shows it ticked; sending again does not subscribe twice.
    const page = await call(respondLoader, url, { params: { slug: SLUG }, cookie });
    expect((page.data as { defaults: Record<string, string> }).defaults[UPDATES_FIELD]).toBe("yes");
    await call(respondAction, url, { params: { slug: SLUG }, cookie, form });
    expect(subscriptions()).toHaveLength(1);

    const not = makeRespondent();
    await call(respondAction, url, { params: { slug: SLUG }, cookie: await respondentCookie(not), form: { [answerField(questions[0].id)]: "No emails, thanks." } });
    expect(loadMyResponse(proposalId, not)).not.toBeNull();
    expect(isSubscribedTo(emailOf(not), proposalId)).toBe(false);
    expect(db().select().from(t.subscriptions).where(eq(t.subscriptions.email, emailOf(not))).all()).toEqual([]);
  });

  it("emails the respondent a copy of what they sent, and another copy when they change it", async () => {
    const id = makeRespondent();
    const email = db().select({ email: t.respondents.email }).from(t.respondents).where(eq(t.respondents.id, id)).get()!.email;
    const cookie = await respondentCookie(id);
    const receipts = () => db().select().from(t.outbox).where(and(eq(t.outbox.event, "response_receipt"), eq(t.outbox.toAddress, email))).all();
    await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [stanceField(questions[0].id)]: "strongly_disagree", [answerField(questions[2].id)]: "Children at risk of harm\nwould wait longer." } });
    const [first] = receipts();
    expect(first.subject).toMatch(/^Your response – /);
    expect(first.textBody).toContain(`1. ${questions[0].question}\n   Strongly disagree`);
    expect(first.textBody).toContain(`3. ${questions[2].question}\n   Children at risk of harm\n   would wait longer.`);
    expect(first.textBody).toContain(`2. ${questions[1].question}\n   Not answered`);
    expect(first.textBody).toContain(`/consultations/${SLUG}/respond`);

    setClock(new Date(Date.now() + 60_000));
    await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [stanceField(questions[0].id)]: "agree" } });
    const all = receipts();
    expect(all).toHaveLength(2);
    expect(all[1].subject).toMatch(/^Your changed response – /);
    expect(all[1].textBody).toContain("   Agree");
    expect(all[1].textBody).not.toContain("Children at risk");
  });

  it("sends no receipt when nothing was saved", async () => {
    const id = makeRespondent();
    const cookie = await respondentCookie(id);
    const before = db().select({ n: count() }).from(t.outbox).where(eq(t.outbox.event, "response_receipt")).get()!.n;
    await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [answerField(questions[1].id)]: "   " } });
    expect(db().select({ n: count() }).from(t.outbox).where(eq(t.outbox.event, "response_receipt")).get()!.n).toBe(before);
  });

  it("asks for at least one answer, refuses a scale value it does not offer and overlong text, and saves nothing", async () => {
    const id = makeRespondent();
    const cookie = await respondentCookie(id);
    const empty = await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [answerField(questions[1].id)]: "   " } });
    expect(empty.status).toBe(400);
    expect(messages(empty.data)).toEqual(["Answer at least one question"]);
    const bad = await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [stanceField(questions[0].id)]: "love_it" } });
    expect(messages(bad.data)).toEqual(["Select one of the options"]);
    const long = await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [answerField(questions[1].id)]: "x".repeat(5001) } });
    expect(messages(long.data)).toEqual(["Your answer must be 5,000 characters or fewer"]);
    expect(loadMyResponse(proposalId, id)).toBeNull();
  });

  it("ignores answers to questions this consultation does not ask", () => {
    const other = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, proposalBySlug("ict-strategic-partnership").id)).get()!;
    const r = saveOnlineResponse({ proposalId, respondentId: makeRespondent(), answers: [{ questionId: other.id, stance: "agree", text: "Sneaky" }] });
    expect(r).toMatchObject({ ok: false, status: 400, message: "Answer at least one question" });
  });

  it("refuses in the respondent's language: a Bengali page's refusals come from the Bengali catalogue (issue 14)", () => {
    const other = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, proposalBySlug("ict-strategic-partnership").id)).get()!;
    const bn = translator("bn");
    const none = saveOnlineResponse({ proposalId, respondentId: makeRespondent(), answers: [{ questionId: other.id, stance: "agree", text: "Sneaky" }], lang: "bn" });
    expect(none).toMatchObject({ ok: false, status: 400, message: bn("validation.answerOne") });
    const long = saveOnlineResponse({ proposalId, respondentId: makeRespondent(), answers: [{ questionId: questions[1].id, stance: null, text: "x".repeat(5001) }], lang: "bn" });
    expect(long).toMatchObject({ ok: false, status: 400, message: bn("validation.answerTooLong", { max: "5,000" }) });
    expect((long as { message: string }).message).toMatch(/^[^A-Za-z]+$/);
  });

  it("takes changes until the end of the closing date, and refuses them after, with a message", async () => {
    const p = proposalBySlug(SLUG);
    const id = makeRespondent();
    setClock(new Date(`${p.closesOn}T12:00:00Z`));
    const cookie = await respondentCookie(id);
    expect((await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [answerField(questions[1].id)]: "On the last day" } })).location).toBe(`${url}/confirmation`);
    setClock(new Date(new Date(`${p.closesOn}T12:00:00Z`).getTime() + 24 * 60 * 60 * 1000));
    const late = await call(respondAction, url, { params: { slug: SLUG }, cookie, form: { [answerField(questions[1].id)]: "A day late" } });
    expect(late.status).toBe(409);
    expect(messages(late.data)).toEqual(["This consultation has closed. The council is no longer taking responses or comments."]);
    expect(loadMyResponse(proposalId, id)!.answers[questions[1].id].text).toBe("On the last day");
    // The form is gone for everyone, signed in or not.
    const page = await call(respondLoader, url, { params: { slug: SLUG } });
    expect(page.data).toMatchObject({ kind: "closed" });
    const consultation = await call(consultationLoader, `/consultations/${SLUG}`, { params: { slug: SLUG } });
    expect((consultation.data as { responses: { accepting: boolean } }).responses.accepting).toBe(false);
  });
});

describe("responses that did not come online", () => {
  const PDF = Buffer.from("%PDF-1.4\n% a scanned form\n");

  function form(fields: Record<string, string>, scan?: Buffer) {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    if (scan) f.set("scan", new Blob([new Uint8Array(scan)], { type: "application/pdf" }), "form.pdf");
    return f;
  }

  it("are entered by an officer of the service with their channel and a scan, and counted with the online ones", async () => {
    const before = responseCounts(proposalId);
    const cookie = await staffCookie("officer@northmoor.example");
    const params = { id: String(proposalId) };
    const missing = await call(enterAction, `/staff/responses/${proposalId}/new`, { params, cookie, form: form({ [answerField(questions[1].id)]: "By post" }) });
    expect(missing.status).toBe(400);
    expect(messages(missing.data)).toEqual(["Select how the response reached the council"]);

    const saved = await call(enterAction, `/staff/responses/${proposalId}/new`, {
      params,
      cookie,
      form: form({ channel: "paper", label: "Resident, Millbrook ward", [stanceField(questions[0].id)]: "strongly_disagree", [answerField(questions[1].id)]: "Written on the back of the leaflet." }, PDF),
    });
    expect(saved.location).toBe(`/staff/responses/${proposalId}?saved=1`);
    await call(enterAction, `/staff/responses/${proposalId}/new`, { params, cookie, form: form({ channel: "phone", [answerField(questions[2].id)]: "Told to the contact centre" }) });
    await call(enterAction, `/staff/responses/${proposalId}/new`, { params, cookie, form: form({ channel: "event", [stanceField(questions[0].id)]: "agree" }) });

    const after = responseCounts(proposalId);
    expect(after).toMatchObject({ paper: before.paper + 1, phone: before.phone + 1, event: before.event + 1, online: before.online, total: before.total + 3 });

    const paper = db().select().from(t.responses).where(and(eq(t.responses.proposalId, proposalId), eq(t.responses.channel, "paper"))).get()!;
    expect(paper.respondentId).toBeNull();
    expect(paper.respondentLabel).toBe("Resident, Millbrook ward");
    expect(fs.readFileSync(path.join(env().UPLOADS_PATH, paper.scanStorageKey!))).toEqual(PDF);
    const scan = await call(scanLoader, `/staff/responses/${proposalId}/scans/${paper.id}`, { params: { id: String(proposalId), responseId: String(paper.id) }, cookie });
    expect(scan.status).toBe(200);

    // The public page counts them all.
    const page = await call(consultationLoader, `/consultations/${SLUG}`, { params: { slug: SLUG } });
    expect((page.data as { responses: { counts: { total: number } } }).responses.counts.total).toBe(after.total);
  });

  it("are refused from officers of other services and from the public, and a scan that is not a PDF or image is refused", async () => {
    const params = { id: String(proposalId) };
    const other = await call(enterAction, `/staff/responses/${proposalId}/new`, { params, cookie: await staffCookie("officer.ict@northmoor.example"), form: form({ channel: "paper", [answerField(questions[1].id)]: "x" }) });
    expect(other.status).toBe(403);
    const anon = await call(enterAction, `/staff/responses/${proposalId}/new`, { params, form: form({ channel: "paper" }) });
    expect(anon.status).toBe(302);
    const html = await call(enterAction, `/staff/responses/${proposalId}/new`, {
      params,
      cookie: await staffCookie("officer@northmoor.example"),
      form: form({ channel: "paper", [answerField(questions[1].id)]: "with a bad scan" }, Buffer.from("<html><script>alert(1)</script></html>")),
    });
    expect(html.status).toBe(400);
    expect(messages(html.data)).toEqual(["The scan must be a PDF, JPG or PNG"]);
    expect(sniffScan(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
  });
});
