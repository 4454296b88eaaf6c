/**
 * Writing a proposal as officers draft it. Every save goes through `editProposal`, which in one
 * IMMEDIATE transaction:
 *   1. checks the officer may change this proposal (visibility, then canEditProposal: 404, 403);
 *   2. checks it can be changed in its state (lifecycle.ts editingMode: 409);
 *   3. checks the revision the officer's page was showing is still the latest: two officers
 *      saving the same proposal, the later one is refused rather than silently overwriting (409);
 *   4. applies the change, bumps the revision and writes the audit entry;
 *   5. once the consultation is open, keeps a public version with the change note, moves the
 *      closing date if asked and tells people who have responded about a material change.
 * A refusal inside `apply` throws, so nothing of the change is written.
 */
import { and, eq, inArray, like, max, or } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { can, type SignedInViewer } from "~/auth/permissions";
import { nowIso } from "~/lib/clock";
import { equalityCharacteristics } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { now } from "~/lib/clock";
import { councilDate } from "~/lib/council-time";
import { canEditProposal, editingMode, gateBindsEdits } from "./lifecycle";
import { loadProposal } from "./proposals.server";
import { readiness, unmetIntroduced } from "./readiness";
import type { PublicChange } from "./sections/public-change";
import type { Proposal, SectionKey, Unmet } from "./types";
import { ensurePublishedBaseline, recordPublicVersion, tellRespondentsOfMaterialChange } from "./versions.server";
import { canSeeProposal, visibilityFacts } from "./visibility";

export type EditRefusal = {
  ok: false;
  /** 403 not theirs to change; 404 not found (or not visible); 409 locked by its state, or stale;
   * 422 it would leave an approved proposal short of what the gate asks */
  status: 403 | 404 | 409 | 422;
  kind: "forbidden" | "not_found" | "locked" | "conflict" | "change_note_needed" | "gate";
  message: string;
  /** on a conflict: the revision that is now current */
  revision?: number;
  /** on a gate refusal: what the change would have left unmet, each saying what to do */
  unmet?: Unmet[];
};
export type EditResult = { ok: true; revision: number; rowId?: number } | EditRefusal;

export type EditInput = {
  /** the revision the officer's page showed */
  revision: number;
  /** required once the consultation is open */
  change?: PublicChange | null;
};

/** What the audit log says happened: "Saved the summary", "Added risk 3". */
export type EditWhat = { section: SectionKey; summary: string };

class Refused extends Error {
  constructor(readonly refusal: EditRefusal) {
    super(refusal.message);
  }
}

/** Throw from inside `apply` to refuse the whole save. */
export function refuse(status: EditRefusal["status"], kind: EditRefusal["kind"], message: string): never {
  throw new Refused({ ok: false, status, kind, message });
}

export const GATE_MESSAGE =
  "This change has not been saved: the proposal was approved with everything the council requires, and it must keep it until the decision. Change the following and save again";

export const CONFLICT_MESSAGE =
  "Someone else saved changes to this proposal after you opened this page, so your changes have not been saved. Your answers are still below: check them against the latest version and save again.";

