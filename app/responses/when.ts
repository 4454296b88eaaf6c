/**
 * "20 November 2026 at 12:05pm", in UK time, the same on server and browser.
 *
 * Written here rather than using formatDateTime from ~/components/format: that one asks Intl for
 * `hour12: true`, which Node's ICU reads as the 0–11 clock ("0:05 pm") while Chromium gives
 * "12:05 pm", so comments posted between noon and one o'clock failed to hydrate.
 * `hourCycle: "h12"` means 1–12 everywhere.
 */
import { DEFAULT_TIME_ZONE } from "~/lib/council-time";
import { formatDateTime } from "~/components/format";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: DEFAULT_TIME_ZONE });
const time = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZone: DEFAULT_TIME_ZONE });

export function formatWhen(value: string | null | undefined, lang?: string): string {
  if (!value) return "";
  // Another interface language: date-fns's 1–12 clock in that language (decision 028).
  if (lang && lang !== "en") return formatDateTime(value, lang);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return "";
  return `${day.format(instant)} at ${time.format(instant).replace(/\s/g, "").toLowerCase()}`;
}
