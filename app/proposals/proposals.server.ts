/**
 * Reading proposals. Builds the plain `Proposal` shape the rules take, with a fixed number of
 * queries per proposal (one per child table), never one per row.
 * Every read on behalf of a viewer goes through the visibility predicate.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lte, notInArray, sql, type SQL } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { Viewer } from "~/auth/permissions";
import { now as clockNow } from "~/lib/clock";
import { councilTimeZone, loadSettings } from "~/lib/settings.server";
import { establishmentOf, withinAggregationPeriod } from "./employment";
import { councilDate } from "~/lib/council-time";
import type { OtherRedundancies, Proposal } from "./types";
import { canSeeProposal, PUBLIC_STATES, visibilityFacts, type VisibilityFacts } from "./visibility";

type ProposalRow = typeof t.proposals.$inferSelect;

function assemble(database: DB, rows: ProposalRow[]): Proposal[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const serviceRows = database
    .select({ id: t.services.id, name: t.services.name, slug: t.services.slug })
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
  const translations = database.select().from(t.proposalTranslations).where(inArray(t.proposalTranslations.proposalId, ids)).orderBy(asc(t.proposalTranslations.language)).all();
  const translationIds = translations.map((tr) => tr.id);
  const translatedQuestions = translationIds.length ? database.select().from(t.proposalTranslationQuestions).where(inArray(t.proposalTranslationQuestions.translationId, translationIds)).all() : [];

  const of = <R extends { proposalId: number }>(list: R[], id: number) => list.filter((r) => r.proposalId === id);
  const redundancies = otherRedundancies(database, rows);

  return rows.map((row) => {
    const { createdAt: _c, ...fields } = row;
    return {
      ...fields,
      serviceName: serviceRows.find((s) => s.id === row.serviceId)?.name ?? "",
      serviceSlug: serviceRows.find((s) => s.id === row.serviceId)?.slug ?? "",
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
      questions: of(questions, row.id).map(({ id, question, personal }) => ({ id, question, personal })),
      translations: of(translations, row.id).map(({ id, language, summary, translatorName, translatedOn }) => ({
        id,
        language,
        summary,
        translatorName,
        translatedOn,
        // in the questions' order; a translation of a question since removed is not the proposal's
        questions: of(questions, row.id).flatMap((q) => translatedQuestions.filter((x) => x.translationId === id && x.questionId === q.id).map((x) => ({ questionId: q.id, text: x.text }))),
      })),
      ...(redundancies.has(row.id) ? { otherRedundancies: redundancies.get(row.id) } : {}),
    };
  });
}

/** Proposals by id, in the order given, each with everything it carries. No visibility check: callers filter. */
function loadProposals(ids: number[], database: DB): Proposal[] {
  if (ids.length === 0) return [];
  const rows = database.select().from(t.proposals).where(inArray(t.proposals.id, ids)).all();
  const byId = new Map(assemble(database, rows).map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id)).filter((p): p is Proposal => p != null);
}

/**
 * TULRCA s.188 counts redundancies "at one establishment within a period of 90 days or less"
 * across proposals (employment.ts): for each of `rows` that proposes redundancies, the others
 * at the same establishment, past drafting and not withdrawn, whose first dismissal falls
 * within 90 days of its own. One query for the candidates, whatever the number of rows.
 */
