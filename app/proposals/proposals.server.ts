/**
 * Reading proposals. Builds the plain `Proposal` shape the rules take, with a fixed number of
 * queries per proposal (one per child table), never one per row.
 * Every read on behalf of a viewer goes through the visibility predicate.
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { Viewer } from "~/auth/permissions";
import type { Proposal } from "./types";
import { canSeeProposal, PUBLIC_STATES } from "./visibility";

type ProposalRow = typeof t.proposals.$inferSelect;

function assemble(database: DB, rows: ProposalRow[]): Proposal[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const serviceRows = database
    .select({ id: t.services.id, name: t.services.name })
    .from(t.services)
    .where(inArray(t.services.id, [...new Set(rows.map((r) => r.serviceId))]))
    .all();
  const options = database.select().from(t.proposalOptions).where(inArray(t.proposalOptions.proposalId, ids)).orderBy(asc(t.proposalOptions.position), asc(t.proposalOptions.id)).all();
  const risks = database.select().from(t.risks).where(inArray(t.risks.proposalId, ids)).orderBy(asc(t.risks.position), asc(t.risks.id)).all();
  const deps = database.select().from(t.dependencies).where(inArray(t.dependencies.proposalId, ids)).orderBy(asc(t.dependencies.position), asc(t.dependencies.id)).all();
  const mitigations = database.select().from(t.mitigations).where(inArray(t.mitigations.proposalId, ids)).orderBy(asc(t.mitigations.position), asc(t.mitigations.id)).all();
  const mitigationIds = mitigations.map((m) => m.id);
  const mRisks = mitigationIds.length ? database.select().from(t.mitigationRisks).where(inArray(t.mitigationRisks.mitigationId, mitigationIds)).all() : [];
  const mRows = mitigationIds.length ? database.select().from(t.mitigationEqualityRows).where(inArray(t.mitigationEqualityRows.mitigationId, mitigationIds)).all() : [];
  const equality = database.select().from(t.equalityRows).where(inArray(t.equalityRows.proposalId, ids)).orderBy(asc(t.equalityRows.id)).all();
  const docs = database.select().from(t.documents).where(inArray(t.documents.proposalId, ids)).orderBy(asc(t.documents.id)).all();
  const docIds = docs.map((d) => d.id);
  const withheld = docIds.length ? database.select().from(t.withheldParts).where(inArray(t.withheldParts.documentId, docIds)).orderBy(asc(t.withheldParts.id)).all() : [];
  const groups = database
    .select({ proposalId: t.proposalStaffGroups.proposalId, id: t.staffGroups.id, name: t.staffGroups.name, headCount: t.staffGroups.headCount, serviceName: t.services.name })
    .from(t.proposalStaffGroups)
    .innerJoin(t.staffGroups, eq(t.staffGroups.id, t.proposalStaffGroups.staffGroupId))
    .innerJoin(t.services, eq(t.services.id, t.staffGroups.serviceId))
    .where(inArray(t.proposalStaffGroups.proposalId, ids))
    .orderBy(asc(t.staffGroups.name))
    .all();
  const unionRows = database
    .select({ proposalId: t.proposalUnions.proposalId, id: t.unions.id, name: t.unions.name, shortName: t.unions.shortName })
    .from(t.proposalUnions)
    .innerJoin(t.unions, eq(t.unions.id, t.proposalUnions.unionId))
    .where(inArray(t.proposalUnions.proposalId, ids))
    .orderBy(asc(t.unions.name))
    .all();
  const questions = database.select().from(t.consultationQuestions).where(inArray(t.consultationQuestions.proposalId, ids)).orderBy(asc(t.consultationQuestions.position), asc(t.consultationQuestions.id)).all();

  const of = <R extends { proposalId: number }>(list: R[], id: number) => list.filter((r) => r.proposalId === id);

  return rows.map((row) => {
    const { createdAt: _c, ...fields } = row;
    return {
      ...fields,
      serviceName: serviceRows.find((s) => s.id === row.serviceId)?.name ?? "",
      options: of(options, row.id).map(({ id, title, description, isProposed, rejectedBecause }) => ({ id, title, description, isProposed, rejectedBecause })),
      risks: of(risks, row.id).map(({ id, description, whoBears, likelihood, impact, acceptanceReason }) => ({ id, description, whoBears, likelihood, impact, acceptanceReason })),
      dependencies: of(deps, row.id).map(({ id, name, kind, effect, consulted, consultationNote }) => ({ id, name, kind, effect, consulted, consultationNote })),
      mitigations: of(mitigations, row.id).map(({ id, action, owner, dueOn }) => ({
        id,
        action,
        owner,
        dueOn,
        riskIds: mRisks.filter((l) => l.mitigationId === id).map((l) => l.riskId),
        equalityRowIds: mRows.filter((l) => l.mitigationId === id).map((l) => l.equalityRowId),
      })),
      equalityRows: of(equality, row.id).map(({ id, characteristic, rating, evidence, justification, evidenceAction }) => ({ id, characteristic, rating, evidence, justification, evidenceAction })),
      documents: of(docs, row.id).map(({ id, kind, title, filename, mimeType, sizeBytes, disclosure }) => ({
        id,
        kind,
        title,
        filename,
        mimeType,
        sizeBytes,
        disclosure,
        withheldParts: withheld.filter((w) => w.documentId === id).map(({ id, part, ground, publicInterestNote, reviewOn }) => ({ id, part, ground, publicInterestNote, reviewOn })),
      })),
      staffGroups: of(groups, row.id).map(({ id, name, headCount, serviceName }) => ({ id, name, headCount, serviceName })),
      unions: of(unionRows, row.id).map(({ id, name, shortName }) => ({ id, name, shortName })),
      questions: of(questions, row.id).map(({ id, question }) => ({ id, question })),
    };
  });
}

export function loadProposal(id: number, database: DB = defaultDb()): Proposal | null {
  const row = database.select().from(t.proposals).where(eq(t.proposals.id, id)).get();
  return row ? assemble(database, [row])[0] : null;
}

export function loadProposalBySlug(slug: string, database: DB = defaultDb()): Proposal | null {
  const row = database.select().from(t.proposals).where(eq(t.proposals.slug, slug)).get();
  return row ? assemble(database, [row])[0] : null;
}

/** A 404 that looks exactly like the one for an address that never existed. */
export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The proposal at `slug` if this viewer may see it; otherwise throws the site's 404. */
export function requireVisibleProposal(viewer: Viewer, slug: string, database: DB = defaultDb()): Proposal {
  const proposal = loadProposalBySlug(slug, database);
  if (!proposal || !canSeeProposal(viewer, { ...proposal, unionIds: proposal.unions.map((u) => u.id) })) throw notFound();
  return proposal;
}

