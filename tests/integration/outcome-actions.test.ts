/**
 * "Bad input" after closing, through the real route actions as a browser posts them: a decision
 * before the outcome is published, a decision by someone who has not confirmed reading, a second
 * decision, an outcome report signed off by someone who wrote part of it, a theme response of
 * filler, and malformed bodies. Each is refused with a message and a 4xx, and nothing changes:
 * state, audit log, versions, outbox, the report, themes, readings and decisions as before.
 * Then the same actions, given what they need, publish the outcome and record the decision.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { now } from "~/lib/clock";
import { councilDate } from "~/lib/council-time";
import { saveEqualityRevision, saveOutcomeText, saveThemeResponse, submitOutcome } from "~/outcomes/outcome.server";
import { loadOutcome } from "~/outcomes/read.server";
import { createTheme, listThemes, setItemThemes } from "~/outcomes/themes.server";
import { loadProposal } from "~/proposals/proposals.server";
import { action as decisionAction } from "~/routes/staff.proposals.$id_.decision";
import { action as outcomeAction } from "~/routes/staff.proposals.$id_.outcome";
import { action as themeAction } from "~/routes/staff.proposals.$id_.outcome_.themes_.$themeId";
import { action as rerateAction } from "~/routes/staff.proposals.$id_.outcome_.equality_.$characteristic";
import { action as codingAction } from "~/routes/staff.proposals.$id_.responses_.questions.$questionId";
import { cookieFor, post, type Called } from "./drafting-helpers";
import { APPROVER, APPROVING_OFFICER, DECISION_MAKER, OFFICER, seedAfterClosing, snapshot, viewer, type AfterClosing } from "./outcome-fixtures";

let s: AfterClosing;
let themeIds: number[] = [];
const staff = () => `/staff/proposals/${s.proposalId}`;
const params = (extra: Record<string, string> = {}) => ({ id: String(s.proposalId), ...extra });
const revision = () => String(loadOutcome(s.proposalId)?.revision ?? 1);
const messageOf = (c: Called) => JSON.stringify(c.body);

function decisionForm(): Record<string, string> {
  const [year, month, day] = councilDate(now(), "Europe/London").split("-");
  return {
    intent: "decide",
    decision: "approved_with_changes",
    "decidedOn.day": String(Number(day)),
    "decidedOn.month": String(Number(month)),
    "decidedOn.year": year,
    reference: "Cabinet, minute 112",
    noticeUrl: "https://democracy.northmoor.example.gov.uk/decisions/112",
    summary: "",
  };
}

/** Posts, and checks the refusal changed nothing a refusal must leave alone. */
async function refused(call: () => Promise<Called>, status: number | RegExp, message?: RegExp): Promise<Called> {
  const before = snapshot(s.proposalId);
  const result = await call();
  if (typeof status === "number") expect(result.status).toBe(status);
  else expect(String(result.status)).toMatch(status);
  if (message) expect(messageOf(result)).toMatch(message);
  expect(snapshot(s.proposalId)).toEqual(before);
  return result;
}

beforeAll(async () => {
  s = await seedAfterClosing();
  const officer = await viewer(OFFICER);
  const p = loadProposal(s.proposalId)!;
  for (const name of ["Waiting times", "Safeguarding expertise"]) {
    const created = createTheme(officer, s.proposalId, name);
    if (!created.ok) throw new Error(created.message);
  }
  themeIds = listThemes(s.proposalId).map((th) => th.id);
  // Code the first two answers to the first question, one into each theme.
  const responses = db().select({ id: t.responses.id }).from(t.responses).where(eq(t.responses.proposalId, s.proposalId)).all();
  const questionId = p.questions[0].id;
  setItemThemes(officer, s.proposalId, { kind: "answer", responseId: responses[0].id, questionId }, [themeIds[0]]);
  setItemThemes(officer, s.proposalId, { kind: "answer", responseId: responses[1].id, questionId }, [themeIds[1]]);
  // Sign everyone in now: a sign-in is audited, and the refusals below must add nothing.
  for (const email of [OFFICER, APPROVER, APPROVING_OFFICER, DECISION_MAKER]) await cookieFor(email);
}, 60_000);

