/**
 * The settings pages cover every setting, and each refuses what would break the rules that read
 * it, with a message an admin can act on.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { LIST_SECTIONS, keyFor, labelRefusal } from "~/settings/lists";
import { SCALAR_SECTIONS, fieldName, formDefaults, leafPaths, sectionBySlug, sectionSchema } from "~/settings/sections";

describe("every setting has a page", () => {
  it("each leaf of the settings is a field of exactly one page, or one of the list pages", () => {
    const covered = [
      ...SCALAR_SECTIONS.flatMap((s) => s.fields.map((f) => (f.path ? `${s.key}.${f.path}` : s.key))),
      ...LIST_SECTIONS.map((l) => l.key),
    ];
    const leaves = Object.keys(DEFAULT_SETTINGS).flatMap((key) => {
      if (LIST_SECTIONS.some((l) => l.key === key)) return [key];
      return leafPaths(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS], key);
    });
    expect(leaves.filter((leaf) => !covered.includes(leaf)), "settings with no page: add a field in app/settings/sections.ts").toEqual([]);
    expect(new Set(covered).size).toBe(covered.length);
  });

  it("the form shows the current values, and saving them unchanged gives the same settings back", () => {
    for (const section of SCALAR_SECTIONS) {
      const parsed = sectionSchema(section, { ssoConfigured: true, viewerUsesSso: true }).safeParse(formDefaults(section, DEFAULT_SETTINGS));
      expect(parsed.error?.issues ?? [], section.slug).toEqual([]);
      expect(parsed.data).toEqual(DEFAULT_SETTINGS[section.key]);
    }
  });
});

function errorsFor(slug: string, changes: Record<string, string>, context = { ssoConfigured: false, viewerUsesSso: false }) {
  const section = sectionBySlug(slug)!;
  const input = { ...formDefaults(section, DEFAULT_SETTINGS), ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [fieldName(k), v])) };
  const parsed = sectionSchema(section, context).safeParse(input);
  // The first message for each field, as the page shows it.
  return parsed.success ? { value: parsed.data } : { errors: Object.fromEntries(parsed.error.issues.reverse().map((i) => [String(i.path[0]), i.message])) };
}

describe("what each page refuses", () => {
  it("a header colour white text cannot be read on", () => {
    expect(errorsFor("council", { brandColour: "#ffcc00" }).errors?.brandColour).toMatch(/too light: white text on it has a contrast of 1\.\d to 1/);
    expect(errorsFor("council", { brandColour: "green" }).errors?.brandColour).toMatch(/hex colour/);
    expect(errorsFor("council", { brandColour: "1F4E4A" }).value).toMatchObject({ brandColour: "#1f4e4a" });
  });

  it("numbers out of range, not numbers, and summaries whose shortest is not shorter than their longest", () => {
    expect(errorsFor("publication-check", { highRiskScore: "26" }).errors?.highRiskScore).toBe("The high risk score must be 25 or fewer");
    expect(errorsFor("publication-check", { "thresholds.posts": "ten" }).errors?.["thresholds-posts"]).toBe("The posts threshold must be a number, like 1");
    expect(errorsFor("publication-check", { "thresholds.posts": "" }).errors?.["thresholds-posts"]).toBe("Enter the posts threshold");
    expect(errorsFor("publication-check", { summaryMinWords: "300", summaryMaxWords: "250" }).errors?.summaryMaxWords).toMatch(/longer than the shortest/);
    expect(errorsFor("publication-check", { acronymAllowList: "NHS\nfoo" }).errors?.acronymAllowList).toMatch(/Line 2 \(“foo”\)/);
  });

  it("reads percentages and money as people type them", () => {
    expect(errorsFor("publication-check", { "thresholds.workforceShare": "12.5%", "thresholds.budgetGbp": "£1,000,000" }).value).toMatchObject({ thresholds: { workforceShare: 0.125, budgetGbp: 1_000_000 } });
  });

  it("a consultation period under six weeks, or a minimum over the usual", () => {
    expect(errorsFor("consultation-period", { minimumWeeks: "4" }).errors?.minimumWeeks).toBe("The shortest period must be 6 weeks or more");
    expect(errorsFor("consultation-period", { minimumWeeks: "14", defaultWeeks: "12" }).errors?.minimumWeeks).toMatch(/not be longer than the usual/);
  });

  it("a time zone that is not one, and the gate's document and s.188 minimums", () => {
    expect(errorsFor("council", { timeZone: "London" }).errors?.timeZone).toBe("The time zone must be an IANA time zone name, like Europe/London");
    expect(errorsFor("council", { timeZone: "" }).errors?.timeZone).toBe("Enter the time zone");
    expect(errorsFor("council", { timeZone: " Europe/Dublin " }).value).toMatchObject({ timeZone: "Europe/Dublin" });
    expect(errorsFor("publication-check", { minDocumentBytes: "-1" }).errors?.minDocumentBytes).toBe("The smallest document must be 0 bytes or more");
    expect(errorsFor("publication-check", { minDocumentBytes: "2,500", s188MinWords: "30" }).value).toMatchObject({ minDocumentBytes: 2500, s188MinWords: 30 });
    expect(errorsFor("publication-check", { s188MinWords: "many" }).errors?.s188MinWords).toBe("The shortest collective consultation answer must be a number, like 0");
  });

  it("pre-election periods: one a line, real dates, ending on or after they start", () => {
    expect(errorsFor("pre-election-periods", { "": "Local elections: 2027-03-26 to 2027-05-06\nCounty elections: 2027-04-01 to 2027-05-06" }).value).toEqual([
      { name: "Local elections", startsOn: "2027-03-26", endsOn: "2027-05-06" },
      { name: "County elections", startsOn: "2027-04-01", endsOn: "2027-05-06" },
    ]);
    expect(errorsFor("pre-election-periods", { "": "Local elections from March" }).errors?.value).toMatch(/Line 1 .* must be the election, a colon, then two dates/);
    expect(errorsFor("pre-election-periods", { "": "Local elections: 2027-02-30 to 2027-05-06" }).errors?.value).toMatch(/date that does not exist/);
    expect(errorsFor("pre-election-periods", { "": "Local elections: 2027-05-06 to 2027-03-26" }).errors?.value).toMatch(/ends before it starts/);
  });

  it("the time to answer a challenge: at least a working day", () => {
    expect(errorsFor("challenges", { answerWorkingDays: "0" }).errors?.answerWorkingDays).toBe("The time to answer a challenge must be 1 working days or more");
    expect(errorsFor("challenges", { answerWorkingDays: "15" }).value).toEqual({ answerWorkingDays: 15 });
  });

  it("collective consultation later than the law's 20 posts", () => {
    expect(errorsFor("union-notice", { collectiveConsultationPosts: "25" }).errors?.collectiveConsultationPosts).toBe("The collective consultation threshold must be 20 posts or fewer");
  });

  it("groups mapped to roles that do not exist, and passwords off without single sign-on proven", () => {
    expect(errorsFor("sign-in", { "sso.groupRoles": "Planning = officer\nIT = superuser" }).errors?.["sso-groupRoles"]).toMatch(/Line 2: “superuser” is not a role/);
    expect(errorsFor("sign-in", { "sso.groupRoles": "Reps = union_rep" }).errors?.["sso-groupRoles"]).toMatch(/Union representatives are not in the council's directory/);
    expect(errorsFor("sign-in", { localPasswords: "no" }).errors?.localPasswords).toMatch(/not set up/);
    expect(errorsFor("sign-in", { localPasswords: "no" }, { ssoConfigured: true, viewerUsesSso: false }).errors?.localPasswords).toMatch(/yourself first/);
    expect(errorsFor("sign-in", { localPasswords: "no" }, { ssoConfigured: true, viewerUsesSso: true }).value).toMatchObject({ localPasswords: false });
    expect(errorsFor("sign-in", { "sso.createAccounts": "yes" }).errors?.["sso-createAccounts"]).toMatch(/give the council's email domains/);
    expect(errorsFor("sign-in", { "sso.allowedDomains": "Northmoor.GOV.uk\nnorthmoor.gov.uk", "sso.groupRoles": "a1b2 = Approver" }).value).toMatchObject({
      sso: { allowedDomains: ["northmoor.gov.uk"], groupRoles: [{ group: "a1b2", role: "approver" }] },
    });
  });
});

describe("list settings", () => {
  const characteristics = LIST_SECTIONS.find((l) => l.key === "localCharacteristics")!;
  it("keys are made from the name, unique, and never clash", () => {
    expect(keyFor("Armed forces community", [])).toBe("armed_forces_community");
    expect(keyFor("Carers", ["carers"])).toBe("carers_2");
    expect(keyFor("!!!", [])).toBe("item");
  });
  it("refuses a statutory characteristic again, and a name already in the list", () => {
    expect(labelRefusal(characteristics, DEFAULT_SETTINGS.localCharacteristics, "age")).toMatch(/already one of the nine/);
    expect(labelRefusal(characteristics, DEFAULT_SETTINGS.localCharacteristics, " CARERS ")).toMatch(/already a characteristic called/);
    expect(labelRefusal(characteristics, DEFAULT_SETTINGS.localCharacteristics, "Carers", "carers")).toBeNull();
  });
});
