/**
 * One clock for the whole app. Rules take `now` as an argument; the server reads it from
 * here, and tests move it. The state sits on globalThis because the server bundle and the
 * scheduler (loaded by tsx) each get their own copy of this module in one process.
 */
type ClockState = { offsetMs: number; fixed: Date | null };
const g = globalThis as typeof globalThis & { __plainsightClock?: ClockState };
const state: ClockState = (g.__plainsightClock ??= {
  offsetMs: Number(process.env.PLAINSIGHT_CLOCK_OFFSET_MS ?? 0) || 0,
  fixed: null,
});

export function now(): Date {
  if (state.fixed) return new Date(state.fixed);
  return new Date(Date.now() + state.offsetMs);
}

export function nowIso(): string {
  return now().toISOString();
}

export function setClock(at: Date | null) {
  state.fixed = at;
}

export function advanceClock(ms: number) {
  if (state.fixed) state.fixed = new Date(state.fixed.getTime() + ms);
  else state.offsetMs += ms;
}
