/**
 * The outcome report ("you said, we did") and the decision, written. Officers of the service
 * draft the report after closing, part by part, each save checking the report's revision (two
 * officers drafting: the later save is refused, not silently lost). When its gate passes they
 * send it for sign-off; an approver who wrote none of it publishes it (lifecycle: closed →
 * outcome published) or returns it with a reason. A decision maker confirms reading it, then
 * records the decision (lifecycle: outcome published → decided).
 *
 * Every write is one IMMEDIATE transaction with its audit entry (and, for the two transitions,
 * the emails), or nothing.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { can, type SignedInViewer } from "~/auth/permissions";
import { nowIso } from "~/lib/clock";
import { characteristicLabel, type Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import type { OutcomeFacts, TransitionRefusal } from "~/proposals/lifecycle";
import { applyTransition } from "~/proposals/lifecycle.server";
import { meetsMinimumWords } from "~/proposals/text-quality";
import type { Proposal } from "~/proposals/types";
import { ensurePublishedBaseline, publicVersionRefs, recordOutcomeVersion } from "~/proposals/versions.server";
import { outcomeReadiness, type OutcomeDraft, type OutcomeUnmet } from "./gate";
import { loadOutcome, type OutcomeRow } from "./read.server";
import { OUTCOME_VERSION_NOTE, canDraftOutcome, outcomeLockedMessage, type DecisionKind } from "./rules";
import { listThemes } from "./themes.server";
import { guardedWrite, refuse, visibleProposal, type WriteResult } from "./write.server";

export type EqualityRevision = typeof t.outcomeEqualityRows.$inferSelect;

export function equalityRevisions(proposalId: number, database: DB = defaultDb()): EqualityRevision[] {
  return database.select().from(t.outcomeEqualityRows).where(eq(t.outcomeEqualityRows.proposalId, proposalId)).all();
}

/** Versions a "changed" claim may link to: those made while the consultation was open. */
export function linkableVersions(proposalId: number, database: DB = defaultDb()) {
  return publicVersionRefs(proposalId, database).filter((v) => v.reason === "public_edit");
}

/** Everyone who wrote part of the report: none of them may sign it off. */
export function outcomeContributors(proposalId: number, database: DB = defaultDb()): number[] {
  const rows = database
    .selectDistinct({ actorId: t.auditLog.actorId })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, proposalId), or(eq(t.auditLog.action, "outcome.edit"), eq(t.auditLog.action, "outcome.submit"))))
    .all();
  const drafter = loadOutcome(proposalId, database)?.draftedById;
  return [...new Set([...rows.map((r) => r.actorId), drafter].filter((id): id is number => id != null))];
}

/** Responses from every channel and residents' comments: what themes must account for. */
function responseTotal(database: DB, proposalId: number): number {
  const row = database.get<{ n: number }>(sql`SELECT
    (SELECT count(*) FROM responses WHERE proposal_id = ${proposalId}) +
    (SELECT count(*) FROM comments WHERE proposal_id = ${proposalId} AND officer_id IS NULL AND status IN ('visible', 'pending', 'hidden')) AS n`);
  return row?.n ?? 0;
}

/** The outcome as its gate sees it. */
export function outcomeDraft(p: Proposal, settings: Settings, database: DB = defaultDb()): OutcomeDraft {
  const outcome = loadOutcome(p.id, database);
  const mitigated = new Set(p.mitigations.flatMap((m) => m.equalityRowIds));
  const rowIds = new Map(p.equalityRows.map((r) => [r.characteristic, r.id]));
  return {
    responseSummary: outcome?.responseSummary ?? null,
    equalitySummary: outcome?.equalitySummary ?? null,
    whatHappensNext: outcome?.whatHappensNext ?? null,
    themes: listThemes(p.id, database).map((th) => ({
      id: th.id,
      name: th.name,
      councilResponse: th.councilResponse,
      changed: th.changed,
      changeDescription: th.changeDescription,
      versionId: th.versionId,
      codedItems: th.items,
    })),
    equality: equalityRevisions(p.id, database).map((r) => ({
      characteristic: r.characteristic,
      label: characteristicLabel(settings, r.characteristic),
      rating: r.rating,
      evidence: r.evidence,
      justification: r.justification,
      evidenceAction: r.evidenceAction,
      mitigated: mitigated.has(rowIds.get(r.characteristic) ?? -1),
    })),
    linkableVersionIds: linkableVersions(p.id, database).map((v) => v.id),
    totalResponses: responseTotal(database, p.id),
  };
}

