/**
 * Search over consultations and published comments with SQLite FTS5 (migration 0005 keeps the
 * index), ranked by BM25 with the title weighted above the summary and the summary above the
 * rest, and each result with a highlighted snippet.
 *
 * The public search narrows in SQL to public states (the same rule as isPublic) and every
 * consultation found is then read through the visibility predicate; comments found are read
 * through publishableComments(). Staff search finds every proposal the viewer may see,
 * drafts included, and nothing else.
 */
import { sql, type SQL } from "drizzle-orm";
import type { ProposalState } from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { Viewer } from "~/auth/permissions";
import { loadSettings } from "~/lib/settings.server";
import { PUBLIC_STATES, canSeeProposal } from "~/proposals/visibility";
import { publishableComments } from "~/responses/comments.server";
import { commentPath } from "~/responses/rules";
import { MATCH_END, MATCH_START, parseSearchQuery, snippetParts, type SnippetPart } from "./query";

export const RESULTS_PER_PAGE = 20;
export const MAX_PAGE = 50;

export type SearchFilters = { states?: readonly ProposalState[]; serviceSlug?: string };

export type ConsultationHit = {
  slug: string;
  title: string;
  state: ProposalState;
  serviceName: string;
  serviceSlug: string;
  snippet: SnippetPart[];
  href: string;
};

export type CommentHit = {
  id: number;
  consultation: { slug: string; title: string };
  author: { name: string; capacity: string | null };
  official: boolean;
  createdAt: string;
  snippet: SnippetPart[];
  href: string;
};

export type SearchResults = {
  terms: string[];
  /** "all" when every result has every word; "any" when nothing had them all and the search was widened */
  matched: "all" | "any" | null;
  consultations: ConsultationHit[];
  comments: { hits: CommentHit[]; total: number; page: number; pages: number };
};

const SNIPPET = (table: string, column: number, tokens: number) => sql.raw(`snippet(${table}, ${column}, '${MATCH_START}', '${MATCH_END}', '…', ${tokens})`);
const NO_RESULTS: SearchResults["comments"] = { hits: [], total: 0, page: 1, pages: 1 };

function publicStates(filters: SearchFilters): string[] {
  const allowed = (filters.states?.length ? filters.states : PUBLIC_STATES).filter((s) => (PUBLIC_STATES as readonly string[]).includes(s));
  return allowed.length ? allowed : ["__none__"];
}

function proposalConditions(filters: SearchFilters, onlyPublic: boolean): SQL {
  const parts: SQL[] = [];
  if (onlyPublic) {
    parts.push(sql`p.state IN (${sql.join(publicStates(filters).map((s) => sql`${s}`), sql`, `)})`);
    // A withdrawn proposal is public only if it had opened: the same rule as isPublic().
    parts.push(sql`(p.state <> 'withdrawn' OR p.opened_at IS NOT NULL)`);
  } else if (filters.states?.length) {
    parts.push(sql`p.state IN (${sql.join(filters.states.map((s) => sql`${s}`), sql`, `)})`);
  }
  if (filters.serviceSlug) parts.push(sql`s.slug = ${filters.serviceSlug}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`1`;
}

type ConsultationRow = {
  id: number;
  slug: string;
  title: string;
  state: ProposalState;
  opened_at: string | null;
  service_id: number;
  created_by_id: number;
  service_name: string;
  service_slug: string;
  union_ids: string | null;
  snippet: string;
};

function findConsultations(database: DB, match: string, filters: SearchFilters, onlyPublic: boolean, limit: number): ConsultationRow[] {
  return database.all<ConsultationRow>(sql`
    SELECT p.id, p.slug, p.title, p.state, p.opened_at, p.service_id, p.created_by_id, s.name AS service_name, s.slug AS service_slug,
      (SELECT group_concat(union_id) FROM proposal_unions pu WHERE pu.proposal_id = p.id) AS union_ids,
      ${SNIPPET("search_consultations", -1, 24)} AS snippet
    FROM search_consultations
    JOIN proposals p ON p.id = search_consultations.rowid
    JOIN services s ON s.id = p.service_id
    WHERE search_consultations MATCH ${match} AND ${proposalConditions(filters, onlyPublic)}
    ORDER BY bm25(search_consultations, 10.0, 5.0, 1.0), p.id
    LIMIT ${limit}`);
}

function toConsultationHit(r: ConsultationRow): ConsultationHit {
  return {
    slug: r.slug,
    title: r.title,
    state: r.state,
    serviceName: r.service_name,
    serviceSlug: r.service_slug,
    snippet: snippetParts(r.snippet),
    href: `/consultations/${encodeURIComponent(r.slug)}`,
  };
}

const facts = (r: ConsultationRow) => ({
  state: r.state,
  openedAt: r.opened_at,
  serviceId: r.service_id,
  createdById: r.created_by_id,
  unionIds: r.union_ids ? r.union_ids.split(",").map(Number) : [],
});

function findComments(database: DB, match: string, filters: SearchFilters, page: number): SearchResults["comments"] & { raw: { id: number; snippet: string; slug: string; title: string }[] } {
  const where = sql`search_comments MATCH ${match} AND c.status = 'visible' AND ${proposalConditions(filters, true)}`;
  const from = sql`FROM search_comments JOIN comments c ON c.id = search_comments.rowid JOIN proposals p ON p.id = c.proposal_id JOIN services s ON s.id = p.service_id`;
  const total = database.get<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${where}`)?.n ?? 0;
  const pages = Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / RESULTS_PER_PAGE)));
  const current = Math.min(Math.max(1, page), pages);
  const raw = database.all<{ id: number; snippet: string; slug: string; title: string; state: ProposalState; opened_at: string | null; service_id: number; created_by_id: number }>(sql`
    SELECT c.id, ${SNIPPET("search_comments", 0, 32)} AS snippet, p.slug, p.title, p.state, p.opened_at, p.service_id, p.created_by_id
    ${from}
    WHERE ${where}
    ORDER BY bm25(search_comments), c.id DESC
    LIMIT ${RESULTS_PER_PAGE} OFFSET ${(current - 1) * RESULTS_PER_PAGE}`)
    // Comments live only on public consultations; the predicate still decides.
    .filter((r) => canSeeProposal(null, { state: r.state, openedAt: r.opened_at, serviceId: r.service_id, createdById: r.created_by_id, unionIds: [] }));
  return { hits: [], total, page: current, pages, raw };
}

