/**
 * The demo council in content/: every file parses, every consultation past the drafter's desk
 * passes the publication gate, and the youth service draft fails it the way the original CAMHS
 * consultation would have.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, consultationToProposal, dateInDays, loadContent, renderPdf, unwrapMarkdown } from "#db/content";
import { readiness } from "~/proposals/readiness";
import { equalityCharacteristics } from "~/lib/settings";
import { councilDate } from "~/lib/council-time";
import { workingDaysBetween } from "~/lib/working-days";

const seedDate = new Date("2026-03-10T10:00:00Z");
const content = loadContent("content");
const { settings } = content;
const bySlug = (slug: string) => {
  const found = content.consultations.find((c) => c.data.slug === slug);
  if (!found) throw new Error(`no demo consultation ${slug}`);
  return found.data;
};
const proposal = (slug: string, at = seedDate) => consultationToProposal(bySlug(slug), content, at, { proposalId: 1 });

describe("content files", () => {
  it("all parse and validate", () => {
    expect(content.settings.council.name).toBe("Northmoor Borough Council");
    expect(content.organisation.services.length).toBeGreaterThanOrEqual(5);
    expect(content.organisation.unions.map((u) => u.shortName)).toEqual(expect.arrayContaining(["UNISON", "GMB", "Unite"]));
    expect(content.consultations.length).toBeGreaterThanOrEqual(5);
  });

  it("has a demo account for every role, two officers and two approvers", () => {
    const roles = content.accounts.flatMap((a) => a.roles);
    for (const role of ["officer", "approver", "union_rep", "moderator", "decision_maker", "admin"]) expect(roles).toContain(role);
    expect(content.accounts.filter((a) => a.roles.includes("officer")).length).toBeGreaterThanOrEqual(2);
    expect(content.accounts.filter((a) => a.roles.includes("approver")).length).toBeGreaterThanOrEqual(2);
    expect(content.accounts.filter((a) => a.roles.includes("union_rep")).map((a) => a.union).sort()).toEqual(["GMB", "UNISON", "Unite"]);
  });

  it("covers the states the demo needs", () => {
    const states = content.consultations.map((c) => c.data.state);
    expect(states).toEqual(expect.arrayContaining(["open", "union_notice", "closed", "draft", "in_review"]));
  });

  it("the bank holidays cover England and Wales 2024 to 2028 with substitute days", () => {
    const days = content.bankHolidays;
    expect(days).toHaveLength(40);
    expect(days).toEqual([...days].sort());
    for (const d of ["2024-01-01", "2025-04-18", "2026-08-31", "2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03"]) expect(days).toContain(d);
    for (const d of days) expect([0, 6]).not.toContain(new Date(`${d}T12:00:00Z`).getUTCDay());
  });

  it("the accessibility statement and privacy notice exist and say what they must", () => {
    const accessibility = fs.readFileSync("content/accessibility-statement.md", "utf8");
    expect(accessibility).toMatch(/WCAG\)? 2\.2/);
    expect(accessibility).toMatch(/Equality Advisory and Support Service/);
    const privacy = fs.readFileSync("content/privacy-notice.md", "utf8");
    expect(privacy).toMatch(/public task/i);
    expect(privacy).toMatch(/retain|keep/i);
  });

  it("reports a bad file by file name and field", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-content-"));
    fs.cpSync("content", dir, { recursive: true });
    const file = path.join(dir, "consultations", "camhs-social-work.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("likelihood: 4", "likelihood: 9").replace("service: camhs", "service: nowhere"));
    try {
      loadContent(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect((e as Error).message).toContain("camhs-social-work.yaml");
      expect((e as Error).message).toMatch(/risks\[0\]\.likelihood/);
    }
  });
});

describe("the publication gate on the demo consultations", () => {
  const published = content.consultations.filter((c) => c.data.state !== "draft");

  it.each(published.map((c) => [c.data.slug, c.data.state]))("%s (%s) passes the gate", (slug) => {
    expect(readiness(proposal(slug), content.settingsAt(seedDate))).toEqual([]);
  });

  it("passes whatever the seed date (dates are relative)", () => {
    for (const at of [new Date("2026-12-24T23:30:00Z"), new Date("2027-06-30T05:00:00Z")]) {
      for (const c of published) expect(readiness(proposal(c.data.slug, at), content.settingsAt(at))).toEqual([]);
    }
  });

  it("plan dates fall on a weekday and staff acted on weekdays, whatever day the demo starts", () => {
    for (let day = 0; day < 7; day++) {
      const at = new Date(seedDate.getTime() + day * 86_400_000);
      for (const c of published) {
        const p = proposal(c.data.slug, at);
        for (const d of [p.opensOn, p.closesOn]) expect([0, 6]).not.toContain(new Date(`${d}T12:00:00Z`).getUTCDay());
        for (const stamp of [p.submittedAt, p.approvedAt, p.noticeSentAt]) {
          if (stamp) expect([0, 6]).not.toContain(new Date(stamp).getUTCDay());
        }
        if (p.openedAt) expect(Date.parse(p.openedAt)).toBeLessThanOrEqual(at.getTime());
        if (p.state === "union_notice" || p.state === "in_review") expect(p.opensOn! > at.toISOString().slice(0, 10)).toBe(true);
        if (p.state === "open") expect(p.closesOn! > at.toISOString().slice(0, 10)).toBe(true);
      }
    }
  });

  it("a proposal under union notice gives the unions the full notice period before it opens, even over Christmas", () => {
    const holidays = new Set(content.bankHolidays);
    const underNotice = published.filter((c) => c.data.state === "union_notice");
    expect(underNotice.length).toBeGreaterThan(0);
    for (const at of ["2026-12-18T16:00:00Z", "2026-12-24T09:00:00Z", "2027-03-24T12:00:00Z", "2027-08-27T12:00:00Z"]) {
      for (const c of underNotice) {
        const p = proposal(c.data.slug, new Date(at));
        expect(workingDaysBetween(councilDate(p.noticeSentAt!, settings.council.timeZone), p.opensOn!, holidays)).toBeGreaterThanOrEqual(settings.union.noticeWorkingDays);
      }
    }
  });

  it("the youth service draft fails, on figures, risks, acronyms and equality", () => {
    const draft = content.consultations.find((c) => c.data.state === "draft")!;
    const unmet = readiness(proposal(draft.data.slug), settings);
    const sections = new Set(unmet.map((u) => u.section));
    for (const s of ["summary", "details", "impact", "risks", "equality", "documents", "plan", "stakeholders"]) expect(sections).toContain(s);
    expect(unmet.filter((u) => u.section === "impact").map((u) => u.message).join("\n")).toMatch(/posts/);
    expect(unmet.find((u) => u.code === "risks.none")?.message).toMatch(/risk/i);
    expect(unmet.filter((u) => u.code === "summary.acronym").map((u) => u.message).join("\n")).toMatch(/Expand SEND/);
  });
});

describe("the CAMHS consultation carries the real figures", () => {
  const p = proposal("camhs-social-work");

  it("12 posts, 11.4 FTE, a quarter of 48, 450 assessments a year", () => {
    expect(p.postsAffected).toBe(12);
    expect(p.fteAffected).toBe(11.4);
    expect(p.serviceWorkforcePosts).toBe(48);
    expect(p.activityPerYear).toBe(450);
    expect(p.budgetChangeGbp).toBeLessThan(0);
  });

  it("has every equality row, honest risks linked to mitigations, and UNISON notified", () => {
    expect(p.equalityRows.map((r) => r.characteristic).sort()).toEqual(equalityCharacteristics(settings).map((c) => c.key).sort());
    expect(p.equalityRows.find((r) => r.characteristic === "age")?.rating).toBe("negative");
    expect(p.risks.some((r) => r.likelihood * r.impact >= settings.gate.highRiskScore)).toBe(true);
    expect(p.mitigations.every((m) => m.riskIds.length + m.equalityRowIds.length > 0)).toBe(true);
    expect(p.unions.map((u) => u.shortName)).toEqual(["UNISON"]);
    expect(p.staffGroups.map((g) => g.name)).toContain("CAMHS social workers");
    expect(p.redundancyReasons).toBeNull(); // 12 < 20: no s.188 disclosure needed
  });

  it("is open: opened 21 days before the seed date, closes 84 days after opening", () => {
    expect(p.state).toBe("open");
    expect(p.opensOn).toBe(dateInDays(seedDate, -21));
    expect(p.closesOn).toBe(dateInDays(seedDate, 63));
    expect(Date.parse(p.openedAt!)).toBeLessThanOrEqual(seedDate.getTime());
    expect(p.approvedById).not.toBe(p.createdById);
  });
});

describe("the ICT partnership", () => {
  const p = proposal("ict-strategic-partnership");
  it("carries the s.188 items and a withheld part with its ground", () => {
    expect(p.postsAffected).toBeGreaterThanOrEqual(20);
    for (const f of ["redundancyReasons", "staffDescriptions", "selectionMethod", "dismissalMethodAndTiming"] as const) expect(p[f]).toBeTruthy();
    const parts = p.documents.flatMap((d) => d.withheldParts);
    expect(parts).toHaveLength(1);
    expect(parts[0].ground).toBe("foia_s43_commercial");
    expect(parts[0].part).toMatch(/Appendix D/);
  });
});

describe("helpers", () => {
  it("unwrapMarkdown joins wrapped lines but keeps paragraphs and list items", () => {
    expect(unwrapMarkdown("One\ntwo.\n\n- a\n  b\n- c\n\n# Head\nText")).toBe("One two.\n\n- a b\n- c\n\n# Head\nText");
  });

  it("renderPdf writes a PDF whose cross-reference offsets point at its objects", () => {
    const pdf = renderPdf("Title (with brackets)", ["£604,000 – a “quoted” saving.", "x ".repeat(3000)]).toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref");
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(Number(/\/Count (\d+)/.exec(pdf)![1])).toBeGreaterThan(1);
  });
});
