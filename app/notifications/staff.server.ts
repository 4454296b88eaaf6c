/**
 * Telling staff: when a proposal opens, everyone in its affected staff groups gets an email
 * with a link to the public page, through the group's distribution list or to each member.
 * The public record keeps the count and the date per group, never an address.
 */
import { eq, inArray, sql } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { baseUrl } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import type { Proposal } from "~/proposals/types";
import { issueStaffChallengeLink } from "~/challenges/challenges.server";
import { nowIso } from "~/lib/clock";
import { headerSafe, kickOutbox, queueEmail } from "./outbox.server";
import { staffOpenedEmail } from "./templates";

export function publicUrl(slug: string) {
  return `${baseUrl()}/consultations/${encodeURIComponent(slug)}`;
}

/**
 * Queue one email for everyone in these staff groups, inside the caller's transaction: one to a
 * group's distribution list, or else one to each member. Members are emailed by one
 * INSERT ... SELECT over the member table (a group of 10,000 is one statement, not 10,000), each
 * row with its own idempotency key so a repeat queues nothing. Returns the emails queued and
 * the groups some address reached.
 */
export function emailStaffGroups(tx: DB, p: Pick<Proposal, "id">, ids: number[], how: { event: string; key: string; compose: (groupName: string) => { subject: string; text: string } }) {
  if (!ids.length) return { queued: 0, reached: [] as (typeof t.staffGroups.$inferSelect)[] };
  const groups = tx.select().from(t.staffGroups).where(inArray(t.staffGroups.id, ids)).all();
  const withMembers = new Set(
    tx
      .selectDistinct({ id: t.staffGroupMembers.staffGroupId })
      .from(t.staffGroupMembers)
      .where(inArray(t.staffGroupMembers.staffGroupId, ids))
      .all()
      .map((r) => r.id),
  );
  let queued = 0;
  const toMembers: { id: number; subject: string; text: string }[] = [];
  for (const group of groups) {
    if (group.distributionEmail) {
      const to = group.distributionEmail;
      if (queueEmail(tx, { idempotencyKey: `${how.key}:${p.id}:${group.id}:${to.toLowerCase()}`, event: how.event, to, ...how.compose(group.name), proposalId: p.id })) queued++;
    } else if (withMembers.has(group.id)) {
      const email = how.compose(group.name);
      toMembers.push({ id: group.id, subject: headerSafe(email.subject), text: email.text });
    }
  }
  if (toMembers.length) {
    // The same key and the same header-safe address as queueEmail would write (outbox.server.ts).
    const result = tx.run(sql`
      INSERT INTO outbox (idempotency_key, event, to_address, subject, text_body, proposal_id, next_attempt_at)
      SELECT ${`${how.key}:${p.id}:`} || m.staff_group_id || ':' || lower(m.email), ${how.event},
             trim(replace(replace(replace(replace(m.email, char(13), ' '), char(10), ' '), char(8232), ' '), char(8233), ' ')),
             json_extract(g.value, '$.subject'), json_extract(g.value, '$.text'), CAST(${p.id} AS INTEGER), ${nowIso()}
      FROM json_each(${JSON.stringify(toMembers)}) AS g
      JOIN staff_group_members AS m ON m.staff_group_id = json_extract(g.value, '$.id')
      WHERE true
      ON CONFLICT (idempotency_key) DO NOTHING`);
    if (result.changes > 0) kickOutbox();
    queued += result.changes;
  }
  // A group with no address at all is not reached.
  return { queued, reached: groups.filter((g) => g.distributionEmail || withMembers.has(g.id)) };
}

/**
 * Queue the opening email for everyone in the proposal's staff groups, inside the opening's
 * transaction, and record each group reached.
 */
export function notifyStaffAtOpening(tx: DB, p: Proposal, at: Date): number {
  const ids = p.staffGroups.map((g) => g.id);
  if (!ids.length) return 0;
  const settings = loadSettings(tx);
  // One link for all of them: using it says "a member of staff" and nothing more (challenges).
  const challengeLink = issueStaffChallengeLink(tx, p);
  const { queued, reached } = emailStaffGroups(tx, p, ids, {
    event: "staff_opened",
    key: "staff-opened",
    compose: (groupName) =>
      staffOpenedEmail({ council: settings.council.name, groupName, title: p.title, serviceName: p.serviceName, publicUrl: publicUrl(p.slug), closesOn: p.closesOn, challengeLink }),
  });
  // The head count at the time, so the record does not change when the directory does.
  // A group with no address at all is not recorded as told.
  for (const group of reached) {
    tx.insert(t.staffNotifications)
      .values({ proposalId: p.id, staffGroupId: group.id, headCount: group.headCount, sentAt: at.toISOString() })
      .onConflictDoNothing()
      .run();
  }
  return queued;
}

/** Groups of a proposal that no email can reach: shown to officers before opening. */
export function unreachableGroups(tx: DB, p: Proposal): string[] {
  const ids = p.staffGroups.map((g) => g.id);
  if (!ids.length) return [];
  const groups = tx.select().from(t.staffGroups).where(inArray(t.staffGroups.id, ids)).all();
  const members = tx.select({ staffGroupId: t.staffGroupMembers.staffGroupId }).from(t.staffGroupMembers).where(inArray(t.staffGroupMembers.staffGroupId, ids)).all();
  return groups.filter((g) => !g.distributionEmail && !members.some((m) => m.staffGroupId === g.id)).map((g) => g.name);
}

export function staffGroupById(tx: DB, id: number) {
  return tx.select().from(t.staffGroups).where(eq(t.staffGroups.id, id)).get();
}
