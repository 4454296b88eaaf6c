/**
 * The forms for alternative formats: one zod schema per form, used by the page (Conform) and
 * the action. Free text is plain text, length-limited and stored normalised the way comments are
 * (control characters removed, outer spaces trimmed; shown as text, never as HTML). Messages
 * follow the GOV.UK pattern; the words are here in one place for the translation catalogues.
 */
import { z } from "zod";
import { translator, type Translate } from "~/i18n/i18n";
import { normaliseText } from "~/responses/rules";
import { ADDRESS_MAX_CHARS, DETAILS_MAX_CHARS, FORMAT_KINDS, FORMAT_REQUEST_STATUSES, LANGUAGE_MAX_CHARS, NAME_MAX_CHARS, OFFICER_CHANNELS, OFFICER_NOTE_MAX_CHARS, PHONE_MAX_CHARS } from "./formats";

export const HONEYPOT_FIELD = "website";

const n = (value: number) => value.toLocaleString("en-GB");

export const M = {
  format: "Select the format you need",
  language: "Enter the language you need the translation in",
  name: "Enter your name",
  contact: "Enter an email address, phone number or postal address, so that we can send it to you",
  email: "Enter an email address in the correct format, like name@example.com",
  phone: "Enter a phone number, like 01632 960 001 or 07700 900 982",
  tooLong: (what: string, max: number) => `${what} must be ${n(max)} characters or fewer`,
  channel: "Select how the request came in",
  consultation: "Select the consultation",
  status: "Select what has happened to the request",
  sentOn: "Enter the date it was sent",
  sentOnReal: "The date it was sent must be a real date",
};

/** Optional plain text: normalised, blank is undefined, over the limit is refused. */
const text = (max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v == null ? undefined : normaliseText(v) || undefined))
    .refine((v) => v == null || v.length <= max, { error: M.tooLong(what, max) });

const requestShape = {
  format: z.enum(FORMAT_KINDS, { error: M.format }),
  language: text(LANGUAGE_MAX_CHARS, "The language"),
  name: text(NAME_MAX_CHARS, "Your name"),
  email: text(254, "Email address").refine((v) => v == null || z.email().safeParse(v).success, { error: M.email }),
  phone: text(PHONE_MAX_CHARS, "Phone number").refine((v) => v == null || /^\+?[0-9 ()-]{6,}$/.test(v), { error: M.phone }),
  postalAddress: text(ADDRESS_MAX_CHARS, "Postal address"),
  details: text(DETAILS_MAX_CHARS, "What you tell us"),
};

type RequestValues = { format: string; language?: string; name?: string; email?: string; phone?: string; postalAddress?: string };

function requestRules(v: RequestValues, ctx: z.RefinementCtx) {
  if (v.format === "translation" && !v.language) ctx.addIssue({ code: "custom", path: ["language"], message: M.language });
  if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: M.name });
  if (!v.email && !v.phone && !v.postalAddress) ctx.addIssue({ code: "custom", path: ["email"], message: M.contact });
}

/** The public form. */
export const formatRequestSchema = formatRequestSchemaIn(translator("en"));

/**
 * The public form with its messages in the page's language (`t` from the translation layer);
 * the same rules as formatRequestSchema.
 */
export function formatRequestSchemaIn(t: Translate) {
  const e = (key: string, values?: Record<string, unknown>) => (t as unknown as (k: string, v?: Record<string, unknown>) => string)(`consultationPages.formats.errors.${key}`, values);
  const long = (max: number, what: string) => e("tooLong", { what: e(what), max: n(max) });
  const tr = (max: number, what: string) =>
    z
      .string()
      .optional()
      .transform((v) => (v == null ? undefined : normaliseText(v) || undefined))
      .refine((v) => v == null || v.length <= max, { error: long(max, what) });
  return z
    .object({
      format: z.enum(FORMAT_KINDS, { error: e("format") }),
      language: tr(LANGUAGE_MAX_CHARS, "whatLanguage"),
      name: tr(NAME_MAX_CHARS, "whatName"),
      email: tr(254, "whatEmail").refine((v) => v == null || z.email().safeParse(v).success, { error: e("email") }),
      phone: tr(PHONE_MAX_CHARS, "whatPhone").refine((v) => v == null || /^\+?[0-9 ()-]{6,}$/.test(v), { error: e("phone") }),
      postalAddress: tr(ADDRESS_MAX_CHARS, "whatAddress"),
      details: tr(DETAILS_MAX_CHARS, "whatDetails"),
      [HONEYPOT_FIELD]: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.format === "translation" && !v.language) ctx.addIssue({ code: "custom", path: ["language"], message: e("language") });
      if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: e("name") });
      if (!v.email && !v.phone && !v.postalAddress) ctx.addIssue({ code: "custom", path: ["email"], message: e("contact") });
    });
}

/** An officer recording a request made by phone, email, letter or in person. */
export const officerFormatRequestSchema = z
  .object({
    ...requestShape,
    proposalId: z.coerce.number({ error: M.consultation }).int().positive({ error: M.consultation }),
    channel: z.enum(OFFICER_CHANNELS, { error: M.channel }),
  })
  .superRefine(requestRules);

/** A calendar date from three boxes (day, month, year), or undefined when all are blank. */
const dateParts = z
  .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
  .optional()
  .transform((v, ctx) => {
    const parts = [v?.day, v?.month, v?.year].map((x) => (x ?? "").trim());
    if (parts.every((x) => x === "")) return undefined;
    const [d, m, y] = parts.map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (!parts.every((x) => /^\d{1,4}$/.test(x)) || y < 2000 || y > 2100 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: "custom", message: M.sentOnReal });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });

/** Moving a request on in the queue. */
export const formatStatusSchema = z
  .object({
    status: z.enum(FORMAT_REQUEST_STATUSES, { error: M.status }),
    sentOn: dateParts,
    officerNote: text(OFFICER_NOTE_MAX_CHARS, "The note"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "sent" && !v.sentOn) ctx.addIssue({ code: "custom", path: ["sentOn"], message: M.sentOn });
  });
