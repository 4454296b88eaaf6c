/**
 * Requests for a consultation in another format: taken from the public form or by an officer
 * (a phone call, a letter, someone at the desk), worked in a staff queue with a due date in
 * working days, and counted on the public page. Each write is one IMMEDIATE transaction with its
 * audit entry; the audit log never holds the requester's name or contact details (they are
 * removed later: retention.server.ts).
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import { councilTimeZone, loadSettings } from "~/lib/settings.server";
import { canEditProposal } from "~/proposals/lifecycle";
import { bankHolidays } from "~/proposals/lifecycle.server";
import type { Proposal } from "~/proposals/types";
import { canSeeProposal } from "~/proposals/visibility";
import { councilDate } from "~/lib/council-time";
import { formatCounts, formatDueOn, formatReference, isOverdue, type FormatCounts, type FormatKind, type FormatRequestChannel, type FormatRequestStatus } from "./formats";

export type FormatRequestInput = {
  format: FormatKind;
  language: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  details: string | null;
};

const randomUnit = () => crypto.randomInt(0, 2 ** 32) / 2 ** 32;

/** Record a request; returns its reference and due date. */
export function createFormatRequest(
  proposal: Pick<Proposal, "id">,
  input: FormatRequestInput,
  how: { channel: FormatRequestChannel; enteredBy: SignedInViewer | null },
  at: Date,
  database: DB = defaultDb(),
): { id: number; reference: string; dueOn: string } {
  const settings = loadSettings(database);
  const receivedOn = councilDate(at, settings.council.timeZone);
  const dueOn = formatDueOn(receivedOn, settings.alternativeFormats.dueWorkingDays, bankHolidays());
  return writeTransaction((tx) => {
    let reference = formatReference(randomUnit);
    while (tx.select({ id: t.formatRequests.id }).from(t.formatRequests).where(eq(t.formatRequests.reference, reference)).get()) reference = formatReference(randomUnit);
    const iso = at.toISOString();
    const { id } = tx
      .insert(t.formatRequests)
      .values({
        proposalId: proposal.id,
        reference,
        format: input.format,
        language: input.format === "translation" ? input.language : null,
        channel: how.channel,
        name: input.name,
        email: input.email,
        phone: input.phone,
        postalAddress: input.postalAddress,
        details: input.details,
        dueOn,
        enteredById: how.enteredBy?.id ?? null,
        createdAt: iso,
        updatedAt: iso,
      })
      .returning({ id: t.formatRequests.id })
      .get();
    // No name or contact details in the audit log: it is kept for good, they are not.
    appendAudit(tx, {
      actorId: how.enteredBy?.id ?? null,
      action: "format_request.create",
      entityType: "format_request",
      entityId: id,
      detail: { proposalId: proposal.id, reference, format: input.format, channel: how.channel, dueOn },
    });
    return { id, reference, dueOn };
  }, database);
}

/** The counts the public page shows for one consultation. */
export function publicFormatCounts(proposalId: number, database: DB = defaultDb()): FormatCounts {
  return formatCounts(
    database
      .select({ status: t.formatRequests.status, dueOn: t.formatRequests.dueOn, sentOn: t.formatRequests.sentOn })
      .from(t.formatRequests)
      .where(eq(t.formatRequests.proposalId, proposalId))
      .all(),
  );
}

export type QueueItem = {
  id: number;
  reference: string;
  format: FormatKind;
  language: string | null;
  status: FormatRequestStatus;
  channel: FormatRequestChannel;
  dueOn: string;
  sentOn: string | null;
  createdAt: string;
  overdue: boolean;
  proposal: { id: number; title: string; slug: string };
};

export type QueueFilter = "open" | "overdue" | "closed" | "all";

type ProposalFacts = { id: number; title: string; slug: string; state: t.ProposalState; openedAt: string | null; serviceId: number; createdById: number };

/** Proposals whose requests this officer works: those they can see and change (their service's). */
function workable(viewer: SignedInViewer, database: DB): Map<number, ProposalFacts> {
  const rows = database
    .select({ id: t.proposals.id, title: t.proposals.title, slug: t.proposals.slug, state: t.proposals.state, openedAt: t.proposals.openedAt, serviceId: t.proposals.serviceId, createdById: t.proposals.createdById })
    .from(t.proposals)
    .all();
  const unions = database.select().from(t.proposalUnions).all();
  return new Map(
    rows
      .filter((p) => canSeeProposal(viewer, { ...p, unionIds: unions.filter((u) => u.proposalId === p.id).map((u) => u.unionId) }) && canEditProposal(viewer, p))
      .map((p) => [p.id, p]),
  );
}

