/**
 * Applies lifecycle transitions. The rule is asked and the change, its audit entry and its
 * version snapshot are written in one IMMEDIATE transaction: all of them or none.
 */
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, lte, max } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now as clockNow } from "~/lib/clock";
import { councilDate } from "~/lib/council-time";
import { loadSettings } from "~/lib/settings.server";
import { unionsWithoutReps } from "~/notifications/notice-clock.server";
import { unansweredFeedbackCount } from "~/notifications/notices.server";
import { onTransition } from "~/notifications/on-transition.server";
import { checkTransition, editorsSinceLastReturn as editorsSince, type Actor, type Transition, type TransitionContext, type TransitionDecision } from "./lifecycle";
import { periodOpeningOn, plannedLength } from "./period";
import { loadProposal } from "./proposals.server";
import type { Proposal } from "./types";

let holidays: ReadonlySet<string> | undefined;

/** England and Wales bank holidays from content/, read once. */
export function bankHolidays(): ReadonlySet<string> {
  if (!holidays) {
    const file = path.resolve("content", "bank-holidays.json");
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string[]>;
    holidays = new Set(data["england-and-wales"] ?? []);
  }
  return holidays;
}

/** The audit entries that say who worked on each round of a proposal, oldest first. */
export function roundEntries(proposalIds: number[], database: DB = defaultDb()) {
  if (!proposalIds.length) return [];
  return database
    .select({ proposalId: t.auditLog.entityId, action: t.auditLog.action, actorId: t.auditLog.actorId })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "proposal"), inArray(t.auditLog.entityId, proposalIds), inArray(t.auditLog.action, ["proposal.create", "proposal.edit", "proposal.reject"])))
    .orderBy(asc(t.auditLog.id))
    .all();
}

/**
 * Everyone who changed the proposal since it was last returned to its drafter, or since it was
 * started if it never was: from the audit log, which every save writes to (editing.server.ts).
 */
export function editorsSinceLastReturn(proposalId: number, database: DB = defaultDb()): number[] {
  return editorsSince(roundEntries([proposalId], database));
}

export type TransitionResult = TransitionDecision & { proposal?: Proposal };

/** The lifecycle timestamps each transition stamps. */
function stamps(transition: Transition, at: string, actor: Actor, reason: string | undefined, p: Proposal, now: Date, timeZone: string): Partial<typeof t.proposals.$inferInsert> {
  switch (transition) {
    case "submit":
      return { submittedAt: at, returnedReason: null };
    case "approve":
      // The approved length is kept whatever happens to the opening date (period.ts). The
      // notice period starts when the notice is delivered (notice-clock.server.ts); with no
      // union to tell, there is nothing to wait for.
      return { approvedAt: at, approvedById: actor.kind === "person" ? actor.viewer.id : null, periodDays: plannedLength(p) ?? p.periodDays, noticeSentAt: p.unions.length ? null : at };
    case "reject":
      return { returnedReason: reason ?? null, submittedAt: null };
    case "open":
      return { openedAt: at, ...openingDates(p, councilDate(now, timeZone)) };
    case "close":
      return { closedAt: at };
    case "withdraw":
      return { withdrawnAt: at, withdrawnReason: reason ?? null };
    case "publish_outcome":
      return { outcomePublishedAt: at };
    case "decide":
      return { decidedAt: at };
  }
}

/**
 * Opening on `today`: the consultation runs for its approved length from today. If that moves
 * the dates, the plan is kept beside them so the public page and the history can say so.
 */
function openingDates(p: Proposal, today: string): { opensOn?: string; closesOn?: string; plannedOpensOn?: string | null; plannedClosesOn?: string | null } {
  const period = periodOpeningOn(p, today);
  if (!period || !period.moved) return {};
  return { opensOn: period.opensOn, closesOn: period.closesOn, plannedOpensOn: p.opensOn, plannedClosesOn: p.closesOn };
}

export type TransitionOptions = {
  reason?: string;
  /** what the person confirmed in making it (the approver's checklist), kept in its audit entry */
  confirmed?: readonly string[];
  now?: Date;
  /** facts the rule needs that live outside the proposal (the outcome report, a reading), read inside the transaction */
  facts?: (tx: DB, p: Proposal) => Partial<TransitionContext>;
  /** writes that belong to this transition (publishing the outcome, the decision record), in the same transaction, after the state changes */
  effect?: (tx: DB, before: Proposal, after: Proposal, at: Date) => void;
};

function snapshotVersion(tx: DB, p: Proposal, reason: "submitted" | "approved", actorId: number | null) {
  const last = tx.select({ n: max(t.proposalVersions.number) }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, p.id)).get();
  tx.insert(t.proposalVersions)
    .values({ proposalId: p.id, number: (last?.n ?? 0) + 1, reason, isPublic: false, snapshot: p, createdById: actorId })
    .run();
}