describe("before the outcome is published", () => {
  it("refuses a decision, and a reading confirmation, and changes nothing", async () => {
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, decisionForm()), 409, /only after the outcome report has been published/);
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, { intent: "confirm", confirm: "yes" }), /^4/);
  });

  it("refuses a theme response of filler from the theme's page, and changes nothing", async () => {
    for (const filler of ["Noted, thank you for your comments.", "TBC", "See the business case", "Response to follow once the review is complete"]) {
      const result = await refused(
        () => post(themeAction, `${staff()}/outcome/themes/${themeIds[0]}`, params({ themeId: String(themeIds[0]) }), OFFICER, { intent: "continue", revision: revision(), councilResponse: filler, changed: "no" }),
        400,
      );
      expect(messageOf(result)).toMatch(/Waiting times/);
    }
  });

  it("refuses a 'changed' claim with no linked public version", async () => {
    const result = await refused(
      () =>
        post(themeAction, `${staff()}/outcome/themes/${themeIds[0]}`, params({ themeId: String(themeIds[0]) }), OFFICER, {
          intent: "continue",
          revision: revision(),
          councilResponse: "People told us waits would grow, so we will write to every family monthly with their place on the list.",
          changed: "yes",
          changeDescription: "Weekend cover by the crisis team from the first day.",
          versionId: "999999",
        }),
      400,
    );
    expect(messageOf(result)).toMatch(/Choose the published version that made the change/);
  });

  it("answers malformed bodies with a 4xx, never a 500, and changes nothing", async () => {
    const theme = params({ themeId: String(themeIds[0]) });
    const cases: [string, () => Promise<Called>][] = [
      ["outcome: no intent", () => post(outcomeAction, `${staff()}/outcome`, params(), OFFICER, {})],
      ["outcome: an unknown intent", () => post(outcomeAction, `${staff()}/outcome`, params(), OFFICER, { intent: "delete" })],
      ["outcome: submit with a revision that is not a number", () => post(outcomeAction, `${staff()}/outcome`, params(), OFFICER, { intent: "submit", revision: "x" })],
      ["decision: no intent", () => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, {})],
      ["decision: a made-up kind and date", () => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, { ...decisionForm(), decision: "abolished", "decidedOn.month": "13" })],
      ["theme: no revision", () => post(themeAction, `${staff()}/outcome/themes/${themeIds[0]}`, theme, OFFICER, { intent: "continue", councilResponse: "x" })],
      ["theme: a theme that does not exist", () => post(themeAction, `${staff()}/outcome/themes/999999`, params({ themeId: "999999" }), OFFICER, { intent: "continue", revision: revision() })],
      ["re-rate: a rating that does not exist", () => post(rerateAction, `${staff()}/outcome/equality/carers`, params({ characteristic: "carers" }), OFFICER, { intent: "continue", revision: revision(), rating: "great", evidence: "x" })],
      ["re-rate: a characteristic that does not exist", () => post(rerateAction, `${staff()}/outcome/equality/nobody`, params({ characteristic: "nobody" }), OFFICER, { intent: "continue", revision: revision() })],
      ["coding: an item key that does not parse", () => post(codingAction, `${staff()}/responses/questions/1`, params({ questionId: String(loadProposal(s.proposalId)!.questions[0].id) }), OFFICER, { intent: "code", item: "answer:1;DROP", theme: "1" })],
      ["coding: no intent", () => post(codingAction, `${staff()}/responses/questions/1`, params({ questionId: String(loadProposal(s.proposalId)!.questions[0].id) }), OFFICER, {})],
    ];
    for (const [name, call] of cases) {
      const before = snapshot(s.proposalId);
      const result = await call();
      expect(result.status, name).toBeGreaterThanOrEqual(400);
      expect(result.status, name).toBeLessThan(500);
      expect(snapshot(s.proposalId), name).toEqual(before);
    }
  });

  it("refuses the decision page to anyone who is not a decision maker", async () => {
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), APPROVER, decisionForm()), 403);
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), OFFICER, { intent: "confirm", confirm: "yes" }), 403);
  });
});

