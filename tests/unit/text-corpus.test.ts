/**
 * The filler corpus, both ways (issue 10, item 4): every bad text is refused by the gate with an
 * item naming the field it was put in, and every good text is accepted wherever it belongs. The
 * texts are in tests/fixtures/text-corpus.ts; the real prose of the demo council (content/) is part
 * of the good corpus too. Each bad text is tried in two different fields of the complete CAMHS
 * proposal, so a rule that only works in one place fails here.
 */
import { describe, expect, it } from "vitest";
import { consultationToProposal, loadContent } from "#db/content";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { readiness } from "~/proposals/readiness";
import { fillerKind, isFiller } from "~/proposals/text-quality";
import type { Proposal } from "~/proposals/types";
import { completeProposal, IDS } from "../fixtures/proposals";
import * as corpus from "../fixtures/text-corpus";

const S = DEFAULT_SETTINGS;

type Place = { field: string; put: (p: Proposal, text: string) => void };
const row = (p: Proposal, key: string) => p.equalityRows.find((r) => r.characteristic === key)!;
const byId = <T extends { id: number }>(list: T[], id: number) => list.find((x) => x.id === id)!;

/** Fields of every kind a bad text could be put in. */
const PLACES: Place[] = [
  { field: "summary", put: (p, t) => (p.summary = t) },
  { field: "whyChange", put: (p, t) => (p.whyChange = t) },
  { field: `options.${IDS.option.halfTeam}.rejectedBecause`, put: (p, t) => (byId(p.options, IDS.option.halfTeam).rejectedBecause = t) },
  { field: `risks.${IDS.risk.workload}.description`, put: (p, t) => (byId(p.risks, IDS.risk.workload).description = t) },
  { field: `dependencies.${IDS.dependency.trust}.effect`, put: (p, t) => (byId(p.dependencies, IDS.dependency.trust).effect = t) },
  { field: `mitigations.${IDS.mitigation.caseloadCap}.action`, put: (p, t) => (byId(p.mitigations, IDS.mitigation.caseloadCap).action = t) },
  { field: "equality.religion_belief.evidence", put: (p, t) => (row(p, "religion_belief").evidence = t) },
  { field: "aimFosterRelations", put: (p, t) => (p.aimFosterRelations = t) },
  { field: "howToRespond", put: (p, t) => (p.howToRespond = t) },
  { field: "questions.1.question", put: (p, t) => (p.questions[0].question = t) },
  { field: `dependencies.${IDS.dependency.schools}.consultationNote`, put: (p, t) => (byId(p.dependencies, IDS.dependency.schools).consultationNote = t) },
  { field: "alternativeFormats", put: (p, t) => (p.alternativeFormats = t) },
];

function gateWith(place: Place, text: string) {
  const p = completeProposal();
  place.put(p, text);
  return readiness(p, S);
}

function expectRefusedIn(place: Place, text: string) {
  const unmet = gateWith(place, text);
  const named = unmet.filter((u) => u.field === place.field);
  expect(named, `${JSON.stringify(text)} in ${place.field}: ${JSON.stringify(unmet.map((u) => u.field))}`).not.toEqual([]);
  for (const u of named) expect(u.message.length).toBeGreaterThan(20);
}

function expectAccepted(place: Place, text: string) {
  expect(gateWith(place, text), `${JSON.stringify(text)} in ${place.field}`).toEqual([]);
}

const FILLER = [...corpus.BAD_PLACEHOLDERS, ...corpus.BAD_NOT_ENGLISH, ...corpus.BAD_LOW_INFORMATION, ...corpus.BAD_VAGUE];

describe("bad texts are refused wherever they are put, with a message naming the field", () => {
  it(`the corpus has ${FILLER.length} filler texts`, () => {
    expect(FILLER.length).toBeGreaterThanOrEqual(150);
  });

  it.each(FILLER.map((text, i) => [text, i] as const))("%j is filler", (text, i) => {
    expect(isFiller(text)).toBe(true);
    expectRefusedIn(PLACES[i % PLACES.length], text);
    expectRefusedIn(PLACES[(i + 5) % PLACES.length], text);
  });

  const carers = { field: "equality.carers.justification", put: (p: Proposal, t: string) => (row(p, "carers").justification = t) };
  it.each(corpus.BAD_JUSTIFICATIONS)("a negative impact 'justified' by %j is refused", (text) => expectRefusedIn(carers, text));

  const mitigation = PLACES.find((p) => p.field.startsWith("mitigations."))!;
  it.each(corpus.BAD_MITIGATIONS)("a mitigation that names no action, %j, is refused", (text) => expectRefusedIn(mitigation, text));

  const evidenceAction = { field: "equality.race.evidenceAction", put: (p: Proposal, t: string) => (row(p, "race").evidenceAction = t) };
  it.each(corpus.BAD_EVIDENCE_ACTIONS)("a plan to gather evidence that says neither how nor when, %j, is refused", (text) => expectRefusedIn(evidenceAction, text));

  const acceptance = { field: `risks.${IDS.risk.partners}.acceptanceReason`, put: (p: Proposal, t: string) => (byId(p.risks, IDS.risk.partners).acceptanceReason = t) };
  it.each(corpus.BAD_ACCEPTANCE_REASONS)("a risk accepted for %j is refused", (text) => expectRefusedIn(acceptance, text));
});

