/**
 * Fast mail (issue 13, item 5), against a real SMTP server (smtp-server) on a free port: a pooled
 * transport kept between rounds carries many messages over a few connections, several at once;
 * sign-in links, confirmations and union notices go before bulk mail whatever was queued first;
 * a connection dropped mid-message costs that message a retry, not the round; a server that is
 * down costs a round one attempt; and the staff emails at opening are queued by one statement,
 * one per member, exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import * as t from "#db/schema";
import { db, writeTransaction } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { IN_FLIGHT, SMTP_CONNECTIONS, claimDue, deliverDue, smtpTransport, type MailTransport } from "~/notifications/delivery.server";
import { queueEmail } from "~/notifications/outbox.server";
import { applyTransition, runScheduledTransitions } from "~/proposals/lifecycle.server";
import { proposal, seedCouncil, viewerFor } from "../fixtures/notifications-council";
import { freePort, startSmtp, type TestSmtp } from "../fixtures/notifications-smtp";

let smtp: TestSmtp;
const transports: MailTransport[] = [];
function pooled(url = smtp.url) {
  const transport = smtpTransport(url);
  transports.push(transport);
  return transport;
}

beforeAll(async () => {
  await seedCouncil();
  // Only what each test queues.
  db().delete(t.outbox).run();
  smtp = await startSmtp();
}, 60_000);

afterAll(async () => {
  for (const transport of transports) transport.close();
  setClock(null);
  await smtp.close();
});

// Each test starts with nothing waiting, so a test that fails part-way cannot hand its unsent
// rows to the next one.
beforeEach(() => {
  db().delete(t.outbox).where(inArray(t.outbox.status, ["queued", "sending"])).run();
});

function queue(prefix: string, n: number, event: string) {
  writeTransaction((tx) => {
    for (let i = 0; i < n; i++) queueEmail(tx, { idempotencyKey: `${prefix}:${i}`, event, to: `${prefix}-${i}@example.com`, subject: `${prefix} ${i}`, text: "Hello" });
  });
}

const received = (prefix: string) => smtp.received.filter((m) => m.envelopeTo[0].startsWith(`${prefix}-`));
const statusesOf = (prefix: string) => db().select({ status: t.outbox.status }).from(t.outbox).where(like(t.outbox.idempotencyKey, `${prefix}:%`)).all().map((r) => r.status);

describe("a pooled transport", () => {
  it("carries 120 messages over at most its pool of connections, several in flight, and keeps them open for the next round", async () => {
    smtp.received.length = 0;
    smtp.replyDelayMs = 5;
    const transport = pooled();
    const before = smtp.connections;
    queue("pool", 120, "test");

    expect(await deliverDue({ transport })).toEqual({ sent: 120, retrying: 0, failed: 0 });
    expect(received("pool")).toHaveLength(120);
    expect(new Set(received("pool").map((m) => m.envelopeTo[0])).size).toBe(120);
    const opened = smtp.connections - before;
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThanOrEqual(SMTP_CONNECTIONS);
    expect(smtp.maxInFlight).toBeGreaterThan(1);
    expect(smtp.maxInFlight).toBeLessThanOrEqual(IN_FLIGHT);

    // The next round reuses the open connections.
    queue("pool-again", 20, "test");
    expect(await deliverDue({ transport })).toMatchObject({ sent: 20 });
    expect(smtp.connections - before).toBe(opened);
    smtp.replyDelayMs = 0;
  });
});

describe("priorities", () => {
  it("a sign-in link, a confirmation and a union notice queued after 300 bulk emails are sent before any of them", async () => {
    smtp.received.length = 0;
    queue("bulk", 300, "staff_opened");
    queue("signin", 1, "respondent.sign_in_link");
    queue("confirm", 1, "subscribe_confirm");
    queue("notice", 1, "union_notice");

    // The first round (it may stop at its limit): what went first matters.
    expect((await deliverDue({ transport: pooled() })).sent).toBeGreaterThan(0);
    const order = smtp.received.map((m) => m.envelopeTo[0]);
    // The most urgent goes alone, first; the other two urgent ones and the notice go out with the
    // next batch (the first IN_FLIGHT * 2 claimed), whose messages are in flight together.
    expect(order[0]).toMatch(/^(signin|confirm)-0@/);
    // Which of the messages in flight together over five connections arrives first is the
    // network's doing; that all three urgent ones are sent in the first round is the worker's.
    for (const address of ["signin-0@example.com", "confirm-0@example.com", "notice-0@example.com"]) {
      expect(order.indexOf(address), address).toBeGreaterThan(-1);
    }
    expect(order.filter((a) => a.startsWith("bulk-")).length).toBeGreaterThan(1 + 2 * IN_FLIGHT);
    // Everything else follows, exactly once.
    while ((await deliverDue({ transport: pooled() })).sent);
    expect(received("bulk")).toHaveLength(300);
    expect(new Set(received("bulk").map((m) => m.envelopeTo[0])).size).toBe(300);
  });
});

describe("what the worker takes first", () => {
  it("claims the sign-in link, the confirmation and the union notice before any of 50 bulk emails queued earlier", () => {
    queue("bulk-claim", 50, "staff_opened");
    queue("signin-claim", 1, "respondent.sign_in_link");
    queue("notice-claim", 1, "union_notice");
    queue("confirm-claim", 1, "subscribe_confirm");
    const first = claimDue(new Date(Date.now() + 60_000), 3).map((r) => r.idempotencyKey.split(":")[0]);
    expect(first.sort()).toEqual(["confirm-claim", "notice-claim", "signin-claim"]);
    db().delete(t.outbox).where(like(t.outbox.idempotencyKey, "%-claim:%")).run();
  });
});

describe("a server that drops connections", () => {
  it("with one message in ten dropped mid-send, one round sends all 100, each exactly once, and nothing waits for a later round", async () => {
    smtp.received.length = 0;
    smtp.mode = { kind: "drop-every", n: 10 };
    const droppedBefore = smtp.dropped;
    queue("drops", 100, "test");

    const report = await deliverDue({ transport: pooled() });
    smtp.mode = { kind: "accept" };
    expect(smtp.dropped - droppedBefore).toBeGreaterThanOrEqual(10);
    expect(report).toEqual({ sent: 100, retrying: 0, failed: 0 });
    expect(received("drops")).toHaveLength(100);
    expect(new Set(received("drops").map((m) => m.envelopeTo[0])).size).toBe(100);
    expect(statusesOf("drops").every((s) => s === "sent")).toBe(true);
  });

  it("a server that is not there costs a round one attempt: the rest stay queued, untouched", async () => {
    queue("down", 20, "test");
    const report = await deliverDue({ transport: pooled(`smtp://127.0.0.1:${await freePort()}`) });
    expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const rows = db().select().from(t.outbox).where(like(t.outbox.idempotencyKey, "down:%")).all();
    expect(rows.filter((r) => r.attempts === 1)).toHaveLength(1);
    expect(rows.filter((r) => r.attempts === 0 && r.status === "queued")).toHaveLength(19);
    expect(rows.find((r) => r.attempts === 1)!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    db().delete(t.outbox).where(like(t.outbox.idempotencyKey, "down:%")).run();
  });
});

describe("staff emails at opening", () => {
  it("one email per member of each affected group (10,000 here), queued with the opening, once, with header-safe addresses", async () => {
    const slug = "garden-waste-collections";
    const p = proposal(slug);
    expect(p.staffGroups.length).toBeGreaterThan(0);
    const group = db().select().from(t.staffGroups).where(eq(t.staffGroups.id, p.staffGroups[0].id)).get()!;
    // Members rather than a list: every member gets their own email.
    db().update(t.staffGroups).set({ distributionEmail: null }).where(inArray(t.staffGroups.id, p.staffGroups.map((g) => g.id))).run();
    db().delete(t.staffGroupMembers).where(inArray(t.staffGroupMembers.staffGroupId, p.staffGroups.map((g) => g.id))).run();
    const members = Array.from({ length: 10_000 }, (_, i) => ({ staffGroupId: group.id, email: `member${i}@northmoor.example.gov.uk` }));
    writeTransaction((tx) => {
      for (let i = 0; i < members.length; i += 500) tx.insert(t.staffGroupMembers).values(members.slice(i, i + 500)).run();
      // The same person twice in other case: one email.
      tx.insert(t.staffGroupMembers).values({ staffGroupId: group.id, email: "MEMBER1@northmoor.example.gov.uk" }).run();
    });
    db().delete(t.outbox).run();

    const approver = await viewerFor("approver@northmoor.example");
    expect(applyTransition("approve", p.id, { kind: "person", viewer: approver }).ok).toBe(true);
    // The notice period runs from the union notices' delivery.
    while ((await deliverDue({ transport: pooled() })).sent);
    setClock(new Date(`${proposal(slug).opensOn}T06:00:00.000Z`));
    expect(runScheduledTransitions().opened).toContain(slug);

    // (Another consultation may open at the same moment: only this one's emails are counted.)
    const rows = db().select().from(t.outbox).where(and(eq(t.outbox.event, "staff_opened"), eq(t.outbox.proposalId, p.id))).all();
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r.toAddress.toLowerCase())).size).toBe(10_000);
    const one = rows.find((r) => r.toAddress === "member42@northmoor.example.gov.uk")!;
    expect(one).toMatchObject({ status: "queued", proposalId: p.id, idempotencyKey: `staff-opened:${p.id}:${group.id}:member42@northmoor.example.gov.uk` });
    expect(one.subject).toContain(p.title);
    expect(one.textBody).toContain(`/consultations/${slug}`);
    expect(one.subject).not.toMatch(/[\r\n]/);
    // The public record counts the group as told.
    expect(db().select().from(t.staffNotifications).where(eq(t.staffNotifications.staffGroupId, group.id)).all()).toHaveLength(1);
  }, 120_000);
});