export function outcomeUnmet(p: Proposal, settings: Settings, database: DB = defaultDb()): OutcomeUnmet[] {
  return outcomeReadiness(outcomeDraft(p, settings, database), settings.gate.evidenceMinWords);
}

// ─── Drafting ──────────────────────────────────────────────────────────────────
export const OUTCOME_CONFLICT_MESSAGE =
  "Someone else saved changes to this outcome report after you opened this page, so your changes have not been saved. Your answers are still below: check them against the latest version and save again.";

/** The proposal and its outcome (created on the first save), if this officer may draft it now, at the revision their page showed. */
function requireDrafting(tx: DB, viewer: SignedInViewer, proposalId: number, revision: number | null): { p: Proposal; outcome: OutcomeRow } {
  const p = visibleProposal(tx, viewer, proposalId);
  let outcome = tx.select().from(t.outcomes).where(eq(t.outcomes.proposalId, proposalId)).get() ?? null;
  if (!canDraftOutcome(viewer, p, outcome?.status ?? null)) {
    if (p.state === "closed" && (!outcome || outcome.status === "draft")) refuse(403, "Only officers of the service running this consultation can write its outcome report");
    refuse(409, outcomeLockedMessage(p.state, outcome?.status ?? null));
  }
  if (!outcome) {
    const at = nowIso();
    tx.insert(t.outcomes).values({ proposalId, draftedById: viewer.id, createdAt: at, updatedAt: at }).run();
    outcome = tx.select().from(t.outcomes).where(eq(t.outcomes.proposalId, proposalId)).get()!;
  }
  if (revision != null && revision !== outcome.revision) refuse(409, OUTCOME_CONFLICT_MESSAGE);
  return { p, outcome };
}

function saved(tx: DB, viewer: SignedInViewer, outcome: OutcomeRow, what: string, extra: Partial<typeof t.outcomes.$inferInsert> = {}) {
  const revision = outcome.revision + 1;
  tx.update(t.outcomes)
    .set({ revision, updatedAt: nowIso(), ...extra })
    .where(eq(t.outcomes.proposalId, outcome.proposalId))
    .run();
  appendAudit(tx, { actorId: viewer.id, action: "outcome.edit", entityType: "proposal", entityId: outcome.proposalId, detail: { what } });
  return { revision };
}

export type OutcomeText = "responseSummary" | "equalitySummary" | "whatHappensNext";
const TEXT_WHAT: Record<OutcomeText, string> = {
  responseSummary: "Saved who responded and how, in the outcome report",
  equalitySummary: "Saved what was learnt about the equality impact, in the outcome report",
  whatHappensNext: "Saved what happens next, in the outcome report",
};

export function saveOutcomeText(viewer: SignedInViewer, proposalId: number, revision: number, field: OutcomeText, value: string | null, database: DB = defaultDb()): WriteResult<{ revision: number }> {
  return guardedWrite(database, (tx) => {
    const { outcome } = requireDrafting(tx, viewer, proposalId, revision);
    return saved(tx, viewer, outcome, TEXT_WHAT[field], { [field]: value });
  });
}

export type ThemeResponseInput = { councilResponse: string; changed: boolean; changeDescription: string | null; versionId: number | null };

