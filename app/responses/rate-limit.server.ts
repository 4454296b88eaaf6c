/**
 * Sliding-window rate limits, in memory: one council runs one process, and a restart forgetting
 * recent activity is harmless. Client addresses live only here, never in the database, which
 * is what the privacy notice promises ("a short-lived record of the internet address").
 *
 * Limits that must survive a restart (sign-in links per email address) count rows in the
 * database instead (respondents.server.ts).
 */
import type { Limit } from "./rules";

type Hits = number[];
const buckets = new Map<string, Hits>();
const MAX_KEYS = 50_000;

function recent(key: string, at: number, windowMs: number): Hits {
  return (buckets.get(key) ?? []).filter((when) => at - when < windowMs);
}

function sweep(at: number) {
  if (buckets.size < MAX_KEYS) return;
  // Keys are dropped once nothing in them is younger than a day (the longest window is shorter).
  for (const [key, hits] of buckets) if (!hits.some((when) => at - when < 24 * 60 * 60 * 1000)) buckets.delete(key);
}

/**
 * Count one attempt against every limit for `key`, or none if any limit is already reached
 * (a refused attempt does not use up allowance).
 */
export function takeAllowance(key: string, limits: Limit | Limit[], at: Date): boolean {
  const list = Array.isArray(limits) ? limits : [limits];
  const t = at.getTime();
  sweep(t);
  const longest = Math.max(...list.map((l) => l.windowMs));
  const hits = recent(key, t, longest);
  for (const { limit, windowMs } of list) {
    if (hits.filter((when) => t - when < windowMs).length >= limit) {
      buckets.set(key, hits);
      return false;
    }
  }
  hits.push(t);
  buckets.set(key, hits);
  return true;
}

/** Give back an attempt that turned out not to count (the write was refused for another reason). */
export function refundAllowance(key: string, at: Date) {
  const hits = buckets.get(key);
  if (!hits) return;
  const i = hits.lastIndexOf(at.getTime());
  if (i !== -1) hits.splice(i, 1);
}

export function resetRateLimitsForTests() {
  buckets.clear();
}

/**
 * The client's address as the server put it in the load context (server/app.ts), never from a
 * header a client can set. Unknown addresses (tests, a misconfigured proxy) share one key.
 */
export function addressFrom(context: unknown): string {
  const value = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  return typeof value === "string" && value ? value : "unknown";
}