export function editProposal(
  viewer: SignedInViewer,
  proposalId: number,
  input: EditInput,
  what: EditWhat | ((p: Proposal) => EditWhat),
  apply: (tx: DB, p: Proposal) => number | void,
  database: DB = defaultDb(),
): EditResult {
  try {
    return writeTransaction((tx) => {
      const p = loadProposal(proposalId, tx);
      if (!p || !canSeeProposal(viewer, visibilityFacts(p))) refuse(404, "not_found", "This proposal does not exist");
      if (!canEditProposal(viewer, p)) refuse(403, "forbidden", "You cannot change this proposal: it belongs to another service");
      const mode = editingMode(p);
      if (!mode) refuse(409, "locked", lockedMessage(p));
      if (p.revision !== input.revision) throw new Refused({ ok: false, status: 409, kind: "conflict", message: CONFLICT_MESSAGE, revision: p.revision });
      const change = mode === "public" ? input.change : null;
      if (mode === "public" && !change) refuse(409, "change_note_needed", "The consultation is open: explain the change in a change note, which is published with it");

      if (mode === "public") ensurePublishedBaseline(tx, p, viewer.id);
      const said = typeof what === "function" ? what(p) : what;
      const rowId = apply(tx, p) ?? undefined;
      // The gate holds until the decision: after approval, a change may not leave unmet anything
      // the proposal met before it. Throwing here rolls the whole save back.
      if (gateBindsEdits(p)) {
        const settings = loadSettings(tx);
        const context = { today: councilDate(now(), settings.council.timeZone) };
        const introduced = unmetIntroduced(readiness(p, settings, context), readiness(loadProposal(p.id, tx)!, settings, context));
        if (introduced.length) throw new Refused({ ok: false, status: 422, kind: "gate", message: GATE_MESSAGE, unmet: introduced });
      }
      const at = nowIso();
      const revision = p.revision + 1;
      tx.update(t.proposals)
        .set({ revision, updatedAt: at, ...(change?.newClosesOn ? { closesOn: change.newClosesOn } : {}) })
        .where(eq(t.proposals.id, p.id))
        .run();
      appendAudit(tx, {
        actorId: viewer.id,
        action: "proposal.edit",
        entityType: "proposal",
        entityId: p.id,
        detail: { section: said.section, what: said.summary, ...(change ? { changeNote: change.changeNote, material: change.material, newClosesOn: change.newClosesOn } : {}) },
      });
      if (change) {
        const updated = loadProposal(p.id, tx)!;
        const versionId = recordPublicVersion(tx, updated, change, viewer.id);
        if (change.material) tellRespondentsOfMaterialChange(tx, updated, versionId, change, loadSettings(tx).council.name);
      }
      return { ok: true as const, revision, rowId };
    }, database);
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

function lockedMessage(p: Proposal): string {
  switch (p.state) {
    case "in_review":
      return "This proposal has been submitted for review, so it cannot be changed now. The approver can return it to you";
    case "union_notice":
    case "scheduled":
      return "This proposal has been approved, so it cannot be changed before it opens";
    default:
      return "This consultation has closed, so the proposal cannot be changed";
  }
}

// ─── Starting a proposal ───────────────────────────────────────────────────────

export type StartInput = { title: string; serviceId: number; leadOfficer: string };

/** Services an officer may start a proposal for: their own, or any if their role allows. */
export function servicesFor(viewer: SignedInViewer, database: DB = defaultDb()) {
  const all = database.select({ id: t.services.id, name: t.services.name, workforcePosts: t.services.workforcePosts }).from(t.services).orderBy(t.services.name).all();
  if (can(viewer, "proposal:edit-any-service")) return all;
  return all.filter((s) => s.id === viewer.serviceId);
}

/** "Changes to CAMHS social work" → "changes-to-camhs-social-work": the public address once it opens. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "proposal";
}

function uniqueSlug(tx: DB, title: string, exceptId?: number): string {
  const base = slugify(title);
  const taken = new Set(
    tx
      .select({ id: t.proposals.id, slug: t.proposals.slug })
      .from(t.proposals)
      .where(or(eq(t.proposals.slug, base), like(t.proposals.slug, `${base}-%`)))
      .all()
      .filter((r) => r.id !== exceptId)
      .map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function createProposal(viewer: SignedInViewer, input: StartInput, database: DB = defaultDb()): { ok: true; id: number } | EditRefusal {
  if (!can(viewer, "proposal:create")) return { ok: false, status: 403, kind: "forbidden", message: "You cannot start proposals" };
  if (!servicesFor(viewer, database).some((s) => s.id === input.serviceId)) {
    return { ok: false, status: 403, kind: "forbidden", message: "You can start proposals only for your own service" };
  }
  return writeTransaction((tx) => {
    const service = tx.select().from(t.services).where(eq(t.services.id, input.serviceId)).get()!;
    const { id } = tx
      .insert(t.proposals)
      .values({
        slug: uniqueSlug(tx, input.title),
        title: input.title,
        serviceId: input.serviceId,
        leadOfficer: input.leadOfficer,
        createdById: viewer.id,
        serviceWorkforcePosts: null,
        createdAt: nowIso(),
        updatedAt: nowIso(),
      })
      .returning({ id: t.proposals.id })
      .get();
    // The equality assessment starts with a row for every characteristic the council asks about.
    for (const c of equalityCharacteristics(loadSettings(tx))) {
      tx.insert(t.equalityRows).values({ proposalId: id, characteristic: c.key }).run();
    }
    appendAudit(tx, { actorId: viewer.id, action: "proposal.create", entityType: "proposal", entityId: id, detail: { title: input.title, service: service.name } });
    return { ok: true as const, id };
  }, database);
}

/**
 * The title and lead officer. While a draft, nobody outside the council has seen the proposal's
 * address, so a new title gives it a new one ("TBC" does not stay its address). Once public the
 * address never changes, so every link to it keeps working; the change is a published version
 * like any other (editProposal). In review or under notice it cannot be changed at all.
 */
export function saveTitle(viewer: SignedInViewer, proposalId: number, input: EditInput, value: { title: string; leadOfficer: string }, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "summary", summary: "Saved the title and lead officer" }, (tx, p) => {
    const slug = editingMode(p) === "draft" && value.title !== p.title ? uniqueSlug(tx, value.title, p.id) : p.slug;
    tx.update(t.proposals).set({ title: value.title, leadOfficer: value.leadOfficer, slug }).where(eq(t.proposals.id, p.id)).run();
  }, database);
}

