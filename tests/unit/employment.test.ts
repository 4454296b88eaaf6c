/**
 * Employment law before the unions are told (employment.ts): TULRCA 1992 s.188 counted across
 * proposals at one establishment within 90 days, the 30 and 45 days as a rule on the first
 * dismissal date, the HR1 reminder (s.193), and TUPE 2006 regulation 13.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "~/lib/settings";
import {
  collectiveConsultation,
  collectiveConsultationClock,
  dismissalDateRefusal,
  hr1Reminder,
  withinAggregationPeriod,
} from "~/proposals/employment";
import { readiness } from "~/proposals/readiness";
import type { Proposal } from "~/proposals/types";
import { completeProposal } from "../fixtures/proposals";

const S = DEFAULT_SETTINGS;
const sites: Settings = { ...S, establishments: [{ key: "depot", label: "Moor Lane depot" }, { key: "town-hall", label: "Town Hall" }] };

const disclosure = {
  redundancyReasons: "The council must save £540,000 a year from children's services and proposes to delete the social work posts.",
  staffDescriptions: "24 social workers at grades 9 and 10 in Child and Adolescent Mental Health Services.",
  employedInDescriptions: "31 social workers at grades 9 and 10 are employed at this establishment, 24 of them in CAMHS.",
  selectionMethod: "All posts in the team would be deleted, so there is no selection pool; redeployment would be offered first.",
  dismissalMethodAndTiming: "Under the agreed organisational change procedure, notice would be given in June with dismissals from 1 September.",
  redundancyPayMethod: "Statutory redundancy pay calculated on actual weekly pay with no cap, as the council's policy provides.",
  agencyWorkerCount: 0,
};

/** 12 posts of its own, and 12 in another proposal at the same establishment within 90 days. */
const twelveAndTwelve = (overrides: Partial<Proposal> = {}) => completeProposal({ otherRedundancies: { proposals: 1, posts: 12 }, ...overrides });

describe("s.188: counted across proposals at one establishment within 90 days", () => {
  it("two proposals of 12 posts cross the threshold of 20 together", () => {
    expect(collectiveConsultation(completeProposal(), S)).toMatchObject({ posts: 12, total: 12, applies: false, days: null });
    expect(collectiveConsultation(twelveAndTwelve(), S)).toMatchObject({ posts: 12, otherPosts: 12, total: 24, applies: true, days: 30 });
  });

  it("asks for the whole s.188(4) disclosure, naming the other proposal's posts", () => {
    const unmet = readiness(twelveAndTwelve(), S);
    expect(unmet.map((u) => u.field)).toEqual([
      "redundancyReasons",
      "staffDescriptions",
      "employedInDescriptions",
      "selectionMethod",
      "dismissalMethodAndTiming",
      "redundancyPayMethod",
      "agencyWorkerCount",
    ]);
    expect(unmet[0].message).toContain("24 posts are proposed for redundancy at All council sites within 90 days (12 in this proposal and 12 in 1 other proposal)");
    expect(readiness(twelveAndTwelve(disclosure), S)).toEqual([]);
  });

  it("45 days from 100 posts in total", () => {
    expect(collectiveConsultation(completeProposal({ otherRedundancies: { proposals: 2, posts: 88 } }), S)).toMatchObject({ total: 100, days: 45 });
  });

  it("a proposal with no redundancies is not pulled in by others", () => {
    expect(collectiveConsultation(completeProposal({ redundancyPosts: 0, otherRedundancies: { proposals: 3, posts: 60 } }), S).applies).toBe(false);
  });

  it("90 days means dismissals less than 90 days apart", () => {
    expect(withinAggregationPeriod("2027-01-01", "2027-03-31")).toBe(true); // 89 days
    expect(withinAggregationPeriod("2027-01-01", "2027-04-01")).toBe(false); // 90 days
    expect(withinAggregationPeriod("2027-04-01", "2027-01-01")).toBe(false);
  });
});

