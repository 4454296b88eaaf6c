/**
 * The council's settings for reaching everyone affected (issue 14): when an easy read summary is
 * required and how easy it must be, where paper packs go and where to post a response, how soon
 * an alternative format is due, and the borough's population to compare respondents with.
 * Pure; merged into the settings in app/lib/settings.ts. The demo council's are in
 * content/council.yaml.
 */
import { z } from "zod";
import type { PLACE_KINDS as DB_PLACE_KINDS } from "#db/schema";
import { MONITORING_QUESTIONS } from "./monitoring-questions";

// ─── Easy read ─────────────────────────────────────────────────────────────────
export const easyReadSettingsSchema = z.object({
  /** whether the gate asks for an easy read summary at all (for the proposals below) */
  required: z.boolean().default(false),
  /** services used by disabled people or children, by slug: their proposals need one */
  services: z.array(z.string().min(1)).default([]),
  /** and any proposal that rates its impact on one of these characteristics as negative */
  characteristics: z.array(z.string().min(1)).default([]),
  minWords: z.number().int().min(1).default(40),
  maxWords: z.number().int().min(1).default(350),
  /** easy read guidance: one idea a sentence, about 15 words at most */
  maxSentenceWords: z.number().int().min(5).max(40).default(15),
  /** Flesch reading ease; 70 is "fairly easy", above plain English (60) */
  minReadability: z.number().min(0).max(100).default(70),
});
export type EasyReadSettings = z.infer<typeof easyReadSettingsSchema>;
export const EASY_READ_DEFAULTS: EasyReadSettings = easyReadSettingsSchema.parse({});

// ─── Paper packs ───────────────────────────────────────────────────────────────
/** The schema's list, repeated so that pages on the client need not load the schema module. */
export const PLACE_KINDS = ["library", "idea_store", "community_centre", "other"] as const satisfies typeof DB_PLACE_KINDS;
export type PlaceKind = (typeof PLACE_KINDS)[number];

const place = z.object({
  /** never shown; stored with each delivery so the place can be renamed */
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower case words joined by hyphens"),
  name: z.string().min(1),
  kind: z.enum(PLACE_KINDS),
  address: z.string().min(1),
  /** when people can call in, in words ("Monday to Saturday, 9am to 6pm") */
  openingHours: z.string().min(1).optional(),
});
export type PaperPackPlace = z.infer<typeof place>;

export const paperPackSettingsSchema = z.object({
  /** where paper responses go, one line per line of the address */
  postalAddress: z.array(z.string().min(1)).min(1).default(["Consultations Team", "Town Hall", "Freepost"]),
  /** the start of the reference people quote on a paper response ("NBC-0007") */
  referencePrefix: z
    .string()
    .regex(/^[A-Z]{2,6}$/, "must be 2 to 6 capital letters")
    .default("PS"),
  /** where officers can send packs for people to pick up */
  places: z.array(place).default([]),
  /** a phone number to ask for a pack or another format, as written ("01632 960 000") */
  phone: z.string().min(1).optional(),
});
export type PaperPackSettings = z.infer<typeof paperPackSettingsSchema>;
export const PAPER_PACK_DEFAULTS: PaperPackSettings = paperPackSettingsSchema.parse({});

// ─── Alternative formats on request ────────────────────────────────────────────
export const alternativeFormatSettingsSchema = z.object({
  /** working days from a request to sending the format (the accessibility statement promises this) */
  dueWorkingDays: z.number().int().min(1).max(60).default(5),
  /** days after the format was sent (or the request closed) and the consultation closed when the
   * requester's name and contact details are removed */
  keepContactDetailsDays: z.number().int().min(1).max(730).default(90),
});
export type AlternativeFormatSettings = z.infer<typeof alternativeFormatSettingsSchema>;
export const ALTERNATIVE_FORMAT_DEFAULTS: AlternativeFormatSettings = alternativeFormatSettingsSchema.parse({});

// ─── Equality monitoring ───────────────────────────────────────────────────────
const shares = z.record(z.string(), z.number().min(0).max(1));

export const monitoringSettingsSchema = z
  .object({
    /** counts below this are shown as "fewer than N"; figures change in steps of this many forms */
    smallNumber: z.number().int().min(3).max(20).default(5),
    /** the borough's population, for comparison: the share of residents giving each answer */
    population: z
      .object({
        /** where the figures come from, shown beside them ("Census 2021, residents aged 16 and over") */
        source: z.string().min(1),
        /** question key → answer key → share of residents (the shares of a question add up to 1) */
        shares: z.record(z.string(), shares),
      })
      .optional(),
  })
  .superRefine((m, ctx) => {
    for (const [question, answers] of Object.entries(m.population?.shares ?? {})) {
      const q = MONITORING_QUESTIONS.find((x) => x.key === question);
      if (!q) {
        ctx.addIssue({ code: "custom", path: ["population", "shares", question], message: `"${question}" is not a monitoring question` });
        continue;
      }
      for (const answer of Object.keys(answers)) {
        if (!q.answers.some((a) => a.key === answer)) ctx.addIssue({ code: "custom", path: ["population", "shares", question, answer], message: `"${answer}" is not an answer to ${question}` });
      }
      const total = Object.values(answers).reduce((sum, share) => sum + share, 0);
      if (Math.abs(total - 1) > 0.02) ctx.addIssue({ code: "custom", path: ["population", "shares", question], message: `the shares add up to ${total.toFixed(3)}, not 1` });
    }
  });
export type MonitoringSettings = z.infer<typeof monitoringSettingsSchema>;
export const MONITORING_DEFAULTS: MonitoringSettings = { smallNumber: 5 };