export function requireVisibleProposalById(viewer: Viewer, id: number, database: DB = defaultDb()): Proposal {
  const proposal = loadProposal(id, database);
  if (!proposal || !canSeeProposal(viewer, { ...proposal, unionIds: proposal.unions.map((u) => u.id) })) throw notFound();
  return proposal;
}

// ─── The public list ───────────────────────────────────────────────────────────
export const LIST_FILTERS = {
  all: PUBLIC_STATES,
  open: ["open"],
  closed: ["closed"],
  concluded: ["outcome_published", "decided", "withdrawn"],
} as const satisfies Record<string, readonly t.ProposalState[]>;
export type ListFilter = keyof typeof LIST_FILTERS;

export type ConsultationListItem = {
  slug: string;
  title: string;
  state: t.ProposalState;
  serviceName: string;
  summary: string | null;
  opensOn: string | null;
  closesOn: string | null;
  openedAt: string | null;
};

export const PAGE_SIZE = 20;

/** One page of public consultations: open first (closing soonest), then the rest newest first. */
export function listPublicConsultations(
  filter: ListFilter,
  page: number,
  database: DB = defaultDb(),
): { items: ConsultationListItem[]; total: number; page: number; pages: number } {
  const states = [...LIST_FILTERS[filter]];
  // A withdrawn proposal is public only if it had opened: the same rule as isPublic().
  const where = and(inArray(t.proposals.state, states), sql`(${t.proposals.state} <> 'withdrawn' OR ${t.proposals.openedAt} IS NOT NULL)`);
  const total = database.select({ n: count() }).from(t.proposals).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const items = database
    .select({
      slug: t.proposals.slug,
      title: t.proposals.title,
      state: t.proposals.state,
      serviceName: t.services.name,
      summary: t.proposals.summary,
      opensOn: t.proposals.opensOn,
      closesOn: t.proposals.closesOn,
      openedAt: t.proposals.openedAt,
      serviceId: t.proposals.serviceId,
      createdById: t.proposals.createdById,
    })
    .from(t.proposals)
    .innerJoin(t.services, eq(t.services.id, t.proposals.serviceId))
    .where(where)
    .orderBy(sql`CASE ${t.proposals.state} WHEN 'open' THEN 0 ELSE 1 END`, sql`CASE ${t.proposals.state} WHEN 'open' THEN ${t.proposals.closesOn} END ASC`, desc(t.proposals.closesOn), asc(t.proposals.id))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .all()
    // The SQL narrows; the predicate decides. Anything it refuses never reaches the page.
    .filter((r) => canSeeProposal(null, { ...r, unionIds: [] }))
    .map(({ serviceId: _s, createdById: _c, ...item }) => item);
  return { items, total, page: current, pages };
}

/** Proposals a staff member can see on their dashboard, newest activity first. */
export function listStaffProposals(viewer: Viewer, database: DB = defaultDb()) {
  const rows = database
    .select({
      id: t.proposals.id,
      slug: t.proposals.slug,
      title: t.proposals.title,
      state: t.proposals.state,
      serviceId: t.proposals.serviceId,
      serviceName: t.services.name,
      createdById: t.proposals.createdById,
      openedAt: t.proposals.openedAt,
      updatedAt: t.proposals.updatedAt,
      unionIds: sql<string | null>`(SELECT group_concat(union_id) FROM proposal_unions pu WHERE pu.proposal_id = ${t.proposals.id})`,
    })
    .from(t.proposals)
    .innerJoin(t.services, eq(t.services.id, t.proposals.serviceId))
    .orderBy(desc(t.proposals.updatedAt))
    .all();
  return rows
    .map((r) => ({ ...r, unionIds: r.unionIds ? r.unionIds.split(",").map(Number) : [] }))
    .filter((r) => canSeeProposal(viewer, r));
}

/**
 * Who signed the proposal off for publication, and when: shown on the public page, so that the
 * public can see an accountable person approved what they are reading (DESIGN.md). The name only,
 * never the account.
 */
export function approvalRecord(p: Pick<Proposal, "approvedAt" | "approvedById">, database: DB = defaultDb()): { approverName: string; approvedAt: string } | null {
  if (!p.approvedAt || p.approvedById == null) return null;
  const user = database.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, p.approvedById)).get();
  return user ? { approverName: user.name, approvedAt: p.approvedAt } : null;
}