describe("good texts are accepted where they belong", () => {
  const dependency = PLACES.find((p) => p.field.startsWith("dependencies.") && p.field.endsWith(".effect"))!;
  it.each(corpus.GOOD_PROSE)("prose: %j", (text) => {
    expect(fillerKind(text)).toBeNull();
    expectAccepted(dependency, text);
  });

  const mitigation = PLACES.find((p) => p.field.startsWith("mitigations."))!;
  it.each(corpus.GOOD_MITIGATIONS)("mitigation: %j", (text) => expectAccepted(mitigation, text));

  const evidence = PLACES.find((p) => p.field === "equality.religion_belief.evidence")!;
  it.each(corpus.GOOD_EVIDENCE)("equality evidence: %j", (text) => expectAccepted(evidence, text));

  const carers = { field: "equality.carers.justification", put: (p: Proposal, t: string) => (row(p, "carers").justification = t) };
  it.each(corpus.GOOD_JUSTIFICATIONS)("justification of a negative impact: %j", (text) => expectAccepted(carers, text));

  const evidenceAction = { field: "equality.race.evidenceAction", put: (p: Proposal, t: string) => (row(p, "race").evidenceAction = t) };
  it.each(corpus.GOOD_EVIDENCE_ACTIONS)("evidence to gather: %j", (text) => expectAccepted(evidenceAction, text));

  const acceptance = { field: `risks.${IDS.risk.partners}.acceptanceReason`, put: (p: Proposal, t: string) => (byId(p.risks, IDS.risk.partners).acceptanceReason = t) };
  it.each(corpus.GOOD_ACCEPTANCE_REASONS)("reason for accepting a risk: %j", (text) => expectAccepted(acceptance, text));

  const question = PLACES.find((p) => p.field.startsWith("questions."))!;
  it.each(corpus.GOOD_QUESTIONS)("question: %j", (text) => expectAccepted(question, text));

  it("every text of the demo council's published consultations is real content", () => {
    const content = loadContent("content");
    const texts: string[] = [];
    for (const c of content.consultations.filter((x) => x.data.state !== "draft")) {
      const p = consultationToProposal(c.data, content, new Date("2026-03-10T10:00:00Z"), { proposalId: 1 });
      const all: (string | null)[] = [
        p.summary, p.whatChanges, p.whyChange, p.currentService, p.proposedService, p.timeline, p.alreadyDecided, p.openToChange, p.howToRespond, p.alternativeFormats, p.events,
        p.aimEliminateDiscrimination, p.aimAdvanceEquality, p.aimFosterRelations, p.equalityConclusion,
        ...p.options.flatMap((o) => [o.description, o.rejectedBecause]),
        ...p.risks.flatMap((r) => [r.description, r.whoBears, r.acceptanceReason]),
        ...p.dependencies.flatMap((d) => [d.effect, d.consultationNote]),
        ...p.mitigations.map((m) => m.action),
        ...p.equalityRows.flatMap((r) => [r.evidence, r.justification, r.evidenceAction]),
        ...p.questions.map((q) => q.question),
      ];
      texts.push(...all.filter((t): t is string => !!t));
    }
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.filter((t) => fillerKind(t) != null)).toEqual([]);
  });
});

export const CORPUS_SIZES = {
  bad: FILLER.length + corpus.BAD_JUSTIFICATIONS.length + corpus.BAD_MITIGATIONS.length + corpus.BAD_EVIDENCE_ACTIONS.length + corpus.BAD_ACCEPTANCE_REASONS.length,
  good: corpus.GOOD_PROSE.length + corpus.GOOD_MITIGATIONS.length + corpus.GOOD_EVIDENCE.length + corpus.GOOD_JUSTIFICATIONS.length + corpus.GOOD_EVIDENCE_ACTIONS.length + corpus.GOOD_ACCEPTANCE_REASONS.length + corpus.GOOD_QUESTIONS.length,
};
