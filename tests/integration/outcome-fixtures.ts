/**
 * A consultation after closing, on this test file's own database: the demo council with its
 * seeded responses, the CAMHS consultation changed once while open (a public version an outcome
 * can link to), then closed by the scheduler. Plus the people who act on it and a snapshot of
 * everything a refused action must leave alone.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, like } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { seedDemoOnce } from "../fixtures/seed-template";
import { hashPassword } from "~/auth/password.server";
import { createUserSession, getViewer } from "~/auth/session.server";
import type { SignedInViewer } from "~/auth/permissions";
import { setClock } from "~/lib/clock";
import { saveFields } from "~/proposals/editing.server";
import { applyTransition } from "~/proposals/lifecycle.server";
import { loadProposalBySlug } from "~/proposals/proposals.server";
import { seedDemoResponses } from "~/responses/seed.server";

export const SLUG = "camhs-social-work";
export const SEED_DATE = new Date("2026-11-30T09:00:00.000Z");
const DAY = 86_400_000;

export const OFFICER = "officer@northmoor.example";
export const APPROVER = "approver@northmoor.example";
export const DECISION_MAKER = "decisions@northmoor.example";
/** An approver who is also an officer of the CAMHS service: may draft its outcome, so may not sign it off. */
export const APPROVING_OFFICER = "approving.officer@northmoor.example";

/** A fresh session for a demo account, at the clock's time (sessions expire, and tests move the clock). */
export async function cookie(email: string): Promise<string> {
  const user = db().select().from(t.users).where(eq(t.users.email, email)).get();
  if (!user) throw new Error(`No user ${email}`);
  return (await createUserSession(user.id, "/staff")).headers.get("Set-Cookie")!.split(";")[0];
}

export async function viewer(email: string): Promise<SignedInViewer> {
  return (await getViewer(new Request("http://localhost/", { headers: { Cookie: await cookie(email) } })))!;
}

export type AfterClosing = { proposalId: number; versionId: number; closedOn: string };

export async function seedAfterClosing(): Promise<AfterClosing> {
  setClock(SEED_DATE);
  await seedDemoOnce(SEED_DATE, { noticeHistory: false });
  seedDemoResponses(db(), SEED_DATE);
  const camhs = loadProposalBySlug(SLUG)!;

  // An approver who is also one of the service's officers.
  const { id: userId } = db()
    .insert(t.users)
    .values({ email: APPROVING_OFFICER, name: "Priya Approving", passwordHash: await hashPassword(randomBytes(12).toString("hex")), serviceId: camhs.serviceId, isDemo: true })
    .returning({ id: t.users.id })
    .get();
  db().insert(t.userRoles).values([{ userId, role: "approver" }, { userId, role: "officer" }]).run();

  // A change while open: a public version with its note.
  const officer = await viewer(OFFICER);
  const edited = saveFields(officer, camhs.id, { revision: camhs.revision, change: { changeNote: "Added weekend cover by the crisis team after people asked about weekends", material: false, newClosesOn: null } }, "details", {
    timeline: `${camhs.timeline}\n\nThe crisis team will cover weekends from the first day of the change.`,
  });
  if (!edited.ok) throw new Error(edited.message);
  const versionId = db().select({ id: t.proposalVersions.id }).from(t.proposalVersions).where(and(eq(t.proposalVersions.proposalId, camhs.id), eq(t.proposalVersions.reason, "public_edit"))).get()!.id;

  // The closing date passes; the scheduler closes it.
  const afterClosing = new Date(`${camhs.closesOn}T09:00:00.000Z`).getTime() + DAY;
  setClock(new Date(afterClosing));
  const closed = applyTransition("close", camhs.id, { kind: "system" });
  if (!closed.ok) throw new Error(closed.message);
  return { proposalId: camhs.id, versionId, closedOn: camhs.closesOn! };
}

/** Everything a refused action after closing must leave as it was. */
export function snapshot(proposalId: number) {
  const n = (q: { get: () => { n: number } | undefined }) => q.get()?.n ?? 0;
  return {
    proposal: db().select({ state: t.proposals.state, revision: t.proposals.revision, outcomePublishedAt: t.proposals.outcomePublishedAt, decidedAt: t.proposals.decidedAt }).from(t.proposals).where(eq(t.proposals.id, proposalId)).get(),
    audit: n(db().select({ n: count() }).from(t.auditLog)),
    versions: n(db().select({ n: count() }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, proposalId))),
    outbox: n(db().select({ n: count() }).from(t.outbox)),
    outcome: db().select().from(t.outcomes).where(eq(t.outcomes.proposalId, proposalId)).get() ?? null,
    themes: db().select().from(t.themes).where(eq(t.themes.proposalId, proposalId)).orderBy(t.themes.id).all(),
    codes: n(db().select({ n: count() }).from(t.themeCodes).where(eq(t.themeCodes.proposalId, proposalId))),
    equality: db().select().from(t.outcomeEqualityRows).where(eq(t.outcomeEqualityRows.proposalId, proposalId)).all(),
    equalityRows: db().select().from(t.equalityRows).where(eq(t.equalityRows.proposalId, proposalId)).all(),
    readings: db().select().from(t.outcomeReadings).where(eq(t.outcomeReadings.proposalId, proposalId)).all(),
    decision: db().select().from(t.decisions).where(eq(t.decisions.proposalId, proposalId)).get() ?? null,
  };
}

/** Audit entries of one kind for a proposal. */
export function auditCount(proposalId: number, action: string) {
  return db()
    .select({ n: count() })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityId, proposalId), like(t.auditLog.action, action)))
    .get()!.n;
}
