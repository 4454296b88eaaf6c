/**
 * What a lifecycle transition tells people. Called by applyTransition inside its transaction,
 * after the state has changed, so the emails commit with the change or not at all.
 */
import type { DB } from "#db/client.server";
import type { Transition } from "~/proposals/lifecycle";
import type { Proposal } from "~/proposals/types";

export function onTransition(_tx: DB, _transition: Transition, _proposal: Proposal, _at: Date): void {
  // Union notices (approve) and staff and subscriber emails (open) are queued here.
}
