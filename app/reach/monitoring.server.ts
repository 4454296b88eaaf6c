/**
 * Equality monitoring, stored as counts that cannot be joined back to anyone
 * (docs/decisions/020-reaching-everyone-affected.md):
 * - a form adds one to a counter per question answered (monitoring_tallies) and one to the
 *   consultation's form count; nothing else about it is written: no respondent, response, time,
 *   order, network address or audit entry;
 * - the respondent's response row records only that the questions were answered (so they are not
 *   asked twice), never when or what;
 * - what anyone is shown is a copy of the counts taken each time `smallNumber` (5) more forms
 *   have come in, so the figures never move by one person's answers.
 * Each form is one IMMEDIATE transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import type { Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { monitoringReport, type MonitoringReport, type Tallies } from "./monitoring";

export type MonitoringResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

export const ALREADY_ANSWERED = "You have already answered these questions for this consultation. Thank you.";

/**
 * Count one form. `respondentId` for a resident answering online after their response (they must
 * have responded, and not answered before); null for a paper form an officer enters.
 */
export function recordMonitoringForm(proposalId: number, answers: Record<string, string>, from: { respondentId: number } | null, database: DB = defaultDb()): MonitoringResult {
  const threshold = loadSettings(database).monitoring.smallNumber;
  return writeTransaction((tx): MonitoringResult => {
    if (from) {
      const response = tx
        .select({ id: t.responses.id, answered: t.responses.monitoringAnswered })
        .from(t.responses)
        .where(and(eq(t.responses.proposalId, proposalId), eq(t.responses.respondentId, from.respondentId), eq(t.responses.channel, "online")))
        .get();
      if (!response) return { ok: false, status: 404, message: "Send your response first" };
      if (response.answered) return { ok: false, status: 409, message: ALREADY_ANSWERED };
      // Whether, never when: updated_at is left as it was.
      tx.update(t.responses).set({ monitoringAnswered: true }).where(eq(t.responses.id, response.id)).run();
    }
    for (const [question, answer] of Object.entries(answers)) {
      tx.insert(t.monitoringTallies)
        .values({ proposalId, question, answer, count: 1 })
        .onConflictDoUpdate({ target: [t.monitoringTallies.proposalId, t.monitoringTallies.question, t.monitoringTallies.answer], set: { count: sql`${t.monitoringTallies.count} + 1` } })
        .run();
    }
    const forms = tx
      .insert(t.monitoringForms)
      .values({ proposalId, forms: 1, releasedForms: 0, released: {} })
      .onConflictDoUpdate({ target: t.monitoringForms.proposalId, set: { forms: sql`${t.monitoringForms.forms} + 1` } })
      .returning()
      .get();
    if (forms.forms - forms.releasedForms >= threshold) releaseCounts(tx, proposalId, forms.forms);
    return { ok: true };
  }, database);
}

/** Take the copy of the counts that staff and the public see. */
function releaseCounts(tx: DB, proposalId: number, forms: number) {
  const released: Tallies = {};
  for (const row of tx.select().from(t.monitoringTallies).where(eq(t.monitoringTallies.proposalId, proposalId)).all()) {
    (released[row.question] ??= {})[row.answer] = row.count;
  }
  tx.update(t.monitoringForms).set({ released, releasedForms: forms }).where(eq(t.monitoringForms.proposalId, proposalId)).run();
}

/** Whether this resident has answered the questions for this consultation. */
export function hasAnsweredMonitoring(proposalId: number, respondentId: number, database: DB = defaultDb()): boolean {
  const row = database
    .select({ answered: t.responses.monitoringAnswered })
    .from(t.responses)
    .where(and(eq(t.responses.proposalId, proposalId), eq(t.responses.respondentId, respondentId), eq(t.responses.channel, "online")))
    .get();
  return row?.answered ?? false;
}

/** The report, from the released copy only. */
export function loadMonitoringReport(proposalId: number, settings: Settings = loadSettings(), database: DB = defaultDb()): MonitoringReport {
  const row = database.select().from(t.monitoringForms).where(eq(t.monitoringForms.proposalId, proposalId)).get();
  return monitoringReport(row ? { forms: row.forms, releasedForms: row.releasedForms, released: row.released } : null, settings);
}
