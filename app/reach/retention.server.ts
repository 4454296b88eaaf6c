/**
 * Personal data in requests for other formats (UK GDPR storage limitation; the privacy notice in
 * content/ says exactly this). A requester's name, email address, phone number, postal address,
 * what they wrote and the officer's note about them are needed until the format has reached them
 * and the consultation has closed (they may ask for a corrected copy). The scheduler removes them
 * `alternativeFormats.keepContactDetailsDays` (90) days after both, and from any request still
 * open a year after its consultation closed. Kept: the format, the language, the dates, the status
 * and the reference, which are what the public counts and the council's records need.
 *
 * Equality monitoring keeps nothing personal to remove (monitoring.server.ts).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now as clockNow } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { addDays, councilDate } from "~/lib/council-time";
import type { FormatRequestStatus } from "./formats";

/** Days a still-open request keeps its contact details after the consultation closed. */
export const OPEN_REQUEST_KEEP_DAYS = 365;

/**
 * Whether a request's contact details are due to go on `today` (a council calendar date). Pure.
 * `closedOn` is the consultation's closing date, or null while it has not closed.
 */
export function contactDetailsExpired(r: { status: FormatRequestStatus; sentOn: string | null; updatedOn: string }, closedOn: string | null, today: string, keepDays: number): boolean {
  if (closedOn == null) return false;
  if (r.status === "sent" || r.status === "cancelled") {
    const done = r.status === "sent" && r.sentOn ? r.sentOn : r.updatedOn;
    const later = done > closedOn ? done : closedOn;
    return addDays(later, keepDays) <= today;
  }
  return addDays(closedOn, OPEN_REQUEST_KEEP_DAYS) <= today;
}

const CLOSED_STATES: readonly t.ProposalState[] = ["closed", "outcome_published", "decided", "withdrawn"];

/** Run once: returns how many requests had their contact details removed. */
export function removeExpiredFormatContacts(at: Date = clockNow(), database: DB = defaultDb()): number {
  const settings = loadSettings(database);
  const keepDays = settings.alternativeFormats.keepContactDetailsDays;
  const zone = settings.council.timeZone;
  const today = councilDate(at, zone);
  const candidates = database
    .select({
      id: t.formatRequests.id,
      status: t.formatRequests.status,
      sentOn: t.formatRequests.sentOn,
      updatedAt: t.formatRequests.updatedAt,
      state: t.proposals.state,
      closesOn: t.proposals.closesOn,
      closedAt: t.proposals.closedAt,
      withdrawnAt: t.proposals.withdrawnAt,
    })
    .from(t.formatRequests)
    .innerJoin(t.proposals, eq(t.proposals.id, t.formatRequests.proposalId))
    .where(and(isNull(t.formatRequests.contactRemovedAt), inArray(t.proposals.state, CLOSED_STATES)))
    .all();
  const due = candidates
    .filter((r) => {
      const closedOn = r.closedAt ? councilDate(r.closedAt, zone) : r.withdrawnAt ? councilDate(r.withdrawnAt, zone) : r.closesOn;
      return contactDetailsExpired({ status: r.status, sentOn: r.sentOn, updatedOn: councilDate(r.updatedAt, zone) }, closedOn, today, keepDays);
    })
    .map((r) => r.id);
  if (due.length === 0) return 0;
  return writeTransaction((tx) => {
    const iso = at.toISOString();
    let removed = 0;
    for (let i = 0; i < due.length; i += 500) {
      removed += tx
        .update(t.formatRequests)
        .set({ name: null, email: null, phone: null, postalAddress: null, details: null, officerNote: null, contactRemovedAt: iso })
        .where(and(inArray(t.formatRequests.id, due.slice(i, i + 500)), isNull(t.formatRequests.contactRemovedAt)))
        .run().changes;
    }
    appendAudit(tx, {
      actorId: null,
      action: "retention.format_request_contacts_removed",
      entityType: "format_requests",
      entityId: null,
      detail: { what: `Removed the names and contact details of ${removed} requests for other formats, ${keepDays} days after they were dealt with and the consultation closed`, requests: removed },
    });
    return removed;
  }, database);
}