export function applyTransition(
  transition: Transition,
  proposalId: number,
  actor: Actor,
  options: TransitionOptions = {},
  database: DB = defaultDb(),
): TransitionResult {
  const at = options.now ?? clockNow();
  const settings = loadSettings(database);
  const timeZone = settings.council.timeZone;
  return writeTransaction((tx) => {
    const proposal = loadProposal(proposalId, tx);
    if (!proposal) return { ok: false, status: 409, message: "This proposal no longer exists" } as const;
    const unansweredFeedback = transition === "open" ? unansweredFeedbackCount(proposalId, tx) : 0;
    const editorIds = transition === "approve" ? editorsSinceLastReturn(proposalId, tx) : [];
    const unionsWithoutRepsNow = transition === "approve" ? unionsWithoutReps(tx, proposal.unions.map((u) => u.id)) : [];
    const facts = options.facts?.(tx, proposal) ?? {};
    const decision = checkTransition(transition, proposal, actor, {
      settings,
      now: at,
      bankHolidays: bankHolidays(),
      reason: options.reason,
      unansweredFeedback,
      editorIds,
      unionsWithoutReps: unionsWithoutRepsNow,
      ...facts,
    });
    if (!decision.ok) return decision;

    const iso = at.toISOString();
    const actorId = actor.kind === "person" ? actor.viewer.id : null;
    // Compare-and-set: the state moves only from the state the rule was asked about. The
    // IMMEDIATE transaction already serialises writers; this keeps the guarantee if a caller
    // ever reads outside it (tests/integration/lifecycle-race.test.ts races two processes).
    const { changes } = tx
      .update(t.proposals)
      .set({ state: decision.to, revision: proposal.revision + 1, updatedAt: iso, ...stamps(transition, iso, actor, options.reason?.trim(), proposal, at, timeZone) })
      .where(and(eq(t.proposals.id, proposalId), eq(t.proposals.state, proposal.state)))
      .run();
    if (changes !== 1) return { ok: false, status: 409, message: "Someone else changed this proposal at the same moment: reload it to see where it is now" } as const;
    const moved = transition === "open" ? openingDates(proposal, councilDate(at, timeZone)) : {};
    appendAudit(tx, {
      actorId,
      action: `proposal.${transition}`,
      entityType: "proposal",
      entityId: proposalId,
      detail: {
        from: proposal.state,
        to: decision.to,
        ...(options.reason ? { reason: options.reason.trim() } : {}),
        ...(options.confirmed ? { confirmed: [...options.confirmed] } : {}),
        ...("plannedOpensOn" in moved ? { plannedOpensOn: moved.plannedOpensOn, plannedClosesOn: moved.plannedClosesOn, opensOn: moved.opensOn, closesOn: moved.closesOn } : {}),
      },
    });
    if (transition === "submit") snapshotVersion(tx, proposal, "submitted", actorId);
    if (transition === "approve") snapshotVersion(tx, proposal, "approved", actorId);
    if (options.effect) options.effect(tx, proposal, loadProposal(proposalId, tx)!, at);
    const updated = loadProposal(proposalId, tx)!;
    onTransition(tx, transition, updated, at, actorId);
    return { ...decision, proposal: updated };
  }, database);
}

/**
 * The scheduler's work: open what is due to open and close what is due to close. Each
 * proposal is its own transaction, so one that cannot open does not hold back the rest.
 */
export function runScheduledTransitions(at: Date = clockNow(), database: DB = defaultDb()): { opened: string[]; closed: string[] } {
  // The council's date, as checkTransition reads it: a consultation closing today takes
  // responses until midnight in the council's time zone, whatever the server's.
  const todayIso = councilDate(at, loadSettings(database).council.timeZone);
  const dueToOpen = database
    .select({ id: t.proposals.id, slug: t.proposals.slug })
    .from(t.proposals)
    .where(and(inArray(t.proposals.state, ["union_notice", "scheduled"]), lte(t.proposals.opensOn, todayIso)))
    .all();
  const dueToClose = database
    .select({ id: t.proposals.id, slug: t.proposals.slug })
    .from(t.proposals)
    .where(and(eq(t.proposals.state, "open"), lte(t.proposals.closesOn, todayIso)))
    .all();
  const system: Actor = { kind: "system" };
  const opened = dueToOpen.filter((p) => applyTransition("open", p.id, system, { now: at }, database).ok).map((p) => p.slug);
  const closed = dueToClose.filter((p) => applyTransition("close", p.id, system, { now: at }, database).ok).map((p) => p.slug);
  return { opened, closed };
}
