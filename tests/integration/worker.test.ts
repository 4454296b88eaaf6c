/**
 * The worker as it runs (server/scheduler.ts): its tick records the daily audit check, which the
 * admin page shows, including the warning after someone changed an entry; and stopping it (what
 * SIGTERM does) lets the emails in flight finish and puts the ones it had claimed but not sent
 * back in the queue, for the next worker to send at once.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase, writeTransaction } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { createUserSession } from "~/auth/session.server";
import { advanceClock, now, setClock } from "~/lib/clock";
import { resetEnvForTests } from "~/lib/env.server";
import { claimDue } from "~/notifications/delivery.server";
import { queueEmail } from "~/notifications/outbox.server";
import * as adminPage from "~/routes/staff.admin._index";
import { runSchedulerOnce, startScheduler } from "../../server/scheduler";
import { tamperAuditEntry } from "../fixtures/audit-tamper";
import { startSmtp, type TestSmtp } from "../fixtures/notifications-smtp";

const START = new Date("2026-06-01T09:00:00Z");
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
let smtp: TestSmtp | null = null;

beforeAll(async () => {
  setClock(START);
  migrateDatabase(db());
  db().$client.exec("INSERT INTO users (id, email, name) VALUES (1, 'admin@council.example', 'Ada Admin'), (2, 'approver@council.example', 'The real approver'), (3, 'other@council.example', 'Someone else'); INSERT INTO user_roles (user_id, role) VALUES (1, 'admin');");
  writeTransaction((tx) => {
    for (let i = 1; i <= 12; i++) appendAudit(tx, { actorId: i === 6 ? 2 : null, action: i === 6 ? "proposal.approve" : "proposal.edit", entityType: "proposal", entityId: 1, detail: { step: i } });
  });
});

afterAll(async () => {
  setClock(null);
  await smtp?.close();
  delete process.env.SMTP_URL;
  resetEnvForTests();
});

/**
 * The admin page as the admin sees it, the loader's answer rendered by the page, as text. The
 * admin signs in first (the clock moves on by days here), which adds an entry to the log.
 */
async function adminHome(): Promise<string> {
  const adminCookie = ((await createUserSession(1, "/staff/admin")).headers.get("Set-Cookie") ?? "").split(";")[0];
  const loaderData = await adminPage.loader({ request: new Request("http://localhost/staff/admin", { headers: { Cookie: adminCookie } }), params: {}, context: {} });
  const router = createMemoryRouter([{ id: "page", path: "*", Component: adminPage.default }], { initialEntries: ["/staff/admin"], hydrationData: { loaderData: { page: loaderData } } });
  // React warns that the router's layout effects do nothing on the server: true, and beside the point.
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return renderToStaticMarkup(createElement(RouterProvider, { router })).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  } finally {
    quiet.mockRestore();
  }
}

/** A tick of the worker, with what it logged. */
function tick(): string[] {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    runSchedulerOnce();
    return log.mock.calls.map((c) => String(c[0]));
  } finally {
    log.mockRestore();
  }
}

const checks = () => db().select().from(t.auditChecks).orderBy(t.auditChecks.id).all();

describe("the worker's daily audit check", () => {
  it("records an intact chain and its head once a day, and the admin page says so", async () => {
    // The admin's sign-in is entry 13.
    expect(await adminHome()).toContain("Not checked yet: the worker checks the chain once a day.");
    const logged = tick();
    expect(checks()).toEqual([expect.objectContaining({ at: START.toISOString(), ok: true, entries: 13, headId: 13, firstBadId: null })]);
    expect(logged).toContainEqual(expect.stringMatching(/^Audit log: 13 entries, intact\. Head: entry 13 [0-9a-f]{64}$/));
    // The next tick the same day checks nothing again.
    advanceClock(20 * MINUTE);
    tick();
    expect(checks()).toHaveLength(1);
    const page = await adminHome();
    expect(page).toContain("Intact: 13 entries checked on 1 Jun 2026, 10:00.");
    expect(page).not.toContain("The audit log failed its check");
  });

  it("after someone changes an entry and recomputes the later hashes, the next day's check records it and the admin page warns", async () => {
    tamperAuditEntry(db().$client, 6, (row) => (row.actor_id = 3));

    advanceClock(24 * HOUR);
    const logged = tick();
    expect(checks().at(-1)).toMatchObject({ ok: false, firstBadId: 6, entries: 6 });
    expect(logged).toContainEqual(expect.stringContaining("Audit log: NOT intact. Entry 6 (proposal.approve"));
    const page = await adminHome();
    expect(page).toContain("The audit log failed its check");
    expect(page).toContain("Entry 6 (proposal.approve");
    expect(page).toContain("is the first that does not verify: its content does not match its keyed hash (it was changed).");
    expect(page).toContain("Not intact: 6 entries checked on 2 Jun 2026, 10:20.");
  });
});

describe("stopping the worker (SIGTERM)", () => {
  it("finishes the emails in flight and puts the ones it claimed but did not send back in the queue", async () => {
    smtp = await startSmtp();
    // Slow enough that a round is still sending when the stop comes.
    smtp.replyDelayMs = 400;
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    writeTransaction((tx) => {
      for (let i = 0; i < 40; i++) queueEmail(tx, { idempotencyKey: `stop-test:${i}`, event: "subscription_confirm", to: `resident${i}@example.com`, subject: `Message ${i}`, text: "Hello" });
    });
    const status = () => Object.fromEntries(db().select({ status: t.outbox.status, n: sql<number>`count(*)` }).from(t.outbox).groupBy(t.outbox.status).all().map((r) => [r.status, r.n]));

    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    let logged: string[];
    try {
      const scheduler = startScheduler({ transitionsEveryMs: 3_600_000, outboxEveryMs: 3_600_000 });
      // The first message has gone and a wider round is under way: more claimed than in flight.
      await expect.poll(() => smtp!.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await expect.poll(() => status().sending ?? 0, { timeout: 15_000 }).toBeGreaterThan(10);
      await scheduler.stop();
      logged = log.mock.calls.map((c) => String(c[0]));
    } finally {
      log.mockRestore();
    }

    const rows = db().select().from(t.outbox).all();
    const sent = rows.filter((r) => r.status === "sent");
    const back = rows.filter((r) => r.status === "queued");
    // Nothing is left claimed by a worker that has gone.
    expect(rows.filter((r) => r.status === "sending")).toEqual([]);
    // What was in flight finished: every message the server confirmed is recorded as sent.
    expect(sent.map((r) => r.toAddress).sort()).toEqual(smtp.received.map((m) => m.envelopeTo.join(",")).sort());
    expect(sent.length + back.length).toBe(40);
    // Claimed and not sent: handed back, the attempt not counted, due now.
    const handedBack = back.filter((r) => r.claimedUntil === null && r.attempts === 0 && Date.parse(r.nextAttemptAt) <= now().getTime());
    expect(handedBack).toHaveLength(back.length);
    const released = logged.find((l) => l.startsWith("Outbox: ") && l.includes("handed back for the next worker"));
    expect(released).toMatch(/^Outbox: \d+ claimed emails? handed back for the next worker$/);
    expect(Number(/\d+/.exec(released!)![0])).toBeGreaterThan(0);
    // The next worker takes them at once, not after the lease lapses.
    expect(claimDue(now(), 100).map((r) => r.id).sort((a, b) => a - b)).toEqual(back.map((r) => r.id).sort((a, b) => a - b));
    expect(db().select().from(t.outbox).where(eq(t.outbox.status, "queued")).all()).toEqual([]);
  }, 60_000);
});