// ─── Fields on the proposal itself ─────────────────────────────────────────────

/** Columns a section form may write: never state, ids, lifecycle dates or the revision. */
export type ProposalColumns = Partial<
  Pick<
    typeof t.proposals.$inferInsert,
    | "summary"
    | "whatChanges"
    | "whyChange"
    | "currentService"
    | "proposedService"
    | "timeline"
    | "alreadyDecided"
    | "openToChange"
    | "postsAffected"
    | "fteAffected"
    | "serviceWorkforcePosts"
    | "serviceUsersPerYear"
    | "activityDescription"
    | "activityPerYear"
    | "budgetChangeGbp"
    | "aimEliminateDiscrimination"
    | "aimAdvanceEquality"
    | "aimFosterRelations"
    | "equalityConclusion"
    | "opensOn"
    | "closesOn"
    | "shortPeriodReason"
    | "howToRespond"
    | "alternativeFormats"
    | "events"
    | "noStaffAffected"
    | "redundancyReasons"
    | "staffDescriptions"
    | "selectionMethod"
    | "dismissalMethodAndTiming"
    | "periodDays"
    | "preElectionReason"
    | "employedInDescriptions"
    | "redundancyPayMethod"
    | "agencyWorkerCount"
    | "agencyWorkerParts"
    | "agencyWorkerWork"
    | "establishment"
    | "redundancyPosts"
    | "firstDismissalOn"
    | "transferKind"
    | "transferOn"
    | "transferReasons"
    | "transferImplications"
    | "transferMeasures"
    | "transfereeMeasures"
  >
>;

const SECTION_WORDS: Record<SectionKey, string> = {
  summary: "the summary",
  details: "the full details",
  options: "the options",
  impact: "the impact figures",
  risks: "the risks",
  dependencies: "the dependencies",
  mitigations: "the mitigations",
  equality: "the equality impact assessment",
  documents: "the documents",
  plan: "the consultation plan",
  stakeholders: "the staff and unions affected",
  questions: "the consultation questions",
};

export function saveFields(viewer: SignedInViewer, proposalId: number, input: EditInput, section: SectionKey, columns: ProposalColumns, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section, summary: `Saved ${SECTION_WORDS[section]}` }, (tx, p) => {
    // Once open, the opening date is history: a later edit never moves it.
    const { opensOn: _opened, ...afterOpening } = columns;
    const values = editingMode(p) === "public" ? afterOpening : columns;
    if (Object.keys(values).length) tx.update(t.proposals).set(values).where(eq(t.proposals.id, p.id)).run();
  }, database);
}

/** The easy read summary: its own page in the summary section (app/reach/easy-read.ts). */
export function saveEasyReadSummary(viewer: SignedInViewer, proposalId: number, input: EditInput, easyReadSummary: string | null, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "summary", summary: "Saved the easy read summary" }, (tx, p) => {
    tx.update(t.proposals).set({ easyReadSummary }).where(eq(t.proposals.id, p.id)).run();
  }, database);
}