function otherRedundancies(database: DB, rows: ProposalRow[]): Map<number, OtherRedundancies> {
  const out = new Map<number, OtherRedundancies>();
  const proposing = rows.filter((r) => (r.redundancyPosts ?? 0) > 0 && r.firstDismissalOn);
  if (!proposing.length) return out;
  const settings = loadSettings(database);
  const candidates = database
    .select({ id: t.proposals.id, establishment: t.proposals.establishment, posts: t.proposals.redundancyPosts, firstDismissalOn: t.proposals.firstDismissalOn })
    .from(t.proposals)
    .where(and(notInArray(t.proposals.state, ["draft", "withdrawn"]), gt(t.proposals.redundancyPosts, 0), isNotNull(t.proposals.firstDismissalOn)))
    .all();
  for (const row of proposing) {
    const here = establishmentOf(row, settings);
    const others = candidates.filter(
      (c) => c.id !== row.id && here != null && establishmentOf(c, settings) === here && withinAggregationPeriod(c.firstDismissalOn!, row.firstDismissalOn!),
    );
    out.set(row.id, { proposals: others.length, posts: others.reduce((n, c) => n + (c.posts ?? 0), 0) });
  }
  return out;
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

/**
 * The visibility facts for a slug, in the same two small queries whether or not it exists, so
 * a hidden proposal and a missing one take the same path and the same time to a 404; the
 * whole proposal is loaded only once the viewer may see it.
 */
export function visibilityBySlug(slug: string, database: DB = defaultDb()): (VisibilityFacts & { id: number }) | null {
  const row = database
    .select({ id: t.proposals.id, state: t.proposals.state, openedAt: t.proposals.openedAt, serviceId: t.proposals.serviceId, createdById: t.proposals.createdById, returnedReason: t.proposals.returnedReason })
    .from(t.proposals)
    .where(eq(t.proposals.slug, slug))
    .get();
  const unionIds = database.select({ unionId: t.proposalUnions.unionId }).from(t.proposalUnions).where(eq(t.proposalUnions.proposalId, row?.id ?? -1)).all().map((u) => u.unionId);
  return row ? { ...row, unionIds } : null;
}

/** The proposal at `slug` if this viewer may see it; otherwise throws the site's 404. */
export function requireVisibleProposal(viewer: Viewer, slug: string, database: DB = defaultDb()): Proposal {
  const facts = visibilityBySlug(slug, database);
  if (!facts || !canSeeProposal(viewer, facts)) throw notFound();
  const proposal = loadProposal(facts.id, database);
  if (!proposal) throw notFound();
  return proposal;
}

export function requireVisibleProposalById(viewer: Viewer, id: number, database: DB = defaultDb()): Proposal {
  const proposal = loadProposal(id, database);
  if (!proposal || !canSeeProposal(viewer, visibilityFacts(proposal))) throw notFound();
  return proposal;
}

// ─── The public list ───────────────────────────────────────────────────────────
export const LIST_FILTERS = {
  all: PUBLIC_STATES,
  open: ["open"],
  closed: ["closed"],
  concluded: ["outcome_published", "decided"],
  withdrawn: ["withdrawn"],
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
  /** public challenges to its facts still waiting for the council's answer, and how many are late */
  challenges: { open: number; overdue: number };
  /** the day it was decided, once decided */
  decidedOn: string | null;
  /** once withdrawn: when, and the reason the council published */
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  closedAt: string | null;
};

export const PAGE_SIZE = 20;

/** One page of public consultations: open first (closing soonest), then the rest newest first. */
export function listPublicConsultations(
  filter: ListFilter,
  page: number,
  database: DB = defaultDb(),
  today: string = councilDate(clockNow(), councilTimeZone(database)),
): { items: ConsultationListItem[]; total: number; page: number; pages: number } {
  // A withdrawn proposal is public only if it had opened: the same rule as isPublic().
  const where = publicWhere(LIST_FILTERS[filter]);
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
      closedAt: t.proposals.closedAt,
      decidedOn: t.decisions.decidedOn,
      withdrawnAt: t.proposals.withdrawnAt,
      withdrawnReason: t.proposals.withdrawnReason,
      serviceId: t.proposals.serviceId,
      createdById: t.proposals.createdById,
      openChallenges: sql<number>`(SELECT count(*) FROM challenges c WHERE c.proposal_id = ${t.proposals.id} AND c.status = 'visible' AND c.answered_at IS NULL)`,
      overdueChallenges: sql<number>`(SELECT count(*) FROM challenges c WHERE c.proposal_id = ${t.proposals.id} AND c.status = 'visible' AND c.answered_at IS NULL AND c.due_on < ${today})`,
    })
    .from(t.proposals)
    .innerJoin(t.services, eq(t.services.id, t.proposals.serviceId))
    .leftJoin(t.decisions, eq(t.decisions.proposalId, t.proposals.id))
    .where(where)
    .orderBy(sql`CASE ${t.proposals.state} WHEN 'open' THEN 0 ELSE 1 END`, sql`CASE ${t.proposals.state} WHEN 'open' THEN ${t.proposals.closesOn} END ASC`, desc(t.proposals.closesOn), asc(t.proposals.id))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .all()
    // The SQL narrows; the predicate decides. Anything it refuses never reaches the page.
    .filter((r) => canSeeProposal(null, { ...r, unionIds: [] }))
    .map(({ serviceId: _s, createdById: _c, openChallenges, overdueChallenges, ...item }) => ({ ...item, challenges: { open: Number(openChallenges), overdue: Number(overdueChallenges) } }));
  return { items, total, page: current, pages };
}

