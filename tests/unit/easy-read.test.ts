/**
 * Easy read (issue 14, item 3): the rule for an easy read summary as a pure function, and the
 * gate asking for one where the council's settings say so.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "~/lib/settings";
import { readiness } from "~/proposals/readiness";
import { unmetHref } from "~/proposals/sections/pages";
import { easyReadNeed, easyReadProblems, easyReadSentences } from "~/reach/easy-read";
import { EASY_READ_DEFAULTS } from "~/reach/settings";
import { completeProposal } from "../fixtures/proposals";

const GOOD = `The council wants to change the mental health service for children.

It helps children and young people who feel very sad or worried.

Right now 12 social workers work in this service. We want to stop these 12 jobs.

That is 1 in every 4 jobs in the service.

Each year the social workers see about 450 children and their families.

If we make the change, other staff in the service would do this work.

The change would save £604,000 each year.

Some children might have to wait longer to be seen.

We have not decided yet. We want to know what you think.`;

/** The plain English summary: good for most readers, not easy read. */
const PLAIN = `We are proposing to remove the social work team from Children and Young People's Mental Health Services (CAMHS) in Northmoor. This would delete 12 social work posts (11.4 full-time equivalent), which is a quarter of the service's 48 posts. The social workers carry out about 450 assessments a year of children's mental health and family circumstances, and support children who are also known to children's social care.`;

const codes = (text: string | null, rules = EASY_READ_DEFAULTS) => easyReadProblems(text, rules, ["NHS", "GP"]).map((p) => p.code);

describe("the easy read rule", () => {
  it("accepts short sentences in everyday words", () => {
    expect(codes(GOOD)).toEqual([]);
  });

  it("refuses the plain English summary: long sentences, hard to read", () => {
    const found = codes(PLAIN);
    expect(found).toContain("long_sentences");
    expect(found).toContain("hard_to_read");
  });

  it("asks for an abbreviation to be said in words, unless everyone knows it", () => {
    expect(easyReadProblems(GOOD.replace("the mental health service for children", "CAMHS"), EASY_READ_DEFAULTS, ["NHS"])).toEqual([
      { code: "acronyms", message: "Say what CAMHS means in words, or leave it out" },
    ]);
    expect(codes(GOOD.replace("the mental health service for children", "the NHS service for children"))).toEqual([]);
  });

  it("names a long sentence and its length, so the officer can find it", () => {
    const text = `${GOOD}\n\nIf the proposal goes ahead the nurses, psychologists and therapists will take on the social work assessments that are done now.`;
    const [problem] = easyReadProblems(text, EASY_READ_DEFAULTS).filter((p) => p.code === "long_sentences");
    expect(problem.message).toMatch(/^1 sentence has more than 15 words, for example 'If the proposal goes ahead the nurses, psychologists and therapists…' \(21 words\)/);
  });

  it("counts a list item or a line as a sentence of its own", () => {
    expect(easyReadSentences("- Short line one\n- Short line two\n\nA sentence. Another one!")).toEqual(["Short line one", "Short line two", "A sentence.", "Another one!"]);
  });

  it("asks for '1 in 4' rather than a percentage", () => {
    expect(codes(GOOD.replace("That is 1 in every 4 jobs in the service.", "That is 25% of the jobs in the service."))).toEqual(["percentages"]);
    expect(codes(GOOD.replace("That is 1 in every 4 jobs in the service.", "That is 25 per cent of the jobs."))).toEqual(["percentages"]);
  });

  it("asks for everyday words where long ones are a habit, not for one long word", () => {
    expect(codes(GOOD.replace("We have not decided yet.", "We have not decided yet about the consultation."))).toEqual([]);
    const wordy = GOOD.replace("It helps children and young people who feel very sad or worried.", "It provides therapeutic interventions and psychological assessments for adolescents experiencing difficulties.");
    expect(codes(wordy)).toContain("long_words");
  });

  it("holds the length to the settings, and filler never counts", () => {
    expect(codes("We want to close the library. Tell us what you think.")).toEqual(["too_short"]);
    expect(codes(Array(40).fill("We want to hear from you about the plan.").join(" "))).toContain("missing");
    expect(codes("TBC")).toEqual(["missing"]);
    expect(codes(null)).toEqual(["missing"]);
    expect(codes(GOOD, { ...EASY_READ_DEFAULTS, maxWords: 50 })).toEqual(["too_long"]);
    expect(codes(GOOD, { ...EASY_READ_DEFAULTS, maxSentenceWords: 8 })).toEqual(["long_sentences"]);
  });
});

const demand = (overrides: Partial<Settings["easyRead"]> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  easyRead: { ...DEFAULT_SETTINGS.easyRead, required: true, services: ["camhs", "youth"], characteristics: ["disability"], ...overrides },
});
const easyItems = (p: ReturnType<typeof completeProposal>, s: Settings) => readiness(p, s).filter((u) => u.field === "easyReadSummary");

describe("the gate asks for an easy read summary where the settings say so", () => {
  it("not by default", () => {
    expect(easyReadNeed(completeProposal(), DEFAULT_SETTINGS)).toEqual({ required: false });
    expect(easyItems(completeProposal(), DEFAULT_SETTINGS)).toEqual([]);
  });

  it("for a service used by disabled people or children, saying why, linking to its own page", () => {
    const [item] = easyItems(completeProposal(), demand());
    expect(item).toMatchObject({ section: "summary", code: "summary.easy_read_missing" });
    expect(item.message).toBe("Write an easy read summary: the council asks for one because Child and Adolescent Mental Health Services is used by disabled people or children");
    expect(unmetHref(7, item)).toBe("/staff/proposals/7/summary/easy-read#easyReadSummary");
  });

  it("for a negative impact on a characteristic the settings name", () => {
    const p = completeProposal({ serviceSlug: "libraries", serviceName: "Libraries" });
    const disability = p.equalityRows.find((r) => r.characteristic === "disability")!;
    disability.rating = "negative";
    expect(easyReadNeed(p, demand())).toEqual({ required: true, because: "the impact on disability is rated negative" });
    disability.rating = "neutral";
    expect(easyReadNeed(p, demand())).toEqual({ required: false });
  });

  it("is met by a good easy read summary, and holds any easy read summary to the rule, asked for or not", () => {
    expect(easyItems(completeProposal({ easyReadSummary: GOOD }), demand())).toEqual([]);
    const hard = easyItems(completeProposal({ easyReadSummary: PLAIN }), DEFAULT_SETTINGS).map((u) => u.code);
    expect(hard).toEqual(expect.arrayContaining(["summary.easy_read_long_sentences", "summary.easy_read_hard_to_read"]));
    expect(easyItems(completeProposal({ easyReadSummary: "To follow" }), demand()).map((u) => u.code)).toEqual(["summary.easy_read_missing"]);
  });

  it("can be switched off by the council", () => {
    expect(easyItems(completeProposal(), demand({ required: false }))).toEqual([]);
  });
});
