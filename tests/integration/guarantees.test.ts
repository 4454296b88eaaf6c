/**
 * Promises the suite did not yet test (issue 15, point 6), each through the code people reach:
 * a document withheld in full is refused to the public but served to the staff who work on it;
 * an approved comment edited under pre-moderation goes back to review and off every public
 * surface; a resident's session ends when it expires; and an email queued in a transaction
 * that rolls back is never sent, even with a real SMTP server and the worker running.
 * (Security headers, the CSP and the sign-in throttle through the real server:
 * tests/e2e/security.spec.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import * as t from "#db/schema";
import { db, writeTransaction } from "#db/client.server";
import { seedDemoOnce } from "../fixtures/seed-template";
import type { SignedInViewer } from "~/auth/permissions";
import { advanceClock, setClock } from "~/lib/clock";
import { deliverDue, smtpTransport } from "~/notifications/delivery.server";
import { queueEmail } from "~/notifications/outbox.server";
import { applyTransition } from "~/proposals/lifecycle.server";
import { ANONYMOUS_READER, editComment, loadThread, postComment, publishableComments } from "~/responses/comments.server";
import { moderate, moderationQueue, setPremoderation } from "~/responses/moderation.server";
import { getRespondent } from "~/responses/respondents.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { RESPONDENT_SESSION_TTL_MS } from "~/responses/rules";
import { loader as documentLoader } from "~/routes/consultations.$slug.documents.$documentId";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { startSmtp, type TestSmtp } from "../fixtures/notifications-smtp";
import { call, makeRespondent, proposalBySlug, respondentCookie, staffCookie } from "./responses-fixtures";

const SEED_AT = new Date("2027-03-10T10:00:00.000Z");

function viewer(email: string): SignedInViewer {
  const u = db().select().from(t.users).where(eq(t.users.email, email)).get()!;
  const roles = db().select().from(t.userRoles).where(eq(t.userRoles.userId, u.id)).all().map((r) => r.role);
  return { id: u.id, name: u.name, email: u.email, roles, serviceId: u.serviceId, unionIds: [] };
}

beforeAll(async () => {
  setClock(SEED_AT);
  await seedDemoOnce(SEED_AT);
});
afterEach(() => {
  setClock(SEED_AT);
  resetRateLimitsForTests();
});
afterAll(() => setClock(null));

describe("a document withheld in full", () => {
  const SLUG = "ict-strategic-partnership";
  let documentId: number;
  beforeAll(() => {
    const p = proposalBySlug(SLUG);
    expect(p.state).toBe("open");
    const doc = db().select().from(t.documents).where(eq(t.documents.proposalId, p.id)).get()!;
    db().update(t.documents).set({ disclosure: "withheld" }).where(eq(t.documents.id, doc.id)).run();
    documentId = doc.id;
  });
  const download = (cookie?: string) => call(documentLoader, `/consultations/${SLUG}/documents/${documentId}`, { params: { slug: SLUG, documentId: String(documentId) }, cookie });

  it("is refused to the public and to residents with the same 404 as a document that does not exist", async () => {
    expect((await download()).status).toBe(404);
    expect((await download(await respondentCookie(makeRespondent()))).status).toBe(404);
    const missing = await call(documentLoader, `/consultations/${SLUG}/documents/999999`, { params: { slug: SLUG, documentId: "999999" } });
    expect(missing.status).toBe(404);
  });
  it("is served to the officers of the proposal's service", async () => {
    expect((await download(await staffCookie("officer.ict@northmoor.example"))).status).toBe(200);
  });
  it("is listed on the public page, with no address to download it", async () => {
    const page = await call(consultationLoader, `/consultations/${SLUG}`, { params: { slug: SLUG } });
    expect(page.status).toBe(200);
    const docs = JSON.stringify(page.data);
    expect(docs).toContain(db().select().from(t.documents).where(eq(t.documents.id, documentId)).get()!.title);
    expect(docs).not.toContain(`/documents/${documentId}`);
  });
});

describe("an edit under pre-moderation", () => {
  const SLUG = "camhs-social-work";
  it("takes an approved comment back to review: off the public thread and the exports until a moderator approves the new words", () => {
    const p = proposalBySlug(SLUG);
    const author = makeRespondent();
    const posted = postComment({ proposal: { id: p.id }, author: { kind: "respondent", respondentId: author }, body: "The waiting list is the real risk here.", address: "192.0.2.20" });
    expect(posted).toMatchObject({ ok: true, status: "visible" });
    const id = posted.ok ? posted.commentId : 0;
    const moderator = viewer("moderator@northmoor.example");
    expect(setPremoderation(p.id, true, moderator)).toBe(true);

    const edited = editComment({ proposalId: p.id, commentId: id, author: { kind: "respondent", respondentId: author }, body: "Rewritten after approval into something else entirely." });
    expect(edited).toMatchObject({ ok: true, status: "pending" });

    const publicThread = JSON.stringify(loadThread(p.id, { type: "proposal", id: p.id }, { page: 1, order: "newest" }, ANONYMOUS_READER(true, "Northmoor")));
    expect(publicThread).not.toContain("Rewritten after approval");
    expect(publicThread).not.toContain("The waiting list is the real risk here.");
    expect(publishableComments(p.id).map((c) => c.id)).not.toContain(id);
    expect(moderationQueue(1).items.map((i) => i.id)).toContain(id);

    expect(moderate({ commentId: id, intent: "approve", rule: null, note: "", moderator, rules: [] })).toEqual({ ok: true });
    expect(publishableComments(p.id).find((c) => c.id === id)).toBeTruthy();
    expect(JSON.stringify(loadThread(p.id, { type: "proposal", id: p.id }, { page: 1, order: "newest" }, ANONYMOUS_READER(true, "Northmoor")))).toContain("Rewritten after approval");
    setPremoderation(p.id, false, moderator);
  });
});

describe("a resident's session", () => {
  it("ends when it expires, 30 days after signing in, and not before", async () => {
    const id = makeRespondent();
    const cookie = await respondentCookie(id);
    const asResident = () => getRespondent(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    expect((await asResident())?.id).toBe(id);
    advanceClock(RESPONDENT_SESSION_TTL_MS - 1000);
    expect((await asResident())?.id).toBe(id);
    advanceClock(1000);
    expect(await asResident()).toBeNull();
    // And the pages treat them as signed out: commenting asks them to sign in again.
    const { action } = await import("~/routes/consultations.$slug_.comments._index");
    const r = await call(action, "/consultations/camhs-social-work/comments", { params: { slug: "camhs-social-work" }, form: { body: "Still here?" }, cookie });
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/respondents\/sign-in/);
  });
});

describe("an email queued in a transaction that rolls back", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it("is never written, so never sent", async () => {
    expect(() =>
      writeTransaction((tx) => {
        queueEmail(tx, { idempotencyKey: "rolled-back:1", event: "test", to: "someone@example.com", subject: "Never", text: "Never sent" });
        throw new Error("the change this email announced failed");
      }),
    ).toThrow("the change this email announced failed");
    expect(db().select().from(t.outbox).where(eq(t.outbox.idempotencyKey, "rolled-back:1")).all()).toEqual([]);
    // The worker sends whatever else was waiting, and not this.
    await deliverDue({ transport: smtpTransport(smtp.url) });
    expect(smtp.received.filter((m) => m.envelopeTo.includes("someone@example.com"))).toEqual([]);
  });

  it("an approval that fails after queueing the union notices sends none of them, and the proposal stays in review", async () => {
    const p = proposalBySlug("garden-waste-collections");
    expect(p.state).toBe("in_review");
    const before = db().select().from(t.outbox).all().length;
    await deliverDue({ transport: smtpTransport(smtp.url) });
    smtp.received.length = 0;
    // Make the audit entry (written after the notices are queued) fail, on this connection only.
    db().$client.exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END");
    try {
      expect(() => applyTransition("approve", p.id, { kind: "person", viewer: viewer("approver@northmoor.example") })).toThrow(/audit log unavailable/);
    } finally {
      db().$client.exec("DROP TRIGGER fail_audit");
    }
    expect(proposalBySlug("garden-waste-collections").state).toBe("in_review");
    expect(db().select().from(t.outbox).all().length).toBe(before);
    await deliverDue({ transport: smtpTransport(smtp.url) });
    expect(smtp.received.filter((m) => m.parsed.subject?.includes("advance notice"))).toEqual([]);

    // The same approval, once the log works, queues the notices and they are sent.
    expect(applyTransition("approve", p.id, { kind: "person", viewer: viewer("approver@northmoor.example") }).ok).toBe(true);
    const queued = db().select().from(t.outbox).where(and(eq(t.outbox.proposalId, p.id), like(t.outbox.subject, "%advance notice%"))).all();
    expect(queued.length).toBeGreaterThan(0);
    await deliverDue({ transport: smtpTransport(smtp.url) });
    expect(smtp.received.filter((m) => m.parsed.subject?.includes("advance notice")).length).toBe(queued.length);
  });
});