/** The council's response to one theme, and what changed because of it (linked to the version that changed it). */
export function saveThemeResponse(viewer: SignedInViewer, proposalId: number, themeId: number, revision: number, v: ThemeResponseInput, database: DB = defaultDb()): WriteResult<{ revision: number }> {
  return guardedWrite(database, (tx) => {
    const { outcome } = requireDrafting(tx, viewer, proposalId, revision);
    const theme = tx.select().from(t.themes).where(and(eq(t.themes.id, themeId), eq(t.themes.proposalId, proposalId))).get();
    if (!theme) refuse(404, "This theme does not exist");
    // The form's schema says the same; the server holds to it whatever sends the request.
    if (!meetsMinimumWords(v.councilResponse, 10)) refuse(400, `Write what the council did about “${theme.name}” in at least 10 words of your own, not a placeholder`, "councilResponse");
    if (v.changed) {
      if (v.versionId == null || !linkableVersions(proposalId, tx).some((x) => x.id === v.versionId))
        refuse(400, "Choose the published version that made the change. A change that was never published cannot be claimed", "versionId");
    }
    tx.update(t.themes)
      .set({ councilResponse: v.councilResponse, changed: v.changed, changeDescription: v.changed ? v.changeDescription : null, versionId: v.changed ? v.versionId : null, updatedAt: nowIso() })
      .where(eq(t.themes.id, themeId))
      .run();
    return saved(tx, viewer, outcome, `Saved the response to the theme “${theme.name}”`);
  });
}

export type EqualityRevisionInput = { rating: "positive" | "negative" | "neutral" | "unknown"; evidence: string; justification: string | null; evidenceAction: string | null };

/** Re-rate one equality row in the light of the responses; `null` puts it back as it was consulted on. */
export function saveEqualityRevision(
  viewer: SignedInViewer,
  proposalId: number,
  characteristic: string,
  revision: number,
  v: EqualityRevisionInput | null,
  database: DB = defaultDb(),
): WriteResult<{ revision: number }> {
  return guardedWrite(database, (tx) => {
    const { p, outcome } = requireDrafting(tx, viewer, proposalId, revision);
    const row = p.equalityRows.find((r) => r.characteristic === characteristic);
    if (!row) refuse(404, "This proposal has no equality row for that characteristic");
    const label = characteristicLabel(loadSettings(tx), characteristic);
    if (!v) {
      tx.delete(t.outcomeEqualityRows).where(and(eq(t.outcomeEqualityRows.proposalId, proposalId), eq(t.outcomeEqualityRows.characteristic, characteristic))).run();
      return saved(tx, viewer, outcome, `Kept the equality rating of ${label} as consulted on`);
    }
    const values = { rating: v.rating, evidence: v.evidence, justification: v.rating === "negative" ? v.justification : null, evidenceAction: v.rating === "unknown" ? v.evidenceAction : null, revisedById: viewer.id, revisedAt: nowIso() };
    tx.insert(t.outcomeEqualityRows)
      .values({ proposalId, characteristic, beforeRating: row.rating, beforeEvidence: row.evidence, ...values })
      .onConflictDoUpdate({ target: [t.outcomeEqualityRows.proposalId, t.outcomeEqualityRows.characteristic], set: values })
      .run();
    return saved(tx, viewer, outcome, `Re-rated the equality impact on ${label}`);
  });
}

/** Send the report for sign-off: only once its gate passes. */
export function submitOutcome(viewer: SignedInViewer, proposalId: number, revision: number, database: DB = defaultDb()): WriteResult | (Extract<WriteResult, { ok: false }> & { unmet?: OutcomeUnmet[] }) {
  let unmet: OutcomeUnmet[] = [];
  const result = guardedWrite(database, (tx) => {
    const { p, outcome } = requireDrafting(tx, viewer, proposalId, revision);
    unmet = outcomeUnmet(p, loadSettings(tx), tx);
    if (unmet.length) refuse(400, `The outcome report cannot be sent for sign-off until ${unmet.length} ${unmet.length === 1 ? "requirement is" : "requirements are"} met`);
    const at = nowIso();
    tx.update(t.outcomes)
      .set({ status: "submitted", submittedAt: at, submittedById: viewer.id, returnedReason: null, revision: outcome.revision + 1, updatedAt: at })
      .where(eq(t.outcomes.proposalId, proposalId))
      .run();
    appendAudit(tx, { actorId: viewer.id, action: "outcome.submit", entityType: "proposal", entityId: proposalId, detail: { what: "Sent the outcome report for sign-off" } });
    return {};
  });
  return result.ok ? result : { ...result, unmet };
}

