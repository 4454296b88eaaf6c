/**
 * Email that is never lost, against a real SMTP server (smtp-server) started here: recipients,
 * subjects and one-click unsubscribe headers as sent; the server down while a consultation
 * opens; 4xx and 5xx answers; header injection; and a worker process killed mid-send and
 * started again. Each case counts what arrived: exactly one copy of every email.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db, writeTransaction } from "#db/client.server";
import { now, setClock } from "~/lib/clock";
import { env } from "~/lib/env.server";
import { domainOf, messageIdFor } from "~/notifications/delivery";
import { deliverDue, smtpTransport } from "~/notifications/delivery.server";
import { listOutbox, queueEmail, retryEmail } from "~/notifications/outbox.server";
import { requestSubscription } from "~/notifications/subscriptions.server";
import { applyTransition, runScheduledTransitions } from "~/proposals/lifecycle.server";
import { action as confirmAction } from "~/routes/subscribe.confirm.$token";
import { loader as outboxLoader } from "~/routes/staff.admin.outbox";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/unsubscribe.$token";
import { DAY, cookieFor, get, linkIn, outboxFor, proposal, run, seedCouncil, user, viewerFor } from "../fixtures/notifications-council";
import { eventually, freePort, startSmtp, type Received, type TestSmtp } from "../fixtures/notifications-smtp";

const SLUG = "garden-waste-collections";
const RESIDENT = "resident@example.com";

let port: number;
let smtpUrl: string;
let smtp: TestSmtp | null = null;

const deliver = () => deliverDue({ transport: smtpTransport(smtpUrl) });
const to = (m: Received) => m.envelopeTo.join(",");
/** A header exactly as it arrived (unfolded), or null. */
const rawHeader = (m: Received, name: string) => {
  const line = m.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line ? line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim() : null;
};
const copiesOf = (address: string) => smtp!.received.filter((m) => m.envelopeTo.includes(address)).length;

beforeAll(async () => {
  await seedCouncil();
  port = await freePort();
  smtpUrl = `smtp://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  setClock(null);
  await smtp?.close();
});

describe("delivery through a real SMTP server", () => {
  it("sends one message per recipient with its subject, from the council, with a Message-ID from its key", async () => {
    smtp = await startSmtp(port);
    const approver = await viewerFor("approver@northmoor.example");
    expect(applyTransition("approve", proposal(SLUG).id, { kind: "person", viewer: approver }).ok).toBe(true);
    requestSubscription({ email: RESIDENT, proposal: null }, now());

    const report = await deliver();
    // The union notices, the resident's confirmation, and the drafter told of the approval.
    expect(report).toEqual({ sent: 4, retrying: 0, failed: 0 });
    expect(smtp.received.map(to).sort()).toEqual(["approver2@northmoor.example", "rep.gmb@northmoor.example", "rep.unite@northmoor.example", RESIDENT].sort());

    const title = proposal(SLUG).title;
    const notice = smtp.received.find((m) => to(m) === "rep.gmb@northmoor.example")!;
    expect(notice.parsed.subject).toBe(`Confidential: advance notice of a proposal – ${title}`);
    expect(notice.parsed.to && !Array.isArray(notice.parsed.to) ? notice.parsed.to.text : "").toBe("rep.gmb@northmoor.example");
    expect(notice.envelopeFrom).toBe("no-reply@example.gov.uk");
    const row = outboxFor("union_notice").find((r) => r.toAddress === "rep.gmb@northmoor.example")!;
    expect(notice.parsed.messageId).toBe(messageIdFor(row.idempotencyKey, domainOf(env().MAIL_FROM)));
    expect(notice.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    // A union notice is not a mailing: it has no unsubscribe link.
    expect(rawHeader(notice, "List-Unsubscribe")).toBeNull();

    // The rep's copy has a working link; the copy the council keeps does not.
    expect(notice.parsed.text).toMatch(/\/notices\/link\/[A-Za-z0-9_-]{40,}/);
    expect(row.status).toBe("sent");
    expect(row.textBody).toContain("/notices/link/(removed after sending)");

    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(4);
  });

  it("a subscription email carries one-click unsubscribe headers (RFC 8058), and the link works without signing in", async () => {
    const confirmation = smtp!.received.find((m) => to(m) === RESIDENT)!;
    expect(rawHeader(confirmation, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]{40,}>$/);
    expect(rawHeader(confirmation, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Confirm from the link in the email, so later emails go to this resident.
    const confirmPath = linkIn(confirmation.parsed.text!, "/subscribe/confirm/");
    const confirmed = await run(() => confirmAction({ request: new Request(`http://localhost${confirmPath}`, { method: "POST" }), params: { token: confirmPath.split("/").pop() }, context: {} }));
    expect(confirmed.status).toBe(200);
    expect(db().select().from(t.subscriptions).where(eq(t.subscriptions.email, RESIDENT)).get()!.confirmedAt).not.toBeNull();
  });
});

