/**
 * The publication gate, rule by rule (DESIGN.md, "What a proposal must carry before it can be
 * submitted for review"). Each rule is shown both ways: the complete CAMHS proposal passes, and
 * the same proposal with exactly one thing missing fails with exactly that one item, so the
 * fixture is known to be complete and each rule is known to be the one that fired.
 */
import { describe, it, expect } from "vitest";
import { DEFAULT_SETTINGS, STATUTORY_CHARACTERISTICS, type Settings } from "~/lib/settings";
import { isLarge, readiness, sectionStatus, unmetBySection, unmetIntroduced, wordsRequired } from "~/proposals/readiness";
import { SECTIONS, type Proposal, type SectionKey, type Unmet } from "~/proposals/types";
import { blankProposal, completeProposal, criticisedCamhsDraft, IDS } from "../fixtures/proposals";

const S = DEFAULT_SETTINGS;

/** The complete CAMHS proposal with one change. */
function completeWith(change: (p: Proposal) => void, base: () => Proposal = completeProposal): Proposal {
  const p = base();
  change(p);
  return p;
}

/** The same proposal made small: 2 posts of 48, a £60,000 saving, under every threshold. */
function smallProposal(): Proposal {
  return completeProposal({ postsAffected: 2, fteAffected: 2, serviceWorkforcePosts: 48, budgetChangeGbp: -60_000 });
}

/** Asserts the gate reports exactly one unmet item, with this code, and returns it. */
function onlyUnmet(p: Proposal, code: string, settings: Settings = S): Unmet {
  const unmet = readiness(p, settings);
  expect(unmet.map((u) => u.code)).toEqual([code]);
  // Filed under the section its code names, so the task list shows it there.
  expect(unmet[0].section).toBe(code.split(".")[0]);
  return unmet[0];
}

function expectOnly(p: Proposal, code: string, field: string, ...mentions: string[]): void {
  const item = onlyUnmet(p, code);
  expect(item.field).toBe(field);
  for (const m of mentions) expect(item.message).toContain(m);
}

const risk = (p: Proposal, id: number) => p.risks.find((r) => r.id === id)!;
const row = (p: Proposal, key: string) => p.equalityRows.find((r) => r.characteristic === key)!;
const option = (p: Proposal, id: number) => p.options.find((o) => o.id === id)!;
const dependency = (p: Proposal, id: number) => p.dependencies.find((d) => d.id === id)!;
const mitigation = (p: Proposal, id: number) => p.mitigations.find((m) => m.id === id)!;
const withheldPart = (p: Proposal) => p.documents.find((d) => d.kind === "business_case")!.withheldParts[0];

// Realistic texts of known length, for the word-count rules.
const THIRTY_WORDS =
  "The social work team would close and its posts would be deleted. Core clinicians would do the assessments, and duty teams would take safeguarding enquiries from the start of September.";
const TWENTY_WORDS = "The consultation runs for twelve weeks from January. Councillors decide in May, and the change would start in September 2026.";

