/**
 * The building blocks of the section forms' schemas, in GOV.UK's words for errors ("Enter…",
 * "must be…"; never "please", "valid" or "invalid"). Pure and shared: the route's action parses
 * with them (parseWithZod) and the page reads the same names.
 *
 * Every form has two buttons. "Continue" asks for the section's answers; "Save and come back
 * later" keeps whatever is there, blanks included. Either way a malformed answer (a number
 * that is not a number, a date that does not exist, text over the limit) is refused, and
 * whether the section is good enough to publish is the gate's business, not the form's.
 */
import { z } from "zod";

export type Mode = "continue" | "save";

/** Which button was pressed: anything but "Continue" saves without asking for answers. */
export function modeOf(formData: FormData): Mode {
  return formData.get("intent") === "continue" ? "continue" : "save";
}

/** The message to show for a blank answer, only when the officer pressed "Continue". */
export function whenContinuing(mode: Mode, message: string): string | undefined {
  return mode === "continue" ? message : undefined;
}

export const LONG_TEXT_MAX = 20_000;
export const SHORT_TEXT_MAX = 300;

function cleanText(value: unknown): string {
  if (typeof value !== "string") return "";
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}

const raw = z.union([z.string(), z.array(z.string())]).optional();

/** Free text: trimmed; blank is null unless `required` (the message) is given. */
export function text(label: string, options: { max?: number; required?: string } = {}) {
  const max = options.max ?? LONG_TEXT_MAX;
  return raw.transform((value, ctx) => {
    const t = cleanText(Array.isArray(value) ? value[0] : value);
    if (!t) {
      if (options.required) ctx.addIssue({ code: "custom", message: options.required });
      return null;
    }
    if (t.length > max) ctx.addIssue({ code: "custom", message: `${label} must be ${max.toLocaleString("en-GB")} characters or fewer` });
    return t;
  });
}

/** A count such as posts or assessments a year: "1,200" is read as 1200. */
export function wholeNumber(label: string, example: string, options: { required?: string; max?: number } = {}) {
  const max = options.max ?? 1_000_000_000;
  return raw.transform((value, ctx) => {
    const t = cleanText(Array.isArray(value) ? value[0] : value).replace(/[,\s£]/g, "");
    if (!t) {
      if (options.required) ctx.addIssue({ code: "custom", message: options.required });
      return null;
    }
    if (!/^\d+$/.test(t)) {
      ctx.addIssue({ code: "custom", message: `${label} must be a whole number, like ${example}` });
      return z.NEVER;
    }
    const n = Number(t);
    if (n > max) {
      ctx.addIssue({ code: "custom", message: `${label} must be ${max.toLocaleString("en-GB")} or less` });
      return z.NEVER;
    }
    return n;
  });
}

/** A figure that may have decimals, such as full-time equivalent posts (11.4). */
export function decimalNumber(label: string, example: string, options: { required?: string; max?: number } = {}) {
  const max = options.max ?? 1_000_000;
  return raw.transform((value, ctx) => {
    const t = cleanText(Array.isArray(value) ? value[0] : value).replace(/[,\s]/g, "");
    if (!t) {
      if (options.required) ctx.addIssue({ code: "custom", message: options.required });
      return null;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(t)) {
      ctx.addIssue({ code: "custom", message: `${label} must be a number, like ${example}` });
      return z.NEVER;
    }
    const n = Number(t);
    if (n > max) {
      ctx.addIssue({ code: "custom", message: `${label} must be ${max.toLocaleString("en-GB")} or less` });
      return z.NEVER;
    }
    return n;
  });
}

/** One of a fixed set of answers (radios, selects). Anything else is refused. */
export function choice<T extends string>(values: readonly T[], message: string, options?: { required?: true }): z.ZodType<T, unknown>;
export function choice<T extends string>(values: readonly T[], message: string, options: { required: boolean }): z.ZodType<T | null, unknown>;
export function choice<T extends string>(values: readonly T[], message: string, options: { required?: boolean } = {}) {
  const required = options.required ?? true;
  return raw.transform((value, ctx): T | null => {
    const t = cleanText(Array.isArray(value) ? value[0] : value);
    if (!t) {
      if (required) ctx.addIssue({ code: "custom", message });
      return null;
    }
    if (!(values as readonly string[]).includes(t)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return t as T;
  });
}

/** Yes or no radios, as "yes"/"no" in the form and a boolean (or null) after parsing. */
export function yesNo(message: string, options: { required?: boolean } = {}) {
  return choice(["yes", "no"] as const, message, { required: options.required ?? true }).transform((v) => (v == null ? null : v === "yes"));
}

/** A single checkbox: ticked or not. */
export const ticked = raw.transform((value) => (Array.isArray(value) ? value.length > 0 : value != null && value !== ""));

/** Checkboxes whose values are ids: every id must be one offered on the page. */
export function idList(allowed: readonly number[], message: string) {
  const offered = new Set(allowed);
  return raw.transform((value, ctx) => {
    const values = value == null ? [] : Array.isArray(value) ? value : [value];
    const ids = [...new Set(values.filter((v) => v !== "").map(Number))];
    if (ids.some((id) => !Number.isInteger(id) || !offered.has(id))) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return ids;
  });
}

export type DateParts = { day?: string; month?: string; year?: string };

/** "2026-01-05" from the three boxes of a GOV.UK date input; null when all three are blank. */
export function isoDateFromParts(parts: DateParts | undefined | null): { iso: string | null; error?: string } {
  const day = cleanText(parts?.day);
  const month = cleanText(parts?.month);
  const year = cleanText(parts?.year);
  if (!day && !month && !year) return { iso: null };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean) as string[];
  if (missing.length) return { iso: null, error: `must include a ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { iso: null, error: "must be a real date" };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { iso: null, error: "must be a real date" };
  return { iso: `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** The three boxes of a date input for a saved ISO date, for the form's defaults. */
export function partsFromIsoDate(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : {};
}

const dateRaw = z
  .union([z.object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() }), z.string()])
  .optional();

/** A GOV.UK date input named `name.day`, `name.month`, `name.year`, as an ISO date or null. */
export function date(label: string, options: { required?: string; notBefore?: { iso: string; message: string } } = {}) {
  return dateRaw.transform((value, ctx) => {
    const { iso, error } = isoDateFromParts(typeof value === "object" ? value : undefined);
    if (error) {
      ctx.addIssue({ code: "custom", message: `${label} ${error}` });
      return z.NEVER;
    }
    if (!iso) {
      if (options.required) ctx.addIssue({ code: "custom", message: options.required });
      return null;
    }
    if (options.notBefore && iso < options.notBefore.iso) {
      ctx.addIssue({ code: "custom", message: options.notBefore.message });
      return z.NEVER;
    }
    return iso;
  });
}

/** The revision of the proposal the page was showing: a later save carrying an older one is refused. */
export const revisionField = z.coerce.number({ error: "Reload the page and try again" }).int().positive();

/** Free text that must be given (a row's description, a title): typed as a string. */
export function requiredText(label: string, message: string, options: { max?: number } = {}) {
  return text(label, { ...options, required: message }).transform((v) => v ?? "");
}