describe("the mail server is down when a consultation opens", () => {
  it("opening succeeds and the emails wait; once the server is back exactly one copy of each arrives", async () => {
    await smtp!.close();
    const before = smtp!.received.length;

    setClock(new Date(`${proposal(SLUG).opensOn}T06:00:00.000Z`));
    expect(runScheduledTransitions().opened).toContain(SLUG);
    expect(proposal(SLUG).state).toBe("open");
    const waiting = db().select().from(t.outbox).where(eq(t.outbox.status, "queued")).all();
    const addresses = waiting.map((r) => r.toAddress);
    expect(addresses).toContain("waste-crews@northmoor.example.gov.uk");
    expect(addresses).toContain(RESIDENT);

    // Each run makes one attempt, finds the server unreachable and stops.
    for (let i = 0; i < waiting.length + 2; i++) expect((await deliver()).sent).toBe(0);
    const tried = db().select().from(t.outbox).where(inArray(t.outbox.id, waiting.map((r) => r.id))).all();
    expect(tried.every((r) => r.status === "queued" && r.attempts >= 1)).toBe(true);
    expect(tried[0].lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(Date.parse(tried[0].nextAttemptAt)).toBeGreaterThan(now().getTime());

    smtp = await startSmtp(port);
    // Nothing is due until its retry time.
    expect((await deliver()).sent).toBe(0);
    setClock(new Date(now().getTime() + 2 * 60 * 60 * 1000));
    expect((await deliver()).sent).toBe(waiting.length);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(smtp.received).toHaveLength(waiting.length);
    for (const address of new Set(addresses)) expect(copiesOf(address), address).toBe(waiting.filter((r) => r.toAddress === address).length);
    expect(before).toBe(4);

    // The resident's new-consultation email can be unsubscribed from with one click.
    const news = smtp.received.find((m) => to(m) === RESIDENT && m.parsed.subject === `New consultation – ${proposal(SLUG).title}`)!;
    expect(news.parsed.text).toContain(`http://localhost:3000/consultations/${SLUG}`);
    expect(rawHeader(news, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const token = rawHeader(news, "List-Unsubscribe")!.replace(/[<>]/g, "").split("/").pop()!;
    expect((await run(() => unsubscribeLoader({ request: get(`/unsubscribe/${token}`), params: { token }, context: {} }))).status).toBe(200);
    // A GET changes nothing.
    expect(db().select().from(t.subscriptions).where(eq(t.subscriptions.email, RESIDENT)).get()!.unsubscribedAt).toBeNull();
    const oneClick = new Request(`http://localhost/unsubscribe/${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect((await run(() => unsubscribeAction({ request: oneClick, params: { token }, context: {} }))).status).toBe(200);
    expect(db().select().from(t.subscriptions).where(eq(t.subscriptions.email, RESIDENT)).get()!.unsubscribedAt).not.toBeNull();
  });
});

function queue(key: string, address: string, subject = "Test message", headers?: Record<string, string>) {
  writeTransaction((tx) => queueEmail(tx, { idempotencyKey: key, event: "test", to: address, subject, text: "Hello", headers }));
  return db().select().from(t.outbox).where(eq(t.outbox.idempotencyKey, key)).get()!;
}

describe("what the server answers", () => {
  it("a 4xx is retried later; a 5xx fails for good, is shown to admins and can be retried", async () => {
    smtp!.received.length = 0;
    const row = queue("answers:1", "busy@example.com");

    smtp!.mode = { kind: "refuse-recipient", code: 451, message: "Try again later" };
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
    let stored = db().select().from(t.outbox).where(eq(t.outbox.id, row.id)).get()!;
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });
    expect(stored.lastError).toMatch(/^451/);
    expect(Date.parse(stored.nextAttemptAt) - now().getTime()).toBe(30_000);

    smtp!.mode = { kind: "refuse-recipient", code: 550, message: "No such user" };
    setClock(new Date(now().getTime() + 31_000));
    expect(await deliver()).toMatchObject({ sent: 0, failed: 1 });
    stored = db().select().from(t.outbox).where(eq(t.outbox.id, row.id)).get()!;
    expect(stored).toMatchObject({ status: "failed", attempts: 2 });
    expect(stored.lastError).toMatch(/^550/);
    // Failed stays failed.
    setClock(new Date(now().getTime() + DAY));
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const admin = await cookieFor("admin@northmoor.example");
    const page = (await run(() => outboxLoader({ request: get("/staff/admin/outbox?show=failed", admin), params: {}, context: {} }))).value as { messages: { id: number; lastError: string }[] };
    expect(page.messages.map((m) => m.id)).toContain(row.id);
    expect(listOutbox(["failed"]).find((m) => m.id === row.id)?.lastError).toMatch(/No such user/);

    smtp!.mode = { kind: "accept" };
    expect(retryEmail(row.id, user("admin@northmoor.example").id)).toBe(true);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(copiesOf("busy@example.com")).toBe(1);
    expect(retryEmail(row.id, user("admin@northmoor.example").id)).toBe(false);
  });
});

describe("header injection", () => {
  it("line breaks in a subject, a header or an address cannot add headers or recipients", async () => {
    smtp!.received.length = 0;
    queue("inject:1", "victim@example.com", "Consultation\r\nBcc: spy@evil.example\r\nX-Injected: yes", { "List-Unsubscribe": "<http://x/u>\r\nBcc: spy2@evil.example" });
    const bad = queue("inject:2", "someone@example.com\r\nBcc: spy3@evil.example", "Hi");
    const report = await deliver();
    expect(report).toMatchObject({ sent: 1, failed: 1 });

    expect(smtp!.received).toHaveLength(1);
    const [message] = smtp!.received;
    expect(message.envelopeTo).toEqual(["victim@example.com"]);
    expect(message.parsed.subject).toBe("Consultation Bcc: spy@evil.example X-Injected: yes");
    expect(message.parsed.headers.has("x-injected")).toBe(false);
    expect(message.parsed.headers.has("bcc")).toBe(false);
    expect(message.raw).not.toMatch(/^Bcc:/im);
    expect(message.raw).not.toMatch(/^X-Injected:/im);
    expect(db().select().from(t.outbox).where(eq(t.outbox.id, bad.id)).get()!.status).toBe("failed");
  });
});

describe("a worker killed mid-send", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode == null) c.kill("SIGKILL");
  });

  /** The real worker script in its own process, with its clock set to ours plus `extraMs`. */
  function worker(args: string[], extraMs = 0): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", ...args], {
      cwd: path.resolve("."),
      env: {
        ...process.env,
        NODE_ENV: "test",
        SMTP_URL: smtpUrl,
        PLAINSIGHT_CLOCK_OFFSET_MS: String(now().getTime() - Date.now() + extraMs),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    return child;
  }

  const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode != null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

  it("leaves its claim to lapse; the next worker sends it, and exactly one copy of each email arrives", async () => {
    smtp!.received.length = 0;
    const rows = ["one", "two", "three"].map((n) => queue(`killed:${n}`, `${n}@example.com`, `Message ${n}`));

    smtp!.mode = { kind: "hold" };
    const held = smtp!.nextHeld();
    const first = worker([]);
    await held;
    first.kill("SIGKILL");
    await exited(first);

    // The server never confirmed it, so nothing has arrived; the row is still claimed.
    expect(smtp!.received).toHaveLength(0);
    const claimed = db().select().from(t.outbox).where(inArray(t.outbox.id, rows.map((r) => r.id))).all();
    expect(claimed.filter((r) => r.status === "sending")).toHaveLength(1);
    expect(claimed.filter((r) => r.status === "queued")).toHaveLength(2);

    // A worker started before the claim lapses sends the others but leaves the claimed one.
    smtp!.mode = { kind: "accept" };
    const early = worker(["--once"]);
    expect(await exited(early)).toBe(0);
    expect(smtp!.received.map(to).sort()).toEqual(claimed.filter((r) => r.status === "queued").map((r) => r.toAddress).sort());

    // Once the lease has lapsed, the next worker takes it.
    const later = worker(["--once"], 6 * 60 * 1000);
    expect(await exited(later)).toBe(0);
    await eventually(() => smtp!.received.length === 3);

    for (const r of rows) expect(copiesOf(r.toAddress), r.toAddress).toBe(1);
    const done = db().select().from(t.outbox).where(inArray(t.outbox.id, rows.map((r) => r.id))).all();
    expect(done.every((r) => r.status === "sent")).toBe(true);
    const retried = claimed.find((r) => r.status === "sending")!;
    const copy = smtp!.received.find((m) => to(m) === retried.toAddress)!;
    expect(copy.parsed.messageId).toBe(messageIdFor(retried.idempotencyKey, domainOf(env().MAIL_FROM)));
    expect(done.find((r) => r.id === retried.id)!.attempts).toBe(2);
    // Three worker processes start one after another: tens of seconds each on a busy machine.
  }, 180_000);
});