describe("the 30 or 45 days are a rule on the first dismissal date", () => {
  it("refuses a first dismissal before the consultation closes", () => {
    const unmet = readiness(completeProposal({ firstDismissalOn: "2026-03-30" }), S);
    expect(unmet.map((u) => u.code)).toEqual(["stakeholders.dismissal_before_closing"]);
    expect(unmet[0].message).toContain("before the consultation closes on 30 March 2026");
  });

  it("refuses a first dismissal less than 30 days after collective consultation begins", () => {
    // Notice delivered 1 April 2026: consultation began then, so no dismissal before 1 May.
    const p = twelveAndTwelve({ ...disclosure, closesOn: "2026-04-10", noticeSentAt: "2026-04-01T09:00:00Z", firstDismissalOn: "2026-04-30" });
    const unmet = readiness(p, S);
    expect(unmet.map((u) => u.code)).toEqual(["stakeholders.dismissal_before_s188"]);
    expect(unmet[0].message).toContain("the first dismissal can be no earlier than 1 May 2026");
    expect(readiness({ ...p, firstDismissalOn: "2026-05-01" }, S)).toEqual([]);
  });

  it("at approval and opening, counts from the day it can start at the earliest", () => {
    const p = twelveAndTwelve({ ...disclosure, firstDismissalOn: "2026-09-01" });
    expect(dismissalDateRefusal(p, S, "2026-08-10")).toMatch(/no dismissal can take effect before 9 September 2026/);
    expect(dismissalDateRefusal(p, S, "2026-08-02")).toBeNull();
    expect(dismissalDateRefusal(completeProposal({ firstDismissalOn: "2026-09-01" }), S, "2026-08-31")).toBeNull();
  });

  it("the clock on the notice pages counts from the delivered notice", () => {
    const clock = collectiveConsultationClock(twelveAndTwelve({ noticeSentAt: "2026-11-02T10:00:00Z" }), S, new Date("2026-11-20T12:00:00Z"));
    expect(clock).toEqual({ days: 30, startedOn: "2026-11-02", elapsedDays: 18, daysLeft: 12, earliestDismissal: "2026-12-02" });
    expect(collectiveConsultationClock(completeProposal({ noticeSentAt: "2026-11-02T10:00:00Z" }), S, new Date())).toBeNull();
  });
});

describe("s.193: the HR1 reminder", () => {
  it("gives the deadline 30 days before the first dismissal, or 45 from 100 posts", () => {
    expect(hr1Reminder(completeProposal(), S)).toBeNull();
    const r = hr1Reminder(twelveAndTwelve({ firstDismissalOn: "2026-09-01" }), S)!;
    expect(r.deadline).toBe("2026-08-02");
    expect(r.message).toMatch(/form HR1 by 2 August 2026, 30 days before the first dismissal on 1 September 2026/);
    expect(r.message).toMatch(/section 193/);
    expect(hr1Reminder(completeProposal({ postsAffected: 120, fteAffected: 110, serviceWorkforcePosts: 400, firstDismissalOn: "2026-09-01" }), S)!.deadline).toBe("2026-07-18");
  });
});

describe("what every proposal affecting posts must answer", () => {
  it("how many posts are proposed for redundancy, where and from when", () => {
    expect(readiness(completeProposal({ redundancyPosts: null }), S).map((u) => u.code)).toEqual(["stakeholders.redundancy_posts_missing"]);
    expect(readiness(completeProposal({ redundancyPosts: 13 }), S).map((u) => u.code)).toEqual(["stakeholders.redundancy_posts_exceed"]);
    expect(readiness(completeProposal({ firstDismissalOn: null }), S).map((u) => u.code)).toEqual(["stakeholders.first_dismissal_missing"]);
    expect(readiness(completeProposal(), sites).map((u) => [u.code, u.field])).toEqual([["stakeholders.establishment_missing", "establishment"]]);
    expect(readiness(completeProposal({ establishment: "depot" }), sites)).toEqual([]);
    expect(readiness(completeProposal({ redundancyPosts: 0, firstDismissalOn: null }), sites)).toEqual([]);
  });

  it("whether staff transfer to or from another employer", () => {
    expect(readiness(completeProposal({ transferKind: null }), S).map((u) => u.field)).toEqual(["transferKind"]);
    expect(readiness(completeProposal({ postsAffected: 0, fteAffected: 0, transferKind: null }), S)).toEqual([]);
  });

  it("a transfer carries the TUPE regulation 13 information, agency workers included", () => {
    const unmet = readiness(completeProposal({ transferKind: "outsourcing", redundancyPosts: 0 }), S);
    expect(unmet.map((u) => u.field)).toEqual(["transferOn", "transferReasons", "transferImplications", "transferMeasures", "transfereeMeasures", "agencyWorkerCount"]);
    expect(unmet[1].message).toMatch(/regulation 13/);
    const tupe = {
      transferKind: "outsourcing" as const,
      redundancyPosts: 0,
      transferOn: "2027-04-01",
      transferReasons: "The 34 service desk staff would transfer to the partner when the contract starts, because the data centre must be replaced.",
      transferImplications: "Staff keep their pay, terms and continuous service; pensions continue through admitted body status in the scheme.",
      transferMeasures: "The council envisages no measures of its own for the staff who transfer.",
      transfereeMeasures: "The partner envisages merging the service desk with its regional centre within two years, with up to 6 fewer posts.",
      agencyWorkerCount: 2,
      agencyWorkerParts: "The ICT service desk at the Town Hall.",
      agencyWorkerWork: "Covering two vacant service desk analyst posts.",
    };
    expect(readiness(completeProposal(tupe), S)).toEqual([]);
    expect(readiness(completeProposal({ ...tupe, transfereeMeasures: "TBC" }), S).map((u) => u.field)).toEqual(["transfereeMeasures"]);
  });
});