/** An approver returns the report to its drafters with what needs to change. */
export function returnOutcome(viewer: SignedInViewer, proposalId: number, reason: string, database: DB = defaultDb()): WriteResult {
  return guardedWrite(database, (tx) => {
    const p = visibleProposal(tx, viewer, proposalId);
    if (!can(viewer, "outcome:approve")) refuse(403, "You cannot sign off outcome reports");
    const outcome = tx.select().from(t.outcomes).where(eq(t.outcomes.proposalId, proposalId)).get();
    if (p.state !== "closed" || outcome?.status !== "submitted") refuse(409, "Only an outcome report sent for sign-off can be returned");
    if (!meetsMinimumWords(reason, 5)) refuse(400, "Explain what the drafters need to change, in at least 5 words", "reason");
    tx.update(t.outcomes)
      .set({ status: "draft", returnedReason: reason.trim(), revision: outcome.revision + 1, updatedAt: nowIso() })
      .where(eq(t.outcomes.proposalId, proposalId))
      .run();
    appendAudit(tx, { actorId: viewer.id, action: "outcome.return", entityType: "proposal", entityId: proposalId, detail: { reason: reason.trim() } });
    return {};
  });
}

// ─── The two transitions ───────────────────────────────────────────────────────
function outcomeFacts(tx: DB, p: Proposal): OutcomeFacts | null {
  const outcome = tx.select().from(t.outcomes).where(eq(t.outcomes.proposalId, p.id)).get();
  if (!outcome) return null;
  return { status: outcome.status, unmet: outcomeUnmet(p, loadSettings(tx), tx), contributorIds: outcomeContributors(p.id, tx) };
}


/**
 * Publishing: the report becomes public, re-rated equality rows replace the ones consulted on
 * (their before and after stay on the outcome page, and the change is a public version with its
 * word diff), and subscribers and respondents who asked for updates are emailed (onTransition).
 */
function publishEffects(actorId: number) {
  return (tx: DB, before: Proposal, _after: Proposal, at: Date) => {
    const iso = at.toISOString();
    tx.update(t.outcomes).set({ status: "published", publishedAt: iso, approvedById: actorId, updatedAt: iso }).where(eq(t.outcomes.proposalId, before.id)).run();
    const revisions = tx.select().from(t.outcomeEqualityRows).where(eq(t.outcomeEqualityRows.proposalId, before.id)).all();
    if (revisions.length === 0) return;
    ensurePublishedBaseline(tx, before, actorId);
    for (const r of revisions) {
      // The "before" is what the public read when they responded: fixed now, at publication.
      const current = before.equalityRows.find((row) => row.characteristic === r.characteristic);
      tx.update(t.outcomeEqualityRows)
        .set({ beforeRating: current?.rating ?? null, beforeEvidence: current?.evidence ?? null })
        .where(and(eq(t.outcomeEqualityRows.proposalId, before.id), eq(t.outcomeEqualityRows.characteristic, r.characteristic)))
        .run();
      tx.update(t.equalityRows)
        .set({ rating: r.rating, evidence: r.evidence, justification: r.justification, evidenceAction: r.evidenceAction })
        .where(and(eq(t.equalityRows.proposalId, before.id), eq(t.equalityRows.characteristic, r.characteristic)))
        .run();
    }
    const revised = tx.select().from(t.proposals).where(eq(t.proposals.id, before.id)).get();
    if (revised) {
      // Snapshot the proposal as it now reads (the state stamp is already outcome_published).
      const rows = tx.select().from(t.equalityRows).where(eq(t.equalityRows.proposalId, before.id)).all();
      const snapshot: Proposal = {
        ...before,
        state: revised.state,
        outcomePublishedAt: revised.outcomePublishedAt,
        equalityRows: before.equalityRows.map((row) => {
          const now = rows.find((x) => x.id === row.id);
          return now ? { ...row, rating: now.rating, evidence: now.evidence, justification: now.justification, evidenceAction: now.evidenceAction } : row;
        }),
      };
      recordOutcomeVersion(tx, snapshot, OUTCOME_VERSION_NOTE, actorId);
    }
  };
}