// ─── Open data: public proposals a page at a time ──────────────────────────────
/** What the open data may be filtered by. Dates are ISO calendar dates, inclusive; `updatedSince` an ISO instant. */
export type PublicProposalQuery = {
  states?: readonly t.ProposalState[];
  serviceId?: number;
  slug?: string;
  opensFrom?: string;
  opensTo?: string;
  closesFrom?: string;
  closesTo?: string;
  updatedSince?: string;
  /** keyset paging: proposals with a larger id than this */
  afterId?: number;
  limit: number;
};

/** The SQL half of isPublic(): it narrows, and the predicate still decides each row. */
function publicWhere(states: readonly t.ProposalState[] = PUBLIC_STATES): SQL {
  const allowed = states.filter((s) => (PUBLIC_STATES as readonly string[]).includes(s));
  return and(
    inArray(t.proposals.state, allowed.length ? allowed : ["__none__" as t.ProposalState]),
    sql`(${t.proposals.state} <> 'withdrawn' OR ${t.proposals.openedAt} IS NOT NULL)`,
  )!;
}

/**
 * Public consultations in id order (ids never change, so a page boundary never moves), each
 * with everything it carries, through the visibility predicate. `nextAfterId` is where the next
 * page starts, or null on the last page.
 */
export function publicProposals(q: PublicProposalQuery, database: DB = defaultDb()): { proposals: Proposal[]; nextAfterId: number | null } {
  const conditions: (SQL | undefined)[] = [publicWhere(q.states)];
  if (q.serviceId != null) conditions.push(eq(t.proposals.serviceId, q.serviceId));
  if (q.slug != null) conditions.push(eq(t.proposals.slug, q.slug));
  if (q.opensFrom) conditions.push(gte(t.proposals.opensOn, q.opensFrom));
  if (q.opensTo) conditions.push(lte(t.proposals.opensOn, q.opensTo));
  if (q.closesFrom) conditions.push(gte(t.proposals.closesOn, q.closesFrom));
  if (q.closesTo) conditions.push(lte(t.proposals.closesOn, q.closesTo));
  if (q.updatedSince) conditions.push(gte(t.proposals.updatedAt, q.updatedSince));
  if (q.afterId != null) conditions.push(gt(t.proposals.id, q.afterId));
  const ids = database
    .select({ id: t.proposals.id })
    .from(t.proposals)
    .where(and(...conditions))
    .orderBy(asc(t.proposals.id))
    .limit(q.limit + 1)
    .all()
    .map((r) => r.id);
  const more = ids.length > q.limit;
  const page = ids.slice(0, q.limit);
  const proposals = loadProposals(page, database).filter((p) => canSeeProposal(null, visibilityFacts(p)));
  return { proposals, nextAfterId: more ? page[page.length - 1] : null };
}

/** The most recently changed public consultations, newest first (for feeds), through the predicate. */
export function recentlyUpdatedPublicProposals(limit: number, database: DB = defaultDb()): Proposal[] {
  const ids = database.select({ id: t.proposals.id }).from(t.proposals).where(publicWhere()).orderBy(desc(t.proposals.updatedAt), desc(t.proposals.id)).limit(limit).all().map((r) => r.id);
  return loadProposals(ids, database).filter((p) => canSeeProposal(null, visibilityFacts(p)));
}

/** Every public consultation, a batch at a time, for exports that stream. */
export function* eachPublicProposalBatch(q: Omit<PublicProposalQuery, "afterId" | "limit"> = {}, batchSize = 25, database: DB = defaultDb()): Generator<Proposal[]> {
  let afterId: number | undefined;
  for (;;) {
    const { proposals, nextAfterId } = publicProposals({ ...q, afterId, limit: batchSize }, database);
    if (proposals.length) yield proposals;
    if (nextAfterId == null) return;
    afterId = nextAfterId;
  }
}

/** The public consultation at `slug`, or null: a hidden one is exactly as absent as a missing one. */
export function publicProposalBySlug(slug: string, database: DB = defaultDb()): Proposal | null {
  return requireOrNull(() => requireVisibleProposal(null, slug, database));
}

function requireOrNull<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 404) return null;
    throw thrown;
  }
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
