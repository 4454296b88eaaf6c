/**
 * Telling staff: when a proposal opens, everyone in its affected staff groups gets an email
 * with a link to the public page, through the group's distribution list or to each member.
 * The public record keeps the count and the date per group, never an address.
 */
import { eq, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { baseUrl } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import type { Proposal } from "~/proposals/types";
import { issueStaffChallengeLink } from "~/challenges/challenges.server";
import { queueEmail } from "./outbox.server";
import { staffOpenedEmail } from "./templates";

export function publicUrl(slug: string) {
  return `${baseUrl()}/consultations/${encodeURIComponent(slug)}`;
}

/** The addresses a group is emailed at: its distribution list, or else each member. */
export function groupAddresses(group: { distributionEmail: string | null }, members: string[]): string[] {
  return group.distributionEmail ? [group.distributionEmail] : [...new Set(members)];
}

export function notifyStaffAtOpening(tx: DB, p: Proposal, at: Date): number {
  const ids = p.staffGroups.map((g) => g.id);
  if (!ids.length) return 0;
  const settings = loadSettings(tx);
  const groups = tx.select().from(t.staffGroups).where(inArray(t.staffGroups.id, ids)).all();
  const members = tx.select().from(t.staffGroupMembers).where(inArray(t.staffGroupMembers.staffGroupId, ids)).all();
  // One link for all of them: using it says "a member of staff" and nothing more (challenges).
  const challengeLink = issueStaffChallengeLink(tx, p);
  let queued = 0;
  for (const group of groups) {
    const addresses = groupAddresses(group, members.filter((m) => m.staffGroupId === group.id).map((m) => m.email));
    for (const to of addresses) {
      const email = staffOpenedEmail({ council: settings.council.name, groupName: group.name, title: p.title, serviceName: p.serviceName, publicUrl: publicUrl(p.slug), closesOn: p.closesOn, challengeLink });
      if (queueEmail(tx, { idempotencyKey: `staff-opened:${p.id}:${group.id}:${to.toLowerCase()}`, event: "staff_opened", to, ...email, proposalId: p.id })) queued++;
    }
    // The head count at the time, so the record does not change when the directory does.
    // A group with no address at all is not recorded as told.
    if (addresses.length) {
      tx.insert(t.staffNotifications)
        .values({ proposalId: p.id, staffGroupId: group.id, headCount: group.headCount, sentAt: at.toISOString() })
        .onConflictDoNothing()
        .run();
    }
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
