/**
 * Personal data after the decision (UK GDPR storage limitation; the privacy notice in content/
 * says exactly this). A set time after a consultation is decided (settings.retention), the
 * scheduler removes what identifies the people who took part, and keeps the public record:
 *
 * - removed: respondents' email addresses (and their names where they chose to appear as
 *   "Resident", so the name was never published), their sign-in links and sessions, the sent
 *   copies of emails to them and about the consultation, the consultation's email subscriptions,
 *   and for responses entered by officers the note of who it was from and the scanned form;
 * - kept: published comments under the name they were shown with, answers (with the name the
 *   respondent chose, where they agreed to publish them), themes, counts, the outcome and the
 *   decision.
 *
 * A resident who also took part in a consultation not yet past its time keeps their address
 * until that one is too. People who signed in but never responded are removed the same time
 * after they signed up.
 */
import fs from "node:fs";
import path from "node:path";
import { addMonths } from "date-fns";
import { and, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now as clockNow } from "~/lib/clock";
import { env } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";

export type RetentionReport = {
  /** slugs of the consultations whose respondents' identifiers were removed */
  consultations: string[];
  respondentsAnonymised: number;
  /** people who signed in but never responded */
  respondentsRemoved: number;
  emailsRemoved: number;
  subscriptionsRemoved: number;
  scansRemoved: number;
};

/** The address an anonymised respondent is left with: unique, and not an address. */
export function anonymisedEmail(respondentId: number): string {
  return `removed-${respondentId}.invalid`;
}

/** The moment before which a decision is old enough for its personal data to go. */
export function retentionCutoff(at: Date, monthsAfterDecision: number): Date {
  return addMonths(at, -monthsAfterDecision);
}

const ids = (list: number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);

function participants(tx: DB, proposalId: number): number[] {
  return tx
    .all<{ id: number }>(sql`
      SELECT respondent_id AS id FROM responses WHERE proposal_id = ${proposalId} AND respondent_id IS NOT NULL
      UNION SELECT respondent_id FROM comments WHERE proposal_id = ${proposalId} AND respondent_id IS NOT NULL
      UNION SELECT cr.respondent_id FROM comment_reports cr JOIN comments c ON c.id = cr.comment_id WHERE c.proposal_id = ${proposalId} AND cr.respondent_id IS NOT NULL`)
    .map((r) => r.id);
}

/** Of these respondents, those who also took part in a consultation whose personal data is still kept. */
function stillTakingPart(tx: DB, respondentIds: number[], proposalId: number): Set<number> {
  if (respondentIds.length === 0) return new Set();
  const rows = tx.all<{ id: number }>(sql`
    SELECT DISTINCT x.respondent_id AS id FROM (
      SELECT respondent_id, proposal_id FROM responses WHERE respondent_id IN (${ids(respondentIds)})
      UNION ALL SELECT respondent_id, proposal_id FROM comments WHERE respondent_id IN (${ids(respondentIds)})
      UNION ALL SELECT cr.respondent_id, c.proposal_id FROM comment_reports cr JOIN comments c ON c.id = cr.comment_id WHERE cr.respondent_id IN (${ids(respondentIds)})
    ) x JOIN proposals p ON p.id = x.proposal_id
    WHERE p.id <> ${proposalId} AND p.personal_data_removed_at IS NULL`);
  return new Set(rows.map((r) => r.id));
}

/** Remove the identifiers of these respondents; returns their addresses as they were (for the outbox). */
function anonymise(tx: DB, respondentIds: number[], at: string): string[] {
  if (respondentIds.length === 0) return [];
  const people = tx.select({ id: t.respondents.id, email: t.respondents.email }).from(t.respondents).where(and(inArray(t.respondents.id, respondentIds), isNull(t.respondents.anonymisedAt))).all();
  for (const person of people) {
    // A name shown on published comments stays as it was shown; one never shown goes.
    tx.run(sql`UPDATE respondents SET email = ${anonymisedEmail(person.id)}, name = CASE WHEN show_name = 1 THEN name ELSE NULL END, anonymised_at = ${at} WHERE id = ${person.id}`);
  }
  const personIds = people.map((p) => p.id);
  if (personIds.length) {
    tx.delete(t.respondentLinks).where(inArray(t.respondentLinks.respondentId, personIds)).run();
    tx.delete(t.respondentSessions).where(inArray(t.respondentSessions.respondentId, personIds)).run();
  }
  return people.map((p) => p.email);
}