describe("signing off the outcome report", () => {
  it("refuses publication by an approver who wrote part of it, then publishes it for one who wrote none", async () => {
    const officer = await viewer(OFFICER);
    const drafting = await viewer(APPROVING_OFFICER);
    const ok = <T extends { ok: boolean }>(r: T) => {
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r as Extract<T, { ok: true }>;
    };
    let rev = Number(revision());
    rev = ok(saveOutcomeText(officer, s.proposalId, rev, "responseSummary", "We received 8 responses: 4 online, 2 on paper, 1 by phone and 1 at a drop-in session, from parents, a charity, a councillor and a teacher.")).revision;
    rev = ok(
      saveThemeResponse(officer, s.proposalId, themeIds[0], rev, {
        councilResponse: "People told us waits would grow. We will write to every family monthly with their place on the list and publish the median wait.",
        changed: true,
        changeDescription: "The crisis team now covers weekends from the first day.",
        versionId: s.versionId,
      }),
    ).revision;
    rev = ok(
      saveThemeResponse(drafting, s.proposalId, themeIds[1], rev, {
        councilResponse: "Safeguarding training for the core teams will be given by the departing social workers before any post is removed.",
        changed: false,
        changeDescription: null,
        versionId: null,
      }),
    ).revision;
    rev = ok(saveOutcomeText(officer, s.proposalId, rev, "equalitySummary", "Faith groups told us families from their communities rely on the social workers, so we re-rated that row.")).revision;
    rev = ok(
      saveEqualityRevision(officer, s.proposalId, "religion_belief", rev, {
        rating: "negative",
        evidence: "Two faith groups told us families in their communities trust the CAMHS social workers more than the core teams.",
        justification: "The saving is required by the budget; the safeguarding training mitigates part of the impact.",
        evidenceAction: null,
      }),
    ).revision;
    rev = ok(saveOutcomeText(officer, s.proposalId, rev, "whatHappensNext", "Cabinet decides on 14 January. If it agrees, the change starts in April after staff consultation.")).revision;

    // Publishing what was never sent for sign-off is refused.
    await refused(() => post(outcomeAction, `${staff()}/outcome`, params(), APPROVER, { intent: "publish" }), 409, /not been sent for sign-off/);
    expect(submitOutcome(officer, s.proposalId, rev).ok).toBe(true);

    // The drafter's own approval: refused with a message, nothing changes.
    await refused(() => post(outcomeAction, `${staff()}/outcome`, params(), APPROVING_OFFICER, { intent: "publish" }), 403, /another approver must sign it off/);
    // A decision maker may not publish it either.
    await refused(() => post(outcomeAction, `${staff()}/outcome`, params(), DECISION_MAKER, { intent: "publish" }), 403);

    const published = await post(outcomeAction, `${staff()}/outcome`, params(), APPROVER, { intent: "publish" });
    expect(published).toMatchObject({ status: 302, location: `${staff()}/outcome?done=published` });
    expect(loadProposal(s.proposalId)!.state).toBe("outcome_published");
    // Once only.
    await refused(() => post(outcomeAction, `${staff()}/outcome`, params(), APPROVER, { intent: "publish" }), 409);
  });
});

describe("the decision", () => {
  it("is refused until the decision maker has confirmed reading, then recorded once", async () => {
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, decisionForm()), 409, /Confirm that you have read/);
    // The confirmation itself must be ticked.
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, { intent: "confirm" }), 400, /Confirm that you have read/);

    const confirmed = await post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, { intent: "confirm", confirm: "yes" });
    expect(confirmed.status).toBe(302);
    const reading = db().select().from(t.outcomeReadings).where(eq(t.outcomeReadings.proposalId, s.proposalId)).all();
    expect(reading).toHaveLength(1);

    // A decision dated before the outcome was published is refused.
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, { ...decisionForm(), "decidedOn.year": "2020" }), 400, /before the outcome report was published/);

    const decided = await post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, decisionForm());
    expect(decided).toMatchObject({ status: 302, location: `${staff()}/decision?done=decided` });
    expect(loadProposal(s.proposalId)!.state).toBe("decided");
    const decision = db().select().from(t.decisions).where(eq(t.decisions.proposalId, s.proposalId)).get()!;
    expect(decision).toMatchObject({ decision: "approved_with_changes", reference: "Cabinet, minute 112" });

    // A second decision: refused, nothing changes.
    await refused(() => post(decisionAction, `${staff()}/decision`, params(), DECISION_MAKER, { ...decisionForm(), decision: "not_approved" }), 409, /already been recorded/);
  });
});