/** The queue: overdue first, then by due date; open ones unless the filter says otherwise. */
export function formatQueue(viewer: SignedInViewer, filter: QueueFilter, at: Date, database: DB = defaultDb()): QueueItem[] {
  const proposals = workable(viewer, database);
  if (proposals.size === 0) return [];
  const today = councilDate(at, councilTimeZone(database));
  const statuses: FormatRequestStatus[] = filter === "closed" ? ["sent", "cancelled"] : filter === "all" ? ["received", "in_progress", "sent", "cancelled"] : ["received", "in_progress"];
  const rows = database
    .select()
    .from(t.formatRequests)
    .where(and(inArray(t.formatRequests.proposalId, [...proposals.keys()]), inArray(t.formatRequests.status, statuses)))
    .orderBy(asc(t.formatRequests.dueOn), asc(t.formatRequests.id))
    .all();
  const items = rows.map((r) => {
    const p = proposals.get(r.proposalId)!;
    return {
      id: r.id,
      reference: r.reference,
      format: r.format,
      language: r.language,
      status: r.status,
      channel: r.channel,
      dueOn: r.dueOn,
      sentOn: r.sentOn,
      createdAt: r.createdAt,
      overdue: isOverdue(r, today),
      proposal: { id: p.id, title: p.title, slug: p.slug },
    };
  });
  const chosen = filter === "overdue" ? items.filter((i) => i.overdue) : items;
  return chosen.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
}

export type FormatRequestDetail = typeof t.formatRequests.$inferSelect & { overdue: boolean; proposal: { id: number; title: string; slug: string }; enteredBy: string | null };

/** One request, if this officer works its consultation's requests; otherwise null (the route's 404). */
export function loadFormatRequest(viewer: SignedInViewer, id: number, at: Date, database: DB = defaultDb()): FormatRequestDetail | null {
  const r = database.select().from(t.formatRequests).where(eq(t.formatRequests.id, id)).get();
  if (!r) return null;
  const p = workable(viewer, database).get(r.proposalId);
  if (!p) return null;
  const enteredBy = r.enteredById != null ? (database.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, r.enteredById)).get()?.name ?? null) : null;
  return { ...r, overdue: isOverdue(r, councilDate(at, councilTimeZone(database))), proposal: { id: p.id, title: p.title, slug: p.slug }, enteredBy };
}

export type StatusUpdate = { status: FormatRequestStatus; sentOn: string | null; officerNote: string | null };

/** Move a request on: being prepared, sent (with the date), or no longer needed. */
export function updateFormatRequest(viewer: SignedInViewer, id: number, update: StatusUpdate, at: Date, database: DB = defaultDb()): { ok: true } | { ok: false; status: 404 | 409; message: string } {
  return writeTransaction((tx) => {
    const current = loadFormatRequest(viewer, id, at, tx);
    if (!current) return { ok: false as const, status: 404 as const, message: "This request does not exist" };
    if (update.status === "sent") {
      if (!update.sentOn) return { ok: false as const, status: 409 as const, message: "Enter the date it was sent" };
      const zone = councilTimeZone(tx);
      if (update.sentOn < councilDate(current.createdAt, zone)) return { ok: false as const, status: 409 as const, message: "The date it was sent must be on or after the day it was asked for" };
      if (update.sentOn > councilDate(at, zone)) return { ok: false as const, status: 409 as const, message: "The date it was sent must be today or in the past" };
    }
    tx.update(t.formatRequests)
      .set({ status: update.status, sentOn: update.status === "sent" ? update.sentOn : null, officerNote: update.officerNote, updatedAt: at.toISOString() })
      .where(eq(t.formatRequests.id, id))
      .run();
    appendAudit(tx, {
      actorId: viewer.id,
      action: "format_request.update",
      entityType: "format_request",
      entityId: id,
      detail: { reference: current.reference, from: current.status, to: update.status, sentOn: update.status === "sent" ? update.sentOn : null },
    });
    return { ok: true as const };
  }, database);
}

/** How many open requests are overdue for this officer: the staff home and navigation can say so. */
export function overdueCount(viewer: SignedInViewer, at: Date, database: DB = defaultDb()): number {
  return formatQueue(viewer, "overdue", at, database).length;
}
