/**
 * Formatting for people: dates as "12 February 2027", money as "£540,000", sizes as "412 KB".
 * Pure and deterministic on server and client alike (the same text renders on both, so
 * hydration matches): calendar dates are formatted as written, instants in UK time.
 */
import { format, isValid, parseISO, type Locale } from "date-fns";
import { bn } from "date-fns/locale";
import { DEFAULT_TIME_ZONE } from "~/lib/council-time";

/**
 * Dates in the interface language (issue 14): English as before; Bengali by date-fns's `bn`
 * locale (Bengali month and day names, Latin digits, decision 028). An unknown code is English.
 */
const DATE_LOCALES: Record<string, Locale> = { bn };

/** The calendar day and clock time of an instant in UK time, as a local Date for date-fns. */
function ukWallClock(instant: Date): Date {
  const parts = Object.fromEntries(ukParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return new Date(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute));
}
const ukParts = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23", timeZone: DEFAULT_TIME_ZONE });

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const ukDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: DEFAULT_TIME_ZONE });
const ukTime = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZone: DEFAULT_TIME_ZONE });

/** "12 February 2027" from "2027-02-12" or an ISO timestamp (read in UK time); "" if missing or malformed. */
export function formatDate(value: string | null | undefined, lang?: string): string {
  if (!value) return "";
  const locale = lang ? DATE_LOCALES[lang] : undefined;
  if (DATE_ONLY.test(value)) {
    const day = parseISO(value);
    return isValid(day) ? format(day, "d MMMM yyyy", { locale }) : "";
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return "";
  return locale ? format(ukWallClock(instant), "d MMMM yyyy", { locale }) : ukDate.format(instant);
}

/** "12 February 2027 at 3:05pm" from an ISO timestamp, in UK time ("12 ফেব্রুয়ারি 2027, 3:05 অপরাহ্ন" in Bengali). */
export function formatDateTime(value: string | null | undefined, lang?: string): string {
  if (!value) return "";
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return "";
  const locale = lang ? DATE_LOCALES[lang] : undefined;
  if (locale) return format(ukWallClock(instant), "d MMMM yyyy, h:mm a", { locale });
  return `${ukDate.format(instant)} at ${ukTime.format(instant).replace(/\s/g, "").toLowerCase()}`;
}

const wholeNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** "1,200"; decimals only where the number has them ("11.4"). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? wholeNumber.format(value) : decimal.format(value);
}

/** "£540,000" (always positive: say "saving" or "increase" beside it). */
export function formatMoney(value: number): string {
  return `£${wholeNumber.format(Math.abs(value))}`;
}

/** "25%" from 0.25; one decimal place below 10% ("2.5%") so small shares do not read as zero. */
export function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent > 0 && percent < 10 && !Number.isInteger(percent)) return `${decimal.format(percent)}%`;
  return `${wholeNumber.format(Math.round(percent))}%`;
}

/** "412 KB", "1.2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${wholeNumber.format(Math.round(bytes / 1000))} KB`;
  return `${decimal.format(bytes / 1_000_000)} MB`;
}

/** "PDF", "Word document"... for link text such as "Business case (PDF, 412 KB)". */
export function fileTypeLabel(mimeType: string, filename = ""): string {
  const known: Record<string, string> = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/msword": "Word document",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
    "application/vnd.ms-excel": "Excel spreadsheet",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
    "text/csv": "CSV",
    "text/plain": "text file",
    "text/html": "HTML",
  };
  if (known[mimeType]) return known[mimeType];
  const ext = /\.([a-z0-9]{1,5})$/i.exec(filename)?.[1];
  return ext ? ext.toUpperCase() : "file";
}

/** "1 staff group", "3 staff groups". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
