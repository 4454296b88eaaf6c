/**
 * A gate that reads substance, not only form (issue 10, item 4), rule by rule: the complete CAMHS
 * proposal with one trick played on it fails with an item naming the field, and the honest version
 * passes. The filler corpus itself is in text-corpus.test.ts.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { readiness, unmetIntroduced } from "~/proposals/readiness";
import { acronymProblems, pastDatesIn, sameTemplate, textOverlap } from "~/proposals/text-quality";
import { statedBudgetAmounts, statedPostCounts } from "~/proposals/prose-figures";
import type { Proposal, Unmet } from "~/proposals/types";
import { completeProposal, IDS } from "../fixtures/proposals";

const S = DEFAULT_SETTINGS;
const withChange = (change: (p: Proposal) => void, base: Partial<Proposal> = {}) => {
  const p = completeProposal(base);
  change(p);
  return p;
};
const row = (p: Proposal, key: string) => p.equalityRows.find((r) => r.characteristic === key)!;
const byId = <T extends { id: number }>(list: T[], id: number) => list.find((x) => x.id === id)!;

function expectItem(p: Proposal, code: string, field: string, ...mentions: (string | RegExp)[]): Unmet {
  const unmet = readiness(p, S);
  const item = unmet.find((u) => u.code === code && u.field === field);
  expect(item, JSON.stringify(unmet.map((u) => [u.code, u.field]))).toBeDefined();
  expect(item!.section).toBe(code.split(".")[0]);
  for (const m of mentions) expect(item!.message).toMatch(m);
  return item!;
}

describe("near-duplicate text anywhere in the proposal, compared by word overlap", () => {
  it("finds a field copied into another with a few words changed", () => {
    const p = withChange((p) => (p.currentService = p.whyChange!.replace("£2.1 million", "£2 million").replace("main question", "central question")));
    expectItem(p, "details.copied", "currentService", "repeats why the change is needed");
  });

  it("finds the same sentence in two mitigations, of different rows and kinds", () => {
    const same = "Work closely with partners and keep the arrangements under review to make sure that the impact on families is kept as low as possible.";
    const p = withChange((p) => {
      byId(p.mitigations, IDS.mitigation.training).action = `Train all core team clinicians. ${same}`;
      byId(p.mitigations, IDS.mitigation.access).action = `Offer home visits. ${same}`;
    });
    expectItem(p, "mitigations.near_duplicate", `mitigations.${IDS.mitigation.access}.action`, "the same as mitigation 1");
  });

  it("finds a dependency's effect that repeats a risk", () => {
    const p = withChange((p) => (byId(p.dependencies, IDS.dependency.schools).effect = `${byId(p.risks, IDS.risk.waitingTimes).description}, which schools would notice.`));
    expectItem(p, "dependencies.near_duplicate", `dependencies.${IDS.dependency.schools}.effect`, "risk 1");
  });

  it("finds equality evidence that is one template with the characteristic swapped", () => {
    const template = (group: string) => `We have no evidence that ${group} would be affected differently by the proposed change to the service.`;
    const p = withChange((p) => {
      row(p, "gender_reassignment").evidence = template("trans people");
      row(p, "religion_belief").evidence = template("people of different religions or beliefs");
      row(p, "sexual_orientation").evidence = template("lesbian, gay and bisexual people");
    });
    const items = readiness(p, S).filter((u) => u.code === "equality.evidence_copied");
    expect(items.map((u) => u.field)).toEqual(["equality.religion_belief.evidence", "equality.sexual_orientation.evidence"]);
    expect(items[0].message).toMatch(/same .*as for Gender reassignment/);
  });

  it("does not take related but different texts for copies", () => {
    expect(textOverlap("Children wait longer for a first assessment.", "Publish waiting times every month and report to Cabinet.")).toBeLessThan(0.6);
    expect(sameTemplate("Girls were 64% of the children assessed, mostly for self-harm.", "Black children were 9% of referrals but 14% of the population.")).toBe(false);
    expect(readiness(completeProposal(), S)).toEqual([]);
  });
});

describe("justifications and mitigations that name an action, an owner and a date", () => {
  it("refuses a negative impact 'justified by the savings', naming the field", () => {
    expectItem(withChange((p) => (row(p, "carers").justification = "Justified by the savings.")), "equality.justification_no_action", "equality.carers.justification", "what will be done", "who will do it and by when");
  });

  it("refuses a mitigation with no action, and an owner who could be anyone", () => {
    const p = withChange((p) => Object.assign(byId(p.mitigations, IDS.mitigation.caseloadCap), { action: "Robust governance arrangements are in place.", owner: "The council" }));
    expectItem(p, "mitigations.no_action", `mitigations.${IDS.mitigation.caseloadCap}.action`, "name the action");
    expectItem(p, "mitigations.owner_vague", `mitigations.${IDS.mitigation.caseloadCap}.owner`, "by role or team");
  });

  it("refuses mitigation and action dates in the past", () => {
    const p = withChange((p) => {
      byId(p.mitigations, IDS.mitigation.training).dueOn = "2024-03-31";
      byId(p.mitigations, IDS.mitigation.access).action = "Offer assessments at home by 1 March 2024, with interpreters.";
      row(p, "race").evidenceAction = "Analyse the referral records and report to Cabinet by June 2024.";
    });
    expectItem(p, "mitigations.due_date_past", `mitigations.${IDS.mitigation.training}.dueOn`, "has passed");
    expectItem(p, "mitigations.date_past", `mitigations.${IDS.mitigation.access}.action`, "1 March 2024");
    expectItem(p, "equality.date_past", "equality.race.evidenceAction", "June 2024");
    expect(pastDatesIn("Review by 31 August 2027 and again in 2028.", "2026-12-01")).toEqual([]);
  });

  it("judges dates against today when told it (edits after approval)", () => {
    const p = completeProposal();
    expect(readiness(p, S, { today: "2026-08-20" }).map((u) => u.code)).toContain("mitigations.due_date_past");
  });
});

describe("risks played down", () => {
  it("refuses every risk rated 1 × 1", () => {
    const p = withChange((p) => p.risks.forEach((r) => Object.assign(r, { likelihood: 1, impact: 1, acceptanceReason: r.acceptanceReason })));
    expectItem(p, "risks.all_minimal", "risks", "1 (rare) × 1 (minor)");
  });

  it("refuses three or more risks all rated alike", () => {
    const p = withChange((p) => p.risks.forEach((r) => Object.assign(r, { likelihood: 2, impact: 3 })));
    expectItem(p, "risks.same_rating", "risks", "rate each risk on its own");
  });
});

describe("acronyms in any published field, and expansions that are made up", () => {
  it.each([
    ["a risk", (p: Proposal): void => {
      byId(p.risks, IDS.risk.safeguarding).description = "Referrals to the MASH are delayed for children known to CAMHS.";
    }, `risks.${IDS.risk.safeguarding}.description`],
    ["a dependency", (p: Proposal): void => {
      byId(p.dependencies, IDS.dependency.schools).effect = "SENCOs would refer children to the duty team instead.";
    }, `dependencies.${IDS.dependency.schools}.effect`],
    ["equality evidence", (p: Proposal): void => {
      row(p, "disability").evidence = "About 40% of children assessed have an EHCP and rely on the social worker to coordinate support.";
    }, "equality.disability.evidence"],
    ["the plan", (p: Proposal): void => {
      p.alternativeFormats = "Easy Read, large print and BSL versions are available: phone 01234 567890.";
    }, "alternativeFormats"],
    ["a question", (p: Proposal): void => {
      p.questions[0].question = "How would the change affect your child's EHCP?";
    }, "questions.1.question"],
  ] as const)("refuses an acronym left unexpanded in %s", (_, change, field) => {
    const item = readiness(withChange(change), S).find((u) => u.field === field && u.code.endsWith(".acronym"));
    expect(item?.message).toMatch(/^Expand [A-Z]+ the first time you use it/);
  });

  it("accepts an acronym expanded where the reader first meets it, then used freely", () => {
    const p = withChange((p) => {
      byId(p.risks, IDS.risk.safeguarding).description = "Referrals to the Multi-Agency Safeguarding Hub (MASH) are delayed for children known to CAMHS.";
      byId(p.dependencies, IDS.dependency.dutyTeams).effect = "The MASH would take about 150 safeguarding enquiries a year that CAMHS social workers handle now.";
    });
    expect(readiness(p, S)).toEqual([]);
  });

  it("refuses expansions that do not spell the letters or do not mean the acronym", () => {
    expect(acronymProblems("Calls to the MASH (Main Advice and Support Helpline) would rise.").problems).toEqual([{ acronym: "MASH", kind: "made_up", given: "Main Advice and Support Helpline" }]);
    expect(acronymProblems("Support from the PCN (local doctors' surgeries) continues.").problems[0]).toMatchObject({ acronym: "PCN", kind: "made_up" });
    expect(acronymProblems("The Council Approved Mental Health Scheme (CAMHS) would change.").problems[0]).toMatchObject({ acronym: "CAMHS", kind: "made_up" });
    expect(acronymProblems("Children's Advice and Mental Health Service (CAMHS)").problems[0]).toMatchObject({ acronym: "CAMHS", kind: "made_up" });
    expect(acronymProblems("Children and Young People's Mental Health Services (CAMHS)").problems).toEqual([]);
    expect(acronymProblems("the Transfer of Undertakings (Protection of Employment) Regulations (TUPE)").problems).toEqual([]);
    const p = withChange((p) => (p.summary = p.summary!.replace("Child and Adolescent Mental Health Services (CAMHS)", "Community And Mental Health Support (CAMHS)")));
    expectItem(p, "summary.acronym_expansion", "summary", "does not spell out what CAMHS stands for", "Child and Adolescent Mental Health Services (CAMHS)");
  });

  it("accepts real expansions, including ones that take letters from small words and inside words", () => {
    for (const text of [
      "Freedom of Information Act (FOIA)",
      "closed-circuit television (CCTV)",
      "Trade Union and Labour Relations (Consolidation) Act 1992 (TULRCA)",
      "special educational needs co-ordinator (SENCO)",
      "the Local Government Pension Scheme (LGPS)",
      "an education, health and care plan (EHCP)",
    ]) {
      expect(acronymProblems(text).problems, text).toEqual([]);
    }
  });
});

describe("numbers in the prose that contradict the impact figures", () => {
  it("refuses a summary that says 3 posts when the figures say 12", () => {
    const p = withChange((p) => (p.summary = p.summary!.replace("delete the 12 social work posts", "delete 3 social work posts")));
    expectItem(p, "summary.figures_contradict", "summary", "'3 social work posts'", "12 posts are affected");
  });

  it("and the reverse: figures of 3 posts under a summary that says 12", () => {
    const p = completeProposal({ postsAffected: 3, fteAffected: 3, summary: completeProposal().summary });
    expectItem(p, "summary.figures_contradict", "summary", "'12 social work posts'", "3 posts are affected");
  });

  it("refuses what will change giving a different number, a saving that is not the budget figure, and a wrong share", () => {
    expectItem(withChange((p) => (p.whatChanges = p.whatChanges!.replace("its 12 posts", "its 30 posts"))), "details.figures_contradict", "whatChanges", "30 posts");
    expectItem(withChange((p) => (p.summary = p.summary!.replace("save £540,000", "save £54,000"))), "summary.figures_contradict", "summary", "£540,000");
    expectItem(withChange((p) => (p.summary = p.summary!.replace("That is 12 of the 48 posts in the service.", "That is half of the service's workforce."))), "summary.figures_contradict", "summary", "25%");
  });

  it("reads only counts tied to the change, not posts that stay, are vacant or new", () => {
    expect(statedPostCounts("Applications, data and the digital team (41 posts) would stay with the council.")).toEqual([]);
    expect(statedPostCounts("Offer each postholder one of the 19 vacant social worker posts.")).toEqual([]);
    expect(statedPostCounts("Six grounds maintenance staff would change their rounds, and we would create two new ranger posts.")).toEqual([{ value: 6, phrase: "Six grounds maintenance staff" }]);
    expect(statedBudgetAmounts("The council must save £1.9 million; this change would save £604,000 a year.").map((a) => a.value)).toEqual([1_900_000, 604_000]);
  });
});

describe("documents that are what their type claims", () => {
  const businessCase = (p: Proposal) => byId(p.documents, IDS.document.businessCase);
  it("refuses a 3-byte business case", () => {
    expectItem(withChange((p) => (businessCase(p).sizeBytes = 3)), "documents.too_small", `documents.${IDS.document.businessCase}`, "only 3 bytes");
  });
  it("refuses a business case that is a CSV file or a spreadsheet", () => {
    expectItem(withChange((p) => (businessCase(p).mimeType = "text/csv")), "documents.wrong_type", `documents.${IDS.document.businessCase}`, "a CSV data file");
    expectItem(withChange((p) => (businessCase(p).mimeType = "application/vnd.oasis.opendocument.spreadsheet")), "documents.wrong_type", `documents.${IDS.document.businessCase}`, "a spreadsheet");
  });
  it("names a type it has no word for as a type, in a sentence that reads (not 'is a application/zip file')", () => {
    expectItem(withChange((p) => (businessCase(p).mimeType = "application/zip")), "documents.wrong_type", `documents.${IDS.document.businessCase}`, "is a file of type application/zip");
  });
});

describe("s.188 and equality answers in proportion to the size of the change", () => {
  const twentyFour: Partial<Proposal> = {
    postsAffected: 24,
    fteAffected: 22.6,
    redundancyReasons: "Budget savings.",
    staffDescriptions: "Social workers.",
    selectionMethod: "Interview.",
    dismissalMethodAndTiming: "Notice given.",
  };
  it("refuses two-word s.188 answers at 24 posts, each named", () => {
    const items = readiness(completeProposal(twentyFour), S).filter((u) => u.code.startsWith("stakeholders.s188"));
    expect(items.map((u) => u.field)).toEqual(["redundancyReasons", "staffDescriptions", "employedInDescriptions", "selectionMethod", "dismissalMethodAndTiming", "redundancyPayMethod"]);
    expect(items[0].message).toMatch(/15 words or more – it has 2/);
  });

  it("asks for twice the detail at 100 posts or more", () => {
    const full = {
      redundancyReasons: "The council must save £540,000 a year from children's services and proposes to delete the CAMHS social work posts.",
      staffDescriptions: "24 social workers, grades 9 and 10, out of 48 posts in Child and Adolescent Mental Health Services.",
      selectionMethod: "All posts in the team would be deleted, so there is no selection pool; redeployment would be offered first.",
      dismissalMethodAndTiming: "Notice would be given in June 2026 and dismissals would take effect on 31 August 2026.",
      employedInDescriptions: "The council employs 31 social workers at grades 9 and 10 at this establishment, 24 of them in CAMHS.",
      redundancyPayMethod: "Statutory redundancy pay calculated on actual weekly pay, with no cap, under the council's redundancy policy.",
      agencyWorkerCount: 0,
    };
    expect(readiness(completeProposal({ postsAffected: 24, fteAffected: 22.6, serviceWorkforcePosts: 200, ...full }), S)).toEqual([]);
    const hundred = readiness(completeProposal({ postsAffected: 120, fteAffected: 110, serviceWorkforcePosts: 400, ...full }), S);
    expect(hundred.filter((u) => u.code === "stakeholders.s188_too_short").length).toBe(6);
    expect(hundred.find((u) => u.code === "stakeholders.s188_too_short")!.message).toMatch(/30 words or more/);
  });

  it("asks for more equality evidence on negative rows at collective-consultation scale", () => {
    const p = completeProposal({ postsAffected: 24, fteAffected: 22.6, serviceWorkforcePosts: 200, redundancyReasons: "x" });
    row(p, "carers").evidence = "Parents and young carers get practical help from social workers.";
    expect(readiness(p, S).find((u) => u.field === "equality.carers.evidence")?.message).toMatch(/12 words or more for a change of this size/);
  });
});

describe("an edit after approval is refused only for what it newly leaves unmet", () => {
  it("matches items by code and field, not by their wording", () => {
    const before: Unmet[] = [{ section: "summary", code: "summary.too_short", field: "summary", message: "it has 30" }];
    const after: Unmet[] = [
      { section: "summary", code: "summary.too_short", field: "summary", message: "it has 12" },
      { section: "risks", code: "risks.none", field: "risks", message: "Add at least one risk" },
    ];
    expect(unmetIntroduced(before, after).map((u) => u.code)).toEqual(["risks.none"]);
  });
});

const riskCodes = (p: Proposal) => readiness(p, S).filter((u) => u.section === "risks").map((u) => u.code);

describe("risks played down, and risks rated honestly", () => {
  it("does not call risks played down when only one is rated 1 × 1, or all are rare but not all minor", () => {
    expect(riskCodes(withChange((p) => Object.assign(p.risks[3], { likelihood: 1, impact: 1 })))).toEqual([]);
    expect(riskCodes(withChange((p) => p.risks.forEach((r, i) => Object.assign(r, { likelihood: 1, impact: i + 1 }))))).not.toContain("risks.all_minimal");
  });

  it("refuses exactly three risks rated alike, but not risks alike only in likelihood", () => {
    expect(riskCodes(withChange((p) => { p.risks = p.risks.slice(0, 3); p.risks.forEach((r) => Object.assign(r, { likelihood: 4, impact: 4 })); }))).toContain("risks.same_rating");
    expect(riskCodes(withChange((p) => p.risks.forEach((r, i) => Object.assign(r, { likelihood: 3, impact: i + 2 }))))).not.toContain("risks.same_rating");
  });

  it("does not count a risk whose rating is out of range among risks rated alike", () => {
    const p = withChange((p) => p.risks.forEach((r, i) => Object.assign(r, { likelihood: i === 0 ? 9 : 1, impact: 1 })));
    expect(riskCodes(p)).not.toContain("risks.all_minimal");
  });
});

describe("rules not reached by the other tests: staff, equality actions, withheld parts, document types", () => {
  it("refuses 'no staff affected' alongside chosen staff groups, even when no posts are affected", () => {
    const p = withChange((p) => (p.noStaffAffected = true), { postsAffected: 0, fteAffected: 0 });
    expect(readiness(p, S)).toEqual([
      { section: "stakeholders", code: "stakeholders.no_staff_contradicts", field: "noStaffAffected", message: "You chose staff groups or unions but also said no staff are affected: change one of the answers" },
    ]);
  });

  it("refuses an action to gather equality evidence that does not say by when", () => {
    const p = withChange((p) => (row(p, "race").evidenceAction = "Analyse referral records and ask community groups about their experience."));
    expect(readiness(p, S).map((u) => [u.section, u.code, u.field])).toEqual([["equality", "equality.evidence_action_vague", "equality.race.evidenceAction"]]);
  });

  it("refuses a withheld part whose review date has passed, and accepts one due for review today", () => {
    const p = completeProposal();
    const part = p.documents.find((d) => d.withheldParts.length)!.withheldParts[0];
    const today = p.mitigations.map((m) => m.dueOn!).sort()[0];
    part.reviewOn = today;
    expect(readiness(p, S, { today })).toEqual([]);
    part.reviewOn = "2026-01-05";
    expect(readiness(p, S, { today }).map((u) => [u.section, u.code])).toEqual([["documents", "documents.review_date_past"]]);
  });

  it("names what a business case of the wrong type is, and counts bytes in words", () => {
    const presentation = withChange((p) => (p.documents[0].mimeType = "application/vnd.openxmlformats-officedocument.presentationml.presentation"));
    expect(readiness(presentation, S).map((u) => u.message)).toEqual([expect.stringMatching(/ is a presentation$/)]);
    const tiny = withChange((p) => (p.documents[0].sizeBytes = 1));
    expect(readiness(tiny, S).map((u) => u.message)).toEqual([expect.stringContaining("is only 1 byte, too small to be the business case")]);
  });
});

describe("every published text is read, and an item on it names the field the officer must open", () => {
  // A sentence for the texts read only when they say something; a bare acronym for the short
  // answers ("labels": names, owners, who bears a risk), which are read even when they are one word.
  const SENTENCE = "Families in Fellside would wait longer for the QZRT clinic.";
  const LABEL = "QZRT";
  it.each([
    ["the summary", "summary", "summary", (p: Proposal): void => {p.summary = `${p.summary} ${SENTENCE}`}],
    ["what will change", "details", "whatChanges", (p: Proposal): void => {p.whatChanges = `${p.whatChanges} ${SENTENCE}`}],
    ["what is open to change", "details", "openToChange", (p: Proposal): void => {p.openToChange = `${p.openToChange} ${SENTENCE}`}],
    ["the name of option 2", "options", `options.${IDS.option.keepAsIs}.title`, (p: Proposal): void => {p.options[1].title = LABEL}],
    ["option 2", "options", `options.${IDS.option.keepAsIs}.description`, (p: Proposal): void => {p.options[1].description = SENTENCE}],
    ["why option 3 was rejected", "options", `options.${IDS.option.halfTeam}.rejectedBecause`, (p: Proposal): void => {p.options[2].rejectedBecause = SENTENCE}],
    ["the activity affected", "impact", "activityDescription", (p: Proposal): void => {p.activityDescription = LABEL}],
    ["risk 2", "risks", `risks.${p0().risks[1].id}.description`, (p: Proposal): void => {p.risks[1].description = SENTENCE}],
    ["who would bear risk 2", "risks", `risks.${p0().risks[1].id}.whoBears`, (p: Proposal): void => {p.risks[1].whoBears = LABEL}],
    ["the reason for accepting risk 2", "risks", `risks.${p0().risks[1].id}.acceptanceReason`, (p: Proposal): void => {p.risks[1].acceptanceReason = SENTENCE}],
    ["the name of dependency 2", "dependencies", `dependencies.${IDS.dependency.trust}.name`, (p: Proposal): void => {p.dependencies[1].name = LABEL}],
    ["the effect on dependency 2", "dependencies", `dependencies.${IDS.dependency.trust}.effect`, (p: Proposal): void => {p.dependencies[1].effect = SENTENCE}],
    ["the consultation note for dependency 2", "dependencies", `dependencies.${IDS.dependency.trust}.consultationNote`, (p: Proposal): void => {p.dependencies[1].consultationNote = SENTENCE}],
    ["mitigation 2", "mitigations", `mitigations.${p0().mitigations[1].id}.action`, (p: Proposal): void => {p.mitigations[1].action = `${p.mitigations[1].action} ${SENTENCE}`}],
    ["the owner of mitigation 2", "mitigations", `mitigations.${p0().mitigations[1].id}.owner`, (p: Proposal): void => {p.mitigations[1].owner = LABEL}],
    ["the evidence for Disability", "equality", "equality.disability.evidence", (p: Proposal): void => {row(p, "disability").evidence = SENTENCE}],
    ["the justification for Disability", "equality", "equality.disability.justification", (p: Proposal): void => {row(p, "disability").justification = SENTENCE}],
    ["how evidence about Disability will be gathered", "equality", "equality.disability.evidenceAction", (p: Proposal): void => {row(p, "disability").evidenceAction = SENTENCE}],
    ["the aim to foster good relations", "equality", "aimFosterRelations", (p: Proposal): void => {p.aimFosterRelations = `${p.aimFosterRelations} ${SENTENCE}`}],
    ["the title of 'Equality impact assessment QZRT'", "documents", `documents.${IDS.document.equalityAssessment}`, (p: Proposal): void => {p.documents[1].title = `Equality impact assessment ${LABEL}`}],
    ["a withheld part of 'Business case: CAMHS social work restructure'", "documents", `documents.${IDS.document.businessCase}.withheldParts.${p0().documents[0].withheldParts[0].id}.part`, (p: Proposal): void => {p.documents[0].withheldParts[0].part = `Appendix D: ${LABEL} day rates`}],
    ["the public-interest note for 'Appendix D: day rates quoted by an agency for temporary cover'", "documents", `documents.${IDS.document.businessCase}.withheldParts.${p0().documents[0].withheldParts[0].id}.publicInterestNote`, (p: Proposal): void => {p.documents[0].withheldParts[0].publicInterestNote = SENTENCE}],
    ["the reason for the shorter period", "plan", "shortPeriodReason", (p: Proposal): void => {p.shortPeriodReason = SENTENCE}],
    ["how to respond", "plan", "howToRespond", (p: Proposal): void => {p.howToRespond = SENTENCE}],
    ["other formats", "plan", "alternativeFormats", (p: Proposal): void => {p.alternativeFormats = SENTENCE}],
    ["events", "plan", "events", (p: Proposal): void => {p.events = SENTENCE}],
    ["question 1", "questions", `questions.${p0().questions[0].id}.question`, (p: Proposal): void => {p.questions[0].question = "How would the QZRT clinic change affect you?"}],
  ] as const)("an acronym in %s is asked for there", (where, section, field, change) => {
    const items = readiness(withChange(change), S).filter((u) => u.code.endsWith(".acronym"));
    expect(items).toEqual([{ section, code: `${section}.acronym`, field, message: `Expand QZRT the first time you use it in ${where}, for example 'the words in full (QZRT)'` }]);
  });
});

function p0(): Proposal {
  return completeProposal();
}

describe("a template with the group's name swapped is called that, for the council's own characteristics too", () => {
  const template = (group: string) => `No evidence that ${group} would lose out.`;

  it("names the template in the message, and sees through the usual words for a group ('older', 'disabled')", () => {
    const p = withChange((p) => {
      row(p, "age").evidence = template("older people and pensioners");
      row(p, "disability").evidence = template("disabled people with learning disabilities");
    });
    const items = readiness(p, S).filter((u) => u.code === "equality.evidence_copied");
    expect(items.map((u) => [u.field, u.message])).toEqual([
      ["equality.disability.evidence", "The evidence for Disability is the same text with the name changed as for Age: give evidence about Disability"],
    ]);
  });

  it("sees through the words of a characteristic the council added, taken from its label", () => {
    const settings = { ...S, localCharacteristics: [...S.localCharacteristics, { key: "armed_forces", label: "Armed forces community" }] };
    const p = withChange((p) => {
      p.equalityRows.push({ id: 199, characteristic: "armed_forces", rating: "neutral", evidence: template("armed forces families"), justification: null, evidenceAction: null });
      row(p, "carers").evidence = template("unpaid carers");
    });
    const items = readiness(p, settings).filter((u) => u.code === "equality.evidence_copied");
    expect(items.map((u) => [u.field, u.message])).toEqual([
      ["equality.armed_forces.evidence", "The evidence for Armed forces community is the same text with the name changed as for Carers: give evidence about Armed forces community"],
    ]);
  });
});

describe("an acronym is expanded once where the reader first meets it, and the summary stands alone", () => {
  const acronymItems = (change: (p: Proposal) => void) => readiness(withChange(change), S).filter((u) => /acronym/.test(u.code)).map((u) => [u.field, u.message]);
  const expandIn = (where: string) => `Expand QZRT the first time you use it in ${where}, for example 'the words in full (QZRT)'`;

  it("asks the summary to expand an acronym the title expanded, but not the text after it", () => {
    expect(acronymItems((p) => {
      p.title = "Quick Zonal Response Team (QZRT) for Fellside";
      p.summary = `${p.summary} The QZRT would visit families.`;
    })).toEqual([["summary", expandIn("the summary")]]);
    expect(acronymItems((p) => {
      p.title = "Quick Zonal Response Team (QZRT) for Fellside";
      p.whatChanges = `${p.whatChanges} The QZRT would visit families.`;
    })).toEqual([]);
  });

  it("carries an expansion in the summary into the rest, and asks once for an acronym never expanded", () => {
    expect(acronymItems((p) => {
      p.summary = `${p.summary} The Quick Zonal Response Team (QZRT) would visit families.`;
      p.whatChanges = `${p.whatChanges} The QZRT would visit families.`;
    })).toEqual([]);
    expect(acronymItems((p) => {
      p.whatChanges = `${p.whatChanges} The QZRT would visit families.`;
      p.timeline = `${p.timeline} The QZRT starts in May.`;
    })).toEqual([["whatChanges", expandIn("what will change")]]);
  });

  it("does not ask to expand a placeholder ('TBC' as an owner) or the acronyms of a text refused as filler", () => {
    expect(acronymItems((p) => (p.mitigations[1].owner = "TBC"))).toEqual([]);
    expect(acronymItems((p) => (p.risks[1].description = "QZRT TBC"))).toEqual([]);
  });

  it("quotes back a made-up expansion, naming the field", () => {
    expect(acronymItems((p) => (p.whatChanges = `${p.whatChanges} The Quarterly Zone Review of Traffic and Transport Planning Measures (QZRTX) would start.`))).toEqual([
      ["whatChanges", "'Traffic and Transport Planning Measures' does not spell out what QZRTX stands for in what will change: write it in full, for example 'the words in full (QZRTX)'"],
    ]);
  });
});