export type TransitionAnswer = { ok: true } | (TransitionRefusal & { outcomeUnmet?: OutcomeUnmet[] });

export function publishOutcome(viewer: SignedInViewer, proposalId: number, database: DB = defaultDb()): TransitionAnswer {
  const result = applyTransition("publish_outcome", proposalId, { kind: "person", viewer }, { facts: (tx, p) => ({ outcome: outcomeFacts(tx, p) }), effect: publishEffects(viewer.id) }, database);
  return result.ok ? { ok: true } : result;
}

export function readingConfirmedAt(proposalId: number, userId: number, database: DB = defaultDb()): string | null {
  return (
    database
      .select({ at: t.outcomeReadings.confirmedAt })
      .from(t.outcomeReadings)
      .where(and(eq(t.outcomeReadings.proposalId, proposalId), eq(t.outcomeReadings.userId, userId)))
      .get()?.at ?? null
  );
}

/** The decision maker confirms, on the page that lists the themes and counts, that they have read the report and the responses. */
export function confirmReading(viewer: SignedInViewer, proposalId: number, database: DB = defaultDb()): WriteResult<{ confirmedAt: string }> {
  return guardedWrite(database, (tx) => {
    const p = visibleProposal(tx, viewer, proposalId);
    if (!can(viewer, "decision:record")) refuse(403, "Only a decision maker confirms reading the outcome report");
    if (p.state !== "outcome_published") refuse(409, p.state === "decided" ? "The decision has already been recorded" : "The outcome report has not been published yet");
    const existing = readingConfirmedAt(proposalId, viewer.id, tx);
    if (existing) return { confirmedAt: existing };
    const at = nowIso();
    tx.insert(t.outcomeReadings).values({ proposalId, userId: viewer.id, confirmedAt: at }).run();
    appendAudit(tx, { actorId: viewer.id, action: "decision.reading_confirmed", entityType: "proposal", entityId: proposalId, detail: { what: "Confirmed reading the outcome report and the responses" } });
    return { confirmedAt: at };
  });
}

export type DecisionInput = { decision: DecisionKind; decidedOn: string; reference: string; noticeUrl: string; summary: string | null };

/** Record the decision: refused (by lifecycle.ts) before the outcome is published, without a confirmed reading, or a second time. */
export function recordDecision(viewer: SignedInViewer, proposalId: number, input: DecisionInput, database: DB = defaultDb()): TransitionAnswer {
  let confirmedAt: string | null = null;
  const result = applyTransition(
    "decide",
    proposalId,
    { kind: "person", viewer },
    {
      facts: (tx) => {
        confirmedAt = readingConfirmedAt(proposalId, viewer.id, tx);
        return { readingConfirmedAt: confirmedAt };
      },
      effect: (tx, _before, _after, at) => {
        tx.insert(t.decisions)
          .values({ proposalId, ...input, decidedById: viewer.id, readingConfirmedAt: confirmedAt!, recordedAt: at.toISOString() })
          .run();
      },
    },
    database,
  );
  return result.ok ? { ok: true } : result;
}

/** Proposals with an outcome report in these statuses, for the staff home page. */
export function outcomesInStatus(statuses: ("draft" | "submitted" | "published")[], database: DB = defaultDb()) {
  return database.select({ proposalId: t.outcomes.proposalId, status: t.outcomes.status, submittedAt: t.outcomes.submittedAt }).from(t.outcomes).where(inArray(t.outcomes.status, statuses)).all();
}