/** The public search: published consultations and published comments. */
export function searchPublic(input: { q: string | null; filters?: SearchFilters; page?: number }, database: DB = defaultDb()): SearchResults {
  const query = parseSearchQuery(input.q);
  const filters = input.filters ?? {};
  if (!query.all) return { terms: query.terms, matched: null, consultations: [], comments: NO_RESULTS };
  const run = (match: string) => {
    const consultations = findConsultations(database, match, filters, true, 50)
      .filter((r) => canSeeProposal(null, facts(r)))
      .map(toConsultationHit);
    const found = findComments(database, match, filters, input.page ?? 1);
    return { consultations, found };
  };
  let matched: "all" | "any" = "all";
  let result = run(query.all);
  if (result.consultations.length === 0 && result.found.total === 0 && query.any !== query.all) {
    matched = "any";
    result = run(query.any!);
  }
  const council = loadSettings(database).council.name;
  // The words and names come from publishableComments(); the index supplies only ids, order and snippets.
  const published = new Map(publishableComments({ ids: result.found.raw.map((r) => r.id) }, database).map((c) => [c.id, c]));
  const hits: CommentHit[] = result.found.raw.flatMap((r) => {
    const c = published.get(r.id);
    if (!c) return [];
    return [
      {
        id: c.id,
        consultation: { slug: r.slug, title: r.title },
        author: c.official ? { name: c.author.name || council, capacity: council } : c.author,
        official: c.official,
        createdAt: c.createdAt,
        snippet: snippetParts(r.snippet),
        href: commentPath(r.slug, c.id),
      },
    ];
  });
  const { raw: _raw, ...comments } = result.found;
  return { terms: query.terms, matched, consultations: result.consultations, comments: { ...comments, hits } };
}

export type StaffHit = ConsultationHit & { id: number };

/** Staff search: every proposal this viewer may see (drafts, in review, under notice), by the same predicate. */
export function searchForStaff(viewer: Viewer, input: { q: string | null; states?: ProposalState[] }, database: DB = defaultDb()): { terms: string[]; hits: StaffHit[] } {
  const query = parseSearchQuery(input.q);
  if (!query.all || !viewer) return { terms: query.terms, hits: [] };
  // Proposals are few (hundreds): take the best matches, then keep those this viewer may see.
  const rows = findConsultations(database, query.all, { states: input.states }, false, 500).filter((r) => canSeeProposal(viewer, facts(r)));
  return { terms: query.terms, hits: rows.slice(0, 50).map((r) => ({ ...toConsultationHit(r), id: r.id, href: `/staff/proposals/${r.id}` })) };
}

/** Services with at least one published consultation: the choices of the service filter. */
export function servicesWithPublicConsultations(database: DB = defaultDb()): { slug: string; name: string }[] {
  return database.all<{ slug: string; name: string }>(sql`
    SELECT DISTINCT s.slug, s.name FROM services s JOIN proposals p ON p.service_id = s.id
    WHERE ${proposalConditions({}, true)} ORDER BY s.name`);
}
