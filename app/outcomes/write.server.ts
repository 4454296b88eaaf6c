/**
 * How the writes after closing refuse: a check anywhere inside the transaction throws, the
 * transaction rolls back, and the caller gets the status and message. Nothing half-written.
 */
import { writeTransaction, type DB } from "#db/client.server";
import type { SignedInViewer } from "~/auth/permissions";
import { loadProposal } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { canSeeProposal, visibilityFacts } from "~/proposals/visibility";

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string };
export type WriteResult<T extends object = object> = ({ ok: true } & T) | Refusal;

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** Refuse the whole write from inside it. */
export function refuse(status: Refusal["status"], message: string, field?: string): never {
  throw new Refused({ ok: false, status, message, ...(field ? { field } : {}) });
}

/** One IMMEDIATE transaction; a refusal thrown inside becomes the answer and nothing is written. */
export function guardedWrite<T extends object>(database: DB, fn: (tx: DB) => T): WriteResult<T> {
  try {
    return { ok: true as const, ...writeTransaction(fn, database) };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/** The proposal as this viewer may see it, inside the transaction: 404 exactly as for one that does not exist. */
export function visibleProposal(tx: DB, viewer: SignedInViewer, proposalId: number): Proposal {
  const p = loadProposal(proposalId, tx);
  if (!p || !canSeeProposal(viewer, visibilityFacts(p))) refuse(404, "This proposal does not exist");
  return p;
}