/** Staff groups and unions affected, with the explicit answer and the s.188 disclosure. */
export function saveStakeholders(
  viewer: SignedInViewer,
  proposalId: number,
  input: EditInput,
  value: { staffGroups: number[]; unions: number[] } & Pick<ProposalColumns, "noStaffAffected" | "redundancyReasons" | "staffDescriptions" | "selectionMethod" | "dismissalMethodAndTiming">,
  database?: DB,
): EditResult {
  return editProposal(viewer, proposalId, input, { section: "stakeholders", summary: `Saved ${SECTION_WORDS.stakeholders}` }, (tx, p) => {
    const { staffGroups, unions, ...columns } = value;
    tx.update(t.proposals).set(columns).where(eq(t.proposals.id, p.id)).run();
    tx.delete(t.proposalStaffGroups).where(eq(t.proposalStaffGroups.proposalId, p.id)).run();
    for (const staffGroupId of staffGroups) tx.insert(t.proposalStaffGroups).values({ proposalId: p.id, staffGroupId }).run();
    tx.delete(t.proposalUnions).where(eq(t.proposalUnions.proposalId, p.id)).run();
    for (const unionId of unions) tx.insert(t.proposalUnions).values({ proposalId: p.id, unionId }).run();
  }, database);
}

// ─── Rows: options, risks, dependencies, mitigations, questions ────────────────

type RowKind = "options" | "risks" | "dependencies" | "mitigations" | "questions";
const ROW_NOUN: Record<RowKind, string> = { options: "option", risks: "risk", dependencies: "dependency", mitigations: "mitigation", questions: "question" };

function rowsOf(p: Proposal, kind: RowKind): { id: number }[] {
  return p[kind];
}

function rowWhat(kind: RowKind, p: Proposal, rowId: number | null, verb: "save" | "remove"): EditWhat {
  const list = rowsOf(p, kind);
  const index = rowId == null ? list.length : list.findIndex((r) => r.id === rowId);
  const noun = `${ROW_NOUN[kind]} ${index + 1}`;
  return { section: kind, summary: verb === "remove" ? `Removed ${noun}` : rowId == null ? `Added ${noun}` : `Changed ${noun}` };
}

/** A row id from a page address must belong to this proposal, or it is the same 404. */
function requireRow(p: Proposal, kind: RowKind, rowId: number) {
  if (!rowsOf(p, kind).some((r) => r.id === rowId)) refuse(404, "not_found", `This ${ROW_NOUN[kind]} does not exist`);
}

function nextPosition(tx: DB, table: typeof t.risks | typeof t.proposalOptions | typeof t.dependencies | typeof t.mitigations | typeof t.consultationQuestions, proposalId: number): number {
  const row = tx.select({ n: max(table.position) }).from(table).where(eq(table.proposalId, proposalId)).get();
  return (row?.n ?? -1) + 1;
}

function saveRowWith(
  kind: RowKind,
  viewer: SignedInViewer,
  proposalId: number,
  rowId: number | null,
  input: EditInput,
  write: (tx: DB, p: Proposal) => number,
  database?: DB,
): EditResult {
  return editProposal(viewer, proposalId, input, (p) => rowWhat(kind, p, rowId, "save"), (tx, p) => {
    if (rowId != null) requireRow(p, kind, rowId);
    return write(tx, p);
  }, database);
}

export type OptionValues = { title: string; description: string; isProposed: boolean; rejectedBecause: string | null };

export function saveOption(viewer: SignedInViewer, proposalId: number, rowId: number | null, input: EditInput, v: OptionValues, database?: DB): EditResult {
  return saveRowWith("options", viewer, proposalId, rowId, input, (tx, p) => {
    if (rowId != null) {
      tx.update(t.proposalOptions).set(v).where(and(eq(t.proposalOptions.id, rowId), eq(t.proposalOptions.proposalId, p.id))).run();
      return rowId;
    }
    return tx.insert(t.proposalOptions).values({ ...v, proposalId: p.id, position: nextPosition(tx, t.proposalOptions, p.id) }).returning({ id: t.proposalOptions.id }).get().id;
  }, database);
}

export type RiskValues = { description: string; whoBears: string; likelihood: number; impact: number; acceptanceReason: string | null };

