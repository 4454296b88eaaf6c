/**
 * Versions of a proposal. Submission and approval keep a private snapshot (lifecycle.server.ts);
 * after opening, every change is a public version with its change note. The history page and
 * the review page read differences between them through diff.ts.
 */
import { and, asc, desc, eq, isNotNull, max } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { formatDate } from "~/components/format";
import { baseUrl } from "~/lib/env.server";
import type { Settings } from "~/lib/settings";
import { queueEmail } from "~/notifications/outbox.server";
import { diffProposals, type SectionChange } from "./diff";
import type { PublicChange } from "./sections/public-change";
import type { Proposal } from "./types";

type VersionRow = typeof t.proposalVersions.$inferSelect;

function nextNumber(tx: DB, proposalId: number): number {
  const last = tx.select({ n: max(t.proposalVersions.number) }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, proposalId)).get();
  return (last?.n ?? 0) + 1;
}

/**
 * Before the first public change, keep the proposal as it was published, so the first change
 * has something to be compared with. It is the approved text: nothing can change between
 * approval and opening (lifecycle.ts, editingMode).
 */
export function ensurePublishedBaseline(tx: DB, p: Proposal, actorId: number | null): void {
  const existing = tx
    .select({ id: t.proposalVersions.id })
    .from(t.proposalVersions)
    .where(and(eq(t.proposalVersions.proposalId, p.id), eq(t.proposalVersions.isPublic, true)))
    .get();
  if (existing) return;
  tx.insert(t.proposalVersions).values({ proposalId: p.id, number: nextNumber(tx, p.id), reason: "approved", isPublic: true, changeNote: null, snapshot: p, createdById: actorId }).run();
}

export function recordPublicVersion(tx: DB, p: Proposal, change: PublicChange, actorId: number | null): number {
  return tx
    .insert(t.proposalVersions)
    .values({ proposalId: p.id, number: nextNumber(tx, p.id), reason: "public_edit", isPublic: true, changeNote: change.changeNote, snapshot: p, createdById: actorId })
    .returning({ id: t.proposalVersions.id })
    .get().id;
}

/**
 * A material change is told to everyone who has already responded, so they can respond again
 * to what the proposal now says. One email per version and address (the outbox's key).
 */
export function tellRespondentsOfMaterialChange(tx: DB, p: Proposal, versionId: number, change: PublicChange, council: string): number {
  const people = tx
    .selectDistinct({ email: t.respondents.email })
    .from(t.responses)
    .innerJoin(t.respondents, eq(t.respondents.id, t.responses.respondentId))
    .where(and(eq(t.responses.proposalId, p.id), isNotNull(t.respondents.verifiedAt)))
    .all();
  const link = `${baseUrl()}/consultations/${encodeURIComponent(p.slug)}/history`;
  for (const { email } of people) {
    queueEmail(tx, {
      idempotencyKey: `material-change:${versionId}:${email}`,
      event: "material_change",
      to: email,
      subject: `The consultation has changed – ${p.title}`,
      text: [
        `${council} has made a significant change to a consultation you responded to: ${p.title}.`,
        "",
        `What changed: ${change.changeNote}`,
        change.newClosesOn ? `The closing date is now ${formatDate(change.newClosesOn)}.` : null,
        "",
        "You can read exactly what changed, and respond again if you want to:",
        link,
        "",
        `${council}`,
        "This email was sent automatically. Replies are not read.",
      ]
        .filter((l) => l != null)
        .join("\n"),
      proposalId: p.id,
    });
  }
  return people.length;
}

/**
 * The equality assessment revisited when the outcome is published (outcomes/outcome.server.ts):
 * a public version like any other, so the history page shows the word diff of what changed.
 */
export function recordOutcomeVersion(tx: DB, p: Proposal, changeNote: string, actorId: number | null): number {
  return tx
    .insert(t.proposalVersions)
    .values({ proposalId: p.id, number: nextNumber(tx, p.id), reason: "outcome", isPublic: true, changeNote, snapshot: p, createdById: actorId })
    .returning({ id: t.proposalVersions.id })
    .get().id;
}

export type PublicVersionRef = {
  id: number;
  /** as numbered on the history page (version 1 is the consultation as published) */
  number: number;
  reason: VersionRow["reason"];
  createdAt: string;
  changeNote: string | null;
};

/** The public versions, oldest first, numbered as the history page numbers them. Without their snapshots. */
export function publicVersionRefs(proposalId: number, database: DB = defaultDb()): PublicVersionRef[] {
  return database
    .select({ id: t.proposalVersions.id, reason: t.proposalVersions.reason, createdAt: t.proposalVersions.createdAt, changeNote: t.proposalVersions.changeNote })
    .from(t.proposalVersions)
    .where(and(eq(t.proposalVersions.proposalId, proposalId), eq(t.proposalVersions.isPublic, true)))
    .orderBy(asc(t.proposalVersions.number))
    .all()
    .map((v, i) => ({ ...v, number: i + 1 }));
}

export type HistoryEntry = {
  number: number;
  reason: VersionRow["reason"];
  createdAt: string;
  changeNote: string | null;
  /** the proposal as published when the consultation opened */
  isBaseline: boolean;
  changes: SectionChange[];
};

/**
 * The public history: public versions only, newest first, each with what changed since the one
 * before it. Only the public text of each section is compared (diff.ts without `internal`).
 */
export function publicHistory(proposalId: number, settings: Settings, database: DB = defaultDb()): HistoryEntry[] {
  const rows = database
    .select()
    .from(t.proposalVersions)
    .where(and(eq(t.proposalVersions.proposalId, proposalId), eq(t.proposalVersions.isPublic, true)))
    .orderBy(asc(t.proposalVersions.number))
    .all();
  return rows
    .map((row, i) => ({
      number: i + 1,
      reason: row.reason,
      createdAt: row.createdAt,
      changeNote: row.changeNote,
      isBaseline: i === 0,
      changes: i === 0 ? [] : diffProposals(snapshotOf(rows[i - 1]), snapshotOf(row), settings),
    }))
    .reverse();
}

/**
 * For the approver: what changed since the proposal was last submitted for review (it was
 * returned, and edited since). Null when this is its first submission.
 */
export function changesSinceLastReview(p: Proposal, settings: Settings, database: DB = defaultDb()): { submittedAt: string; changes: SectionChange[] } | null {
  const submissions = database
    .select()
    .from(t.proposalVersions)
    .where(and(eq(t.proposalVersions.proposalId, p.id), eq(t.proposalVersions.reason, "submitted")))
    .orderBy(desc(t.proposalVersions.number))
    .limit(2)
    .all();
  // While in review the newest submission is the one being reviewed; compare with the one before.
  const previous = p.state === "in_review" ? submissions[1] : submissions[0];
  if (!previous) return null;
  return { submittedAt: previous.createdAt, changes: diffProposals(snapshotOf(previous), p, settings, { internal: true }) };
}

function snapshotOf(row: VersionRow): Proposal {
  const value = (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot) as Proposal;
  // A snapshot taken before a list existed still compares: the list was empty then.
  const lists = ["options", "risks", "dependencies", "mitigations", "equalityRows", "documents", "staffGroups", "unions", "questions"] as const;
  return { ...value, ...Object.fromEntries(lists.map((k) => [k, value[k] ?? []])) };
}
