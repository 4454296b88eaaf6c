/**
 * Alternative formats on request: what can be asked for, when it is due, when it is late, and
 * what the public page says about how many were asked for and met. Pure; the words are here in
 * one place for the translation catalogues.
 *
 * Due dates count working days (Monday to Friday, less England and Wales bank holidays) on the
 * council's calendar from the day the request came in: a request on a Friday afternoon with 5
 * working days is due the next Friday. A request is late from the day after it was due.
 */
import type { FORMAT_KINDS as DB_FORMAT_KINDS, FORMAT_REQUEST_CHANNELS as DB_CHANNELS, FORMAT_REQUEST_STATUSES as DB_STATUSES } from "#db/schema";
import { addWorkingDays } from "~/lib/working-days";
import { en } from "~/i18n/catalogues/en";
import { translator, type Translate } from "~/i18n/i18n";

/** The schema's lists, repeated so that pages on the client need not load the schema module. */
export const FORMAT_KINDS = ["large_print", "audio", "braille", "easy_read", "bsl_video", "translation"] as const satisfies typeof DB_FORMAT_KINDS;
export type FormatKind = (typeof FORMAT_KINDS)[number];
export const FORMAT_REQUEST_STATUSES = ["received", "in_progress", "sent", "cancelled"] as const satisfies typeof DB_STATUSES;
export type FormatRequestStatus = (typeof FORMAT_REQUEST_STATUSES)[number];
export const FORMAT_REQUEST_CHANNELS = ["online", "phone", "email", "in_person", "post"] as const satisfies typeof DB_CHANNELS;
export type FormatRequestChannel = (typeof FORMAT_REQUEST_CHANNELS)[number];
/** How an officer can have taken a request: everything but the public form. */
export const OFFICER_CHANNELS = ["phone", "email", "in_person", "post"] as const satisfies readonly FormatRequestChannel[];

/** English names of the formats, from the catalogue (consultationPages.formats.kinds): one wording. */
export const FORMAT_LABELS: Record<FormatKind, string> = en.consultationPages.formats.kinds;

export const FORMAT_HINTS: Partial<Record<FormatKind, string>> = en.consultationPages.formats.hints;

export const STATUS_LABELS: Record<FormatRequestStatus, string> = {
  received: "Received",
  in_progress: "Being prepared",
  sent: "Sent",
  cancelled: "No longer needed",
};

export const CHANNEL_LABELS: Record<FormatRequestChannel, string> = {
  online: "Online form",
  phone: "Phone",
  email: "Email",
  in_person: "In person",
  post: "Letter",
};

export const LANGUAGE_MAX_CHARS = 60;
export const NAME_MAX_CHARS = 100;
export const PHONE_MAX_CHARS = 30;
export const ADDRESS_MAX_CHARS = 300;
export const DETAILS_MAX_CHARS = 1000;
export const OFFICER_NOTE_MAX_CHARS = 1000;

/** The date a request made on `receivedOn` (a council calendar date) is due. */
export function formatDueOn(receivedOn: string, workingDays: number, bankHolidays: ReadonlySet<string>): string {
  return addWorkingDays(receivedOn, workingDays, bankHolidays);
}

export function isOpen(status: FormatRequestStatus): boolean {
  return status === "received" || status === "in_progress";
}

/** Still to be sent, and today (a council calendar date) is after the day it was due. */
export function isOverdue(r: { status: FormatRequestStatus; dueOn: string }, today: string): boolean {
  return isOpen(r.status) && today > r.dueOn;
}

/** Sent no later than it was due. */
export function metOnTime(r: { status: FormatRequestStatus; dueOn: string; sentOn: string | null }): boolean {
  return r.status === "sent" && r.sentOn != null && r.sentOn <= r.dueOn;
}

export type FormatCounts = { asked: number; met: number; onTime: number; waiting: number };

/**
 * What the public page reports: requests asked for (those withdrawn by the person who asked are
 * not counted), how many were met (sent), how many on time, and how many are still being prepared.
 */
export function formatCounts(requests: readonly { status: FormatRequestStatus; dueOn: string; sentOn: string | null }[]): FormatCounts {
  const asked = requests.filter((r) => r.status !== "cancelled");
  return {
    asked: asked.length,
    met: asked.filter((r) => r.status === "sent").length,
    onTime: asked.filter(metOnTime).length,
    waiting: asked.filter((r) => isOpen(r.status)).length,
  };
}

/**
 * The public page's sentence: "3 people asked for this consultation in another format. All 3 were
 * sent, 2 on time." In the page's language: `t` from the translation layer.
 */
export function formatCountsSentence(c: FormatCounts, t: Translate = translator("en")): string | null {
  if (c.asked === 0) return null;
  const people = t("consultationPages.formats.counts.asked", { asked: c.asked });
  const sent = c.met === c.asked ? t("consultationPages.formats.counts.allSent", { asked: c.asked }) : t("consultationPages.formats.counts.someSent", { met: c.met, asked: c.asked });
  const late = c.met > 0 && c.onTime < c.met ? t("consultationPages.formats.counts.someOnTime", { onTime: c.onTime }) : c.met > 0 ? t("consultationPages.formats.counts.onTime") : "";
  const waiting = c.waiting ? ` ${t("consultationPages.formats.counts.waiting", { waiting: c.waiting })}` : "";
  return `${people} ${sent}${late}${t("consultationPages.formats.counts.end")}${waiting}`;
}

/**
 * A reference people can quote on the phone: six characters from letters and digits that cannot
 * be mistaken for each other (no 0/O, 1/I/L), after "AF-". `random` returns 0 ≤ n < 1.
 */
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function formatReference(random: () => number): string {
  let out = "";
  for (let i = 0; i < 6; i++) out += REFERENCE_ALPHABET[Math.floor(random() * REFERENCE_ALPHABET.length)];
  return `AF-${out}`;
}