export function saveRisk(viewer: SignedInViewer, proposalId: number, rowId: number | null, input: EditInput, v: RiskValues, database?: DB): EditResult {
  return saveRowWith("risks", viewer, proposalId, rowId, input, (tx, p) => {
    if (rowId != null) {
      tx.update(t.risks).set(v).where(and(eq(t.risks.id, rowId), eq(t.risks.proposalId, p.id))).run();
      return rowId;
    }
    return tx.insert(t.risks).values({ ...v, proposalId: p.id, position: nextPosition(tx, t.risks, p.id) }).returning({ id: t.risks.id }).get().id;
  }, database);
}

export type DependencyValues = { name: string; kind: (typeof t.DEPENDENCY_KINDS)[number]; effect: string; consulted: boolean | null; consultationNote: string | null };

export function saveDependency(viewer: SignedInViewer, proposalId: number, rowId: number | null, input: EditInput, v: DependencyValues, database?: DB): EditResult {
  return saveRowWith("dependencies", viewer, proposalId, rowId, input, (tx, p) => {
    if (rowId != null) {
      tx.update(t.dependencies).set(v).where(and(eq(t.dependencies.id, rowId), eq(t.dependencies.proposalId, p.id))).run();
      return rowId;
    }
    return tx.insert(t.dependencies).values({ ...v, proposalId: p.id, position: nextPosition(tx, t.dependencies, p.id) }).returning({ id: t.dependencies.id }).get().id;
  }, database);
}

export type MitigationValues = { action: string; owner: string; dueOn: string | null; riskIds: number[]; equalityRowIds: number[] };

export function saveMitigation(viewer: SignedInViewer, proposalId: number, rowId: number | null, input: EditInput, v: MitigationValues, database?: DB): EditResult {
  return saveRowWith("mitigations", viewer, proposalId, rowId, input, (tx, p) => {
    // Links only to this proposal's own risks and equality rows (the form offers no others).
    if (v.riskIds.some((id) => !p.risks.some((r) => r.id === id)) || v.equalityRowIds.some((id) => !p.equalityRows.some((r) => r.id === id))) {
      refuse(409, "conflict", "A risk or equality impact you chose has been removed: choose again");
    }
    const { riskIds, equalityRowIds, ...columns } = v;
    let id = rowId;
    if (id != null) {
      tx.update(t.mitigations).set(columns).where(and(eq(t.mitigations.id, id), eq(t.mitigations.proposalId, p.id))).run();
      tx.delete(t.mitigationRisks).where(eq(t.mitigationRisks.mitigationId, id)).run();
      tx.delete(t.mitigationEqualityRows).where(eq(t.mitigationEqualityRows.mitigationId, id)).run();
    } else {
      id = tx.insert(t.mitigations).values({ ...columns, proposalId: p.id, position: nextPosition(tx, t.mitigations, p.id) }).returning({ id: t.mitigations.id }).get().id;
    }
    for (const riskId of riskIds) tx.insert(t.mitigationRisks).values({ mitigationId: id, riskId }).run();
    for (const equalityRowId of equalityRowIds) tx.insert(t.mitigationEqualityRows).values({ mitigationId: id, equalityRowId }).run();
    return id;
  }, database);
}

export function saveQuestion(viewer: SignedInViewer, proposalId: number, rowId: number | null, input: EditInput, v: { question: string; personal?: boolean }, database?: DB): EditResult {
  return saveRowWith("questions", viewer, proposalId, rowId, input, (tx, p) => {
    if (rowId != null) {
      // People answered a personal question on the promise that their answers stay unpublished.
      const before = p.questions.find((q) => q.id === rowId);
      if (before?.personal && !v.personal && editingMode(p) === "public")
        refuse(409, "locked", "People have answered this question on the promise that their answers are never published, so it stays marked as personal");
      tx.update(t.consultationQuestions).set(v).where(and(eq(t.consultationQuestions.id, rowId), eq(t.consultationQuestions.proposalId, p.id))).run();
      return rowId;
    }
    return tx.insert(t.consultationQuestions).values({ ...v, proposalId: p.id, position: nextPosition(tx, t.consultationQuestions, p.id) }).returning({ id: t.consultationQuestions.id }).get().id;
  }, database);
}

