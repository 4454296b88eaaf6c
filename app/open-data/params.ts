/**
 * Reading the open data's query strings. Pure. Anything unexpected (an unknown parameter, a
 * malformed date, a page size out of range, a cursor that was not ours) is refused with a
 * message that says what would be accepted: a 400, never a 500 and never a silent default that
 * hides the mistake.
 */
import type { ProposalState } from "#db/schema";
import { PUBLIC_STATES } from "~/proposals/visibility";

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 406 | 500,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 / RFC 3339: a date, or a date and time with seconds optional and a zone (Z or ±hh:mm). */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Only the parameters named, each at most once (status may repeat), or a 400 that says which are known. */
export function checkParameters(params: URLSearchParams, known: readonly string[], repeatable: readonly string[] = []) {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!known.includes(key)) {
      throw new ApiError(400, `Unknown parameter "${key.slice(0, 40)}". This address accepts: ${known.join(", ")}.`);
    }
    if (seen.has(key) && !repeatable.includes(key)) throw new ApiError(400, `Give "${key}" once.`);
    seen.add(key);
  }
}

export function parseDate(name: string, value: string | null): string | undefined {
  if (value == null) return undefined;
  if (!isRealDate(value)) throw new ApiError(400, `"${name}" must be a date written as YYYY-MM-DD, for example 2026-01-31.`);
  return value;
}

/** An instant as the database stores it (UTC, milliseconds), from a date or a date and time. */
export function parseInstant(name: string, value: string | null): string | undefined {
  if (value == null) return undefined;
  const time = INSTANT.test(value) && isRealDate(value.slice(0, 10)) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  if (!Number.isFinite(time)) {
    throw new ApiError(400, `"${name}" must be an ISO 8601 date or date and time, for example 2026-01-31 or 2026-01-31T09:00:00Z.`);
  }
  return new Date(time).toISOString();
}

export function parseLimit(value: string | null, max = MAX_LIMIT, fallback = DEFAULT_LIMIT): number {
  if (value == null) return fallback;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new ApiError(400, `"limit" must be a whole number from 1 to ${max}.`);
  }
  return Number(value);
}

/** Cursors are opaque to clients: the id the next page starts after, in a form only we write. */
export function encodeCursor(afterId: number): string {
  return Buffer.from(`c1:${afterId}`).toString("base64url");
}

export function decodeCursor(value: string | null): number | undefined {
  if (value == null) return undefined;
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(value) ? Buffer.from(value, "base64url").toString("utf8") : "";
  const m = /^c1:(\d{1,15})$/.exec(text);
  if (!m || !Number.isSafeInteger(Number(m[1]))) {
    throw new ApiError(400, `"cursor" is not one this service gave out. Follow the "next" link of the page before, or leave the cursor out to start at the first page.`);
  }
  return Number(m[1]);
}

export const API_STATUSES = PUBLIC_STATES;

export function parseStatuses(values: string[]): ProposalState[] | undefined {
  const all = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (values.length && all.length === 0) throw new ApiError(400, `"status" must be one or more of: ${API_STATUSES.join(", ")}.`);
  if (all.length === 0) return undefined;
  for (const s of all) {
    if (!(API_STATUSES as readonly string[]).includes(s)) {
      throw new ApiError(400, `Unknown status "${s.slice(0, 40)}". Published consultations are: ${API_STATUSES.join(", ")}.`);
    }
  }
  return [...new Set(all)] as ProposalState[];
}

export const LIST_PARAMETERS = ["status", "service", "opensFrom", "opensTo", "closesFrom", "closesTo", "updatedSince", "limit", "cursor"] as const;

export type ListParameters = {
  states?: ProposalState[];
  serviceSlug?: string;
  opensFrom?: string;
  opensTo?: string;
  closesFrom?: string;
  closesTo?: string;
  updatedSince?: string;
  limit: number;
  afterId?: number;
};

export function parseListParameters(params: URLSearchParams): ListParameters {
  checkParameters(params, LIST_PARAMETERS, ["status"]);
  const service = params.get("service");
  if (service != null && !/^[a-z0-9-]{1,80}$/.test(service)) throw new ApiError(400, `"service" must be a service's slug, as in the "service" of each consultation.`);
  const parsed: ListParameters = {
    states: parseStatuses(params.getAll("status")),
    serviceSlug: service ?? undefined,
    opensFrom: parseDate("opensFrom", params.get("opensFrom")),
    opensTo: parseDate("opensTo", params.get("opensTo")),
    closesFrom: parseDate("closesFrom", params.get("closesFrom")),
    closesTo: parseDate("closesTo", params.get("closesTo")),
    updatedSince: parseInstant("updatedSince", params.get("updatedSince")),
    limit: parseLimit(params.get("limit")),
    afterId: decodeCursor(params.get("cursor")),
  };
  if (parsed.opensFrom && parsed.opensTo && parsed.opensFrom > parsed.opensTo) throw new ApiError(400, `"opensFrom" must not be after "opensTo".`);
  if (parsed.closesFrom && parsed.closesTo && parsed.closesFrom > parsed.closesTo) throw new ApiError(400, `"closesFrom" must not be after "closesTo".`);
  return parsed;
}

/** A slug as the site makes them; anything else cannot name a consultation. */
export function isSlug(value: string | null | undefined): value is string {
  return value != null && /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/.test(value);
}
