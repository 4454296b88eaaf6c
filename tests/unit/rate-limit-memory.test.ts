/**
 * The in-memory rate limits stay bounded however many clients there are: at most MAX_KEYS keys,
 * the least recently used one going when a new key would pass the cap (so a flood of new
 * addresses cannot grow the process, and the clients still active keep their counts), and keys
 * with nothing left in their window dropped by a timer, not by walking the map on a request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type RateLimit = typeof import("~/responses/rate-limit.server");
let rl: RateLimit;

beforeEach(async () => {
  // A fresh module each time: its map and its timer start empty.
  vi.resetModules();
  rl = await import("~/responses/rate-limit.server");
});

afterEach(() => {
  vi.useRealTimers();
  rl.resetRateLimitsForTests();
});

const MINUTE = 60_000;
const ONCE_A_MINUTE = { limit: 1, windowMs: MINUTE };
const T = new Date("2026-06-01T09:00:00Z");

describe("the in-memory limits", () => {
  it("hold at most MAX_KEYS keys, dropping the least recently used, and a dropped key starts afresh", () => {
    expect(rl.MAX_KEYS).toBe(50_000);
    for (let i = 0; i < rl.MAX_KEYS; i++) expect(rl.takeAllowance(`address-${i}`, ONCE_A_MINUTE, T)).toBe(true);
    expect(rl.memoryKeyCount()).toBe(rl.MAX_KEYS);
    // address-0 comes back (refused: it has had its one): now the most recently used.
    expect(rl.takeAllowance("address-0", ONCE_A_MINUTE, T)).toBe(false);

    // A thousand new addresses: the cap holds, and the oldest untouched ones go.
    for (let i = 0; i < 1000; i++) rl.takeAllowance(`new-${i}`, ONCE_A_MINUTE, T);
    expect(rl.memoryKeyCount()).toBe(rl.MAX_KEYS);
    // Kept: the one used again, and the newest.
    expect(rl.takeAllowance("address-0", ONCE_A_MINUTE, T)).toBe(false);
    expect(rl.takeAllowance(`address-${rl.MAX_KEYS - 1}`, ONCE_A_MINUTE, T)).toBe(false);
    expect(rl.takeAllowance("new-999", ONCE_A_MINUTE, T)).toBe(false);
    // Dropped: address-1 to address-1000, whose counts are forgotten.
    expect(rl.takeAllowance("address-1", ONCE_A_MINUTE, T)).toBe(true);
    expect(rl.takeAllowance("address-1000", ONCE_A_MINUTE, T)).toBe(true);
    expect(rl.memoryKeyCount()).toBe(rl.MAX_KEYS);
  });

  it("sweepMemory drops the keys with nothing left in their longest window and keeps the rest", () => {
    const tenMinutes = [ONCE_A_MINUTE, { limit: 5, windowMs: 10 * MINUTE }];
    rl.takeAllowance("short", ONCE_A_MINUTE, T);
    rl.takeAllowance("long", tenMinutes, T);
    rl.takeAllowance("recent", ONCE_A_MINUTE, new Date(T.getTime() + 4.5 * MINUTE));
    // Five minutes on: "short" has nothing left in its minute; "long" and "recent" have.
    expect(rl.sweepMemory(T.getTime() + 5 * MINUTE)).toBe(1);
    expect(rl.memoryKeyCount()).toBe(2);
    expect(rl.takeAllowance("recent", ONCE_A_MINUTE, new Date(T.getTime() + 5 * MINUTE))).toBe(false);
    expect(rl.takeAllowance("short", ONCE_A_MINUTE, new Date(T.getTime() + 5 * MINUTE))).toBe(true);
    expect(rl.sweepMemory(T.getTime() + 11 * MINUTE)).toBe(3);
    expect(rl.memoryKeyCount()).toBe(0);
  });

  it("are swept by a timer: expired keys stay through later requests and go at the next sweep", () => {
    vi.useFakeTimers({ now: T });
    for (let i = 0; i < 1000; i++) rl.takeAllowance(`address-${i}`, ONCE_A_MINUTE, new Date());
    vi.advanceTimersByTime(30_000);
    // A request does not walk the map: the others are still there (inside their window, too).
    rl.takeAllowance("late", ONCE_A_MINUTE, new Date());
    expect(rl.memoryKeyCount()).toBe(1001);
    // The sweep every minute: at 60 s the first thousand are exactly a minute old, and go.
    vi.advanceTimersByTime(30_000);
    expect(rl.memoryKeyCount()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(rl.memoryKeyCount()).toBe(0);
  });
});