const ROW_TABLES = {
  options: t.proposalOptions,
  risks: t.risks,
  dependencies: t.dependencies,
  mitigations: t.mitigations,
  questions: t.consultationQuestions,
} as const;

export function removeRow(viewer: SignedInViewer, proposalId: number, kind: RowKind, rowId: number, input: EditInput, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, (p) => rowWhat(kind, p, rowId, "remove"), (tx, p) => {
    requireRow(p, kind, rowId);
    // A question people have already answered keeps their answers: it cannot be removed once open.
    if (kind === "questions" && editingMode(p) === "public") {
      refuse(409, "locked", "People may already have answered this question, so it cannot be removed while the consultation is open. Change its wording instead");
    }
    const table = ROW_TABLES[kind];
    tx.delete(table).where(and(eq(table.id, rowId), eq(table.proposalId, p.id))).run();
  }, database);
}

// ─── Equality rows ─────────────────────────────────────────────────────────────

export type EqualityRowValues = { rating: (typeof t.EQUALITY_RATINGS)[number] | null; evidence: string | null; justification: string | null; evidenceAction: string | null };

export function saveEqualityRow(viewer: SignedInViewer, proposalId: number, characteristic: string, input: EditInput, v: EqualityRowValues, database?: DB): EditResult {
  const settings = loadSettings(database);
  const known = equalityCharacteristics(settings).find((c) => c.key === characteristic);
  return editProposal(viewer, proposalId, input, { section: "equality", summary: `Saved the equality impact on ${known?.label ?? characteristic}` }, (tx, p) => {
    if (!known) refuse(404, "not_found", "This characteristic is not part of the assessment");
    const row = p.equalityRows.find((r) => r.characteristic === characteristic);
    if (row) {
      tx.update(t.equalityRows).set(v).where(eq(t.equalityRows.id, row.id)).run();
      return row.id;
    }
    return tx.insert(t.equalityRows).values({ ...v, proposalId: p.id, characteristic }).returning({ id: t.equalityRows.id }).get().id;
  }, database);
}

// ─── Documents (the files themselves: documents.server.ts) ─────────────────────

export type DocumentValues = { title: string; kind: (typeof t.DOCUMENT_KINDS)[number]; disclosure: "published" | "part_withheld" | "withheld" };

export function updateDocument(viewer: SignedInViewer, proposalId: number, documentId: number, input: EditInput, v: DocumentValues, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "documents", summary: `Changed the document '${v.title}'` }, (tx, p) => {
    if (!p.documents.some((d) => d.id === documentId)) refuse(404, "not_found", "This document does not exist");
    tx.update(t.documents).set(v).where(and(eq(t.documents.id, documentId), eq(t.documents.proposalId, p.id))).run();
    // Published in full again: the reasons for withholding no longer apply.
    if (v.disclosure === "published") tx.delete(t.withheldParts).where(eq(t.withheldParts.documentId, documentId)).run();
    return documentId;
  }, database);
}

export type WithheldPartValues = { part: string; ground: string; publicInterestNote: string; reviewOn: string };

export function addWithheldPart(viewer: SignedInViewer, proposalId: number, documentId: number, input: EditInput, v: WithheldPartValues, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "documents", summary: `Recorded a withheld part: ${v.part}` }, (tx, p) => {
    const doc = p.documents.find((d) => d.id === documentId);
    if (!doc) refuse(404, "not_found", "This document does not exist");
    if (doc.disclosure === "published") tx.update(t.documents).set({ disclosure: "part_withheld" }).where(eq(t.documents.id, documentId)).run();
    return tx.insert(t.withheldParts).values({ ...v, documentId }).returning({ id: t.withheldParts.id }).get().id;
  }, database);
}

export function removeWithheldPart(viewer: SignedInViewer, proposalId: number, documentId: number, partId: number, input: EditInput, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "documents", summary: "Removed a withheld part" }, (tx, p) => {
    const doc = p.documents.find((d) => d.id === documentId);
    if (!doc || !doc.withheldParts.some((w) => w.id === partId)) refuse(404, "not_found", "This withheld part does not exist");
    tx.delete(t.withheldParts).where(and(eq(t.withheldParts.id, partId), inArray(t.withheldParts.documentId, [documentId]))).run();
  }, database);
}
