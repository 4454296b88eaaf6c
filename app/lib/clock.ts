/**
 * One clock for the whole app. Rules take `now` as an argument; the server reads it from
 * here, and tests (unit, integration and browser, through PLAINSIGHT_CLOCK_OFFSET_MS in
 * demo mode) move it.
 */
let offsetMs = Number(process.env.PLAINSIGHT_CLOCK_OFFSET_MS ?? 0) || 0;
let fixed: Date | null = null;

export function now(): Date {
  if (fixed) return new Date(fixed);
  return new Date(Date.now() + offsetMs);
}

export function nowIso(): string {
  return now().toISOString();
}

export function setClock(at: Date | null) {
  fixed = at;
}

export function advanceClock(ms: number) {
  if (fixed) fixed = new Date(fixed.getTime() + ms);
  else offsetMs += ms;
}