/** Sent and failed emails to these addresses or about this consultation (queued ones are still to be delivered). */
function removeEmails(tx: DB, addresses: string[], proposalId: number | null): number {
  let removed = 0;
  const done = inArray(t.outbox.status, ["sent", "failed"]);
  if (proposalId != null) removed += tx.delete(t.outbox).where(and(eq(t.outbox.proposalId, proposalId), done)).run().changes;
  for (let i = 0; i < addresses.length; i += 500) {
    removed += tx.delete(t.outbox).where(and(inArray(t.outbox.toAddress, addresses.slice(i, i + 500)), done)).run().changes;
  }
  return removed;
}

/**
 * Run the job once: every decided consultation past its time, each in its own transaction, then
 * the residents who never took part. Scanned forms are deleted from disk after their transaction commits.
 */
export function removeExpiredPersonalData(at: Date = clockNow(), database: DB = defaultDb()): RetentionReport {
  const months = loadSettings(database).retention.monthsAfterDecision;
  const cutoff = retentionCutoff(at, months).toISOString();
  const iso = at.toISOString();
  const report: RetentionReport = { consultations: [], respondentsAnonymised: 0, respondentsRemoved: 0, emailsRemoved: 0, subscriptionsRemoved: 0, scansRemoved: 0 };

  const due = database
    .select({ id: t.proposals.id, slug: t.proposals.slug })
    .from(t.proposals)
    .where(and(eq(t.proposals.state, "decided"), isNull(t.proposals.personalDataRemovedAt), isNotNull(t.proposals.decidedAt), lte(t.proposals.decidedAt, cutoff)))
    .all();

  for (const p of due) {
    const scans: string[] = [];
    writeTransaction((tx) => {
      const still = tx.select({ removed: t.proposals.personalDataRemovedAt }).from(t.proposals).where(eq(t.proposals.id, p.id)).get();
      if (!still || still.removed) return;
      const everyone = participants(tx, p.id);
      const keep = stillTakingPart(tx, everyone, p.id);
      const addresses = anonymise(tx, everyone.filter((id) => !keep.has(id)), iso);
      const subscriptions = tx.delete(t.subscriptions).where(and(eq(t.subscriptions.scope, "consultation"), eq(t.subscriptions.proposalId, p.id))).run().changes;
      const emails = removeEmails(tx, addresses, p.id);
      const offline = tx.select({ id: t.responses.id, key: t.responses.scanStorageKey }).from(t.responses).where(and(eq(t.responses.proposalId, p.id), isNull(t.responses.respondentId))).all();
      for (const r of offline) if (r.key) scans.push(r.key);
      tx.update(t.responses).set({ respondentLabel: null, scanStorageKey: null }).where(and(eq(t.responses.proposalId, p.id), isNull(t.responses.respondentId))).run();
      tx.update(t.proposals).set({ personalDataRemovedAt: iso }).where(eq(t.proposals.id, p.id)).run();
      appendAudit(tx, {
        actorId: null,
        action: "retention.personal_data_removed",
        entityType: "proposal",
        entityId: p.id,
        detail: { what: `Removed respondents’ personal data, ${months} months after the decision`, respondents: addresses.length, emails, subscriptions, scans: scans.length },
      });
      report.consultations.push(p.slug);
      report.respondentsAnonymised += addresses.length;
      report.emailsRemoved += emails;
      report.subscriptionsRemoved += subscriptions;
    }, database);
    for (const key of scans) {
      if (!/^[0-9a-f]{36}$/.test(key)) continue;
      try {
        fs.rmSync(path.join(env().UPLOADS_PATH, key), { force: true });
        report.scansRemoved += 1;
      } catch {
        // The reference is gone; a file that could not be removed now is unreachable, and an admin can clear it.
      }
    }
  }

  // People who verified an address but never responded, commented or reported anything.
  writeTransaction((tx) => {
    const idle = tx.all<{ id: number; email: string }>(sql`
      SELECT r.id, r.email FROM respondents r
      WHERE r.anonymised_at IS NULL AND r.created_at <= ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM responses x WHERE x.respondent_id = r.id)
        AND NOT EXISTS (SELECT 1 FROM comments x WHERE x.respondent_id = r.id)
        AND NOT EXISTS (SELECT 1 FROM comment_reports x WHERE x.respondent_id = r.id)`);
    if (idle.length === 0) return;
    const idleIds = idle.map((r) => r.id);
    for (let i = 0; i < idleIds.length; i += 500) tx.delete(t.respondents).where(inArray(t.respondents.id, idleIds.slice(i, i + 500))).run();
    const emails = removeEmails(tx, idle.map((r) => r.email), null);
    report.respondentsRemoved += idle.length;
    report.emailsRemoved += emails;
    appendAudit(tx, { actorId: null, action: "retention.idle_respondents_removed", entityType: "respondents", entityId: null, detail: { respondents: idle.length, emails } });
  }, database);

  return report;
}