describe("The gate", () => {
  it("passes the complete CAMHS proposal with nothing unmet", () => {
    expect(readiness(completeProposal(), S)).toEqual([]);
  });

  it("lists unmet items in section order", () => {
    const order = SECTIONS.map((s) => s.key);
    const positions = readiness(criticisedCamhsDraft(), S).map((u) => order.indexOf(u.section));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("gives every item a section, a code, a form field and a message in GOV.UK style", () => {
    const broken = [
      blankProposal(),
      criticisedCamhsDraft(),
      completeWith((p) => {
        risk(p, IDS.risk.partners).impact = 5;
        risk(p, IDS.risk.partners).likelihood = 4;
        row(p, "race").evidenceAction = "TBC";
        p.documents[0].withheldParts[0].ground = "commercial";
        p.closesOn = "2026-02-02";
      }),
    ];
    const all = broken.flatMap((p) => readiness(p, S));
    expect(all.length).toBeGreaterThan(50);
    for (const u of all) {
      expect(SECTIONS.map((s) => s.key)).toContain(u.section);
      expect(u.code).toMatch(new RegExp(`^${u.section}\\.[a-z0-9_]+$`));
      expect(u.field).toBeTruthy();
      expect(u.message).not.toMatch(/\bplease\b|\bvalid\b|\binvalid\b/i);
    }
  });
});

describe("The union's criticised CAMHS draft fails, naming what it left out", () => {
  const unmet = readiness(criticisedCamhsDraft(), S);
  const codes = unmet.map((u) => u.code);
  const messages = unmet.map((u) => u.message).join("\n");

  it("asks for the figures it hid: posts affected, service users, activity and budget", () => {
    expect(codes).toEqual(expect.arrayContaining([
      "impact.posts_missing",
      "impact.fte_missing",
      "impact.service_users_missing",
      "impact.activity_missing",
      "impact.activity_figure_missing",
      "impact.budget_missing",
    ]));
    expect(messages).toContain("Say how many staff posts are affected");
    expect(messages).toContain("service users");
    expect(messages).toContain("activity");
    expect(messages).toContain("budget");
  });

  it("asks for the risks it left out", () => {
    expect(codes).toContain("risks.none");
    expect(messages).toContain("Add at least one risk");
  });

  it("finds the summary too short and CAMHS unexplained", () => {
    expect(codes).toEqual(expect.arrayContaining(["summary.too_short", "summary.acronym"]));
    expect(messages).toContain("Expand CAMHS the first time you use it in the summary, for example 'Child and Adolescent Mental Health Services (CAMHS)'");
  });

  it("asks for an equality assessment row for every characteristic, the business case, the plan and the staff affected", () => {
    expect(codes.filter((c) => c === "equality.row_missing")).toHaveLength(12);
    expect(codes).toEqual(expect.arrayContaining([
      "documents.business_case_missing",
      "plan.opens_missing",
      "stakeholders.not_answered",
      "options.alternative_missing",
      "dependencies.none",
    ]));
  });
});

const PROPOSAL_TEXTS = [
  "summary", "whatChanges", "whyChange", "currentService", "proposedService", "timeline", "alreadyDecided", "openToChange",
  "activityDescription", "aimEliminateDiscrimination", "aimAdvanceEquality", "aimFosterRelations", "equalityConclusion",
  "howToRespond", "alternativeFormats",
] as const;

describe("The gate cannot be satisfied with filler", () => {
  it("fails every text of a proposal answered 'TBC'", () => {
    const p = completeWith((p) => {
      Object.assign(p, Object.fromEntries(PROPOSAL_TEXTS.map((field) => [field, "TBC"])));
      for (const r of p.risks) Object.assign(r, { description: "TBC", whoBears: "TBC", acceptanceReason: "TBC" });
      for (const r of p.equalityRows) Object.assign(r, { evidence: "N/A", justification: "N/A", evidenceAction: "N/A" });
      for (const d of p.dependencies) Object.assign(d, { effect: "TBC", consultationNote: "TBC" });
      for (const m of p.mitigations) Object.assign(m, { action: "TBC", owner: "TBC" });
    });
    const fields = readiness(p, S).map((u) => u.field);
    expect(fields).toEqual(expect.arrayContaining([
      ...PROPOSAL_TEXTS,
      `risks.${IDS.risk.partners}.description`, `risks.${IDS.risk.partners}.whoBears`, `risks.${IDS.risk.partners}.acceptanceReason`,
      "equality.sex.evidence", "equality.carers.justification", "equality.race.evidenceAction",
      `dependencies.${IDS.dependency.schools}.effect`, `dependencies.${IDS.dependency.schools}.consultationNote`,
      `mitigations.${IDS.mitigation.training}.action`, `mitigations.${IDS.mitigation.training}.owner`,
    ]));
  });

  it("quotes the placeholder back to the officer", () => {
    const item = onlyUnmet(completeWith((p) => (p.whyChange = "TBC")), "details.missing");
    expect(item.message).toBe("Explain why the change is needed – 'TBC' is a placeholder");
  });

  it("does not accept one word repeated", () => {
    expectOnly(completeWith((p) => (p.howToRespond = "online online online online")), "plan.how_to_respond_missing", "howToRespond", "'online online online online' does not say enough");
  });
});

describe("1. Summary in plain English: within the length limits, every acronym expanded at first use", () => {
  it("needs a summary", () => {
    expectOnly(completeWith((p) => (p.summary = null)), "summary.missing", "summary", "Write a summary");
  });

  it("does not accept a placeholder", () => {
    expectOnly(completeWith((p) => (p.summary = "TBC")), "summary.missing", "summary", "'TBC' is a placeholder");
  });

  it(`needs at least ${S.gate.summaryMinWords} words`, () => {
    expectOnly(completeWith((p) => (p.summary = THIRTY_WORDS)), "summary.too_short", "summary", "40 words or more", "it has 30");
  });

  it(`allows at most ${S.gate.summaryMaxWords} words`, () => {
    expectOnly(completeWith((p) => (p.summary = `${p.summary} ${p.summary} ${p.summary}`)), "summary.too_long", "summary", "250 words or fewer");
  });

  it("needs every acronym expanded the first time it is used", () => {
    const p = completeWith((p) => (p.summary = p.summary!.replace("Child and Adolescent Mental Health Services (CAMHS)", "CAMHS")));
    expectOnly(p, "summary.acronym", "summary", "Expand CAMHS the first time you use it in the summary, for example 'Child and Adolescent Mental Health Services (CAMHS)'");
  });

  it("accepts the expansion after the acronym", () => {
    const p = completeWith((p) => (p.summary = p.summary!.replace("Child and Adolescent Mental Health Services (CAMHS)", "CAMHS (Child and Adolescent Mental Health Services)")));
    expect(readiness(p, S)).toEqual([]);
  });

  it("needs no expansion for acronyms on the council's allow-list, such as NHS", () => {
    expect(completeProposal().summary).toContain("NHS clinicians");
    const strict = { ...S, gate: { ...S.gate, acronymAllowList: [] } };
    expect(readiness(completeProposal(), strict).map((u) => u.message)).toEqual([
      expect.stringContaining("Expand NHS the first time you use it in the summary"),
    ]);
  });
});

describe("2. Full details: what changes, why, current and proposed service, timeline, what is decided and what is open (Gunning)", () => {
  it.each(["whatChanges", "whyChange", "currentService", "proposedService", "timeline", "alreadyDecided", "openToChange"] as const)(
    "needs %s",
    (field) => {
      expectOnly(completeWith((p) => (p[field] = null)), "details.missing", field);
    },
  );

  it(`needs at least ${S.gate.detailsMinWords} words in each field`, () => {
    expectOnly(completeWith((p) => (p.timeline = TWENTY_WORDS)), "details.too_short", "timeline", "The timeline must be 25 words or more", "it has 20");
  });

  it("does not accept one field copied into another", () => {
    const p = completeWith((p) => (p.openToChange = `${p.alreadyDecided!.toUpperCase()}  `));
    expectOnly(p, "details.copied", "openToChange", "What is open to change repeats what has already been decided");
  });

  it("needs acronyms expanded at first use in what will change, too", () => {
    const p = completeWith((p) => (p.whatChanges += " Children with SEND would keep the support they have now."));
    expectOnly(p, "details.acronym", "whatChanges", "Expand SEND", "special educational needs and disabilities (SEND)");
  });
});

describe("2. Options: the proposal and at least one realistic alternative, with why it was rejected (Moseley v Haringey 2014)", () => {
  it("needs the proposed option", () => {
    const p = completeWith((p) => (p.options = p.options.filter((o) => !o.isProposed)));
    expectOnly(p, "options.proposed_missing", "options", "mark it as proposed");
  });

  it("needs at least one rejected alternative", () => {
    const p = completeWith((p) => (p.options = p.options.filter((o) => o.isProposed)));
    expectOnly(p, "options.alternative_missing", "options", "alternative");
  });

  it("needs a reason for each rejected option", () => {
    const p = completeWith((p) => (option(p, IDS.option.keepAsIs).rejectedBecause = null));
    expectOnly(p, "options.rejection_reason_missing", `options.${IDS.option.keepAsIs}.rejectedBecause`, "Explain why option 2 'Keep the service as it is' was rejected");
  });

  it("does not accept a placeholder as the reason", () => {
    const p = completeWith((p) => (option(p, IDS.option.keepAsIs).rejectedBecause = "N/A"));
    expectOnly(p, "options.rejection_reason_missing", `options.${IDS.option.keepAsIs}.rejectedBecause`, "'N/A' is a placeholder");
  });

  it("needs the reason to be 5 words or more", () => {
    const p = completeWith((p) => (option(p, IDS.option.halfTeam).rejectedBecause = "Saves too little money."));
    expectOnly(p, "options.rejection_reason_too_short", `options.${IDS.option.halfTeam}.rejectedBecause`, "'Keep six social work posts'", "5 words or more");
  });

  it("needs each option described", () => {
    const p = completeWith((p) => (option(p, IDS.option.halfTeam).description = "TBC"));
    expectOnly(p, "options.description_missing", `options.${IDS.option.halfTeam}.description`, "Describe option 3 'Keep six social work posts'");
  });
});

describe("3. Impact figures: posts, FTE, share of the workforce, service users, activity and budget (0 is an answer; blank is not)", () => {
  it.each([
    ["postsAffected", "impact.posts_missing", "Say how many staff posts are affected (enter 0 if none)"],
    ["fteAffected", "impact.fte_missing", "full-time equivalent"],
    ["serviceWorkforcePosts", "impact.workforce_missing", "how many posts the service has in total"],
    ["serviceUsersPerYear", "impact.service_users_missing", "how many service users are affected each year"],
    ["activityDescription", "impact.activity_missing", "what activity is affected"],
    ["activityPerYear", "impact.activity_figure_missing", "how much of that activity is affected each year"],
    ["budgetChangeGbp", "impact.budget_missing", "how much the budget changes"],
  ] as const)("needs %s", (field, code, mention) => {
    expectOnly(completeWith((p) => (p[field] = null)), code, field, mention);
  });

  it("accepts 0 as an answer", () => {
    expect(readiness(completeProposal({ activityPerYear: 0, serviceUsersPerYear: 0 }), S)).toEqual([]);
    expect(readiness(completeProposal({ budgetChangeGbp: 0 }), S)).toEqual([]);
  });

  it("does not ask for the workforce when no posts are affected", () => {
    expect(readiness(completeProposal({ postsAffected: 0, fteAffected: 0, serviceWorkforcePosts: null }), S)).toEqual([]);
  });

  it("does not accept more FTE than posts", () => {
    expectOnly(completeProposal({ fteAffected: 13 }), "impact.fte_exceeds_posts", "fteAffected", "(13)", "(12)");
    expectOnly(completeProposal({ postsAffected: 0, fteAffected: 1.5 }), "impact.fte_exceeds_posts", "fteAffected");
  });

  it("does not accept a workforce smaller than the posts affected", () => {
    expectOnly(completeProposal({ serviceWorkforcePosts: 10 }), "impact.workforce_below_posts", "serviceWorkforcePosts", "10 posts", "(12)");
  });

  it("does not accept a placeholder for the activity", () => {
    expectOnly(completeProposal({ activityDescription: "TBC" }), "impact.activity_missing", "activityDescription", "'TBC'");
  });

  it("does not accept negative counts (only the budget may fall)", () => {
    expectOnly(completeProposal({ serviceUsersPerYear: -5 }), "impact.figure_negative", "serviceUsersPerYear", "Service users affected cannot be a negative number");
  });
});

describe("3. Proportionality: a proposal at or above any threshold (10 posts, 10% of the workforce, £250,000) must carry more", () => {
  it("is small below every threshold", () => {
    expect(isLarge(smallProposal(), S)).toBe(false);
  });

  it.each([
    ["10 posts", { postsAffected: 10, fteAffected: 10 }, true],
    ["9 posts", { postsAffected: 9, fteAffected: 9, serviceWorkforcePosts: 100 }, false],
    ["5 of 48 posts (10.4%)", { postsAffected: 5, fteAffected: 5 }, true],
    ["4 of 48 posts (8.3%)", { postsAffected: 4, fteAffected: 4 }, false],
    ["a £250,000 saving", { budgetChangeGbp: -250_000 }, true],
    ["£250,000 more spending", { budgetChangeGbp: 250_000 }, true],
    ["a £249,999 saving", { budgetChangeGbp: -249_999 }, false],
  ] as const)("with %s, large is %s", (_name, change, large) => {
    expect(isLarge({ ...smallProposal(), ...change }, S)).toBe(large);
  });

  it("the CAMHS proposal is large: 12 posts, a quarter of the workforce, £540,000", () => {
    expect(isLarge(completeProposal(), S)).toBe(true);
  });

  it(`a large proposal needs ${S.gate.detailsMinWords * S.gate.largeDetailsMultiplier} words on what changes, why, and the current and proposed service`, () => {
    expectOnly(completeWith((p) => (p.whatChanges = `Child and Adolescent Mental Health Services (CAMHS): ${THIRTY_WORDS}`)), "details.too_short", "whatChanges", "50 words or more for a proposal of this size");
    expectOnly(completeWith((p) => (p.proposedService = THIRTY_WORDS)), "details.too_short", "proposedService", "50 words or more");
  });

  it("a small proposal needs only the standard length", () => {
    expect(readiness(completeWith((p) => (p.proposedService = THIRTY_WORDS), smallProposal), S)).toEqual([]);
  });

  it("the timeline and what is decided or open need the standard length even on a large proposal", () => {
    expect(readiness(completeWith((p) => (p.timeline = THIRTY_WORDS)), S)).toEqual([]);
  });

  it(`a large proposal needs evidence of ${S.gate.evidenceMinWords} words or more on every equality row, neutral ones included`, () => {
    const p = completeWith((p) => (row(p, "sex").evidence = "No different effect by sex."));
    expectOnly(p, "equality.evidence_too_short", "equality.sex.evidence", "Give more evidence for the rating of Sex", "8 words or more");
  });

  it("a small proposal may note a neutral or positive rating briefly", () => {
    expect(readiness(completeWith((p) => (row(p, "sex").evidence = "No different effect by sex."), smallProposal), S)).toEqual([]);
  });

  it("a small proposal still needs full evidence for a negative or unknown rating", () => {
    const p = completeWith((p) => (row(p, "carers").evidence = "Carers lose practical help."), smallProposal);
    expectOnly(p, "equality.evidence_too_short", "equality.carers.evidence", "Carers");
  });

  it("even a brief note must be real words", () => {
    expectOnly(completeWith((p) => (row(p, "sex").evidence = "N/A"), smallProposal), "equality.evidence_missing", "equality.sex.evidence", "'N/A' is a placeholder");
  });
});

describe("4. Risks: at least one; each described, with who bears it, likelihood and impact from 1 to 5", () => {
  it("needs at least one risk", () => {
    const p = completeWith((p) => {
      p.risks = [];
      p.mitigations = p.mitigations.filter((m) => m.equalityRowIds.length > 0); // keep only those still linked to something
    });
    expectOnly(p, "risks.none", "risks", "Add at least one risk");
  });

  it("needs each risk described", () => {
    expectOnly(completeWith((p) => (risk(p, IDS.risk.workload).description = "TBC")), "risks.description_missing", `risks.${IDS.risk.workload}.description`, "Describe risk 3");
  });

  it("needs to say who bears each risk", () => {
    expectOnly(completeWith((p) => (risk(p, IDS.risk.workload).whoBears = "N/A")), "risks.who_bears_missing", `risks.${IDS.risk.workload}.whoBears`, "risk 3 'Caseloads and stress rise");
  });

  it.each([0, 6, 2.5])("does not accept a likelihood of %s", (likelihood) => {
    expectOnly(completeWith((p) => (risk(p, IDS.risk.partners).likelihood = likelihood)), "risks.likelihood_out_of_range", `risks.${IDS.risk.partners}.likelihood`, "from 1 (rare) to 5");
  });

  it("does not accept an impact outside 1 to 5", () => {
    expectOnly(completeWith((p) => (risk(p, IDS.risk.partners).impact = 7)), "risks.impact_out_of_range", `risks.${IDS.risk.partners}.impact`, "Rate the impact of risk 4");
  });

  it("counts a risk listed twice once, and flags the copy", () => {
    const p = completeWith((p) => p.risks.push({ ...risk(p, IDS.risk.partners), id: 5, description: risk(p, IDS.risk.partners).description.toUpperCase() + "." }));
    expectOnly(p, "risks.duplicate", "risks.5.description", "Risk 5 repeats risk 4");
  });
});

describe("4. Risks: each needs a linked mitigation or a published reason for accepting it", () => {
  it("accepts a low risk with a reason for accepting it", () => {
    expect(risk(completeProposal(), IDS.risk.partners).acceptanceReason).toBeTruthy();
    expect(readiness(completeProposal(), S)).toEqual([]);
  });

  it("needs a mitigation or a reason when there is neither", () => {
    const p = completeWith((p) => (risk(p, IDS.risk.partners).acceptanceReason = null));
    expectOnly(p, "risks.unaddressed", `risks.${IDS.risk.partners}.acceptanceReason`, "Add a mitigation for risk 4 'Partner agencies lose a familiar contact");
  });

  it("does not accept a placeholder as the reason", () => {
    expectOnly(completeWith((p) => (risk(p, IDS.risk.partners).acceptanceReason = "Acceptable.")), "risks.unaddressed", `risks.${IDS.risk.partners}.acceptanceReason`);
  });

  it("counts a mitigation only when it is linked to the risk", () => {
    // The caseload cap is moved to the disability row, so it stays linked to something.
    const p = completeWith((p) => Object.assign(mitigation(p, IDS.mitigation.caseloadCap), { riskIds: [], equalityRowIds: [IDS.row.disability] }));
    expectOnly(p, "risks.unaddressed", `risks.${IDS.risk.workload}.acceptanceReason`, "risk 3");
  });
});

describe(`4. Risks: high risks (score ${S.gate.highRiskScore} or more) must have a mitigation`, () => {
  it("does not accept a reason in place of a mitigation for a high risk", () => {
    const p = completeWith((p) => Object.assign(risk(p, IDS.risk.partners), { likelihood: 4, impact: 5 }));
    const item = onlyUnmet(p, "risks.high_without_mitigation");
    expect(item.field).toBe(`risks.${IDS.risk.partners}`);
    expect(item.message).toBe(
      "Risk 4 'Partner agencies lose a familiar contact inside CAMHS and take longer to reach…' scores 20 (likelihood 4 × impact 5): a high risk needs a mitigation",
    );
  });

  it(`counts a score of exactly ${S.gate.highRiskScore} as high`, () => {
    const p = completeWith((p) => Object.assign(risk(p, IDS.risk.partners), { likelihood: 3, impact: 5 }));
    onlyUnmet(p, "risks.high_without_mitigation");
  });

  it(`accepts a reason for a risk scoring ${S.gate.highRiskScore - 1} or less`, () => {
    const p = completeWith((p) => Object.assign(risk(p, IDS.risk.partners), { likelihood: 2, impact: 5 }));
    expect(readiness(p, S)).toEqual([]);
  });

  it("flags a high risk whose mitigation is unlinked from it", () => {
    const p = completeWith((p) => (mitigation(p, IDS.mitigation.training).riskIds = []));
    expectOnly(p, "risks.high_without_mitigation", `risks.${IDS.risk.waitingTimes}`, "scores 16 (likelihood 4 × impact 4)");
  });
});

describe("5. Dependencies: who relies on or is affected by the change, the effect, and whether they were consulted", () => {
  it("needs at least one dependency", () => {
    expectOnly(completeProposal({ dependencies: [] }), "dependencies.none", "dependencies", "List the services, teams, partners and contracts");
  });

  it("needs each dependency named", () => {
    expectOnly(completeWith((p) => (dependency(p, IDS.dependency.trust).name = " ")), "dependencies.name_missing", `dependencies.${IDS.dependency.trust}.name`, "Name dependency 2");
  });

  it("needs the effect on each", () => {
    expectOnly(completeWith((p) => (dependency(p, IDS.dependency.schools).effect = "TBC")), "dependencies.effect_missing", `dependencies.${IDS.dependency.schools}.effect`, "Say how the change affects Schools and colleges");
  });

  it("needs an answer to whether each was consulted", () => {
    expectOnly(completeWith((p) => (dependency(p, IDS.dependency.trust).consulted = null)), "dependencies.consulted_missing", `dependencies.${IDS.dependency.trust}.consulted`, "Say whether Northfield NHS Foundation Trust has been consulted");
  });

  it("needs to say why one was not consulted, or when it will be", () => {
    expectOnly(completeWith((p) => (dependency(p, IDS.dependency.schools).consultationNote = null)), "dependencies.consultation_note_missing", `dependencies.${IDS.dependency.schools}.consultationNote`, "Say why Schools and colleges has not been consulted, or when they will be");
    expectOnly(completeWith((p) => (dependency(p, IDS.dependency.schools).consultationNote = "To follow")), "dependencies.consultation_note_missing", `dependencies.${IDS.dependency.schools}.consultationNote`);
  });

  it("needs no note when they were consulted", () => {
    expect(dependency(completeProposal(), IDS.dependency.trust).consultationNote).toBeNull();
  });
});

describe("6. Mitigations: linked to the risks and equality rows they address, with an action, an owner and a date", () => {
  const extra = { id: 99, action: "Publish the duty team's contact details on the council website", owner: "Communications team", dueOn: "2026-08-01", riskIds: [] as number[], equalityRowIds: [] as number[] };

  it("needs each mitigation linked to a risk or an equality row", () => {
    expectOnly(completeWith((p) => p.mitigations.push({ ...extra })), "mitigations.unlinked", "mitigations.99.riskIds", "Link mitigation 5 'Publish the duty team's contact details");
  });

  it("does not count a link to a risk that is not in the proposal", () => {
    expectOnly(completeWith((p) => p.mitigations.push({ ...extra, riskIds: [404] })), "mitigations.unlinked", "mitigations.99.riskIds");
  });

  it("accepts a link to an equality row alone", () => {
    expect(readiness(completeWith((p) => p.mitigations.push({ ...extra, equalityRowIds: [IDS.row.sex] })), S)).toEqual([]);
  });

  it("needs an action", () => {
    expectOnly(completeWith((p) => (mitigation(p, IDS.mitigation.access).action = "TBC")), "mitigations.action_missing", `mitigations.${IDS.mitigation.access}.action`, "Describe the action for mitigation 4");
  });

  it("needs an owner", () => {
    expectOnly(completeWith((p) => (mitigation(p, IDS.mitigation.access).owner = "")), "mitigations.owner_missing", `mitigations.${IDS.mitigation.access}.owner`, "Say who is responsible for mitigation 4 'Offer assessments at home");
    expectOnly(completeWith((p) => (mitigation(p, IDS.mitigation.access).owner = "TBC")), "mitigations.owner_missing", `mitigations.${IDS.mitigation.access}.owner`);
  });

  it("needs a real due date", () => {
    expectOnly(completeWith((p) => (mitigation(p, IDS.mitigation.access).dueOn = null)), "mitigations.due_date_missing", `mitigations.${IDS.mitigation.access}.dueOn`, "Give the date by which mitigation 4");
    expectOnly(completeWith((p) => (mitigation(p, IDS.mitigation.access).dueOn = "31/08/2026")), "mitigations.due_date_missing", `mitigations.${IDS.mitigation.access}.dueOn`);
  });
});

describe("7. Equality impact assessment: a rated, evidenced row for each protected characteristic (Equality Act 2010 s.149)", () => {
  it("covers the nine statutory characteristics and the council's three local ones: each one missing is named", () => {
    const keys = [...STATUTORY_CHARACTERISTICS.map((c) => c.key), ...S.localCharacteristics.map((c) => c.key)];
    expect(keys).toHaveLength(12);
    for (const key of keys) {
      const unmet = readiness(completeWith((p) => (p.equalityRows = p.equalityRows.filter((r) => r.characteristic !== key))), S);
      // (A mitigation linked only to that row may be left unlinked too: that is its own rule.)
      expect(unmet.filter((u) => u.code === "equality.row_missing").map((u) => u.field), key).toEqual([`equality.${key}`]);
    }
  });

  it("needs a row for every statutory characteristic", () => {
    const p = completeWith((p) => (p.equalityRows = p.equalityRows.filter((r) => r.characteristic !== "sexual_orientation")));
    expectOnly(p, "equality.row_missing", "equality.sexual_orientation", "Assess the impact on Sexual orientation");
  });

  it("needs a row for each local characteristic the council has set", () => {
    const p = completeWith((p) => (p.equalityRows = p.equalityRows.filter((r) => r.characteristic !== "socio_economic")));
    expectOnly(p, "equality.row_missing", "equality.socio_economic", "Socio-economic disadvantage");

    const withArmedForces = { ...S, localCharacteristics: [...S.localCharacteristics, { key: "armed_forces", label: "Armed Forces community" }] };
    const item = onlyUnmet(completeProposal(), "equality.row_missing", withArmedForces);
    expect(item.message).toBe("Assess the impact on Armed Forces community");
  });

  it("needs each row rated", () => {
    expectOnly(completeWith((p) => (row(p, "religion_belief").rating = null)), "equality.rating_missing", "equality.religion_belief.rating", "Rate the impact on Religion or belief");
  });

  it("needs evidence for each rating", () => {
    expectOnly(completeWith((p) => (row(p, "disability").evidence = null)), "equality.evidence_missing", "equality.disability.evidence", "Give evidence for the rating of Disability");
    expectOnly(completeWith((p) => (row(p, "disability").evidence = "Not applicable.")), "equality.evidence_missing", "equality.disability.evidence");
  });
});

describe("7. Equality: a negative impact needs a mitigation or a justification; an unknown one needs an action to find out", () => {
  it("needs a mitigation or a justification for a negative rating", () => {
    expectOnly(completeWith((p) => (row(p, "sex").rating = "negative")), "equality.negative_unaddressed", "equality.sex.justification", "The impact on Sex is rated negative");
  });

  it("accepts a justification instead of a mitigation", () => {
    expect(row(completeProposal(), "carers").justification).toBeTruthy();
    expectOnly(completeWith((p) => (row(p, "carers").justification = "TBC")), "equality.negative_unaddressed", "equality.carers.justification", "Carers");
  });

  it("counts a mitigation only when it is linked to the row", () => {
    expectOnly(completeWith((p) => (mitigation(p, IDS.mitigation.training).equalityRowIds = [])), "equality.negative_unaddressed", "equality.age.justification", "Age");
  });

  it("needs an evidence-gathering action for an unknown rating", () => {
    expectOnly(completeWith((p) => (row(p, "race").evidenceAction = null)), "equality.unknown_without_action", "equality.race.evidenceAction", "The impact on Race is unknown: say how the evidence will be gathered");
    expectOnly(completeWith((p) => (row(p, "race").evidenceAction = "TBD")), "equality.unknown_without_action", "equality.race.evidenceAction");
  });
});

describe("7. Equality: evidence copied across rows does not count", () => {
  const same = "The service has no data showing that this group would be affected differently by the change.";

  it("flags every copy after the first when three or more rows share the same evidence", () => {
    const p = completeWith((p) => {
      row(p, "gender_reassignment").evidence = same;
      row(p, "religion_belief").evidence = same.toUpperCase();
      row(p, "sexual_orientation").evidence = `*${same}*`;
    });
    const unmet = readiness(p, S);
    expect(unmet.map((u) => u.code)).toEqual(["equality.evidence_copied", "equality.evidence_copied"]);
    expect(unmet.map((u) => u.field)).toEqual(["equality.religion_belief.evidence", "equality.sexual_orientation.evidence"]);
    expect(unmet[0].message).toBe("The evidence for Religion or belief is the same as for Gender reassignment: give evidence about Religion or belief");
  });

  it("flags two rows sharing a sentence, even neutral ones (issue 10: near-duplicates anywhere)", () => {
    const p = completeWith((p) => {
      row(p, "gender_reassignment").evidence = same;
      row(p, "religion_belief").evidence = same;
    });
    expectOnly(p, "equality.evidence_copied", "equality.religion_belief.evidence", "same as for Gender reassignment");
  });

  it("flags two rows sharing evidence when either is negative or unknown", () => {
    expectOnly(completeWith((p) => (row(p, "sex").evidence = row(p, "age").evidence)), "equality.evidence_copied", "equality.sex.evidence", "same as for Age");
    expectOnly(completeWith((p) => (row(p, "sex").evidence = row(p, "race").evidence)), "equality.evidence_copied", "equality.sex.evidence", "same as for Race");
  });

  it("flags 'No impact expected' pasted on every row of a small proposal", () => {
    const p = completeWith((p) => {
      for (const key of ["gender_reassignment", "marriage_civil_partnership", "religion_belief"]) row(p, key).evidence = "No impact expected.";
    }, smallProposal);
    expect(readiness(p, S).map((u) => u.code)).toEqual(["equality.evidence_copied", "equality.evidence_copied"]);
  });
});

describe("7. Equality: each of the three aims of the duty, and a conclusion (s.149(1)(a)–(c))", () => {
  it.each([
    ["aimEliminateDiscrimination", "equality.aim_missing", "eliminate discrimination"],
    ["aimAdvanceEquality", "equality.aim_missing", "advance equality of opportunity"],
    ["aimFosterRelations", "equality.aim_missing", "foster good relations"],
    ["equalityConclusion", "equality.conclusion_missing", "conclusion"],
  ] as const)("needs %s", (field, code, mention) => {
    expectOnly(completeWith((p) => (p[field] = null)), code, field, mention);
    expectOnly(completeWith((p) => (p[field] = "N/A")), code, field, "'N/A' is a placeholder");
  });

  it("needs 10 words or more in each", () => {
    expectOnly(completeWith((p) => (p.aimAdvanceEquality = "Access stays equal for disabled children.")), "equality.aim_too_short", "aimAdvanceEquality", "10 words or more");
    expectOnly(completeWith((p) => (p.equalityConclusion = "Negative impacts are mitigated; proceed.")), "equality.conclusion_too_short", "equalityConclusion", "10 words or more");
  });

  it("does not accept the same text for two of them", () => {
    expectOnly(completeWith((p) => (p.equalityConclusion = p.aimFosterRelations)), "equality.aim_copied", "equalityConclusion", "repeats the aim to foster good relations");
  });
});

describe("8. Documents: the business case is attached; each withheld part has a legal ground, a public-interest note and a review date (Transparency Code)", () => {
  it("needs the business case", () => {
    expectOnly(completeProposal({ documents: completeProposal().documents.filter((d) => d.kind !== "business_case") }), "documents.business_case_missing", "documents", "Attach the internal business case");
  });

  it("accepts a business case published in full", () => {
    const p = completeWith((p) => Object.assign(p.documents[0], { disclosure: "published", withheldParts: [] }));
    expect(readiness(p, S)).toEqual([]);
  });

  it("needs the withheld parts listed when part of a document is withheld", () => {
    const p = completeWith((p) => (p.documents[0].withheldParts = []));
    expectOnly(p, "documents.withheld_parts_missing", `documents.${IDS.document.businessCase}.withheldParts`, "Say which parts of 'Business case: CAMHS social work restructure' are withheld");
  });

  it("needs the same of a document withheld whole", () => {
    expectOnly(completeWith((p) => Object.assign(p.documents[1], { disclosure: "withheld" })), "documents.withheld_parts_missing", `documents.${IDS.document.equalityAssessment}.withheldParts`);
  });

  const partField = (f: string) => `documents.${IDS.document.businessCase}.withheldParts.${IDS.withheldPart.agencyRates}.${f}`;

  it("needs each withheld part described", () => {
    expectOnly(completeWith((p) => (withheldPart(p).part = "")), "documents.part_description_missing", partField("part"), "Describe withheld part 1");
  });

  it("needs a legal ground from the council's list", () => {
    expectOnly(completeWith((p) => (withheldPart(p).ground = "commercially sensitive")), "documents.ground_missing", partField("ground"), "Choose the legal ground for withholding 'Appendix D: day rates");
  });

  it("needs a public-interest note", () => {
    expectOnly(completeWith((p) => (withheldPart(p).publicInterestNote = "N/A")), "documents.public_interest_missing", partField("publicInterestNote"), "public interest");
  });

  it("needs a review date", () => {
    expectOnly(completeWith((p) => (withheldPart(p).reviewOn = "")), "documents.review_date_missing", partField("reviewOn"), "reviewed");
  });
});

describe(`9. Consultation plan: dates (${S.plan.defaultWeeks} weeks by default, never under ${S.plan.minimumWeeks}), how to respond, other formats (Gunning 3)`, () => {
  it("needs real opening and closing dates", () => {
    expectOnly(completeProposal({ opensOn: null }), "plan.opens_missing", "opensOn", "Enter the date the consultation opens");
    expectOnly(completeProposal({ opensOn: "2026-02-30" }), "plan.opens_missing", "opensOn");
    expectOnly(completeProposal({ closesOn: null }), "plan.closes_missing", "closesOn", "Enter the date the consultation closes");
  });

  it("needs the closing date after the opening date", () => {
    expectOnly(completeProposal({ closesOn: "2026-01-04" }), "plan.closes_before_opens", "closesOn", "after the opening date");
    expectOnly(completeProposal({ closesOn: "2026-01-05" }), "plan.closes_before_opens", "closesOn");
  });

  it(`never allows less than ${S.plan.minimumWeeks} weeks, whatever the reason`, () => {
    const p = completeProposal({ closesOn: "2026-02-09", shortPeriodReason: "A statutory deadline means the decision must be made in March." });
    expectOnly(p, "plan.period_below_minimum", "closesOn", "at least 6 weeks", "it runs for 5 weeks");
    expectOnly(completeProposal({ closesOn: "2026-02-15", shortPeriodReason: "A statutory deadline means the decision must be made in March." }), "plan.period_below_minimum", "closesOn", "5 weeks and 6 days");
  });

  it(`needs a published reason for less than ${S.plan.defaultWeeks} weeks`, () => {
    expectOnly(completeProposal({ closesOn: "2026-03-02" }), "plan.short_period_reason_missing", "shortPeriodReason", "runs for 8 weeks, less than 12 weeks", "published");
    expectOnly(completeProposal({ closesOn: "2026-03-02", shortPeriodReason: "TBC" }), "plan.short_period_reason_missing", "shortPeriodReason");
  });

  it("accepts a shorter period with a reason, down to the minimum", () => {
    const reason = "The council must set its budget in March, so the consultation has to close before then.";
    expect(readiness(completeProposal({ closesOn: "2026-02-16", shortPeriodReason: reason }), S)).toEqual([]);
  });

  it("needs how to respond and the alternative formats", () => {
    expectOnly(completeProposal({ howToRespond: "TBC" }), "plan.how_to_respond_missing", "howToRespond", "Say how people can respond");
    expectOnly(completeProposal({ alternativeFormats: null }), "plan.alternative_formats_missing", "alternativeFormats", "large print, Easy Read or another language");
  });
});

describe("10. Staff and unions: who is affected is always answered, explicitly", () => {
  it("needs the staff groups when posts are affected", () => {
    expectOnly(completeProposal({ staffGroups: [] }), "stakeholders.staff_groups_missing", "staffGroups", "Choose the staff groups affected – 12 posts are affected");
  });

  it("needs the recognised unions when posts are affected", () => {
    expectOnly(completeProposal({ unions: [] }), "stakeholders.unions_missing", "unions", "Choose the recognised unions");
  });

  it("does not accept 'no staff affected' when posts are affected", () => {
    expectOnly(completeProposal({ noStaffAffected: true }), "stakeholders.no_staff_contradicts", "noStaffAffected", "12 posts are affected");
  });

  const noPosts = { postsAffected: 0, fteAffected: 0, staffGroups: [], unions: [] };

  it("needs an explicit answer when no posts are affected and no staff group is chosen", () => {
    const item = onlyUnmet(completeProposal(noPosts), "stakeholders.not_answered");
    expect(item.message).toBe("Choose the staff groups and unions affected, or confirm that no staff are affected");
  });

  it("accepts the confirmation that no staff are affected", () => {
    expect(readiness(completeProposal({ ...noPosts, noStaffAffected: true }), S)).toEqual([]);
  });

  it("accepts staff groups affected without posts being lost", () => {
    expect(readiness(completeProposal({ postsAffected: 0, fteAffected: 0 }), S)).toEqual([]);
  });
});

describe(`10. Staff and unions: ${S.union.collectiveConsultationPosts} or more redundancies trigger the union notice items of TULRCA 1992 s.188(4)`, () => {
  const s188 = {
    redundancyReasons: "The council must save £540,000 a year from children's services and proposes to delete the CAMHS social work posts.",
    staffDescriptions: "24 social workers, grades 9 and 10, out of 48 posts in Child and Adolescent Mental Health Services.",
    employedInDescriptions: "The council employs 31 social workers at grades 9 and 10 at this establishment, 24 of them in CAMHS.",
    selectionMethod: "All posts in the team would be deleted, so there is no selection pool; redeployment would be offered first.",
    dismissalMethodAndTiming: "Notice would be given in June 2026 and dismissals would take effect on 31 August 2026.",
    redundancyPayMethod: "Statutory redundancy pay calculated on actual weekly pay, with no cap, under the council's redundancy policy.",
    agencyWorkerCount: 0,
  };
  const twentyFour = { postsAffected: 24, fteAffected: 22.6 };

  it("needs every item of s.188(4), (a) to (i), agency workers included", () => {
    const unmet = readiness(completeProposal(twentyFour), S);
    expect(unmet.map((u) => u.code)).toEqual([...Array(6).fill("stakeholders.s188_missing"), "stakeholders.agency_missing"]);
    expect(unmet.map((u) => u.field)).toEqual(["redundancyReasons", "staffDescriptions", "employedInDescriptions", "selectionMethod", "dismissalMethodAndTiming", "redundancyPayMethod", "agencyWorkerCount"]);
    expect(unmet[0].message).toBe(
      "Give the reasons for the proposed redundancies: 24 posts are proposed for redundancy at All council sites, so the union notice must include it (Trade Union and Labour Relations (Consolidation) Act 1992, section 188(4))",
    );
  });

  it("passes when all are given", () => {
    expect(readiness(completeProposal({ ...twentyFour, ...s188 }), S)).toEqual([]);
  });

  it.each(Object.keys(s188).filter((k) => k !== "agencyWorkerCount") as (keyof typeof s188)[])("fails when %s is missing or a placeholder", (field) => {
    expectOnly(completeProposal({ ...twentyFour, ...s188, [field]: null }), "stakeholders.s188_missing", field, "section 188");
    expectOnly(completeProposal({ ...twentyFour, ...s188, [field]: "TBC" }), "stakeholders.s188_missing", field);
  });

  it("asks where the agency workers work and what they do when there are any", () => {
    const unmet = readiness(completeProposal({ ...twentyFour, ...s188, agencyWorkerCount: 3 }), S);
    expect(unmet.map((u) => u.field)).toEqual(["agencyWorkerParts", "agencyWorkerWork"]);
  });

  it(`does not apply below ${S.union.collectiveConsultationPosts} posts`, () => {
    expect(readiness(completeProposal({ postsAffected: 19, fteAffected: 18 }), S)).toEqual([]);
  });

  it("counts only the posts proposed for redundancy, not every post affected", () => {
    expect(readiness(completeProposal({ ...twentyFour, redundancyPosts: 4 }), S)).toEqual([]);
  });
});

describe("The task list: each section's status comes from the gate", () => {
  it("shows every section of the complete proposal as completed", () => {
    const p = completeProposal();
    for (const { key } of SECTIONS) expect(sectionStatus(p, S, key)).toBe("completed");
  });

  it("shows a new proposal as not started, with mitigations unable to start until there is something to mitigate", () => {
    const p = blankProposal();
    for (const { key } of SECTIONS) expect(sectionStatus(p, S, key)).toBe(key === "mitigations" ? "cannot_start" : "not_started");
  });

  it("shows the criticised draft's summary and details in progress and its figures not started", () => {
    const p = criticisedCamhsDraft();
    expect(sectionStatus(p, S, "summary")).toBe("in_progress");
    expect(sectionStatus(p, S, "details")).toBe("in_progress");
    expect(sectionStatus(p, S, "impact")).toBe("not_started");
    expect(sectionStatus(p, S, "risks")).toBe("not_started");
  });

  it("lets mitigations start once there is a risk or a negative equality rating", () => {
    expect(sectionStatus(blankProposal({ risks: completeProposal().risks }), S, "mitigations")).toBe("not_started");
    const negative = completeProposal().equalityRows.filter((r) => r.rating === "negative");
    expect(sectionStatus(blankProposal({ equalityRows: negative }), S, "mitigations")).toBe("not_started");
  });

  it("shows a section in progress while one item in it is unmet", () => {
    const p = completeProposal({ closesOn: "2026-03-02" });
    expect(sectionStatus(p, S, "plan")).toBe("in_progress");
    expect(sectionStatus(p, S, "summary")).toBe("completed");
  });
});

describe("Grouping unmet items by section", () => {
  it("has every section, in gate order, with its own items", () => {
    const grouped = unmetBySection(readiness(criticisedCamhsDraft(), S));
    expect(Object.keys(grouped)).toEqual(SECTIONS.map((s) => s.key));
    expect(grouped.mitigations).toEqual([]);
    expect(grouped.impact.map((u) => u.code)).toContain("impact.posts_missing");
    expect(grouped.summary.every((u) => u.section === "summary")).toBe(true);
  });
});

describe("11. Consultation questions: at least one, each written out, none repeated (Gunning 2)", () => {
  it("needs at least one question", () => {
    expectOnly(completeProposal({ questions: [] }), "questions.none", "questions", "Add at least one question");
  });

  it("refuses a placeholder question, quoting it back", () => {
    expectOnly(completeProposal({ questions: [{ id: 5, question: "TBC" }] }), "questions.question_missing", "questions.5.question", "'TBC' is a placeholder");
  });

  it("refuses the same question asked twice", () => {
    const q = "How would this change affect you or your family?";
    expectOnly(completeProposal({ questions: [{ id: 5, question: q }, { id: 6, question: `${q.toUpperCase()} ` }] }), "questions.duplicate", "questions.6.question", "Question 2 repeats question 1");
  });
});

describe("The task list: a section that asks for nothing is completed", () => {
  it("mitigations are completed, not 'not started', when every risk is accepted and no impact is negative", () => {
    const p = completeProposal({ mitigations: [] });
    p.risks = [{ ...p.risks[3] }]; // a low risk, accepted with a published reason
    p.equalityRows = p.equalityRows.map((r) => ({ ...r, rating: r.rating === "negative" ? "neutral" : r.rating, justification: null }));
    expect(readiness(p, S).filter((u) => u.section === "risks" || u.section === "mitigations")).toEqual([]);
    expect(sectionStatus(p, S, "mitigations")).toBe("completed");
  });

  it("mitigations stay 'not started' while a risk or a negative impact is waiting for one", () => {
    const p = completeProposal({ mitigations: [] });
    expect(sectionStatus(p, S, "mitigations")).toBe("not_started");
  });

  it("the equality rows created with a new proposal do not count as starting the assessment", () => {
    const rows: Proposal["equalityRows"] = completeProposal().equalityRows.map((r) => ({ ...r, rating: null, evidence: null, justification: null, evidenceAction: null }));
    expect(sectionStatus(blankProposal({ equalityRows: rows }), S, "equality")).toBe("not_started");
    rows[0].rating = "neutral";
    expect(sectionStatus(blankProposal({ equalityRows: rows }), S, "equality")).toBe("in_progress");
  });

  it("questions are in progress when a question is a placeholder, completed when written", () => {
    expect(sectionStatus(blankProposal({ questions: [{ id: 1, question: "TBC" }] }), S, "questions")).toBe("in_progress");
    expect(sectionStatus(blankProposal({ questions: [{ id: 1, question: "How would this affect you?" }] }), S, "questions")).toBe("completed");
  });
});

describe("The length the writing help shows is the gate's own", () => {
  it("gives the summary's range, and doubles the scaled details for a large proposal", () => {
    expect(wordsRequired(completeProposal(), S, "summary")).toEqual({ min: S.gate.summaryMinWords, max: S.gate.summaryMaxWords, scaled: false });
    expect(wordsRequired(completeProposal(), S, "whatChanges")).toEqual({ min: S.gate.detailsMinWords * 2, scaled: true });
    expect(wordsRequired(completeProposal(), S, "timeline")).toEqual({ min: S.gate.detailsMinWords, scaled: false });
    expect(wordsRequired(smallProposal(), S, "whatChanges")).toEqual({ min: S.gate.detailsMinWords, scaled: false });
    expect(wordsRequired(completeProposal(), S, "events")).toBeNull();
  });
});

describe("1. Summary: the limits themselves", () => {
  it(`accepts a summary of exactly ${S.gate.summaryMinWords} words`, () => {
    const p = completeWith((p) => (p.summary = p.summary!.split(/\s+/).slice(0, S.gate.summaryMinWords).join(" ")));
    expect(readiness(p, S).filter((u) => u.field === "summary")).toEqual([]);
  });

  it("asks a summary that is one paragraph repeated past the limit to be shorter first, not to be written", () => {
    const paragraph = "The council proposes to close the library on Sundays and open it on Tuesday evenings instead, because more people visit then.";
    const p = completeWith((p) => (p.summary = Array(25).fill(paragraph).join(" ")));
    expect(readiness(p, S).filter((u) => u.field === "summary").map((u) => u.code)).toEqual(["summary.too_long"]);
  });

  it("names the summary as the text whose figures contradict the impact figures", () => {
    const p = completeWith((p) => (p.summary = p.summary!.replace("delete the 12 social work posts", "delete 3 social work posts")));
    expect(readiness(p, S).find((u) => u.code === "summary.figures_contradict")?.message).toMatch(/^The summary says '3 social work posts'/);
  });
});

describe("3. Proportionality: a threshold reached exactly counts", () => {
  it(`is large at exactly ${S.gate.thresholds.posts} posts, and at exactly ${S.gate.thresholds.workforceShare * 100}% of the workforce`, () => {
    expect(isLarge(completeProposal({ postsAffected: 10, fteAffected: 10, serviceWorkforcePosts: 1000, budgetChangeGbp: -1000 }), S)).toBe(true);
    expect(isLarge(completeProposal({ postsAffected: 9, fteAffected: 9, serviceWorkforcePosts: 1000, budgetChangeGbp: -1000 }), S)).toBe(false);
    expect(isLarge(completeProposal({ postsAffected: 5, fteAffected: 5, serviceWorkforcePosts: 50, budgetChangeGbp: -1000 }), S)).toBe(true);
    expect(isLarge(completeProposal({ postsAffected: 5, fteAffected: 5, serviceWorkforcePosts: 51, budgetChangeGbp: -1000 }), S)).toBe(false);
  });
});

describe("The task list: mitigations wait for something to mitigate", () => {
  it("cannot start while every equality rating is neutral or positive and there is no risk", () => {
    const calm = completeProposal().equalityRows.map((r) => ({ ...r, rating: "neutral" as const }));
    expect(sectionStatus(blankProposal({ equalityRows: calm }), S, "mitigations")).toBe("cannot_start");
  });
});

describe("What a change newly leaves unmet (edits after approval)", () => {
  it("counts the same rule failing on another field as new", () => {
    const before = readiness(completeWith((p) => (p.whatChanges = THIRTY_WORDS)), S);
    const after = readiness(completeWith((p) => (p.whyChange = THIRTY_WORDS)), S);
    expect(unmetIntroduced(before, after).map((u) => [u.code, u.field])).toEqual([["details.too_short", "whyChange"]]);
  });
});

describe("1. Summary: a summary exactly at the maximum", () => {
  it("is not too long", () => {
    const p = completeProposal();
    const words = p.summary!.trim().split(/\s+/).length;
    const atMost = { ...S, gate: { ...S.gate, summaryMaxWords: words } };
    expect(readiness(p, atMost)).toEqual([]);
    const fewer = { ...S, gate: { ...S.gate, summaryMaxWords: words - 1 } };
    expect(readiness(p, fewer).map((u) => u.code)).toEqual(["summary.too_long"]);
  });
});

describe("1. Summary: filler and length together", () => {
  it("asks for a summary when it is one sentence repeated, under the limit", () => {
    const p = completeWith((p) => (p.summary = "The library will close on Sundays. The library will close on Sundays. The library will close on Sundays."));
    expect(readiness(p, S).filter((u) => u.field === "summary").map((u) => u.code)).toEqual(["summary.missing"]);
  });

  it("asks for a summary when it is one sentence repeated to exactly the limit", () => {
    const sentence = "The council proposes to close the library on Sundays and open it on Tuesday evenings instead, because more people visit then and it saves money.";
    expect(sentence.split(" ")).toHaveLength(25);
    const p = completeWith((p) => (p.summary = Array(S.gate.summaryMaxWords / 25).fill(sentence).join(" ")));
    expect(readiness(p, S).filter((u) => u.field === "summary").map((u) => u.code)).toEqual(["summary.missing"]);
  });

  it("asks for a summary, not a shorter one, when a long one is placeholder Latin", () => {
    const p = completeWith((p) => (p.summary = Array(60).fill("Lorem ipsum dolor sit amet.").join(" ")));
    expect(readiness(p, S).filter((u) => u.field === "summary").map((u) => u.code)).toEqual(["summary.missing"]);
  });

  it("reports a summary too long in the summary section, with the limit and the count", () => {
    const p = completeWith((p) => (p.summary = `${p.summary} ${p.summary} ${p.summary}`));
    const words = p.summary!.trim().split(/\s+/).length;
    expect(readiness(p, S).filter((u) => u.field === "summary")).toEqual([
      { section: "summary", code: "summary.too_long", field: "summary", message: `The summary must be ${S.gate.summaryMaxWords} words or fewer – it has ${words}` },
    ]);
  });
});

describe("Limits reached exactly, and figures the prose may use", () => {
  const risk4 = (reason: string) => completeWith((p) => (risk(p, IDS.risk.partners).acceptanceReason = reason));

  it("accepts a reason for accepting a risk of exactly 5 words, and refuses one of 4 as too general", () => {
    expect(readiness(risk4("Partners keep a named contact"), S)).toEqual([]);
    expectOnly(risk4("Partners were told early"), "risks.acceptance_reason_generic", `risks.${IDS.risk.partners}.acceptanceReason`, "Say why risk 4");
  });

  it("accepts a reason for rejecting an option of exactly 5 words", () => {
    const p = completeWith((p) => (p.options.find((o) => !o.isProposed)!.rejectedBecause = "It would cost far more"));
    expect(readiness(p, S)).toEqual([]);
  });

  it("accepts a mitigation due today", () => {
    const p = completeProposal();
    expect(readiness(p, S, { today: p.mitigations[0].dueOn! })).toEqual([]);
  });

  it("accepts a workforce equal to the posts affected: the whole service", () => {
    expect(readiness(completeProposal({ postsAffected: 12, fteAffected: 11.4, serviceWorkforcePosts: 12 }), S)).toEqual([]);
  });

  it("lets the summary give the posts rounded from the full-time equivalent, or the posts that remain", () => {
    for (const n of [11, 36]) {
      const p = completeWith((p) => (p.summary = p.summary!.replace("delete the 12 social work posts", `delete ${n} social work posts`)));
      expect(readiness(p, S)).toEqual([]);
    }
  });

  it("says in full what the summary and the figures say when they disagree", () => {
    const p = completeWith((p) => (p.summary = p.summary!.replace("delete the 12 social work posts", "delete 13 social work posts")));
    expect(readiness(p, S)).toEqual([
      {
        section: "summary",
        code: "summary.figures_contradict",
        field: "summary",
        message: "The summary says '13 social work posts', but the impact figures say 12 posts are affected (11.4 full-time equivalent): make the words and the figures agree",
      },
    ]);
  });
});

describe("The task list: a section is started by any answer in it, and not by blank space", () => {
  const full = completeProposal();
  const blankRows = (): Proposal["equalityRows"] => full.equalityRows.map((r) => ({ ...r, rating: null, evidence: null, justification: null, evidenceAction: null }));
  it.each(([
    ["summary", { summary: "Short." }],
    ["summary", { easyReadSummary: "Short." }],
    ["details", { timeline: "Soon." }],
    ["details", { whatChanges: "Less." }],
    ["options", { options: full.options.slice(0, 1) }],
    ["impact", { postsAffected: 0 }],
    ["impact", { fteAffected: 0 }],
    ["impact", { serviceWorkforcePosts: 0 }],
    ["impact", { serviceUsersPerYear: 0 }],
    ["impact", { activityPerYear: 0 }],
    ["impact", { budgetChangeGbp: 0 }],
    ["impact", { activityDescription: "Assessments" }],
    ["risks", { risks: full.risks.slice(0, 1).map((r) => ({ ...r, description: "TBC" })) }],
    ["dependencies", { dependencies: full.dependencies.slice(0, 1).map((d) => ({ ...d, effect: "TBC" })) }],
    ["equality", { equalityRows: blankRows().map((r, i) => (i === 0 ? { ...r, evidence: "Some." } : r)) }],
    ["equality", { aimFosterRelations: "Some." }],
    ["equality", { equalityConclusion: "Some." }],
    ["documents", { documents: full.documents.slice(0, 1).map((d) => ({ ...d, withheldParts: d.withheldParts.map((w) => ({ ...w, publicInterestNote: null })) })) }],
    ["plan", { opensOn: "2026-03-02" }],
    ["plan", { closesOn: "2026-03-02" }],
    ["plan", { shortPeriodReason: "Urgent." }],
    ["plan", { howToRespond: "Online." }],
    ["plan", { alternativeFormats: "Print." }],
    ["plan", { events: "None." }],
    ["stakeholders", { staffGroups: full.staffGroups.slice(0, 1), postsAffected: 12 }], // with posts affected, so the section asks for more
    ["stakeholders", { unions: full.unions.slice(0, 1) }],
    ["stakeholders", { redundancyReasons: "Savings." }],
    ["stakeholders", { staffDescriptions: "Social workers." }],
    ["stakeholders", { selectionMethod: "Interview." }],
    ["stakeholders", { dismissalMethodAndTiming: "Notice." }],
    ["stakeholders", { redundancyPosts: 0 }],
    ["stakeholders", { transferKind: full.transferKind ?? "tupe" }],
    ["questions", { questions: [{ id: 5, question: "TBC" }] }],
  ] as [string, Partial<Proposal>][]).map(([section, answer]) => [section, Object.keys(answer).join(" and "), answer] as const))("%s is in progress once %s is answered", (section, _, answer) => {
    expect(sectionStatus(blankProposal(answer), S, section as SectionKey)).toBe("in_progress");
  });

  it.each(([
    ["summary", { summary: "  ", easyReadSummary: "\n" }],
    ["details", { timeline: " \t " }],
    ["impact", { activityDescription: "   " }],
    ["equality", { equalityRows: blankRows(), aimFosterRelations: "  " }],
    ["plan", { howToRespond: " ", events: "  " }],
    ["stakeholders", { redundancyReasons: "  ", postsAffected: 12 }],
  ] as [string, Partial<Proposal>][]).map(([section, answer]) => [section, Object.keys(answer).join(" and "), answer] as const))("%s is not started with only blank space in %s", (section, _, answer) => {
    expect(sectionStatus(blankProposal(answer), S, section as SectionKey)).toBe("not_started");
  });
});
