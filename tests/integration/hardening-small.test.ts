/**
 * The smaller hardening items on the seeded demo council: a rep's new personal link revokes the
 * older ones; a password change (or an admin's request) ends every earlier session; a hidden
 * slug and a missing one answer the same 404; shared limits on emails to unproven addresses.
 */
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { changePassword, createUserSession, endSessionsBefore, getViewer } from "~/auth/session.server";
import { advanceClock, now, setClock } from "~/lib/clock";
import { resendNoticeLink } from "~/notifications/notices.server";
import { requestSubscription } from "~/notifications/subscriptions.server";
import { loadProposalBySlug, requireVisibleProposal } from "~/proposals/proposals.server";
import { requestSignInLink } from "~/responses/respondents.server";

const AT = new Date("2026-11-25T12:00:00Z");

beforeAll(async () => {
  setClock(AT);
  migrateDatabase(db());
  await seedDemo(db(), AT);
}, 120_000);

afterAll(() => setClock(null));

const user = (email: string) => db().select().from(t.users).where(eq(t.users.email, email)).get()!;

async function sessionCookie(userId: number) {
  return ((await createUserSession(userId, "/staff")).headers.get("Set-Cookie") ?? "").split(";")[0];
}

const viewerFor = (cookie: string) => getViewer(new Request("http://localhost/staff", { headers: { Cookie: cookie } }));

describe("a rep's personal link", () => {
  it("is replaced by a new one: the older links stop working", () => {
    const p = loadProposalBySlug("reopening-a-closed-park")!;
    expect(p.state).toBe("union_notice");
    const rep = user("rep.unison@northmoor.example");
    const officer = user("officer.parks@northmoor.example");
    const viewer = { id: officer.id, name: officer.name, email: officer.email, roles: ["officer" as const], serviceId: officer.serviceId, unionIds: [] };
    const live = () => db().select().from(t.noticeLinks).where(and(eq(t.noticeLinks.proposalId, p.id), eq(t.noticeLinks.userId, rep.id), isNull(t.noticeLinks.usedAt), isNull(t.noticeLinks.revokedAt))).all();
    expect(resendNoticeLink(viewer, p, rep.id, now())).toBe(true);
    advanceClock(60_000);
    expect(resendNoticeLink(viewer, p, rep.id, now())).toBe(true);
    const links = live();
    expect(links).toHaveLength(1);
    expect(links[0].createdAt).toBe(now().toISOString());
  });
});

describe("sessions after a password change", () => {
  it("end, on every device, and a new sign-in works", async () => {
    const officer = user("officer@northmoor.example");
    const laptop = await sessionCookie(officer.id);
    const phone = await sessionCookie(officer.id);
    expect(await viewerFor(laptop)).not.toBeNull();
    advanceClock(1000);
    await changePassword(officer.id, "a new and longer passphrase", officer.id);
    expect(await viewerFor(laptop)).toBeNull();
    expect(await viewerFor(phone)).toBeNull();
    advanceClock(1000);
    const fresh = await sessionCookie(officer.id);
    expect((await viewerFor(fresh))?.id).toBe(officer.id);
  });

  it("end when an admin asks", async () => {
    const approver = user("approver@northmoor.example");
    const cookie = await sessionCookie(approver.id);
    advanceClock(1000);
    endSessionsBefore(approver.id);
    expect(await viewerFor(cookie)).toBeNull();
  });
});

describe("a hidden slug", () => {
  it("answers exactly as a missing one", () => {
    const hidden = (() => {
      try {
        requireVisibleProposal(null, "youth-service-review");
      } catch (e) {
        return e as Response;
      }
    })()!;
    const missing = (() => {
      try {
        requireVisibleProposal(null, "no-such-consultation");
      } catch (e) {
        return e as Response;
      }
    })()!;
    expect(loadProposalBySlug("youth-service-review")?.state).toBe("draft");
    expect([hidden.status, hidden.statusText]).toEqual([missing.status, missing.statusText]);
    expect(hidden.status).toBe(404);
  });
});

describe("emails to addresses nobody has proven", () => {
  it("are limited per recipient across sign-in links and subscriptions, and per sender", () => {
    const target = "victim@example.com";
    const outbox = () => db().select().from(t.outbox).where(eq(t.outbox.toAddress, target)).all().length;
    for (let i = 0; i < 3; i++) expect(requestSignInLink({ email: target, redirectTo: "/", address: `192.0.2.${i}` }).ok).toBe(true);
    const p = loadProposalBySlug("camhs-social-work")!;
    requestSubscription({ email: target, proposal: p, address: "192.0.2.10" }, now());
    requestSubscription({ email: target, proposal: null, address: "192.0.2.11" }, now());
    expect(outbox()).toBe(5);
    // A sixth email to the same address within the hour is not sent, by either route.
    requestSubscription({ email: target, proposal: loadProposalBySlug("ict-strategic-partnership"), address: "192.0.2.12" }, now());
    expect(requestSignInLink({ email: target, redirectTo: "/", address: "192.0.2.13" }).ok).toBe(false);
    expect(outbox()).toBe(5);
    // One sender asking for many addresses is stopped too.
    const results = Array.from({ length: 12 }, (_, i) => requestSubscription({ email: `list${i}@example.com`, proposal: null, address: "198.51.100.99" }, now()).ok);
    expect(results.filter(Boolean)).toHaveLength(10);
  });
});
