/**
 * Council settings: the numbers and lists the rules read. Defaults live here; a council
 * overrides any of them in the `settings` table (admin pages, or content/council.yaml in the demo).
 * Pure: no I/O. `settings.server.ts` loads and merges.
 */
import { z } from "zod";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./council-time";
import { ROLES } from "#db/schema";
import {
  ALTERNATIVE_FORMAT_DEFAULTS,
  EASY_READ_DEFAULTS,
  MONITORING_DEFAULTS,
  PAPER_PACK_DEFAULTS,
  alternativeFormatSettingsSchema,
  easyReadSettingsSchema,
  monitoringSettingsSchema,
  paperPackSettingsSchema,
} from "~/reach/settings";

export const STATUTORY_CHARACTERISTICS = [
  { key: "age", label: "Age" },
  { key: "disability", label: "Disability" },
  { key: "gender_reassignment", label: "Gender reassignment" },
  { key: "marriage_civil_partnership", label: "Marriage and civil partnership" },
  { key: "pregnancy_maternity", label: "Pregnancy and maternity" },
  { key: "race", label: "Race" },
  { key: "religion_belief", label: "Religion or belief" },
  { key: "sex", label: "Sex" },
  { key: "sexual_orientation", label: "Sexual orientation" },
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const characteristic = z.object({ key: z.string().min(1), label: z.string().min(1) });
const ground = z.object({ key: z.string().min(1), label: z.string().min(1) });

export const settingsSchema = z.object({
  council: z.object({
    name: z.string().min(1),
    shortName: z.string().min(1),
    serviceName: z.string().min(1),
    contactEmail: z.string().email(),
    /** CSS colour for the header band; must keep 4.5:1 contrast with white text */
    brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    /** the one time zone every date rule counts days in (app/lib/council-time.ts) */
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/London").default(DEFAULT_TIME_ZONE),
  }),
  gate: z.object({
    summaryMinWords: z.number().int().positive(),
    summaryMaxWords: z.number().int().positive(),
    /** minimum words in each full-details field; doubled for proposals over a threshold */
    detailsMinWords: z.number().int().positive(),
    largeDetailsMultiplier: z.number().positive(),
    /** proportionality: a proposal reaching any threshold is "large" and must carry more */
    thresholds: z.object({
      posts: z.number().int().positive(),
      workforceShare: z.number().positive().max(1),
      budgetGbp: z.number().int().positive(),
    }),
    highRiskScore: z.number().int().min(1).max(25),
    evidenceMinWords: z.number().int().positive(),
    /** acronyms everyone knows, which need no expansion */
    acronymAllowList: z.array(z.string()),
    /** the smallest business case or equality assessment file that can be the real thing */
    minDocumentBytes: z.number().int().min(0).default(1000),
    /** words in each s.188 disclosure answer at 20 or more posts; doubled at 100 or more */
    s188MinWords: z.number().int().min(0).default(15),
  }),
  plan: z.object({
    defaultWeeks: z.number().int().positive(),
    minimumWeeks: z.number().int().positive(),
  }),
  union: z.object({
    noticeWorkingDays: z.number().int().min(0),
    /** how long a rep's personal notice link works before it must be sent again */
    noticeLinkDays: z.number().int().min(1).max(30).default(7),
    /** TULRCA s.188: collective consultation from this many proposed redundancies */
    collectiveConsultationPosts: z.number().int().positive(),
  }),
  localCharacteristics: z.array(characteristic),
  withholdingGrounds: z.array(ground),
  /** how staff sign in; docs/decisions (single sign-on) */
  signIn: z
    .object({
      /** off: staff sign in only through single sign-on (honoured only while it is configured) */
      localPasswords: z.boolean().default(true),
      /** admins and approvers must confirm each password sign-in with a code (auth/two-factor.server.ts) */
      requireTwoFactor: z.boolean().default(false),
      /** how long an invitation link works */
      invitationDays: z.number().int().min(1).max(30).default(7),
      sso: z
        .object({
          /** email domains the council controls: a first sign-in from one may link to the invited
           * account with that address even when the provider does not vouch for the address */
          allowedDomains: z.array(z.string()).default([]),
          /** create an account at first sign-in for someone from an allowed domain whose groups
           * give them a role; off: only people an admin has invited */
          createAccounts: z.boolean().default(false),
          /** the ID token claim that lists a person's groups (Entra ID: "groups" or "roles") */
          groupsClaim: z.string().min(1).default("groups"),
          /** group → role; when any are set, staff roles follow the groups at every sign-in */
          groupRoles: z.array(z.object({ group: z.string().min(1), role: z.enum(ROLES) })).default([]),
        })
        .default({ allowedDomains: [], createAccounts: false, groupsClaim: "groups", groupRoles: [] }),
    })
    .default({ localPasswords: true, requireTwoFactor: false, invitationDays: 7, sso: { allowedDomains: [], createAccounts: false, groupsClaim: "groups", groupRoles: [] } }),
  /**
   * Pre-election periods (Cabinet Office Consultation Principles 2018: avoid them): a
   * consultation that would run during one cannot open without a published reason.
   */
  preElectionPeriods: z
    .array(
      z
        .object({ name: z.string().min(1), startsOn: isoDate, endsOn: isoDate })
        .refine((p) => p.startsOn <= p.endsOn, { message: "A pre-election period must end on or after the day it starts" }),
    )
    .default([]),
  /**
   * TULRCA s.188 counts redundancies "at one establishment": the places staff are assigned to.
   * With one entry, every proposal is at it and officers are not asked.
   */
  establishments: z.array(z.object({ key: z.string().min(1), label: z.string().min(1) })).min(1),
  challenges: z.object({
    /** working days the council has to answer a public challenge to the facts */
    answerWorkingDays: z.number().int().min(1).max(60),
  }),
  easyRead: easyReadSettingsSchema.default(EASY_READ_DEFAULTS),
  paperPacks: paperPackSettingsSchema.default(PAPER_PACK_DEFAULTS),
  alternativeFormats: alternativeFormatSettingsSchema.default(ALTERNATIVE_FORMAT_DEFAULTS),
  monitoring: monitoringSettingsSchema.default(MONITORING_DEFAULTS),
  retention: z.object({
    /** months after the decision when respondents' email addresses, sign-in links, sessions and sent emails are removed */
    monthsAfterDecision: z.number().int().min(1).max(120),
  }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  council: {
    name: "Example Borough Council",
    shortName: "Example Borough",
    serviceName: "Plainsight consultations",
    contactEmail: "consultations@example.gov.uk",
    brandColour: "#1d4f5c",
    timeZone: DEFAULT_TIME_ZONE,
  },
  gate: {
    summaryMinWords: 40,
    summaryMaxWords: 250,
    detailsMinWords: 25,
    largeDetailsMultiplier: 2,
    thresholds: { posts: 10, workforceShare: 0.1, budgetGbp: 250_000 },
    highRiskScore: 15,
    evidenceMinWords: 8,
    acronymAllowList: ["UK", "NHS", "GBP", "FTE", "ICT", "CSV", "PDF", "GP"],
    minDocumentBytes: 1000,
    s188MinWords: 15,
  },
  plan: { defaultWeeks: 12, minimumWeeks: 6 },
  union: { noticeWorkingDays: 10, noticeLinkDays: 7, collectiveConsultationPosts: 20 },
  localCharacteristics: [
    { key: "carers", label: "Carers" },
    { key: "socio_economic", label: "Socio-economic disadvantage" },
    { key: "care_experienced", label: "Care-experienced people" },
  ],
  withholdingGrounds: [
    { key: "foia_s43_commercial", label: "Commercial interests (Freedom of Information Act 2000, section 43)" },
    { key: "foia_s40_personal", label: "Personal information (Freedom of Information Act 2000, section 40)" },
    { key: "foia_s41_confidence", label: "Information provided in confidence (Freedom of Information Act 2000, section 41)" },
    { key: "foia_s36_prejudice", label: "Prejudice to effective conduct of public affairs (Freedom of Information Act 2000, section 36)" },
    { key: "foia_s31_law_enforcement", label: "Law enforcement (Freedom of Information Act 2000, section 31)" },
    { key: "eir_12_5_e", label: "Commercial confidentiality (Environmental Information Regulations 2004, regulation 12(5)(e))" },
  ],
  signIn: {
    localPasswords: true,
    requireTwoFactor: false,
    invitationDays: 7,
    sso: { allowedDomains: [], createAccounts: false, groupsClaim: "groups", groupRoles: [] },
  },
  preElectionPeriods: [],
  establishments: [{ key: "council", label: "All council sites" }],
  challenges: { answerWorkingDays: 10 },
  easyRead: EASY_READ_DEFAULTS,
  paperPacks: PAPER_PACK_DEFAULTS,
  alternativeFormats: ALTERNATIVE_FORMAT_DEFAULTS,
  monitoring: MONITORING_DEFAULTS,
  retention: { monthsAfterDecision: 24 },
};

/** Every characteristic an equality assessment must cover: the nine statutory ones, then local ones. */
export function equalityCharacteristics(settings: Settings): { key: string; label: string }[] {
  return [...STATUTORY_CHARACTERISTICS, ...settings.localCharacteristics];
}

export function characteristicLabel(settings: Settings, key: string): string {
  return equalityCharacteristics(settings).find((c) => c.key === key)?.label ?? key;
}

export function establishmentLabel(settings: Settings, key: string | null): string | null {
  if (key == null) return null;
  return settings.establishments.find((e) => e.key === key)?.label ?? key;
}

export function groundLabel(settings: Settings, key: string): string {
  return settings.withholdingGrounds.find((g) => g.key === key)?.label ?? key;
}

/** Deep-merge stored overrides onto the defaults, validating the result. */
export function mergeSettings(overrides: Record<string, unknown>): Settings {
  const merged = structuredClone(DEFAULT_SETTINGS) as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] =
      current && typeof current === "object" && !Array.isArray(current) && value && typeof value === "object" && !Array.isArray(value)
        ? { ...current, ...value }
        : value;
  }
  return settingsSchema.parse(merged);
}
